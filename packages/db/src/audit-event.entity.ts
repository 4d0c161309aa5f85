import { Column, Entity, Index, PrimaryGeneratedColumn, Table, type QueryRunner } from 'typeorm';

/**
 * One audited action: a mutation (with its outcome), a read of a child's
 * identity, or a refusal. Ids only, never the text of an input. Append-only:
 * the table's triggers refuse UPDATE and DELETE, and no code path issues them.
 */
@Entity('audit_events')
@Index('idx_audit_events_board', ['board', 'seq'])
@Index('idx_audit_events_record_board', ['recordBoard', 'seq'])
export class AuditEvent {
  @PrimaryGeneratedColumn()
  seq: number;

  @Column({ type: 'varchar', length: 36, unique: true })
  id: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  /** The subgraph (or gateway) that recorded it. */
  @Column({ type: 'varchar', length: 40 })
  service: string;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  /** Comma-separated contract Role names. */
  @Column({ type: 'varchar', length: 200 })
  roles: string;

  /** The caller's board, if any. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  board: string | null;

  /** The board owning the record acted on, when known. */
  @Column({ name: 'record_board', type: 'varchar', length: 32, nullable: true })
  recordBoard: string | null;

  @Column({ type: 'varchar', length: 100 })
  operation: string;

  /** JSON array of the ids the action named or produced. */
  @Column({ name: 'target_ids', type: 'text' })
  targetIdsJson: string;

  /** OK, or the error code the caller got. */
  @Column({ type: 'varchar', length: 40 })
  outcome: string;

  @Column({ name: 'request_id', type: 'varchar', length: 36, nullable: true })
  requestId: string | null;
}

/** The audit table with its append-only triggers; one migration per service calls this. */
export async function createAuditTable(q: QueryRunner): Promise<void> {
  await q.createTable(
    new Table({
      name: 'audit_events',
      columns: [
        { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'id', type: 'varchar', length: '36', isUnique: true },
        { name: 'at', type: 'datetime', precision: 3 },
        { name: 'service', type: 'varchar', length: '40' },
        { name: 'subject', type: 'varchar', length: '200' },
        { name: 'roles', type: 'varchar', length: '200' },
        { name: 'board', type: 'varchar', length: '32', isNullable: true },
        { name: 'record_board', type: 'varchar', length: '32', isNullable: true },
        { name: 'operation', type: 'varchar', length: '100' },
        { name: 'target_ids', type: 'text' },
        { name: 'outcome', type: 'varchar', length: '40' },
        { name: 'request_id', type: 'varchar', length: '36', isNullable: true },
      ],
      indices: [
        { name: 'idx_audit_events_board', columnNames: ['board', 'seq'] },
        { name: 'idx_audit_events_record_board', columnNames: ['record_board', 'seq'] },
      ],
    }),
  );
  await appendOnly(q, 'audit_events');
}

/** Database triggers that refuse UPDATE and DELETE on a table, on MySQL/MariaDB and on SQLite. */
export async function appendOnly(q: QueryRunner, table: string): Promise<void> {
  const message = `${table} is append-only`;
  if (q.connection.options.type === 'mysql') {
    for (const event of ['UPDATE', 'DELETE']) {
      await q.query(`CREATE TRIGGER ${table}_no_${event.toLowerCase()} BEFORE ${event} ON ${table} FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${message}'`);
    }
  } else {
    for (const event of ['UPDATE', 'DELETE']) {
      await q.query(`CREATE TRIGGER ${table}_no_${event.toLowerCase()} BEFORE ${event} ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END`);
    }
  }
}
