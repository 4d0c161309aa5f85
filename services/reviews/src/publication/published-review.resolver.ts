import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { seqPage } from '@scr/graphql-kit';
import { BoardReference } from '../boards/board.reference';
import type { ReviewsContext } from '../context';
import { LearningTheme } from '../reviews/review.enums';
import { Review } from '../reviews/review.entity';
import { publicationOf } from './publication.view';
import { PublishedReview, PublishedReviewConnection } from './published-review.type';

/** Reports published on or before today and still within their availability period, for anyone. */
@Resolver(() => PublishedReview)
export class PublishedReviewResolver {
  @Query(() => PublishedReviewConnection, { description: 'Public: no sign-in needed; public fields only.' })
  async publishedReviews(
    @Ctx() ctx: ReviewsContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<PublishedReviewConnection> {
    const base = ctx.db.manager
      .createQueryBuilder(Review, 'r')
      .where('r.published_on IS NOT NULL AND r.publication_url IS NOT NULL AND r.published_on <= :today AND r.available_until >= :today', { today: ctx.today });
    const page = await seqPage(base, { alias: 'r', first, after });
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toPublishedReview(e.node) })) };
  }

  @FieldResolver(() => BoardReference)
  board(@Root() r: PublishedReview): BoardReference {
    return { code: r.boardCode };
  }

  @FieldResolver(() => [LearningTheme])
  async themes(@Root() r: PublishedReview, @Ctx() ctx: ReviewsContext): Promise<LearningTheme[]> {
    return (await ctx.loaders.themesByReview.load(r.id)).map((t) => t.theme);
  }
}

/** Copies the public columns only, so nothing else of the row travels further. */
function toPublishedReview(r: Review): PublishedReview {
  return { id: r.id, reference: r.reference, kind: r.kind, boardCode: r.boardCode, publication: publicationOf(r)! };
}
