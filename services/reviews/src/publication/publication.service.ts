import { newOutboxEvent, OutboxEvent } from '@scr/db';
import { AppError, badInput, requiredText, notAfterToday } from '@scr/graphql-kit';
import { panelEventType } from '@scr/outbox';
import type { ReviewsContext } from '../context';
import { incidentFactsOf, isNotifiedToPanel } from '../incidents/incident-facts';
import { childIdentities } from '../incidents/incidents.client';
import { assertStage, checkReviewForChange, loadReviewForChange, updateReview } from '../reviews/review-access';
import { ReviewStage } from '../reviews/review.enums';
import type { Review } from '../reviews/review.entity';
import type { PublishReviewInput } from './publication.inputs';
import { findPersonalData, findPersonalDataInUrl, type ChildIdentityFacts } from './personal-data.rules';
import { availableUntil, isHttpUrl, isRepeatedPublication, publicationProblem, publishedWebhookNotBefore } from './publication.rules';

/** Step 10: only the chair, only a final report, only when every check passes. */
export async function publishReview(ctx: ReviewsContext, input: PublishReviewInput): Promise<Review> {
  const url = requiredText('url', input.url, 2000);
  if (!isHttpUrl(url)) throw badInput('url', 'url must be an http(s) address where the report is published.');
  const summary = requiredText('plainEnglishSummary', input.plainEnglishSummary);
  notAfterToday('sentToPanelOn', input.sentToPanelOn, ctx.today);
  const wanted = { ...input, url, plainEnglishSummary: summary };
  // Checked, and the incidents subgraph asked for the children's identities,
  // before the transaction: no row stays locked (and, on SQLite, no other
  // write of this subgraph waits) while another service answers. A client's
  // retry of the publication already recorded needs neither.
  const before = await checkReviewForChange(ctx, input.reviewId, 'board');
  if (!isRepeatedPublication(before.publication, wanted)) {
    assertStage('publishReview', before);
    checkPublication(input, before);
    checkNoPersonalData(summary, url, await childIdentities(ctx.internal, before.incidentId, ctx.principal));
  }
  let written = false;
  const review = await ctx.db.transaction(async (manager) => {
    // Again under the lock: the review may have moved on while the incidents subgraph answered.
    const review = await loadReviewForChange(ctx, manager, input.reviewId, 'board');
    if (isRepeatedPublication(review.publication, wanted)) return review;
    assertStage('publishReview', review);
    written = true;
    checkPublication(input, review);
    const published = await updateReview(manager, review, {
      stage: ReviewStage.PUBLISHED,
      publication: {
        url,
        sentToPanelOn: input.sentToPanelOn,
        publishedOn: input.publishedOn,
        availableUntil: availableUntil(input.publishedOn),
        plainEnglishSummary: summary,
        welfareImpactConsidered: input.welfareImpactConsidered,
        dataProtectionChecked: input.dataProtectionChecked,
        courtRestrictionsChecked: input.courtRestrictionsChecked,
        embargoUntil: input.embargoUntil ?? null,
      },
    });
    if (isNotifiedToPanel(await incidentFactsOf(manager, published.incidentId))) {
      await manager.insert(
        OutboxEvent,
        newOutboxEvent(
          panelEventType('review.published'),
          {
            reviewId: published.id,
            reviewReference: published.reference,
            incidentId: published.incidentId,
            boardCode: published.boardCode,
            kind: published.kind,
            url,
            sentToPanelOn: input.sentToPanelOn,
            publishedOn: input.publishedOn,
            availableUntil: published.publication.availableUntil,
          },
          { notBefore: publishedWebhookNotBefore(input.publishedOn) },
        ),
      );
    }
    return published;
  });
  if (written) ctx.eventsWritten();
  return review;
}

function checkPublication(input: PublishReviewInput, review: Review) {
  const problem = publicationProblem({ ...input, completedOn: review.completedOn });
  if (problem) throw new AppError(problem.code, problem.message, { field: problem.field });
}

/** The public text is the summary and the address (the other public fields are the board's own codes and enums). */
function checkNoPersonalData(summary: string, url: string, children: ChildIdentityFacts[]) {
  const inSummary = findPersonalData(summary, children);
  const inUrl = findPersonalDataInUrl(url, children);
  const findings = [...inSummary, ...inUrl];
  if (findings.length) {
    const kinds = [...new Set(findings.map((f) => (f.kind === 'DATE_OF_BIRTH' ? "a child's date of birth" : "a child's name")))];
    throw new AppError('PERSONAL_DATA_IN_PUBLICATION', `The public text contains ${kinds.join(' and ')}; remove it before publishing.`, {
      field: inSummary.length ? 'plainEnglishSummary' : 'url',
    });
  }
}
