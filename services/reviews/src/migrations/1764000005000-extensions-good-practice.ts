import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { todayInLondon } from '@scr/calendar';

const seq = { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };
const reviewId = { name: 'review_id', type: 'varchar', length: '36' };
// MEDIUMTEXT on MySQL, like every text column since 1764000000500 (20,000 characters of any script).
const longText = (q: QueryRunner) => (q.connection.options.type === 'mysql' ? 'mediumtext' : 'text');

/**
 * Every timescale extension kept with the date it was agreed, and examples
 * of good practice. The one extension a review could hold before moves to
 * review_extensions; its agreedOn is the day the audit trail shows it
 * recorded (the original due date when the trail has no row). One recorded
 * after the due date no longer extends it: lateness is not rewritten.
 */
export class ReviewsExtensionsGoodPractice1764000005000 implements MigrationInterface {
  name = 'ReviewsExtensionsGoodPractice1764000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'review_extensions',
        columns: [
          seq,
          reviewId,
          { name: 'reason', type: longText(q) },
          { name: 'completion_due_on', type: 'date' },
          { name: 'interim_learning', type: longText(q) },
          { name: 'agreed_on', type: 'date' },
        ],
        indices: [{ name: 'idx_review_extensions_review', columnNames: ['review_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'review_good_practice',
        columns: [seq, reviewId, { name: 'position', type: 'integer' }, { name: 'example', type: longText(q) }],
        indices: [{ name: 'idx_review_good_practice_review', columnNames: ['review_id'] }],
      }),
    );

    const extended: { id: string; due: string; extended: string; reason: string | null; learning: string | null }[] = await q.query(
      'SELECT id, completion_due_on AS due, extended_completion_due_on AS extended, extension_reason AS reason, extension_interim_learning AS learning FROM reviews WHERE extended_completion_due_on IS NOT NULL AND completion_due_on IS NOT NULL',
    );
    for (const r of extended) {
      const due = dateText(r.due);
      const recorded: { at: Date | string }[] = await q.query(
        "SELECT at FROM audit_events WHERE operation = 'extendTimescale' AND outcome = 'OK' AND target_ids LIKE ? ORDER BY seq DESC LIMIT 1",
        [`%${r.id}%`],
      );
      const [latest] = recorded;
      const agreedOn = latest ? todayInLondon(instant(latest.at)) : due;
      await q.query('INSERT INTO review_extensions (review_id, reason, completion_due_on, interim_learning, agreed_on) VALUES (?, ?, ?, ?, ?)', [
        r.id,
        r.reason ?? '',
        dateText(r.extended),
        r.learning ?? '[]',
        agreedOn,
      ]);
      if (agreedOn > due) await q.query('UPDATE reviews SET extended_completion_due_on = NULL WHERE id = ?', [r.id]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('review_good_practice');
    await q.dropTable('review_extensions');
  }
}

/** A DATE as 'YYYY-MM-DD' whichever way the driver hands it over. */
function dateText(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}

/** A DATETIME stored as UTC: a Date from MySQL, 'YYYY-MM-DD HH:MM:SS.SSS' text from SQLite. */
function instant(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}
