import { compareIsoDates } from '@scr/calendar';
import { AppError, badInput, optionalText, requiredText, notAfterToday } from '@scr/graphql-kit';
import { ReviewerAppointment } from '../appointments/appointment.entity';
import type { ReviewsContext } from '../context';
import { assertStage, loadReviewForChange, updateReview } from '../reviews/review-access';
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
} from './progress.inputs';
import { withdrawOpenRequests } from '../information-requests/information-request.service';
import { effectiveCompletionDueOn, isRepeatedClose } from '../reviews/review.rules';
import { FamilyEngagementRow, GoodPracticeRow, ParallelProcessRow, ReviewExtensionRow, ReviewTheme } from './progress.entities';
import {
  completionProblem,
  extendedCompletionDueOn,
  extensionProblem,
  inAgreedOrder,
  isRepeatedCompletion,
  isSameExtension,
  isSameFamilyEngagement,
  isSameParallelProcess,
  sameList,
} from './progress.rules';

/** The chosen method and how data were collected and analysed (transparency, step 5). */
export function setMethodology(ctx: ReviewsContext, input: SetMethodologyInput): Promise<Review> {
  const name = requiredText('name', input.name, 300);
  const dataCollection = requiredText('dataCollection', input.dataCollection);
  const analysis = requiredText('analysis', input.analysis);
  return ctx.db.transaction(async (manager) => {
    const review = await loadReviewForChange(ctx, manager, input.reviewId, 'boardOrReviewer', 'setMethodology');
    // A retried call (or the same text sent again) answers the review as it is, version unchanged.
    const held = review.methodology;
    if (held.name === name && held.dataCollection === dataCollection && held.analysis === analysis) return review;
    return updateReview(manager, review, { methodology: { name, dataCollection, analysis } });
  });
}

/** Findings, with any examples of good practice to share (replaced when given, kept when omitted). */
export function recordFindings(ctx: ReviewsContext, input: RecordFindingsInput): Promise<Review> {
  const findings = requiredText('findings', input.findings);
  const goodPractice = input.goodPractice?.map((g, i) => requiredText(`goodPractice[${i}]`, g));
  return ctx.db.transaction(async (manager) => {
    const review = await loadReviewForChange(ctx, manager, input.reviewId, 'boardOrReviewer', 'recordFindings');
    if (review.findings === findings) {
      const current = (await manager.find(GoodPracticeRow, { where: { reviewId: review.id }, order: { position: 'ASC' } })).map((row) => row.example);
      // A retried call answers the review as it is, version unchanged.
      if (!goodPractice || sameList(current, goodPractice)) return review;
    }
    if (goodPractice) {
      await manager.delete(GoodPracticeRow, { reviewId: review.id });
      if (goodPractice.length)
        await manager.insert(
          GoodPracticeRow,
          goodPractice.map((example, position) => ({ reviewId: review.id, position, example })),
        );
    }
    return updateReview(manager, review, { findings });
  });
}

/** Replaces the review's learning themes. */
export function setThemes(ctx: ReviewsContext, input: SetThemesInput): Promise<Review> {
  const themes = [...new Set(input.themes)];
  return ctx.db.transaction(async (manager) => {
    const review = await loadReviewForChange(ctx, manager, input.reviewId, 'board', 'setThemes');
    const current = (await manager.find(ReviewTheme, { where: { reviewId: review.id }, order: { position: 'ASC' } })).map((row) => row.theme);
    if (sameList(current, themes)) return review; // a retried call: the review as it is, version unchanged
    await manager.delete(ReviewTheme, { reviewId: review.id });
    if (themes.length)
      await manager.insert(
        ReviewTheme,
        themes.map((theme, position) => ({ reviewId: review.id, theme, position })),
      );
    return updateReview(manager, review, {});
  });
}

export function linkParallelProcess(ctx: ReviewsContext, input: LinkParallelProcessInput): Promise<Review> {
  const reference = requiredText('reference', input.reference, 200);
  const leadOrganisation = optionalText('leadOrganisation', input.leadOrganisation, 300);
  return ctx.db.transaction(async (manager) => {
    const review = await loadReviewForChange(ctx, manager, input.reviewId, 'board', 'linkParallelProcess');
    const linked = await manager.find(ParallelProcessRow, { where: { reviewId: review.id } });
    if (linked.some((held) => isSameParallelProcess(held, { kind: input.kind, reference, leadOrganisation }))) return review; // a client's retry
    await manager.insert(ParallelProcessRow, { reviewId: review.id, kind: input.kind, reference, leadOrganisation });
    return updateReview(manager, review, {});
  });
}

