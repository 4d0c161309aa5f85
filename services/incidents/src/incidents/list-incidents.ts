import { seqPage } from '@scr/graphql-kit';
import type { IncidentsContext } from '../context';
import { Incident } from './incident.entity';
import type { IncidentFilter } from './incident.inputs';
import { whereInScope } from './incident.scope';

/** Newest first; the scope and every filter are part of the SQL, and the total counts the same rows. */
export async function listIncidents(
  ctx: IncidentsContext,
  filter: IncidentFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
) {
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
  return seqPage(base, { alias: 'i', first, after });
}

/** The same rules as notificationStatus(), in SQL; a referral has no deadline and counts as PENDING. */
export const NOTIFICATION_STATUS_SQL: Record<string, string> = {
  MET: 'i.notified_on IS NOT NULL AND i.notified_on <= i.notification_due_on',
  LATE: 'i.notified_on IS NOT NULL AND i.notified_on > i.notification_due_on',
  OVERDUE: 'i.notified_on IS NULL AND i.notification_due_on IS NOT NULL AND i.notification_due_on < :today',
  PENDING: 'i.notified_on IS NULL AND (i.notification_due_on IS NULL OR i.notification_due_on >= :today)',
};
