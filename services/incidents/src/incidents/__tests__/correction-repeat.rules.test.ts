import { isRepeatedCorrection, type HeldCorrection } from '../incident.rules';

describe('isRepeatedCorrection', () => {
  const held: HeldCorrection = {
    version: 4,
    criterion: 'CHILD_SERIOUSLY_HARMED',
    abuseOrNeglect: 'SUSPECTED',
    suspectedSuicide: false,
    occurredOn: '2026-02-01',
    awareOn: '2026-02-03',
    summary: 'Corrected summary',
    abuseTypes: ['NEGLECT', 'PHYSICAL'],
  };
  it('is a retry when the incident is one version on and holds every fact given', () => {
    expect(isRepeatedCorrection(held, { expectedVersion: 3, awareOn: '2026-02-03', summary: 'Corrected summary' })).toBe(true);
    expect(isRepeatedCorrection(held, { expectedVersion: 3, abuseTypes: ['NEGLECT', 'PHYSICAL', 'NEGLECT'] })).toBe(true);
  });
  it('is not a retry when a given fact differs', () => {
    expect(isRepeatedCorrection(held, { expectedVersion: 3, awareOn: '2026-02-04' })).toBe(false);
    expect(isRepeatedCorrection(held, { expectedVersion: 3, summary: null })).toBe(false);
    expect(isRepeatedCorrection(held, { expectedVersion: 3, abuseTypes: ['PHYSICAL'] })).toBe(false);
    expect(isRepeatedCorrection(held, { expectedVersion: 3, criterion: 'CHILD_DIED' })).toBe(false);
  });
  it('is not a retry when the incident moved on by more than this correction', () => {
    expect(isRepeatedCorrection(held, { expectedVersion: 2, awareOn: '2026-02-03' })).toBe(false);
    expect(isRepeatedCorrection(held, { expectedVersion: 4, awareOn: '2026-02-03' })).toBe(false);
  });
});
