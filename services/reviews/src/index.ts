import { defineSubgraph } from '@scr/graphql-kit';
import { createAuditShippingRelay, createPanelRelay } from '@scr/outbox';
import { createContext } from './context';
import { openDatabase } from './database';
import { InformationRequest } from './information-requests/information-request.entity';
import { internalRoutes } from './internal.routes';
import { PeerChallenge } from './peer-challenges/peer-challenge.entity';
import { Review } from './reviews/review.entity';
import { buildSchema } from './schema';

export { buildSdl } from './schema';
export { openDatabase } from './database';

/** The reviews subgraph (reviews, decisions, reviewers, peer challenges, publication) and its outbox relays. */
export const reviewsSubgraph = defineSubgraph({
  name: 'reviews',
  openDatabase,
  buildSchema,
  context: createContext,
  boardOwned: [Review, InformationRequest, PeerChallenge],
  relays: ({ db, config, internal }) => ({
    panel: createPanelRelay(db, config, ['review.decision_recorded', 'review.published'], 'reviews'),
    audit: createAuditShippingRelay(db, config, 'reviews', internal),
  }),
  pokeAfterWrite: ['panel'],
  pokeAfterAudit: 'audit',
  internalRoutes: ({ db, internal, relays }) => internalRoutes(db, internal, relays.panel),
});
