import type { Database } from '@scr/db';
import { runStatisticsQuery } from '@scr/graphql-kit';
import { periodSqlExpression, type Interval } from '@scr/stats';
import { IncidentCount } from './incident-count.entity';
import type { IncidentDimension } from './incident-dimension';

export interface CountRow {
  board: string;
  period: string;
  key: string;
  count: number;
}

/**
 * One GROUP BY for any number of boards over the pre-aggregated monthly counts
 * (incident_counts: notifiable incidents, referrals excluded, notified or not,
 * by the month the board became aware), so its cost follows the number of
 * months in the window, not the number of incidents. The window is already
 * widened to whole periods, hence to whole months.
 */
export async function countIncidents(
  db: Database,
  boardCodes: string[],
  window: { from: string; to: string },
  interval: Interval,
  by: IncidentDimension,
): Promise<CountRow[]> {
  const period = periodSqlExpression('c.month', interval, db.kind);
  const qb = db.manager
    .createQueryBuilder(IncidentCount, 'c')
    .select('c.board_code', 'board')
    .addSelect(period, 'period')
    .addSelect('c.stat_key', 'statKey')
    .addSelect('SUM(c.n)', 'n')
    .where('c.dimension = :by', { by })
    .andWhere('c.board_code IN (:...boardCodes)', { boardCodes })
    .andWhere('c.month >= :from AND c.month <= :to', window)
    // A cell every counted record has left holds 0: as before, a period with no records is left out.
    .andWhere('c.n > 0')
    .groupBy('c.board_code')
    .addGroupBy(period)
    .addGroupBy('c.stat_key');
  const rows = await runStatisticsQuery<{ board: string; period: string; statKey: string; n: string | number }>(db, qb);
  return rows.map((r) => ({ board: r.board, period: String(r.period), key: r.statKey, count: Number(r.n) }));
}
