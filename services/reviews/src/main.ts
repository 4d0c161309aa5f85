// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must wrap http, express, graphql and mysql2 before they load.
import '@scr/observability/tracing';
import { logger } from '@scr/observability';
import { runProcess } from '@scr/graphql-kit';
import { startReviews } from './index';

/** The reviews subgraph as its own process: its database, its outbox relays, its HTTP server. */
runProcess('reviews', async (config) => {
  const server = await startReviews(config);
  logger.info(`reviews: ready on ${config.subgraphHost}:${server.port}`);
  return server;
});
