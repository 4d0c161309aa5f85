import type { Router } from 'express';
import { In } from 'typeorm';
import type { Database } from '@scr/db';
import type { InternalClient } from '@scr/graphql-kit';
import { panelDeliveryRoutes, type OutboxRelay } from '@scr/outbox';
import { INCIDENT_EVENT_TYPES, openReviewFor, type IncidentEvent } from './events/open-review';
import { Reviewer } from './reviewers/reviewer.entity';
import { Review } from './reviews/review.entity';
import { caseGrantsOf } from './reviews/case-grants';

/** What other subgraphs ask of the reviews subgraph, behind the platform secret. */
export function internalRoutes(db: Database, internal: InternalClient, panelRelay?: OutboxRelay) {
  return (router: Router) => {
    panelDeliveryRoutes(router, db, panelRelay);
    // The id travels in the body: in a path, an id such as "." or ".." is a dot segment the URL parser removes.
    router.post(
      '/reviewers/exists',
      async (req, res) => {
        const id = (req.body as { id?: unknown } | undefined)?.id;
        res.json({ exists: typeof id === 'string' && (await db.manager.exists(Reviewer, { where: { id } })) });
      },
    );

    /** Incident events from the outbox relay; handled once per event id. */
    router.post(
      '/events',
      async (req, res) => {
        const event = req.body as IncidentEvent;
        if (!INCIDENT_EVENT_TYPES.includes(event?.type)) {
          res.status(400).json({ error: `unknown event type ${String(event?.type)}` });
          return;
        }
        res.json({ result: await openReviewFor(db, internal, event) });
      },
    );

    /** Case grants a principal holds outside its own board: live peer challenges (chairs) and appointments (reviewers). */
    router.post(
      '/grants',
      async (req, res) => {
        const { roles = [], board, reviewer } = req.body as { roles?: string[]; board?: string; reviewer?: string };
        res.json(await caseGrantsOf(db, { roles, board, reviewer }));
      },
    );

    /** Facts of reviews for the action-plans subgraph: board and stage, never from client input. */
    router.post(
      '/reviews/lookup',
      async (req, res) => {
        const ids = ((req.body as { ids?: unknown[] }).ids ?? []).map(String);
        const reviews = ids.length ? await db.manager.find(Review, { where: { id: In(ids) } }) : [];
        res.json({
          reviews: reviews.map((r) => ({ id: r.id, boardCode: r.boardCode, stage: r.stage, incidentId: r.incidentId, initiatedOn: r.initiatedOn })),
        });
      },
    );
  };
}
