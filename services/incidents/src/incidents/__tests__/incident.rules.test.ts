import { AbuseOrNeglect, AgeBand, NotifiableCriterion, NotificationRecipient } from '../incident.enums';
import {
  ageBandAt,
  ageInYears,
  incidentDatesProblem,
  incidentReference,
  isNotifiable,
  isNotifiedToPanel,
  notificationDueOn,
  notifiedTo,
  notificationStatus,
} from '../incident.rules';

describe('isNotifiable', () => {
  // Working Together: a death or serious harm is notifiable only when abuse or
  // neglect is known or suspected; a looked-after child's death always is.
  const cases: Array<[NotifiableCriterion, AbuseOrNeglect, boolean]> = [
    [NotifiableCriterion.CHILD_DIED, AbuseOrNeglect.KNOWN, true],
    [NotifiableCriterion.CHILD_DIED, AbuseOrNeglect.SUSPECTED, true],
    [NotifiableCriterion.CHILD_DIED, AbuseOrNeglect.NOT_KNOWN, false],
    [NotifiableCriterion.CHILD_SERIOUSLY_HARMED, AbuseOrNeglect.KNOWN, true],
    [NotifiableCriterion.CHILD_SERIOUSLY_HARMED, AbuseOrNeglect.SUSPECTED, true],
    [NotifiableCriterion.CHILD_SERIOUSLY_HARMED, AbuseOrNeglect.NOT_KNOWN, false],
    [NotifiableCriterion.LOOKED_AFTER_CHILD_DIED, AbuseOrNeglect.KNOWN, true],
    [NotifiableCriterion.LOOKED_AFTER_CHILD_DIED, AbuseOrNeglect.SUSPECTED, true],
    [NotifiableCriterion.LOOKED_AFTER_CHILD_DIED, AbuseOrNeglect.NOT_KNOWN, true],
  ];

  it('covers every criterion and abuse-or-neglect value', () => {
    expect(cases).toHaveLength(Object.values(NotifiableCriterion).length * Object.values(AbuseOrNeglect).length);
  });

  it.each(cases)('%s with abuse or neglect %s -> notifiable %s', (criterion, abuseOrNeglect, expected) => {
    expect(isNotifiable(criterion, abuseOrNeglect)).toBe(expected);
  });
});

describe('notificationDueOn (5th working day after awareOn, awareOn not counted)', () => {
  it('skips Christmas Day, the Boxing Day substitute, the weekend and New Year', () => {
    // Wed 23 Dec 2026 -> Thu 24 (1), Tue 29 (2), Wed 30 (3), Thu 31 (4), Mon 4 Jan 2027 (5).
    expect(notificationDueOn('2026-12-23')).toBe('2027-01-04');
  });

  it('from a Friday lands on the following Friday', () => {
    // Fri 20 Nov 2026 -> Mon 23 (1) ... Fri 27 (5); no bank holidays in between.
    expect(notificationDueOn('2026-11-20')).toBe('2026-11-27');
  });

  it('skips Good Friday and Easter Monday 2025', () => {
    // Thu 17 Apr 2025; Good Friday 18 Apr and Easter Monday 21 Apr are bank holidays.
    // Tue 22 (1), Wed 23 (2), Thu 24 (3), Fri 25 (4), Mon 28 (5).
    expect(notificationDueOn('2025-04-17')).toBe('2025-04-28');
  });

  it('does not count awareOn itself even when it is a working day', () => {
    // Mon 15 Jun 2026 -> Mon 22 Jun 2026, not Fri 19 Jun.
    expect(notificationDueOn('2026-06-15')).toBe('2026-06-22');
  });
});

