import { Arg, Mutation, Resolver } from 'type-graphql';
import { AuthenticatedCtx, type Authenticated } from '@scr/graphql-kit';
import type { ReviewsContext } from '../context';
import { Review } from '../reviews/review.entity';
import { RecordDecisionInput } from './decision.inputs';
import { recordDecision } from './decision.service';

/** The chair's decision whether to review (DOMAIN.md step 3); Review.decision is read in ReviewResolver. */
@Resolver()
export class DecisionResolver {
  @Mutation(() => Review)
  recordDecision(@Arg('input') input: RecordDecisionInput, @AuthenticatedCtx() ctx: Authenticated<ReviewsContext>) {
    return recordDecision(ctx, input);
  }
}
