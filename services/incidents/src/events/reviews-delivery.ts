import type { InternalClient } from '@scr/graphql-kit';
import type { OutboxDelivery } from '@scr/outbox';

/** Incident events the reviews subgraph consumes: a notification or referral opens a review; a correction updates the facts it keeps. */
export const REVIEW_EVENT_TYPES = ['incident.notified', 'incident.referred', 'incident.corrected'] as const;

export function deliverToReviews(client: InternalClient) {
  return async (event: OutboxDelivery): Promise<void> => {
    await client.post('reviews', '/events', { id: event.id, type: event.type, data: event.data });
  };
}
