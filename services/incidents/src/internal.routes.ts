import type { Router } from 'express';
import type { Database } from '@scr/db';
import { panelDeliveryRoutes, type OutboxRelay } from '@scr/outbox';
import { IncidentChild } from './children/child.entity';


/** What other subgraphs ask of the incidents subgraph, behind the platform secret. */
export function internalRoutes(db: Database, panelRelay?: OutboxRelay) {
  return (router: Router) => {
    panelDeliveryRoutes(router, db, panelRelay);
    /** Children's real names and dates of birth, for the publication screen only. */
    router.get(
      '/incidents/:id/identities',
      async (req, res) => {
        const children = await db.manager.find(IncidentChild, { where: { incidentId: String(req.params.id) }, order: { position: 'ASC' } });
        res.json({ children: children.map((c) => ({ fullName: c.fullName, dateOfBirth: c.dateOfBirth })) });
      },
    );
  };
}
