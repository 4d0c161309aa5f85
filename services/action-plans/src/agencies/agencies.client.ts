import type { InternalClient } from '@scr/graphql-kit';

export interface AgencyFacts {
  id: string;
  name: string;
  boardCodes: string[];
}

export async function agencyFacts(client: InternalClient, agencyId: string): Promise<AgencyFacts | undefined> {
  const { agencies } = await client.post<{ agencies: AgencyFacts[] }>('agencies', '/agencies/lookup', { ids: [agencyId] });
  return agencies[0];
}
