import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { loadConfig } from '@scr/config';
import { createAuditTable, createIdempotencyKeyTable, Database, databaseName, dropMysqlDatabase, sharedMigrations, widenTextColumns } from '..';

const MYSQL_URL = process.env.TEST_DATABASE_URL || 'mysql://root@127.0.0.1:3306';

// The per-service classes as they were written before sharedMigrations, for a database migrated back then.
class ReviewsAudit1764000000400 implements MigrationInterface {
  name = 'ReviewsAudit1764000000400';
  up = (q: QueryRunner) => createAuditTable(q);
  down = (q: QueryRunner) => q.dropTable('audit_events');
}
class ReviewsLongText1764000000500 implements MigrationInterface {
  name = 'ReviewsLongText1764000000500';
  up = (q: QueryRunner) => widenTextColumns(q);
  down = async () => {};
}
class ReviewsIdempotencyKeys1764000006000 implements MigrationInterface {
  name = 'ReviewsIdempotencyKeys1764000006000';
  up = (q: QueryRunner) => createIdempotencyKeyTable(q);
  down = (q: QueryRunner) => q.dropTable('idempotency_keys');
}

describe.each([['mysql'], ['sqlite']])('sharedMigrations on %s', (kind) => {
  let dataDir: string;
  const prefix = `scrm_${randomBytes(4).toString('hex')}`;
  const config = () => (kind === 'mysql' ? loadConfig({ DATABASE_URL: MYSQL_URL, DATABASE_PREFIX: prefix }) : loadConfig({ DATA_DIR: dataDir }));
  const shared = sharedMigrations('Reviews');

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scr-shared-migrations-'));
  });
  afterAll(async () => {
    if (kind === 'mysql') await dropMysqlDatabase(MYSQL_URL, databaseName(config(), 'reviews'));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('finds nothing to run in a database the per-service classes migrated', async () => {
    const before = await Database.open(config(), {
      service: 'reviews',
      entities: [],
      migrations: [ReviewsAudit1764000000400, ReviewsLongText1764000000500, ReviewsIdempotencyKeys1764000006000],
    });
    await before.close();
    const after = await Database.open(
      config(),
      { service: 'reviews', entities: [], migrations: [shared.audit, shared.longText, shared.idempotencyKeys] },
      { migrate: false },
    );
    try {
      expect(await after.dataSource.showMigrations()).toBe(false);
      await after.migrate(); // runs nothing: creating audit_events again would fail
    } finally {
      await after.close();
    }
  });
});
