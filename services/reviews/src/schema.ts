import { buildFederatedSchema, buildSubgraphSdl } from '@scr/graphql-kit';
import type { ReviewsContext } from './context';
import { Reviewer } from './reviewers/reviewer.entity';
import { ReviewerResolver } from './reviewers/reviewer.resolver';
import { permissions } from './permissions';

const resolvers = [ReviewerResolver] as const;

export const referenceResolvers = {
  Reviewer: {
    __resolveReference: (ref: { id: string }, ctx: ReviewsContext): Promise<Reviewer | null> =>
      ctx.loaders.reviewerById.load(ref.id),
  },
};

export const buildSchema = () => buildFederatedSchema({ resolvers: [...resolvers], referenceResolvers, permissions });
export const buildSdl = () => buildSubgraphSdl({ resolvers: [...resolvers] });
