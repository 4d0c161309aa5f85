import { hasRole } from '@scr/auth';
import type { Reach, Reaches } from '@scr/graphql-kit';
import type { ReviewsContext } from '../context';
import type { InformationRequest } from './information-request.entity';

/**
 * Who reaches a request: those who reach its review as BM, BC, PC or RV, and
 * the agency it is addressed to (AC): being asked about the review is not
 * reaching another agency's request.
 */
export async function informationRequestReach(request: InformationRequest, ctx: ReviewsContext): Promise<Reaches> {
  const review = await ctx.reviewReach({ id: request.reviewId, boardCode: request.boardCode });
  const reach: Reach[] = [...review].filter((r) => r !== 'AC');
  const p = ctx.principal;
  if (hasRole(p, 'AGENCY_CONTRIBUTOR') && !!p?.agency && p.agency === request.agencyId) reach.push('AC');
  return new Set(reach);
}
