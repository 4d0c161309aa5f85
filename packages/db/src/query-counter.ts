import type { Logger, QueryRunner } from 'typeorm';

/**
 * Counts every SQL statement a data source sends, so tests can prove that a
 * request's statement count does not grow with the rows it returns (no N+1).
 */
export class CountingLogger implements Logger {
  count = 0;
  constructor(private readonly echo: boolean) {}

  logQuery(query: string, parameters?: unknown[], _queryRunner?: QueryRunner): void {
    this.count += 1;
    if (this.echo) console.log('[sql]', query, parameters ?? []);
  }
  logQueryError(error: string | Error, query: string): void {
    if (this.echo) console.error('[sql error]', error, query);
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
