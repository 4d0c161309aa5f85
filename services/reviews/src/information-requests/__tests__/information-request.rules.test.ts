import { Regime, ReviewStage } from '../../reviews/review.enums';
import { StatutoryBasis } from '../information-request.entity';
import { statutoryBasis, withdrawnWithReview } from '../information-request.rules';

describe('statutoryBasis', () => {
  it('is s.14B under the LSCB regime', () => {
    expect(statutoryBasis(true, Regime.LSCB)).toBe(StatutoryBasis.S14B);
  });
  it('is s.16H under the partnership regime', () => {
    expect(statutoryBasis(true, Regime.PARTNERSHIP)).toBe(StatutoryBasis.S16H);
  });
  it('is null for a request that is not statutory', () => {
    expect(statutoryBasis(false, Regime.LSCB)).toBeNull();
    expect(statutoryBasis(false, Regime.PARTNERSHIP)).toBeNull();
  });
});

describe('withdrawnWithReview', () => {
  it('says why the request was withdrawn', () => {
    expect(withdrawnWithReview(ReviewStage.NOT_PROCEEDING)).toMatch(/no further review/);
    expect(withdrawnWithReview(ReviewStage.CLOSED)).toMatch(/closed/);
  });
});
