import { BANK_HOLIDAYS, BANK_HOLIDAYS_FROM, BANK_HOLIDAYS_TO, isBankHoliday } from '../bank-holidays';
import { OutsideCalendarError } from '../calendar-range';
import { addDays, dayOfWeek, InvalidDateError, isValidIsoDate } from '../iso-date';

/**
 * Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
 * Kept here, not in the library, so the table is checked against an
 * independent computation rather than generated from it.
 */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const YEARS = Array.from({ length: BANK_HOLIDAYS_TO - BANK_HOLIDAYS_FROM + 1 }, (_, i) => BANK_HOLIDAYS_FROM + i);
const inYear = (year: number) => BANK_HOLIDAYS.filter((holiday) => holiday.date.startsWith(`${year}-`));
const datesNamed = (year: number, name: string) =>
  inYear(year)
    .filter((holiday) => holiday.name === name)
    .map((holiday) => holiday.date);

describe('easterSunday (test helper)', () => {
  it('matches known Easter Sundays', () => {
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2019)).toBe('2019-04-21');
    expect(easterSunday(2016)).toBe('2016-03-27');
  });
});

describe('BANK_HOLIDAYS table', () => {
  it('covers 2015 to 2030', () => {
    expect(BANK_HOLIDAYS_FROM).toBe(2015);
    expect(BANK_HOLIDAYS_TO).toBe(2030);
    expect(BANK_HOLIDAYS[0]?.date).toBe('2015-01-01');
    expect(BANK_HOLIDAYS.at(-1)?.date).toBe('2030-12-26');
  });

  it('holds only valid, unique dates in ascending order', () => {
    const dates = BANK_HOLIDAYS.map((holiday) => holiday.date);
    for (const date of dates) expect(isValidIsoDate(date)).toBe(true);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
  });

  it('never lists a Saturday or Sunday (substitute days replace them)', () => {
    const weekend = BANK_HOLIDAYS.filter((holiday) => [0, 6].includes(dayOfWeek(holiday.date)));
    expect(weekend).toEqual([]);
  });

  it.each(YEARS)('has the expected number of holidays in %i', (year) => {
    const expected: Record<number, number> = { 2022: 10, 2023: 9 };
    expect(inYear(year)).toHaveLength(expected[year] ?? 8);
  });

  it.each(YEARS)('has Good Friday and Easter Monday in %i matching the computed Easter', (year) => {
    const easter = easterSunday(year);
    expect(datesNamed(year, 'Good Friday')).toEqual([addDays(easter, -2)]);
    expect(datesNamed(year, 'Easter Monday')).toEqual([addDays(easter, 1)]);
  });

  it.each(YEARS)('has New Year, Christmas and Boxing Day (or their substitutes) in %i', (year) => {
    const names = inYear(year).map((holiday) => holiday.name);
    expect(names.filter((name) => name.startsWith("New Year's Day"))).toHaveLength(1);
    expect(names.filter((name) => name.startsWith('Christmas Day'))).toHaveLength(1);
    expect(names.filter((name) => name.startsWith('Boxing Day'))).toHaveLength(1);
    // A substitute day exists exactly when the real day falls at a weekend.
    const newYearOnWeekend = [0, 6].includes(dayOfWeek(`${year}-01-01`));
    expect(names.includes("New Year's Day (substitute day)")).toBe(newYearOnWeekend);
  });

  it.each(YEARS)('puts New Year and Christmas on the right weekdays in %i', (year) => {
    // Weekend days roll forward to the next free weekdays, so New Year is
    // the first weekday from 1 January and Christmas plus Boxing Day are
    // the first two weekdays from 25 December.
    const weekdaysFrom = (start: string, count: number) => {
      const found: string[] = [];
      for (let date = start; found.length < count; date = addDays(date, 1)) {
        if (![0, 6].includes(dayOfWeek(date))) found.push(date);
      }
      return found;
    };
    const dated = (prefix: string) =>
      inYear(year)
        .filter((holiday) => holiday.name.startsWith(prefix))
        .map((holiday) => holiday.date);
    expect(dated("New Year's Day")).toEqual(weekdaysFrom(`${year}-01-01`, 1));
    expect([...dated('Christmas Day'), ...dated('Boxing Day')].sort()).toEqual(weekdaysFrom(`${year}-12-25`, 2));
  });

  it.each(YEARS)('has the usual Monday holidays in %i, except where moved', (year) => {
    const mondaysIn = (month: string) =>
      Array.from({ length: 31 }, (_, i) => `${year}-${month}-${String(i + 1).padStart(2, '0')}`).filter(
        (date) => isValidIsoDate(date) && dayOfWeek(date) === 1,
      );
    const may = mondaysIn('05');
    const august = mondaysIn('08');
    if (year !== 2020) expect(datesNamed(year, 'Early May bank holiday')).toEqual([may[0]]);
    if (year !== 2022) expect(datesNamed(year, 'Spring bank holiday')).toEqual([may[may.length - 1]]);
    expect(datesNamed(year, 'Summer bank holiday')).toEqual([august[august.length - 1]]);
  });

  it('has the one-off and moved days', () => {
    expect(datesNamed(2020, 'Early May bank holiday (VE day)')).toEqual(['2020-05-08']);
    expect(datesNamed(2022, 'Spring bank holiday')).toEqual(['2022-06-02']);
    expect(datesNamed(2022, 'Platinum Jubilee bank holiday')).toEqual(['2022-06-03']);
    expect(datesNamed(2022, 'Bank Holiday for the State Funeral of Queen Elizabeth II')).toEqual(['2022-09-19']);
    expect(datesNamed(2023, 'Bank holiday for the coronation of King Charles III')).toEqual(['2023-05-08']);
  });

  it('cannot be modified at run time', () => {
    expect(Object.isFrozen(BANK_HOLIDAYS)).toBe(true);
  });
});

