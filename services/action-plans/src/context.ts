import type { Database } from '@scr/db';
import type { RequestContext } from '@scr/graphql-kit';
import { createPlanLoaders } from './plans/action-plan.loaders';

export interface ActionPlansContext extends RequestContext {
  db: Database;
  loaders: ReturnType<typeof createPlanLoaders>;
}

export function createContext(db: Database, base: RequestContext): ActionPlansContext {
  return { ...base, db, loaders: createPlanLoaders(db, base.principal) };
}
