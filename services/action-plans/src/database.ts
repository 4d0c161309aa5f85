import type { Config } from '@scr/config';
import { AuditEvent, Database, OutboxEvent, sharedMigrations } from '@scr/db';
import { ActionUpdate } from './actions/action-update.entity';
import { Action } from './actions/action.entity';
import { ActionPlans1764000000300 } from './migrations/1764000000300-action-plans';
import { ActionPlansProgrammeAudits1764000006000 } from './migrations/1764000006000-programme-audits';
import { ActionPlan } from './plans/action-plan.entity';
import { ProgrammeAudit } from './plans/programme-audit.entity';

const shared = sharedMigrations('ActionPlans');

export const openDatabase = (config: Config) =>
  Database.open(config, {
    service: 'action-plans',
    entities: [AuditEvent, ActionPlan, Action, ActionUpdate, ProgrammeAudit, OutboxEvent],
    migrations: [ActionPlans1764000000300, shared.audit, shared.longText, ActionPlansProgrammeAudits1764000006000],
  });
