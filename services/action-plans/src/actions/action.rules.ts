import { compareIsoDates, daysBetween, type IsoDate } from '@scr/calendar';
import { ActionStatus, Rag } from './action.enums';

/** Days before the due date from which an open action shows AMBER. */
export const AMBER_WITHIN_DAYS = 30;

const CLOSED = [ActionStatus.COMPLETED, ActionStatus.DROPPED];

export const isClosed = (status: ActionStatus) => CLOSED.includes(status);

/** Open (not completed, not dropped) and past its due date. */
export function isOverdue(action: { status: ActionStatus; dueOn: IsoDate }, today: IsoDate): boolean {
  return !isClosed(action.status) && compareIsoDates(today, action.dueOn) > 0;
}

/**
 * GREEN when completed (or dropped: nothing more is owed) or due in more than
 * 30 days, AMBER when due within 30 days, RED when overdue.
 */
export function rag(action: { status: ActionStatus; dueOn: IsoDate }, today: IsoDate): Rag {
  if (isClosed(action.status)) return Rag.GREEN;
  if (isOverdue(action, today)) return Rag.RED;
  return daysBetween(today, action.dueOn) > AMBER_WITHIN_DAYS ? Rag.GREEN : Rag.AMBER;
}

/** Any status may follow any other, except that COMPLETED and DROPPED are final; DROPPED needs a note. */
export function transitionProblem(from: ActionStatus, to: ActionStatus, note: string): { code: 'INVALID_STAGE' | 'BAD_USER_INPUT'; message: string } | undefined {
  if (isClosed(from)) return { code: 'INVALID_STAGE', message: `The action is ${from}; a ${from.toLowerCase()} action cannot change status.` };
  if (to === ActionStatus.DROPPED && note.trim() === '') return { code: 'BAD_USER_INPUT', message: 'Dropping an action needs a note saying why.' };
  return undefined;
}
