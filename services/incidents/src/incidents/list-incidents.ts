import { decodeNumericCursor, pageSize, toPage, type DeadlineStatusEnum } from '@scr/graphql-kit';
import type { IncidentsContext } from '../context';
import type { IncidentConnection } from './incident.connection';
import { Incident } from './incident.entity';
import type { IncidentFilter } from './incident.inputs';
import { whereInScope } from './incident.scope';

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
  const base = ctx.db.manager.createQueryBuilder(Incident, 'i');
  whereInScope(base, 'i', await ctx.scope());
  if (filter?.boardCodes) {
    if (!filter.boardCodes.length) base.andWhere('1 = 0');
    else base.andWhere('i.board_code IN (:...boardCodes)', { boardCodes: filter.boardCodes });
  }
  if (filter?.criterion) base.andWhere('i.criterion = :criterion', { criterion: filter.criterion });
  if (filter?.awareFrom) base.andWhere('i.aware_on >= :awareFrom', { awareFrom: filter.awareFrom });
  if (filter?.awareTo) base.andWhere('i.aware_on <= :awareTo', { awareTo: filter.awareTo });
  if (filter?.notificationStatus) {
    base.andWhere(NOTIFICATION_STATUS_SQL[filter.notificationStatus], { today: ctx.today });
  }
  let total: Promise<number> | undefined;
  const countTotal = () => (total ??= base.clone().getCount());
  const page = base
    .clone()
    .orderBy('i.seq', 'DESC')
    .take(size + 1);
  if (afterSeq !== undefined) page.andWhere('i.seq < :afterSeq', { afterSeq });
  const rows = size === 0 ? [] : await page.getMany();
  return { ...toPage(rows, size, (row) => row.seq), countTotal };
}

/** The same rules as notificationStatus(), in SQL; a referral has no deadline and counts as PENDING. */
export const NOTIFICATION_STATUS_SQL: Record<DeadlineStatusEnum, string> = {
  MET: 'i.notified_on IS NOT NULL AND i.notified_on <= i.notification_due_on',
  LATE: 'i.notified_on IS NOT NULL AND i.notified_on > i.notification_due_on',
  OVERDUE: 'i.notified_on IS NULL AND i.notification_due_on IS NOT NULL AND i.notification_due_on < :today',
  PENDING: 'i.notified_on IS NULL AND (i.notification_due_on IS NULL OR i.notification_due_on >= :today)',
};
