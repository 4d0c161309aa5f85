import type { InternalClient } from '@scr/graphql-kit';

export interface ReviewFacts {
  id: string;
  boardCode: string;
  stage: string;
  incidentId: string;
  initiatedOn: string | null;
}

/** A review's board and stage, from the reviews subgraph: never from client input. */
export async function reviewFacts(client: InternalClient, reviewId: string): Promise<ReviewFacts | undefined> {
  const { reviews } = await client.post<{ reviews: ReviewFacts[] }>('reviews', '/reviews/lookup', { ids: [reviewId] });
  return reviews[0];
}
