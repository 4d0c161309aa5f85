import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AuthenticatedCtx, type Authenticated } from '@scr/graphql-kit';
import { Action } from '../actions/action.entity';
import { ActionProgress, PublicationSummary } from '../actions/action.types';
import { CreateActionPlanInput } from '../actions/action.inputs';
import { publicationSummary } from '../actions/publication-summary.rules';
import { BoardReference } from '../boards/board.reference';
import type { ActionPlansContext } from '../context';
import { ReviewReference } from '../reviews/review.reference';
import { ActionPlan } from './action-plan.entity';
import { createActionPlan } from './plan.service';
import { ProgrammeAudit } from './programme-audit.entity';
import { RecordProgrammeAuditInput } from './programme-audit.inputs';
import { recordProgrammeAudit } from './programme-audit.service';

@Resolver(() => ActionPlan)
export class ActionPlanResolver {
  @Query(() => ActionPlan, { nullable: true })
  actionPlan(@Arg('id', () => ID) id: string, @Ctx() ctx: ActionPlansContext) {
    return ctx.loaders.planById.load(id);
  }

  @Mutation(() => ActionPlan)
  createActionPlan(@Arg('input') input: CreateActionPlanInput, @AuthenticatedCtx() ctx: Authenticated<ActionPlansContext>) {
    return createActionPlan(ctx, input.reviewId);
  }

  @Mutation(() => ActionPlan)
  recordProgrammeAudit(@Arg('input') input: RecordProgrammeAuditInput, @AuthenticatedCtx() ctx: Authenticated<ActionPlansContext>) {
    return recordProgrammeAudit(ctx, input);
  }

  @FieldResolver(() => [ProgrammeAudit], { description: 'Audits of the programme of action, oldest first.' })
  audits(@Root() plan: ActionPlan, @Ctx() ctx: ActionPlansContext) {
    return ctx.loaders.auditsByPlan.load(plan.id);
  }

  @FieldResolver(() => ReviewReference)
  review(@Root() plan: ActionPlan): ReviewReference {
    return { id: plan.reviewId };
  }

  @FieldResolver(() => BoardReference)
  board(@Root() plan: ActionPlan): BoardReference {
    return { code: plan.boardCode };
  }

  @FieldResolver(() => [Action])
  actions(@Root() plan: ActionPlan, @Ctx() ctx: ActionPlansContext) {
    return ctx.loaders.actionsByPlan.load(plan.id);
  }

  @FieldResolver(() => ActionProgress)
  progress(@Root() plan: ActionPlan, @Ctx() ctx: ActionPlansContext) {
    return ctx.loaders.progressByPlan.load(plan.id);
  }

  @FieldResolver(() => PublicationSummary)
  async publicationSummary(@Root() plan: ActionPlan, @Ctx() ctx: ActionPlansContext): Promise<PublicationSummary> {
    return publicationSummary(await ctx.loaders.actionsByPlan.load(plan.id), ctx.today);
  }
}
