import type { Database } from '@scr/db';
import { runStatisticsQuery } from '@scr/graphql-kit';
import { periodOf, type Interval } from '@scr/stats';
import { IncidentCount } from './incident-count.entity';
import type { IncidentDimension } from './incident-dimension';

export interface CountRow {
  board: string;
  period: string;
  key: string;
  count: number;
}

/**
 * Counts for any number of boards from the pre-aggregated monthly counts
 * (incident_counts: notifiable incidents, referrals excluded, notified or not,
 * by the month the board became aware), so the cost follows the number of
 * months in the window, not the number of incidents. One indexed range read
 * in primary-key order; the months are then added up into periods here
 * (grouping by a period expression in SQL made MariaDB build a temporary
 * table that cost ten times the read). The window is already widened to whole
 * periods, hence to whole months.
 */
export async function countIncidents(
  db: Database,
  boardCodes: string[],
  window: { from: string; to: string },
  interval: Interval,
  by: IncidentDimension,
): Promise<CountRow[]> {
  const qb = db.manager
    .createQueryBuilder(IncidentCount, 'c')
    .select('c.board_code', 'board')
    .addSelect('c.month', 'month')
    .addSelect('c.stat_key', 'statKey')
    .addSelect('c.n', 'n')
    .where('c.dimension = :by', { by })
    .andWhere('c.board_code IN (:...boardCodes)', { boardCodes })
    .andWhere('c.month >= :from AND c.month <= :to', window)
    // A cell every counted record has left holds 0: as before, a period with no records is left out.
    .andWhere('c.n > 0');
  const months = await runStatisticsQuery<{ board: string; month: string; statKey: string; n: string | number }>(db, qb);
  const periods = new Map<string, CountRow>();
  for (const m of months) {
    const period = periodOf(String(m.month).slice(0, 10), interval);
    const id = `${m.board}|${period}|${m.statKey}`;
    const row = periods.get(id) ?? { board: m.board, period, key: m.statKey, count: 0 };
    row.count += Number(m.n);
    periods.set(id, row);
  }
  return [...periods.values()];
}
