import { addDays, dayOfWeek, formatIsoDate, IsoDate } from './iso-date';

export interface StatutoryHoliday {
  readonly date: IsoDate;
  readonly name: string;
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
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
  return formatIsoDate({ year, month, day });
}

const MONDAY = 1;
const SATURDAY = 6;
const SUNDAY = 0;

function firstMonday(year: number, month: number): IsoDate {
  const first = formatIsoDate({ year, month, day: 1 });
  return addDays(first, (MONDAY - dayOfWeek(first) + 7) % 7);
}

function lastMonday(year: number, month: number): IsoDate {
  const nextMonthsFirst = month === 12 ? formatIsoDate({ year: year + 1, month: 1, day: 1 }) : formatIsoDate({ year, month: month + 1, day: 1 });
  const last = addDays(nextMonthsFirst, -1);
  return addDays(last, -((dayOfWeek(last) - MONDAY + 7) % 7));
}

/**
 * England and Wales bank holidays as the Banking and Financial Dealings Act
 * 1971 and the usual proclamations set them, for a year with no announced
 * list: New Year's Day, Good Friday, Easter Monday, the first and last
 * Mondays of May, the last Monday of August, Christmas Day and Boxing Day,
 * a holiday on a weekend moved to the next weekday not already a holiday.
 */
export function statutoryBankHolidays(year: number): StatutoryHoliday[] {
  const newYear = formatIsoDate({ year, month: 1, day: 1 });
  const newYearShift = dayOfWeek(newYear) === SATURDAY ? 2 : dayOfWeek(newYear) === SUNDAY ? 1 : 0;
  const easter = easterSunday(year);
  const christmas = formatIsoDate({ year, month: 12, day: 25 });
  const christmasDay = dayOfWeek(christmas);
  let winter: StatutoryHoliday[];
  if (christmasDay === SATURDAY) {
    winter = [
      { date: addDays(christmas, 2), name: 'Christmas Day (substitute day)' },
      { date: addDays(christmas, 3), name: 'Boxing Day (substitute day)' },
    ];
  } else if (christmasDay === SUNDAY) {
    winter = [
      { date: addDays(christmas, 1), name: 'Boxing Day' },
      { date: addDays(christmas, 2), name: 'Christmas Day (substitute day)' },
    ];
  } else if (christmasDay === 5) {
    winter = [
      { date: christmas, name: 'Christmas Day' },
      { date: addDays(christmas, 3), name: 'Boxing Day (substitute day)' },
    ];
  } else {
    winter = [
      { date: christmas, name: 'Christmas Day' },
      { date: addDays(christmas, 1), name: 'Boxing Day' },
    ];
  }
  return [
    { date: addDays(newYear, newYearShift), name: newYearShift ? "New Year's Day (substitute day)" : "New Year's Day" },
    { date: addDays(easter, -2), name: 'Good Friday' },
    { date: addDays(easter, 1), name: 'Easter Monday' },
    { date: firstMonday(year, 5), name: 'Early May bank holiday' },
    { date: lastMonday(year, 5), name: 'Spring bank holiday' },
    { date: lastMonday(year, 8), name: 'Summer bank holiday' },
    ...winter,
  ];
}
