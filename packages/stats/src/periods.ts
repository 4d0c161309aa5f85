/**
 * Reporting periods for statistics. A period is named by a short text key
 * ("2026-03", "2026-Q1", "2026", "2025-26") so that the same key can be
 * computed in TypeScript (periodOf) and in SQL (periodSqlExpression) and the
 * two can be joined without any date arithmetic in between.
 */
import { addCalendarMonths, compareIsoDates, daysInMonth, FIRST_YEAR, parseIsoDate, type IsoDate } from '@scr/calendar';

export type Interval = 'MONTH' | 'QUARTER' | 'YEAR' | 'FINANCIAL_YEAR';

/** How many calendar months one period of each interval spans. */
const MONTHS_PER_PERIOD: Record<Interval, number> = { MONTH: 1, QUARTER: 3, YEAR: 12, FINANCIAL_YEAR: 12 };

/** The UK public-sector financial year starts on 1 April. */
const FINANCIAL_YEAR_FIRST_MONTH = 4;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * The first day of the period holding `date`; every other function derives
 * from it, so the key, the widened window and the period list cannot disagree.
 */
function periodStart(date: IsoDate, interval: Interval): IsoDate {
  const { year, month } = parseIsoDate(date);
  switch (interval) {
    case 'MONTH':
      return `${pad(year, 4)}-${pad(month, 2)}-01`;
    case 'QUARTER':
      return `${pad(year, 4)}-${pad(month - ((month - 1) % 3), 2)}-01`;
    case 'YEAR':
      return `${pad(year, 4)}-01-01`;
    case 'FINANCIAL_YEAR': {
      const startYear = month >= FINANCIAL_YEAR_FIRST_MONTH ? year : year - 1;
      // January–March of the first year would belong to a financial year
      // starting the year before, which an IsoDate cannot express.
      if (startYear < FIRST_YEAR) throw new RangeError(`The financial year of ${date} starts before the year ${pad(FIRST_YEAR, 4)}`);
      return `${pad(startYear, 4)}-${pad(FINANCIAL_YEAR_FIRST_MONTH, 2)}-01`;
    }
    default:
      return unknownInterval(interval);
  }
}

/** The last day of the period holding `date`. */
function periodEnd(date: IsoDate, interval: Interval): IsoDate {
  // The period's last month is (length - 1) months after its first. Taking
  // that month's length, rather than stepping back a day from the next
  // period's start, keeps the last period of 9999 expressible.
  const lastMonth = addCalendarMonths(periodStart(date, interval), MONTHS_PER_PERIOD[interval] - 1);
  const { year, month } = parseIsoDate(lastMonth);
  return `${lastMonth.slice(0, 8)}${pad(daysInMonth(year, month), 2)}`;
}

/** The key of the period that holds `date`, e.g. "2026-03", "2026-Q1", "2026", "2025-26". */
export function periodOf(date: IsoDate, interval: Interval): string {
  const start = periodStart(date, interval);
  const { year, month } = parseIsoDate(start);
  switch (interval) {
    case 'MONTH':
      return start.slice(0, 7);
    case 'QUARTER':
      return `${pad(year, 4)}-Q${(month + 2) / 3}`;
    case 'YEAR':
      return pad(year, 4);
    case 'FINANCIAL_YEAR':
      // Named by its start year and the last two digits of its end year, as
      // published statistics do; 1999-04-01 falls in "1999-00".
      return `${pad(year, 4)}-${pad((year + 1) % 100, 2)}`;
    default:
      return unknownInterval(interval);
  }
}

/**
 * The window from..to widened to whole periods: counts for a part-period
 * would look like a fall in incidents when they are only a shorter window.
 */
export function widenWindow(from: IsoDate, to: IsoDate, interval: Interval): { from: IsoDate; to: IsoDate } {
  requireOrdered(from, to);
  return { from: periodStart(from, interval), to: periodEnd(to, interval) };
}

/** Every period key of the widened window, earliest first, including periods that will turn out empty. */
export function periodsBetween(from: IsoDate, to: IsoDate, interval: Interval): string[] {
  requireOrdered(from, to);
  const first = periodStart(from, interval);
  const last = parseIsoDate(periodStart(to, interval));
  const firstParts = parseIsoDate(first);
  // Counting in months from the first period's start (always the 1st, so
  // addCalendarMonths never clamps) avoids stepping past the last period,
  // which near 9999 would be a date that cannot be written.
  const months = last.year * 12 + last.month - (firstParts.year * 12 + firstParts.month);
  const count = months / MONTHS_PER_PERIOD[interval] + 1;
  return Array.from({ length: count }, (_, i) => periodOf(addCalendarMonths(first, i * MONTHS_PER_PERIOD[interval]), interval));
}

/**
 * How many periods the widened window holds, counted in months so that even
 * a window of centuries costs nothing to measure (periodsBetween would list
 * every one of them).
 */
