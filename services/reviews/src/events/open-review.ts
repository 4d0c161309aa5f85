import { randomUUID } from 'node:crypto';
import type { Database } from '@scr/db';
import { isUniqueViolation } from '@scr/db';
import type { InternalClient } from '@scr/graphql-kit';
import { lookupBoards } from '../directory.client';
import { ReviewStage } from '../reviews/review.enums';
import { Review } from '../reviews/review.entity';
import { regimeAt, reviewOpening, reviewReference } from '../reviews/review.rules';
import { ProcessedEvent } from './processed-event.entity';

export interface IncidentEvent {
  id: string;
  type: 'incident.notified' | 'incident.referred';
  data: { incidentId: string; boardCode: string; reference: string; notifiedOn?: string; reportedOn?: string };
}

/**
 * A notified incident (or a referral) opens its review awaiting a decision.
 * Handled once per event id and once per incident, so a redelivery changes
 * nothing; the board's regime comes from the directory, never from a client.
 */
export async function openReviewFor(db: Database, internal: InternalClient, event: IncidentEvent): Promise<'opened' | 'duplicate'> {
  const openedOn = event.type === 'incident.notified' ? event.data.notifiedOn : event.data.reportedOn;
  if (!openedOn) throw new Error(`event ${event.id} has no date`);
  const [board] = await lookupBoards(internal, [event.data.boardCode]);
  if (!board) throw new Error(`event ${event.id} names unknown board ${event.data.boardCode}`);
  const regime = regimeAt(openedOn, board.partnershipArrangementsFrom);
  const { kind, decisionDueOn } = reviewOpening(regime, openedOn);
  try {
    return await db.transaction(async (manager) => {
      if (await manager.exists(ProcessedEvent, { where: { eventId: event.id } })) return 'duplicate';
      await manager.insert(ProcessedEvent, { eventId: event.id, processedAt: new Date() });
      if (await manager.exists(Review, { where: { incidentId: event.data.incidentId } })) return 'duplicate';
      await manager.insert(Review, {
        id: randomUUID(),
        reference: reviewReference(event.data.reference),
        incidentId: event.data.incidentId,
        boardCode: event.data.boardCode,
        regime,
        kind,
        stage: ReviewStage.AWAITING_DECISION,
        openedOn,
        decisionDueOn,
        version: 1,
        createdAt: new Date(),
      });
      return 'opened' as const;
    });
  } catch (error) {
    // Two deliveries of the same event racing: the loser's insert hits a unique index.
    if (isUniqueViolation(error)) return 'duplicate';
    throw error;
  }
}
