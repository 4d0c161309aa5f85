import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ReviewsContext } from '../context';
import { Review } from '../reviews/review.entity';
import { TimescaleExtension } from '../reviews/review.types';
import type { ReviewExtensionRow } from './progress.entities';
import { inAgreedOrder } from './progress.rules';

function toExtension(row: ReviewExtensionRow): TimescaleExtension {
  return {
    reason: row.reason,
    completionDueOn: row.completionDueOn,
    interimLearning: row.interimLearning,
    agreedOn: row.agreedOn,
  };
}

/** A review's timescale extensions and examples of good practice, read from their own tables. */
@Resolver(() => Review)
export class ReviewProgressResolver {
  @FieldResolver(() => [TimescaleExtension], { description: 'Every extension, oldest first.' })
  async extensions(@Root() r: Review, @Ctx() ctx: ReviewsContext): Promise<TimescaleExtension[]> {
    return inAgreedOrder(await ctx.loaders.extensionsByReview.load(r.id)).map(toExtension);
  }

  @FieldResolver(() => TimescaleExtension, { nullable: true, description: 'The latest extension.' })
  async extension(@Root() r: Review, @Ctx() ctx: ReviewsContext): Promise<TimescaleExtension | null> {
    const all = inAgreedOrder(await ctx.loaders.extensionsByReview.load(r.id));
    return all.length ? toExtension(all[all.length - 1]) : null;
  }

  @FieldResolver(() => [String])
  async goodPractice(@Root() r: Review, @Ctx() ctx: ReviewsContext): Promise<string[]> {
    return (await ctx.loaders.goodPracticeByReview.load(r.id)).map((g) => g.example);
  }
}
