import { ask, reviewsLookup, type InternalTransport, type ReviewFacts } from '@scr/internal-api';

/** A review's board and stage, from the reviews subgraph: never from client input. */
export async function reviewFacts(client: InternalTransport, reviewId: string): Promise<ReviewFacts | undefined> {
  const { reviews } = await ask(client, reviewsLookup, { ids: [reviewId] });
  return reviews[0];
}
