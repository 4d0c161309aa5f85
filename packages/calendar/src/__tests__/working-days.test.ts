import { InvalidDateError } from '../iso-date';
import { addWorkingDays, isWorkingDay } from '../working-days';
import { OutsideCalendarError } from '../calendar-range';

describe('isWorkingDay', () => {
  it('is true on an ordinary weekday', () => {
    expect(isWorkingDay('2026-12-24')).toBe(true); // Thursday
    expect(isWorkingDay('2027-01-04')).toBe(true); // Monday
  });

  it('is false at weekends', () => {
    expect(isWorkingDay('2026-12-26')).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-27')).toBe(false); // Sunday
  });

  it('is false on bank holidays, including substitute and one-off days', () => {
    expect(isWorkingDay('2026-12-25')).toBe(false);
    expect(isWorkingDay('2026-12-28')).toBe(false); // Boxing Day substitute
    expect(isWorkingDay('2025-04-18')).toBe(false); // Good Friday
    expect(isWorkingDay('2025-04-21')).toBe(false); // Easter Monday
    expect(isWorkingDay('2020-05-08')).toBe(false); // VE day
    expect(isWorkingDay('2022-09-19')).toBe(false); // state funeral
  });

  it('throws outside 2000-2099, weekend or not', () => {
    expect(() => isWorkingDay('2100-01-04')).toThrow(OutsideCalendarError); // Monday
    expect(() => isWorkingDay('2100-01-02')).toThrow(OutsideCalendarError); // Saturday
    expect(() => isWorkingDay('1999-12-31')).toThrow(OutsideCalendarError);
  });

  it('is defined before and after the announced table', () => {
    expect(isWorkingDay('2031-01-06')).toBe(true); // Monday
    expect(isWorkingDay('2031-01-04')).toBe(false); // Saturday
    expect(isWorkingDay('2014-12-31')).toBe(true);
    expect(isWorkingDay('2012-06-05')).toBe(false); // Diamond Jubilee
  });
});

describe('addWorkingDays', () => {
  it('skips Christmas, the weekend, the Boxing Day substitute and New Year', () => {
    // 24 Dec (1), 29 (2), 30 (3), 31 (4), 4 Jan (5).
    expect(addWorkingDays('2026-12-23', 5)).toBe('2027-01-04');
    expect(addWorkingDays('2026-12-23', 1)).toBe('2026-12-24');
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
  });

  it('does not count the start day, even when it is a working day', () => {
    expect(addWorkingDays('2026-06-15', 1)).toBe('2026-06-16'); // Monday -> Tuesday
    expect(addWorkingDays('2026-06-19', 1)).toBe('2026-06-22'); // Friday -> Monday
  });

  it('starts cleanly from a weekend or holiday', () => {
    expect(addWorkingDays('2026-06-20', 1)).toBe('2026-06-22'); // Saturday -> Monday
    expect(addWorkingDays('2025-04-18', 1)).toBe('2025-04-22'); // Good Friday -> Tuesday after Easter Monday
  });

  it('skips the 2022 jubilee days', () => {
    // Wed 1 June, then Thu 2 and Fri 3 are holidays, then the weekend.
    expect(addWorkingDays('2022-06-01', 1)).toBe('2022-06-06');
  });

  it('returns the start date for zero', () => {
    expect(addWorkingDays('2026-12-26', 0)).toBe('2026-12-26');
  });

  it('counts backwards for negative n', () => {
    expect(addWorkingDays('2027-01-04', -5)).toBe('2026-12-23');
    expect(addWorkingDays('2025-04-22', -1)).toBe('2025-04-17');
  });

  it('counts across many weeks', () => {
    // 20 working days from Monday 2026-06-01 with no holidays in June: four weeks.
    expect(addWorkingDays('2026-06-01', 20)).toBe('2026-06-29');
  });

  it('throws OutsideCalendarError naming the calculation when it leaves 2000-2099', () => {
    expect(() => addWorkingDays('2099-12-20', 10)).toThrow(OutsideCalendarError);
    expect(() => addWorkingDays('2099-12-20', 10)).toThrow(
      'Cannot count 10 working days from 2099-12-20: Working days are defined for 2000–2099 only; 2100-01-01 is outside that range.',
    );
    expect(() => addWorkingDays('2000-01-04', -2)).toThrow(OutsideCalendarError);
  });

  it('crosses the end of the announced table, and reaches the edges of the calendar', () => {
    // Friday 2030-12-20: 23rd, 24th, 27th (25th, 26th holidays), 30th, 31st, then 2 January 2031 (1st is New Year's Day).
    expect(addWorkingDays('2030-12-20', 6)).toBe('2031-01-02');
    // 2099-12-25 is a Friday: Boxing Day moves to Monday the 28th.
    expect(addWorkingDays('2099-12-23', 3)).toBe('2099-12-30');
    expect(addWorkingDays('2000-01-05', -1)).toBe('2000-01-04');
  });

  it('rejects invalid input', () => {
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(InvalidDateError);
    expect(() => addWorkingDays('2026-1-1', 0)).toThrow(InvalidDateError);
    expect(() => addWorkingDays('2026-01-05', 1.5)).toThrow(RangeError);
  });
});
