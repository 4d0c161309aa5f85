import type { EntityManager } from 'typeorm';
import { isBoardStaffOf } from '@scr/auth';
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
 * On MySQL the row is locked for the transaction, so a client's retry racing
 * its original waits and then finds the change made (SQLite runs one
 * transaction at a time).
 */
export async function loadOwnIncident(ctx: IncidentsContext, manager: EntityManager, scope: IncidentScope, id: string): Promise<Incident> {
  const qb = manager.createQueryBuilder(Incident, 'i').where('i.id = :id', { id });
  if (ctx.db.kind === 'mysql') qb.setLock('pessimistic_write');
  const incident = await whereInScope(qb, 'i', scope).getOne();
  if (!incident) throw notFound('incident', id);
  if (!isBoardStaffOf(ctx.principal, incident.boardCode)) throw forbidden("Only the incident's own board can change it.");
  return incident;
}
