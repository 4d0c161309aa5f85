import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { entityReader, type Database } from '@scr/db';
import { IncidentChild } from '../children/child.entity';
import { IncidentAbuseType } from './abuse-type.entity';
import type { AbuseType } from './incident.enums';
import { Incident } from './incident.entity';
import { scopeCondition, type IncidentScope } from './incident.scope';

/** Relations of incidents already in scope: one statement per relation per request. */
export function createIncidentLoaders(db: Database, scope: () => Promise<IncidentScope>) {
  /** Answers null for an incident outside the caller's scope, exactly as for one that does not exist. */
  const incidentById = new DataLoader<string, Incident | null>(async (ids) => {
    const inScope = scopeCondition('i', await scope());
    const rows = await entityReader(db, Incident, 'i').select(`i.id IN (:...ids) AND ${inScope.sql}`, { ...inScope.parameters, ids: [...ids] });
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });
  const childrenByIncident = new DataLoader<string, IncidentChild[]>(async (ids) => {
    const rows = await entityReader(db, IncidentChild, 'c').select('c.incident_id IN (:...ids)', { ids: [...ids] }, 'ORDER BY c.position');
    return ids.map((id) => rows.filter((r) => r.incidentId === id));
  });
  const abuseTypesByIncident = new DataLoader<string, AbuseType[]>(async (ids) => {
    const rows = await db.manager.find(IncidentAbuseType, { where: { incidentId: In([...ids]) }, order: { position: 'ASC' } });
    return ids.map((id) => rows.filter((r) => r.incidentId === id).map((r) => r.abuseType));
  });
  return { incidentById, childrenByIncident, abuseTypesByIncident };
}
