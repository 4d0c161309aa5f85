import type { Config } from '@scr/config';
import { Database, OutboxEvent } from '@scr/db';
import { ActionUpdate } from './actions/action-update.entity';
import { Action } from './actions/action.entity';
import { ActionPlans1764000000300 } from './migrations/1764000000300-action-plans';
import { ActionPlan } from './plans/action-plan.entity';

export const openDatabase = (config: Config) =>
  Database.open(config, {
    service: 'action-plans',
    entities: [ActionPlan, Action, ActionUpdate, OutboxEvent],
    migrations: [ActionPlans1764000000300],
  });
