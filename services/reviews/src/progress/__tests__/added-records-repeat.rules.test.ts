import { isSameExtension, isSameFamilyEngagement, isSameParallelProcess } from '../progress.rules';

describe('isSameParallelProcess', () => {
  const held = { kind: 'DOMESTIC_HOMICIDE_REVIEW', reference: 'DHR-1', leadOrganisation: 'Community Safety' };
  it('is the same process with the same details', () => {
    expect(isSameParallelProcess(held, { ...held })).toBe(true);
  });
  it('is another process when the reference, kind or lead differs', () => {
    expect(isSameParallelProcess(held, { ...held, reference: 'DHR-2' })).toBe(false);
    expect(isSameParallelProcess(held, { ...held, leadOrganisation: null })).toBe(false);
    expect(isSameParallelProcess(held, { ...held, kind: 'CORONER_INQUEST' })).toBe(false);
  });
});

describe('isSameFamilyEngagement', () => {
  const held = { participant: 'Mother', engagedOn: '2026-03-01', contributed: true, note: null };
  it('is the same engagement with the same participant, date, contribution and note', () => {
    expect(isSameFamilyEngagement(held, { ...held })).toBe(true);
  });
  it('is another engagement when any of them differs', () => {
    expect(isSameFamilyEngagement(held, { ...held, engagedOn: '2026-03-02' })).toBe(false);
    expect(isSameFamilyEngagement(held, { ...held, participant: 'Father' })).toBe(false);
    expect(isSameFamilyEngagement(held, { ...held, contributed: false })).toBe(false);
    expect(isSameFamilyEngagement(held, { ...held, note: 'Declined to meet.' })).toBe(false);
  });
});

describe('isSameExtension', () => {
  const held = { reason: 'Criminal trial', completionDueOn: '2026-12-01', agreedOn: '2026-05-01', interimLearning: ['Share sooner'] };
  const wanted = { reason: 'Criminal trial', completionDueOn: '2026-12-01', agreedOn: '2026-05-01', interimLearning: ['Share sooner'] };
  it('is the same extension agreed on the same day for the same reason and learning', () => {
    expect(isSameExtension(held, wanted)).toBe(true);
  });
  it('is another extension when the date, day agreed, reason or learning differs', () => {
    expect(isSameExtension(held, { ...wanted, completionDueOn: '2027-01-01' })).toBe(false);
    expect(isSameExtension(held, { ...wanted, agreedOn: '2026-05-02' })).toBe(false);
    expect(isSameExtension(held, { ...wanted, reason: 'Other' })).toBe(false);
    expect(isSameExtension(held, { ...wanted, interimLearning: ['Share sooner', 'More'] })).toBe(false);
  });
});
