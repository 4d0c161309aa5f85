import { ActionStatus } from '../action.enums';
import { isRepeatedUpdate, isSameAction, isSameImpactAssessment, isSameProgrammeAudit } from '../action.rules';

describe('isRepeatedUpdate', () => {
  const action = { version: 2, status: ActionStatus.IN_PROGRESS };
  const latest = { by: 'manager-1', status: ActionStatus.IN_PROGRESS, note: 'Started.' };
  const input = { expectedVersion: 1, status: ActionStatus.IN_PROGRESS, note: 'Started.' };
  it('is a retry when the latest update is this one by the same caller, one version on', () => {
    expect(isRepeatedUpdate(action, latest, input, 'manager-1')).toBe(true);
  });
  it('is not a retry with another note, status or caller, or further versions on', () => {
    expect(isRepeatedUpdate(action, latest, { ...input, note: 'Other.' }, 'manager-1')).toBe(false);
    expect(isRepeatedUpdate(action, latest, { ...input, status: ActionStatus.COMPLETED }, 'manager-1')).toBe(false);
    expect(isRepeatedUpdate(action, latest, input, 'manager-2')).toBe(false);
    expect(isRepeatedUpdate({ ...action, version: 3 }, latest, input, 'manager-1')).toBe(false);
    expect(isRepeatedUpdate(action, null, input, 'manager-1')).toBe(false);
  });
});

describe('isSameAction', () => {
  const wanted = { recommendation: 'Share', description: 'Within a day', ownerAgencyId: 'a1', dueOn: '2026-09-01', successCriteria: ['Audit'] };
  const held = { ...wanted, successCriteria: ['Audit'] };
  it('is the same action with the same recommendation, description, owner, due date and criteria', () => {
    expect(isSameAction(held, wanted)).toBe(true);
  });
  it('is another action when any of them differs', () => {
    expect(isSameAction(held, { ...wanted, description: 'Within two days' })).toBe(false);
    expect(isSameAction(held, { ...wanted, ownerAgencyId: 'a2' })).toBe(false);
    expect(isSameAction(held, { ...wanted, dueOn: '2026-09-02' })).toBe(false);
    expect(isSameAction(held, { ...wanted, successCriteria: ['Audit', 'Survey'] })).toBe(false);
  });
});

describe('isSameImpactAssessment', () => {
  const held = { impactRating: 'SIGNIFICANT', impactEvidence: 'Audit', impactAssessedOn: '2026-05-01' };
  it('is the same assessment when the action holds this rating, evidence and date', () => {
    expect(isSameImpactAssessment(held, { rating: 'SIGNIFICANT', evidence: 'Audit', assessedOn: '2026-05-01' })).toBe(true);
  });
  it('is a new assessment when any of them differs or none is held', () => {
    expect(isSameImpactAssessment(held, { rating: 'SOME', evidence: 'Audit', assessedOn: '2026-05-01' })).toBe(false);
    expect(isSameImpactAssessment(held, { rating: 'SIGNIFICANT', evidence: 'Audit', assessedOn: '2026-05-02' })).toBe(false);
    expect(
      isSameImpactAssessment(
        { impactRating: null, impactEvidence: null, impactAssessedOn: null },
        { rating: 'SIGNIFICANT', evidence: 'Audit', assessedOn: '2026-05-01' },
      ),
    ).toBe(false);
  });
});

describe('isSameProgrammeAudit', () => {
  it('is the same audit on the same date with the same findings', () => {
    expect(isSameProgrammeAudit({ auditedOn: '2026-05-01', findings: 'On track' }, { auditedOn: '2026-05-01', findings: 'On track' })).toBe(true);
    expect(isSameProgrammeAudit({ auditedOn: '2026-05-01', findings: 'On track' }, { auditedOn: '2026-05-01', findings: 'Behind' })).toBe(false);
    expect(isSameProgrammeAudit({ auditedOn: '2026-05-01', findings: 'On track' }, { auditedOn: '2026-05-02', findings: 'On track' })).toBe(false);
  });
});
