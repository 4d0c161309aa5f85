import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { isBoardStaffOf } from '@scr/auth';
import { forUpdate, updateVersioned } from '@scr/db';
import { AppError, badInput, conflict, forbidden, notFound, requiredText, type Authenticated, notAfterToday } from '@scr/graphql-kit';
import { agencyFacts } from '../agencies/agencies.client';
import type { ActionPlansContext } from '../context';
import { ActionPlan } from '../plans/action-plan.entity';
import { whereActionInScope, wherePlanInScope, type PlanScope } from '../plans/plan.scope';
import { reviewFacts } from '../reviews/reviews.client';
import { ActionUpdate } from './action-update.entity';
import { Action } from './action.entity';
import { ActionStatus } from './action.enums';
import type { AddActionInput, AssessImpactInput, UpdateActionInput } from './action.inputs';
import { dropProblem, dueDateProblem, impactProblem, isRepeatedUpdate, isSameAction, isSameImpactAssessment, transitionProblem } from './action.rules';

/** Step 9: an action has an owner agency of the board, a due date and at least one success criterion. */
export async function addAction(ctx: ActionPlansContext, input: AddActionInput): Promise<Action> {
  const recommendation = requiredText('recommendation', input.recommendation);
  const description = requiredText('description', input.description);
  const successCriteria = input.successCriteria.map((c) => c.trim()).filter(Boolean);
  if (!successCriteria.length) throw badInput('successCriteria', 'An action needs at least one success criterion that says how success will be measured.');
  successCriteria.forEach((c, i) => requiredText(`successCriteria[${i}]`, c));
  // A plan never changes once created, so it is read, and the other subgraphs
  // asked, before the transaction: no remote call holds a transaction open.
  const plan = await loadOwnPlan(ctx, ctx.db.manager, await ctx.scope(), input.actionPlanId);
  const [agency, review] = await Promise.all([agencyFacts(ctx.internal, input.ownerAgencyId), reviewFacts(ctx.internal, plan.reviewId)]);
  if (!agency) throw badInput('ownerAgencyId', `No agency with id "${input.ownerAgencyId}" exists.`);
  if (!agency.boardCodes.includes(plan.boardCode)) {
    throw badInput('ownerAgencyId', `${agency.name} is not a member of the board ${plan.boardCode}, so cannot own its actions.`);
  }
  const dueProblem = dueDateProblem(input.dueOn, review?.initiatedOn ?? null);
  if (dueProblem) throw badInput('dueOn', dueProblem);
  return ctx.db.transaction(async (manager) => {
    await lockPlan(ctx, manager, plan.id);
    const wanted = { recommendation, description, ownerAgencyId: agency.id, dueOn: input.dueOn, successCriteria };
    const repeated = (await manager.find(Action, { where: { planId: plan.id, ownerAgencyId: agency.id, dueOn: input.dueOn } })).find((held) =>
      isSameAction(held, wanted),
    );
    if (repeated) return repeated; // a client's retry: the action already on the plan
    const action = manager.create(Action, {
      id: randomUUID(),
      planId: plan.id,
      reviewId: plan.reviewId,
      boardCode: plan.boardCode,
      recommendation,
      description,
      ownerAgencyId: agency.id,
      dueOn: input.dueOn,
      successCriteria,
      status: ActionStatus.NOT_STARTED,
      completedOn: null,
      impactAssessedOn: null,
      impactRating: null,
      impactEvidence: null,
      version: 1,
      createdAt: ctx.now,
    });
    await manager.insert(Action, action);
    return action;
  });
}

/**
 * Records progress: the version check is part of the UPDATE, so of two
 * writers holding the same version exactly one wins; each update appends one
 * row to the action's history.
 */
