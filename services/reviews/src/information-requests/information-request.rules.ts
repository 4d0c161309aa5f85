import { compareIsoDates, type IsoDate } from '@scr/calendar';
import { Regime, ReviewStage } from '../reviews/review.enums';
import { InformationRequestStatus, StatutoryBasis } from './information-request.entity';

/** OVERDUE once the due date has passed unanswered; answered and withdrawn requests keep their status. */
export function informationRequestStatus(stored: InformationRequestStatus, dueOn: IsoDate, today: IsoDate): InformationRequestStatus {
  if (stored === InformationRequestStatus.OPEN && compareIsoDates(today, dueOn) > 0) return InformationRequestStatus.OVERDUE;
  return stored;
}

/** The same rule in SQL, for filters; `alias` is the information_requests alias, :today a parameter. */
export function statusSql(alias: string, status: InformationRequestStatus): string {
  switch (status) {
    case InformationRequestStatus.OVERDUE:
      return `${alias}.stored_status = 'OPEN' AND ${alias}.due_on < :today`;
    case InformationRequestStatus.OPEN:
      return `${alias}.stored_status = 'OPEN' AND ${alias}.due_on >= :today`;
    default:
      return `${alias}.stored_status = '${status}'`;
  }
}

/** Children Act 2004 s.14B for an LSCB, s.16H for safeguarding partners; none for a request that is not statutory. */
export function statutoryBasis(statutory: boolean, regime: Regime): StatutoryBasis | null {
  if (!statutory) return null;
  return regime === Regime.LSCB ? StatutoryBasis.S14B : StatutoryBasis.S16H;
}

/** The reason recorded on the requests a review's end withdraws. */
export function withdrawnWithReview(endStage: ReviewStage): string {
  return endStage === ReviewStage.NOT_PROCEEDING
    ? 'Withdrawn automatically: the board decided on no further review.'
    : 'Withdrawn automatically: the review was closed.';
}

/** Whether respondToInformationRequest is a client's retry: the request holds this very response. */
export function isRepeatedResponse(held: { storedStatus: InformationRequestStatus; response: string | null }, response: string): boolean {
  return held.storedStatus === InformationRequestStatus.RESPONDED && held.response === response;
}

/** Whether withdrawInformationRequest is a client's retry: the request was withdrawn for this very reason. */
export function isRepeatedWithdrawal(held: { storedStatus: InformationRequestStatus; withdrawnReason: string | null }, reason: string): boolean {
  return held.storedStatus === InformationRequestStatus.WITHDRAWN && held.withdrawnReason === reason;
}

/**
 * Whether requestInformation is a client's retry: this agency already has an
 * open request on the review asking exactly this (purpose, necessity,
 * proportionality, statutory, due date). That request is the answer.
 */
export function isSameOpenRequest(
  held: {
    agencyId: string;
    purpose: string;
    necessity: string;
    proportionality: string;
    statutory: boolean;
    dueOn: IsoDate;
    storedStatus: InformationRequestStatus;
  },
  wanted: { agencyId: string; purpose: string; necessity: string; proportionality: string; statutory: boolean; dueOn: IsoDate },
): boolean {
  return (
    held.storedStatus === InformationRequestStatus.OPEN &&
    held.agencyId === wanted.agencyId &&
    held.purpose === wanted.purpose &&
    held.necessity === wanted.necessity &&
    held.proportionality === wanted.proportionality &&
    Boolean(held.statutory) === wanted.statutory &&
    held.dueOn === wanted.dueOn
  );
}
