import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { entityReader, type Database } from '@scr/db';
import { ActionUpdate } from '../actions/action-update.entity';
import { Action } from '../actions/action.entity';
import type { ActionProgress } from '../actions/action.types';
import { progressQuery } from '../actions/progress.query';
import { ActionPlan } from './action-plan.entity';
import { ProgrammeAudit } from './programme-audit.entity';
import { actionScopeCondition, planScopeCondition, type PlanScope } from './plan.scope';

/** Per-request loaders: plans and actions only inside the caller's scope, one statement per relation. */
export function createPlanLoaders(db: Database, scope: () => Promise<PlanScope>, today: string) {
  const planById = new DataLoader<string, ActionPlan | null>(async (ids) => {
    const inScope = planScopeCondition('p', await scope());
    const rows = await entityReader(db, ActionPlan, 'p').select(`p.id IN (:...ids) AND ${inScope.sql}`, { ...inScope.parameters, ids: [...ids] });
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });
  const planByReview = new DataLoader<string, ActionPlan | null>(async (ids) => {
    const inScope = planScopeCondition('p', await scope());
    const rows = await entityReader(db, ActionPlan, 'p').select(`p.review_id IN (:...ids) AND ${inScope.sql}`, { ...inScope.parameters, ids: [...ids] });
    return ids.map((id) => rows.find((r) => r.reviewId === id) ?? null);
  });
  const actionById = new DataLoader<string, Action | null>(async (ids) => {
    const inScope = actionScopeCondition('a', await scope());
    const rows = await entityReader(db, Action, 'a').select(`a.id IN (:...ids) AND ${inScope.sql}`, { ...inScope.parameters, ids: [...ids] });
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });
  /** A plan's actions; an agency contributor sees only those its agency owns. */
  const actionsByPlan = new DataLoader<string, Action[]>(async (ids) => {
    const inScope = actionScopeCondition('a', await scope());
    const rows = await entityReader(db, Action, 'a').select(
      `a.plan_id IN (:...ids) AND ${inScope.sql}`,
      { ...inScope.parameters, ids: [...ids] },
      'ORDER BY a.seq',
    );
    return ids.map((id) => rows.filter((r) => r.planId === id));
  });
  const updatesByAction = new DataLoader<string, ActionUpdate[]>(async (ids) => {
    const rows = await entityReader(db, ActionUpdate, 'u').select('u.action_id IN (:...ids)', { ids: [...ids] }, 'ORDER BY u.seq');
    return ids.map((id) => rows.filter((r) => r.actionId === id));
  });
  /** Only asked for plans the caller already reached through the scoped planById. */
  const auditsByPlan = new DataLoader<string, ProgrammeAudit[]>(async (ids) => {
    const rows = await db.manager.find(ProgrammeAudit, { where: { planId: In([...ids]) }, order: { auditedOn: 'ASC', seq: 'ASC' } });
    return ids.map((id) => rows.filter((r) => r.planId === id));
  });
  const progressByPlan = new DataLoader<string, ActionProgress>(async (ids) => {
    const rows = await progressQuery(db, 'a.plan_id', today)
      .where('a.plan_id IN (:...ids)', { ids: [...ids] })
      .getRawMany();
    return ids.map((id) => toProgress(rows.find((r: { groupKey: string }) => r.groupKey === id)));
  });
  return { planById, planByReview, actionById, actionsByPlan, updatesByAction, auditsByPlan, progressByPlan };
}

export function toProgress(row?: Record<string, unknown>): ActionProgress {
  const n = (k: string) => Number(row?.[k] ?? 0);
  return { total: n('total'), completed: n('completed'), inProgress: n('inProgress'), overdue: n('overdue'), impactEvidenced: n('impactEvidenced') };
}

export type PlanLoaders = ReturnType<typeof createPlanLoaders>;
