import type { Database } from '@scr/db';
import { auditedDatabase, type RequestContext, type SubgraphParts } from '@scr/graphql-kit';
import { GrantsClient } from '@scr/internal-api';
import { createBoardFactsLoader } from './directory.client';
import { createIncidentLoaders } from './incidents/incident.loaders';
import { incidentScope, type IncidentScope } from './incidents/incident.scope';

export interface IncidentsContext extends RequestContext {
  db: Database;
  grants: GrantsClient;
  boardFacts: ReturnType<typeof createBoardFactsLoader>;
  loaders: ReturnType<typeof createIncidentLoaders>;
  scope(): Promise<IncidentScope>;
  /** Pokes the outbox relay after a commit, so events leave at once. */
  eventsWritten(): void;
}

export function createContext(base: RequestContext, { db, internal, eventsWritten }: SubgraphParts): IncidentsContext {
  let scope: Promise<IncidentScope> | undefined;
  const ctx = { ...base, db: auditedDatabase(db, base.auditor), grants: new GrantsClient(internal), boardFacts: createBoardFactsLoader(internal), eventsWritten } as IncidentsContext;
  ctx.scope = () => (scope ??= incidentScope(ctx));
  ctx.loaders = createIncidentLoaders(db, ctx.scope);
  return ctx;
}
