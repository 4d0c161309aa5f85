import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { endOfLondonDay, startOfLondonDay } from '@scr/calendar';
import { IntervalEnum, StatCell } from '@scr/graphql-kit';
import { BoardReference } from '../boards/board.reference';
import type { ReviewsContext } from '../context';
import { themeCells, timelinessOf } from '../stats/review-stats.resolver';
import { annualReportWindow } from './annual-report.key';
import { peerChallengeCounts, publishedCounts } from './annual-report.queries';
import { AnnualReport } from './annual-report.type';

interface OwnFigures {
  reviewsPublished: number;
  peerChallengesAsked: number;
  peerChallengesReceived: number;
}

/** Keys `board|year`: per year, one statement for publications and one for peer challenges, for every board asked. */
export function createAnnualReportFiguresLoader(ctx: ReviewsContext): DataLoader<string, OwnFigures> {
  return new DataLoader<string, OwnFigures>(async (keys) => {
    const byYear = new Map<string, string[]>();
    for (const key of keys) {
      const [board, year] = key.split('|');
      if (board === undefined || year === undefined) throw new Error(`Malformed loader key ${key}: expected board|year`);
      byYear.set(year, [...(byYear.get(year) ?? []), board]);
    }
    const answers = new Map<string, OwnFigures>();
    for (const [year, boards] of byYear) {
      const window = annualReportWindow(year, ctx.today);
      const [published, challenges] = await Promise.all([
        publishedCounts(ctx.db, boards, window, ctx.today),
        peerChallengeCounts(ctx.db, boards, startOfLondonDay(window.from), endOfLondonDay(window.to)),
      ]);
      for (const board of boards) {
        answers.set(`${board}|${year}`, {
          reviewsPublished: published.get(board) ?? 0,
          peerChallengesAsked: challenges.get(board)!.asked,
          peerChallengesReceived: challenges.get(board)!.received,
        });
      }
    }
    return keys.map((k) => answers.get(k)!);
  });
}

@Resolver(() => BoardReference)
export class BoardAnnualReportResolver {
  @FieldResolver(() => AnnualReport, { description: 'Figures for the board\'s annual report; financialYear like "2025-26".' })
  annualReport(@Root() board: BoardReference, @Ctx() ctx: ReviewsContext, @Arg('financialYear') financialYear: string): AnnualReport {
    annualReportWindow(financialYear, ctx.today);
    return { boardCode: board.code, financialYear };
  }
}

/** The review figures of the report; timeliness and themes through the same paths as reviewTimeliness and themeStats. */
@Resolver(() => AnnualReport)
export class AnnualReportResolver {
  private async timeliness(report: AnnualReport, ctx: ReviewsContext) {
    const { from, to } = annualReportWindow(report.financialYear, ctx.today);
    return timelinessOf(ctx, report.boardCode, from, to);
  }

  @FieldResolver(() => Int)
  async decisions(@Root() report: AnnualReport, @Ctx() ctx: ReviewsContext) {
    return (await this.timeliness(report, ctx)).decisions;
  }

  @FieldResolver(() => Int)
  async decisionsOnTime(@Root() report: AnnualReport, @Ctx() ctx: ReviewsContext) {
    return (await this.timeliness(report, ctx)).decisionsOnTime;
  }

  @FieldResolver(() => Int)
  async reviewsInitiated(@Root() report: AnnualReport, @Ctx() ctx: ReviewsContext) {
    return (await this.timeliness(report, ctx)).initiated;
  }

  @FieldResolver(() => Int)
  async reviewsCompleted(@Root() report: AnnualReport, @Ctx() ctx: ReviewsContext) {
    return (await this.timeliness(report, ctx)).completed;
  }

  @FieldResolver(() => Int)
  async completedWithinTimescale(@Root() report: AnnualReport, @Ctx() ctx: ReviewsContext) {
    return (await this.timeliness(report, ctx)).completedWithinTimescale;
  }

  @FieldResolver(() => Int)
  async reviewsPublished(@Root() report: AnnualReport, @Ctx() ctx: ReviewsContext) {
    return (await ctx.loaders.annualReportFigures.load(`${report.boardCode}|${report.financialYear}`)).reviewsPublished;
  }

  @FieldResolver(() => Int)
  async peerChallengesAsked(@Root() report: AnnualReport, @Ctx() ctx: ReviewsContext) {
    return (await ctx.loaders.annualReportFigures.load(`${report.boardCode}|${report.financialYear}`)).peerChallengesAsked;
  }

  @FieldResolver(() => Int)
  async peerChallengesReceived(@Root() report: AnnualReport, @Ctx() ctx: ReviewsContext) {
    return (await ctx.loaders.annualReportFigures.load(`${report.boardCode}|${report.financialYear}`)).peerChallengesReceived;
  }

  @FieldResolver(() => [StatCell], { description: 'Learning themes of reviews initiated in the year, suppressed as DOMAIN.md says.' })
  themes(@Root() report: AnnualReport, @Ctx() ctx: ReviewsContext): Promise<StatCell[]> {
    const { from, to } = annualReportWindow(report.financialYear, ctx.today);
    return themeCells(ctx, report.boardCode, from, to, IntervalEnum.FINANCIAL_YEAR);
  }
}
