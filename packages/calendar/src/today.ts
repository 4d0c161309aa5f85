import { IsoDate } from './iso-date';

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

export function todayInLondon(now: Date = new Date()): IsoDate {
  if (Number.isNaN(now.getTime())) throw new RangeError('todayInLondon was given an invalid Date');
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
