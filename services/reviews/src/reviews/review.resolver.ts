import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DateScalar, DeadlineStatusEnum, type AgencySector, AuthenticatedCtx, type Authenticated } from '@scr/graphql-kit';
import { AgencyReference } from '../agencies/agency.reference';
import { ReviewerAppointment } from '../appointments/appointment.entity';
import { appointReviewer, involveAgency } from '../appointments/appointment.service';
import { BoardReference } from '../boards/board.reference';
import type { ReviewsContext } from '../context';
import { recordDecision } from '../decisions/decision.service';
import { IncidentReference } from '../incidents/incident.reference';
import { InformationRequest } from '../information-requests/information-request.entity';
import { PeerChallenge } from '../peer-challenges/peer-challenge.entity';
import { peerChallengeReach } from '../peer-challenges/peer-challenge.reach';
import {
  closeReview,
  completeReview,
  extendTimescale,
  linkParallelProcess,
  recordFamilyEngagement,
  recordFindings,
  setMethodology,
  setThemes,
} from '../progress/progress.service';
import { publishReview } from '../publication/publication.service';
import { publicationOf } from '../publication/publication.view';
import { listReviews } from './list-reviews';
import { LearningTheme } from './review.enums';
import { Review } from './review.entity';
import {
  AppointReviewerInput,
  CompleteReviewInput,
  ExtendTimescaleInput,
  InvolveAgencyInput,
  LinkParallelProcessInput,
  PublishReviewInput,
  RecordDecisionInput,
  RecordFamilyEngagementInput,
  RecordFindingsInput,
  ReviewFilter,
  SetMethodologyInput,
  SetThemesInput,
} from './review.inputs';
import { decidedOnTime, effectiveCompletionDueOn, timescaleStatus } from './review.rules';
import {
  FamilyEngagement,
  Methodology,
  ParallelProcess,
  Publication,
  ReviewConnection,
  ReviewDecision,
} from './review.types';

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

  @Mutation(() => Review)
  recordDecision(@Arg('input') input: RecordDecisionInput, @AuthenticatedCtx() ctx: Authenticated<ReviewsContext>) {
    return recordDecision(ctx, input);
  }

  @Mutation(() => Review)
  setMethodology(@Arg('input') input: SetMethodologyInput, @Ctx() ctx: ReviewsContext) {
    return setMethodology(ctx, input);
  }

  @Mutation(() => Review)
  appointReviewer(@Arg('input') input: AppointReviewerInput, @Ctx() ctx: ReviewsContext) {
    return appointReviewer(ctx, input);
  }

  @Mutation(() => Review)
  involveAgency(@Arg('input') input: InvolveAgencyInput, @Ctx() ctx: ReviewsContext) {
    return involveAgency(ctx, input);
  }

  @Mutation(() => Review)
  extendTimescale(@Arg('input') input: ExtendTimescaleInput, @Ctx() ctx: ReviewsContext) {
    return extendTimescale(ctx, input);
  }

  @Mutation(() => Review)
  linkParallelProcess(@Arg('input') input: LinkParallelProcessInput, @Ctx() ctx: ReviewsContext) {
    return linkParallelProcess(ctx, input);
  }

  @Mutation(() => Review)
  recordFamilyEngagement(@Arg('input') input: RecordFamilyEngagementInput, @Ctx() ctx: ReviewsContext) {
    return recordFamilyEngagement(ctx, input);
  }

  @Mutation(() => Review)
  setThemes(@Arg('input') input: SetThemesInput, @Ctx() ctx: ReviewsContext) {
    return setThemes(ctx, input);
  }

  @Mutation(() => Review)
  recordFindings(@Arg('input') input: RecordFindingsInput, @Ctx() ctx: ReviewsContext) {
    return recordFindings(ctx, input);
  }

  @Mutation(() => Review)
  completeReview(@Arg('input') input: CompleteReviewInput, @Ctx() ctx: ReviewsContext) {
    return completeReview(ctx, input);
  }

  @Mutation(() => Review)
  publishReview(@Arg('input') input: PublishReviewInput, @Ctx() ctx: ReviewsContext) {
    return publishReview(ctx, input);
  }

  @Mutation(() => Review)
  closeReview(@Arg('reviewId', () => ID) reviewId: string, @Ctx() ctx: ReviewsContext) {
    return closeReview(ctx, reviewId);
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
    if (!r.decisionOutcome || !r.decidedOn) return null;
    return {
      outcome: r.decisionOutcome,
      criteriaMet: !!r.decisionCriteriaMet,
      partnersAgreed: JSON.parse(r.decisionPartnersAgreedJson ?? '[]') as AgencySector[],
      rationale: r.decisionRationale ?? '',
      decidedOn: r.decidedOn,
      decidedBy: r.decidedBy ?? '',
      onTime: decidedOnTime(r),
    };
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
    if (!r.methodologyName) return null;
    return { name: r.methodologyName, dataCollection: r.methodologyDataCollection ?? '', analysis: r.methodologyAnalysis ?? '' };
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
