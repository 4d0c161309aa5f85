import { compareIsoDates } from '@scr/calendar';
import { newOutboxEvent, OutboxEvent } from '@scr/db';
import { badInput, requiredText, type Authenticated, notAfterToday } from '@scr/graphql-kit';
import { panelEventType } from '@scr/outbox';
import type { ReviewsContext } from '../context';
import { incidentFactsOf, isNotifiedToPanel } from '../incidents/incident-facts';
import { withdrawOpenRequests } from '../information-requests/information-request.service';
import { assertStage, loadReviewForChange, updateReview } from '../reviews/review-access';
import type { Review } from '../reviews/review.entity';
import type { RecordDecisionInput } from './decision.inputs';
import { afterDecision, completionDueOn, decisionProblem, isRepeatedDecision } from '../reviews/review.rules';

/** The chair's decision whether to review: DOMAIN.md step 3. */
export async function recordDecision(ctx: Authenticated<ReviewsContext>, input: RecordDecisionInput): Promise<Review> {
  const rationale = requiredText('rationale', input.rationale);
  const partnersAgreed = [...new Set(input.partnersAgreed ?? [])];
  let written = false;
  const review = await ctx.db.transaction(async (manager) => {
    const review = await loadReviewForChange(ctx, manager, input.reviewId, 'board');
    // A client's retry of the decision already recorded answers the review as it is.
    if (isRepeatedDecision(review, { ...input, partnersAgreed, rationale }, ctx.principal.subject)) return review;
    assertStage('recordDecision', review);
    written = true;
    const incident = await incidentFactsOf(manager, review.incidentId);
    const problem = decisionProblem({ regime: review.regime, outcome: input.outcome, criteriaMet: input.criteriaMet, partnersAgreed, incident });
    if (problem) throw badInput(problem.field, problem.message);
    notAfterToday('decidedOn', input.decidedOn, ctx.today);
    if (compareIsoDates(input.decidedOn, review.openedOn) < 0) {
      throw badInput('decidedOn', `decidedOn (${input.decidedOn}) cannot be before the case reached the board (${review.openedOn}).`);
    }
    const next = afterDecision(review.kind, input.outcome);
    const updated = await updateReview(
      manager,
      review,
      {
        kind: next.kind,
        stage: next.stage,
        decision: {
          outcome: input.outcome,
          criteriaMet: input.criteriaMet,
          partnersAgreed,
          rationale,
          decidedOn: input.decidedOn,
          decidedBy: ctx.principal.subject,
        },
        initiatedOn: next.initiates ? input.decidedOn : null,
        completionDueOn: next.initiates ? completionDueOn(input.decidedOn) : null,
      },
      input.expectedVersion,
    );
    await withdrawOpenRequests(manager, updated.id, updated.stage);
    // Nothing about a referral (or a case notified only to Ofsted and the Secretary of State) reaches the panel.
    if (isNotifiedToPanel(incident)) {
      await manager.insert(
        OutboxEvent,
        newOutboxEvent(panelEventType('review.decision_recorded'), {
          reviewId: updated.id,
          reviewReference: updated.reference,
          incidentId: updated.incidentId,
          boardCode: updated.boardCode,
          kind: updated.kind,
          stage: updated.stage,
          outcome: input.outcome,
          criteriaMet: input.criteriaMet,
          decidedOn: input.decidedOn,
          decisionDueOn: updated.decisionDueOn,
          initiatedOn: updated.initiatedOn,
        }),
      );
    }
    return updated;
  });
  if (written) ctx.eventsWritten();
  return review;
}
