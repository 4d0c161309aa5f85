import { randomUUID } from 'node:crypto';
import { isBoardStaffOf } from '@scr/auth';
import { isUniqueViolation } from '@scr/db';
import { forbidden, invalidStage, notFound, type Authenticated } from '@scr/graphql-kit';
import type { ActionPlansContext } from '../context';
import { reviewFacts } from '../reviews/reviews.client';
import { ActionPlan } from './action-plan.entity';

/** One plan per review of the caller's board, once the review has been initiated. */
export async function createActionPlan(ctx: Authenticated<ActionPlansContext>, reviewId: string): Promise<ActionPlan> {
  const review = await reviewFacts(ctx.internal, reviewId);
  const scope = await ctx.scope();
  const visible = !!review && (review.boardCode === scope.ownBoard || scope.grantedReviewIds.includes(review.id));
  if (!review || !visible) throw notFound('review', reviewId);
  if (!isBoardStaffOf(ctx.principal, review.boardCode)) throw forbidden("Only the review's own board creates its action plan.");
  if (!review.initiatedOn) {
    throw invalidStage(`An action plan can be created once the review is initiated; it is ${review.stage}.`);
  }
  try {
    return await ctx.db.transaction(async (manager) => {
      // One plan per review: creating it again (a client's retry, or a second member of staff) answers the plan.
      const existing = await manager.findOne(ActionPlan, { where: { reviewId } });
      if (existing) return existing;
      const plan = manager.create(ActionPlan, {
        id: randomUUID(),
        reviewId,
        boardCode: review.boardCode,
        createdBy: ctx.principal.subject,
        createdAt: ctx.now,
      });
      await manager.insert(ActionPlan, plan);
      return plan;
    });
  } catch (error) {
    // Two creations at once: the unique index let one win; the other answers its plan.
    if (isUniqueViolation(error)) return ctx.db.manager.findOneByOrFail(ActionPlan, { reviewId });
    throw error;
  }
}
