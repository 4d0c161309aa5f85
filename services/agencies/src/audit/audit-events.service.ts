import { In } from 'typeorm';
import { hasRole } from '@scr/auth';
import { AUDIT_TARGET_ID_LENGTH, AuditEvent, insertAuditEvents, isUniqueViolation, parseJsonArray, stringItem, type Database } from '@scr/db';
import { seqPage } from '@scr/graphql-kit';
import type { ShippedAuditRow } from '@scr/internal-api';
import type { AgenciesContext } from '../context';
import type { AuditEventFilter, AuditEventType } from './audit-event.types';

/** The consortium-wide trail: everything for an admin, its own board's for a chair. Newest first. */
export async function listAuditEvents(ctx: AgenciesContext, filter: AuditEventFilter | null | undefined, first?: number | null, after?: string | null) {
  const qb = ctx.db.manager.createQueryBuilder(AuditEvent, 'e');
  if (!hasRole(ctx.principal, 'ADMIN')) {
    const own = ctx.principal?.board ?? '';
    qb.andWhere('(e.board = :own OR e.record_board = :own)', { own });
  }
  if (filter?.boardCode) qb.andWhere('(e.board = :fb OR e.record_board = :fb)', { fb: filter.boardCode });
  if (filter?.subject) qb.andWhere('e.subject = :subject', { subject: filter.subject });
  if (filter?.operation) qb.andWhere('e.operation = :operation', { operation: filter.operation });
  if (filter?.outcome) qb.andWhere('e.outcome = :outcome', { outcome: filter.outcome });
  // No stored id is longer, so none is indexed: a longer filter names nothing.
  if (filter?.targetId && filter.targetId.length > AUDIT_TARGET_ID_LENGTH) qb.andWhere('1 = 0');
  else if (filter?.targetId) qb.andWhere('e.seq IN (SELECT t.event_seq FROM audit_event_targets t WHERE t.target_id = :target)', { target: filter.targetId });
  if (filter?.from) qb.andWhere('e.at >= :from', { from: filter.from });
  if (filter?.to) qb.andWhere('e.at <= :to', { to: filter.to });
  const page = await seqPage(qb, { alias: 'e', first, after });
  return { ...page, edges: page.edges.map((edge) => ({ ...edge, node: toType(edge.node) })) };
}

function toType(e: AuditEvent): AuditEventType {
  return {
    id: e.id,
    at: e.at,
    service: e.service,
    subject: e.subject,
    roles: (e.roles ? e.roles.split(',') : []) as AuditEventType['roles'],
    board: e.board,
    recordBoard: e.recordBoard,
    operation: e.operation,
    targetIds: e.targetIds,
    outcome: e.outcome,
  };
}

/**
 * Stores rows shipped from another subgraph in one transaction; a
 * redelivered row is recognised by its id and skipped. Answers how many were
 * new. A twin replica storing the same rows at once makes one transaction
 * lose on the unique id: it runs again and skips them.
 */
export async function storeShippedAuditEvents(db: Database, rows: readonly ShippedAuditRow[]): Promise<number> {
  const events = rows.map(toAuditEvent);
  return db.transaction(
    async (manager) => {
      const ids = [...new Set(events.map((e) => e.id))];
      const held = new Set((await manager.find(AuditEvent, { select: { id: true }, where: { id: In(ids) } })).map((e) => e.id));
      const fresh: AuditEvent[] = [];
      for (const event of events) {
        if (held.has(event.id)) continue; // stored before, or twice in this batch
        held.add(event.id);
        fresh.push(event);
      }
      await insertAuditEvents(manager, fresh, { searchable: true });
      return fresh.length;
    },
    { retryOn: isUniqueViolation },
  );
}

function toAuditEvent(row: ShippedAuditRow): AuditEvent {
  const { targetIdsJson, ...rest } = row;
  return Object.assign(new AuditEvent(), {
    ...rest,
    targetIds: parseJsonArray("the shipped audit row's targetIdsJson", stringItem, targetIdsJson),
    at: new Date(row.at),
    board: row.board ?? null,
    recordBoard: row.recordBoard ?? null,
    requestId: row.requestId ?? null,
  });
}
