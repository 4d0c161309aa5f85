import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { forbidden, AuthenticatedCtx, type Authenticated } from '@scr/graphql-kit';
import { BoardReference } from '../boards/board.reference';
import type { ReviewsContext } from '../context';
import { Review } from '../reviews/review.entity';
import { PeerChallengeFilter, RequestPeerChallengeInput, RespondToPeerChallengeInput } from './peer-challenge.inputs';
import { PeerChallenge, PeerChallengeStatus } from './peer-challenge.entity';
import { peerChallengeStatus } from './peer-challenge.rules';
import { listPeerChallenges, requestPeerChallenge, respondToPeerChallenge, revokePeerChallenge } from './peer-challenge.service';

@Resolver(() => PeerChallenge)
export class PeerChallengeResolver {
  @Query(() => [PeerChallenge])
  peerChallenges(
    @AuthenticatedCtx() ctx: Authenticated<ReviewsContext>,
    @Arg('filter', () => PeerChallengeFilter, { nullable: true }) filter?: PeerChallengeFilter,
  ) {
    return listPeerChallenges(ctx, filter);
  }

  @Mutation(() => PeerChallenge)
  requestPeerChallenge(@Arg('input') input: RequestPeerChallengeInput, @Ctx() ctx: ReviewsContext) {
    return requestPeerChallenge(ctx, input);
  }

  @Mutation(() => PeerChallenge)
  respondToPeerChallenge(@Arg('input') input: RespondToPeerChallengeInput, @AuthenticatedCtx() ctx: Authenticated<ReviewsContext>) {
    return respondToPeerChallenge(ctx, input);
  }

  @Mutation(() => PeerChallenge)
  revokePeerChallenge(@Arg('peerChallengeId', () => ID) peerChallengeId: string, @AuthenticatedCtx() ctx: Authenticated<ReviewsContext>) {
    return revokePeerChallenge(ctx, peerChallengeId);
  }

  @FieldResolver(() => Review)
  async review(@Root() challenge: PeerChallenge, @Ctx() ctx: ReviewsContext): Promise<Review> {
    const review = await ctx.loaders.reviewById.load(challenge.reviewId);
    if (!review) throw forbidden('Your access to this review has ended.');
    return review;
  }

  @FieldResolver(() => BoardReference)
  challengerBoard(@Root() challenge: PeerChallenge): BoardReference {
    return { code: challenge.challengerBoardCode };
  }

  @FieldResolver(() => PeerChallengeStatus)
  status(@Root() challenge: PeerChallenge, @Ctx() ctx: ReviewsContext): PeerChallengeStatus {
    return peerChallengeStatus(challenge, ctx.now);
  }
}
