import { compareIsoDates, type IsoDate } from '@scr/calendar';
import { InformationRequestStatus } from './information-request.entity';

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
