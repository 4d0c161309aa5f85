import { InvalidDateError } from '../iso-date';
import { addWorkingDays, isWorkingDay } from '../working-days';

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

  it('throws outside the bank-holiday table, weekend or not', () => {
    expect(() => isWorkingDay('2031-01-06')).toThrow(RangeError); // Monday
    expect(() => isWorkingDay('2031-01-04')).toThrow(RangeError); // Saturday
    expect(() => isWorkingDay('2014-12-31')).toThrow(RangeError);
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

  it('throws a RangeError naming the calculation when it leaves the table', () => {
    expect(() => addWorkingDays('2030-12-20', 10)).toThrow(RangeError);
    expect(() => addWorkingDays('2030-12-20', 10)).toThrow(
      'Cannot add 10 working days to 2030-12-20: Bank holidays are only known for 2015–2030; 2031-01-01 is outside that range',
    );
    expect(() => addWorkingDays('2015-01-02', -2)).toThrow(RangeError);
  });

  it('allows results right up to the edge of the table', () => {
    expect(addWorkingDays('2030-12-27', 2)).toBe('2030-12-31');
    expect(addWorkingDays('2015-01-05', -1)).toBe('2015-01-02');
  });

  it('rejects invalid input', () => {
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(InvalidDateError);
    expect(() => addWorkingDays('2026-1-1', 0)).toThrow(InvalidDateError);
    expect(() => addWorkingDays('2026-01-05', 1.5)).toThrow(RangeError);
  });
});
