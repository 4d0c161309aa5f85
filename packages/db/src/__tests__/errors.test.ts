import { isRetryableConflict, isTransientFailure, isUniqueViolation, retrying, transientFailureReason } from '..';

/** Errors shaped as mysql2 throws them, wrapped as TypeORM's QueryFailedError wraps them. */
const mysqlError = (code: string, errno: number, sqlState: string) => Object.assign(new Error(code), { code, errno, sqlState });
const wrapped = (driverError: unknown) =>
  Object.assign(new Error('query failed'), { name: 'QueryFailedError', driverError, query: 'SELECT 1', parameters: ['x'] });

describe('isRetryableConflict', () => {
  it('accepts deadlocks, lock wait timeouts and serialisation failures, bare or wrapped', () => {
    expect(isRetryableConflict(wrapped(mysqlError('ER_LOCK_DEADLOCK', 1213, '40001')))).toBe(true);
    expect(isRetryableConflict(mysqlError('ER_LOCK_WAIT_TIMEOUT', 1205, 'HY000'))).toBe(true);
    expect(isRetryableConflict(wrapped({ code: 'UNKNOWN', errno: 9999, sqlState: '40001' }))).toBe(true);
  });

  it('refuses unique violations and ordinary errors', () => {
    expect(isRetryableConflict(wrapped(mysqlError('ER_DUP_ENTRY', 1062, '23000')))).toBe(false);
    expect(isRetryableConflict(new Error('boom'))).toBe(false);
    expect(isRetryableConflict(undefined)).toBe(false);
    expect(isUniqueViolation(wrapped(mysqlError('ER_DUP_ENTRY', 1062, '23000')))).toBe(true);
  });
});

describe('transientFailureReason', () => {
  it('names an unreachable database, a lost connection, a full server and a busy SQLite file', () => {
    expect(transientFailureReason(wrapped(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })))).toBe('unreachable (ECONNREFUSED)');
    expect(transientFailureReason(Object.assign(new Error('lost'), { code: 'PROTOCOL_CONNECTION_LOST' }))).toBe('unreachable (PROTOCOL_CONNECTION_LOST)');
    expect(transientFailureReason(mysqlError('ER_CON_COUNT_ERROR', 1040, '08004'))).toBe('unreachable (ER_CON_COUNT_ERROR)');
    expect(transientFailureReason(Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }))).toBe('unreachable (ETIMEDOUT)');
    expect(transientFailureReason(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).toBe('database busy (SQLITE_BUSY)');
    expect(transientFailureReason(new Error('Pool is closed.'))).toBe('database unreachable (Pool is closed)');
    expect(transientFailureReason(wrapped(mysqlError('ER_LOCK_DEADLOCK', 1213, '40001')))).toBe('database lock conflict (ER_LOCK_DEADLOCK)');
  });

  it('follows fetch failures to their cause', () => {
    const failed = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }) });
    expect(transientFailureReason(failed)).toBe('unreachable (ECONNREFUSED)');
  });

  it('leaves bugs and bad data alone', () => {
    expect(isTransientFailure(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isTransientFailure(wrapped(mysqlError('ER_DUP_ENTRY', 1062, '23000')))).toBe(false);
    expect(isTransientFailure(wrapped(mysqlError('ER_NO_SUCH_TABLE', 1146, '42S02')))).toBe(false);
  });
});

describe('retrying', () => {
  it('runs again after an accepted failure and answers the first success', async () => {
    let calls = 0;
    const result = await retrying(
      async () => {
        calls += 1;
        if (calls < 3) throw mysqlError('ER_LOCK_DEADLOCK', 1213, '40001');
        return 'done';
      },
      { retryOn: isRetryableConflict, baseDelayMs: 1 },
    );
    expect([result, calls]).toEqual(['done', 3]);
  });

  it('gives up after the attempts allowed, throwing the last failure', async () => {
    let calls = 0;
    const deadlock = mysqlError('ER_LOCK_DEADLOCK', 1213, '40001');
    await expect(
      retrying(
        async () => {
          calls += 1;
          throw deadlock;
        },
        { retryOn: isRetryableConflict, attempts: 3, baseDelayMs: 1 },
      ),
    ).rejects.toBe(deadlock);
    expect(calls).toBe(3);
  });

  it('throws any other failure at once', async () => {
    let calls = 0;
    await expect(
      retrying(
        async () => {
          calls += 1;
          throw new Error('bug');
        },
        { retryOn: isRetryableConflict, baseDelayMs: 1 },
      ),
    ).rejects.toThrow('bug');
    expect(calls).toBe(1);
  });
});
