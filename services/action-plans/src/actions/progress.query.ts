import type { Database } from '@scr/db';
import { ActionUpdate } from './action-update.entity';
import { Action } from './action.entity';
import { ActionStatus } from './action.enums';
import { overdueSql } from './action.rules';

/**
 * Action counts grouped in SQL by `groupBy` (a plan or a board), for a date:
 * overdue means open and due before it, impact evidenced means assessed
 * EVIDENCED on or before it. `status` is the status column by default, or
 * statusAsAtSql for the status the action had at a past moment.
 */
export function progressQuery(db: Database, groupBy: string, asOf: string, status = 'a.status') {
  return db.manager
    .createQueryBuilder(Action, 'a')
    .select(groupBy, 'groupKey')
    .addSelect('COUNT(*)', 'total')
    .addSelect(`SUM(CASE WHEN ${status} = '${ActionStatus.COMPLETED}' THEN 1 ELSE 0 END)`, 'completed')
    .addSelect(`SUM(CASE WHEN ${status} = '${ActionStatus.IN_PROGRESS}' THEN 1 ELSE 0 END)`, 'inProgress')
    .addSelect(`SUM(CASE WHEN ${overdueSql(status, 'a.due_on', 'asOf')} THEN 1 ELSE 0 END)`, 'overdue')
    .addSelect(`SUM(CASE WHEN a.impact_rating = 'EVIDENCED' AND a.impact_assessed_on <= :asOf THEN 1 ELSE 0 END)`, 'impactEvidenced')
    .setParameter('asOf', asOf)
    .groupBy(groupBy);
}

/**
 * The status action `a` had just before the instant parameter `param`: its
 * latest update before then (updates are append-only, so this history is
 * exact), NOT_STARTED when there was none yet.
 */
export function statusAsAtSql(db: Database, param: string): string {
  const latest = db.manager
    .createQueryBuilder(ActionUpdate, 'u')
    .select('u.status')
    .where('u.action_id = a.id')
    .andWhere(`u.at < :${param}`)
    .orderBy('u.seq', 'DESC')
    .limit(1)
    .getQuery();
  return `COALESCE((${latest}), '${ActionStatus.NOT_STARTED}')`;
}
