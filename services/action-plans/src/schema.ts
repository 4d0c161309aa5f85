import { buildFederatedSchema, buildSubgraphSdl } from '@scr/graphql-kit';
import { Action } from './actions/action.entity';
import { AgencyNamesResolver } from './agencies/agency-names.resolver';
import { AnnualReportResolver, annualReportWindow } from './annual-report/annual-report.resolver';
import { AnnualReport } from './annual-report/annual-report.type';
import { ActionResolver } from './actions/action.resolver';
import { BoardNameResolver } from './boards/board-name.resolver';
import { BoardProgressResolver } from './boards/board-progress.resolver';
import type { ActionPlansContext } from './context';
import { permissions } from './permissions';
import { ActionPlan } from './plans/action-plan.entity';
import { ActionPlanResolver } from './plans/action-plan.resolver';
import { ReviewPlanResolver } from './reviews/review-plan.resolver';

const resolvers = [
  ActionPlanResolver,
  ActionResolver,
  ReviewPlanResolver,
  BoardProgressResolver,
  AnnualReportResolver,
  BoardNameResolver,
  AgencyNamesResolver,
] as const;

export const referenceResolvers = {
  ActionPlan: {
    // Scoped like the actionPlan query: outside the caller's scope it resolves to null.
    __resolveReference: (ref: { id: string }, ctx: ActionPlansContext): Promise<ActionPlan | null> => ctx.loaders.planById.load(ref.id),
  },
  Action: {
    __resolveReference: (ref: { id: string }, ctx: ActionPlansContext): Promise<Action | null> => ctx.loaders.actionById.load(ref.id),
  },
  Review: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
  Board: { __resolveReference: (ref: { code: string }) => ({ code: ref.code }) },
  AnnualReport: {
    __resolveReference: (ref: { boardCode: string; financialYear: string }, ctx: ActionPlansContext) => {
      annualReportWindow(ref.financialYear, ctx.today);
      return { boardCode: ref.boardCode, financialYear: ref.financialYear };
    },
  },
};

// Reached only through federation (an entity of the reviews subgraph's Board.annualReport), never from this subgraph's roots.
const orphanedTypes = [AnnualReport];

export const buildSchema = () => buildFederatedSchema({ resolvers: [...resolvers], orphanedTypes, referenceResolvers, permissions });
export const buildSdl = () => buildSubgraphSdl({ resolvers: [...resolvers], orphanedTypes });