describe('notificationStatus', () => {
  const dueOn = '2026-11-27';
  const notifiable = (notifiedOn: string | null) => ({ notifiable: true, notificationDueOn: dueOn, notifiedOn });

  it('a referral has no deadline and stays PENDING however late it is', () => {
    expect(notificationStatus({ notifiable: false, notificationDueOn: null, notifiedOn: null }, '2030-01-01')).toBe('PENDING');
  });

  it('a referral is never OVERDUE, even if a due date was stored for it', () => {
    expect(notificationStatus({ notifiable: false, notificationDueOn: dueOn, notifiedOn: null }, '2030-01-01')).toBe('PENDING');
  });

  it('is MET when notified on the due date', () => {
    expect(notificationStatus(notifiable(dueOn), '2026-12-10')).toBe('MET');
  });

  it('is MET when notified before the due date', () => {
    expect(notificationStatus(notifiable('2026-11-23'), '2026-11-23')).toBe('MET');
  });

  it('is LATE when notified the day after the due date, and stays LATE', () => {
    expect(notificationStatus(notifiable('2026-11-28'), '2026-11-28')).toBe('LATE');
    expect(notificationStatus(notifiable('2026-11-28'), '2027-06-01')).toBe('LATE');
  });

  it('is OVERDUE when not notified and today is after the due date', () => {
    expect(notificationStatus(notifiable(null), '2026-11-28')).toBe('OVERDUE');
  });

  it('is still PENDING on the due date itself when not yet notified', () => {
    expect(notificationStatus(notifiable(null), dueOn)).toBe('PENDING');
    expect(notificationStatus(notifiable(null), '2026-11-20')).toBe('PENDING');
  });
});

describe('incidentDatesProblem (occurredOn <= awareOn <= today)', () => {
  it('refuses an incident the authority became aware of before it happened', () => {
    const problem = incidentDatesProblem('2026-11-10', '2026-11-09', '2026-11-20');
    expect(problem).toBeDefined();
    expect(problem!.field).toBe('awareOn');
    expect(problem!.message).toContain('2026-11-09');
    expect(problem!.message).toContain('2026-11-10');
  });

  it('refuses an awareOn in the future', () => {
    const problem = incidentDatesProblem('2026-11-10', '2026-11-21', '2026-11-20');
    expect(problem).toBeDefined();
    expect(problem!.field).toBe('awareOn');
    expect(problem!.message).toContain('2026-11-21');
  });

  it('accepts the same day for all three dates', () => {
    expect(incidentDatesProblem('2026-11-20', '2026-11-20', '2026-11-20')).toBeUndefined();
  });

  it('accepts occurredOn before awareOn before today', () => {
    expect(incidentDatesProblem('2026-10-01', '2026-11-02', '2026-11-20')).toBeUndefined();
  });

  it('refuses dates outside the calendar (2000-2099), naming the field', () => {
    expect(incidentDatesProblem('1999-12-31', '2026-11-02', '2026-11-20')).toMatchObject({
      field: 'occurredOn',
      message: expect.stringContaining('2000 and 2099'),
    });
    expect(incidentDatesProblem('2000-01-01', '2026-11-02', '2026-11-20')).toBeUndefined();
    expect(incidentDatesProblem('2026-10-01', '2100-01-01', '2100-01-02')).toMatchObject({ field: 'awareOn' });
  });
});

describe('ageInYears and ageBandAt', () => {
  const born = '2010-06-15';

  it.each([
    ['2011-06-14', 0, AgeBand.UNDER_1],
    ['2011-06-15', 1, AgeBand.AGE_1_TO_5],
    ['2016-06-14', 5, AgeBand.AGE_1_TO_5],
    ['2016-06-15', 6, AgeBand.AGE_6_TO_10],
    ['2021-06-14', 10, AgeBand.AGE_6_TO_10],
    ['2021-06-15', 11, AgeBand.AGE_11_TO_15],
    ['2026-06-14', 15, AgeBand.AGE_11_TO_15],
    ['2026-06-15', 16, AgeBand.AGE_16_PLUS],
  ])('born %s: on %s is %i, band %s', (on, age, band) => {
    expect(ageInYears(born, on)).toBe(age);
    expect(ageBandAt(born, on)).toBe(band);
  });

  it('a newborn on its birth day is under 1', () => {
    expect(ageInYears(born, born)).toBe(0);
    expect(ageBandAt(born, born)).toBe(AgeBand.UNDER_1);
  });

  it('counts a month-end birthday against later months correctly', () => {
    // Born 31 Jan: on 30 Jan the next year still 0, on 1 Feb 1.
    expect(ageInYears('2020-01-31', '2021-01-30')).toBe(0);
    expect(ageInYears('2020-01-31', '2021-02-01')).toBe(1);
  });

  it('a 29 February birthday comes round on 1 March in a common year', () => {
    expect(ageInYears('2020-02-29', '2021-02-28')).toBe(0);
    expect(ageBandAt('2020-02-29', '2021-02-28')).toBe(AgeBand.UNDER_1);
    expect(ageInYears('2020-02-29', '2021-03-01')).toBe(1);
    expect(ageBandAt('2020-02-29', '2021-03-01')).toBe(AgeBand.AGE_1_TO_5);
    // and on the day itself in the next leap year
    expect(ageInYears('2020-02-29', '2024-02-28')).toBe(3);
    expect(ageInYears('2020-02-29', '2024-02-29')).toBe(4);
  });

  it('refuses an impossible date rather than guessing an age', () => {
    expect(() => ageInYears('2021-02-29', '2026-01-01')).toThrow();
  });
});

