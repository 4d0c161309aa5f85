import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { forbidden } from '@scr/graphql-kit';
import type { ReviewsContext } from '../context';
import { Reviewer } from '../reviewers/reviewer.entity';
import { ReviewerAppointment } from './appointment.entity';

@Resolver(() => ReviewerAppointment)
export class AppointmentResolver {
  @FieldResolver(() => Reviewer)
  async reviewer(@Root() a: ReviewerAppointment, @Ctx() ctx: ReviewsContext): Promise<Reviewer> {
    const reviewer = await ctx.loaders.reviewerById.load(a.reviewerId);
    if (!reviewer) throw forbidden('This reviewer is no longer registered.');
    return reviewer;
  }
}
