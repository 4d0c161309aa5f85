import { addDays, compareIsoDates, dayOfWeek, daysBetween, formatIsoDate, InvalidDateError, isValidIsoDate, parseIsoDate } from '../iso-date';

describe('isValidIsoDate', () => {
  it.each(['2026-01-01', '2026-12-31', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])('accepts %s', (s) => {
    expect(isValidIsoDate(s)).toBe(true);
  });

  it.each([
    '2026-02-30', // impossible day
    '2026-02-29', // not a leap year
    '1900-02-29', // century, not a leap year
    '0000-01-01', // no year zero: 1 BC is followed by AD 1
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-01-32',
    '26-01-01',
    '2026-1-1',
    '2026/01/01',
    '2026-01-01T00:00:00Z',
    ' 2026-01-01',
    '2026-01-01\n',
    '+02026-01-01',
    '２０２６-01-01', // full-width digits
    '',
  ])('rejects %j', (s) => {
    expect(isValidIsoDate(s)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isValidIsoDate(null)).toBe(false);
    expect(isValidIsoDate(undefined)).toBe(false);
    expect(isValidIsoDate(20260101)).toBe(false);
    expect(isValidIsoDate(new Date('2026-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('parseIsoDate', () => {
  it('splits a valid date into numbers', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('throws InvalidDateError naming the input and the problem', () => {
    expect(() => parseIsoDate('2026-02-30')).toThrow(InvalidDateError);
    expect(() => parseIsoDate('2026-02-30')).toThrow('Invalid date "2026-02-30": day 30 does not exist in 2026-02, which has 28 days');
    expect(() => parseIsoDate('2026-13-01')).toThrow('Invalid date "2026-13-01": month 13 does not exist');
    expect(() => parseIsoDate('26-01-01')).toThrow(/Invalid date "26-01-01": expected the form 'YYYY-MM-DD'/);
    expect(() => parseIsoDate('2026-1-1')).toThrow(/Invalid date "2026-1-1": expected the form 'YYYY-MM-DD'/);
  });

  it('keeps the rejected input on the error', () => {
    let caught: unknown;
    try {
      parseIsoDate('2026-02-30');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidDateError);
    expect(caught).toBeInstanceOf(Error);
    expect((caught as InvalidDateError).name).toBe('InvalidDateError');
    expect((caught as InvalidDateError).input).toBe('2026-02-30');
  });
});

describe('formatIsoDate', () => {
  it('pads to the fixed-width form', () => {
    expect(formatIsoDate({ year: 33, month: 1, day: 5 })).toBe('0033-01-05');
  });

  it('refuses impossible parts', () => {
    expect(() => formatIsoDate({ year: 2026, month: 2, day: 30 })).toThrow(InvalidDateError);
  });
});

describe('compareIsoDates', () => {
  it('orders by calendar', () => {
    expect(compareIsoDates('2026-01-31', '2026-02-01')).toBe(-1);
    expect(compareIsoDates('2026-02-01', '2026-01-31')).toBe(1);
    expect(compareIsoDates('2026-02-01', '2026-02-01')).toBe(0);
    expect(['2027-01-01', '2025-12-31', '2026-06-15'].sort(compareIsoDates)).toEqual(['2025-12-31', '2026-06-15', '2027-01-01']);
  });

  it('throws for malformed dates instead of comparing them as text', () => {
    expect(() => compareIsoDates('2026-1-1', '2026-01-02')).toThrow(InvalidDateError);
    expect(() => compareIsoDates('2026-01-02', '2026-02-30')).toThrow(InvalidDateError);
  });
});

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-03-01', 0)).toBe('2026-03-01');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
  });

  it('is not disturbed by the UK clock changes', () => {
    // Clocks went forward on 2026-03-29 and back on 2026-10-25.
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });

  it('handles years below 100 without the Date two-digit-year quirk', () => {
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
  });

  it('rejects fractional or non-finite day counts and results beyond year 9999', () => {
    expect(() => addDays('2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => addDays('2026-01-01', Number.NaN)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
  });

  it('rejects invalid dates', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(InvalidDateError);
  });
});

describe('daysBetween', () => {
  it('counts from a to b, negative when b is earlier', () => {
    expect(daysBetween('2026-01-01', '2026-01-01')).toBe(0);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-03-01', '2026-02-01')).toBe(-28);
    // Across the spring clock change a UTC day is still a whole day.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });

  it('is the inverse of addDays', () => {
    expect(addDays('2026-05-17', daysBetween('2026-05-17', '2031-02-03'))).toBe('2031-02-03');
  });
});

describe('dayOfWeek', () => {
  it('numbers Sunday as 0 and Saturday as 6', () => {
    expect(dayOfWeek('2026-01-04')).toBe(0); // Sunday
    expect(dayOfWeek('2026-01-05')).toBe(1); // Monday
    expect(dayOfWeek('2026-12-25')).toBe(5); // Friday
    expect(dayOfWeek('2026-12-26')).toBe(6); // Saturday
    expect(dayOfWeek('1970-01-01')).toBe(4); // Thursday
    expect(dayOfWeek('1969-12-28')).toBe(0); // Sunday, before the epoch
    expect(dayOfWeek('2000-02-29')).toBe(2); // Tuesday
  });
});
