import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DateScalar } from '@scr/graphql-kit';
import { ActionProgress } from '../actions/action.types';
import { progressQuery } from '../actions/progress.query';
import type { ActionPlansContext } from '../context';
import { toProgress } from '../plans/plan.loaders';
import { BoardReference } from './board.reference';

/** One GROUP BY per request and date, however many boards are asked for. */
export function createBoardProgressLoader(ctx: ActionPlansContext): DataLoader<string, ActionProgress> {
  return new DataLoader<string, ActionProgress>(async (keys) => {
    const byDate = new Map<string, string[]>();
    for (const key of keys) {
      const [code, asOf] = key.split('|');
      if (code === undefined || asOf === undefined) throw new Error(`Malformed loader key ${key}: expected board|date`);
      byDate.set(asOf, [...(byDate.get(asOf) ?? []), code]);
    }
    const results = new Map<string, ActionProgress>();
    for (const [asOf, codes] of byDate) {
      const rows = await progressQuery(ctx.db, 'a.board_code', asOf).where('a.board_code IN (:...codes)', { codes }).getRawMany();
      for (const code of codes) results.set(`${code}|${asOf}`, toProgress(rows.find((r: { groupKey: string }) => r.groupKey === code)));
    }
    return keys.map((k) => results.get(k)!);
  });
}

@Resolver(() => BoardReference)
export class BoardProgressResolver {
  @FieldResolver(() => ActionProgress, { description: "Progress of the board's improvement actions; overdue counted as of asOf (default today)." })
  actionProgress(
    @Root() board: BoardReference,
    @Ctx() ctx: ActionPlansContext,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string | null,
  ): Promise<ActionProgress> {
    return ctx.loaders.boardProgress.load(`${board.code}|${asOf ?? ctx.today}`);
  }
}
