/**
 * Calendar dates as plain 'YYYY-MM-DD' strings. A date with no time or zone
 * cannot drift across midnight when it is serialised, stored or compared, so
 * every function here works on the string and only borrows a UTC Date for
 * arithmetic: UTC has no daylight-saving jumps, so "one day" is always
 * exactly 86 400 000 ms, which local-time arithmetic cannot promise.
 */

/** A calendar date written 'YYYY-MM-DD' (e.g. '2026-12-25'). */
export type IsoDate = string;

export interface IsoDateParts {
  readonly year: number;
  /** 1 = January … 12 = December, as written in the string. */
  readonly month: number;
  readonly day: number;
}

export class InvalidDateError extends Error {
  readonly input: unknown;

  constructor(input: unknown, problem: string) {
    super(`Invalid date ${describe(input)}: ${problem}`);
    this.name = 'InvalidDateError';
    this.input = input;
  }
}

function describe(input: unknown): string {
  if (typeof input === 'string') return JSON.stringify(input);
  if (input === null || input === undefined) return String(input);
  return `of type ${typeof input}`;
}

const DAY_MS = 86_400_000;
// \d without the u flag matches ASCII digits only, so full-width or other
// script digits cannot slip through to Number().
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The years a date may fall in. There is no year 0000 in the calendar people
 * write dates in (1 BC is followed by AD 1), and ISO 8601 leaves years before
 * 1583 to agreement between the parties, so 0000-01-01 is refused as a date
 * like 2026-02-30 is, not read as a proleptic "year zero".
 */
export const FIRST_YEAR = 1;
export const LAST_YEAR = 9999;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Returns why `s` is not a valid IsoDate, or its parts when it is. */
function check(s: unknown): IsoDateParts | string {
  if (typeof s !== 'string') return "expected a string in the form 'YYYY-MM-DD'";
  const match = ISO_DATE_PATTERN.exec(s);
  if (!match) return "expected the form 'YYYY-MM-DD' with a four-digit year and two-digit month and day";
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < FIRST_YEAR) return 'year 0000 does not exist (1 BC is followed by AD 1)';
  if (month < 1 || month > 12) return `month ${match[2]} does not exist`;
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) {
    return `day ${match[3]} does not exist in ${match[1]}-${match[2]}, which has ${lastDay} days`;
  }
  return { year, month, day };
}

export function isValidIsoDate(s: unknown): s is IsoDate {
  return typeof check(s) !== 'string';
}

/** Splits a date into numbers, throwing InvalidDateError for anything that is not a real calendar day. */
export function parseIsoDate(s: IsoDate): IsoDateParts {
  const result = check(s);
  if (typeof result === 'string') throw new InvalidDateError(s, result);
  return result;
}

export function formatIsoDate(parts: IsoDateParts): IsoDate {
  const text = [String(parts.year).padStart(4, '0'), String(parts.month).padStart(2, '0'), String(parts.day).padStart(2, '0')].join('-');
  // Building from parts is the one way to create a date without parsing, so
  // it must not become a back door for 2026-02-30 or five-digit years.
  parseIsoDate(text);
  return text;
}

/** Days since 1970-01-01; a plain integer is the simplest thing to add to. */
function toEpochDay({ year, month, day }: IsoDateParts): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / DAY_MS);
}

function fromEpochDay(epochDay: number): IsoDateParts {
  const date = new Date(epochDay * DAY_MS);
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new RangeError(`Date arithmetic went outside the years ${FIRST_YEAR}–${LAST_YEAR} that an IsoDate can express`);
  }
  return { year, month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function requireInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a whole number, got ${value}`);
}

/** Negative when a is earlier than b, zero when equal, positive when later (for Array#sort). */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  // Parsing first means a malformed value throws instead of sorting somewhere
  // plausible; once valid, the fixed-width format orders like the calendar.
  parseIsoDate(a);
  parseIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The date n days after d (before it when n is negative). */
export function addDays(d: IsoDate, n: number): IsoDate {
  requireInteger('Number of days', n);
  return formatIsoDate(fromEpochDay(toEpochDay(parseIsoDate(d)) + n));
}

/** Whole days from a to b: positive when b is later, so addDays(a, daysBetween(a, b)) === b. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toEpochDay(parseIsoDate(b)) - toEpochDay(parseIsoDate(a));
}

/** 0 = Sunday … 6 = Saturday, the same numbering as Date#getUTCDay. */
export function dayOfWeek(d: IsoDate): number {
  // 1970-01-01 was a Thursday (4); the double modulo keeps earlier dates positive.
  return (((toEpochDay(parseIsoDate(d)) + 4) % 7) + 7) % 7;
}
