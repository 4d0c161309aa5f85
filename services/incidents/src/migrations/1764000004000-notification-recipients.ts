import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Who a notification goes to: the regime fixed at notification, whether the
 * panel is a recipient, and the panel feed's position (moved by corrections).
 * Incidents notified before this change keep their place in the feed; their
 * regime is worked out from the board's dates when read.
 */
export class IncidentsNotificationRecipients1764000004000 implements MigrationInterface {
  name = 'IncidentsNotificationRecipients1764000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('incidents', [
      new TableColumn({ name: 'notification_regime', type: 'varchar', length: '20', isNullable: true }),
      new TableColumn({ name: 'notified_to_panel', type: 'boolean', default: false }),
      new TableColumn({ name: 'panel_recorded_at', type: 'datetime', precision: 3, isNullable: true }),
    ]);
    await q.query(
      `UPDATE incidents SET panel_recorded_at = notification_recorded_at, notified_to_panel = 1
       WHERE notification_recorded_at IS NOT NULL AND NOT (criterion = 'LOOKED_AFTER_CHILD_DIED' AND abuse_or_neglect = 'NOT_KNOWN')`,
    );
    await q.createIndex('incidents', new TableIndex({ name: 'idx_incidents_panel_feed', columnNames: ['notified_to_panel', 'panel_recorded_at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('incidents', 'idx_incidents_panel_feed');
    await q.dropColumns('incidents', ['panel_recorded_at', 'notified_to_panel', 'notification_regime']);
  }
}
