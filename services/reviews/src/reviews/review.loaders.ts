import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { entityReader, type Database } from '@scr/db';
import { InvolvedAgency } from '../appointments/involved-agency.entity';
import { ReviewerAppointment } from '../appointments/appointment.entity';
import { InformationRequest } from '../information-requests/information-request.entity';
import { PeerChallenge } from '../peer-challenges/peer-challenge.entity';
import { FamilyEngagementRow, GoodPracticeRow, ParallelProcessRow, ReviewExtensionRow, ReviewTheme } from '../progress/progress.entities';
import { Reviewer } from '../reviewers/reviewer.entity';
import { Review } from './review.entity';
import type { Regime } from './review.enums';
import { reviewScopeCondition, type ReviewScope } from './review.scope';

type Keyed = { reviewId: string };

/** Groups rows by review id in the order of the ids asked for. */
function byReview<T extends Keyed>(ids: readonly string[], rows: T[]): T[][] {
  const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) groups.get(row.reviewId)?.push(row);
  return ids.map((id) => groups.get(id) ?? []);
}

/** `orderBy`: the column (database name) that orders a review's rows. */
function childLoader<T extends Keyed>(db: Database, entity: new () => T, orderBy: string) {
  return new DataLoader<string, T[]>(async (ids) =>
    byReview(ids, await entityReader(db, entity, 'x').select('x.review_id IN (:...ids)', { ids: [...ids] }, `ORDER BY x.${orderBy}`)),
  );
}

/** Per-request loaders; reviews themselves are read only inside the caller's scope. */
export function createReviewLoaders(db: Database, scope: ReviewScope) {
  const reviewById = new DataLoader<string, Review | null>(async (ids) => {
    const inScope = reviewScopeCondition('r', scope);
    const rows = await entityReader(db, Review, 'r').select(`r.id IN (:...ids) AND ${inScope.sql}`, { ...inScope.parameters, ids: [...ids] });
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });
  const reviewsByIncident = new DataLoader<string, Review[]>(async (ids) => {
    const inScope = reviewScopeCondition('r', scope);
    const rows = await entityReader(db, Review, 'r').select(
      `r.incident_id IN (:...ids) AND ${inScope.sql}`,
      { ...inScope.parameters, ids: [...ids] },
      'ORDER BY r.seq',
    );
    return ids.map((id) => rows.filter((r) => r.incidentId === id));
  });
  const reviewerById = new DataLoader<string, Reviewer | null>(async (ids) => {
    const rows = await db.manager.find(Reviewer, { where: { id: In([...ids]) } });
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });
  // Only the regime, for records already visible (an information request's legal basis): not scoped.
  const regimeByReview = new DataLoader<string, Regime | null>(async (ids) => {
    const rows = await db.manager.find(Review, { select: { id: true, regime: true }, where: { id: In([...ids]) } });
    return ids.map((id) => rows.find((r) => r.id === id)?.regime ?? null);
  });
  return {
    reviewById,
    regimeByReview,
    reviewsByIncident,
    reviewerById,
    appointmentsByReview: childLoader(db, ReviewerAppointment, 'seq'),
    agenciesByReview: childLoader(db, InvolvedAgency, 'position'),
    requestsByReview: childLoader(db, InformationRequest, 'seq'),
    challengesByReview: childLoader(db, PeerChallenge, 'seq'),
    parallelByReview: childLoader(db, ParallelProcessRow, 'seq'),
    familyByReview: childLoader(db, FamilyEngagementRow, 'seq'),
    themesByReview: childLoader(db, ReviewTheme, 'position'),
    extensionsByReview: childLoader(db, ReviewExtensionRow, 'seq'),
    goodPracticeByReview: childLoader(db, GoodPracticeRow, 'position'),
  };
}

export type ReviewLoaders = ReturnType<typeof createReviewLoaders>;
