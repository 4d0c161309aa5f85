import { randomBytes } from 'node:crypto';
import { Column, Entity, PrimaryColumn, Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { loadConfig } from '@scr/config';
import { Database, databaseName, dropMysqlDatabase } from '..';

const MYSQL_URL = process.env.TEST_DATABASE_URL || 'mysql://root@127.0.0.1:3306';

@Entity('lock_things')
class Thing {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  name: string;

  @Column({ type: 'integer' })
  value: number;
}

class CreateThings1700000000001 implements MigrationInterface {
  name = 'CreateThings1700000000001';
  async up(q: QueryRunner) {
    await q.createTable(
      new Table({
        name: 'lock_things',
        columns: [
          { name: 'name', type: 'varchar', length: '20', isPrimary: true },
          { name: 'value', type: 'integer' },
        ],
      }),
    );
  }
  async down(q: QueryRunner) {
    await q.dropTable('lock_things');
  }
}

const options = { service: 'reviews' as const, entities: [Thing], migrations: [CreateThings1700000000001] };

describe('migrations on MySQL: replicas starting together never race', () => {
  const prefix = `scrl_${randomBytes(4).toString('hex')}`;
  const config = loadConfig({ DATABASE_URL: MYSQL_URL, DATABASE_PREFIX: prefix });
  afterAll(() => dropMysqlDatabase(MYSQL_URL, databaseName(config, 'reviews')));

  it('is not ready while migrations are pending, and four replicas migrating at once apply each migration once', async () => {
    const waiting = await Database.open(config, options, { migrate: false });
    expect(await waiting.problem()).toBe('migrations are pending');

    const replicas = await Promise.all([1, 2, 3, 4].map(() => Database.open(config, options)));
    const applied = await waiting.dataSource.query('SELECT name FROM migrations');
    expect(applied).toEqual([{ name: 'CreateThings1700000000001' }]);
    expect(await waiting.problem()).toBeUndefined();
    for (const db of replicas) expect(await db.problem()).toBeUndefined();

    await Promise.all([...replicas, waiting].map((db) => db.close()));
    // Closing twice (a signal during shutdown) is harmless, and a closed database says so.
    await waiting.close();
    expect(await waiting.problem()).toBe('the database is closed');
  });
});
