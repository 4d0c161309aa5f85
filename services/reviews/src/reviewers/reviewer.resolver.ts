import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AuthenticatedCtx, type Authenticated } from '@scr/graphql-kit';
import { AgencyReference } from '../agencies/agency.reference';
import { BoardReference } from '../boards/board.reference';
import type { ReviewsContext } from '../context';
import { Reviewer } from './reviewer.entity';
import { RegisterReviewerInput } from './reviewer.inputs';
import { listReviewers, registerReviewer } from './reviewer.service';

@Resolver(() => Reviewer)
export class ReviewerResolver {
  @Query(() => [Reviewer])
  reviewers(@Ctx() ctx: ReviewsContext) {
    return listReviewers(ctx);
  }

  @Mutation(() => Reviewer)
  registerReviewer(@Arg('input') input: RegisterReviewerInput, @AuthenticatedCtx() ctx: Authenticated<ReviewsContext>) {
    return registerReviewer(ctx, input);
  }

  @FieldResolver(() => [String])
  qualifications(@Root() reviewer: Reviewer): string[] {
    return reviewer.qualifications;
  }

  @FieldResolver(() => [AgencyReference])
  affiliatedAgencies(@Root() reviewer: Reviewer): AgencyReference[] {
    return reviewer.affiliatedAgencyIds.map((id) => ({ id }));
  }

  @FieldResolver(() => [BoardReference])
  affiliatedBoards(@Root() reviewer: Reviewer): BoardReference[] {
    return reviewer.affiliatedBoardCodes.map((code) => ({ code }));
  }
}
