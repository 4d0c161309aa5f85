import type { Config } from '@scr/config';
import type { Database } from '@scr/db';
import { auditedDatabase, InternalClient, type RequestContext } from '@scr/graphql-kit';
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

export function createContext(config: Config, db: Database, base: RequestContext, eventsWritten: () => void = () => {}): IncidentsContext {
  const client = new InternalClient(config);
  let scope: Promise<IncidentScope> | undefined;
  const ctx = { ...base, db: auditedDatabase(db, base.auditor), grants: new GrantsClient(client), boardFacts: createBoardFactsLoader(client), eventsWritten } as IncidentsContext;
  ctx.scope = () => (scope ??= incidentScope(ctx));
  ctx.loaders = createIncidentLoaders(db, ctx.scope);
  return ctx;
}
