/**
 * Who sees which counts (DOMAIN.md "Statistics"): the owning board's manager
 * and chair can read the records themselves, so they see their own board's
 * exact counts; everyone else (analysts, the panel, admins, other boards)
 * sees counts suppressed and then rounded.
 */
import { isBoardStaffOf, type Principal } from '@scr/auth';

/** `EXACT`: counts as they are. `CONTROLLED`: suppressed (1-5 and a secondary), then rounded to 5. */
export type Disclosure = 'EXACT' | 'CONTROLLED';

/**
 * The disclosure a caller gets for one board's statistics. A token with
 * several roles gets exact counts only for the board it manages or chairs:
 * an analyst who is also LEEDS's manager sees LEEDS exact and the others
 * controlled.
 */
export function disclosureFor(principal: Principal | undefined, boardCode: string): Disclosure {
  return isBoardStaffOf(principal, boardCode) ? 'EXACT' : 'CONTROLLED';
}
