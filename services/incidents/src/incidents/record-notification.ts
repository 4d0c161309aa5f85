import { compareIsoDates } from '@scr/calendar';
import { newOutboxEvent, OutboxEvent, updateVersioned } from '@scr/db';
import { badInput, conflict, invalidStage, regimeAt, notAfterToday } from '@scr/graphql-kit';
import { panelEventType } from '@scr/outbox';
import type { IncidentsContext } from '../context';
import { incidentEventData } from '../events/incident-events';
import { panelView } from '../panel/panel-view';
import { Incident } from './incident.entity';
import { isNotifiedToPanel } from './incident.rules';
import { loadOwnIncident } from './own-incident';

/**
 * Records the date the notification was made; fixes the regime (and so who
 * was notified), announces it to the reviews subgraph, and to the panel when
 * the panel is a recipient.
 */
export async function recordNotification(ctx: IncidentsContext, incidentId: string, notifiedOn: string): Promise<Incident> {
  // Board dates come from the directory before the transaction, so no row waits on an HTTP call.
  const board = ctx.principal?.board ? await ctx.boardFacts.load(ctx.principal.board) : null;
  const scope = await ctx.scope(); // likewise the case grants
  const notified = await ctx.db.transaction(async (manager) => {
    const incident = await loadOwnIncident(ctx, manager, scope, incidentId);
    if (!incident.notifiable) {
      throw badInput('incidentId', 'This is a referral: it is below the notification criteria and is never notified. Correct its facts first if the criteria are now met.');
    }
    if (incident.notifiedOn) {
      if (incident.notifiedOn === notifiedOn) return incident; // a retried call
      throw invalidStage(`The notification was already recorded on ${incident.notifiedOn} and cannot be recorded again with another date.`);
    }
    if (compareIsoDates(notifiedOn, incident.awareOn) < 0) {
      throw badInput('notifiedOn', `notifiedOn (${notifiedOn}) cannot be before awareOn (${incident.awareOn}).`);
    }
    notAfterToday('notifiedOn', notifiedOn, ctx.today);
    if (board?.code !== incident.boardCode) throw new Error(`board ${incident.boardCode} is not in the directory`);
    const regime = regimeAt(notifiedOn, board.partnershipArrangementsFrom);
    const toPanel = isNotifiedToPanel(incident, regime);
    // The time of the write, not of the request (ctx.now): the panel feed pages by it, so a late commit must not land behind a page already read.
    const recordedAt = new Date();
    const written = await updateVersioned(manager, Incident, incident, {
      notifiedOn,
      notificationRecordedAt: recordedAt,
      notificationRegime: regime,
      notifiedToPanel: toPanel,
      panelRecordedAt: toPanel ? recordedAt : null,
    });
    if (!written) throw conflict('The incident changed while the notification was recorded; read it again and retry.');
    const notified = await manager.findOneByOrFail(Incident, { id: incident.id });
    await manager.insert(OutboxEvent, newOutboxEvent('incident.notified', incidentEventData(notified, { regime })));
    if (toPanel) {
      const forPanel = await panelView(manager, notified);
      await manager.insert(OutboxEvent, newOutboxEvent(panelEventType('incident.notified'), { ...forPanel, recordedAt: recordedAt.toISOString() }));
    }
    return notified;
  });
  ctx.eventsWritten();
  return notified;
}
