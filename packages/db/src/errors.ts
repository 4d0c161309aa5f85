/** True when the driver refused a row because a unique index already holds it. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; errno?: number; driverError?: { code?: string; errno?: number } };
  const code = e?.driverError?.code ?? e?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

interface DriverError {
  code?: string;
  errno?: number;
  sqlState?: string;
  message?: string;
  driverError?: DriverError;
  cause?: unknown;
}

/** The driver's own error: TypeORM wraps it in `driverError`, fetch and others in `cause`. */
function driverErrorOf(error: unknown): DriverError | undefined {
  let e = error as DriverError | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if (e.driverError) e = e.driverError;
    else if (e.code || e.errno || e.sqlState || !e.cause) return e;
    else e = e.cause as DriverError;
  }
  return e && typeof e === 'object' ? e : undefined;
}

/**
 * MySQL/MariaDB chose this transaction as a deadlock victim (1213), gave up
 * waiting for a row lock (1205), or could not serialise it (SQLSTATE 40001):
 * nothing was written, and the same transaction run again will very likely
 * succeed.
 */
export function isRetryableConflict(error: unknown): boolean {
  const e = driverErrorOf(error);
  if (!e) return false;
  return e.code === 'ER_LOCK_DEADLOCK' || e.errno === 1213 || e.code === 'ER_LOCK_WAIT_TIMEOUT' || e.errno === 1205 || e.sqlState === '40001';
}

/** Socket and server states meaning "the database (or a service) is not there right now". */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_SERVER_GONE_ERROR',
  'CR_SERVER_GONE_ERROR',
  'CR_SERVER_LOST',
  'CR_CONNECTION_ERROR',
  'CR_CONN_HOST_ERROR',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_HEADERS_TIMEOUT',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);

/** mysql2's pool and TypeORM say some of these in words only. */
const UNREACHABLE_MESSAGES =
  /^(Pool is closed|Queue limit reached|Connection lost|Can't add new command when connection is in closed state|Driver not Connected|Connection is not established)/i;

/**
 * Why a failure is transient (the database unreachable or overloaded, a
 * deadlock that outlived its retries, a connection cut, a timeout), in a few
 * words for a log line; undefined for anything else. A caller told
 * SERVICE_UNAVAILABLE may simply try again; no stack trace is worth logging.
 */
export function transientFailureReason(error: unknown): string | undefined {
  const e = driverErrorOf(error);
  if (!e) return undefined;
  if (isRetryableConflict(e)) return `database lock conflict (${e.code ?? e.sqlState ?? e.errno})`;
  if (e.code === 'PROTOCOL_SEQUENCE_TIMEOUT') return 'database statement timed out (DB_QUERY_TIMEOUT_MS)';
  if (e.code === 'POOL_ACQUIRE_TIMEOUT') return 'no database connection free in time (DB_ACQUIRE_TIMEOUT_MS)';
  if (e.code && UNREACHABLE_CODES.has(e.code)) return e.code.startsWith('SQLITE') ? `database busy (${e.code})` : `unreachable (${e.code})`;
  if (e.message && UNREACHABLE_MESSAGES.test(e.message)) return `database unreachable (${e.message.replace(/\.$/, '')})`;
  if ((error as Error)?.name === 'TimeoutError' || e.code === 'ABORT_ERR' || (e as Error).name === 'TimeoutError') return 'timed out';
  return undefined;
}

export function isTransientFailure(error: unknown): boolean {
  return transientFailureReason(error) !== undefined;
}
