import { countChanges, countContributions, countMonth } from '../incident-count-changes';
import type { CountedFacts } from '../incident-dimension';

const child = (ageBand: string, sex = 'FEMALE') => ({ ageBand, sex, ethnicity: 'WHITE', socialCareStatus: 'CHILD_IN_NEED' });
const incident = (over: Partial<CountedFacts> = {}): CountedFacts => ({
  boardCode: 'LEEDS',
  notifiable: true,
  awareOn: '2025-03-17',
  criterion: 'CHILD_DIED',
  abuseTypes: ['PHYSICAL', 'NEGLECT'],
  children: [child('UNDER_1'), child('AGE_1_TO_5', 'MALE')],
  ...over,
});

describe('countContributions', () => {
  it('counts a notifiable incident once for criterion, each abuse type, and each child in every child dimension, in its awareOn month', () => {
    const cells = countContributions(incident());
    expect(cells.filter((c) => c.dimension === 'CRITERION')).toEqual([{ dimension: 'CRITERION', boardCode: 'LEEDS', month: '2025-03-01', key: 'CHILD_DIED' }]);
    expect(cells.filter((c) => c.dimension === 'ABUSE_TYPE').map((c) => c.key)).toEqual(['PHYSICAL', 'NEGLECT']);
    expect(cells.filter((c) => c.dimension === 'AGE_BAND').map((c) => c.key)).toEqual(['UNDER_1', 'AGE_1_TO_5']);
    expect(cells.filter((c) => c.dimension === 'SEX').map((c) => c.key)).toEqual(['FEMALE', 'MALE']);
    expect(cells.filter((c) => c.dimension === 'ETHNICITY').map((c) => c.key)).toEqual(['WHITE', 'WHITE']);
    expect(cells).toHaveLength(1 + 2 + 4 * 2);
  });

  it('counts nothing for a referral', () => {
    expect(countContributions(incident({ notifiable: false }))).toEqual([]);
  });

  it('names the month by its first day', () => {
    expect(countMonth('2024-12-31')).toBe('2024-12-01');
  });
});

describe('countChanges', () => {
  it('adds every contribution of a new incident, two children of one value as one change of 2', () => {
    const changes = countChanges(undefined, incident());
    expect(changes).toHaveLength(9);
    expect(changes.filter((c) => c.delta === 2).map((c) => c.dimension)).toEqual(['ETHNICITY', 'SOCIAL_CARE_STATUS']);
    expect(changes.reduce((sum, c) => sum + c.delta, 0)).toBe(11);
  });

  it('moves only what a correction changed', () => {
    const changes = countChanges(incident(), incident({ criterion: 'CHILD_SERIOUSLY_HARMED', abuseTypes: ['PHYSICAL'] }));
    expect(changes.map((c) => [c.dimension, c.key, c.delta])).toEqual([
      ['ABUSE_TYPE', 'NEGLECT', -1],
      ['CRITERION', 'CHILD_DIED', -1],
      ['CRITERION', 'CHILD_SERIOUSLY_HARMED', 1],
    ]);
  });

  it('moves every count of an incident whose awareOn moves to another month', () => {
    const changes = countChanges(incident(), incident({ awareOn: '2025-04-01' }));
    expect(changes.filter((c) => c.delta === -1 || c.delta === -2).every((c) => c.month === '2025-03-01')).toBe(true);
    expect(changes.filter((c) => c.delta > 0).every((c) => c.month === '2025-04-01')).toBe(true);
    expect(changes.reduce((sum, c) => sum + c.delta, 0)).toBe(0);
  });

  it('starts counting a referral that a correction makes notifiable, and changes nothing when nothing counted moved', () => {
    expect(countChanges(incident({ notifiable: false }), incident())).toEqual(countChanges(undefined, incident()));
    expect(countChanges(incident(), incident({ suspectedSuicide: true } as Partial<CountedFacts>))).toEqual([]);
  });

  it('lists changes in one fixed order, whatever order the facts came in', () => {
    const a = countChanges(undefined, incident({ abuseTypes: ['NEGLECT', 'PHYSICAL'] }));
    const b = countChanges(undefined, incident({ abuseTypes: ['PHYSICAL', 'NEGLECT'] }));
    expect(a).toEqual(b);
  });
});
