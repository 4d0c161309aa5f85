import type { Config } from '@scr/config';
import type { Database } from '@scr/db';
import { auditedDatabase, type InternalClient, type RequestContext, type SubgraphParts } from '@scr/graphql-kit';
import { createDirectoryLoaders, type DirectoryLoaders } from './agencies/agency.loaders';

export interface AgenciesContext extends RequestContext {
  config: Config;
  db: Database;
  /** Tells the other subgraphs when a name changes (directory-notices.ts). */
  internal: InternalClient;
  loaders: DirectoryLoaders;
}

export function createContext(base: RequestContext, { config, db, internal }: SubgraphParts): AgenciesContext {
  return { ...base, config, db: auditedDatabase(db, base.auditor), internal, loaders: createDirectoryLoaders(db) };
}
