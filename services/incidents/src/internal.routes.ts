import { randomUUID } from 'node:crypto';
import type { Router } from 'express';
import { ROLES, type Principal, type Role } from '@scr/auth';
import type { Database } from '@scr/db';
import { Auditor } from '@scr/graphql-kit';
import { panelDeliveryRoutes, type OutboxRelay } from '@scr/outbox';
import { IncidentChild } from './children/child.entity';
import { Incident } from './incidents/incident.entity';

/**
 * Who a sibling service is acting for, from the query string it sends
 * (`subject`, `roles`, `board`): named in the audit row of what it reads.
 * The platform secret already vouches for the caller.
 */
function actingPrincipal(query: Record<string, unknown>): Principal {
  const text = (v: unknown) => (typeof v === 'string' && v ? v.slice(0, 200) : undefined);
  const roles = (text(query.roles) ?? '').split(',').filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  return { subject: text(query.subject) ?? 'service', roles, board: text(query.board), service: true };
}

/** What other subgraphs ask of the incidents subgraph, behind the platform secret. */
export function internalRoutes(db: Database, panelRelay?: OutboxRelay) {
  return (router: Router) => {
    panelDeliveryRoutes(router, db, panelRelay);
    /** Children's real names and dates of birth, for the publication screen only; every read is audited like the GraphQL field. */
    router.get('/incidents/:id/identities', async (req, res) => {
      const incidentId = String(req.params.id);
      const incident = await db.manager.findOne(Incident, { where: { id: incidentId }, select: { id: true, boardCode: true } });
      if (!incident) {
        res.status(404).json({ error: 'no such incident' });
        return;
      }
      const children = await db.manager.find(IncidentChild, { where: { incidentId }, order: { position: 'ASC' } });
      const auditor = new Auditor(db, 'incidents', actingPrincipal(req.query), randomUUID(), false);
      await auditor.standalone({ operation: 'IncidentChild.identity', targetIds: [incidentId], outcome: 'READ', recordBoard: incident.boardCode });
      res.json({ children: children.map((c) => ({ fullName: c.fullName, dateOfBirth: c.dateOfBirth })) });
    });
  };
}
