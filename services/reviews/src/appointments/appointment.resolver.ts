import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { forbidden } from '@scr/graphql-kit';
import type { ReviewsContext } from '../context';
import { Reviewer } from '../reviewers/reviewer.entity';
import { Review } from '../reviews/review.entity';
import { ReviewerAppointment } from './appointment.entity';
import { AppointReviewerInput, InvolveAgencyInput } from './appointment.inputs';
import { appointReviewer, involveAgency } from './appointment.service';

@Resolver(() => ReviewerAppointment)
export class AppointmentResolver {
  @Mutation(() => Review)
  appointReviewer(@Arg('input') input: AppointReviewerInput, @Ctx() ctx: ReviewsContext) {
    return appointReviewer(ctx, input);
  }

  @Mutation(() => Review)
  involveAgency(@Arg('input') input: InvolveAgencyInput, @Ctx() ctx: ReviewsContext) {
    return involveAgency(ctx, input);
  }

  @FieldResolver(() => Reviewer)
  async reviewer(@Root() a: ReviewerAppointment, @Ctx() ctx: ReviewsContext): Promise<Reviewer> {
    const reviewer = await ctx.loaders.reviewerById.load(a.reviewerId);
    if (!reviewer) throw forbidden('This reviewer is no longer registered.');
    return reviewer;
  }
}
