import type { Database } from '@scr/db';
import type { CaseGrantHolder, CaseGrants } from '@scr/internal-api';
import { Review } from './review.entity';
import { whereReviewInScope, type ReviewScope } from './review.scope';

/**
 * The reviews (and their incidents) a principal reaches outside its own
 * board: its live peer challenges (chair) and its appointments (reviewer),
 * through the same SQL as the row scope, so the other subgraphs scope exactly
 * as this one does.
 */
export async function caseGrantsOf(db: Database, who: CaseGrantHolder, now = new Date()): Promise<CaseGrants> {
  const scope: ReviewScope = {
    challengerBoard: (who.roles ?? []).includes('BOARD_CHAIR') ? who.board : undefined,
    reviewer: (who.roles ?? []).includes('REVIEWER') ? who.reviewer : undefined,
    now,
  };
  if (!scope.challengerBoard && !scope.reviewer) return { reviewIds: [], incidentIds: [] };
  const qb = db.manager.createQueryBuilder(Review, 'r').select(['r.id', 'r.incidentId']);
  const reviews = await whereReviewInScope(qb, 'r', scope).getMany();
  return { reviewIds: reviews.map((r) => r.id), incidentIds: reviews.map((r) => r.incidentId) };
}