describe('isBankHoliday', () => {
  it.each([
    '2025-04-18', // Good Friday
    '2025-04-21', // Easter Monday
    '2020-05-08', // VE day
    '2022-06-02', // spring bank holiday, moved
    '2022-06-03', // Platinum Jubilee
    '2022-09-19', // state funeral
    '2023-05-08', // coronation
    '2020-12-28', // Boxing Day substitute
    '2021-12-27', // Christmas Day substitute
    '2021-12-28', // Boxing Day substitute
    '2022-01-03', // New Year's Day substitute
    '2022-12-26',
    '2022-12-27', // Christmas Day substitute
    '2026-12-25',
    '2026-12-28', // Boxing Day substitute
    '2027-01-01',
    '2027-12-27', // Christmas Day substitute
    '2027-12-28', // Boxing Day substitute
    '2028-01-03', // New Year's Day substitute
    '2028-12-26',
  ])('knows %s is a bank holiday', (date) => {
    expect(isBankHoliday(date)).toBe(true);
  });

  it.each([
    '2020-05-04', // would have been early May bank holiday
    '2022-05-30', // would have been spring bank holiday
    '2025-04-20', // Easter Sunday is not a bank holiday
    '2026-12-26', // Boxing Day itself on a Saturday
    '2026-12-24',
    '2026-06-15',
  ])('knows %s is not a bank holiday', (date) => {
    expect(isBankHoliday(date)).toBe(false);
  });

  it('throws OutsideCalendarError (a RangeError) outside 2000-2099 rather than guessing', () => {
    expect(() => isBankHoliday('1999-12-27')).toThrow(OutsideCalendarError);
    expect(() => isBankHoliday('2100-01-01')).toThrow(RangeError);
    expect(() => isBankHoliday('2100-01-01')).toThrow('Working days are defined for 2000–2099 only; 2100-01-01 is outside that range.');
  });

  it('answers every day of 2000-2099, before and after the announced table', () => {
    expect(isBankHoliday('2000-01-03')).toBe(true); // New Year's Day substitute
    expect(isBankHoliday('2013-12-26')).toBe(true);
    expect(isBankHoliday('2031-04-11')).toBe(true); // Good Friday
    expect(isBankHoliday('2099-12-25')).toBe(true);
    expect(isBankHoliday('2099-12-24')).toBe(false);
  });

  it('rejects invalid dates', () => {
    expect(() => isBankHoliday('2026-02-30')).toThrow(InvalidDateError);
  });
});
