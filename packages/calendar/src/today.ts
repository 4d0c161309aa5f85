import { IsoDate } from './iso-date';
import { addCalendarMonths } from './months';

/**
 * The boards work to the calendar in England, so "today" is the date on a
 * London wall clock, not the server's local zone (often UTC in containers,
 * which is an hour behind London all summer).
 */

// Built once: constructing an Intl formatter is far slower than using one.
const LONDON_DATE = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * London is UTC or an hour ahead, so its date turns only on a UTC hour and is
 * the same all through one: every request asks, and the last hour's answer serves it.
 */
let lastHour: { hour: number; date: IsoDate } | undefined;

export function todayInLondon(now: Date = new Date()): IsoDate {
  const ms = now.getTime();
  if (Number.isNaN(ms)) throw new RangeError('todayInLondon was given an invalid Date');
  const hour = Math.floor(ms / 3_600_000);
  if (lastHour?.hour === hour) return lastHour.date;
  const date = londonDateOf(now);
  lastHour = { hour, date };
  return date;
}

function londonDateOf(now: Date): IsoDate {
  // Read the parts rather than the formatted string: the string's order and
  // separators belong to the locale, the parts do not.
  const parts = LONDON_DATE.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string => {
    const found = parts.find((p) => p.type === type);
    if (!found) throw new Error(`Intl did not return a ${type} for ${now.toISOString()}`);
    return found.value;
  };
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

// Wall-clock time in London, for instants that must follow the boards'
// calendar: "sent on publishedOn" starts at London midnight, and "3 calendar
// months after the request" keeps the London time of day.
const LONDON_WALL_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** How far London's wall clock is ahead of UTC at `instantMs` (0 in winter, 1 h in summer). */
function londonOffsetMs(instantMs: number): number {
  const parts = Object.fromEntries(LONDON_WALL_CLOCK.formatToParts(new Date(instantMs)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - (instantMs - (((instantMs % 1000) + 1000) % 1000));
}

/**
 * A date's year, month and day as numbers. A missing field reads as NaN, as
 * Number(undefined) did before, so a malformed date still yields an Invalid
 * Date here rather than an exception.
 */
function dateParts(date: IsoDate): [number, number, number] {
  const [year = NaN, month = NaN, day = NaN] = date.split('-').map(Number);
  return [year, month, day];
}

/** The instant a London wall clock shows `date` at the given time of day (ms after midnight). */
export function londonInstant(date: IsoDate, msOfDay = 0): Date {
  const [year, month, day] = dateParts(date);
  const asUtc = Date.UTC(year, month - 1, day) + msOfDay;
  const first = asUtc - londonOffsetMs(asUtc);
  // Near a clock change the offset at the first guess can be the other one.
  return new Date(asUtc - londonOffsetMs(first));
}

/** The first instant of `date` in London. */
export function startOfLondonDay(date: IsoDate): Date {
  return londonInstant(date, 0);
}

/**
 * `n` calendar months after an instant, by London's calendar and at the same
 * London time of day; a day past the target month's end clamps to its last day.
 */
export function addLondonCalendarMonths(instant: Date, n: number): Date {
  const date = todayInLondon(instant);
  const [year, month, day] = dateParts(date);
  const msOfDay = instant.getTime() + londonOffsetMs(instant.getTime()) - Date.UTC(year, month - 1, day);
  return londonInstant(addCalendarMonths(date, n), msOfDay);
}
