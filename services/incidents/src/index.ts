import type { Config } from '@scr/config';
import { InternalClient, startSubgraphServer, type RunningServer } from '@scr/graphql-kit';
import { createPanelRelay, OutboxRelay } from '@scr/outbox';
import { createContext } from './context';
import { openDatabase } from './database';
import { deliverToReviews, REVIEW_EVENT_TYPES } from './events/reviews-delivery';
import { internalRoutes } from './internal.routes';
import { buildSchema } from './schema';

export { buildSdl } from './schema';
export { openDatabase } from './database';

/** Starts the incidents subgraph (notifiable incidents, children, the panel feed) and its outbox relay. */
export async function startIncidents(config: Config, port = config.subgraphPorts.incidents): Promise<RunningServer> {
  const db = await openDatabase(config);
  const schema = await buildSchema();
  const relay = new OutboxRelay(db, deliverToReviews(new InternalClient(config)), {
    types: REVIEW_EVENT_TYPES,
    intervalMs: config.outboxIntervalMs,
    backoff: { baseMs: config.outboxRetryBaseMs },
    name: 'incidents->reviews',
  });
  const panelRelay = createPanelRelay(db, config, ['incident.notified'], 'incidents');
  const server = await startSubgraphServer(
    {
      name: 'incidents',
      config,
      schema,
      extendContext: (base) =>
        createContext(config, db, base, () => {
          relay.poke();
          panelRelay?.poke();
        }),
      internalRoutes: internalRoutes(db, panelRelay),
    },
    port,
  );
  relay.start();
  panelRelay?.start();
  return {
    port: server.port,
    db,
    async stop() {
      await relay.stop();
      await panelRelay?.stop();
      await server.stop();
      await db.close();
    },
  };
}
