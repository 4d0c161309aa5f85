import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { badInput, DateScalar, IntervalEnum, StatCell } from '@scr/graphql-kit';
import { disclosedTable, disclosureFor, periodsBetween, statisticsWindowProblem, widenWindow, type Interval } from '@scr/stats';
import { BoardReference } from '../boards/board.reference';
import type { ReviewsContext } from '../context';
import { LearningTheme } from '../reviews/review.enums';
import { medianOfSorted } from './median';
import { countThemes, daysToDecision, timelinessCounts } from './review-stats.queries';
import { ReviewTimeliness } from './review-timeliness.type';

const THEMES = Object.values(LearningTheme);

/** Groups `board|question` keys by question, so each distinct question is one batch of SQL for all boards. */
function byQuestion(keys: readonly string[]) {
  const groups = new Map<string, string[]>();
  for (const key of keys) {
    const cut = key.indexOf('|');
    groups.set(key.slice(cut + 1), [...(groups.get(key.slice(cut + 1)) ?? []), key.slice(0, cut)]);
  }
  return groups;
}

export function createThemeStatsLoader(ctx: ReviewsContext): DataLoader<string, StatCell[]> {
  return new DataLoader<string, StatCell[]>(async (keys) => {
    const answers = new Map<string, StatCell[]>();
    for (const [question, boards] of byQuestion(keys)) {
      const [from, to, interval] = question.split('|') as [string, string, IntervalEnum];
      const rows = await countThemes(ctx.db, boards, widenWindow(from, to, interval), interval);
      const periods = periodsBetween(from, to, interval);
      for (const board of boards) {
        answers.set(
          `${board}|${question}`,
          disclosedTable(
            rows.filter((r) => r.board === board),
            periods,
            THEMES,
            disclosureFor(ctx.principal, board),
          ),
        );
      }
    }
    return keys.map((k) => answers.get(k)!);
  });
}

export function createTimelinessLoader(ctx: ReviewsContext): DataLoader<string, ReviewTimeliness> {
  return new DataLoader<string, ReviewTimeliness>(async (keys) => {
    const answers = new Map<string, ReviewTimeliness>();
    for (const [question, boards] of byQuestion(keys)) {
      const [from, to] = question.split('|');
      if (from === undefined || to === undefined) throw new Error(`Malformed timeliness question ${question}: expected from|to`);
      const [counts, days] = await Promise.all([timelinessCounts(ctx.db, boards, { from, to }), daysToDecision(ctx.db, boards, { from, to })]);
      for (const board of boards) {
        const row = counts.find((c) => c.board === board);
        const n = (k: string) => Number(row?.[k] ?? 0);
        answers.set(`${board}|${question}`, {
          decisions: n('decisions'),
          decisionsOnTime: n('decisionsOnTime'),
          initiated: n('initiated'),
          completed: n('completed'),
          completedWithinTimescale: n('completedWithinTimescale'),
          medianDaysToDecision: medianOfSorted(days.filter((d) => d.board === board).map((d) => d.days)),
        });
      }
    }
    return keys.map((k) => answers.get(k)!);
  });
}

/**
 * A board's learning-theme cells for a window: the one path themeStats and
 * the annual report share, so disclosure control is applied the same way.
 */
export function themeCells(ctx: ReviewsContext, boardCode: string, from: string, to: string, interval: IntervalEnum): Promise<StatCell[]> {
  return ctx.loaders.themeStats.load(`${boardCode}|${from}|${to}|${interval}`);
}

/** A board's review timeliness for a window: the one definition of "on time" and "within timescale" in figures. */
export function timelinessOf(ctx: ReviewsContext, boardCode: string, from: string, to: string): Promise<ReviewTimeliness> {
  return ctx.loaders.timeliness.load(`${boardCode}|${from}|${to}`);
}

/** DOMAIN.md's window limits; `interval` null for a figure over the whole window (timeliness). */
function checkWindow(from: string, to: string, interval: Interval | null, today: string) {
  const problem = statisticsWindowProblem(from, to, interval, today);
  if (problem) throw badInput(problem.argument, problem.message);
}

@Resolver(() => BoardReference)
export class ReviewStatsResolver {
  @FieldResolver(() => [StatCell], { description: 'Learning themes of reviews initiated in the window; suppressed likewise.' })
  themeStats(
    @Root() board: BoardReference,
    @Ctx() ctx: ReviewsContext,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Arg('interval', () => IntervalEnum, {
      nullable: true,
      defaultValue: IntervalEnum.QUARTER,
      description: 'Period of each cell (not in the contract; QUARTER by default).',
    })
    interval: IntervalEnum,
  ): Promise<StatCell[]> {
    checkWindow(from, to, interval ?? IntervalEnum.QUARTER, ctx.today);
    return themeCells(ctx, board.code, from, to, interval ?? IntervalEnum.QUARTER);
  }

  @FieldResolver(() => ReviewTimeliness)
  reviewTimeliness(
    @Root() board: BoardReference,
    @Ctx() ctx: ReviewsContext,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
  ) {
    // Process figures: neither suppressed nor rounded, whoever asks.
    checkWindow(from, to, null, ctx.today);
    return timelinessOf(ctx, board.code, from, to);
  }
}
