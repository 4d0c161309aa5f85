/**
 * The windows statistics may be asked for (DOMAIN.md "Statistics"). Each
 * period is a row per key in the answer and the whole window is one scan of
 * the board's records, so an unbounded window (0001 to 9999 by month is
 * 120,000 periods) would hold the subgraph's one thread for seconds.
 */
import { compareIsoDates, isValidIsoDate, parseIsoDate, type IsoDate } from '@scr/calendar';
import { periodCount, type Interval } from './periods';

/** No board's records start earlier: the statutory regimes in the data begin after it. */
export const EARLIEST_STATISTICS_DATE: IsoDate = '2000-01-01';
/** At most this many periods of the window's interval (ten years by month). */
export const MAX_STATISTICS_PERIODS = 120;

/** What is wrong with a window, naming the argument to change. */
export interface WindowProblem {
  argument: 'from' | 'to';
  message: string;
}

const PERIOD_NAMES: Record<Interval, string> = { MONTH: 'months', QUARTER: 'quarters', YEAR: 'years', FINANCIAL_YEAR: 'financial years' };

/** The last day a window may end on: 31 December of next year, `today` being London's date. */
export function latestStatisticsDate(today: IsoDate): IsoDate {
  return `${String(parseIsoDate(today).year + 1).padStart(4, '0')}-12-31`;
}

/**
 * Why the window from..to (of `interval`, or a single figure over the whole
 * window when null) cannot be answered, or null when it can. The bounds are
 * checked on the dates given; the period count on the window widened to whole
 * periods, as it will be answered.
 */
export function statisticsWindowProblem(from: IsoDate, to: IsoDate, interval: Interval | null, today: IsoDate): WindowProblem | null {
  if (!isValidIsoDate(from)) return { argument: 'from', message: `from (${String(from)}) is not a date: give it as YYYY-MM-DD.` };
  if (!isValidIsoDate(to)) return { argument: 'to', message: `to (${String(to)}) is not a date: give it as YYYY-MM-DD.` };
  if (compareIsoDates(from, to) > 0) return { argument: 'from', message: `from (${from}) is after to (${to}): give the earlier date first.` };
  if (compareIsoDates(from, EARLIEST_STATISTICS_DATE) < 0) {
    return { argument: 'from', message: `Statistics start on ${EARLIEST_STATISTICS_DATE} at the earliest, and from is ${from}. Give a later from.` };
  }
  const latest = latestStatisticsDate(today);
  if (compareIsoDates(to, latest) > 0) {
    return { argument: 'to', message: `Statistics end on ${latest} (the end of next year) at the latest, and to is ${to}. Give an earlier to.` };
  }
  if (interval !== null) {
    const periods = periodCount(from, to, interval);
    if (periods > MAX_STATISTICS_PERIODS) {
      return {
        argument: 'to',
        message: `The window ${from} to ${to} spans ${periods} ${PERIOD_NAMES[interval]}; at most ${MAX_STATISTICS_PERIODS} are answered at once. Ask for a shorter window or a longer interval.`,
      };
    }
  }
  return null;
}
