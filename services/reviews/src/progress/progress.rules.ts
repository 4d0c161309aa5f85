import { compareIsoDates, type IsoDate } from '@scr/calendar';
import type { ErrorCode } from '@scr/graphql-kit';

export type ProgressProblem = { code: ErrorCode; field: string; message: string };

/** What DOMAIN.md step 7 looks at when an extension is recorded. */
export interface ExtensionFacts {
  /** The completion date in force now (original or already extended). */
  currentDueOn: IsoDate;
  newDueOn: IsoDate;
  agreedOn: IsoDate;
  today: IsoDate;
  /** The review's initiation: an extension cannot be agreed before the review began. */
  initiatedOn: IsoDate | null;
  interimLearning: string[];
}

/**
 * An extension is agreed on or before the current due date and not after
 * today, so an overdue review can never be turned into one "within
 * timescale" after the fact; it moves the date later and shows interim
 * learning or corrective action captured meanwhile.
 */
export function extensionProblem(e: ExtensionFacts): ProgressProblem | undefined {
  if (compareIsoDates(e.agreedOn, e.today) > 0) {
    return {
      code: 'INVALID_STAGE',
      field: 'agreedOn',
      message: `An extension cannot be agreed in the future: agreedOn (${e.agreedOn}) is after today (${e.today}).`,
    };
  }
  if (compareIsoDates(e.agreedOn, e.currentDueOn) > 0) {
    return {
      code: 'INVALID_STAGE',
      field: 'agreedOn',
      message: `The review was due on ${e.currentDueOn}; an extension agreed on ${e.agreedOn} is too late and cannot change its timeliness.`,
    };
  }
  if (e.initiatedOn && compareIsoDates(e.agreedOn, e.initiatedOn) < 0) {
    return { code: 'BAD_USER_INPUT', field: 'agreedOn', message: `agreedOn (${e.agreedOn}) cannot be before the review began (${e.initiatedOn}).` };
  }
  if (compareIsoDates(e.newDueOn, e.currentDueOn) <= 0) {
    return { code: 'BAD_USER_INPUT', field: 'completionDueOn', message: `The new completion date must be after the current one (${e.currentDueOn}).` };
  }
  if (e.interimLearning.length === 0) {
    return {
      code: 'BAD_USER_INPUT',
      field: 'interimLearning',
      message: 'An extension needs at least one interim learning point or corrective action captured meanwhile.',
    };
  }
  return undefined;
}

export interface ExtensionRecord {
  agreedOn: IsoDate;
  completionDueOn: IsoDate;
}

/** Oldest first: by the date agreed, then in the order recorded. */
export function inAgreedOrder<T extends ExtensionRecord & { seq: number }>(extensions: readonly T[]): T[] {
  return [...extensions].sort((a, b) => compareIsoDates(a.agreedOn, b.agreedOn) || a.seq - b.seq);
}

/**
 * The completion date as extended by the extensions agreed in time: each
 * one counts only if agreed on or before the date in force when it was
 * agreed. Null when no extension counts (the original date stands).
 * `extensions` oldest first.
 */
export function extendedCompletionDueOn(originalDueOn: IsoDate, extensions: readonly ExtensionRecord[]): IsoDate | null {
  let due = originalDueOn;
  let extended: IsoDate | null = null;
  for (const e of extensions) {
    if (compareIsoDates(e.agreedOn, due) <= 0 && compareIsoDates(e.completionDueOn, due) > 0) {
      due = e.completionDueOn;
      extended = due;
    }
  }
  return extended;
}

/** Completion needs a lead reviewer, findings and the methodology (DOMAIN.md step 7). */
export function completionProblem(r: { hasLead: boolean; hasMethodology: boolean }): ProgressProblem | undefined {
  if (!r.hasLead) return { code: 'BAD_USER_INPUT', field: 'reviewId', message: 'A review can be completed only once a lead reviewer is appointed.' };
  if (!r.hasMethodology) {
    return { code: 'BAD_USER_INPUT', field: 'reviewId', message: 'A review can be completed only once its methodology is recorded (setMethodology).' };
  }
  return undefined;
}

/**
 * Whether completeReview is a client's retry: the review was completed on
 * this date with these findings (completion is the only step that sets
 * completedOn, and findings cannot change once the report is final).
 */
export function isRepeatedCompletion(
  held: { completedOn: IsoDate | null; findings: string | null },
  input: { completedOn: IsoDate; findings: string },
): boolean {
  return held.completedOn !== null && held.completedOn === input.completedOn && held.findings === input.findings;
}

/*
 * Records a review gains (parallel processes, family engagement, extensions)
 * have no id of the client's: the same record again is a client's retry and
 * answers the review as it is, instead of being stored twice.
 */

/** Whether this parallel process is already linked, with the same details. */
export function isSameParallelProcess(
  held: { kind: string; reference: string; leadOrganisation: string | null },
  wanted: { kind: string; reference: string; leadOrganisation: string | null },
): boolean {
  return held.kind === wanted.kind && held.reference === wanted.reference && held.leadOrganisation === wanted.leadOrganisation;
}

/** Whether this engagement with the family is already recorded: the same participant, date, contribution and note. */
export function isSameFamilyEngagement(
  held: { participant: string; engagedOn: IsoDate; contributed: boolean; note: string | null },
  wanted: { participant: string; engagedOn: IsoDate; contributed: boolean; note: string | null },
): boolean {
  return (
    held.participant === wanted.participant &&
    held.engagedOn === wanted.engagedOn &&
    Boolean(held.contributed) === wanted.contributed &&
    held.note === wanted.note
  );
}

/** The same items in the same order. */
export function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** Whether this extension is already recorded: the same new date, agreed on the same day, for the same reason and learning. */
export function isSameExtension(
  held: { reason: string; completionDueOn: IsoDate; agreedOn: IsoDate; interimLearning: readonly string[] },
  wanted: { reason: string; completionDueOn: IsoDate; agreedOn: IsoDate; interimLearning: readonly string[] },
): boolean {
  return (
    held.completionDueOn === wanted.completionDueOn &&
    held.agreedOn === wanted.agreedOn &&
    held.reason === wanted.reason &&
    sameList(held.interimLearning, wanted.interimLearning)
  );
}
