import { hasRole } from '@scr/auth';
import { AuditEvent, isUniqueViolation, type Database } from '@scr/db';
import { seqPage } from '@scr/graphql-kit';
import type { ShippedAuditRow } from '@scr/internal-api';
import type { AgenciesContext } from '../context';
import type { AuditEventFilter, AuditEventType } from './audit-event.types';

/** No stored id is longer (the longest key column is 200); a longer filter names nothing, and SQLite refuses a LIKE pattern past 50,000 bytes. */
const LONGEST_ID = 200;

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
  if (filter?.targetId && filter.targetId.length > LONGEST_ID) qb.andWhere('1 = 0');
  else if (filter?.targetId) qb.andWhere('e.target_ids LIKE :target', { target: `%"${filter.targetId.replace(/["%_\\]/g, '')}"%` });
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
    targetIds: JSON.parse(e.targetIdsJson) as string[],
    outcome: e.outcome,
  };
}

/** Stores a row shipped from another subgraph; a redelivery is recognised by its id and ignored. */
export async function storeShippedAuditEvent(db: Database, row: ShippedAuditRow): Promise<void> {
  const event = Object.assign(new AuditEvent(), {
    ...row,
    at: new Date(row.at),
    board: row.board ?? null,
    recordBoard: row.recordBoard ?? null,
    requestId: row.requestId ?? null,
  });
  try {
    await db.transaction(async (manager) => {
      if (!(await manager.exists(AuditEvent, { where: { id: event.id } }))) await manager.insert(AuditEvent, event);
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

