import { Column, Entity, In, Index, PrimaryColumn, PrimaryGeneratedColumn, Table, type EntityManager, type QueryRunner } from 'typeorm';
import { parseJsonArray, stringItem, stringList } from './json-column';

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

  /** The ids the action named or produced (a JSON list in the column, as shipped between services). */
  @Column({ name: 'target_ids', type: 'text', transformer: stringList('audit_events.target_ids') })
  targetIds: string[];

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
      await q.query(
        `CREATE TRIGGER ${table}_no_${event.toLowerCase()} BEFORE ${event} ON ${table} FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${message}'`,
      );
    }
  } else {
    for (const event of ['UPDATE', 'DELETE']) {
      await q.query(`CREATE TRIGGER ${table}_no_${event.toLowerCase()} BEFORE ${event} ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END`);
    }
  }
}

/** Longer ids are not indexed: no stored record has one (the longest key column is 200), so no search could name it. */
export const AUDIT_TARGET_ID_LENGTH = 200;

/**
 * One id an audit event names, in the directory's consortium-wide trail only:
 * the trail is searched by id through the index on target_id, not by a LIKE
 * over the JSON text of every row. Append-only like the events.
 */
@Entity('audit_event_targets')
@Index('idx_audit_event_targets_target', ['targetId', 'eventSeq'])
export class AuditEventTarget {
  @PrimaryColumn({ name: 'event_seq', type: 'integer' })
  eventSeq: number;

  @PrimaryColumn({ name: 'target_id', type: 'varchar', length: AUDIT_TARGET_ID_LENGTH })
  targetId: string;
}

/**
 * The ids of an event worth indexing: each once as the database will hold it
 * (a lone surrogate, which a hostile request may carry, is stored as U+FFFD,
 * so two such ids would collide in the primary key), none longer than any
 * stored id.
 */
export function indexableTargetIds(targetIds: readonly string[]): string[] {
  const stored = targetIds.map((id) => Buffer.from(id, 'utf8').toString('utf8'));
  return [...new Set(stored)].filter((id) => id.length > 0 && id.length <= AUDIT_TARGET_ID_LENGTH);
}

/**
 * Stores an audit row. `searchable`: the directory's trail, where each target
 * id also gets its row in audit_event_targets, in the same transaction.
 */
export function insertAuditEvent(manager: EntityManager, event: AuditEvent, options: { searchable: boolean }): Promise<void> {
  return insertAuditEvents(manager, [event], options);
}

/**
 * Stores audit rows (ids all new) with one INSERT, and for the directory's
 * trail their target ids with one more. Each row's seq is read back by its id
 * rather than counted from the first insert id: MySQL 8's default
 * auto-increment lock mode does not promise consecutive values.
 */
export async function insertAuditEvents(manager: EntityManager, events: readonly AuditEvent[], options: { searchable: boolean }): Promise<void> {
  if (events.length === 0) return;
  await manager.insert(AuditEvent, [...events]);
  if (!options.searchable) return;
  const targetsOf = new Map(events.map((event) => [event.id, indexableTargetIds(event.targetIds)]));
  const named = events.filter((event) => targetsOf.get(event.id)!.length > 0);
  if (named.length === 0) return;
  const stored = await manager.find(AuditEvent, { select: { seq: true, id: true }, where: { id: In(named.map((event) => event.id)) } });
  const targets = stored.flatMap(({ seq, id }) => targetsOf.get(id)!.map((targetId) => ({ eventSeq: Number(seq), targetId })));
  await manager.insert(AuditEventTarget, targets);
}

/** The target-id table with its append-only triggers, filled from the events already stored (the directory's migration calls this). */
export async function createAuditTargetTable(q: QueryRunner): Promise<void> {
  await q.createTable(
    new Table({
      name: 'audit_event_targets',
      columns: [
        { name: 'event_seq', type: 'integer', isPrimary: true },
        { name: 'target_id', type: 'varchar', length: String(AUDIT_TARGET_ID_LENGTH), isPrimary: true },
      ],
      foreignKeys: [{ columnNames: ['event_seq'], referencedTableName: 'audit_events', referencedColumnNames: ['seq'] }],
      indices: [{ name: 'idx_audit_event_targets_target', columnNames: ['target_id', 'event_seq'] }],
    }),
  );
  await appendOnly(q, 'audit_event_targets');
  await backfillAuditTargets(q);
}

/**
 * Reads the JSON text of every stored event, a batch at a time, and writes
 * its ids. A malformed row stops the migration with its seq: every writer
 * stores JSON.stringify of a list, so one would mean a damaged trail.
 */
async function backfillAuditTargets(q: QueryRunner, batch = 500): Promise<void> {
  let after = 0;
  for (;;) {
    const rows: { seq: number | string; target_ids: string }[] = await q.query(
      `SELECT seq, target_ids FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ${batch}`,
      [after],
    );
    const last = rows.at(-1);
    if (!last) return;
    const pairs = rows.flatMap((row) =>
      indexableTargetIds(parseJsonArray(`audit_events.target_ids of seq ${row.seq}`, stringItem, row.target_ids)).map((id) => [Number(row.seq), id]),
    );
    // 1,000 pairs (2,000 parameters) a statement: well under SQLite's limit of 32,766.
    for (let i = 0; i < pairs.length; i += 1000) {
      const chunk = pairs.slice(i, i + 1000);
      await q.query(`INSERT INTO audit_event_targets (event_seq, target_id) VALUES ${chunk.map(() => '(?, ?)').join(', ')}`, chunk.flat());
    }
    after = Number(last.seq);
  }
}
