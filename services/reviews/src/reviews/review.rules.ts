import { addCalendarMonths, addWorkingDays, compareIsoDates, deadlineStatus, orNullOutsideCalendar, type IsoDate } from '@scr/calendar';
import { AgencySector, regimeAt as sharedRegimeAt } from '@scr/graphql-kit';
import { DecisionOutcome, Regime, ReviewKind, ReviewStage } from './review.enums';

export const LSCB_DECISION_MONTHS = 1;
export const RAPID_REVIEW_WORKING_DAYS = 15;
export const COMPLETION_MONTHS = 6;
export const SAFEGUARDING_PARTNERS = [AgencySector.CHILDRENS_SOCIAL_CARE, AgencySector.HEALTH, AgencySector.POLICE];

/** LSCB regime when notified before the board's partnership arrangements began (or it has none); the shared definition. */
export function regimeAt(notifiedOn: IsoDate, partnershipArrangementsFrom: IsoDate | null): Regime {
  return sharedRegimeAt(notifiedOn, partnershipArrangementsFrom) === 'LSCB' ? Regime.LSCB : Regime.PARTNERSHIP;
}

/**
 * The review a notified incident opens: a serious case review or a rapid
 * review, with its decision deadline. A rapid review notified in the last
 * days of 2099 opens with no deadline (null): the calendar ends before it.
 * Refusing would leave the event to be retried for ever and the case with
 * no review at all.
 */
export function reviewOpening(regime: Regime, notifiedOn: IsoDate): { kind: ReviewKind; decisionDueOn: IsoDate | null } {
  return regime === Regime.LSCB
    ? { kind: ReviewKind.SERIOUS_CASE_REVIEW, decisionDueOn: addCalendarMonths(notifiedOn, LSCB_DECISION_MONTHS) }
    : { kind: ReviewKind.RAPID_REVIEW, decisionDueOn: orNullOutsideCalendar(() => addWorkingDays(notifiedOn, RAPID_REVIEW_WORKING_DAYS)) };
}

export interface DecisionFacts {
  regime: Regime;
  outcome: DecisionOutcome;
  criteriaMet: boolean;
  partnersAgreed: AgencySector[];
  /** The incident's facts as last heard from the incidents subgraph, when known. */
  incident?: IncidentCriteriaFacts | null;
}

export interface IncidentCriteriaFacts {
  criterion: string;
  abuseOrNeglect: string;
}

/**
 * Regulation 5(2) met by the facts alone: a child (looked after or not) died
 * and abuse or neglect is known or suspected. For a seriously harmed child
 * the chair judges the cause for concern about how agencies worked together.
 */
export function seriousCaseCriteriaMetByFacts(incident: IncidentCriteriaFacts): boolean {
  const died = incident.criterion === 'CHILD_DIED' || incident.criterion === 'LOOKED_AFTER_CHILD_DIED';
  return died && (incident.abuseOrNeglect === 'KNOWN' || incident.abuseOrNeglect === 'SUSPECTED');
}

/** Why a decision cannot be recorded, or undefined: the statutory rules of DOMAIN.md step 3. */
export function decisionProblem(d: DecisionFacts): { field: string; message: string } | undefined {
  if (d.regime === Regime.LSCB && !d.criteriaMet && d.incident && seriousCaseCriteriaMetByFacts(d.incident)) {
    return {
      field: 'criteriaMet',
      message:
        'A child died and abuse or neglect is known or suspected, so the serious case review criteria (regulation 5(2)) are met by the facts: criteriaMet cannot be false. The chair judges them only for a seriously harmed child.',
    };
  }
  if (d.regime === Regime.LSCB && d.criteriaMet && d.outcome !== DecisionOutcome.INITIATE_REVIEW) {
    return {
      field: 'outcome',
      message: 'The serious case review criteria are met, so the outcome must be INITIATE_REVIEW (regulation 5(2)).',
    };
  }
  if (d.regime === Regime.PARTNERSHIP) {
    const missing = SAFEGUARDING_PARTNERS.filter((p) => !d.partnersAgreed.includes(p));
    if (missing.length) {
      return {
        field: 'partnersAgreed',
        message: `A rapid review decision needs the agreement of all three safeguarding partners; missing: ${missing.join(', ')}.`,
      };
    }
  }
  return undefined;
}

