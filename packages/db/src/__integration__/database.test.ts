import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Column, Entity, PrimaryColumn, Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { loadConfig } from '@scr/config';
import { Database, databaseName, dropMysqlDatabase, isUniqueViolation, newOutboxEvent, OutboxEvent, createOutboxTable, StatementTimeoutError } from '..';

const MYSQL_URL = process.env.TEST_DATABASE_URL || 'mysql://root@127.0.0.1:3306';

@Entity('counters')
class Counter {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  name: string;

  @Column({ type: 'integer' })
  value: number;
}

class CreateCounters1700000000000 implements MigrationInterface {
  name = 'CreateCounters1700000000000';
  async up(q: QueryRunner) {
    await q.createTable(
      new Table({
        name: 'counters',
        columns: [
          { name: 'name', type: 'varchar', length: '20', isPrimary: true },
          { name: 'value', type: 'integer' },
        ],
      }),
    );
    await createOutboxTable(q);
  }
  async down(q: QueryRunner) {
    await q.dropTable('counters');
  }
}

const options = { service: 'incidents' as const, entities: [Counter, OutboxEvent], migrations: [CreateCounters1700000000000] };

describe.each([['mysql'], ['sqlite']])('Database on %s', (kind) => {
  let db: Database;
  let dataDir: string;
  const prefix = `scri_${randomBytes(4).toString('hex')}`;
  const config = () =>
    kind === 'mysql'
      ? loadConfig({ DATABASE_URL: MYSQL_URL, DATABASE_PREFIX: prefix, STATS_STATEMENT_TIMEOUT_MS: '300' })
      : loadConfig({ DATA_DIR: dataDir, STATS_STATEMENT_TIMEOUT_MS: '300' });

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scr-db-'));
    db = await Database.open(config(), options);
  });
  afterAll(async () => {
    await db.close();
    if (kind === 'mysql') await dropMysqlDatabase(MYSQL_URL, databaseName(config(), 'incidents'));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates its own database and runs the migrations once', async () => {
    expect(db.kind).toBe(kind);
    const again = await Database.open(config(), options); // a restart: migrations already applied
    await again.close();
    expect(await db.manager.count(Counter)).toBe(0);
  });

  it('runs 25 concurrent read-modify-write transactions without losing an update', async () => {
    await db.manager.insert(Counter, { name: 'c', value: 0 });
    await Promise.all(
      Array.from({ length: 25 }, () =>
        db.transaction(async (m) => {
          // Lock the row on MySQL, as the services do; SQLite's queue gives the same order.
          const qb = m.createQueryBuilder(Counter, 'c').where('c.name = :n', { n: 'c' });
          const row = await (db.kind === 'mysql' ? qb.setLock('pessimistic_write') : qb).getOneOrFail();
          await m.update(Counter, { name: 'c' }, { value: row.value + 1 });
        }),
      ),
    );
    expect((await db.manager.findOneByOrFail(Counter, { name: 'c' })).value).toBe(25);
  });

  it('rolls back the whole transaction when one statement fails', async () => {
    const failure = await db
      .transaction(async (m) => {
        await m.insert(OutboxEvent, newOutboxEvent('test.event', { n: 1 }));
        await m.insert(Counter, { name: 'c', value: 99 }); // duplicate primary key
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(isUniqueViolation(failure)).toBe(true);
    expect(await db.manager.count(OutboxEvent)).toBe(0);
    expect((await db.manager.findOneByOrFail(Counter, { name: 'c' })).value).toBe(25);
  });

  it('counts every statement it sends', async () => {
    const before = db.counter.count;
    await db.manager.count(Counter);
    await db.manager.count(Counter);
    expect(db.counter.count - before).toBe(2);
  });

  it('runs a heavy read under the statement time limit, with the rows getRawMany would give', async () => {
    const qb = db.manager.createQueryBuilder(Counter, 'c').select('c.name', 'name').addSelect('c.value', 'value').where('c.name = :n', { n: 'c' });
    expect(await db.selectWithTimeout(qb)).toEqual(await qb.getRawMany());
  });

  if (kind === 'mysql') {
    it('tells MySQL from MariaDB, and stops a statement held past the limit with StatementTimeoutError', async () => {
      const mysql = await import('mysql2/promise');
      const url = new URL(MYSQL_URL);
      const other = await mysql.createConnection({
        host: url.hostname,
        port: Number(url.port || 3306),
        user: decodeURIComponent(url.username || 'root'),
        database: databaseName(config(), 'incidents'),
      });
      try {
        const [[{ version }]] = (await other.query('SELECT VERSION() AS version')) as unknown as [[{ version: string }]];
        expect(db.server).toBe(/mariadb/i.test(version) ? 'mariadb' : 'mysql');
        // Another session's write lock makes the read wait: a slow statement without depending on the machine's speed.
        await other.query('LOCK TABLES counters WRITE');
        const started = Date.now();
        const failure = await db.selectWithTimeout(db.manager.createQueryBuilder(Counter, 'c').select('COUNT(*)', 'n')).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(failure).toBeInstanceOf(StatementTimeoutError);
        expect(Date.now() - started).toBeLessThan(5_000);
      } finally {
        await other.query('UNLOCK TABLES').catch(() => undefined);
        await other.end();
      }
    });
  }
});
