import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { DateScalar, DeadlineStatusEnum } from '@scr/graphql-kit';
import { AgencyReference } from '../agencies/agency.reference';
import { ReviewerAppointment } from '../appointments/appointment.entity';
import { BoardReference } from '../boards/board.reference';
import type { ReviewsContext } from '../context';
import { IncidentReference } from '../incidents/incident.reference';
import { InformationRequest } from '../information-requests/information-request.entity';
import { PeerChallenge } from '../peer-challenges/peer-challenge.entity';
import { peerChallengeReach } from '../peer-challenges/peer-challenge.reach';
import { publicationOf } from '../publication/publication.view';
import { listReviews } from './list-reviews';
import { LearningTheme } from './review.enums';
import { Review } from './review.entity';
import { ReviewFilter } from './review.inputs';
import { decidedOnTime, effectiveCompletionDueOn, timescaleStatus } from './review.rules';
import { FamilyEngagement, ParallelProcess, ReviewConnection } from './review.types';
import { Methodology, Publication, ReviewDecision } from './review.values';

/**
 * Reading reviews, and the fields of a review. The mutations are each in
 * their feature's resolver (decisions, appointments, progress, publication).
 * The fields stay here, in this order, so the composed schema keeps its
 * field order.
 */
@Resolver(() => Review)
export class ReviewResolver {
  @Query(() => Review, { nullable: true })
  review(@Arg('id', () => ID) id: string, @Ctx() ctx: ReviewsContext) {
    return ctx.loaders.reviewById.load(id);
  }

  @Query(() => ReviewConnection)
  reviews(
    @Ctx() ctx: ReviewsContext,
    @Arg('filter', () => ReviewFilter, { nullable: true }) filter?: ReviewFilter,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listReviews(ctx, filter, first, after);
  }

  @FieldResolver(() => IncidentReference)
  incident(@Root() review: Review): IncidentReference {
    return { id: review.incidentId };
  }

  @FieldResolver(() => BoardReference)
  board(@Root() review: Review): BoardReference {
    return { code: review.boardCode };
  }

  @FieldResolver(() => ReviewDecision, { nullable: true })
  decision(@Root() r: Review): ReviewDecision | null {
    const { decision } = r;
    if (!decision.outcome || !decision.decidedOn) return null;
    return { ...decision, onTime: decidedOnTime({ decidedOn: decision.decidedOn, decisionDueOn: r.decisionDueOn }) };
  }

  @FieldResolver(() => DateScalar, { nullable: true, name: 'completionDueOn' })
  effectiveCompletionDueOn(@Root() r: Review): string | null {
    return effectiveCompletionDueOn(r);
  }

  @FieldResolver(() => DeadlineStatusEnum, { nullable: true, name: 'timescaleStatus' })
  timescale(@Root() r: Review, @Ctx() ctx: ReviewsContext) {
    return timescaleStatus(r, ctx.today);
  }

  @FieldResolver(() => Methodology, { nullable: true })
  methodology(@Root() r: Review): Methodology | null {
    return r.methodology.name ? r.methodology : null;
  }

  @FieldResolver(() => [ReviewerAppointment])
  appointments(@Root() r: Review, @Ctx() ctx: ReviewsContext) {
    return ctx.loaders.appointmentsByReview.load(r.id);
  }

  @FieldResolver(() => [AgencyReference])
  async involvedAgencies(@Root() r: Review, @Ctx() ctx: ReviewsContext): Promise<AgencyReference[]> {
    return (await ctx.loaders.agenciesByReview.load(r.id)).map((a) => ({ id: a.agencyId }));
  }

  @FieldResolver(() => [InformationRequest])
  informationRequests(@Root() r: Review, @Ctx() ctx: ReviewsContext) {
    return ctx.loaders.requestsByReview.load(r.id);
  }

  /** The challenges the caller reaches: the review's own board every one, a challenger chair its own board's. */
  @FieldResolver(() => [PeerChallenge])
  async peerChallenges(@Root() r: Review, @Ctx() ctx: ReviewsContext): Promise<PeerChallenge[]> {
    const all = await ctx.loaders.challengesByReview.load(r.id);
    return all.filter((c) => peerChallengeReach(c, ctx.principal).size > 0);
  }

  @FieldResolver(() => [ParallelProcess])
  async parallelProcesses(@Root() r: Review, @Ctx() ctx: ReviewsContext): Promise<ParallelProcess[]> {
    return ctx.loaders.parallelByReview.load(r.id);
  }

  @FieldResolver(() => [FamilyEngagement])
  async familyEngagement(@Root() r: Review, @Ctx() ctx: ReviewsContext): Promise<FamilyEngagement[]> {
    return ctx.loaders.familyByReview.load(r.id);
  }

  @FieldResolver(() => [LearningTheme])
  async themes(@Root() r: Review, @Ctx() ctx: ReviewsContext): Promise<LearningTheme[]> {
    return (await ctx.loaders.themesByReview.load(r.id)).map((t) => t.theme);
  }

  @FieldResolver(() => Publication, { nullable: true })
  publication(@Root() r: Review): Publication | null {
    return publicationOf(r);
  }
}
