import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createOutboxTable } from '@scr/db';

const id = (name = 'id') => ({ name, type: 'varchar', length: '36' });
const seq = { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };
const text = (name: string, nullable = false) => ({ name, type: 'text', isNullable: nullable });
const date = (name: string, nullable = false) => ({ name, type: 'date', isNullable: nullable });
const varchar = (name: string, length: number, nullable = false) => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const bool = (name: string, nullable = false) => ({ name, type: 'boolean', isNullable: nullable });
const instant = (name: string, nullable = false) => ({ name, type: 'datetime', precision: 3, isNullable: nullable });

export class Reviews1764000000200 implements MigrationInterface {
  name = 'Reviews1764000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'reviewers',
        columns: [
          seq,
          { ...id(), isUnique: true },
          varchar('name', 200),
          text('qualifications'),
          text('affiliated_agency_ids'),
          text('affiliated_board_codes'),
          instant('created_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'reviews',
        columns: [
          seq,
          { ...id(), isUnique: true },
          { ...varchar('reference', 64), isUnique: true },
          { ...id('incident_id'), isUnique: true },
          varchar('board_code', 32),
          varchar('regime', 20),
          varchar('kind', 60),
          varchar('stage', 30),
          date('opened_on'),
          date('decision_due_on', true),
          varchar('decision_outcome', 40, true),
          bool('decision_criteria_met', true),
          text('decision_partners_agreed', true),
          text('decision_rationale', true),
          date('decided_on', true),
          varchar('decided_by', 200, true),
          date('initiated_on', true),
          date('completion_due_on', true),
          text('extension_reason', true),
          date('extended_completion_due_on', true),
          text('extension_interim_learning', true),
          varchar('methodology_name', 300, true),
          text('methodology_data_collection', true),
          text('methodology_analysis', true),
          text('findings', true),
          date('completed_on', true),
          varchar('publication_url', 2000, true),
          date('sent_to_panel_on', true),
          date('published_on', true),
          date('available_until', true),
          text('plain_english_summary', true),
          bool('welfare_impact_considered', true),
          bool('data_protection_checked', true),
          bool('court_restrictions_checked', true),
          date('embargo_until', true),
          { name: 'version', type: 'integer' },
          instant('created_at'),
        ],
        indices: [
          { name: 'idx_reviews_board_stage', columnNames: ['board_code', 'stage'] },
          { name: 'idx_reviews_published', columnNames: ['published_on'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'review_appointments',
        columns: [seq, id('review_id'), id('reviewer_id'), bool('lead'), date('appointed_on'), text('independence_statement')],
        indices: [
          { name: 'idx_review_appointments_unique', columnNames: ['review_id', 'reviewer_id'], isUnique: true },
          { name: 'idx_review_appointments_reviewer', columnNames: ['reviewer_id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'review_agencies',
        columns: [
          { ...id('review_id'), isPrimary: true },
          { ...id('agency_id'), isPrimary: true },
          { name: 'position', type: 'integer' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'review_parallel_processes',
        columns: [seq, id('review_id'), varchar('kind', 40), varchar('reference', 200), varchar('lead_organisation', 300, true)],
        indices: [{ name: 'idx_review_parallel_review', columnNames: ['review_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'review_family_engagements',
        columns: [seq, id('review_id'), varchar('participant', 300), date('engaged_on'), bool('contributed'), text('note', true)],
        indices: [{ name: 'idx_review_family_review', columnNames: ['review_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'review_themes',
        columns: [
          { ...id('review_id'), isPrimary: true },
          { ...varchar('theme', 40), isPrimary: true },
          { name: 'position', type: 'integer' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'information_requests',
        columns: [
          seq,
          { ...id(), isUnique: true },
          id('review_id'),
          varchar('board_code', 32),
          id('agency_id'),
          text('purpose'),
          text('necessity'),
          text('proportionality'),
          bool('statutory'),
          date('requested_on'),
          date('due_on'),
          varchar('stored_status', 20),
          text('response', true),
          date('responded_on', true),
          text('withdrawn_reason', true),
          varchar('created_by', 200),
        ],
        indices: [
          { name: 'idx_information_requests_agency', columnNames: ['agency_id'] },
          { name: 'idx_information_requests_review', columnNames: ['review_id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'peer_challenges',
        columns: [
          seq,
          { ...id(), isUnique: true },
          id('review_id'),
          varchar('board_code', 32),
          varchar('challenger_board_code', 32),
          text('question'),
          instant('requested_at'),
          instant('access_until'),
          text('response', true),
          instant('responded_at', true),
          instant('revoked_at', true),
        ],
        indices: [{ name: 'idx_peer_challenges_challenger', columnNames: ['challenger_board_code', 'access_until'] }],
      }),
    );
    await q.createTable(new Table({ name: 'processed_events', columns: [{ ...id('event_id'), isPrimary: true }, instant('processed_at')] }));
    await createOutboxTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'outbox_events',
      'processed_events',
      'peer_challenges',
      'information_requests',
      'review_themes',
      'review_family_engagements',
      'review_parallel_processes',
      'review_agencies',
      'review_appointments',
      'reviews',
      'reviewers',
    ]) {
      await q.dropTable(table);
    }
  }
}
