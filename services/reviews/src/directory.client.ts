import type { InternalClient } from '@scr/graphql-kit';
import type { AgencySector } from '@scr/graphql-kit';

export interface BoardFacts {
  code: string;
  partnershipArrangementsFrom: string | null;
}

export interface AgencyFacts {
  id: string;
  name: string;
  sector: AgencySector;
  boardCodes: string[];
}

/** Which of the given board codes and agency ids the directory holds. */
export async function missingDirectoryEntries(client: InternalClient, boardCodes: string[], agencyIds: string[]) {
  const [boards, agencies] = await Promise.all([lookupBoards(client, boardCodes), lookupAgencies(client, agencyIds)]);
  return {
    boardCodes: boardCodes.filter((c) => !boards.some((b) => b.code === c)),
    agencyIds: agencyIds.filter((id) => !agencies.some((a) => a.id === id)),
  };
}

export async function lookupBoards(client: InternalClient, codes: string[]): Promise<BoardFacts[]> {
  if (!codes.length) return [];
  return (await client.post<{ boards: BoardFacts[] }>('agencies', '/boards/lookup', { codes })).boards;
}

export async function lookupAgencies(client: InternalClient, ids: string[]): Promise<AgencyFacts[]> {
  if (!ids.length) return [];
  return (await client.post<{ agencies: AgencyFacts[] }>('agencies', '/agencies/lookup', { ids })).agencies;
}
