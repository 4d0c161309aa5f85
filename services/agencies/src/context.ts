import type { Config } from '@scr/config';
import type { Database } from '@scr/db';
import { auditedDatabase, type RequestContext, type SubgraphParts } from '@scr/graphql-kit';
import { createDirectoryLoaders, type DirectoryLoaders } from './agencies/agency.loaders';

export interface AgenciesContext extends RequestContext {
  config: Config;
  db: Database;
  loaders: DirectoryLoaders;
}

export function createContext(base: RequestContext, { config, db }: SubgraphParts): AgenciesContext {
  return { ...base, config, db: auditedDatabase(db, base.auditor), loaders: createDirectoryLoaders(db) };
}
