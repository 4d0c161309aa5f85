import { agenciesLookup, ask, boardsLookup, type AgencyFacts, type BoardFacts, type InternalTransport } from '@scr/internal-api';

/** Which of the given board codes and agency ids the directory holds. */
export async function missingDirectoryEntries(client: InternalTransport, boardCodes: string[], agencyIds: string[]) {
  const [boards, agencies] = await Promise.all([lookupBoards(client, boardCodes), lookupAgencies(client, agencyIds)]);
  return {
    boardCodes: boardCodes.filter((c) => !boards.some((b) => b.code === c)),
    agencyIds: agencyIds.filter((id) => !agencies.some((a) => a.id === id)),
  };
}

export async function lookupBoards(client: InternalTransport, codes: string[]): Promise<BoardFacts[]> {
  if (!codes.length) return [];
  return (await ask(client, boardsLookup, { codes })).boards;
}

export async function lookupAgencies(client: InternalTransport, ids: string[]): Promise<AgencyFacts[]> {
  if (!ids.length) return [];
  return (await ask(client, agenciesLookup, { ids })).agencies;
}
