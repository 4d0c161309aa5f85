import { compareIsoDates, type IsoDate } from '@scr/calendar';

/** The two statutory regimes a case can fall under (DOMAIN.md "Boards and regimes"). */
export type RegimeName = 'LSCB' | 'PARTNERSHIP';

/**
 * LSCB regime when notified (or, for a referral, reported) before the board's
 * partnership arrangements began, or when the board has none; one definition
 * for the incidents subgraph (who is notified) and the reviews subgraph (which
 * review opens).
 */
export function regimeAt(on: IsoDate, partnershipArrangementsFrom: IsoDate | null): RegimeName {
  if (!partnershipArrangementsFrom) return 'LSCB';
  return compareIsoDates(on, partnershipArrangementsFrom) < 0 ? 'LSCB' : 'PARTNERSHIP';
}
