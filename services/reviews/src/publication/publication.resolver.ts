import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { ReviewsContext } from '../context';
import { Review } from '../reviews/review.entity';
import { PublishReviewInput } from './publication.inputs';
import { publishReview } from './publication.service';

/** Publishing a review's report (DOMAIN.md step 10); the public list is PublishedReviewResolver's. */
@Resolver()
export class PublicationResolver {
  @Mutation(() => Review)
  publishReview(@Arg('input') input: PublishReviewInput, @Ctx() ctx: ReviewsContext) {
    return publishReview(ctx, input);
  }
}
