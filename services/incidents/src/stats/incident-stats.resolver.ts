import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { badInput, DateScalar, IntervalEnum, StatCell } from '@scr/graphql-kit';
import { disclosedTable, disclosureFor, periodsBetween, statisticsWindowProblem, widenWindow } from '@scr/stats';
import { BoardReference } from '../boards/board.reference';
import type { IncidentsContext } from '../context';
import { DIMENSIONS, IncidentDimension } from './incident-dimension';
import { readCountsVersion } from './counts-answer-cache';
import { countIncidents } from './incident-stats.query';

/**
 * Batches every board asked for in one request into one GROUP BY per distinct
 * question, answered from the rows kept since the counts last changed when
 * there are any (CountsAnswerCache).
 */
export function createIncidentStatsLoader(ctx: IncidentsContext): DataLoader<string, StatCell[]> {
  return new DataLoader<string, StatCell[]>(async (keys) => {
    const questions = new Map<string, string[]>();
    for (const key of keys) {
      const [board, question] = [key.slice(0, key.indexOf('|')), key.slice(key.indexOf('|') + 1)];
      questions.set(question, [...(questions.get(question) ?? []), board]);
    }
    const answers = new Map<string, StatCell[]>();
    const version = await readCountsVersion(ctx.db);
    for (const [question, boards] of questions) {
      const [from, to, interval, by] = question.split('|') as [string, string, IntervalEnum, IncidentDimension];
      const window = widenWindow(from, to, interval);
      const rows = await ctx.countsAnswers.rows(`${[...boards].sort().join(',')}|${question}`, version, () =>
        countIncidents(ctx.db, boards, window, interval, by),
      );
      const periods = periodsBetween(from, to, interval);
      for (const board of boards) {
        const disclosure = disclosureFor(ctx.principal, board);
        answers.set(
          `${board}|${question}`,
          disclosedTable(
            rows.filter((r) => r.board === board),
            periods,
            DIMENSIONS[by].keys,
            disclosure,
          ),
        );
      }
    }
    return keys.map((k) => answers.get(k)!);
  });
}

@Resolver(() => BoardReference)
export class IncidentStatsResolver {
  @FieldResolver(() => [StatCell], { description: 'Incidents counted by period and one dimension; suppressed as DOMAIN.md says.' })
  incidentStats(
    @Root() board: BoardReference,
    @Ctx() ctx: IncidentsContext,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Arg('interval', () => IntervalEnum, { nullable: true, defaultValue: IntervalEnum.QUARTER }) interval: IntervalEnum,
    @Arg('by', () => IncidentDimension, { nullable: true, defaultValue: IncidentDimension.CRITERION }) by: IncidentDimension,
  ): Promise<StatCell[]> {
    const problem = statisticsWindowProblem(from, to, interval ?? IntervalEnum.QUARTER, ctx.today);
    if (problem) throw badInput(problem.argument, problem.message);
    return ctx.loaders.incidentStats.load(`${board.code}|${from}|${to}|${interval ?? IntervalEnum.QUARTER}|${by ?? IncidentDimension.CRITERION}`);
  }
}
