import { hasRole, isBoardStaff } from '@scr/auth';
import { seqPage } from '@scr/graphql-kit';
import type { ActionPlansContext } from '../context';
import { whereActionInScope } from '../plans/plan.scope';
import { Action } from './action.entity';
import type { ActionFilter } from './action.inputs';
import { overdueSql } from './action.rules';

const OVERDUE_SQL = overdueSql('a.status', 'a.due_on', 'today');

/** Actions in the caller's scope, filtered in SQL, oldest first. */
export async function listActions(ctx: ActionPlansContext, filter: ActionFilter | null | undefined, first?: number | null, after?: string | null) {
  const qb = ctx.db.manager.createQueryBuilder(Action, 'a');
  whereActionInScope(qb, 'a', await ctx.scope());
  if (filter?.boardCode) qb.andWhere('a.board_code = :boardCode', { boardCode: filter.boardCode });
  if (filter?.ownerAgencyId) qb.andWhere('a.owner_agency_id = :owner', { owner: filter.ownerAgencyId });
  if (filter?.status) qb.andWhere('a.status = :status', { status: filter.status });
  if (filter?.overdue === true) qb.andWhere(OVERDUE_SQL, { today: ctx.today });
  if (filter?.overdue === false) qb.andWhere(`NOT (${OVERDUE_SQL})`, { today: ctx.today });
  return seqPage(qb, { alias: 'a', first, after, order: 'ASC' });
}

/** Overdue actions: an admin across every board, board staff for their own. */
export async function listOverdueActions(ctx: ActionPlansContext, boardCode?: string | null, first?: number | null, after?: string | null) {
  const p = ctx.principal;
  const qb = ctx.db.manager.createQueryBuilder(Action, 'a').where(OVERDUE_SQL, { today: ctx.today });
  if (!hasRole(p, 'ADMIN')) {
    if (!isBoardStaff(p)) qb.andWhere('1 = 0');
    else qb.andWhere('a.board_code = :own', { own: p.board });
  }
  if (boardCode) qb.andWhere('a.board_code = :boardCode', { boardCode });
  return seqPage(qb, { alias: 'a', first, after, order: 'ASC' });
}
