import { assertInCalendarRange } from './calendar-range';
import { IsoDate, parseIsoDate } from './iso-date';
import { statutoryBankHolidays } from './statutory-holidays';

/**
 * Bank holidays in England and Wales. Announced years are written out date by
 * date, because holidays get moved or added by royal proclamation (VE day
 * 2020, the 2022 jubilee, the 2022 state funeral, the 2023 coronation, and
 * earlier the 2002 and 2012 jubilees and the 2011 royal wedding). Every other
 * year of the calendar (2000-2099, see calendar-range.ts) follows the
 * statutory pattern (statutory-holidays.ts); announced years are added here
 * as gov.uk publishes them. Scotland and Northern Ireland have other lists.
 *
 * Source: https://www.gov.uk/bank-holidays. Easter dates and per-year counts
 * are cross-checked in __tests__/bank-holidays.test.ts.
 */

/** The years of the main announced table (earlier announced years are listed apart). */
export const BANK_HOLIDAYS_FROM = 2015;
export const BANK_HOLIDAYS_TO = 2030;

export interface BankHoliday {
  readonly date: IsoDate;
  readonly name: string;
}

// Names follow gov.uk so entries can be checked against it by eye.
const NEW_YEAR = "New Year's Day";
const NEW_YEAR_SUBSTITUTE = "New Year's Day (substitute day)";
const GOOD_FRIDAY = 'Good Friday';
const EASTER_MONDAY = 'Easter Monday';
const EARLY_MAY = 'Early May bank holiday';
const SPRING = 'Spring bank holiday';
const SUMMER = 'Summer bank holiday';
const CHRISTMAS = 'Christmas Day';
const CHRISTMAS_SUBSTITUTE = 'Christmas Day (substitute day)';
const BOXING_DAY = 'Boxing Day';
const BOXING_DAY_SUBSTITUTE = 'Boxing Day (substitute day)';

const h = (date: IsoDate, name: string): BankHoliday => ({ date, name });

