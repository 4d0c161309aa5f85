import { In } from 'typeorm';
import { AppError, badInput, requiredText, notAfterToday } from '@scr/graphql-kit';
import type { ReviewsContext } from '../context';
import { lookupAgencies } from '../directory.client';
import { Reviewer } from '../reviewers/reviewer.entity';
import { loadReviewForChange, updateReview } from '../reviews/review-access';
import type { Review } from '../reviews/review.entity';
import type { AppointReviewerInput, InvolveAgencyInput } from './appointment.inputs';
import { ReviewerAppointment } from './appointment.entity';
import { involvementProblem, leadAppointmentProblem, type AppointmentProblem } from './independence.rules';
import { InvolvedAgency } from './involved-agency.entity';

const refuse = (p: AppointmentProblem) => new AppError(p.code, p.message, { field: p.field });

export function appointReviewer(ctx: ReviewsContext, input: AppointReviewerInput): Promise<Review> {
  const independenceStatement = requiredText('independenceStatement', input.independenceStatement);
  notAfterToday('appointedOn', input.appointedOn, ctx.today);
  return ctx.db.transaction(async (manager) => {
    const review = await loadReviewForChange(ctx, manager, input.reviewId, 'board', 'appointReviewer');
    const reviewer = await manager.findOne(Reviewer, { where: { id: input.reviewerId } });
    if (!reviewer) throw badInput('reviewerId', `No reviewer with id "${input.reviewerId}" is registered.`);
    const existing = await manager.findOne(ReviewerAppointment, { where: { reviewId: review.id, reviewerId: reviewer.id } });
    if (existing) {
      // A retried call (the same appointment again) answers the review as it is; another appointment of the same reviewer is refused.
      const same =
        Boolean(existing.lead) === input.lead && existing.appointedOn === input.appointedOn && existing.independenceStatement === independenceStatement;
      if (same) return review;
      throw badInput('reviewerId', `${reviewer.name} is already appointed to this review.`);
    }
    if (input.lead) {
      const involved = await manager.find(InvolvedAgency, { where: { reviewId: review.id } });
      const problem = leadAppointmentProblem(
        reviewer,
        review.boardCode,
        involved.map((a) => a.agencyId),
      );
      if (problem) throw refuse(problem);
    }
    await manager.insert(ReviewerAppointment, {
      reviewId: review.id,
      reviewerId: reviewer.id,
      lead: input.lead,
      appointedOn: input.appointedOn,
      independenceStatement,
    });
    return updateReview(manager, review, {});
  });
}

export async function involveAgency(ctx: ReviewsContext, input: InvolveAgencyInput): Promise<Review> {
  const [agency] = await lookupAgencies(ctx.internal, [input.agencyId]);
  if (!agency) throw badInput('agencyId', `No agency with id "${input.agencyId}" exists.`);
  return ctx.db.transaction(async (manager) => {
    const review = await loadReviewForChange(ctx, manager, input.reviewId, 'board', 'involveAgency');
    const involved = await manager.find(InvolvedAgency, { where: { reviewId: review.id } });
    if (involved.some((a) => a.agencyId === agency.id)) return review; // already involved: nothing changes
    const leadIds = (await manager.find(ReviewerAppointment, { where: { reviewId: review.id, lead: true } })).map((a) => a.reviewerId);
    const leads = leadIds.length ? await manager.find(Reviewer, { where: { id: In(leadIds) } }) : [];
    const problem = involvementProblem(agency.id, leads);
    if (problem) throw refuse(problem);
    await manager.insert(InvolvedAgency, { reviewId: review.id, agencyId: agency.id, position: involved.length });
    return updateReview(manager, review, {});
  });
}
