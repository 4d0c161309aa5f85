import DataLoader from 'dataloader';
import { ask, boardsLookup, type BoardFacts, type InternalTransport } from '@scr/internal-api';

/** Board facts from the agencies subgraph, batched per request. */
export function createBoardFactsLoader(client: InternalTransport) {
  return new DataLoader<string, BoardFacts | null>(async (codes) => {
    const { boards } = await ask(client, boardsLookup, { codes: [...codes] });
    const byCode = new Map(boards.map((b) => [b.code, b]));
    return codes.map((c) => byCode.get(c) ?? null);
  });
}
