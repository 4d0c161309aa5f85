import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { ReviewsContext } from '../context';
import { Review } from '../reviews/review.entity';
import { TimescaleExtension } from '../reviews/review.types';
import type { ReviewExtensionRow } from './progress.entities';
import {
  CompleteReviewInput,
  ExtendTimescaleInput,
  LinkParallelProcessInput,
  RecordFamilyEngagementInput,
  RecordFindingsInput,
  SetMethodologyInput,
  SetThemesInput,
} from './progress.inputs';
import { inAgreedOrder } from './progress.rules';
import {
  closeReview,
  completeReview,
  extendTimescale,
  linkParallelProcess,
  recordFamilyEngagement,
  recordFindings,
  setMethodology,
  setThemes,
} from './progress.service';

function toExtension(row: ReviewExtensionRow): TimescaleExtension {
  return {
    reason: row.reason,
    completionDueOn: row.completionDueOn,
    interimLearning: row.interimLearning,
    agreedOn: row.agreedOn,
  };
}

/**
 * A review in progress, initiation to closing (DOMAIN.md steps 5 to 9), and
 * its extensions and good practice read from their own tables.
 */
@Resolver(() => Review)
export class ReviewProgressResolver {
  @Mutation(() => Review)
  setMethodology(@Arg('input') input: SetMethodologyInput, @Ctx() ctx: ReviewsContext) {
    return setMethodology(ctx, input);
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
  closeReview(@Arg('reviewId', () => ID) reviewId: string, @Ctx() ctx: ReviewsContext) {
    return closeReview(ctx, reviewId);
  }

  @FieldResolver(() => [TimescaleExtension], { description: 'Every extension, oldest first.' })
  async extensions(@Root() r: Review, @Ctx() ctx: ReviewsContext): Promise<TimescaleExtension[]> {
    return inAgreedOrder(await ctx.loaders.extensionsByReview.load(r.id)).map(toExtension);
  }

  @FieldResolver(() => TimescaleExtension, { nullable: true, description: 'The latest extension.' })
  async extension(@Root() r: Review, @Ctx() ctx: ReviewsContext): Promise<TimescaleExtension | null> {
    const all = inAgreedOrder(await ctx.loaders.extensionsByReview.load(r.id));
    const latest = all.at(-1);
    return latest ? toExtension(latest) : null;
  }

  @FieldResolver(() => [String])
  async goodPractice(@Root() r: Review, @Ctx() ctx: ReviewsContext): Promise<string[]> {
    return (await ctx.loaders.goodPracticeByReview.load(r.id)).map((g) => g.example);
  }
}
