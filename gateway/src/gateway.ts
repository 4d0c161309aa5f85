import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { createTokenVerifier } from '@scr/auth';
import { SERVICE_NAMES, subgraphUrl, type Config } from '@scr/config';
import { formatError, httpErrors } from '@scr/graphql-kit';
import { gatewayContext, type GatewayContext } from './context';
import { ForwardingDataSource } from './data-source';

export const SUPERGRAPH_PATH = path.join(__dirname, '..', 'supergraph.graphql');

export interface RunningGateway {
  port: number;
  url: string;
  stop(): Promise<void>;
}

/** The only public door: composes the committed supergraph, authenticates, forwards. */
export async function startGateway(config: Config, port = config.gatewayPort): Promise<RunningGateway> {
  const urls = Object.fromEntries(SERVICE_NAMES.map((name) => [name, subgraphUrl(config, name)]));
  const gateway = new ApolloGateway({
    supergraphSdl: fs.readFileSync(SUPERGRAPH_PATH, 'utf8'),
    buildService: ({ name }) => new ForwardingDataSource(urls[name] ?? '', config.gatewaySecret),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: config.production ? [ApolloServerPluginLandingPageDisabled()] : [],
  });
  await apollo.start();
  const verify = createTokenVerifier(config);

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  app.use(
    '/graphql',
    express.json({ limit: config.limits.bodyLimitBytes }),
    expressMiddleware(apollo, { context: async ({ req }) => gatewayContext(req, verify) }),
  );
  app.use(httpErrors);

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(port, () => resolve(s));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    port: actualPort,
    url: `http://127.0.0.1:${actualPort}/graphql`,
    async stop() {
      await apollo.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
