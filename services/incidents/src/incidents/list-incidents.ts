import { entityReader } from '@scr/db';
import { decodeNumericCursor, pageSize, toPage, type DeadlineStatusEnum } from '@scr/graphql-kit';
import type { IncidentsContext } from '../context';
import type { IncidentConnection } from './incident.connection';
import { Incident } from './incident.entity';
import type { IncidentFilter } from './incident.inputs';
import { scopeCondition } from './incident.scope';

/**
 * Newest first; the scope and every filter are part of the SQL, and the total
 * counts the same rows. As seqPage, but the total is counted only when asked
 * for (IncidentConnectionResolver): the page reads the primary key backwards
 * from the cursor (about 250 rows for a board's page of 50 at 1,000,000
 * incidents), the count reads every row of the board.
 */
export async function listIncidents(
  ctx: IncidentsContext,
  filter: IncidentFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Omit<IncidentConnection, 'totalCount'>> {
  const size = pageSize(first, 50);
  const afterSeq = decodeNumericCursor(after);
  const scope = scopeCondition('i', await ctx.scope());
  const conditions = [scope.sql];
  const parameters = { ...scope.parameters, ...filter, today: ctx.today, afterSeq };
  if (filter?.boardCodes) conditions.push(filter.boardCodes.length ? 'i.board_code IN (:...boardCodes)' : '1 = 0');
  if (filter?.criterion) conditions.push('i.criterion = :criterion');
  if (filter?.awareFrom) conditions.push('i.aware_on >= :awareFrom');
  if (filter?.awareTo) conditions.push('i.aware_on <= :awareTo');
  if (filter?.notificationStatus) conditions.push(NOTIFICATION_STATUS_SQL[filter.notificationStatus]);
  const where = conditions.join(' AND ');
  let total: Promise<number> | undefined;
  const countTotal = () => (total ??= ctx.db.manager.createQueryBuilder(Incident, 'i').where(where, parameters).getCount());
  const pageWhere = afterSeq === undefined ? where : `${where} AND i.seq < :afterSeq`;
  const rows = size === 0 ? [] : await entityReader(ctx.db, Incident, 'i').select(pageWhere, parameters, `ORDER BY i.seq DESC LIMIT ${size + 1}`);
  return { ...toPage(rows, size, (row) => row.seq), countTotal };
}

/** The same rules as notificationStatus(), in SQL; a referral has no deadline and counts as PENDING. */
export const NOTIFICATION_STATUS_SQL: Record<DeadlineStatusEnum, string> = {
  MET: 'i.notified_on IS NOT NULL AND i.notified_on <= i.notification_due_on',
  LATE: 'i.notified_on IS NOT NULL AND i.notified_on > i.notification_due_on',
  OVERDUE: 'i.notified_on IS NULL AND i.notification_due_on IS NOT NULL AND i.notification_due_on < :today',
  PENDING: 'i.notified_on IS NULL AND (i.notification_due_on IS NULL OR i.notification_due_on >= :today)',
};
