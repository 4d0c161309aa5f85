import { runProcess } from '@scr/graphql-kit';
import { startIncidents } from './index';

/** The incidents subgraph as its own process: its database, its outbox relays, its HTTP server. */
runProcess('incidents', async (config) => {
  const server = await startIncidents(config);
  console.log(`incidents: ready on ${config.subgraphHost}:${server.port}`);
  return server;
});
