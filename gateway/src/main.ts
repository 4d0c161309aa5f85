// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must wrap http, express and graphql before they load.
import '@scr/observability/tracing';
import { logger } from '@scr/observability';
import { SERVICE_NAMES, subgraphUrl } from '@scr/config';
import { runProcess } from '@scr/graphql-kit/edge';
import { startGateway } from './gateway';

/**
 * The gateway as its own process: the committed supergraph, subgraphs at
 * AGENCIES_URL, INCIDENTS_URL, REVIEWS_URL and ACTION_PLANS_URL (default: the
 * loopback ports). It imports no subgraph.
 */
runProcess('gateway', async (config) => {
  const gateway = await startGateway(config);
  for (const name of SERVICE_NAMES) logger.info(`gateway: ${name} at ${subgraphUrl(config, name)}`);
  logger.info(`gateway: ready on http://localhost:${gateway.port}/graphql`);
  if (!config.production) logger.info('gateway: explorer: open the address `pnpm -s token --role BOARD_MANAGER --role BOARD_CHAIR --board LEEDS --url` prints');
  return gateway;
});
