import type { IsoDate } from '@scr/calendar';
import { regimeAt } from '@scr/graphql-kit';

export enum BoardKind {
  LSCB = 'LSCB',
  SAFEGUARDING_PARTNERSHIP = 'SAFEGUARDING_PARTNERSHIP',
}

/** What a board is today is the regime a case notified today would fall under: one rule (regimeAt) for both. */
export function boardKind(partnershipArrangementsFrom: IsoDate | null, today: IsoDate): BoardKind {
  return regimeAt(today, partnershipArrangementsFrom) === 'PARTNERSHIP' ? BoardKind.SAFEGUARDING_PARTNERSHIP : BoardKind.LSCB;
}
