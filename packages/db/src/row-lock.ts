import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Database } from './database';

/**
 * Makes a read inside a transaction take the rows' write lock on MySQL, so a
 * second writer (a client's retry racing its original) waits, then reads what
 * the first committed. SQLite runs one transaction at a time and needs none.
 */
export function forUpdate<T extends ObjectLiteral>(db: Database, qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return db.kind === 'mysql' ? qb.setLock('pessimistic_write') : qb;
}
