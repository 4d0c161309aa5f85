import { ask, INCIDENT_EVENT_TYPES, incidentEvent, incidentEvents, type InternalTransport } from '@scr/internal-api';
import type { OutboxDelivery } from '@scr/outbox';

/** Incident events the reviews subgraph consumes: a notification or referral opens a review; a correction updates the facts it keeps. */
export const REVIEW_EVENT_TYPES = INCIDENT_EVENT_TYPES;

export function deliverToReviews(client: InternalTransport) {
  return async (event: OutboxDelivery): Promise<void> => {
    // Checked here too: an event this side wrote wrongly fails in its own relay's log, not as a 400 from reviews.
    await ask(client, incidentEvents, incidentEvent.parse({ id: event.id, type: event.type, data: event.data }));
  };
}
