import { runProcess } from '@scr/graphql-kit';
import { startActionPlans } from './index';

/** The action-plans subgraph as its own process: its database, its outbox relays, its HTTP server. */
runProcess('action-plans', async (config) => {
  const server = await startActionPlans(config);
  console.log(`action-plans: ready on ${config.subgraphHost}:${server.port}`);
  return server;
});
