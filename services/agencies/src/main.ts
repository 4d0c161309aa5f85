import { runProcess } from '@scr/graphql-kit';
import { startAgencies } from './index';

/** The agencies subgraph as its own process: its database, its HTTP server. */
runProcess('agencies', async (config) => {
  const server = await startAgencies(config);
  console.log(`agencies: ready on ${config.subgraphHost}:${server.port}`);
  return server;
});
