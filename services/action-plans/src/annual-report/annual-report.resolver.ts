import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { compareIsoDates, endOfLondonDay, type IsoDate } from '@scr/calendar';
import { badInput } from '@scr/graphql-kit';
import { financialYearWindow } from '@scr/stats';
import { ActionProgress } from '../actions/action.types';
import { progressQuery, statusAsAtSql } from '../actions/progress.query';
import type { ActionPlansContext } from '../context';
import { toProgress } from '../plans/plan.loaders';
import { AnnualReport } from './annual-report.type';

export function annualReportWindow(financialYear: string, today: IsoDate) {
  const window = financialYearWindow(financialYear, today);
  if ('problem' in window) throw badInput('financialYear', window.problem);
  return window;
}

/** The year's end (31 March), or today while the year is still running: the report never counts what has not happened. */
export function progressDate(financialYear: string, today: IsoDate): IsoDate {
  const { to } = annualReportWindow(financialYear, today);
  return compareIsoDates(to, today) < 0 ? to : today;
}

/**
 * Keys `board|year`. Per year, one GROUP BY for every board asked: the
 * actions that existed by the end of the progress date, each with the status
 * it had then (from its append-only updates), counted as Board.actionProgress counts.
 */
export function createAnnualReportProgressLoader(ctx: ActionPlansContext): DataLoader<string, ActionProgress> {
  return new DataLoader<string, ActionProgress>(async (keys) => {
    const byYear = new Map<string, string[]>();
    for (const key of keys) {
      const [board, year] = key.split('|');
      if (board === undefined || year === undefined) throw new Error(`Malformed loader key ${key}: expected board|year`);
      byYear.set(year, [...(byYear.get(year) ?? []), board]);
    }
    const answers = new Map<string, ActionProgress>();
    for (const [year, boards] of byYear) {
      const asOf = progressDate(year, ctx.today);
      const rows = await progressQuery(ctx.db, 'a.board_code', asOf, statusAsAtSql(ctx.db, 'cutoff'))
        .where('a.board_code IN (:...boards)', { boards })
        .andWhere('a.created_at < :cutoff')
        .setParameter('cutoff', endOfLondonDay(asOf))
        .getRawMany();
      for (const board of boards) answers.set(`${board}|${year}`, toProgress(rows.find((r: { groupKey: string }) => r.groupKey === board)));
    }
    return keys.map((k) => answers.get(k)!);
  });
}

@Resolver(() => AnnualReport)
export class AnnualReportResolver {
  @FieldResolver(() => ActionProgress, { description: 'As at 31 March of the year.' })
  actionProgress(@Root() report: AnnualReport, @Ctx() ctx: ActionPlansContext): Promise<ActionProgress> {
    return ctx.loaders.annualReportProgress.load(`${report.boardCode}|${report.financialYear}`);
  }
}
