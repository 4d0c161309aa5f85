import { buildFederatedSchema, buildSubgraphSdl } from '@scr/graphql-kit';
import type { ActionPlansContext } from './context';
import { ActionPlan } from './plans/action-plan.entity';
import { ActionPlanResolver } from './plans/action-plan.resolver';
import { permissions } from './permissions';

const resolvers = [ActionPlanResolver] as const;

export const referenceResolvers = {
  ActionPlan: {
    __resolveReference: (ref: { id: string }, ctx: ActionPlansContext): Promise<ActionPlan | null> =>
      ctx.loaders.planById.load(ref.id),
  },
};

export const buildSchema = () => buildFederatedSchema({ resolvers: [...resolvers], referenceResolvers, permissions });
export const buildSdl = () => buildSubgraphSdl({ resolvers: [...resolvers] });
