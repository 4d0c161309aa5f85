import type { RegimeName } from '@scr/graphql-kit';
import type { Incident } from '../incidents/incident.entity';

/**
 * What the reviews subgraph keeps of an incident, sent with every incident
 * event: the facts the decision rules need, whether the panel hears of it
 * (its review events go to the panel only then), and the incident's version
 * so a late redelivery never overwrites newer facts.
 */
export function incidentEventData(incident: Incident, extra: { regime?: RegimeName; reportedOn?: string } = {}) {
  return {
    incidentId: incident.id,
    boardCode: incident.boardCode,
    reference: incident.reference,
    criterion: incident.criterion,
    abuseOrNeglect: incident.abuseOrNeglect,
    notifiable: incident.notifiable,
    awareOn: incident.awareOn,
    notifiedOn: incident.notifiedOn,
    notifiedToPanel: incident.notifiedToPanel,
    incidentVersion: incident.version,
    ...extra,
  };
}
