import type { Database } from '@scr/db';
import { auditedDatabase, type DirectoryCopy, type InternalClient, type RequestContext, type SubgraphParts } from '@scr/graphql-kit';
import { createAnnualReportFiguresLoader } from './annual-report/annual-report.resolver';
import { createReviewLoaders, type ReviewLoaders } from './reviews/review.loaders';
import { createReviewReach, type ReviewReach } from './reviews/review.reach';
import { reviewScope, type ReviewScope } from './reviews/review.scope';
import { createThemeStatsLoader, createTimelinessLoader } from './stats/review-stats.resolver';

export interface ReviewsContext extends RequestContext {
  db: Database;
  internal: InternalClient;
  /** Board and agency names to show beside reviews (BoardNameResolver, AgencyNamesResolver). */
  directory: DirectoryCopy;
  scope: ReviewScope;
  loaders: ReviewLoaders & {
    themeStats: ReturnType<typeof createThemeStatsLoader>;
    timeliness: ReturnType<typeof createTimelinessLoader>;
    annualReportFigures: ReturnType<typeof createAnnualReportFiguresLoader>;
  };
  /** Which of the caller's roles reach a review: field rules ask it (see permissions.ts). */
  reviewReach: ReviewReach;
  /** Pokes the outbox relay after a commit, so events leave at once. */
  eventsWritten(): void;
}

export function createContext(base: RequestContext, { db, internal, directory, eventsWritten }: SubgraphParts): ReviewsContext {
  const scope = reviewScope(base.principal, base.now);
  const ctx = {
    ...base,
    db: auditedDatabase(db, base.auditor),
    internal,
    directory,
    scope,
    reviewReach: createReviewReach(db, base.principal, scope),
    eventsWritten,
  } as ReviewsContext;
  ctx.loaders = {
    ...createReviewLoaders(db, scope),
    themeStats: createThemeStatsLoader(ctx),
    timeliness: createTimelinessLoader(ctx),
    annualReportFigures: createAnnualReportFiguresLoader(ctx),
  };
  return ctx;
}
