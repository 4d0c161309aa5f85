import type { InternalClient } from '@scr/graphql-kit';

/** Which of the given board codes and agency ids the directory holds. */
export async function missingDirectoryEntries(client: InternalClient, boardCodes: string[], agencyIds: string[]) {
  const [boards, agencies] = await Promise.all([
    boardCodes.length ? client.post<{ boards: { code: string }[] }>('agencies', '/boards/lookup', { codes: boardCodes }) : { boards: [] },
    agencyIds.length ? client.post<{ agencies: { id: string }[] }>('agencies', '/agencies/lookup', { ids: agencyIds }) : { agencies: [] },
  ]);
  return {
    boardCodes: boardCodes.filter((c) => !boards.boards.some((b) => b.code === c)),
    agencyIds: agencyIds.filter((id) => !agencies.agencies.some((a) => a.id === id)),
  };
}
