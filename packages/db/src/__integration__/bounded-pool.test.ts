import { randomBytes } from 'node:crypto';
import { loadConfig } from '@scr/config';
import { Database, databaseName, dropMysqlDatabase, transientFailureReason } from '..';

const MYSQL_URL = process.env.TEST_DATABASE_URL || 'mysql://root@127.0.0.1:3306';

/** A statement that outlives its limit, or a caller that finds every connection busy, fails quickly as "retry". */
describe('time limits on the MySQL pool', () => {
  const config = loadConfig({
    DATABASE_URL: MYSQL_URL,
    DATABASE_PREFIX: `scrb_${randomBytes(4).toString('hex')}`,
    DB_QUERY_TIMEOUT_MS: '300',
    DB_ACQUIRE_TIMEOUT_MS: '200',
  });
  let db: Database;

  beforeAll(async () => {
    db = await Database.open(config, { service: 'incidents', entities: [], migrations: [] });
  });
  afterAll(async () => {
    await db.close();
    await dropMysqlDatabase(MYSQL_URL, databaseName(config, 'incidents'));
  });

  it('stops waiting for a statement at DB_QUERY_TIMEOUT_MS with a transient failure, and the pool serves the next one', async () => {
    const error = await db.manager.query('SELECT SLEEP(3) AS s').catch((e: unknown) => e);
    expect(transientFailureReason(error)).toMatch(/statement timed out/);
    expect(await db.manager.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('refuses a caller no connection frees up for within DB_ACQUIRE_TIMEOUT_MS', async () => {
    // Ten transactions hold all ten pooled connections (connectionLimit 10) while an eleventh asks for one.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holders = Array.from({ length: 10 }, () => db.dataSource.transaction(() => held));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const error = await db.manager.query('SELECT 1').catch((e: unknown) => e);
    release();
    await Promise.all(holders);
    expect(transientFailureReason(error)).toMatch(/no database connection free/);
    expect(await db.manager.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
