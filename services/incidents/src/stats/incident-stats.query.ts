import type { Database } from '@scr/db';
import { runStatisticsQuery } from '@scr/graphql-kit';
import { periodSqlExpression, type Interval } from '@scr/stats';
import { IncidentChild } from '../children/child.entity';
import { IncidentAbuseType } from '../incidents/abuse-type.entity';
import { Incident } from '../incidents/incident.entity';
import { DIMENSIONS, type IncidentDimension } from './incident-dimension';

export interface CountRow {
  board: string;
  period: string;
  key: string;
  count: number;
}

/**
 * One GROUP BY for any number of boards: notifiable incidents (referrals
 * excluded), notified or not, by the date the board became aware.
 */
export async function countIncidents(
  db: Database,
  boardCodes: string[],
  window: { from: string; to: string },
  interval: Interval,
  by: IncidentDimension,
): Promise<CountRow[]> {
  const dimension = DIMENSIONS[by];
  const period = periodSqlExpression('i.aware_on', interval, db.kind);
  const qb = db.manager
    .createQueryBuilder(Incident, 'i')
    .select('i.board_code', 'board')
    .addSelect(period, 'period')
    .addSelect(dimension.column, 'statKey')
    .addSelect('COUNT(*)', 'n')
    .where('i.notifiable = :yes', { yes: true })
    .andWhere('i.aware_on >= :from AND i.aware_on <= :to', window)
    .andWhere('i.board_code IN (:...boardCodes)', { boardCodes });
  if (dimension.join === 'children') qb.innerJoin(IncidentChild, 'c', 'c.incident_id = i.id');
  if (dimension.join === 'abuseTypes') qb.innerJoin(IncidentAbuseType, 't', 't.incident_id = i.id');
  qb.groupBy('i.board_code').addGroupBy(period).addGroupBy(dimension.column);
  const rows = await runStatisticsQuery<{ board: string; period: string; statKey: string; n: string | number }>(db, qb);
  return rows.map((r) => ({ board: r.board, period: String(r.period), key: r.statKey, count: Number(r.n) }));
}
