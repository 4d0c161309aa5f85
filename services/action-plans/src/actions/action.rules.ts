import { compareIsoDates, daysBetween, type IsoDate } from '@scr/calendar';
import { notAfterTodayProblem } from '@scr/graphql-kit';
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
 * isOverdue in SQL, for counts and filters: `status` is a status expression
 * (a column, or the status as at a date), `due` the due-date column, `param`
 * the name of the date parameter. `__integration__` checks both agree.
 */
export function overdueSql(status: string, due: string, param: string): string {
  return `(${status} IN ('${ActionStatus.NOT_STARTED}', '${ActionStatus.IN_PROGRESS}') AND ${due} < :${param})`;
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

type Problem<C extends string> = { code: C; message: string };

/** Only the board's manager or chair drops an action: an owner agency may not drop its own and so clear it from the overdue list. */
export function dropProblem(to: ActionStatus, isBoardStaffOfActionBoard: boolean): Problem<'FORBIDDEN'> | undefined {
  if (to === ActionStatus.DROPPED && !isBoardStaffOfActionBoard) {
    return { code: 'FORBIDDEN', message: "Only the board's manager or chair can drop an action; record progress with IN_PROGRESS or COMPLETED instead." };
  }
  return undefined;
}

/** An action is due on or after the review's initiation: it cannot be owed before the review that asked for it began. */
export function dueDateProblem(dueOn: IsoDate, initiatedOn: IsoDate | null): string | undefined {
  if (initiatedOn && compareIsoDates(dueOn, initiatedOn) < 0) {
    return `dueOn (${dueOn}) is before the review was initiated (${initiatedOn}); give a date on or after ${initiatedOn}.`;
  }
  return undefined;
}

/** Impact is evidence of what a completed action changed: nothing to assess before it is done. */
export function impactProblem(status: ActionStatus): Problem<'INVALID_STAGE'> | undefined {
  if (status !== ActionStatus.COMPLETED) {
    return { code: 'INVALID_STAGE', message: `Impact is assessed only on a completed action; this one is ${status}.` };
  }
  return undefined;
}

/** A programme audit has happened (not in the future) and says what it found. */
export function programmeAuditProblem(auditedOn: IsoDate, findings: string, today: IsoDate, maxLength: number): { field: string; message: string } | undefined {
  const future = notAfterTodayProblem('auditedOn', auditedOn, today);
  if (future) return future;
  const text = findings.trim();
  if (text === '') return { field: 'findings', message: 'findings must not be empty: say what the audit of the programme found.' };
  if (text.length > maxLength) return { field: 'findings', message: `findings is longer than ${maxLength} characters.` };
  return undefined;
}

/** Any status may follow any other, except that COMPLETED and DROPPED are final; DROPPED needs a note. */
export function transitionProblem(
  from: ActionStatus,
  to: ActionStatus,
  note: string,
): { code: 'INVALID_STAGE' | 'BAD_USER_INPUT'; message: string } | undefined {
  if (isClosed(from)) return { code: 'INVALID_STAGE', message: `The action is ${from}; a ${from.toLowerCase()} action cannot change status.` };
  if (to === ActionStatus.DROPPED && note.trim() === '') return { code: 'BAD_USER_INPUT', message: 'Dropping an action needs a note saying why.' };
  return undefined;
}

/**
 * Whether updateAction is a client's retry of the update just made: the
 * action is one version past the one expected, and its latest update is this
 * status and note by the same caller. Anything else stays a stale write.
 */
export function isRepeatedUpdate(
  action: { version: number; status: ActionStatus },
  latest: { by: string; status: ActionStatus; note: string } | null,
  input: { expectedVersion: number; status: ActionStatus; note: string },
  caller: string,
): boolean {
  return (
    action.version === input.expectedVersion + 1 &&
    action.status === input.status &&
    latest !== null &&
    latest.by === caller &&
    latest.status === input.status &&
    latest.note === input.note
  );
}

/** The same items in the same order. */
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, i) => value === b[i]);

/** Whether addAction is a client's retry: the plan already has this very action (recommendation, description, owner, due date, criteria). */
export function isSameAction(
  held: { recommendation: string; description: string; ownerAgencyId: string; dueOn: IsoDate; successCriteria: readonly string[] },
  wanted: { recommendation: string; description: string; ownerAgencyId: string; dueOn: IsoDate; successCriteria: readonly string[] },
): boolean {
  return (
    held.recommendation === wanted.recommendation &&
    held.description === wanted.description &&
    held.ownerAgencyId === wanted.ownerAgencyId &&
    held.dueOn === wanted.dueOn &&
    sameList(held.successCriteria, wanted.successCriteria)
  );
}

/** Whether assessImpact is a client's retry: the action already holds this rating, evidence and date. */
export function isSameImpactAssessment(
  held: { impactRating: string | null; impactEvidence: string | null; impactAssessedOn: IsoDate | null },
  wanted: { rating: string; evidence: string; assessedOn: IsoDate },
): boolean {
  return held.impactRating === wanted.rating && held.impactEvidence === wanted.evidence && held.impactAssessedOn === wanted.assessedOn;
}

/** Whether recordProgrammeAudit is a client's retry: the plan already holds an audit on this date with these findings. */
export function isSameProgrammeAudit(held: { auditedOn: IsoDate; findings: string }, wanted: { auditedOn: IsoDate; findings: string }): boolean {
  return held.auditedOn === wanted.auditedOn && held.findings === wanted.findings;
}
