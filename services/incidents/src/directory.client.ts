import DataLoader from 'dataloader';
import type { InternalClient } from '@scr/graphql-kit';

export interface BoardFacts {
  code: string;
  name: string;
  partnershipArrangementsFrom: string | null;
}

/** Board facts from the agencies subgraph, batched per request. */
export function createBoardFactsLoader(client: InternalClient) {
  return new DataLoader<string, BoardFacts | null>(async (codes) => {
    const { boards } = await client.post<{ boards: BoardFacts[] }>('agencies', '/boards/lookup', { codes });
    const byCode = new Map(boards.map((b) => [b.code, b]));
    return codes.map((c) => byCode.get(c) ?? null);
  });
}
