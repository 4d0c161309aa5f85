import { compareIsoDates } from '@scr/calendar';
import { badInput, optionalText, requiredText } from '@scr/graphql-kit';
import { ReviewerAppointment } from '../appointments/appointment.entity';
import type { ReviewsContext } from '../context';
import { loadReviewForChange, updateReview } from '../reviews/review-access';
import { ReviewStage } from '../reviews/review.enums';
import type { Review } from '../reviews/review.entity';
import type {
  CompleteReviewInput,
  ExtendTimescaleInput,
  LinkParallelProcessInput,
  RecordFamilyEngagementInput,
  RecordFindingsInput,
  SetMethodologyInput,
  SetThemesInput,
} from '../reviews/review.inputs';
import { FamilyEngagementRow, ParallelProcessRow, ReviewTheme } from './progress.entities';
import { extensionProblem } from './progress.rules';

/** The chosen method and how data were collected and analysed (transparency, step 5). */
export function setMethodology(ctx: ReviewsContext, input: SetMethodologyInput): Promise<Review> {
  const name = requiredText('name', input.name, 300);
  const dataCollection = requiredText('dataCollection', input.dataCollection);
  const analysis = requiredText('analysis', input.analysis);
  return ctx.db.transaction(async (manager) => {
    const review = await loadReviewForChange(ctx, manager, input.reviewId, 'boardOrReviewer', 'setMethodology');
    return updateReview(manager, review, { methodologyName: name, methodologyDataCollection: dataCollection, methodologyAnalysis: analysis });
  });
}

export function recordFindings(ctx: ReviewsContext, input: RecordFindingsInput): Promise<Review> {
  const findings = requiredText('findings', input.findings);
  return ctx.db.transaction(async (manager) => {
    const review = await loadReviewForChange(ctx, manager, input.reviewId, 'boardOrReviewer', 'recordFindings');
    return updateReview(manager, review, { findings });
  });
}

/** Replaces the review's learning themes. */
export function setThemes(ctx: ReviewsContext, input: SetThemesInput): Promise<Review> {
  const themes = [...new Set(input.themes)];
  return ctx.db.transaction(async (manager) => {
    const review = await loadReviewForChange(ctx, manager, input.reviewId, 'board', 'setThemes');
    await manager.delete(ReviewTheme, { reviewId: review.id });
    if (themes.length) await manager.insert(ReviewTheme, themes.map((theme, position) => ({ reviewId: review.id, theme, position })));
    return updateReview(manager, review, {});
  });
}

export function linkParallelProcess(ctx: ReviewsContext, input: LinkParallelProcessInput): Promise<Review> {
  const reference = requiredText('reference', input.reference, 200);
  const leadOrganisation = optionalText('leadOrganisation', input.leadOrganisation, 300);
  return ctx.db.transaction(async (manager) => {
    const review = await loadReviewForChange(ctx, manager, input.reviewId, 'board', 'linkParallelProcess');
    await manager.insert(ParallelProcessRow, { reviewId: review.id, kind: input.kind, reference, leadOrganisation });
    return updateReview(manager, review, {});
  });
}

export function recordFamilyEngagement(ctx: ReviewsContext, input: RecordFamilyEngagementInput): Promise<Review> {
  const participant = requiredText('participant', input.participant, 300);
  const note = optionalText('note', input.note);
  if (compareIsoDates(input.engagedOn, ctx.today) > 0) throw badInput('engagedOn', `engagedOn (${input.engagedOn}) cannot be after today.`);
  return ctx.db.transaction(async (manager) => {
    const review = await loadReviewForChange(ctx, manager, input.reviewId, 'board', 'recordFamilyEngagement');
    await manager.insert(FamilyEngagementRow, { reviewId: review.id, participant, engagedOn: input.engagedOn, contributed: input.contributed, note });
    return updateReview(manager, review, {});
  });
}

/** Step 7: an extension needs a reason and interim learning captured meanwhile. */
export function extendTimescale(ctx: ReviewsContext, input: ExtendTimescaleInput): Promise<Review> {
  const reason = requiredText('reason', input.reason);
  const interimLearning = input.interimLearning.map((l) => l.trim()).filter(Boolean);
  interimLearning.forEach((l, i) => requiredText(`interimLearning[${i}]`, l));
  return ctx.db.transaction(async (manager) => {
    const review = await loadReviewForChange(ctx, manager, input.reviewId, 'board', 'extendTimescale');
    const problem = extensionProblem({
      currentDueOn: review.extendedCompletionDueOn ?? review.completionDueOn!,
      newDueOn: input.completionDueOn,
      interimLearning,
    });
    if (problem) throw badInput(problem.field, problem.message);
    return updateReview(manager, review, {
      extensionReason: reason,
      extendedCompletionDueOn: input.completionDueOn,
      extensionInterimLearningJson: JSON.stringify(interimLearning),
    });
  });
}

/** Completion needs a lead reviewer and findings; the report is then final. */
export function completeReview(ctx: ReviewsContext, input: CompleteReviewInput): Promise<Review> {
  const findings = requiredText('findings', input.findings);
  return ctx.db.transaction(async (manager) => {
    const review = await loadReviewForChange(ctx, manager, input.reviewId, 'board', 'completeReview');
    if (!(await manager.exists(ReviewerAppointment, { where: { reviewId: review.id, lead: true } }))) {
      throw badInput('reviewId', 'A review can be completed only once a lead reviewer is appointed.');
    }
    if (compareIsoDates(input.completedOn, ctx.today) > 0) throw badInput('completedOn', `completedOn (${input.completedOn}) cannot be after today.`);
    if (review.initiatedOn && compareIsoDates(input.completedOn, review.initiatedOn) < 0) {
      throw badInput('completedOn', `completedOn (${input.completedOn}) cannot be before the review began (${review.initiatedOn}).`);
    }
    return updateReview(manager, review, { findings, completedOn: input.completedOn, stage: ReviewStage.REPORT_FINAL });
  });
}

export function closeReview(ctx: ReviewsContext, reviewId: string): Promise<Review> {
  return ctx.db.transaction(async (manager) => {
    const review = await loadReviewForChange(ctx, manager, reviewId, 'board', 'closeReview');
    return updateReview(manager, review, { stage: ReviewStage.CLOSED });
  });
}
