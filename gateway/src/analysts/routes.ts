import type { ApolloServer } from '@apollo/server';
import express, { type RequestHandler, type Router } from 'express';
import type { TokenVerifier } from '@scr/auth';
import type { Config } from '@scr/config';
import type { GatewayContext } from '../context';
import { statisticsExport } from './statistics-export.route';
import { trendsPage } from './trends-page';

/** What the gateway serves analysts besides /graphql: the CSV export (rate-limited like /graphql) and the trends page. */
export function analystRoutes(config: Config, apollo: ApolloServer<GatewayContext>, verify: TokenVerifier, limiter: RequestHandler): Router {
  const router = express.Router();
  router.get('/exports/statistics.csv', limiter, statisticsExport(config, apollo, verify));
  router.use('/trends', trendsPage());
  return router;
}
