import type { EntityManager } from 'typeorm';
import { isBoardStaffOf } from '@scr/auth';
import { forUpdate } from '@scr/db';
import { forbidden, notFound } from '@scr/graphql-kit';
import type { IncidentsContext } from '../context';
import { Incident } from './incident.entity';
import { whereInScope, type IncidentScope } from './incident.scope';

/**
 * Loads an incident for a change by its own board's staff. One outside the
 * caller's scope answers NOT_FOUND, exactly like one that does not exist; one
 * the caller may read (a peer-challenge chair, a reviewer) but not change is
 * FORBIDDEN. The scope is worked out before the transaction: it may ask the
 * reviews subgraph for case grants, and no transaction waits on that.
 * The row is locked for the transaction (forUpdate), so a client's retry
 * racing its original waits and then finds the change made.
 */
export async function loadOwnIncident(ctx: IncidentsContext, manager: EntityManager, scope: IncidentScope, id: string): Promise<Incident> {
  const qb = manager.createQueryBuilder(Incident, 'i').where('i.id = :id', { id });
  forUpdate(ctx.db, qb);
  const incident = await whereInScope(qb, 'i', scope).getOne();
  if (!incident) throw notFound('incident', id);
  if (!isBoardStaffOf(ctx.principal, incident.boardCode)) throw forbidden("Only the incident's own board can change it.");
  return incident;
}