export const BANK_HOLIDAYS: readonly BankHoliday[] = Object.freeze([
  // 2015
  h('2015-01-01', NEW_YEAR),
  h('2015-04-03', GOOD_FRIDAY),
  h('2015-04-06', EASTER_MONDAY),
  h('2015-05-04', EARLY_MAY),
  h('2015-05-25', SPRING),
  h('2015-08-31', SUMMER),
  h('2015-12-25', CHRISTMAS),
  h('2015-12-28', BOXING_DAY_SUBSTITUTE), // 26th is a Saturday

  // 2016
  h('2016-01-01', NEW_YEAR),
  h('2016-03-25', GOOD_FRIDAY),
  h('2016-03-28', EASTER_MONDAY),
  h('2016-05-02', EARLY_MAY),
  h('2016-05-30', SPRING),
  h('2016-08-29', SUMMER),
  h('2016-12-26', BOXING_DAY),
  h('2016-12-27', CHRISTMAS_SUBSTITUTE), // 25th is a Sunday

  // 2017
  h('2017-01-02', NEW_YEAR_SUBSTITUTE), // 1st is a Sunday
  h('2017-04-14', GOOD_FRIDAY),
  h('2017-04-17', EASTER_MONDAY),
  h('2017-05-01', EARLY_MAY),
  h('2017-05-29', SPRING),
  h('2017-08-28', SUMMER),
  h('2017-12-25', CHRISTMAS),
  h('2017-12-26', BOXING_DAY),

  // 2018
  h('2018-01-01', NEW_YEAR),
  h('2018-03-30', GOOD_FRIDAY),
  h('2018-04-02', EASTER_MONDAY),
  h('2018-05-07', EARLY_MAY),
  h('2018-05-28', SPRING),
  h('2018-08-27', SUMMER),
  h('2018-12-25', CHRISTMAS),
  h('2018-12-26', BOXING_DAY),

  // 2019
  h('2019-01-01', NEW_YEAR),
  h('2019-04-19', GOOD_FRIDAY),
  h('2019-04-22', EASTER_MONDAY),
  h('2019-05-06', EARLY_MAY),
  h('2019-05-27', SPRING),
  h('2019-08-26', SUMMER),
  h('2019-12-25', CHRISTMAS),
  h('2019-12-26', BOXING_DAY),

  // 2020
  h('2020-01-01', NEW_YEAR),
  h('2020-04-10', GOOD_FRIDAY),
  h('2020-04-13', EASTER_MONDAY),
  h('2020-05-08', 'Early May bank holiday (VE day)'), // moved from Monday 4 May for the 75th anniversary
  h('2020-05-25', SPRING),
  h('2020-08-31', SUMMER),
  h('2020-12-25', CHRISTMAS),
  h('2020-12-28', BOXING_DAY_SUBSTITUTE), // 26th is a Saturday

  // 2021
  h('2021-01-01', NEW_YEAR),
  h('2021-04-02', GOOD_FRIDAY),
  h('2021-04-05', EASTER_MONDAY),
  h('2021-05-03', EARLY_MAY),
  h('2021-05-31', SPRING),
  h('2021-08-30', SUMMER),
  h('2021-12-27', CHRISTMAS_SUBSTITUTE), // 25th is a Saturday
  h('2021-12-28', BOXING_DAY_SUBSTITUTE), // 26th is a Sunday

  // 2022: two extra days (jubilee, state funeral)
  h('2022-01-03', NEW_YEAR_SUBSTITUTE), // 1st is a Saturday
  h('2022-04-15', GOOD_FRIDAY),
  h('2022-04-18', EASTER_MONDAY),
  h('2022-05-02', EARLY_MAY),
  h('2022-06-02', SPRING), // moved from Monday 30 May for the jubilee
  h('2022-06-03', 'Platinum Jubilee bank holiday'),
  h('2022-08-29', SUMMER),
  h('2022-09-19', 'Bank Holiday for the State Funeral of Queen Elizabeth II'),
  h('2022-12-26', BOXING_DAY),
  h('2022-12-27', CHRISTMAS_SUBSTITUTE), // 25th is a Sunday

  // 2023: one extra day (coronation)
  h('2023-01-02', NEW_YEAR_SUBSTITUTE), // 1st is a Sunday
  h('2023-04-07', GOOD_FRIDAY),
  h('2023-04-10', EASTER_MONDAY),
  h('2023-05-01', EARLY_MAY),
  h('2023-05-08', 'Bank holiday for the coronation of King Charles III'),
  h('2023-05-29', SPRING),
  h('2023-08-28', SUMMER),
  h('2023-12-25', CHRISTMAS),
  h('2023-12-26', BOXING_DAY),

  // 2024
  h('2024-01-01', NEW_YEAR),
  h('2024-03-29', GOOD_FRIDAY),
  h('2024-04-01', EASTER_MONDAY),
  h('2024-05-06', EARLY_MAY),
  h('2024-05-27', SPRING),
  h('2024-08-26', SUMMER),
  h('2024-12-25', CHRISTMAS),
  h('2024-12-26', BOXING_DAY),

  // 2025
  h('2025-01-01', NEW_YEAR),
  h('2025-04-18', GOOD_FRIDAY),
  h('2025-04-21', EASTER_MONDAY),
  h('2025-05-05', EARLY_MAY),
  h('2025-05-26', SPRING),
  h('2025-08-25', SUMMER),
  h('2025-12-25', CHRISTMAS),
  h('2025-12-26', BOXING_DAY),

  // 2026
  h('2026-01-01', NEW_YEAR),
  h('2026-04-03', GOOD_FRIDAY),
  h('2026-04-06', EASTER_MONDAY),
  h('2026-05-04', EARLY_MAY),
  h('2026-05-25', SPRING),
  h('2026-08-31', SUMMER),
  h('2026-12-25', CHRISTMAS),
  h('2026-12-28', BOXING_DAY_SUBSTITUTE), // 26th is a Saturday

  // 2027
  h('2027-01-01', NEW_YEAR),
  h('2027-03-26', GOOD_FRIDAY),
  h('2027-03-29', EASTER_MONDAY),
  h('2027-05-03', EARLY_MAY),
  h('2027-05-31', SPRING),
  h('2027-08-30', SUMMER),
  h('2027-12-27', CHRISTMAS_SUBSTITUTE), // 25th is a Saturday
  h('2027-12-28', BOXING_DAY_SUBSTITUTE), // 26th is a Sunday

  // 2028
  h('2028-01-03', NEW_YEAR_SUBSTITUTE), // 1st is a Saturday
  h('2028-04-14', GOOD_FRIDAY),
  h('2028-04-17', EASTER_MONDAY),
  h('2028-05-01', EARLY_MAY),
  h('2028-05-29', SPRING),
  h('2028-08-28', SUMMER),
  h('2028-12-25', CHRISTMAS),
  h('2028-12-26', BOXING_DAY),

  // 2029
  h('2029-01-01', NEW_YEAR),
  h('2029-03-30', GOOD_FRIDAY),
  h('2029-04-02', EASTER_MONDAY),
  h('2029-05-07', EARLY_MAY),
  h('2029-05-28', SPRING),
  h('2029-08-27', SUMMER),
  h('2029-12-25', CHRISTMAS),
  h('2029-12-26', BOXING_DAY),

  // 2030
  h('2030-01-01', NEW_YEAR),
  h('2030-04-19', GOOD_FRIDAY),
  h('2030-04-22', EASTER_MONDAY),
  h('2030-05-06', EARLY_MAY),
  h('2030-05-27', SPRING),
  h('2030-08-26', SUMMER),
  h('2030-12-25', CHRISTMAS),
  h('2030-12-26', BOXING_DAY),
]);

