import { daysInMonth, FIRST_YEAR, formatIsoDate, IsoDate, LAST_YEAR, parseIsoDate } from './iso-date';

/**
 * The same day-of-month n calendar months later (earlier when n is negative).
 * When that month is too short the result is its last day rather than an
 * overflow into the next month: a deadline of "one month from 31 January"
 * should land at the end of February, never in early March.
 * Clamping is not reversible: 2026-01-31 +1 = 2026-02-28, and -1 from there
 * is 2026-01-28.
 */
export function addCalendarMonths(d: IsoDate, n: number): IsoDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Number of months must be a whole number, got ${n}`);
  const { year, month, day } = parseIsoDate(d);
  // Counting months from year 0 turns year roll-over, in either direction,
  // into one floor division.
  const monthIndex = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  if (targetYear < FIRST_YEAR || targetYear > LAST_YEAR) {
    throw new RangeError(`Adding ${n} months to ${d} goes outside the years ${FIRST_YEAR}–${LAST_YEAR} that an IsoDate can express`);
  }
  return formatIsoDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}
