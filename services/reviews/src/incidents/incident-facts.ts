import type { EntityManager } from 'typeorm';
import { IncidentFacts } from './incident-facts.entity';

/**
 * Whether events about the incident's reviews may go to the national panel:
 * only once the incident is notified to it (DOMAIN.md "Integrations"). An
 * incident this subgraph has heard nothing of yet is not.
 */
export async function isNotifiedToPanel(manager: EntityManager, incidentId: string): Promise<boolean> {
  const facts = await manager.findOneBy(IncidentFacts, { incidentId });
  return !!facts?.notifiedToPanel;
}
