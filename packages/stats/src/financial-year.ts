import { compareIsoDates, type IsoDate } from '@scr/calendar';
import { periodOf } from './periods';
// The window's bounds, defined once for every statistics question.
import { EARLIEST_STATISTICS_DATE, latestStatisticsDate } from './window';

const FINANCIAL_YEAR_PATTERN = /^(\d{4})-(\d{2})$/;

/**
 * A financial year named as the statistics name it ("2025-26": 1 April 2025
 * to 31 March 2026), checked against the statistics window: it starts on or
 * after 2000-01-01 and ends no later than the end of next year. Answers the
 * year's first and last days, or the problem in plain words.
 */
export function financialYearWindow(name: string, today: IsoDate): { from: IsoDate; to: IsoDate } | { problem: string } {
  const match = FINANCIAL_YEAR_PATTERN.exec(name);
  const example = 'write it like "2025-26" (April 2025 to March 2026)';
  // Echo only what could be a year's name: a long or odd input is not repeated back.
  if (!match) return { problem: `financialYear ${name.length <= 12 ? `"${name}" ` : ''}is not a financial year: ${example}.` };
  const start = Number(match[1]);
  const from = `${match[1]}-04-01`;
  // The name is periodOf's for its first day, so the two can never disagree.
  if (periodOf(from, 'FINANCIAL_YEAR') !== name) {
    return { problem: `financialYear "${name}" names two years that do not follow each other: ${example}.` };
  }
  const to = `${String(start + 1).padStart(4, '0')}-03-31`;
  if (compareIsoDates(from, EARLIEST_STATISTICS_DATE) < 0) {
    return { problem: `financialYear ${name} starts before ${EARLIEST_STATISTICS_DATE}, the earliest date statistics cover.` };
  }
  const latest = latestStatisticsDate(today);
  if (compareIsoDates(to, latest) > 0) {
    return { problem: `financialYear ${name} ends after ${latest}: statistics go no further than the end of next year.` };
  }
  return { from, to };
}