/** Earlier years whose announced list departs from the statutory pattern. */
export const EARLIER_ANNOUNCED_BANK_HOLIDAYS: readonly BankHoliday[] = Object.freeze([
  // 2002: spring bank holiday moved to 4 June, Golden Jubilee on 3 June
  h('2002-01-01', NEW_YEAR),
  h('2002-03-29', GOOD_FRIDAY),
  h('2002-04-01', EASTER_MONDAY),
  h('2002-05-06', EARLY_MAY),
  h('2002-06-03', 'Golden Jubilee bank holiday'),
  h('2002-06-04', SPRING),
  h('2002-08-26', SUMMER),
  h('2002-12-25', CHRISTMAS),
  h('2002-12-26', BOXING_DAY),

  // 2011: the royal wedding
  h('2011-01-03', NEW_YEAR_SUBSTITUTE),
  h('2011-04-22', GOOD_FRIDAY),
  h('2011-04-25', EASTER_MONDAY),
  h('2011-04-29', 'Royal wedding'),
  h('2011-05-02', EARLY_MAY),
  h('2011-05-30', SPRING),
  h('2011-08-29', SUMMER),
  h('2011-12-26', CHRISTMAS_SUBSTITUTE),
  h('2011-12-27', BOXING_DAY),

  // 2012: spring bank holiday moved to 4 June, Diamond Jubilee on 5 June
  h('2012-01-02', NEW_YEAR_SUBSTITUTE),
  h('2012-04-06', GOOD_FRIDAY),
  h('2012-04-09', EASTER_MONDAY),
  h('2012-05-07', EARLY_MAY),
  h('2012-06-04', SPRING),
  h('2012-06-05', 'Diamond Jubilee bank holiday'),
  h('2012-08-27', SUMMER),
  h('2012-12-25', CHRISTMAS),
  h('2012-12-26', BOXING_DAY),
]);

const ANNOUNCED_DATES: ReadonlySet<IsoDate> = new Set([...BANK_HOLIDAYS, ...EARLIER_ANNOUNCED_BANK_HOLIDAYS].map((holiday) => holiday.date));
const ANNOUNCED_YEARS: ReadonlySet<number> = new Set([...BANK_HOLIDAYS, ...EARLIER_ANNOUNCED_BANK_HOLIDAYS].map((holiday) => Number(holiday.date.slice(0, 4))));
const statutoryDates = new Map<number, ReadonlySet<IsoDate>>();

/** The year's bank holidays: the announced list where there is one, else the statutory pattern. */
export function bankHolidaysIn(year: number): readonly BankHoliday[] {
  if (ANNOUNCED_YEARS.has(year))
    return [...BANK_HOLIDAYS, ...EARLIER_ANNOUNCED_BANK_HOLIDAYS]
      .filter((holiday) => holiday.date.startsWith(`${year}-`))
      .sort((a, b) => a.date.localeCompare(b.date));
  return statutoryBankHolidays(year);
}

/**
 * Whether d is an England and Wales bank holiday. Throws OutsideCalendarError
 * (a RangeError) outside 2000-2099: answering "no" for a year the calendar
 * does not cover would quietly count its holidays as working days.
 */
export function isBankHoliday(d: IsoDate): boolean {
  assertInCalendarRange(d);
  const { year } = parseIsoDate(d);
  if (ANNOUNCED_YEARS.has(year)) return ANNOUNCED_DATES.has(d);
  let dates = statutoryDates.get(year);
  if (!dates) {
    dates = new Set(statutoryBankHolidays(year).map((holiday) => holiday.date));
    statutoryDates.set(year, dates);
  }
  return dates.has(d);
}
