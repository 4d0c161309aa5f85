import { compareIsoDates } from '@scr/calendar';
import { newOutboxEvent, OutboxEvent } from '@scr/db';
import { AppError, badInput, requiredText } from '@scr/graphql-kit';
import { panelEventType } from '@scr/outbox';
import type { ReviewsContext } from '../context';
import { isNotifiedToPanel } from '../incidents/incident-facts';
import { childIdentities } from '../incidents/incidents.client';
import { loadReviewForChange, updateReview } from '../reviews/review-access';
import { ReviewStage } from '../reviews/review.enums';
import type { Review } from '../reviews/review.entity';
import type { PublishReviewInput } from '../reviews/review.inputs';
import { findPersonalData } from './personal-data.rules';
import { availableUntil, isHttpUrl, publicationProblem } from './publication.rules';

/** Step 10: only the chair, only a final report, only when every check passes. */
export async function publishReview(ctx: ReviewsContext, input: PublishReviewInput): Promise<Review> {
  const url = requiredText('url', input.url, 2000);
  if (!isHttpUrl(url)) throw badInput('url', 'url must be an http(s) address where the report is published.');
  const summary = requiredText('plainEnglishSummary', input.plainEnglishSummary);
  if (compareIsoDates(input.sentToPanelOn, ctx.today) > 0) throw badInput('sentToPanelOn', `sentToPanelOn (${input.sentToPanelOn}) cannot be after today.`);
  const review = await ctx.db.transaction(async (manager) => {
    const review = await loadReviewForChange(ctx, manager, input.reviewId, 'board', 'publishReview');
    const problem = publicationProblem(input);
    if (problem) throw new AppError(problem.code, problem.message, { field: problem.field });
    const children = await childIdentities(ctx.internal, review.incidentId, ctx.principal);
    const findings = findPersonalData(`${summary}\n${url}`, children);
    if (findings.length) {
      const kinds = [...new Set(findings.map((f) => (f.kind === 'NAME' ? "a child's name" : "a child's date of birth")))];
      throw new AppError('PERSONAL_DATA_IN_PUBLICATION', `The public text contains ${kinds.join(' and ')}; remove it before publishing.`, {
        field: 'plainEnglishSummary',
      });
    }
    const published = await updateReview(manager, review, {
      stage: ReviewStage.PUBLISHED,
      publicationUrl: url,
      sentToPanelOn: input.sentToPanelOn,
      publishedOn: input.publishedOn,
      availableUntil: availableUntil(input.publishedOn),
      plainEnglishSummary: summary,
      welfareImpactConsidered: input.welfareImpactConsidered,
      dataProtectionChecked: input.dataProtectionChecked,
      courtRestrictionsChecked: input.courtRestrictionsChecked,
      embargoUntil: input.embargoUntil ?? null,
    });
    if (await isNotifiedToPanel(manager, published.incidentId)) {
      await manager.insert(
        OutboxEvent,
        newOutboxEvent(panelEventType('review.published'), {
          reviewId: published.id,
          reviewReference: published.reference,
          incidentId: published.incidentId,
          boardCode: published.boardCode,
          kind: published.kind,
          url,
          sentToPanelOn: input.sentToPanelOn,
          publishedOn: input.publishedOn,
          availableUntil: published.availableUntil,
        }),
      );
    }
    return published;
  });
  ctx.eventsWritten();
  return review;
}
