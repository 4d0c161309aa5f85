import { IsoDate, parseIsoDate } from './iso-date';

/** DOMAIN.md: working days are defined for every date from 2000 to 2099, and for no other. */
export const CALENDAR_FROM_YEAR = 2000;
export const CALENDAR_TO_YEAR = 2099;

/**
 * A date the platform's calendar does not cover. A RangeError (a date out of
 * range), answered to a caller as BAD_USER_INPUT, never as an internal error.
 */
export class OutsideCalendarError extends RangeError {
  constructor(
    readonly date: IsoDate,
    message = `Working days are defined for ${CALENDAR_FROM_YEAR}–${CALENDAR_TO_YEAR} only; ${date} is outside that range.`,
  ) {
    super(message);
    this.name = 'OutsideCalendarError';
  }
}

export function isInCalendarRange(d: IsoDate): boolean {
  const { year } = parseIsoDate(d);
  return year >= CALENDAR_FROM_YEAR && year <= CALENDAR_TO_YEAR;
}

export function assertInCalendarRange(d: IsoDate): void {
  if (!isInCalendarRange(d)) throw new OutsideCalendarError(d);
}

/** The value, or null when computing it needs a date outside the calendar (a deadline beyond 2099). */
export function orNullOutsideCalendar<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof OutsideCalendarError) return null;
    throw error;
  }
}
