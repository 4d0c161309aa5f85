import type { Principal } from '@scr/auth';
import type { Reach } from '@scr/graphql-kit';
import type { ReviewsContext } from '../../context';
import type { InformationRequest } from '../information-request.entity';
import { informationRequestReach } from '../information-request.reach';

const request = { reviewId: 'rev-1', boardCode: 'WAKEFIELD', agencyId: 'agency-B' } as InformationRequest;
const ctx = (principal: Principal, reviewReach: Reach[]) => ({ principal, reviewReach: async () => new Set(reviewReach) }) as unknown as ReviewsContext;

describe('informationRequestReach', () => {
  it('is AC only for the agency the request is addressed to, not for another agency asked about the same review', async () => {
    const other = await informationRequestReach(request, ctx({ subject: 'a', roles: ['AGENCY_CONTRIBUTOR'], agency: 'agency-A' }, ['AC']));
    expect(other.size).toBe(0);
    const own = await informationRequestReach(request, ctx({ subject: 'b', roles: ['AGENCY_CONTRIBUTOR'], agency: 'agency-B' }, ['AC']));
    expect([...own]).toEqual(['AC']);
  });

  it('keeps the review reach of board staff, peer-challenge chairs and reviewers', async () => {
    const reach = await informationRequestReach(
      request,
      ctx({ subject: 'r', roles: ['REVIEWER', 'BOARD_CHAIR'], board: 'LEEDS', reviewer: 'r' }, ['PC', 'RV']),
    );
    expect([...reach].sort()).toEqual(['PC', 'RV']);
  });
});
