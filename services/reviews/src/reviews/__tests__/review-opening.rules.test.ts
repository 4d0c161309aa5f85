import { Regime, ReviewKind } from '../review.enums';
import { reviewOpening } from '../review.rules';

describe('reviewOpening', () => {
  it('gives a rapid review 15 working days to its decision', () => {
    expect(reviewOpening(Regime.PARTNERSHIP, '2026-12-01')).toEqual({ kind: ReviewKind.RAPID_REVIEW, decisionDueOn: '2026-12-22' });
  });

  it('opens a rapid review notified late in 2099 with no deadline rather than failing (the calendar ends first)', () => {
    expect(reviewOpening(Regime.PARTNERSHIP, '2099-12-20')).toEqual({ kind: ReviewKind.RAPID_REVIEW, decisionDueOn: null });
  });

  it('gives a serious case review one calendar month', () => {
    expect(reviewOpening(Regime.LSCB, '2099-12-20')).toEqual({ kind: ReviewKind.SERIOUS_CASE_REVIEW, decisionDueOn: '2100-01-20' });
  });
});
