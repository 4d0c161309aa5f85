import type { InternalClient } from '@scr/graphql-kit';
import type { ChildIdentityFacts } from '../publication/personal-data.rules';

/** The children's real names and dates of birth, for the publication screen only; never stored here. */
export async function childIdentities(client: InternalClient, incidentId: string): Promise<ChildIdentityFacts[]> {
  const { children } = await client.get<{ children: ChildIdentityFacts[] }>('incidents', `/incidents/${encodeURIComponent(incidentId)}/identities`);
  return children;
}
