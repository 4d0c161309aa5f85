import type { EntityManager } from 'typeorm';
import { IncidentFacts } from './incident-facts.entity';

/** What this subgraph knows of an incident from its events; null when it has heard nothing of it yet. */
export function incidentFactsOf(manager: EntityManager, incidentId: string): Promise<IncidentFacts | null> {
  return manager.findOneBy(IncidentFacts, { incidentId });
}

/**
 * Whether events about the incident's reviews may go to the national panel:
 * only once the incident is notified to it (DOMAIN.md "Integrations"). An
 * incident this subgraph has heard nothing of yet is not.
 */
export function isNotifiedToPanel(facts: Pick<IncidentFacts, 'notifiedToPanel'> | null): boolean {
  return !!facts?.notifiedToPanel;
}
