import { addDays, IsoDate, parseIsoDate } from './iso-date';
import { todayInLondon } from './today';

const HOUR_MS = 3_600_000;

/**
 * The instant a London calendar day begins, for comparing stored instants
 * (UTC) with board dates: "requested in 2025-26" means from the first moment
 * of 1 April in London, which is 23:00 UTC the day before all summer.
 * London is UTC or UTC+1, so midnight there is 00:00 or 23:00 the day before.
 */
export function startOfLondonDay(date: IsoDate): Date {
  const { year, month, day } = parseIsoDate(date);
  const utcMidnight = Date.UTC(year, month - 1, day);
  const hourBefore = new Date(utcMidnight - HOUR_MS);
  return todayInLondon(hourBefore) === date ? hourBefore : new Date(utcMidnight);
}

/** The instant just after a London calendar day ends (the next day's start). */
export function endOfLondonDay(date: IsoDate): Date {
  return startOfLondonDay(addDays(date, 1));
}
