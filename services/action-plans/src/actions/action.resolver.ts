import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { forbidden, AuthenticatedCtx, type Authenticated } from '@scr/graphql-kit';
import { AgencyReference } from '../agencies/agency.reference';
import type { ActionPlansContext } from '../context';
import { ActionPlan } from '../plans/action-plan.entity';
import { ActionUpdate } from './action-update.entity';
import { Action } from './action.entity';
import { Rag } from './action.enums';
import { ActionFilter, AddActionInput, AssessImpactInput, UpdateActionInput } from './action.inputs';
import { isOverdue, rag } from './action.rules';
import { addAction, assessImpact, updateAction } from './action.service';
import { ActionConnection, ImpactAssessment } from './action.types';
import { listActions, listOverdueActions } from './list-actions';

@Resolver(() => Action)
export class ActionResolver {
  @Query(() => ActionConnection)
  actions(
    @Ctx() ctx: ActionPlansContext,
    @Arg('filter', () => ActionFilter, { nullable: true }) filter?: ActionFilter,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listActions(ctx, filter, first, after);
  }

  @Query(() => ActionConnection)
  overdueActions(
    @Ctx() ctx: ActionPlansContext,
    @Arg('boardCode', () => ID, { nullable: true }) boardCode?: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listOverdueActions(ctx, boardCode, first, after);
  }

  @Mutation(() => Action)
  addAction(@Arg('input') input: AddActionInput, @Ctx() ctx: ActionPlansContext) {
    return addAction(ctx, input);
  }

  @Mutation(() => Action)
  updateAction(@Arg('input') input: UpdateActionInput, @AuthenticatedCtx() ctx: Authenticated<ActionPlansContext>) {
    return updateAction(ctx, input);
  }

  @Mutation(() => Action)
  assessImpact(@Arg('input') input: AssessImpactInput, @Ctx() ctx: ActionPlansContext) {
    return assessImpact(ctx, input);
  }

  @FieldResolver(() => ActionPlan)
  async plan(@Root() action: Action, @Ctx() ctx: ActionPlansContext): Promise<ActionPlan> {
    const plan = await ctx.loaders.planById.load(action.planId);
    if (!plan) throw forbidden('You can see this action but not the rest of its plan.');
    return plan;
  }

  @FieldResolver(() => AgencyReference)
  ownerAgency(@Root() action: Action): AgencyReference {
    return { id: action.ownerAgencyId };
  }

  @FieldResolver(() => [String])
  successCriteria(@Root() action: Action): string[] {
    return action.successCriteria;
  }

  @FieldResolver(() => Rag)
  rag(@Root() action: Action, @Ctx() ctx: ActionPlansContext): Rag {
    return rag(action, ctx.today);
  }

  @FieldResolver(() => Boolean)
  overdue(@Root() action: Action, @Ctx() ctx: ActionPlansContext): boolean {
    return isOverdue(action, ctx.today);
  }

  @FieldResolver(() => ImpactAssessment, { nullable: true })
  impact(@Root() action: Action): ImpactAssessment | null {
    if (!action.impactRating || !action.impactAssessedOn) return null;
    return { rating: action.impactRating, assessedOn: action.impactAssessedOn, evidence: action.impactEvidence ?? '' };
  }

  @FieldResolver(() => [ActionUpdate])
  updates(@Root() action: Action, @Ctx() ctx: ActionPlansContext) {
    return ctx.loaders.updatesByAction.load(action.id);
  }
}
