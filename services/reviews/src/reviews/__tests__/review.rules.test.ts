import { ReviewStage } from '../review.enums';
import { completedWithinTimescale, decidedOnTime, effectiveCompletionDueOn, endsWithoutCompleting, reviewerHasAccess, timescaleStatus } from '../review.rules';

describe('completedWithinTimescale', () => {
  const review = { completionDueOn: '2026-06-30', extendedCompletionDueOn: null, completedOn: null };

  it('is true for a review completed on its due date', () => {
    expect(completedWithinTimescale({ ...review, completedOn: '2026-06-30' })).toBe(true);
  });
  it('is false for a review completed after it', () => {
    expect(completedWithinTimescale({ ...review, completedOn: '2026-07-01' })).toBe(false);
  });
  it('uses the date as extended in time', () => {
    expect(completedWithinTimescale({ ...review, extendedCompletionDueOn: '2026-09-30', completedOn: '2026-09-30' })).toBe(true);
  });
  it('is false for a review not completed or never initiated', () => {
    expect(completedWithinTimescale(review)).toBe(false);
    expect(completedWithinTimescale({ completionDueOn: null, extendedCompletionDueOn: null, completedOn: '2026-01-01' })).toBe(false);
  });
  it('agrees with the timescale status', () => {
    const late = { ...review, completedOn: '2026-07-01' };
    expect(timescaleStatus(late, '2026-08-01')).toBe('LATE');
    expect(effectiveCompletionDueOn({ ...review, extendedCompletionDueOn: '2026-09-30' })).toBe('2026-09-30');
  });
});

describe('decidedOnTime', () => {
  it('is on time on the due date and late after it', () => {
    expect(decidedOnTime({ decidedOn: '2026-02-01', decisionDueOn: '2026-02-01' })).toBe(true);
    expect(decidedOnTime({ decidedOn: '2026-02-02', decisionDueOn: '2026-02-01' })).toBe(false);
  });
  it('is on time without a due date (a referral) and not before a decision', () => {
    expect(decidedOnTime({ decidedOn: '2026-02-02', decisionDueOn: null })).toBe(true);
    expect(decidedOnTime({ decidedOn: null, decisionDueOn: '2026-02-01' })).toBe(false);
  });
});

describe('reviewerHasAccess', () => {
  it.each([ReviewStage.AWAITING_DECISION, ReviewStage.IN_PROGRESS, ReviewStage.REPORT_FINAL])('lasts while the review is %s', (stage) => {
    expect(reviewerHasAccess(stage)).toBe(true);
  });
  it.each([ReviewStage.PUBLISHED, ReviewStage.CLOSED, ReviewStage.NOT_PROCEEDING])('ends once the review is %s', (stage) => {
    expect(reviewerHasAccess(stage)).toBe(false);
  });
});

describe('endsWithoutCompleting', () => {
  it.each([
    [ReviewStage.NOT_PROCEEDING, true],
    [ReviewStage.CLOSED, true],
    [ReviewStage.IN_PROGRESS, false],
    [ReviewStage.REPORT_FINAL, false],
    [ReviewStage.PUBLISHED, false],
  ])('%s: %s', (stage, expected) => {
    expect(endsWithoutCompleting(stage)).toBe(expected);
  });
});
