import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger, QueryRunner } from 'typeorm';
import { logger } from '@scr/observability';

/** Marks work done for an API request, as opposed to background jobs such as outbox relays. */
export const requestScope = new AsyncLocalStorage<true>();

/**
 * Counts every SQL statement a data source sends, so tests can prove that a
 * request's statement count does not grow with the rows it returns (no N+1).
 */
export class CountingLogger implements Logger {
  /** Every statement. */
  count = 0;
  /** Statements sent while answering API requests (background relays excluded). */
  requestCount = 0;
  constructor(private readonly echo: boolean) {}

  logQuery(query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    this.count += 1;
    if (requestScope.getStore()) this.requestCount += 1;
    // LOG_SQL=1 shows the statements, never their values (names and free text live there).
    if (this.echo) logger.info({ sql: query }, '[sql]');
  }
  logQueryError(error: string | Error, query: string): void {
    if (this.echo) logger.error({ sql: query, error: error instanceof Error ? error.message : String(error) }, '[sql error]');
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
