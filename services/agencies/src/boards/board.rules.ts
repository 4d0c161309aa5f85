import { compareIsoDates, type IsoDate } from '@scr/calendar';

export enum BoardKind {
  LSCB = 'LSCB',
  SAFEGUARDING_PARTNERSHIP = 'SAFEGUARDING_PARTNERSHIP',
}

/** A board is an LSCB until its partnership arrangements begin, a partnership from that day on. */
export function boardKind(partnershipArrangementsFrom: IsoDate | null, today: IsoDate): BoardKind {
  if (!partnershipArrangementsFrom) return BoardKind.LSCB;
  return compareIsoDates(today, partnershipArrangementsFrom) >= 0 ? BoardKind.SAFEGUARDING_PARTNERSHIP : BoardKind.LSCB;
}
