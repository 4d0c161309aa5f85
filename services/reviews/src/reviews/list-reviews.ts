import { seqPage } from '@scr/graphql-kit';
import type { ReviewsContext } from '../context';
import { Review } from './review.entity';
import type { ReviewFilter } from './review.inputs';
import { whereReviewInScope } from './review.scope';

/** Newest first, inside the caller's scope; the total counts the same rows. */
export async function listReviews(
  ctx: ReviewsContext,
  filter: ReviewFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
) {
  const base = ctx.db.manager.createQueryBuilder(Review, 'r');
  whereReviewInScope(base, 'r', ctx.scope);
  if (filter?.boardCodes) {
    if (!filter.boardCodes.length) base.andWhere('1 = 0');
    else base.andWhere('r.board_code IN (:...boardCodes)', { boardCodes: filter.boardCodes });
  }
  if (filter?.stage) base.andWhere('r.stage = :stage', { stage: filter.stage });
  if (filter?.kind) base.andWhere('r.kind = :kind', { kind: filter.kind });
  return seqPage(base, { alias: 'r', first, after });
}
