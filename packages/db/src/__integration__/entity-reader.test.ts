import { Column, Entity, PrimaryGeneratedColumn, Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { entityReader, stringList, type Database } from '..';
import { scratchDatabase } from './scratch-database';

class Outcome {
  @Column({ name: 'outcome_kind', type: 'varchar', length: 20, nullable: true })
  kind: string | null;

  @Column({ name: 'outcome_on', type: 'date', nullable: true })
  on: string | null;
}

/** Every kind of column the subgraphs' hot lists read, each named unlike its property where the entities do so. */
@Entity('cases')
class Case {
  @PrimaryGeneratedColumn()
  seq: number;

  @Column({ name: 'board_code', type: 'varchar', length: 32 })
  boardCode: string;

  @Column({ name: 'suspected_suicide', type: 'boolean' })
  suspectedSuicide: boolean;

  @Column({ type: 'boolean', nullable: true })
  disability: boolean | null;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn: string;

  @Column({ name: 'notified_on', type: 'date', nullable: true })
  notifiedOn: string | null;

  @Column({ name: 'recorded_at', type: 'datetime', precision: 3, nullable: true })
  recordedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ type: 'text', transformer: stringList('cases.themes') })
  themes: string[];

  @Column(() => Outcome, { prefix: false })
  outcome: Outcome;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date = new Date();
}

class CreateCases1700000000000 implements MigrationInterface {
  name = 'CreateCases1700000000000';
  async up(q: QueryRunner) {
    await q.createTable(
      new Table({
        name: 'cases',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'board_code', type: 'varchar', length: '32' },
          { name: 'suspected_suicide', type: 'boolean' },
          { name: 'disability', type: 'boolean', isNullable: true },
          { name: 'occurred_on', type: 'date' },
          { name: 'notified_on', type: 'date', isNullable: true },
          { name: 'recorded_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'summary', type: 'text', isNullable: true },
          { name: 'themes', type: 'text' },
          { name: 'outcome_kind', type: 'varchar', length: '20', isNullable: true },
          { name: 'outcome_on', type: 'date', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
  }
  async down(q: QueryRunner) {
    await q.dropTable('cases');
  }
}

const options = { service: 'reviews' as const, entities: [Case], migrations: [CreateCases1700000000000] };

describe.each([['mysql'], ['sqlite']] as const)('entityReader on %s', (kind) => {
  const database = scratchDatabase(kind, options);
  let db: Database;

  beforeAll(async () => {
    db = database();
    const rows: Partial<Case>[] = [
      {
        boardCode: 'LEEDS',
        suspectedSuicide: true,
        disability: null,
        occurredOn: '2024-02-29',
        notifiedOn: null,
        recordedAt: null,
        summary: 'it\'s "quoted"; -- and ? and :name',
        themes: ['NEGLECT', 'NON_ACCIDENTAL_INJURY'],
        outcome: { kind: 'PUBLISHED', on: '2025-04-01' },
        createdAt: new Date('2025-03-30T00:59:59.123Z'),
      },
      {
        boardCode: 'WAKEFIELD',
        suspectedSuicide: false,
        disability: false,
        occurredOn: '2015-01-01',
        notifiedOn: '2015-01-05',
        recordedAt: new Date('2025-10-26T01:30:00.007Z'),
        summary: null,
        themes: [],
        outcome: { kind: null, on: null },
        createdAt: new Date('2016-06-01T12:00:00.000Z'),
      },
      {
        boardCode: 'LEEDS',
        suspectedSuicide: false,
        disability: true,
        occurredOn: '2026-12-31',
        notifiedOn: '2027-01-01',
        recordedAt: new Date('2026-12-02T23:59:59.999Z'),
        summary: 'a third',
        themes: ['SUICIDE'],
        outcome: { kind: 'CLOSED', on: null },
        createdAt: new Date('2026-12-02T08:00:00.500Z'),
      },
    ];
    for (const row of rows) await db.manager.save(Case, db.manager.create(Case, row));
  });

  it('gives every entity exactly as find() does: the class, dates, instants, booleans, nulls, embedded and transformed columns', async () => {
    const read = await entityReader(db, Case, 'c').select('1 = 1', {}, 'ORDER BY c.seq');
    const found = await db.manager.find(Case, { order: { seq: 'ASC' } });
    expect(read).toEqual(found);
    expect(read.map((row) => row instanceof Case)).toEqual([true, true, true]);
    expect(read[0]).toMatchObject({ suspectedSuicide: true, disability: null, occurredOn: '2024-02-29', themes: ['NEGLECT', 'NON_ACCIDENTAL_INJURY'] });
    expect(read[0]?.createdAt.toISOString()).toBe('2025-03-30T00:59:59.123Z');
    expect(read[1]).toMatchObject({ disability: false, notifiedOn: '2015-01-05', summary: null, themes: [], outcome: { kind: null, on: null } });
    expect(read[0]?.outcome).toEqual({ kind: 'PUBLISHED', on: '2025-04-01' });
  });

  it('binds named parameters and lists, and applies the tail', async () => {
    const reader = entityReader(db, Case, 'c');
    const leeds = await reader.select(
      'c.board_code IN (:...boards) AND c.occurred_on >= :from',
      { boards: ['LEEDS', 'BRADFORD'], from: '2020-01-01' },
      'ORDER BY c.seq DESC',
    );
    expect(leeds.map((row) => row.occurredOn)).toEqual(['2026-12-31', '2024-02-29']);
    expect(await reader.select('c.board_code = :board', { board: 'LEEDS' }, 'ORDER BY c.seq DESC LIMIT 1')).toHaveLength(1);
    // A value is bound, never spliced into the SQL.
    expect(await reader.select('c.summary = :text', { text: 'it\'s "quoted"; -- and ? and :name' })).toHaveLength(1);
    expect(await reader.select('c.board_code = :board', { board: "LEEDS' OR '1' = '1" })).toEqual([]);
  });

  it('gives one reader per entity and alias', () => {
    expect(entityReader(db, Case, 'c')).toBe(entityReader(db, Case, 'c'));
    expect(entityReader(db, Case, 'x')).not.toBe(entityReader(db, Case, 'c'));
  });
});
