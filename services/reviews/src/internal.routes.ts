import type { Router } from 'express';
import { In } from 'typeorm';
import type { Database } from '@scr/db';
import type { InternalClient } from '@scr/graphql-kit';
import { panelDeliveryRoutes, type OutboxRelay } from '@scr/outbox';
import { ReviewerAppointment } from './appointments/appointment.entity';
import { INCIDENT_EVENT_TYPES, openReviewFor, type IncidentEvent } from './events/open-review';
import { PeerChallenge } from './peer-challenges/peer-challenge.entity';
import { grantsAccess } from './peer-challenges/peer-challenge.rules';
import { Reviewer } from './reviewers/reviewer.entity';
import { Review } from './reviews/review.entity';
import { reviewerHasAccess } from './reviews/review.rules';

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
        const reviewIds = new Set<string>();
        if (roles.includes('BOARD_CHAIR') && board) {
          const now = new Date();
          const challenges = await db.manager
            .createQueryBuilder(PeerChallenge, 'pc')
            .where('pc.challenger_board_code = :board AND pc.revoked_at IS NULL AND pc.access_until > :now', { board, now })
            .getMany();
          challenges.filter((c) => grantsAccess(c, now)).forEach((c) => reviewIds.add(c.reviewId));
        }
        const appointedTo = new Set<string>();
        if (roles.includes('REVIEWER') && reviewer) {
          (await db.manager.find(ReviewerAppointment, { where: { reviewerId: reviewer } })).forEach((a) => appointedTo.add(a.reviewId));
        }
        const all = [...new Set([...reviewIds, ...appointedTo])];
        // An appointment grants access only until the review is published, closed or not proceeding.
        const reviews = (all.length ? await db.manager.find(Review, { where: { id: In(all) } }) : []).filter(
          (r) => reviewIds.has(r.id) || reviewerHasAccess(r.stage),
        );
        res.json({ reviewIds: reviews.map((r) => r.id), incidentIds: reviews.map((r) => r.incidentId) });
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
