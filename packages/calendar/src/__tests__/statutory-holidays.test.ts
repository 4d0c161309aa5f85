import { BANK_HOLIDAYS, BANK_HOLIDAYS_FROM, BANK_HOLIDAYS_TO, bankHolidaysIn, EARLIER_ANNOUNCED_BANK_HOLIDAYS } from '../bank-holidays';
import { CALENDAR_FROM_YEAR, CALENDAR_TO_YEAR, isInCalendarRange, orNullOutsideCalendar, OutsideCalendarError } from '../calendar-range';
import { dayOfWeek } from '../iso-date';
import { easterSunday, statutoryBankHolidays } from '../statutory-holidays';
import { addWorkingDays } from '../working-days';

/** Years whose announced list departs from the pattern by proclamation. */
const ONE_OFF_YEARS = [2002, 2011, 2012, 2020, 2022, 2023];
const dates = (list: readonly { date: string }[]) => list.map((h) => h.date);

describe('statutoryBankHolidays', () => {
  it('matches every announced year of the table that had no one-off change', () => {
    for (let year = BANK_HOLIDAYS_FROM; year <= BANK_HOLIDAYS_TO; year += 1) {
      if (ONE_OFF_YEARS.includes(year)) continue;
      const announced = BANK_HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`));
      expect({ year, dates: dates(statutoryBankHolidays(year)) }).toEqual({ year, dates: dates(announced) });
    }
  });

  it('differs from the one-off years exactly where a proclamation moved or added a day', () => {
    expect(dates(statutoryBankHolidays(2020))).toContain('2020-05-04');
    expect(dates(bankHolidaysIn(2020))).toContain('2020-05-08');
    expect(dates(bankHolidaysIn(2012))).toEqual(expect.arrayContaining(['2012-06-04', '2012-06-05']));
    expect(dates(bankHolidaysIn(2012))).not.toContain('2012-05-28');
    expect(dates(bankHolidaysIn(2011))).toContain('2011-04-29');
    expect(dates(bankHolidaysIn(2002))).toEqual(expect.arrayContaining(['2002-06-03', '2002-06-04']));
  });

  it('moves weekend holidays to the next free weekday', () => {
    expect(dates(statutoryBankHolidays(2033))).toEqual(expect.arrayContaining(['2033-01-03', '2033-12-26', '2033-12-27'])); // 1 Jan Saturday; 25 Dec Sunday
    expect(dates(statutoryBankHolidays(2032))).toEqual(expect.arrayContaining(['2032-12-27', '2032-12-28'])); // 25 Dec Saturday
    expect(dates(statutoryBankHolidays(2037))).toEqual(expect.arrayContaining(['2037-12-25', '2037-12-28'])); // 25 Dec Friday
    expect(dates(statutoryBankHolidays(2034))).toContain('2034-01-02'); // 1 Jan Sunday
  });

  it('gives every year of 2000-2099 eight weekday holidays with Easter in place', () => {
    for (let year = CALENDAR_FROM_YEAR; year <= CALENDAR_TO_YEAR; year += 1) {
      const list = bankHolidaysIn(year);
      if (!ONE_OFF_YEARS.includes(year)) expect(list).toHaveLength(8);
      for (const h of list) expect([0, 6]).not.toContain(dayOfWeek(h.date));
      expect(new Set(dates(list)).size).toBe(list.length);
      const easter = easterSunday(year);
      expect(dates(list)).toContain(dates(statutoryBankHolidays(year))[1]);
      const third = dates(statutoryBankHolidays(year))[2];
      expect(third).toBeDefined();
      expect(third! > easter).toBe(true);
    }
  });

  it('knows Easter Sundays', () => {
    expect(easterSunday(2000)).toBe('2000-04-23');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2099)).toBe('2099-04-12');
  });

  it('keeps the earlier announced list on weekdays only', () => {
    for (const h of EARLIER_ANNOUNCED_BANK_HOLIDAYS) expect([0, 6]).not.toContain(dayOfWeek(h.date));
  });
});

describe('calendar range', () => {
  it('is 2000 to 2099', () => {
    expect(isInCalendarRange('2000-01-01')).toBe(true);
    expect(isInCalendarRange('2099-12-31')).toBe(true);
    expect(isInCalendarRange('1999-12-31')).toBe(false);
    expect(isInCalendarRange('2100-01-01')).toBe(false);
  });

  it('lets a caller turn a deadline beyond the calendar into null, and nothing else', () => {
    expect(orNullOutsideCalendar(() => addWorkingDays('2099-12-20', 15))).toBeNull();
    expect(orNullOutsideCalendar(() => addWorkingDays('2099-11-02', 15))).toBe('2099-11-23');
    expect(() => orNullOutsideCalendar(() => addWorkingDays('2099-12-32', 1))).toThrow(/Invalid date/);
    expect(new OutsideCalendarError('2100-01-01')).toBeInstanceOf(RangeError);
  });
});
