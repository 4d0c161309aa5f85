import { defineSubgraph } from '@scr/graphql-kit';
import { createAuditShippingRelay, createPanelRelay, keyFromData, OutboxRelay } from '@scr/outbox';
import { createContext } from './context';
import { openDatabase } from './database';
import { deliverToReviews, REVIEW_EVENT_TYPES } from './events/reviews-delivery';
import { Incident } from './incidents/incident.entity';
import { internalRoutes } from './internal.routes';
import { buildSchema } from './schema';

export { buildSdl } from './schema';
export { openDatabase } from './database';
export { BUMP_COUNTS_VERSION_SQL, rebuildIncidentCounts, rebuildIncidentCountsSql } from './stats/incident-counts';

/** The incidents subgraph (notifiable incidents, children, the panel feed) and its outbox relays. */
export const incidentsSubgraph = defineSubgraph({
  name: 'incidents',
  openDatabase,
  buildSchema,
  context: createContext,
  boardOwned: [Incident],
  relays: ({ db, config, internal }) => ({
    reviews: new OutboxRelay(db, deliverToReviews(internal), {
      types: REVIEW_EVENT_TYPES,
      // Reviews applies an incident's notification, referral and corrections in the order they happened.
      orderKey: keyFromData('incidentId'),
      intervalMs: config.outboxIntervalMs,
      backoff: { baseMs: config.outboxRetryBaseMs },
      name: 'incidents->reviews',
    }),
    panel: createPanelRelay(db, config, ['incident.notified', 'incident.corrected'], 'incidents'),
    audit: createAuditShippingRelay(db, config, 'incidents', internal),
  }),
  pokeAfterWrite: ['reviews', 'panel'],
  pokeAfterAudit: 'audit',
  internalRoutes: ({ db, relays }) => internalRoutes(db, relays.panel),
});