export async function updateAction(ctx: Authenticated<ActionPlansContext>, input: UpdateActionInput): Promise<Action> {
  const note = input.note.trim();
  if (note.length > 20_000) throw badInput('note', 'note is longer than 20000 characters.');
  const scope = await ctx.scope(); // may ask the reviews subgraph: before the transaction
  return ctx.db.transaction(async (manager) => {
    const action = await loadActionForUpdate(ctx, manager, scope, input.actionId);
    const drop = dropProblem(input.status, isBoardStaffOf(ctx.principal, action.boardCode));
    if (drop) throw new AppError(drop.code, drop.message, { field: 'status' });
    if (action.version !== input.expectedVersion) {
      // A client's retry of the update just made answers the action as it is.
      const latest = await manager.findOne(ActionUpdate, { where: { actionId: action.id }, order: { seq: 'DESC' } });
      if (isRepeatedUpdate(action, latest, { ...input, note }, ctx.principal.subject)) return action;
      throw stale(action);
    }
    const problem = transitionProblem(action.status, input.status, note);
    if (problem) throw new AppError(problem.code, problem.message, { field: problem.code === 'BAD_USER_INPUT' ? 'note' : 'status' });
    const completedOn = input.status === ActionStatus.COMPLETED ? ctx.today : null;
    if (!(await updateVersioned(manager, Action, action, { status: input.status, completedOn }))) throw stale(action);
    await manager.insert(ActionUpdate, { actionId: action.id, at: ctx.now, by: ctx.principal.subject, status: input.status, note });
    return manager.findOneByOrFail(Action, { id: action.id });
  });
}

/** Impact is assessed with evidence by the board. */
export async function assessImpact(ctx: ActionPlansContext, input: AssessImpactInput): Promise<Action> {
  const evidence = requiredText('evidence', input.evidence);
  notAfterToday('assessedOn', input.assessedOn, ctx.today);
  const scope = await ctx.scope(); // may ask the reviews subgraph: before the transaction
  return ctx.db.transaction(async (manager) => {
    const action = await loadActionForUpdate(ctx, manager, scope, input.actionId);
    if (!isBoardStaffOf(ctx.principal, action.boardCode)) throw forbidden("Only the board's manager or chair assesses impact.");
    const notDone = impactProblem(action.status);
    if (notDone) throw new AppError(notDone.code, notDone.message, { field: 'actionId' });
    if (isSameImpactAssessment(action, { rating: input.rating, evidence, assessedOn: input.assessedOn })) return action; // a client's retry
    const assessed = { impactRating: input.rating, impactEvidence: evidence, impactAssessedOn: input.assessedOn };
    if (!(await updateVersioned(manager, Action, action, assessed))) throw stale(action);
    return manager.findOneByOrFail(Action, { id: action.id });
  });
}

const stale = (action: Action) => conflict(`The action changed since you read it (now version ${action.version}); read it again and retry.`);

/** A plan in the caller's scope (else NOT_FOUND) that the caller's own board holds (else FORBIDDEN: it was visible). */
export async function loadOwnPlan(
  ctx: ActionPlansContext,
  manager: EntityManager,
  scope: PlanScope,
  planId: string,
  doing = 'add actions',
): Promise<ActionPlan> {
  const qb = manager.createQueryBuilder(ActionPlan, 'p').where('p.id = :planId', { planId });
  const plan = await wherePlanInScope(qb, 'p', scope).getOne();
  if (!plan) throw notFound('action plan', planId);
  if (!isBoardStaffOf(ctx.principal, plan.boardCode)) throw forbidden(`Only the plan's own board can ${doing}.`);
  return plan;
}

/**
 * Takes the plan's row lock for the rest of the transaction, so writers
 * adding to one plan go one at a time and a client's retry racing its
 * original finds what the original stored (see forUpdate).
 */
export async function lockPlan(ctx: ActionPlansContext, manager: EntityManager, planId: string): Promise<void> {
  await forUpdate(ctx.db, manager.createQueryBuilder(ActionPlan, 'p').select('p.id').where('p.id = :planId', { planId })).getRawOne();
}

/** The board's staff update any of its actions; an agency contributor only those its agency owns. */
async function loadActionForUpdate(ctx: ActionPlansContext, manager: EntityManager, scope: PlanScope, actionId: string): Promise<Action> {
  const qb = manager.createQueryBuilder(Action, 'a').where('a.id = :actionId', { actionId });
  forUpdate(ctx.db, qb);
  whereActionInScope(qb, 'a', scope);
  const action = await qb.getOne();
  if (!action) throw notFound('action', actionId);
  const owner = ctx.principal?.roles.includes('AGENCY_CONTRIBUTOR') && ctx.principal.agency === action.ownerAgencyId;
  if (!isBoardStaffOf(ctx.principal, action.boardCode) && !owner) throw forbidden('Only the board or the agency that owns this action can change it.');
  return action;
}