export function recordFamilyEngagement(ctx: ReviewsContext, input: RecordFamilyEngagementInput): Promise<Review> {
  const participant = requiredText('participant', input.participant, 300);
  const note = optionalText('note', input.note);
  notAfterToday('engagedOn', input.engagedOn, ctx.today);
  return ctx.db.transaction(async (manager) => {
    const review = await loadReviewForChange(ctx, manager, input.reviewId, 'board', 'recordFamilyEngagement');
    const recorded = await manager.find(FamilyEngagementRow, { where: { reviewId: review.id } });
    if (recorded.some((held) => isSameFamilyEngagement(held, { participant, engagedOn: input.engagedOn, contributed: input.contributed, note }))) return review; // a client's retry
    await manager.insert(FamilyEngagementRow, { reviewId: review.id, participant, engagedOn: input.engagedOn, contributed: input.contributed, note });
    return updateReview(manager, review, {});
  });
}

/**
 * Step 7: an extension needs a reason and interim learning captured
 * meanwhile, and is agreed on or before the current due date and not after
 * today. Every extension is kept; the review's date in force follows those
 * agreed in time.
 */
export function extendTimescale(ctx: ReviewsContext, input: ExtendTimescaleInput): Promise<Review> {
  const reason = requiredText('reason', input.reason);
  const interimLearning = input.interimLearning.map((l) => l.trim()).filter(Boolean);
  interimLearning.forEach((l, i) => requiredText(`interimLearning[${i}]`, l));
  const agreedOn = input.agreedOn ?? ctx.today;
  return ctx.db.transaction(async (manager) => {
    const review = await loadReviewForChange(ctx, manager, input.reviewId, 'board', 'extendTimescale');
    const agreed = await manager.find(ReviewExtensionRow, { where: { reviewId: review.id } });
    if (agreed.some((held) => isSameExtension(held, { reason, completionDueOn: input.completionDueOn, agreedOn, interimLearning }))) return review; // a client's retry
    const originalDueOn = review.completionDueOn!;
    const problem = extensionProblem({
      currentDueOn: effectiveCompletionDueOn(review)!,
      newDueOn: input.completionDueOn,
      agreedOn,
      today: ctx.today,
      initiatedOn: review.initiatedOn,
      interimLearning,
    });
    if (problem) throw new AppError(problem.code, problem.message, { field: problem.field });
    await manager.insert(ReviewExtensionRow, {
      reviewId: review.id,
      reason,
      completionDueOn: input.completionDueOn,
      interimLearning,
      agreedOn,
    });
    const all = inAgreedOrder(await manager.find(ReviewExtensionRow, { where: { reviewId: review.id } }));
    return updateReview(manager, review, { extendedCompletionDueOn: extendedCompletionDueOn(originalDueOn, all) });
  });
}

/** Completion needs a lead reviewer, findings and the methodology; the report is then final. */
export function completeReview(ctx: ReviewsContext, input: CompleteReviewInput): Promise<Review> {
  const findings = requiredText('findings', input.findings);
  return ctx.db.transaction(async (manager) => {
    const review = await loadReviewForChange(ctx, manager, input.reviewId, 'board');
    // A client's retry of the completion already recorded answers the review as it is.
    if (isRepeatedCompletion(review, { completedOn: input.completedOn, findings })) return review;
    assertStage('completeReview', review);
    const problem = completionProblem({
      hasLead: await manager.exists(ReviewerAppointment, { where: { reviewId: review.id, lead: true } }),
      hasMethodology: !!review.methodology.name,
    });
    if (problem) throw new AppError(problem.code, problem.message, { field: problem.field });
    notAfterToday('completedOn', input.completedOn, ctx.today);
    if (review.initiatedOn && compareIsoDates(input.completedOn, review.initiatedOn) < 0) {
      throw badInput('completedOn', `completedOn (${input.completedOn}) cannot be before the review began (${review.initiatedOn}).`);
    }
    return updateReview(manager, review, { findings, completedOn: input.completedOn, stage: ReviewStage.REPORT_FINAL });
  });
}

/** Closing ends the case: open information requests are withdrawn in the same transaction. */
export function closeReview(ctx: ReviewsContext, reviewId: string): Promise<Review> {
  return ctx.db.transaction(async (manager) => {
    const review = await loadReviewForChange(ctx, manager, reviewId, 'board');
    if (isRepeatedClose(review.stage)) return review; // a client's retry: closed already
    assertStage('closeReview', review);
    await withdrawOpenRequests(manager, review.id, ReviewStage.CLOSED);
    return updateReview(manager, review, { stage: ReviewStage.CLOSED });
  });
}
