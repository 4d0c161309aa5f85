import { DecisionOutcome, ReviewStage } from '../review.enums';
import { isRepeatedClose, isRepeatedDecision, type HeldDecision } from '../review.rules';

describe('isRepeatedDecision', () => {
  const held: HeldDecision = {
    version: 3,
    decision: {
      outcome: DecisionOutcome.INITIATE_REVIEW,
      criteriaMet: true,
      partnersAgreed: ['HEALTH', 'POLICE'],
      rationale: 'Serious harm.',
      decidedOn: '2026-03-02',
      decidedBy: 'chair-1',
    },
  };
  const input = {
    outcome: DecisionOutcome.INITIATE_REVIEW,
    criteriaMet: true,
    partnersAgreed: ['POLICE', 'HEALTH'],
    rationale: 'Serious harm.',
    decidedOn: '2026-03-02',
  };

  it('is a retry when the review holds this decision by the same caller (partners in any order)', () => {
    expect(isRepeatedDecision(held, input, 'chair-1')).toBe(true);
    expect(isRepeatedDecision(held, { ...input, expectedVersion: 2 }, 'chair-1')).toBe(true);
  });
  it('is not a retry when anything differs, another caller decided, or the decision was not the next change', () => {
    expect(isRepeatedDecision(held, { ...input, outcome: DecisionOutcome.NO_FURTHER_REVIEW }, 'chair-1')).toBe(false);
    expect(isRepeatedDecision(held, { ...input, criteriaMet: false }, 'chair-1')).toBe(false);
    expect(isRepeatedDecision(held, { ...input, partnersAgreed: ['HEALTH'] }, 'chair-1')).toBe(false);
    expect(isRepeatedDecision(held, { ...input, rationale: 'Other.' }, 'chair-1')).toBe(false);
    expect(isRepeatedDecision(held, { ...input, decidedOn: '2026-03-03' }, 'chair-1')).toBe(false);
    expect(isRepeatedDecision(held, input, 'chair-2')).toBe(false);
    expect(isRepeatedDecision(held, { ...input, expectedVersion: 1 }, 'chair-1')).toBe(false);
  });
  it('is not a retry on an undecided review', () => {
    expect(isRepeatedDecision({ ...held, decision: { ...held.decision, outcome: null, decidedBy: null } }, input, 'chair-1')).toBe(false);
  });
});

describe('isRepeatedClose', () => {
  it('is a retry only on a closed review', () => {
    expect(isRepeatedClose(ReviewStage.CLOSED)).toBe(true);
    expect(isRepeatedClose(ReviewStage.PUBLISHED)).toBe(false);
    expect(isRepeatedClose(ReviewStage.IN_PROGRESS)).toBe(false);
  });
});
