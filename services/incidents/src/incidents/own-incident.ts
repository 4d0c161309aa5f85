import type { EntityManager } from 'typeorm';
import { notFound } from '@scr/graphql-kit';
import type { IncidentsContext } from '../context';
import { Incident } from './incident.entity';

/**
 * Loads an incident the caller's own board holds, for a change. Another
 * board's incident answers NOT_FOUND, exactly like one that does not exist.
 */
export async function loadOwnIncident(ctx: IncidentsContext, manager: EntityManager, id: string): Promise<Incident> {
  const board = ctx.principal?.board;
  const incident = board ? await manager.findOne(Incident, { where: { id, boardCode: board } }) : null;
  if (!incident) throw notFound('incident', id);
  return incident;
}
