import { defineSubgraph } from '@scr/graphql-kit';
import { createAuditShippingRelay } from '@scr/outbox';
import { Action } from './actions/action.entity';
import { createContext } from './context';
import { openDatabase } from './database';
import { ActionPlan } from './plans/action-plan.entity';
import { buildSchema } from './schema';

export { buildSdl } from './schema';
export { openDatabase } from './database';

/** The action-plans subgraph (action plans, actions, monitoring, impact) and its audit relay. */
export const actionPlansSubgraph = defineSubgraph({
  name: 'action-plans',
  openDatabase,
  buildSchema,
  context: createContext,
  boardOwned: [ActionPlan, Action],
  relays: ({ db, config, internal }) => ({ audit: createAuditShippingRelay(db, config, 'action-plans', internal) }),
  pokeAfterAudit: 'audit',
});
