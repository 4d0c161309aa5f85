import type { Config } from '@scr/config';
import { InternalClient, recordBoardOf, startSubgraphServer, type RunningServer } from '@scr/graphql-kit';
import { Review } from './reviews/review.entity';
import { InformationRequest } from './information-requests/information-request.entity';
import { PeerChallenge } from './peer-challenges/peer-challenge.entity';
import { createAuditShippingRelay, createPanelRelay, type OutboxRelay } from '@scr/outbox';
import { createContext } from './context';
import { openDatabase } from './database';
import { internalRoutes } from './internal.routes';
import { buildSchema } from './schema';

export { buildSdl } from './schema';
export { openDatabase } from './database';

/** Starts the reviews subgraph (reviews, decisions, reviewers, peer challenges, publication) and its outbox relays. */
export async function startReviews(config: Config, port = config.subgraphPorts.reviews): Promise<RunningServer> {
  const db = await openDatabase(config);
  const schema = await buildSchema();
  const internal = new InternalClient(config);
  const panelRelay = createPanelRelay(db, config, ['review.decision_recorded', 'review.published'], 'reviews');
  const auditRelay = createAuditShippingRelay(db, config, 'reviews', new InternalClient(config));
  const server = await startSubgraphServer(
    {
      name: 'reviews',
      config,
      schema,
      db,
      recordBoardOf: recordBoardOf(db, [Review, InformationRequest, PeerChallenge]),
      extendContext: (base) => createContext(config, db, base, () => panelRelay?.poke()),
      internalRoutes: internalRoutes(db, internal, panelRelay),
    },
    port,
  );
  const relays = [panelRelay, auditRelay].filter((r): r is OutboxRelay => !!r);
  relays.forEach((r) => r.start());
  return {
    port: server.port,
    db,
    // Requests in flight first (they may write events), then the relays that deliver them, then the pool.
    async stop(options) {
      await server.stop(options);
      await Promise.all(relays.map((r) => r.stop()));
      await db.close();
    },
  };
}
