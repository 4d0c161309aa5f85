import { hasRole, type Principal } from '@scr/auth';

/**
 * Who may look a reviewer up by id (`_entities`, as `me { reviewer }` does):
 * those who may list the register (BM, BC, AD) and the reviewer itself. A
 * reviewer reached through an appointment of a review the caller may read is
 * answered there, as part of that review.
 */
export function mayLookUpReviewer(principal: Principal | undefined, reviewerId: string): boolean {
  if (!principal) return false;
  if (hasRole(principal, 'BOARD_MANAGER', 'BOARD_CHAIR', 'ADMIN')) return true;
  return hasRole(principal, 'REVIEWER') && principal.reviewer === reviewerId;
}