/** The kind and stage a decision leads to. */
export function afterDecision(kind: ReviewKind, outcome: DecisionOutcome): { kind: ReviewKind; stage: ReviewStage; initiates: boolean } {
  switch (outcome) {
    case DecisionOutcome.INITIATE_REVIEW:
      return {
        kind: kind === ReviewKind.RAPID_REVIEW ? ReviewKind.LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW : kind,
        stage: ReviewStage.IN_PROGRESS,
        initiates: true,
      };
    case DecisionOutcome.COMMISSION_ALTERNATIVE_REVIEW:
      return { kind: ReviewKind.ALTERNATIVE_REVIEW, stage: ReviewStage.IN_PROGRESS, initiates: true };
    default:
      return { kind, stage: ReviewStage.NOT_PROCEEDING, initiates: false };
  }
}

export function completionDueOn(initiatedOn: IsoDate): IsoDate {
  return addCalendarMonths(initiatedOn, COMPLETION_MONTHS);
}

/**
 * A review's dates as stored: `extendedCompletionDueOn` holds the due date as
 * extended by the extensions agreed in time (progress.rules
 * extendedCompletionDueOn), null when none counts.
 */
export interface TimescaleFacts {
  completionDueOn: IsoDate | null;
  extendedCompletionDueOn: IsoDate | null;
  completedOn: IsoDate | null;
}

/** The completion date in force; null before initiation. */
export function effectiveCompletionDueOn(review: TimescaleFacts): IsoDate | null {
  return review.extendedCompletionDueOn ?? review.completionDueOn;
}

/** Timeliness of the review against its (possibly extended) completion date; null before initiation. */
export function timescaleStatus(review: TimescaleFacts, today: IsoDate) {
  const due = effectiveCompletionDueOn(review);
  return due ? deadlineStatus(due, review.completedOn, today) : null;
}

/**
 * "Completed within timescale", the one definition (review timeliness
 * statistics, annual report): completed on or before the completion date as
 * extended by extensions agreed in time. False when not completed or never
 * initiated.
 */
export function completedWithinTimescale(review: TimescaleFacts): boolean {
  const due = effectiveCompletionDueOn(review);
  return !!review.completedOn && !!due && compareIsoDates(review.completedOn, due) <= 0;
}

/** The same rule in SQL over a reviews alias (checked against the function on both databases). */
export function completedWithinTimescaleSql(alias: string): string {
  return `(${alias}.completed_on IS NOT NULL AND ${alias}.completed_on <= COALESCE(${alias}.extended_completion_due_on, ${alias}.completion_due_on))`;
}

/** A decision is on time when made on or before its due date (a referral's review has none: always on time). */
export function decidedOnTime(review: { decidedOn: IsoDate | null; decisionDueOn: IsoDate | null }): boolean {
  return !!review.decidedOn && (!review.decisionDueOn || compareIsoDates(review.decidedOn, review.decisionDueOn) <= 0);
}

/** The same rule in SQL over a reviews alias. */
export function decidedOnTimeSql(alias: string): string {
  return `(${alias}.decided_on IS NOT NULL AND (${alias}.decision_due_on IS NULL OR ${alias}.decided_on <= ${alias}.decision_due_on))`;
}

/** Stages in which the case is over for its reviewers: their access ends (DOMAIN.md step 6). */
export const REVIEWER_ACCESS_ENDED_STAGES: readonly ReviewStage[] = [ReviewStage.PUBLISHED, ReviewStage.CLOSED, ReviewStage.NOT_PROCEEDING];

export function reviewerHasAccess(stage: ReviewStage): boolean {
  return !REVIEWER_ACCESS_ENDED_STAGES.includes(stage);
}

/** The same rule in SQL over a reviews alias. */
export function reviewerHasAccessSql(alias: string): string {
  return `${alias}.stage NOT IN (${REVIEWER_ACCESS_ENDED_STAGES.map((s) => `'${s}'`).join(', ')})`;
}

