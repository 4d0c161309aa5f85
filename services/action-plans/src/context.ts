import type { Database } from '@scr/db';
import { auditedDatabase, type DirectoryCopy, type InternalClient, type RequestContext, type SubgraphParts } from '@scr/graphql-kit';
import { GrantsClient } from '@scr/internal-api';
import { createAnnualReportProgressLoader } from './annual-report/annual-report.resolver';
import { createBoardProgressLoader } from './boards/board-progress.resolver';
import { createPlanLoaders, type PlanLoaders } from './plans/plan.loaders';
import { planScope, type PlanScope } from './plans/plan.scope';

export interface ActionPlansContext extends RequestContext {
  db: Database;
  internal: InternalClient;
  /** Board and agency names to show beside plans (BoardNameResolver, AgencyNamesResolver). */
  directory: DirectoryCopy;
  grants: GrantsClient;
  scope(): Promise<PlanScope>;
  loaders: PlanLoaders & {
    boardProgress: ReturnType<typeof createBoardProgressLoader>;
    annualReportProgress: ReturnType<typeof createAnnualReportProgressLoader>;
  };
}

export function createContext(base: RequestContext, { db, internal, directory }: SubgraphParts): ActionPlansContext {
  let scope: Promise<PlanScope> | undefined;
  const ctx = { ...base, db: auditedDatabase(db, base.auditor), internal, directory, grants: new GrantsClient(internal) } as ActionPlansContext;
  ctx.scope = () => (scope ??= planScope(ctx));
  ctx.loaders = {
    ...createPlanLoaders(db, ctx.scope, base.today),
    boardProgress: createBoardProgressLoader(ctx),
    annualReportProgress: createAnnualReportProgressLoader(ctx),
  };
  return ctx;
}
