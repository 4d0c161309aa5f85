import type { Config } from '@scr/config';
import { InternalClient, recordBoardOf, startSubgraphServer, type RunningServer } from '@scr/graphql-kit';
import { createAuditShippingRelay } from '@scr/outbox';
import { Action } from './actions/action.entity';
import { ActionPlan } from './plans/action-plan.entity';
import { createContext } from './context';
import { openDatabase } from './database';
import { buildSchema } from './schema';

export { buildSdl } from './schema';
export { openDatabase } from './database';

/** Starts the action-plans subgraph (action plans, actions, monitoring, impact). */
export async function startActionPlans(config: Config, port = config.subgraphPorts['action-plans']): Promise<RunningServer> {
  const db = await openDatabase(config);
  const schema = await buildSchema();
  const auditRelay = createAuditShippingRelay(db, config, 'action-plans', new InternalClient(config));
  const server = await startSubgraphServer(
    { name: 'action-plans', config, schema, db, recordBoardOf: recordBoardOf(db, [ActionPlan, Action]), extendContext: (base) => createContext(config, db, base) },
    port,
  );
  auditRelay.start();
  return {
    port: server.port,
    db,
    // Requests in flight first (they may write events), then the relays that deliver them, then the pool.
    async stop(options) {
      await server.stop(options);
      await auditRelay.stop();
      await db.close();
    },
  };
}
