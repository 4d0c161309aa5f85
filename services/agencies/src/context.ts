import type { Database } from '@scr/db';
import type { RequestContext } from '@scr/graphql-kit';
import { createDirectoryLoaders, type DirectoryLoaders } from './agencies/agency.loaders';

export interface AgenciesContext extends RequestContext {
  db: Database;
  loaders: DirectoryLoaders;
}

export function createContext(db: Database, base: RequestContext): AgenciesContext {
  return { ...base, db, loaders: createDirectoryLoaders(db) };
}
