import type { EntityManager } from 'typeorm';
import { isBoardStaffOf } from '@scr/auth';
import { forUpdate, updateVersioned } from '@scr/db';
import { conflict, forbidden, invalidStage, notFound } from '@scr/graphql-kit';
import { ReviewerAppointment } from '../appointments/appointment.entity';
import type { ReviewsContext } from '../context';
import { Review } from './review.entity';
import { stageProblem, STAGES_FOR } from './review.rules';
import { whereReviewInScope } from './review.scope';

/** Who may change a review: its board's staff, or also a reviewer appointed to it. */
export type ChangeRight = 'board' | 'boardOrReviewer';

/**
 * Loads a review for a change, locked for the transaction. A review outside
 * the caller's scope is NOT_FOUND (it does not exist for them); one they may
 * see but not change is FORBIDDEN; a step out of order is INVALID_STAGE.
 */
export function loadReviewForChange(
  ctx: ReviewsContext,
  manager: EntityManager,
  reviewId: string,
  right: ChangeRight,
  step?: keyof typeof STAGES_FOR,
): Promise<Review> {
  return findReviewForChange(ctx, manager, reviewId, right, step, true);
}

/**
 * The same checks without a lock, outside any transaction: for a change that
 * must ask another subgraph first, so the caller's refusals come before the
 * remote call and no row stays locked while it is made. The transaction then
 * loads the review again with loadReviewForChange.
 */
export function checkReviewForChange(ctx: ReviewsContext, reviewId: string, right: ChangeRight, step?: keyof typeof STAGES_FOR): Promise<Review> {
  return findReviewForChange(ctx, ctx.db.manager, reviewId, right, step, false);
}

async function findReviewForChange(
  ctx: ReviewsContext,
  manager: EntityManager,
  reviewId: string,
  right: ChangeRight,
  step: keyof typeof STAGES_FOR | undefined,
  lock: boolean,
): Promise<Review> {
  const qb = manager.createQueryBuilder(Review, 'r').where('r.id = :reviewId', { reviewId });
  whereReviewInScope(qb, 'r', ctx.scope);
  if (lock) forUpdate(ctx.db, qb);
  const review = await qb.getOne();
  if (!review) throw notFound('review', reviewId);
  if (!isBoardStaffOf(ctx.principal, review.boardCode)) {
    const appointed =
      right === 'boardOrReviewer' &&
      !!ctx.principal?.reviewer &&
      ctx.principal.roles.includes('REVIEWER') &&
      (await manager.exists(ReviewerAppointment, { where: { reviewId, reviewerId: ctx.principal.reviewer } }));
    if (!appointed) {
      throw forbidden(
        right === 'board' ? "Only the review's own board can do this." : "Only the review's own board or a reviewer appointed to it can do this.",
      );
    }
  }
  if (step) assertStage(step, review);
  return review;
}

/** A step out of order is INVALID_STAGE; for steps that first look whether the call is a retry of the step already taken. */
export function assertStage(step: keyof typeof STAGES_FOR, review: Review): void {
  const problem = stageProblem(step, review.stage);
  if (problem) throw invalidStage(problem);
}

/** Writes the changed columns and bumps the version, refusing a stale expected version. */
export async function updateReview(manager: EntityManager, review: Review, changes: Partial<Review>, expectedVersion?: number | null): Promise<Review> {
  if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== review.version) {
    throw conflict(`The review changed since you read it (now version ${review.version}); read it again and retry.`);
  }
  if (!(await updateVersioned(manager, Review, review, changes))) throw conflict('The review changed while this was saved; read it again and retry.');
  return manager.findOneByOrFail(Review, { id: review.id });
}
