import type { Database } from '@scr/db';
import { Action } from './action.entity';

/**
 * Action counts grouped in SQL by `groupBy` (a plan or a board), for a date:
 * overdue means open and due before it.
 */
export function progressQuery(db: Database, groupBy: string, asOf: string) {
  return db.manager
    .createQueryBuilder(Action, 'a')
    .select(groupBy, 'groupKey')
    .addSelect('COUNT(*)', 'total')
    .addSelect(`SUM(CASE WHEN a.status = 'COMPLETED' THEN 1 ELSE 0 END)`, 'completed')
    .addSelect(`SUM(CASE WHEN a.status = 'IN_PROGRESS' THEN 1 ELSE 0 END)`, 'inProgress')
    .addSelect(`SUM(CASE WHEN a.status IN ('NOT_STARTED', 'IN_PROGRESS') AND a.due_on < :asOf THEN 1 ELSE 0 END)`, 'overdue')
    .addSelect(`SUM(CASE WHEN a.impact_rating = 'EVIDENCED' THEN 1 ELSE 0 END)`, 'impactEvidenced')
    .setParameter('asOf', asOf)
    .groupBy(groupBy);
}
