import { AgencySector } from '@scr/graphql-kit';
import { DecisionOutcome, Regime } from '../../reviews/review.enums';
import { decisionProblem, reviewReference, seriousCaseCriteriaMetByFacts } from '../../reviews/review.rules';

const ALL_PARTNERS = [AgencySector.CHILDRENS_SOCIAL_CARE, AgencySector.HEALTH, AgencySector.POLICE];
const lscb = (criteriaMet: boolean, incident: { criterion: string; abuseOrNeglect: string } | null, outcome = DecisionOutcome.NO_FURTHER_REVIEW) =>
  decisionProblem({ regime: Regime.LSCB, outcome, criteriaMet, partnersAgreed: [], incident });

describe('seriousCaseCriteriaMetByFacts (regulation 5(2) met by the facts)', () => {
  it.each([
    ['CHILD_DIED', 'KNOWN', true],
    ['CHILD_DIED', 'SUSPECTED', true],
    ['LOOKED_AFTER_CHILD_DIED', 'KNOWN', true],
    ['LOOKED_AFTER_CHILD_DIED', 'SUSPECTED', true],
    ['LOOKED_AFTER_CHILD_DIED', 'NOT_KNOWN', false],
    ['CHILD_DIED', 'NOT_KNOWN', false],
    ['CHILD_SERIOUSLY_HARMED', 'KNOWN', false],
    ['CHILD_SERIOUSLY_HARMED', 'SUSPECTED', false],
  ])('%s with abuse or neglect %s -> %s', (criterion, abuseOrNeglect, expected) => {
    expect(seriousCaseCriteriaMetByFacts({ criterion, abuseOrNeglect })).toBe(expected);
  });
});

describe('decisionProblem, LSCB regime', () => {
  it('refuses criteriaMet: false for a death with abuse or neglect suspected', () => {
    const problem = lscb(false, { criterion: 'CHILD_DIED', abuseOrNeglect: 'SUSPECTED' });
    expect(problem?.field).toBe('criteriaMet');
    expect(problem?.message).toMatch(/regulation 5\(2\)/);
  });

  it("refuses it for a looked-after child's death with abuse or neglect known, even with another outcome", () => {
    const problem = lscb(false, { criterion: 'LOOKED_AFTER_CHILD_DIED', abuseOrNeglect: 'KNOWN' }, DecisionOutcome.COMMISSION_ALTERNATIVE_REVIEW);
    expect(problem?.field).toBe('criteriaMet');
  });

  it('lets the chair judge the criteria not met for a seriously harmed child', () => {
    expect(lscb(false, { criterion: 'CHILD_SERIOUSLY_HARMED', abuseOrNeglect: 'KNOWN' })).toBeUndefined();
  });

  it('lets the chair judge them not met when abuse or neglect is not known', () => {
    expect(lscb(false, { criterion: 'LOOKED_AFTER_CHILD_DIED', abuseOrNeglect: 'NOT_KNOWN' })).toBeUndefined();
  });

  it('still requires INITIATE_REVIEW when the criteria are met', () => {
    expect(lscb(true, { criterion: 'CHILD_DIED', abuseOrNeglect: 'KNOWN' })?.field).toBe('outcome');
    expect(lscb(true, { criterion: 'CHILD_DIED', abuseOrNeglect: 'KNOWN' }, DecisionOutcome.INITIATE_REVIEW)).toBeUndefined();
  });

  it('judges nothing by facts it has not heard of', () => {
    expect(lscb(false, null)).toBeUndefined();
  });
});

describe('decisionProblem, partnership regime', () => {
  it('leaves criteriaMet to the chair and the partners, whatever the facts', () => {
    expect(
      decisionProblem({
        regime: Regime.PARTNERSHIP,
        outcome: DecisionOutcome.NO_FURTHER_REVIEW,
        criteriaMet: false,
        partnersAgreed: ALL_PARTNERS,
        incident: { criterion: 'CHILD_DIED', abuseOrNeglect: 'SUSPECTED' },
      }),
    ).toBeUndefined();
  });
});

describe('reviewReference', () => {
  it("is the incident's reference with -REV, and -REV-2 for a second review of the same incident", () => {
    expect(reviewReference('LEEDS-2026-0007')).toBe('LEEDS-2026-0007-REV');
    expect(reviewReference('LEEDS-2026-0007', 2)).toBe('LEEDS-2026-0007-REV-2');
  });
});