export function periodCount(from: IsoDate, to: IsoDate, interval: Interval): number {
  const widened = widenWindow(from, to, interval);
  const first = parseIsoDate(widened.from);
  const last = parseIsoDate(widened.to);
  const months = last.year * 12 + last.month - (first.year * 12 + first.month) + 1;
  return months / MONTHS_PER_PERIOD[interval];
}

function requireOrdered(from: IsoDate, to: IsoDate): void {
  // compareIsoDates also rejects malformed or impossible dates.
  if (compareIsoDates(from, to) > 0) {
    throw new RangeError(`The window starts (${from}) after it ends (${to}); give the earlier date first`);
  }
}

function unknownInterval(interval: never): never {
  // Reachable only from untyped callers; a silent default would group every
  // record under one wrong key.
  throw new RangeError(`Unknown interval ${JSON.stringify(interval)}; expected MONTH, QUARTER, YEAR or FINANCIAL_YEAR`);
}

/**
 * A column reference, optionally qualified and quoted (`i`.`aware_on`,
 * "i"."awareOn", i.aware_on). The column is pasted into SQL text, so anything
 * else is refused rather than escaped: it must never carry user input.
 */
const COLUMN_REFERENCE =
  /^(?:[A-Za-z_][A-Za-z0-9_]*|`[A-Za-z_][A-Za-z0-9_]*`|"[A-Za-z_][A-Za-z0-9_]*")(?:\.(?:[A-Za-z_][A-Za-z0-9_]*|`[A-Za-z_][A-Za-z0-9_]*`|"[A-Za-z_][A-Za-z0-9_]*"))?$/;

/**
 * An SQL expression giving periodOf(column, interval) for a DATE column, so
 * counts can be grouped in the database instead of loading every record.
 * On MySQL/MariaDB the column is a DATE; on SQLite it is 'YYYY-MM-DD' text,
 * so plain substrings of it are already the year and month.
 */
export function periodSqlExpression(column: string, interval: Interval, dialect: 'mysql' | 'sqlite'): string {
  if (!COLUMN_REFERENCE.test(column)) {
    throw new Error(`periodSqlExpression needs a plain column reference, got ${JSON.stringify(column)}`);
  }
  if (dialect === 'mysql') return mysqlPeriod(column, interval);
  if (dialect === 'sqlite') return sqlitePeriod(column, interval);
  throw new Error(`Unknown SQL dialect ${JSON.stringify(dialect)}; expected mysql or sqlite`);
}

function mysqlPeriod(c: string, interval: Interval): string {
  // DATE_FORMAT's %Y is zero-padded to four digits, as periodOf is; YEAR()
  // would print 999 for 0999. MOD(..., 100) padded to two digits gives "00"
  // for a financial year ending in 2000 or 2100.
  switch (interval) {
    case 'MONTH':
      return `DATE_FORMAT(${c}, '%Y-%m')`;
    case 'QUARTER':
      return `CONCAT(DATE_FORMAT(${c}, '%Y'), '-Q', QUARTER(${c}))`;
    case 'YEAR':
      return `DATE_FORMAT(${c}, '%Y')`;
    case 'FINANCIAL_YEAR':
      return (
        `CASE WHEN MONTH(${c}) >= ${FINANCIAL_YEAR_FIRST_MONTH} ` +
        `THEN CONCAT(DATE_FORMAT(${c}, '%Y'), '-', LPAD(MOD(YEAR(${c}) + 1, 100), 2, '0')) ` +
        `ELSE CONCAT(LPAD(YEAR(${c}) - 1, 4, '0'), '-', LPAD(MOD(YEAR(${c}), 100), 2, '0')) END`
      );
    default:
      return unknownInterval(interval);
  }
}

function sqlitePeriod(c: string, interval: Interval): string {
  // SQLite has no date type: the text's first four characters are the year
  // and characters 6–7 the month, so slicing is exact and index-friendly.
  const year = `cast(substr(${c}, 1, 4) as integer)`;
  const month = `cast(substr(${c}, 6, 2) as integer)`;
  switch (interval) {
    case 'MONTH':
      return `substr(${c}, 1, 7)`;
    case 'QUARTER':
      // Integer division: months 1–3 -> 1, 4–6 -> 2, 7–9 -> 3, 10–12 -> 4.
      return `(substr(${c}, 1, 4) || '-Q' || ((${month} + 2) / 3))`;
    case 'YEAR':
      return `substr(${c}, 1, 4)`;
    case 'FINANCIAL_YEAR':
      return (
        `(CASE WHEN ${month} >= ${FINANCIAL_YEAR_FIRST_MONTH} ` +
        `THEN substr(${c}, 1, 4) || '-' || printf('%02d', (${year} + 1) % 100) ` +
        `ELSE printf('%04d', ${year} - 1) || '-' || substr(${c}, 3, 2) END)`
      );
    default:
      return unknownInterval(interval);
  }
}
