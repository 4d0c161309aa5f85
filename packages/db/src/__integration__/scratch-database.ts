import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '@scr/config';
import { Database, databaseName, dropMysqlDatabase, type DatabaseOptions } from '..';

const MYSQL_URL = process.env.TEST_DATABASE_URL || 'mysql://root@127.0.0.1:3306';

/**
 * A throwaway database of one kind for the enclosing describe block: opened
 * (and migrated) before its tests, closed and dropped after them. The getter
 * gives the open database.
 */
export function scratchDatabase(kind: 'mysql' | 'sqlite', options: DatabaseOptions): () => Database {
  let db: Database | undefined;
  let dataDir: string;
  const prefix = `scrs_${randomBytes(4).toString('hex')}`;
  const config = () => (kind === 'mysql' ? loadConfig({ DATABASE_URL: MYSQL_URL, DATABASE_PREFIX: prefix }) : loadConfig({ DATA_DIR: dataDir }));

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scr-scratch-'));
    db = await Database.open(config(), options);
  });
  afterAll(async () => {
    await db?.close();
    if (kind === 'mysql') await dropMysqlDatabase(MYSQL_URL, databaseName(config(), options.service));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return () => {
    if (!db) throw new Error('scratchDatabase: used outside its tests');
    return db;
  };
}
