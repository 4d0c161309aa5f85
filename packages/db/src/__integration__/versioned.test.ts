import { Column, Entity, PrimaryColumn, Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { updateVersioned, type Database } from '..';
import { scratchDatabase } from './scratch-database';

@Entity('cases')
class Case {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  // A property named unlike its column, as most are: the condition must use the column.
  @Column({ name: 'case_stage', type: 'varchar', length: 20 })
  stage: string;

  @Column({ type: 'integer' })
  version: number;
}

class CreateCases1700000000000 implements MigrationInterface {
  name = 'CreateCases1700000000000';
  async up(q: QueryRunner) {
    await q.createTable(
      new Table({
        name: 'cases',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'case_stage', type: 'varchar', length: '20' },
          { name: 'version', type: 'integer' },
        ],
      }),
    );
  }
  async down(q: QueryRunner) {
    await q.dropTable('cases');
  }
}

const options = { service: 'reviews' as const, entities: [Case], migrations: [CreateCases1700000000000] };

describe.each([['mysql'], ['sqlite']] as const)('updateVersioned on %s', (kind) => {
  const database = scratchDatabase(kind, options);
  let db: Database;
  beforeAll(() => (db = database()));

  const insert = async (id: string, stage = 'OPEN') => {
    await db.manager.insert(Case, { id, stage, version: 1 });
    return db.manager.findOneByOrFail(Case, { id });
  };

  it('writes the changes and the next version when the row holds the version read', async () => {
    const read = await insert('a');
    expect(await updateVersioned(db.manager, Case, read, { stage: 'CLOSED' })).toBe(true);
    expect(await db.manager.findOneByOrFail(Case, { id: 'a' })).toMatchObject({ stage: 'CLOSED', version: 2 });
  });

  it('writes nothing and answers false to a writer holding an older version', async () => {
    const read = await insert('b');
    expect(await updateVersioned(db.manager, Case, read, { stage: 'FIRST' })).toBe(true);
    expect(await updateVersioned(db.manager, Case, read, { stage: 'SECOND' })).toBe(false);
    expect(await db.manager.findOneByOrFail(Case, { id: 'b' })).toMatchObject({ stage: 'FIRST', version: 2 });
  });

  it('lets exactly one of many writers holding the same version win', async () => {
    const read = await insert('c');
    const won = await Promise.all(Array.from({ length: 8 }, (_, i) => db.transaction((m) => updateVersioned(m, Case, read, { stage: `W${i}` }))));
    expect(won.filter(Boolean)).toHaveLength(1);
    expect((await db.manager.findOneByOrFail(Case, { id: 'c' })).version).toBe(2);
  });

  it('adds a further condition by property, such as a stage', async () => {
    const read = await insert('d', 'AWAITING');
    expect(await updateVersioned(db.manager, Case, read, { stage: 'OPENED' }, { stage: 'DECIDED' })).toBe(false);
    expect(await updateVersioned(db.manager, Case, read, { stage: 'OPENED' }, { stage: 'AWAITING' })).toBe(true);
    expect(await db.manager.findOneByOrFail(Case, { id: 'd' })).toMatchObject({ stage: 'OPENED', version: 2 });
  });
});
