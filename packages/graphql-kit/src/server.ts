import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request, type Router } from 'express';
import type { GraphQLSchema } from 'graphql';
import { createTokenVerifier } from '@scr/auth';
import { todayInLondon } from '@scr/calendar';
import type { Config, ServiceName } from '@scr/config';
import { requestScope, type Database } from '@scr/db';
import { currentRequestId, exposeMetrics, logger, metricsExposure, observabilityPlugin, observeRequests } from '@scr/observability';
import { Auditor } from './audit/auditor';
import type { RecordBoardOf } from './audit/record-board';
import { auditPlugin } from './audit/audit-plugin';
import { dropAbandonedRequests } from './abandoned-request';
import type { RequestContext } from './context';
import { forbidden, unauthenticated } from './errors';
import { formatError } from './format-error';
import { httpErrors } from './http-errors';
import { closeServer, keepConnectionsAlive, Lifecycle } from './lifecycle';
import { GATEWAY_SECRET_HEADER, INTERNAL_SECRET_HEADER, InternalClient } from './internal-client';
import { principalCheckFailure, PrincipalChecker } from './principal-check';
import { requestDeadline } from './request-deadline';

export interface SubgraphServerOptions<C extends RequestContext> {
  name: ServiceName;
  config: Config;
  schema: GraphQLSchema;
  /** The subgraph's own database: audit rows are written there. */
  db: Database;
  /** Adds the service's own parts (database, loaders, clients) to the base context. */
  extendContext: (base: RequestContext) => C | Promise<C>;
  /** JSON routes for other services, mounted under /internal behind the shared secret. */
  internalRoutes?: (router: Router) => void;
  plugins?: ApolloServerPlugin<C>[];
  /** The board owning a record id, for audit rows of refusals and probes (see recordBoardOf). */
  recordBoardOf?: RecordBoardOf;
  /** Called once a request that wrote audit rows has been answered (its transactions committed), to ship them now. */
  auditRowsWritten?: () => void;
}

export interface RunningServer {
  db?: import('@scr/db').Database;
  port: number;
  /** Not ready, then requests in flight finish (at most graceMs; default: cut at once), then the rest closes. */
  stop(options?: { graceMs?: number }): Promise<void>;
}

/** One subgraph over HTTP: /graphql for the gateway, /internal for sibling services. */
export async function startSubgraphServer<C extends RequestContext>(options: SubgraphServerOptions<C>, port: number): Promise<RunningServer> {
  const { config } = options;
  const verify = createTokenVerifier(config);
  const checker = new PrincipalChecker(new InternalClient(config));
  const apollo = new ApolloServer<C>({
    schema: options.schema,
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      // Nothing here sets cache hints, and the default cache-control plugin would wrap every field of every
      // answer to compute them (about 3% of a subgraph's CPU on the 50-row list, BENCHMARKS.md).
      ApolloServerPluginCacheControlDisabled(),
      auditPlugin<C>(),
      observabilityPlugin<C>(),
      ...(options.plugins ?? []),
    ],
    // The process decides how to stop (drain, then relays, then pools), not Apollo's own signal handler.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.use(observeRequests());
  const lifecycle = new Lifecycle();
  app.use(lifecycle.closeWhileDraining);
  const closeMetrics = await exposeMetrics(app, metricsExposure(process.env, config.subgraphHost));
  app.get('/health', (_req, res) => {
    res.json({ service: options.name, ok: true });
  });
  lifecycle.mountHealth(app, options.name, () => options.db.problem());

  const internal = express.Router();
  internal.use((req, res, next) => {
    if (req.header(INTERNAL_SECRET_HEADER) !== config.gatewaySecret) {
      res.status(403).json({ error: 'internal routes need the platform secret' });
      return;
    }
    next();
  });
  internal.use(express.json({ limit: config.limits.bodyLimitBytes }));
  // Express 5 hands a rejected async route to the error handler (httpErrors): routes need no try/catch.
  options.internalRoutes?.(internal);
  app.use('/internal', internal);

  app.use(
    '/graphql',
    requestDeadline(config.requestDeadlineMs.subgraph, (path) =>
      logger.error({ part: options.name, path }, `no answer within ${config.requestDeadlineMs.subgraph} ms (SUBGRAPH_REQUEST_DEADLINE_MS)`),
    ),
    (_req, _res, next) => requestScope.run(true, next),
    (req, res, next) => {
      // In production only the gateway may call a subgraph, so _entities and _service stay private.
      if (config.production && req.header(GATEWAY_SECRET_HEADER) !== config.gatewaySecret) {
        res.status(403).json({ errors: [{ message: 'Call the gateway, not a subgraph.', extensions: { code: 'FORBIDDEN' } }] });
        return;
      }
      next();
    },
    express.json({ limit: config.limits.bodyLimitBytes }),
    dropAbandonedRequests,
    (_req, res, next) => {
      const written = options.auditRowsWritten;
      if (written) res.once('finish', () => (res.locals.context as RequestContext | undefined)?.auditor.wrote && written());
      next();
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const context = await baseContext(req, verify, checker, options);
        res.locals.context = context;
        return options.extendContext(context);
      },
    }),
  );
  app.use(httpErrors);

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(port, config.subgraphHost, () => resolve(s));
  });
  keepConnectionsAlive(server);
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    port: actualPort,
    async stop({ graceMs = 0 } = {}) {
      lifecycle.draining = true;
      await closeServer(server, graceMs);
      await apollo.stop();
      await closeMetrics();
    },
  };
}

async function baseContext<C extends RequestContext>(
  req: Request,
  verify: ReturnType<typeof createTokenVerifier>,
  checker: PrincipalChecker,
  options: SubgraphServerOptions<C>,
): Promise<RequestContext> {
  // The gateway's request id (x-request-id), so audit rows and log lines of one request share it.
  const now = new Date();
  const context = { requestId: currentRequestId() ?? randomUUID(), now, today: todayInLondon(now) } as RequestContext;
  // The directory keeps the consortium-wide trail itself; the others ship theirs to it.
  const auditorFor = (principal?: RequestContext['principal']) =>
    new Auditor(options.db, options.name, principal, context.requestId, options.name === 'agencies', options.recordBoardOf);
  context.auditor = auditorFor(undefined);
  const header = req.header('authorization');
  if (!header) {
    context.authError = unauthenticated();
    return context;
  }
  const match = /^Bearer\s+(.+)$/i.exec(header);
  if (!match) {
    context.authError = unauthenticated('The Authorization header must be "Bearer <token>".');
    return context;
  }
  try {
    const principal = await verify(match[1]!);
    const problem = await checker.problem(principal);
    if (problem) context.authError = forbidden(problem);
    context.principal = principal;
    context.token = match[1];
    context.auditor = auditorFor(principal);
  } catch (error) {
    context.authError = principalCheckFailure(error);
  }
  return context;
}
