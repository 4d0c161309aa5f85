import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * One row whose version moves with every change to incident_counts, in the
 * change's own transaction, so a statistics answer read from the counts can
 * be kept until the counts change (CountsAnswerCache) and never longer.
 */
export class IncidentsCountsVersion1764000013000 implements MigrationInterface {
  name = 'IncidentsCountsVersion1764000013000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'incident_counts_version',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'version', type: 'bigint', default: 0 },
        ],
      }),
    );
    await q.query('INSERT INTO incident_counts_version (id, version) VALUES (1, 0)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('incident_counts_version');
  }
}
