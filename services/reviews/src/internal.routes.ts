import type { Router } from 'express';
import { In } from 'typeorm';
import type { Database } from '@scr/db';
import type { InternalClient } from '@scr/graphql-kit';
import { answer, grants, incidentEvents, reviewerExists, reviewsLookup } from '@scr/internal-api';
import { panelDeliveryRoutes, type OutboxRelay } from '@scr/outbox';
import { openReviewFor } from './events/open-review';
import { Reviewer } from './reviewers/reviewer.entity';
import { Review } from './reviews/review.entity';
import { caseGrantsOf } from './reviews/case-grants';

/** What other subgraphs ask of the reviews subgraph, behind the platform secret (shapes in @scr/internal-api). */
export function internalRoutes(db: Database, internal: InternalClient, panelRelay?: OutboxRelay) {
  return (router: Router) => {
    panelDeliveryRoutes(router, db, panelRelay);
    // The id travels in the body: in a path, an id such as "." or ".." is a dot segment the URL parser removes.
    answer(router, reviewerExists, async ({ id }) => ({ exists: await db.manager.exists(Reviewer, { where: { id } }) }));

    /** Incident events from the outbox relay; handled once per event id. */
    answer(router, incidentEvents, async (event) => ({ result: await openReviewFor(db, internal, event) }));

    /** Case grants a principal holds outside its own board: live peer challenges (chairs) and appointments (reviewers). */
    answer(router, grants, (holder) => caseGrantsOf(db, holder));

    /** Facts of reviews for the action-plans subgraph: board and stage, never from client input. */
    answer(router, reviewsLookup, async ({ ids }) => {
      const reviews = ids.length ? await db.manager.find(Review, { where: { id: In(ids) } }) : [];
      return { reviews: reviews.map((r) => ({ id: r.id, boardCode: r.boardCode, stage: r.stage, incidentId: r.incidentId, initiatedOn: r.initiatedOn })) };
    });
  };
}
