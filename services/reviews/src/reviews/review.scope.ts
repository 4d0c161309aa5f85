import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { hasRole, isBoardStaff, type Principal } from '@scr/auth';
import { reviewerHasAccessSql } from './review.rules';

/**
 * The reviews a caller may see: its own board's (manager, chair), those a
 * live peer challenge opens to its chair, those it is appointed to
 * (reviewer) until they are published, closed or not proceeding, and those its agency is asked about (agency contributor, who
 * then reads only a few fields).
 */
export interface ReviewScope {
  ownBoard?: string;
  challengerBoard?: string;
  reviewer?: string;
  agency?: string;
  now: Date;
}

export function reviewScope(principal: Principal | undefined, now = new Date()): ReviewScope {
  if (!principal) return { now };
  return {
    ownBoard: isBoardStaff(principal) ? principal.board : undefined,
    challengerBoard: hasRole(principal, 'BOARD_CHAIR') ? principal.board : undefined,
    reviewer: hasRole(principal, 'REVIEWER') ? principal.reviewer : undefined,
    agency: hasRole(principal, 'AGENCY_CONTRIBUTOR') ? principal.agency : undefined,
    now,
  };
}

/** The live peer-challenge grant, in SQL: not revoked and before accessUntil, whatever its status. */
export const LIVE_CHALLENGE_SQL =
  'SELECT pc.review_id FROM peer_challenges pc WHERE pc.challenger_board_code = :scopeChallenger AND pc.revoked_at IS NULL AND pc.access_until > :scopeNow';

export function whereReviewInScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, scope: ReviewScope) {
  const clauses: string[] = [];
  if (scope.ownBoard) clauses.push(`${alias}.board_code = :scopeBoard`);
  if (scope.challengerBoard) clauses.push(`${alias}.id IN (${LIVE_CHALLENGE_SQL})`);
  // A reviewer's access ends when the review is published, closed or not proceeding.
  if (scope.reviewer) {
    clauses.push(`(${alias}.id IN (SELECT ra.review_id FROM review_appointments ra WHERE ra.reviewer_id = :scopeReviewer) AND ${reviewerHasAccessSql(alias)})`);
  }
  if (scope.agency) clauses.push(`${alias}.id IN (SELECT ir.review_id FROM information_requests ir WHERE ir.agency_id = :scopeAgency)`);
  if (!clauses.length) return qb.andWhere('1 = 0');
  return qb.andWhere(`(${clauses.join(' OR ')})`, {
    scopeBoard: scope.ownBoard,
    scopeChallenger: scope.challengerBoard,
    scopeReviewer: scope.reviewer,
    scopeAgency: scope.agency,
    scopeNow: scope.now,
  });
}
