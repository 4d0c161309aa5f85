import DataLoader from 'dataloader';
import type { Principal } from '@scr/auth';
import type { Database } from '@scr/db';
import { boardReach, type Reach, type Reaches } from '@scr/graphql-kit';
import { Review } from './review.entity';
import { GRANT_SQL, grantsIn, scopeParameters, type CaseGrant, type ReviewScope } from './review.scope';

export type ReviewReach = (review: Pick<Review, 'id' | 'boardCode'>) => Promise<Reaches>;

/**
 * Which of the caller's roles reach each review: its own board's staff (from
 * the row), and the case grants (one batched statement per request for the
 * reviews asked about, with the scope's own subqueries; none for a token
 * holding no grant role).
 */
export function createReviewReach(db: Database, principal: Principal | undefined, scope: ReviewScope): ReviewReach {
  const grants = grantsIn(scope);
  const granted = new DataLoader<string, CaseGrant[]>(async (ids) => {
    const qb = db.manager
      .createQueryBuilder(Review, 'r')
      .select('r.id', 'id')
      .where('r.id IN (:...ids)', { ids: [...ids] });
    for (const grant of grants) qb.addSelect(`CASE WHEN r.id IN (${GRANT_SQL[grant]}) THEN 1 ELSE 0 END`, `grant${grant}`);
    const rows: Record<string, unknown>[] = await qb.setParameters(scopeParameters(scope)).getRawMany();
    const byId = new Map(rows.map((row) => [String(row.id), row]));
    return ids.map((id) => grants.filter((grant) => Number(byId.get(id)?.[`grant${grant}`] ?? 0) === 1));
  });
  // Every field rule of every row asks: each review's reach is worked out once per request.
  const known = new Map<string, Promise<Reaches>>();
  const reachOf = async (review: Pick<Review, 'id' | 'boardCode'>): Promise<Reaches> => {
    const reach: Reach[] = boardReach(principal, review.boardCode);
    if (grants.length) reach.push(...(await granted.load(review.id)));
    return new Set(reach);
  };
  return (review) => {
    const key = `${review.id}\u0000${review.boardCode}`;
    let reach = known.get(key);
    if (!reach) known.set(key, (reach = reachOf(review)));
    return reach;
  };
}
