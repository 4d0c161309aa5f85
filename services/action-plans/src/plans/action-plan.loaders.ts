import DataLoader from 'dataloader';
import type { Database } from '@scr/db';
import type { Principal } from '@scr/auth';
import { isBoardStaff } from '@scr/auth';
import { ActionPlan } from './action-plan.entity';

/** Plans of the caller's own board only; anything else answers null, as if it did not exist. */
export function createPlanLoaders(db: Database, principal: Principal | undefined) {
  const planById = new DataLoader<string, ActionPlan | null>(async (ids) => {
    if (!isBoardStaff(principal)) return ids.map(() => null);
    const rows = await db.manager
      .createQueryBuilder(ActionPlan, 'p')
      .where('p.id IN (:...ids)', { ids: [...ids] })
      .andWhere('p.board_code = :board', { board: principal.board })
      .getMany();
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });
  return { planById };
}
