import { sqlTimestamp } from '@scr/db';
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Reference data: the five boards and the dates their partnership arrangements began. */
const BOARDS = [
  { code: 'BRADFORD', name: 'Bradford Safeguarding Children Board', from: '2019-09-29' },
  { code: 'CALDERDALE', name: 'Calderdale Safeguarding Children Board', from: '2019-04-01' },
  { code: 'KIRKLEES', name: 'Kirklees Safeguarding Children Board', from: '2019-09-29' },
  { code: 'LEEDS', name: 'Leeds Safeguarding Children Board', from: '2019-09-01' },
  { code: 'WAKEFIELD', name: 'Wakefield Safeguarding Children Board', from: '2019-09-29' },
];

export class Directory1764000000000 implements MigrationInterface {
  name = 'Directory1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'boards',
        columns: [
          { name: 'code', type: 'varchar', length: '32', isPrimary: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'partnership_arrangements_from', type: 'date', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'agencies',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'id', type: 'varchar', length: '36', isUnique: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'sector', type: 'varchar', length: '40' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'agency_boards',
        columns: [
          { name: 'agency_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'board_code', type: 'varchar', length: '32', isPrimary: true },
        ],
        foreignKeys: [
          { columnNames: ['agency_id'], referencedTableName: 'agencies', referencedColumnNames: ['id'] },
          { columnNames: ['board_code'], referencedTableName: 'boards', referencedColumnNames: ['code'] },
        ],
      }),
    );
    await q.createIndex('agency_boards', new TableIndex({ name: 'idx_agency_boards_board', columnNames: ['board_code'] }));
    for (const b of BOARDS) {
      await q.query('INSERT INTO boards (code, name, partnership_arrangements_from, created_at) VALUES (?, ?, ?, ?)', [b.code, b.name, b.from, sqlTimestamp()]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('agency_boards');
    await q.dropTable('agencies');
    await q.dropTable('boards');
  }
}
