import type { Database } from '@scr/db';
import { runBoardCountQuery, runStatisticsQuery } from '@scr/graphql-kit';
import { periodSqlExpression, type Interval } from '@scr/stats';
import { ReviewTheme } from '../progress/progress.entities';
import { Review } from '../reviews/review.entity';
import { completedWithinTimescaleSql, decidedOnTimeSql } from '../reviews/review.rules';

type Window = { from: string; to: string };
const inWindow = (column: string) => `${column} >= :from AND ${column} <= :to`;
const count = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;

/** Learning themes of reviews initiated in the window, each theme counted, for many boards in one GROUP BY. */
export async function countThemes(db: Database, boards: string[], window: Window, interval: Interval) {
  const period = periodSqlExpression('r.initiated_on', interval, db.kind);
  const qb = db.manager
    .createQueryBuilder(Review, 'r')
    .innerJoin(ReviewTheme, 't', 't.review_id = r.id')
    .select('r.board_code', 'board')
    .addSelect(period, 'period')
    .addSelect('t.theme', 'statKey')
    .addSelect('COUNT(*)', 'n')
    .where('r.board_code IN (:...boards)', { boards })
    .andWhere(inWindow('r.initiated_on'), window)
    .groupBy('r.board_code')
    .addGroupBy(period)
    .addGroupBy('t.theme');
  return runBoardCountQuery(db, qb);
}

/** The timeliness counts of many boards in one GROUP BY; on time and within timescale as review.rules defines them. */
export async function timelinessCounts(db: Database, boards: string[], window: Window) {
  const qb = db.manager
    .createQueryBuilder(Review, 'r')
    .select('r.board_code', 'board')
    .addSelect(count(inWindow('r.decided_on')), 'decisions')
    .addSelect(count(`${inWindow('r.decided_on')} AND ${decidedOnTimeSql('r')}`), 'decisionsOnTime')
    .addSelect(count(inWindow('r.initiated_on')), 'initiated')
    .addSelect(count(inWindow('r.completed_on')), 'completed')
    .addSelect(count(`${inWindow('r.completed_on')} AND ${completedWithinTimescaleSql('r')}`), 'completedWithinTimescale')
    .where('r.board_code IN (:...boards)', { boards })
    .setParameters(window)
    .groupBy('r.board_code');
  return runStatisticsQuery<Record<string, string | number>>(db, qb);
}

/** Days from the case reaching the board to the decision, per decision in the window, in order (for the median). */
export async function daysToDecision(db: Database, boards: string[], window: Window) {
  const days = db.kind === 'mysql' ? 'DATEDIFF(r.decided_on, r.opened_on)' : 'CAST(julianday(r.decided_on) - julianday(r.opened_on) AS INTEGER)';
  const qb = db.manager
    .createQueryBuilder(Review, 'r')
    .select('r.board_code', 'board')
    .addSelect(days, 'days')
    .where('r.board_code IN (:...boards)', { boards })
    .andWhere(inWindow('r.decided_on'), window)
    .orderBy('r.board_code')
    .addOrderBy(days);
  const rows = await runStatisticsQuery<{ board: string; days: string | number }>(db, qb);
  return rows.map((r) => ({ board: r.board, days: Number(r.days) }));
}