describe('incidentReference', () => {
  it('pads the number to four digits', () => {
    expect(incidentReference('LEEDS', 2026, 7)).toBe('LEEDS-2026-0007');
  });

  it('does not truncate numbers beyond four digits', () => {
    expect(incidentReference('LEEDS', 2026, 12345)).toBe('LEEDS-2026-12345');
  });
});

describe('notifiedTo (who the notification goes to)', () => {
  const { PANEL, OFSTED, SECRETARY_OF_STATE } = NotificationRecipient;
  const incident = (criterion: NotifiableCriterion, abuseOrNeglect: AbuseOrNeglect, notifiable = true) => ({ criterion, abuseOrNeglect, notifiable });

  it('partnership regime: a death or serious harm with abuse or neglect goes to the panel only', () => {
    expect(notifiedTo(incident(NotifiableCriterion.CHILD_DIED, AbuseOrNeglect.KNOWN), 'PARTNERSHIP')).toEqual([PANEL]);
    expect(notifiedTo(incident(NotifiableCriterion.CHILD_SERIOUSLY_HARMED, AbuseOrNeglect.SUSPECTED), 'PARTNERSHIP')).toEqual([PANEL]);
  });

  it("partnership regime: a looked-after child's death with abuse or neglect known or suspected also goes to Ofsted and the Secretary of State", () => {
    for (const abuse of [AbuseOrNeglect.KNOWN, AbuseOrNeglect.SUSPECTED]) {
      expect(notifiedTo(incident(NotifiableCriterion.LOOKED_AFTER_CHILD_DIED, abuse), 'PARTNERSHIP')).toEqual([PANEL, OFSTED, SECRETARY_OF_STATE]);
    }
  });

  it("partnership regime: a looked-after child's death with abuse or neglect not known goes to Ofsted and the Secretary of State, not the panel", () => {
    const facts = incident(NotifiableCriterion.LOOKED_AFTER_CHILD_DIED, AbuseOrNeglect.NOT_KNOWN);
    expect(notifiedTo(facts, 'PARTNERSHIP')).toEqual([OFSTED, SECRETARY_OF_STATE]);
    expect(isNotifiedToPanel(facts, 'PARTNERSHIP')).toBe(false);
  });

  it('LSCB regime: Ofsted, whatever the facts', () => {
    for (const criterion of Object.values(NotifiableCriterion)) {
      expect(notifiedTo(incident(criterion, AbuseOrNeglect.SUSPECTED), 'LSCB')).toEqual([OFSTED]);
      expect(isNotifiedToPanel(incident(criterion, AbuseOrNeglect.SUSPECTED), 'LSCB')).toBe(false);
    }
  });

  it('a referral goes to nobody, under either regime', () => {
    const referral = incident(NotifiableCriterion.CHILD_DIED, AbuseOrNeglect.NOT_KNOWN, false);
    expect(notifiedTo(referral, 'PARTNERSHIP')).toEqual([]);
    expect(notifiedTo(referral, 'LSCB')).toEqual([]);
    expect(isNotifiedToPanel(referral, 'PARTNERSHIP')).toBe(false);
  });

  it('the panel hears of a partnership-regime notification', () => {
    expect(isNotifiedToPanel(incident(NotifiableCriterion.CHILD_SERIOUSLY_HARMED, AbuseOrNeglect.KNOWN), 'PARTNERSHIP')).toBe(true);
  });
});
