import { hasRole, isBoardStaff } from '@scr/auth';
import { anyOf, type SqlCondition } from '@scr/db';
import type { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import type { IncidentsContext } from '../context';

/** Which incidents a caller may see: its own board's, plus any a case grant opens to it. */
export interface IncidentScope {
  ownBoard?: string;
  grantedIncidentIds: string[];
}

export async function incidentScope(ctx: IncidentsContext): Promise<IncidentScope> {
  const p = ctx.principal;
  if (!p) return { grantedIncidentIds: [] };
  const ownBoard = isBoardStaff(p) ? p.board : undefined;
  // Only a chair (peer challenge) or an appointed reviewer can hold a case grant.
  const grantedIncidentIds = hasRole(p, 'BOARD_CHAIR', 'REVIEWER') ? (await ctx.grants.forPrincipal(p)).incidentIds : [];
  return { ownBoard, grantedIncidentIds };
}

/** The scope as an SQL condition over `alias`, with its parameters. */
export function scopeCondition(alias: string, scope: IncidentScope): SqlCondition {
  const clauses: string[] = [];
  if (scope.ownBoard) clauses.push(`${alias}.board_code = :scopeBoard`);
  if (scope.grantedIncidentIds.length) clauses.push(`${alias}.id IN (:...scopeIds)`);
  return anyOf(clauses, { scopeBoard: scope.ownBoard, scopeIds: scope.grantedIncidentIds });
}

/** Adds the scope to the SQL itself, so nothing outside it is ever loaded. */
export function whereInScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, scope: IncidentScope) {
  const condition = scopeCondition(alias, scope);
  return qb.andWhere(condition.sql, condition.parameters);
}
