/**
 * Time limits on a mysql2 pool, so a database that hangs (frozen, a network
 * that drops packets) fails requests quickly with a transient error instead
 * of holding them until some HTTP timeout cuts them:
 * - connect: mysql2's own `connectTimeout` (a socket the kernel accepted but
 *   the server never greets) is set where the pool is made;
 * - query: TypeORM hands mysql2 a per-query `timeout`; here a connection whose
 *   query timed out is destroyed, since its next command would queue behind
 *   the unanswered one;
 * - acquire: mysql2 waits for a free connection without limit; here a caller
 *   waiting longer than `acquireTimeoutMs` is refused (PoolAcquireTimeoutError),
 *   and a connection that arrives later goes back to the pool.
 */

/** The parts of mysql2's callback pool this needs. */
interface CallbackPool {
  getConnection(cb: (error: Error | null, connection?: PoolConnectionLike) => void): void;
}

interface PoolConnectionLike {
  release(): void;
  destroy(): void;
  query: (...args: unknown[]) => unknown;
}

export class PoolAcquireTimeoutError extends Error {
  readonly code = 'POOL_ACQUIRE_TIMEOUT';
  constructor(readonly timeoutMs: number) {
    super(`No database connection became free within ${timeoutMs} ms.`);
    this.name = 'PoolAcquireTimeoutError';
  }
}

/** mysql2's code for a query that outlived its `timeout`. */
const QUERY_TIMEOUT_CODE = 'PROTOCOL_SEQUENCE_TIMEOUT';

export function boundPool(pool: CallbackPool, options: { acquireTimeoutMs: number }): void {
  const getConnection = pool.getConnection.bind(pool);
  pool.getConnection = (cb) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      cb(new PoolAcquireTimeoutError(options.acquireTimeoutMs));
    }, options.acquireTimeoutMs);
    getConnection((error, connection) => {
      if (settled) {
        connection?.release();
        return;
      }
      settled = true;
      clearTimeout(timer);
      if (connection) destroyOnQueryTimeout(connection);
      cb(error, connection);
    });
  };
}

const WRAPPED = Symbol('destroyOnQueryTimeout');

/** Wrapped when handed out (the pool's first connection is made before boundPool runs), once per connection. */
function destroyOnQueryTimeout(connection: PoolConnectionLike & { [WRAPPED]?: true }): void {
  if (connection[WRAPPED]) return;
  connection[WRAPPED] = true;
  const query = connection.query.bind(connection);
  connection.query = (...args: unknown[]) => {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      args[last] = (error: { code?: string } | null, ...rest: unknown[]) => {
        if (error?.code === QUERY_TIMEOUT_CODE) connection.destroy();
        return (callback as (...a: unknown[]) => unknown)(error, ...rest);
      };
    }
    return query(...args);
  };
}
