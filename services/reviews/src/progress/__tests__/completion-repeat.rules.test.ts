import { isRepeatedCompletion } from '../progress.rules';

describe('isRepeatedCompletion', () => {
  const held = { completedOn: '2026-05-01', findings: 'Final findings' };
  it('is a retry when the review was completed on this date with these findings', () => {
    expect(isRepeatedCompletion(held, { completedOn: '2026-05-01', findings: 'Final findings' })).toBe(true);
  });
  it('is not a retry with another date or findings, or on a review not completed', () => {
    expect(isRepeatedCompletion(held, { completedOn: '2026-05-02', findings: 'Final findings' })).toBe(false);
    expect(isRepeatedCompletion(held, { completedOn: '2026-05-01', findings: 'Other findings' })).toBe(false);
    expect(isRepeatedCompletion({ completedOn: null, findings: 'Final findings' }, { completedOn: '2026-05-01', findings: 'Final findings' })).toBe(false);
  });
});
