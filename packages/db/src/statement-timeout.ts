/**
 * A time limit on one SELECT, so a heavy read (statistics over a long window)
 * is stopped by the database instead of holding a connection and the
 * subgraph's answer for as long as it takes. MySQL and MariaDB spell it
 * differently, and each ignores the other's spelling without complaint, so
 * the server is detected when the database is opened.
 */

/** Which server a Database talks to; MySQL and MariaDB differ in how a statement is given a time limit. */
export type SqlServer = 'mysql' | 'mariadb' | 'sqlite';

/** Thrown instead of the driver's error when the database stopped a statement at its time limit. */
export class StatementTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`The statement ran longer than ${timeoutMs} ms and was stopped by the database.`);
    this.name = 'StatementTimeoutError';
  }
}

/** The server flavour from `SELECT VERSION()` ("10.11.6-MariaDB-..." or "8.0.36"). */
export function serverFromVersion(version: string): 'mysql' | 'mariadb' {
  return /mariadb/i.test(version) ? 'mariadb' : 'mysql';
}

/**
 * The SELECT `sql` with a limit of `timeoutMs` milliseconds:
 * - MariaDB: `SET STATEMENT max_statement_time=<seconds> FOR SELECT ...`
 *   (MariaDB has no MAX_EXECUTION_TIME hint; it would be read as a comment);
 * - MySQL 5.7+/8: the optimizer hint `SELECT /*+ MAX_EXECUTION_TIME(<ms>) *\/ ...`,
 *   which must follow the SELECT keyword;
 * - SQLite has no statement time limit (better-sqlite3 runs synchronously);
 *   the SQL is returned unchanged and the window limits bound the work.
 */
export function withStatementTimeout(sql: string, timeoutMs: number, server: SqlServer): string {
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) throw new Error(`A statement timeout is a whole number of milliseconds of at least 1, got ${timeoutMs}`);
  if (server === 'sqlite') return sql;
  const select = /^\s*SELECT\b/i;
  if (!select.test(sql)) throw new Error('Only a SELECT is given a statement timeout');
  if (server === 'mariadb') return `SET STATEMENT max_statement_time=${(timeoutMs / 1000).toFixed(3)} FOR ${sql.trimStart()}`;
  return sql.replace(select, `SELECT /*+ MAX_EXECUTION_TIME(${timeoutMs}) */`);
}

/**
 * MariaDB's ER_STATEMENT_TIMEOUT (1969, "max_statement_time exceeded") and
 * MySQL's ER_QUERY_TIMEOUT (3024, "maximum statement execution time exceeded").
 */
const TIMEOUT_ERRNOS = new Set([1969, 3024]);

/** True when the driver's error says the statement was stopped at its time limit. */
export function isStatementTimeout(error: unknown): boolean {
  const e = error as { errno?: number; driverError?: { errno?: number } } | undefined;
  const errno = e?.driverError?.errno ?? e?.errno;
  return errno !== undefined && TIMEOUT_ERRNOS.has(errno);
}
