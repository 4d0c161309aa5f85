import type { IncidentChild } from '../children/child.entity';
import type { Incident } from '../incidents/incident.entity';
import type { AbuseType } from '../incidents/incident.enums';
import type { PanelNotification } from './panel-notification.types';

/** The panel's view of a notified incident; the same shape feeds the pull API and the webhook. */
export function panelNotification(incident: Incident, children: IncidentChild[], abuseTypes: AbuseType[]): PanelNotification {
  return {
    id: incident.id,
    incidentReference: incident.reference,
    boardCode: incident.boardCode,
    criterion: incident.criterion,
    abuseOrNeglect: incident.abuseOrNeglect,
    suspectedSuicide: incident.suspectedSuicide,
    occurredOn: incident.occurredOn,
    awareOn: incident.awareOn,
    notifiedOn: incident.notifiedOn!,
    children: children.map((c) => ({
      ageBand: c.ageBand,
      sex: c.sex,
      ethnicity: c.ethnicity,
      disability: c.disability,
      socialCareStatus: c.socialCareStatus,
    })),
    abuseTypes,
    recordedAt: incident.panelRecordedAt!,
  };
}
