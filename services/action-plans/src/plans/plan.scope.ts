import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { hasRole, isBoardStaff } from '@scr/auth';
import { anyOf, type SqlCondition } from '@scr/db';
import type { ActionPlansContext } from '../context';

/**
 * Plans and actions a caller may see: its own board's (manager, chair), those
 * of reviews a case grant opens (peer-challenge chair, appointed reviewer),
 * and, for an agency contributor, the actions its agency owns.
 */
export interface PlanScope {
  ownBoard?: string;
  grantedReviewIds: string[];
  agency?: string;
}

export async function planScope(ctx: ActionPlansContext): Promise<PlanScope> {
  const p = ctx.principal;
  if (!p) return { grantedReviewIds: [] };
  return {
    ownBoard: isBoardStaff(p) ? p.board : undefined,
    grantedReviewIds: hasRole(p, 'BOARD_CHAIR', 'REVIEWER') ? (await ctx.grants.forPrincipal(p)).reviewIds : [],
    agency: hasRole(p, 'AGENCY_CONTRIBUTOR') ? p.agency : undefined,
  };
}

/** The plan scope as an SQL condition over `alias`, with its parameters. */
export function planScopeCondition(alias: string, scope: PlanScope): SqlCondition {
  return anyOf(planClauses(alias, scope), { scopeBoard: scope.ownBoard, scopeReviews: scope.grantedReviewIds });
}

/** Actions add the agency contributor's own actions to the plan scope. */
export function actionScopeCondition(alias: string, scope: PlanScope): SqlCondition {
  const clauses = planClauses(alias, scope);
  if (scope.agency) clauses.push(`${alias}.owner_agency_id = :scopeAgency`);
  return anyOf(clauses, { scopeBoard: scope.ownBoard, scopeReviews: scope.grantedReviewIds, scopeAgency: scope.agency });
}

export function wherePlanInScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, scope: PlanScope) {
  const condition = planScopeCondition(alias, scope);
  return qb.andWhere(condition.sql, condition.parameters);
}

export function whereActionInScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, scope: PlanScope) {
  const condition = actionScopeCondition(alias, scope);
  return qb.andWhere(condition.sql, condition.parameters);
}

function planClauses(alias: string, scope: PlanScope): string[] {
  const clauses: string[] = [];
  if (scope.ownBoard) clauses.push(`${alias}.board_code = :scopeBoard`);
  if (scope.grantedReviewIds.length) clauses.push(`${alias}.review_id IN (:...scopeReviews)`);
  return clauses;
}
