// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must wrap http, express, graphql and mysql2 before they load.
import '@scr/observability/tracing';
import { logger } from '@scr/observability';
import { runProcess } from '@scr/graphql-kit';
import { startIncidents } from './index';

/** The incidents subgraph as its own process: its database, its outbox relays, its HTTP server. */
runProcess('incidents', async (config) => {
  const server = await startIncidents(config);
  logger.info(`incidents: ready on ${config.subgraphHost}:${server.port}`);
  return server;
});
