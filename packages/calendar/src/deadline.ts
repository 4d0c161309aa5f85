import { compareIsoDates, IsoDate, parseIsoDate } from './iso-date';

/**
 * PENDING: not done, due today or later.
 * MET: done on or before the due date.
 * LATE: done, but after the due date (stays LATE for good once recorded).
 * OVERDUE: not done and the due date has passed.
 */
export type DeadlineStatus = 'PENDING' | 'MET' | 'LATE' | 'OVERDUE';

/**
 * `today` is a parameter rather than read from the clock so the status is
 * reproducible in tests and a whole report can be judged against one date
 * (see todayInLondon). A due date of today is still PENDING: the work can
 * be done until the day ends.
 */
export function deadlineStatus(dueOn: IsoDate, doneOn: IsoDate | null | undefined, today: IsoDate): DeadlineStatus {
  // Validate everything up front so a bad `today` is reported even when the
  // answer would not have needed it.
  parseIsoDate(today);
  if (doneOn !== null && doneOn !== undefined) {
    return compareIsoDates(doneOn, dueOn) <= 0 ? 'MET' : 'LATE';
  }
  return compareIsoDates(today, dueOn) > 0 ? 'OVERDUE' : 'PENDING';
}
