import { isBankHoliday } from './bank-holidays';
import { OutsideCalendarError } from './calendar-range';
import { addDays, dayOfWeek, IsoDate, parseIsoDate } from './iso-date';

/**
 * Monday to Friday and not an England and Wales bank holiday. Throws
 * OutsideCalendarError (a RangeError) outside 2000-2099.
 */
export function isWorkingDay(d: IsoDate): boolean {
  // The holidays are consulted first, even for weekends, so a date outside the
  // calendar always throws instead of depending on which weekday it falls on.
  const holiday = isBankHoliday(d);
  const weekday = dayOfWeek(d);
  return !holiday && weekday !== 0 && weekday !== 6;
}

/**
 * The n-th working day after d, not counting d itself, so a start date that
 * is a weekend or holiday is never a problem (n = 0 returns d unchanged).
 * A negative n counts back to the n-th working day before d.
 * Throws OutsideCalendarError if any day stepped over lies outside 2000-2099,
 * because a holiday the calendar does not know about would shift the answer.
 */
export function addWorkingDays(d: IsoDate, n: number): IsoDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Number of working days must be a whole number, got ${n}`);
  parseIsoDate(d); // so n = 0 cannot hand back a malformed date unchecked
  const step = n < 0 ? -1 : 1;
  let current = d;
  let remaining = Math.abs(n);
  try {
    while (remaining > 0) {
      current = addDays(current, step);
      if (isWorkingDay(current)) remaining -= 1;
    }
  } catch (error) {
    if (error instanceof OutsideCalendarError) {
      throw new OutsideCalendarError(error.date, `Cannot count ${n} working days from ${d}: ${error.message}`);
    }
    throw error;
  }
  return current;
}
