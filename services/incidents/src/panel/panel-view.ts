import type { EntityManager } from 'typeorm';
import { IncidentChild } from '../children/child.entity';
import { IncidentAbuseType } from '../incidents/abuse-type.entity';
import type { Incident } from '../incidents/incident.entity';
import { panelNotification } from './panel-notification';
import type { PanelNotification } from './panel-notification.types';

/** The panel's view of an incident as stored now, read inside the transaction that changes it. */
export async function panelView(manager: EntityManager, incident: Incident): Promise<PanelNotification> {
  const [children, abuseTypes] = await Promise.all([
    manager.find(IncidentChild, { where: { incidentId: incident.id }, order: { position: 'ASC' } }),
    manager.find(IncidentAbuseType, { where: { incidentId: incident.id }, order: { position: 'ASC' } }),
  ]);
  return panelNotification(
    incident,
    children,
    abuseTypes.map((t) => t.abuseType),
  );
}

/** The facts the panel sees, without the feed position: what a correction must change to be news to the panel. */
export function panelFacts(view: PanelNotification): Omit<PanelNotification, 'recordedAt'> {
  const { recordedAt: _recordedAt, ...facts } = view;
  return facts;
}
