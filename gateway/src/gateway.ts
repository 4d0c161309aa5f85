import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { createTokenVerifier } from '@scr/auth';
import { SERVICE_NAMES, subgraphBaseUrl, subgraphUrl, type Config } from '@scr/config';
import { closeServer, dropAbandonedRequests, httpErrors, keepConnectionsAlive, Lifecycle, requestDeadline } from '@scr/graphql-kit/edge';
import { exposeMetrics, logger, metricsExposure, observabilityPlugin, observeRequests, subgraphReady } from '@scr/observability';
import { gatewayContext, type GatewayContext } from './context';
import { jsonDepthLimit } from './json-depth';
import { auditGatewayRefusal, mutationRefusalAudit } from './refusal-audit';
import { ForwardingDataSource } from './data-source';
import { SubgraphFetcher } from './subgraph-fetcher';
import { explorer } from './explorer';
import { gatewayFormatError, valueCompletionErrors } from './format-error';
import { listArgumentLimit } from './list-arguments';
import { queryLimits } from './limits';
import { operationCheck } from './operation-check';
import { rateLimit } from './rate-limit';
import { serviceUnavailableStatus } from './service-unavailable';
import { analystRoutes } from './analysts/routes';

export const SUPERGRAPH_PATH = path.join(__dirname, '..', 'supergraph.graphql');

export interface RunningGateway {
  port: number;
  url: string;
  /** Not ready, then requests in flight finish (at most graceMs; default: cut at once). */
  stop(options?: { graceMs?: number }): Promise<void>;
}

/** The only public door: composes the committed supergraph, authenticates, forwards. */
export async function startGateway(config: Config, port = config.gatewayPort): Promise<RunningGateway> {
  const urls = Object.fromEntries(SERVICE_NAMES.map((name) => [name, subgraphUrl(config, name)]));
  const subgraphs = new SubgraphFetcher();
  const gateway = new ApolloGateway({
    supergraphSdl: fs.readFileSync(SUPERGRAPH_PATH, 'utf8'),
    buildService: ({ name }) => new ForwardingDataSource(name, urls[name] ?? '', config.gatewaySecret, subgraphs.fetch),
  });
  const limits = queryLimits(config);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !config.production,
    // No "Did you mean ...?" in validation errors in production (the gateway's formatError catches the rest).
    hideSchemaDetailsFromClientErrors: config.production,
    includeStacktraceInErrorResponses: false,
    formatError: gatewayFormatError(config),
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    validationOptions: limits.validationOptions,
    // One operation per HTTP request; no persisted-query cache to fill.
    allowBatchedHttpRequests: false,
    persistedQueries: false,
    // GET and non-JSON POSTs need a preflight header: no cross-site form or image request gets in.
    csrfPrevention: true,
    plugins: [
      operationCheck<GatewayContext>(),
      valueCompletionErrors<GatewayContext>(),
      listArgumentLimit<GatewayContext>(),
      mutationRefusalAudit(config),
      serviceUnavailableStatus<GatewayContext>(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      // No landing page from a CDN: outside production the gateway serves its own bundled explorer (./explorer).
      ApolloServerPluginLandingPageDisabled(),
      // Last: it reads the error codes the plugins above have settled.
      observabilityPlugin<GatewayContext>(),
    ],
    // The process decides how to stop (not ready, drain), not Apollo's own signal handler.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const verify = createTokenVerifier(config);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxyHops);
  app.use(observeRequests());
  const lifecycle = new Lifecycle();
  app.use(lifecycle.closeWhileDraining);
  const closeMetrics = await exposeMetrics(app, metricsExposure());
  app.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  const limiter = rateLimit({
    ...config.rateLimit,
    redisUrl: config.redisUrl,
    subjectOf: async (req) => (await gatewayContext(req, verify)).principal?.subject,
  });
  await limiter.ready();
  lifecycle.mountHealth(app, 'gateway', () => subgraphsNotReady(config));
  if (!config.production) app.use(explorer());
  app.use(
    '/graphql',
    requestDeadline(config.requestDeadlineMs.gateway, (path) =>
      logger.error({ part: 'gateway', path }, `no answer within ${config.requestDeadlineMs.gateway} ms (GATEWAY_REQUEST_DEADLINE_MS)`),
    ),
    limiter,
    express.json({ limit: config.limits.bodyLimitBytes }),
    dropAbandonedRequests,
    jsonDepthLimit,
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        gatewayContext(req, verify).catch(async (error: unknown) => {
          // An identity provider that did not answer refused no one: nothing to audit.
          if ((error as { extensions?: { code?: string } }).extensions?.code === 'UNAUTHENTICATED') await auditGatewayRefusal(config, req, 'UNAUTHENTICATED');
          throw error;
        }),
    }),
  );
  app.use(analystRoutes(config, apollo, verify, limiter));
  app.use((_req, res) => {
    res.status(404).json({ errors: [{ message: 'Nothing here: GraphQL is served at /graphql.', extensions: { code: 'NOT_FOUND' } }] });
  });
  app.use(httpErrors);

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(port, () => resolve(s));
  });
  keepConnectionsAlive(server);
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    port: actualPort,
    url: `http://127.0.0.1:${actualPort}/graphql`,
    async stop({ graceMs = 0 } = {}) {
      lifecycle.draining = true;
      await closeServer(server, graceMs);
      await apollo.stop();
      await subgraphs.close();
      await limiter.close();
      await closeMetrics();
    },
  };
}

/** The gateway is ready when every subgraph says it is: names those that do not answer ready, if any. */
async function subgraphsNotReady(config: Config): Promise<string | undefined> {
  const answers = await Promise.all(
    SERVICE_NAMES.map(async (name) => {
      try {
        const res = await fetch(`${subgraphBaseUrl(config, name)}/health/ready`, { signal: AbortSignal.timeout(2000) });
        subgraphReady.set({ subgraph: name }, res.ok ? 1 : 0);
        return res.ok ? undefined : name;
      } catch {
        subgraphReady.set({ subgraph: name }, 0);
        return name;
      }
    }),
  );
  const down = answers.filter((name) => name !== undefined);
  return down.length ? `not ready: ${down.join(', ')}` : undefined;
}
