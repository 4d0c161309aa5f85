import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ReviewsContext } from '../context';
import { Review } from '../reviews/review.entity';
import { IncidentReference } from './incident.reference';

@Resolver(() => IncidentReference)
export class IncidentReviewsResolver {
  @FieldResolver(() => [Review])
  reviews(@Root() incident: IncidentReference, @Ctx() ctx: ReviewsContext): Promise<Review[]> {
    return ctx.loaders.reviewsByIncident.load(incident.id);
  }
}
