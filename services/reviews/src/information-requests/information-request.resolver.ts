import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { forbidden, AuthenticatedCtx, type Authenticated } from '@scr/graphql-kit';
import { AgencyReference } from '../agencies/agency.reference';
import type { ReviewsContext } from '../context';
import { Review } from '../reviews/review.entity';
import {
  InformationRequestFilter,
  RequestInformationInput,
  RespondToInformationRequestInput,
  WithdrawInformationRequestInput,
} from './information-request.inputs';
import { InformationRequestConnection } from './information-request.connection';
import { InformationRequest, InformationRequestStatus, StatutoryBasis } from './information-request.entity';
import { informationRequestStatus, statutoryBasis } from './information-request.rules';
import { listInformationRequests, requestInformation, respondToInformationRequest, withdrawInformationRequest } from './information-request.service';

@Resolver(() => InformationRequest)
export class InformationRequestResolver {
  @Query(() => InformationRequestConnection)
  informationRequests(
    @Ctx() ctx: ReviewsContext,
    @Arg('filter', () => InformationRequestFilter, { nullable: true }) filter?: InformationRequestFilter,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listInformationRequests(ctx, filter, first, after);
  }

  @Mutation(() => InformationRequest)
  requestInformation(@Arg('input') input: RequestInformationInput, @AuthenticatedCtx() ctx: Authenticated<ReviewsContext>) {
    return requestInformation(ctx, input);
  }

  @Mutation(() => InformationRequest)
  respondToInformationRequest(@Arg('input') input: RespondToInformationRequestInput, @AuthenticatedCtx() ctx: Authenticated<ReviewsContext>) {
    return respondToInformationRequest(ctx, input);
  }

  @Mutation(() => InformationRequest)
  withdrawInformationRequest(@Arg('input') input: WithdrawInformationRequestInput, @Ctx() ctx: ReviewsContext) {
    return withdrawInformationRequest(ctx, input);
  }

  @FieldResolver(() => Review)
  async review(@Root() request: InformationRequest, @Ctx() ctx: ReviewsContext): Promise<Review> {
    const review = await ctx.loaders.reviewById.load(request.reviewId);
    if (!review) throw forbidden('You cannot see the review this request belongs to.');
    return review;
  }

  @FieldResolver(() => AgencyReference)
  agency(@Root() request: InformationRequest): AgencyReference {
    return { id: request.agencyId };
  }

  @FieldResolver(() => StatutoryBasis, {
    nullable: true,
    description: 'S14B under the LSCB regime, S16H under the partnership regime; null when not statutory.',
  })
  async statutoryBasis(@Root() request: InformationRequest, @Ctx() ctx: ReviewsContext): Promise<StatutoryBasis | null> {
    if (!request.statutory) return null;
    const regime = await ctx.loaders.regimeByReview.load(request.reviewId);
    return regime ? statutoryBasis(request.statutory, regime) : null;
  }

  @FieldResolver(() => InformationRequestStatus)
  status(@Root() request: InformationRequest, @Ctx() ctx: ReviewsContext): InformationRequestStatus {
    return informationRequestStatus(request.storedStatus, request.dueOn, ctx.today);
  }
}
