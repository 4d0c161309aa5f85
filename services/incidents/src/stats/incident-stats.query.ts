import type { Database } from '@scr/db';
import { runBoardCountQuery, type BoardCount } from '@scr/graphql-kit';
import { periodSqlExpression, type Interval } from '@scr/stats';
import { IncidentCount } from './incident-count.entity';
import type { IncidentDimension } from './incident-dimension';

/**
 * Counts for any number of boards from the pre-aggregated monthly counts
 * (incident_counts: notifiable incidents, referrals excluded, notified or not,
 * by the month the board became aware), so the cost follows the number of
 * months in the window, not the number of incidents. One indexed range read;
 * months are added up into periods by the database, which returns one row per
 * board, period and key instead of one per month (a twelfth of the rows for
 * years; parsing and adding up every month here cost the subgraph more than
 * the grouping costs the database). A month is already a period, so months
 * are not grouped. The window is already widened to whole periods, hence to
 * whole months.
 */
export async function countIncidents(
  db: Database,
  boardCodes: string[],
  window: { from: string; to: string },
  interval: Interval,
  by: IncidentDimension,
): Promise<BoardCount[]> {
  const period = periodSqlExpression('c.month', interval, db.kind);
  const monthsArePeriods = interval === 'MONTH';
  const qb = db.manager
    .createQueryBuilder(IncidentCount, 'c')
    .select('c.board_code', 'board')
    .addSelect(period, 'period')
    .addSelect('c.stat_key', 'statKey')
    .addSelect(monthsArePeriods ? 'c.n' : 'SUM(c.n)', 'n')
    .where('c.dimension = :by', { by })
    .andWhere('c.board_code IN (:...boardCodes)', { boardCodes })
    .andWhere('c.month >= :from AND c.month <= :to', window)
    // A cell every counted record has left holds 0: as before, a period with no records is left out.
    .andWhere('c.n > 0');
  if (!monthsArePeriods) qb.groupBy('c.board_code').addGroupBy(period).addGroupBy('c.stat_key');
  return runBoardCountQuery(db, qb);
}
