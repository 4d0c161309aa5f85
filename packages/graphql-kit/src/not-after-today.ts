import { compareIsoDates, type IsoDate } from '@scr/calendar';
import { badInput } from './errors';

/** A date that must already have come (a decision, a visit, an assessment): the problem with it, or undefined. */
export function notAfterTodayProblem(field: string, date: IsoDate, today: IsoDate): { field: string; message: string } | undefined {
  return compareIsoDates(date, today) > 0 ? { field, message: `${field} (${date}) cannot be after today (${today}).` } : undefined;
}

/** Refuses, as BAD_USER_INPUT on the field, a date that must already have come but is after today. */
export function notAfterToday(field: string, date: IsoDate, today: IsoDate): void {
  const problem = notAfterTodayProblem(field, date, today);
  if (problem) throw badInput(problem.field, problem.message);
}
