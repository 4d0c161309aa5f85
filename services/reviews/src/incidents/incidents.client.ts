import type { Principal } from '@scr/auth';
import type { InternalClient } from '@scr/graphql-kit';
import type { ChildIdentityFacts } from '../publication/personal-data.rules';

/**
 * The children's real names and dates of birth, for the publication screen
 * only; never stored here. The incidents subgraph audits the read under the
 * principal named here.
 */
export async function childIdentities(client: InternalClient, incidentId: string, actingFor?: Principal): Promise<ChildIdentityFacts[]> {
  const who = new URLSearchParams({ subject: actingFor?.subject ?? 'reviews', roles: (actingFor?.roles ?? []).join(','), board: actingFor?.board ?? '' });
  const { children } = await client.get<{ children: ChildIdentityFacts[] }>('incidents', `/incidents/${encodeURIComponent(incidentId)}/identities?${who}`);
  return children;
}
