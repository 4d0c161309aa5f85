/**
 * A real deadlock on MariaDB/MySQL: two transactions lock two rows in
 * opposite orders. The server rolls one back (ER_LOCK_DEADLOCK);
 * Database.transaction runs it again and both succeed.
 */
import { randomBytes } from 'node:crypto';
import { Column, Entity, PrimaryColumn, Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { loadConfig } from '@scr/config';
import { Database, databaseName, dropMysqlDatabase, isRetryableConflict } from '..';

const MYSQL_URL = process.env.TEST_DATABASE_URL || 'mysql://root@127.0.0.1:3306';

@Entity('pairs')
class Pair {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  name: string;

  @Column({ type: 'integer' })
  value: number;
}

class CreatePairs1700000000001 implements MigrationInterface {
  name = 'CreatePairs1700000000001';
  async up(q: QueryRunner) {
    await q.createTable(
      new Table({
        name: 'pairs',
        columns: [
          { name: 'name', type: 'varchar', length: '20', isPrimary: true },
          { name: 'value', type: 'integer' },
        ],
      }),
    );
  }
  async down(q: QueryRunner) {
    await q.dropTable('pairs');
  }
}

const config = loadConfig({ DATABASE_URL: MYSQL_URL, DATABASE_PREFIX: `scrd_${randomBytes(4).toString('hex')}` });
let db: Database;

beforeAll(async () => {
  db = await Database.open(config, { service: 'incidents', entities: [Pair], migrations: [CreatePairs1700000000001] });
  await db.manager.insert(Pair, [
    { name: 'a', value: 0 },
    { name: 'b', value: 0 },
  ]);
});
afterAll(async () => {
  await db.close();
  await dropMysqlDatabase(MYSQL_URL, databaseName(config, 'incidents'));
});

/** Resolves once `n` callers have arrived, so both transactions hold their first lock before asking for the second. */
function barrier(n: number) {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    arrived += 1;
    if (arrived === n) open();
    return opened;
  };
}

it('retries the deadlock victim, and both transactions commit', async () => {
  const bothHoldOneLock = barrier(2);
  const failures: unknown[] = [];
  const attempts = { ab: 0, ba: 0 };
  const lockInOrder = (first: string, second: string, key: 'ab' | 'ba') =>
    db.transaction(async (m) => {
      attempts[key] += 1;
      await m.query('UPDATE pairs SET value = value + 1 WHERE name = ?', [first]);
      if (attempts[key] === 1) await bothHoldOneLock();
      try {
        await m.query('UPDATE pairs SET value = value + 1 WHERE name = ?', [second]);
      } catch (error) {
        failures.push(error);
        throw error;
      }
    });

  await Promise.all([lockInOrder('a', 'b', 'ab'), lockInOrder('b', 'a', 'ba')]);

  // The server really did pick a victim, and it was run again.
  expect(failures).toHaveLength(1);
  expect(isRetryableConflict(failures[0])).toBe(true);
  expect(attempts.ab + attempts.ba).toBe(3);
  const rows = await db.manager.find(Pair, { order: { name: 'ASC' } });
  expect(rows.map((r) => r.value)).toEqual([2, 2]);
});
