import type { Database } from '@scr/db';
import { auditedDatabase, type InternalClient, type RequestContext, type SubgraphParts } from '@scr/graphql-kit';
import { createReviewLoaders, type ReviewLoaders } from './reviews/review.loaders';
import { createReviewReach, type ReviewReach } from './reviews/review.reach';
import { reviewScope, type ReviewScope } from './reviews/review.scope';

export interface ReviewsContext extends RequestContext {
  db: Database;
  internal: InternalClient;
  scope: ReviewScope;
  loaders: ReviewLoaders;
  /** Which of the caller's roles reach a review: field rules ask it (see permissions.ts). */
  reviewReach: ReviewReach;
  /** Pokes the outbox relay after a commit, so events leave at once. */
  eventsWritten(): void;
}

export function createContext(base: RequestContext, { db, internal, eventsWritten }: SubgraphParts): ReviewsContext {
  const scope = reviewScope(base.principal, base.now);
  return {
    ...base,
    db: auditedDatabase(db, base.auditor),
    internal,
    scope,
    loaders: createReviewLoaders(db, scope),
    reviewReach: createReviewReach(db, base.principal, scope),
    eventsWritten,
  };
}
