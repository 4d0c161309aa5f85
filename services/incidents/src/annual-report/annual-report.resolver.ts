import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { badInput } from '@scr/graphql-kit';
import { financialYearWindow } from '@scr/stats';
import type { IncidentsContext } from '../context';
import { Incident } from '../incidents/incident.entity';
import { NOTIFICATION_STATUS_SQL } from '../incidents/list-incidents';
import { AnnualReport } from './annual-report.type';

type Counts = { notifications: number; notificationsOnTime: number };

export function annualReportWindow(financialYear: string, today: string) {
  const window = financialYearWindow(financialYear, today);
  if ('problem' in window) throw badInput('financialYear', window.problem);
  return window;
}

/**
 * Notifications recorded in the year and those made on time (MET, the same
 * SQL as the notificationStatus filter): per year, one GROUP BY for every board asked.
 */
export function createAnnualReportCountsLoader(ctx: IncidentsContext): DataLoader<string, Counts> {
  return new DataLoader<string, Counts>(async (keys) => {
    const byYear = new Map<string, string[]>();
    for (const key of keys) {
      const [board, year] = key.split('|');
      if (board === undefined || year === undefined) throw new Error(`Malformed loader key ${key}: expected board|year`);
      byYear.set(year, [...(byYear.get(year) ?? []), board]);
    }
    const answers = new Map<string, Counts>();
    for (const [year, boards] of byYear) {
      const rows = await ctx.db.manager
        .createQueryBuilder(Incident, 'i')
        .select('i.board_code', 'board')
        .addSelect('COUNT(*)', 'notifications')
        .addSelect(`SUM(CASE WHEN ${NOTIFICATION_STATUS_SQL.MET} THEN 1 ELSE 0 END)`, 'onTime')
        .where('i.board_code IN (:...boards)', { boards })
        .andWhere('i.notified_on >= :from AND i.notified_on <= :to', annualReportWindow(year, ctx.today))
        .groupBy('i.board_code')
        .getRawMany<{ board: string; notifications: string | number; onTime: string | number | null }>();
      for (const board of boards) {
        const row = rows.find((r) => r.board === board);
        answers.set(`${board}|${year}`, { notifications: Number(row?.notifications ?? 0), notificationsOnTime: Number(row?.onTime ?? 0) });
      }
    }
    return keys.map((k) => answers.get(k)!);
  });
}

@Resolver(() => AnnualReport)
export class AnnualReportResolver {
  @FieldResolver(() => Int, { description: 'Incidents notified in the year.' })
  async notifications(@Root() report: AnnualReport, @Ctx() ctx: IncidentsContext) {
    return (await ctx.loaders.annualReportCounts.load(`${report.boardCode}|${report.financialYear}`)).notifications;
  }

  @FieldResolver(() => Int, { description: 'Of those, the ones notified within 5 working days of the board becoming aware.' })
  async notificationsOnTime(@Root() report: AnnualReport, @Ctx() ctx: IncidentsContext) {
    return (await ctx.loaders.annualReportCounts.load(`${report.boardCode}|${report.financialYear}`)).notificationsOnTime;
  }
}
