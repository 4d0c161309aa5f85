import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { rebuildIncidentCountsSql } from '../stats/incident-counts';

/**
 * Pre-aggregated statistics (incident_counts), built from the incidents already
 * stored so an existing database answers exactly as before; and an index that
 * serves a board's incident list in its order (board_code, then seq).
 */
export class IncidentsCounts1764000012000 implements MigrationInterface {
  name = 'IncidentsCounts1764000012000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'incident_counts',
        columns: [
          { name: 'dimension', type: 'varchar', length: '24', isPrimary: true },
          { name: 'board_code', type: 'varchar', length: '32', isPrimary: true },
          { name: 'month', type: 'date', isPrimary: true },
          { name: 'stat_key', type: 'varchar', length: '40', isPrimary: true },
          { name: 'n', type: 'integer' },
        ],
      }),
    );
    for (const sql of rebuildIncidentCountsSql(q.connection.options.type === 'mysql' ? 'mysql' : 'sqlite')) await q.query(sql);
    await q.createIndex('incidents', new TableIndex({ name: 'idx_incidents_board_seq', columnNames: ['board_code', 'seq'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('incidents', 'idx_incidents_board_seq');
    await q.dropTable('incident_counts');
  }
}
