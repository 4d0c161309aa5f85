import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { BoardReference } from '../boards/board.reference';
import type { ActionPlansContext } from '../context';
import { ActionPlan } from './action-plan.entity';

@Resolver(() => ActionPlan)
export class ActionPlanResolver {
  @Query(() => ActionPlan, { nullable: true })
  actionPlan(@Arg('id', () => ID) id: string, @Ctx() ctx: ActionPlansContext) {
    return ctx.loaders.planById.load(id);
  }

  @FieldResolver(() => BoardReference)
  board(@Root() plan: ActionPlan): BoardReference {
    return { code: plan.boardCode };
  }
}
