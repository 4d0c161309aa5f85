import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '@scr/config';
import { databaseName, dropMysqlDatabase, type Database } from '@scr/db';
import { openDatabase } from '../database';

const MYSQL_URL = process.env.TEST_DATABASE_URL || 'mysql://root@127.0.0.1:3306';

/** Both engines, for `describe.each(ENGINES)`: what is decided in SQL must hold on each. */
export const ENGINES: ['mysql' | 'sqlite'][] = [['mysql'], ['sqlite']];

/**
 * A migrated reviews database of its own for the enclosing describe, on the
 * given engine: opened before its tests, closed and dropped after them.
 * Returns a getter, as the database exists only once beforeAll has run.
 */
export function throwawayReviewsDatabase(kind: 'mysql' | 'sqlite'): () => Database {
  let db: Database | undefined;
  let dataDir = '';
  const prefix = `scrt_${randomBytes(4).toString('hex')}`;
  const config = () => (kind === 'mysql' ? loadConfig({ DATABASE_URL: MYSQL_URL, DATABASE_PREFIX: prefix }) : loadConfig({ DATA_DIR: dataDir }));
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scr-reviews-'));
    db = await openDatabase(config());
  });
  afterAll(async () => {
    await db?.close();
    if (kind === 'mysql') await dropMysqlDatabase(MYSQL_URL, databaseName(config(), 'reviews'));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return () => {
    if (!db) throw new Error('The throwaway database is opened in beforeAll: use it inside a test or hook.');
    return db;
  };
}
