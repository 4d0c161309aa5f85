import type { Database } from '@scr/db';
import { auditedDatabase, type DirectoryCopy, type RequestContext, type SubgraphParts } from '@scr/graphql-kit';
import { GrantsClient } from '@scr/internal-api';
import { createBoardFactsLoader } from './directory.client';
import { createAnnualReportCountsLoader } from './annual-report/annual-report.resolver';
import { createIncidentLoaders } from './incidents/incident.loaders';
import { incidentScope, type IncidentScope } from './incidents/incident.scope';
import { countsAnswerCacheFor, type CountsAnswerCache } from './stats/counts-answer-cache';
import { createIncidentStatsLoader } from './stats/incident-stats.resolver';

export interface IncidentsContext extends RequestContext {
  db: Database;
  grants: GrantsClient;
  boardFacts: ReturnType<typeof createBoardFactsLoader>;
  /** Board names to show beside incidents (BoardNameResolver). */
  directory: DirectoryCopy;
  loaders: ReturnType<typeof createIncidentLoaders> & {
    incidentStats: ReturnType<typeof createIncidentStatsLoader>;
    annualReportCounts: ReturnType<typeof createAnnualReportCountsLoader>;
  };
  /** Statistics rows kept while the counts are unchanged, shared by the process's requests. */
  countsAnswers: CountsAnswerCache;
  scope(): Promise<IncidentScope>;
  /** Pokes the outbox relay after a commit, so events leave at once. */
  eventsWritten(): void;
}

export function createContext(base: RequestContext, { db, internal, directory, eventsWritten }: SubgraphParts): IncidentsContext {
  let scope: Promise<IncidentScope> | undefined;
  const ctx = {
    ...base,
    db: auditedDatabase(db, base.auditor),
    grants: new GrantsClient(internal),
    boardFacts: createBoardFactsLoader(internal),
    directory,
    countsAnswers: countsAnswerCacheFor(db),
    eventsWritten,
  } as IncidentsContext;
  ctx.scope = () => (scope ??= incidentScope(ctx));
  ctx.loaders = {
    ...createIncidentLoaders(db, ctx.scope),
    incidentStats: createIncidentStatsLoader(ctx),
    annualReportCounts: createAnnualReportCountsLoader(ctx),
  };
  return ctx;
}