/** A review that ends without completing: its open information requests are withdrawn with it (DOMAIN.md step 8). */
export function endsWithoutCompleting(stage: ReviewStage): boolean {
  return stage === ReviewStage.NOT_PROCEEDING || stage === ReviewStage.CLOSED;
}

/** The stages from which each step may be taken; anything else is INVALID_STAGE. */
export const STAGES_FOR = {
  recordDecision: [ReviewStage.AWAITING_DECISION],
  setMethodology: [ReviewStage.IN_PROGRESS],
  appointReviewer: [ReviewStage.AWAITING_DECISION, ReviewStage.IN_PROGRESS],
  involveAgency: [ReviewStage.AWAITING_DECISION, ReviewStage.IN_PROGRESS],
  requestInformation: [ReviewStage.AWAITING_DECISION, ReviewStage.IN_PROGRESS],
  extendTimescale: [ReviewStage.IN_PROGRESS],
  linkParallelProcess: [ReviewStage.AWAITING_DECISION, ReviewStage.IN_PROGRESS, ReviewStage.REPORT_FINAL, ReviewStage.PUBLISHED],
  recordFamilyEngagement: [ReviewStage.AWAITING_DECISION, ReviewStage.IN_PROGRESS, ReviewStage.REPORT_FINAL],
  setThemes: [ReviewStage.IN_PROGRESS, ReviewStage.REPORT_FINAL],
  recordFindings: [ReviewStage.IN_PROGRESS],
  completeReview: [ReviewStage.IN_PROGRESS],
  publishReview: [ReviewStage.REPORT_FINAL],
  closeReview: [ReviewStage.NOT_PROCEEDING, ReviewStage.PUBLISHED],
  requestPeerChallenge: [ReviewStage.AWAITING_DECISION, ReviewStage.NOT_PROCEEDING, ReviewStage.IN_PROGRESS, ReviewStage.REPORT_FINAL, ReviewStage.PUBLISHED],
} satisfies Record<string, ReviewStage[]>;

export function stageProblem(step: keyof typeof STAGES_FOR, stage: ReviewStage): string | undefined {
  const allowed: readonly ReviewStage[] = STAGES_FOR[step];
  if (allowed.includes(stage)) return undefined;
  return `${step} is not possible while the review is ${stage}; it needs the review to be ${allowed.join(' or ')}.`;
}

/** `LEEDS-2026-0007-REV`; a second review of the incident (a referral later notified) is `-REV-2`. */
export function reviewReference(incidentReference: string, ordinal = 1): string {
  return ordinal === 1 ? `${incidentReference}-REV` : `${incidentReference}-REV-${ordinal}`;
}

/** The decision a review holds, as recordDecision stored it (every field null before it). */
export interface HeldDecision {
  version: number;
  decision: {
    outcome: DecisionOutcome | null;
    criteriaMet: boolean | null;
    partnersAgreed: readonly string[] | null;
    rationale: string | null;
    decidedOn: IsoDate | null;
    decidedBy: string | null;
  };
}

/**
 * Whether recordDecision is a client's retry of the decision this review
 * already holds: the same outcome, criteria, partners, rationale and date,
 * made by the same caller (and, when a version was expected, the decision
 * was the very next change). A retry answers the review as it is; any other
 * decision on a decided review stays refused.
 */
export function isRepeatedDecision(
  held: HeldDecision,
  input: {
    outcome: DecisionOutcome;
    criteriaMet: boolean;
    partnersAgreed: readonly string[];
    rationale: string;
    decidedOn: IsoDate;
    expectedVersion?: number | null;
  },
  caller: string,
): boolean {
  const decision = held.decision;
  if (decision.outcome === null || decision.decidedBy !== caller) return false;
  if (input.expectedVersion != null && held.version !== input.expectedVersion + 1) return false;
  return (
    decision.outcome === input.outcome &&
    Boolean(decision.criteriaMet) === input.criteriaMet &&
    sameSet(decision.partnersAgreed ?? [], input.partnersAgreed) &&
    decision.rationale === input.rationale &&
    decision.decidedOn === input.decidedOn
  );
}

/** Whether closeReview is a retry: the review is closed already (closing takes no other input). */
export function isRepeatedClose(stage: ReviewStage): boolean {
  return stage === ReviewStage.CLOSED;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((value) => set.has(value));
}
