import { agenciesLookup, ask, type AgencyFacts, type InternalTransport } from '@scr/internal-api';

export async function agencyFacts(client: InternalTransport, agencyId: string): Promise<AgencyFacts | undefined> {
  const { agencies } = await ask(client, agenciesLookup, { ids: [agencyId] });
  return agencies[0];
}
