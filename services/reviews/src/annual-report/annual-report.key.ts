import { badInput } from '@scr/graphql-kit';
import { financialYearWindow } from '@scr/stats';

/** The report's key with its year's first and last days; a bad year is BAD_USER_INPUT. */
export function annualReportWindow(financialYear: string, today: string): { from: string; to: string } {
  const window = financialYearWindow(financialYear, today);
  if ('problem' in window) throw badInput('financialYear', window.problem);
  return window;
}
