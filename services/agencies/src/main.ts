// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must wrap http, express, graphql and mysql2 before they load.
import '@scr/observability/tracing';
import { logger } from '@scr/observability';
import { runProcess } from '@scr/graphql-kit';
import { startAgencies } from './index';

/** The agencies subgraph as its own process: its database, its HTTP server. */
runProcess('agencies', async (config) => {
  const server = await startAgencies(config);
  logger.info(`agencies: ready on ${config.subgraphHost}:${server.port}`);
  return server;
});
