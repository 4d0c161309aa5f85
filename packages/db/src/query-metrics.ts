import type { DataSource, EntitySubscriberInterface } from 'typeorm';
import type { AfterQueryEvent } from 'typeorm/subscriber/event/QueryEvent';
import { dbQueryDuration, registerPool, type PoolUsage } from '@scr/observability';

/** Times every statement TypeORM sends (its own measurement, from the query runner). */
class QueryTimer implements EntitySubscriberInterface {
  afterQuery(event: AfterQueryEvent): void {
    if (event.executionTime === undefined) return;
    dbQueryDuration.observe({ outcome: event.success ? 'ok' : 'error' }, event.executionTime / 1000);
  }
}

interface Mysql2Pool {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
  config?: { connectionLimit?: number };
}

/**
 * Feeds scr_db_query_duration_seconds and scr_db_pool_connections from a data
 * source; returns the function that stops the pool reading (on close).
 * mysql2 has no public pool statistics, so its documented-by-use internals
 * are read; SQLite has one connection and no pool to report.
 */
export function observeDataSource(dataSource: DataSource, connectionLimit: number): () => void {
  dataSource.subscribers.push(new QueryTimer());
  const pool = (dataSource.driver as unknown as { pool?: Mysql2Pool }).pool;
  if (!pool) return () => undefined;
  return registerPool((): PoolUsage => {
    const all = pool._allConnections?.length ?? 0;
    const free = pool._freeConnections?.length ?? 0;
    return { used: all - free, free, waiting: pool._connectionQueue?.length ?? 0, limit: pool.config?.connectionLimit ?? connectionLimit };
  });
}
