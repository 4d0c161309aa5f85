import { compareIsoDates } from '@scr/calendar';
import { newOutboxEvent, OutboxEvent } from '@scr/db';
import { badInput, conflict, invalidStage } from '@scr/graphql-kit';
import { panelEventType } from '@scr/outbox';
import { IncidentChild } from '../children/child.entity';
import type { IncidentsContext } from '../context';
import { panelNotification } from '../panel/panel-notification';
import { IncidentAbuseType } from './abuse-type.entity';
import { Incident } from './incident.entity';
import { loadOwnIncident } from './own-incident';

/** Records the date the panel and the board were notified; announces it to the reviews subgraph and the panel. */
export async function recordNotification(ctx: IncidentsContext, incidentId: string, notifiedOn: string): Promise<Incident> {
  const notified = await ctx.db.transaction(async (manager) => {
    const incident = await loadOwnIncident(ctx, manager, incidentId);
    if (!incident.notifiable) {
      throw badInput('incidentId', 'This is a referral: it is below the notification criteria and is never notified to the panel.');
    }
    if (incident.notifiedOn) {
      if (incident.notifiedOn === notifiedOn) return incident; // a retried call
      throw invalidStage(`The notification was already recorded on ${incident.notifiedOn} and cannot be recorded again with another date.`);
    }
    if (compareIsoDates(notifiedOn, incident.awareOn) < 0) {
      throw badInput('notifiedOn', `notifiedOn (${notifiedOn}) cannot be before awareOn (${incident.awareOn}).`);
    }
    if (compareIsoDates(notifiedOn, ctx.today) > 0) {
      throw badInput('notifiedOn', `notifiedOn (${notifiedOn}) cannot be after today (${ctx.today}).`);
    }
    const recordedAt = new Date();
    const { affected } = await manager
      .createQueryBuilder()
      .update(Incident)
      .set({ notifiedOn, notificationRecordedAt: recordedAt, version: incident.version + 1 })
      .where('id = :id AND version = :version', { id: incident.id, version: incident.version })
      .execute();
    if (!affected) throw conflict('The incident changed while the notification was recorded; read it again and retry.');
    await manager.insert(
      OutboxEvent,
      newOutboxEvent('incident.notified', {
        incidentId: incident.id,
        boardCode: incident.boardCode,
        reference: incident.reference,
        notifiedOn,
        awareOn: incident.awareOn,
      }),
    );
    const notified = await manager.findOneByOrFail(Incident, { id: incident.id });
    const [children, abuseTypes] = await Promise.all([
      manager.find(IncidentChild, { where: { incidentId: incident.id }, order: { position: 'ASC' } }),
      manager.find(IncidentAbuseType, { where: { incidentId: incident.id }, order: { position: 'ASC' } }),
    ]);
    const forPanel = panelNotification(notified, children, abuseTypes.map((t) => t.abuseType));
    await manager.insert(OutboxEvent, newOutboxEvent(panelEventType('incident.notified'), { ...forPanel, recordedAt: recordedAt.toISOString() }));
    return notified;
  });
  ctx.eventsWritten();
  return notified;
}
