import { runProcess } from '@scr/graphql-kit';
import { startReviews } from './index';

/** The reviews subgraph as its own process: its database, its outbox relays, its HTTP server. */
runProcess('reviews', async (config) => {
  const server = await startReviews(config);
  console.log(`reviews: ready on ${config.subgraphHost}:${server.port}`);
  return server;
});
