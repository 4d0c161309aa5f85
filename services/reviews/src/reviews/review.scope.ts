import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { hasRole, isBoardStaff, type Principal } from '@scr/auth';
import { anyOf, type SqlCondition } from '@scr/db';
import { grantsAccessSql } from '../peer-challenges/peer-challenge.rules';
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

export function reviewScope(principal: Principal | undefined, now: Date): ReviewScope {
  if (!principal) return { now };
  return {
    ownBoard: isBoardStaff(principal) ? principal.board : undefined,
    challengerBoard: hasRole(principal, 'BOARD_CHAIR') ? principal.board : undefined,
    reviewer: hasRole(principal, 'REVIEWER') ? principal.reviewer : undefined,
    agency: hasRole(principal, 'AGENCY_CONTRIBUTOR') ? principal.agency : undefined,
    now,
  };
}

/** The live peer-challenge grant, in SQL: the challenges of the caller's board that grant access now (peer-challenge.rules). */
export const LIVE_CHALLENGE_SQL = `SELECT pc.review_id FROM peer_challenges pc WHERE pc.challenger_board_code = :scopeChallenger AND ${grantsAccessSql('pc', 'scopeNow')}`;

export type CaseGrant = 'PC' | 'RV' | 'AC';

/**
 * The reviews each case grant opens, as subqueries of review ids. One
 * definition for both uses: the scope ORs them (which rows a caller sees),
 * the reach asks which of them hold for a row (which fields it reads).
 */
export const GRANT_SQL: Record<CaseGrant, string> = {
  PC: LIVE_CHALLENGE_SQL,
  // A reviewer's access ends when the review is published, closed or not proceeding.
  RV: `SELECT ra.review_id FROM review_appointments ra JOIN reviews rr ON rr.id = ra.review_id WHERE ra.reviewer_id = :scopeReviewer AND ${reviewerHasAccessSql('rr')}`,
  AC: 'SELECT ir.review_id FROM information_requests ir WHERE ir.agency_id = :scopeAgency',
};

/** The case grants the caller's roles could hold. */
export function grantsIn(scope: ReviewScope): CaseGrant[] {
  const grants: CaseGrant[] = [];
  if (scope.challengerBoard) grants.push('PC');
  if (scope.reviewer) grants.push('RV');
  if (scope.agency) grants.push('AC');
  return grants;
}

export function scopeParameters(scope: ReviewScope) {
  return {
    scopeBoard: scope.ownBoard,
    scopeChallenger: scope.challengerBoard,
    scopeReviewer: scope.reviewer,
    scopeAgency: scope.agency,
    scopeNow: scope.now,
  };
}

/** The scope as an SQL condition over `alias`, with its parameters. */
export function reviewScopeCondition(alias: string, scope: ReviewScope): SqlCondition {
  const clauses: string[] = [];
  if (scope.ownBoard) clauses.push(`${alias}.board_code = :scopeBoard`);
  for (const grant of grantsIn(scope)) clauses.push(`${alias}.id IN (${GRANT_SQL[grant]})`);
  return anyOf(clauses, scopeParameters(scope));
}

export function whereReviewInScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, scope: ReviewScope) {
  const condition = reviewScopeCondition(alias, scope);
  return qb.andWhere(condition.sql, condition.parameters);
}
