import type { Config } from '@scr/config';
import { InternalClient, recordBoardOf, startSubgraphServer, type RunningServer } from '@scr/graphql-kit';
import { Incident } from './incidents/incident.entity';
import { createAuditShippingRelay, createPanelRelay, keyFromData, OutboxRelay } from '@scr/outbox';
import { createContext } from './context';
import { openDatabase } from './database';
import { deliverToReviews, REVIEW_EVENT_TYPES } from './events/reviews-delivery';
import { internalRoutes } from './internal.routes';
import { buildSchema } from './schema';

export { buildSdl } from './schema';
export { openDatabase } from './database';
export { rebuildIncidentCounts, rebuildIncidentCountsSql } from './stats/incident-counts';

/** Starts the incidents subgraph (notifiable incidents, children, the panel feed) and its outbox relays. */
export async function startIncidents(config: Config, port = config.subgraphPorts.incidents): Promise<RunningServer> {
  const db = await openDatabase(config);
  const schema = await buildSchema();
  const reviewsRelay = new OutboxRelay(db, deliverToReviews(new InternalClient(config)), {
    types: REVIEW_EVENT_TYPES,
    // Reviews applies an incident's notification, referral and corrections in the order they happened.
    orderKey: keyFromData('incidentId'),
    intervalMs: config.outboxIntervalMs,
    backoff: { baseMs: config.outboxRetryBaseMs },
    name: 'incidents->reviews',
  });
  const panelRelay = createPanelRelay(db, config, ['incident.notified', 'incident.corrected'], 'incidents');
  const auditRelay = createAuditShippingRelay(db, config, 'incidents', new InternalClient(config));
  const eventsWritten = () => {
    reviewsRelay.poke();
    panelRelay?.poke();
  };
  const server = await startSubgraphServer(
    {
      name: 'incidents',
      config,
      schema,
      db,
      recordBoardOf: recordBoardOf(db, [Incident]),
      extendContext: (base) => createContext(config, db, base, eventsWritten),
      internalRoutes: internalRoutes(db, panelRelay),
    },
    port,
  );
  const relays = [reviewsRelay, panelRelay, auditRelay].filter((r): r is OutboxRelay => !!r);
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
