import type { EntityManager } from 'typeorm';
import { compareIsoDates } from '@scr/calendar';
import { newOutboxEvent, OutboxEvent, updateVersioned } from '@scr/db';
import { AppError, badInput, conflict, optionalText } from '@scr/graphql-kit';
import { panelEventType } from '@scr/outbox';
import { IncidentChild } from '../children/child.entity';
import type { IncidentsContext } from '../context';
import { incidentEventData } from '../events/incident-events';
import { panelFacts, panelView } from '../panel/panel-view';
import { storedCountedFacts, updateIncidentCounts } from '../stats/incident-counts';
import { IncidentAbuseType } from './abuse-type.entity';
import { Incident } from './incident.entity';
import type { CorrectIncidentInput } from './incident.inputs';
import { incidentRegime } from './incident-regime';
import { ageBandAt, incidentDatesProblem, isNotifiable, isNotifiedToPanel, isRepeatedCorrection, notificationDueOn } from './incident.rules';
import { loadOwnIncident } from './own-incident';

/**
 * Corrects facts of an incident of the caller's board. The write is
 * conditional on the version the caller read, so two stale writers cannot
 * both win. A referral whose corrected facts meet the criteria becomes
 * notifiable at once, its deadline counted from the corrected awareOn.
 */
export async function correctIncident(ctx: IncidentsContext, input: CorrectIncidentInput): Promise<Incident> {
  const scope = await ctx.scope();
  const corrected = await ctx.db.transaction(async (manager) => {
    const incident = await loadOwnIncident(ctx, manager, scope, input.incidentId);
    if (incident.version !== input.expectedVersion) {
      // A client's retry of the correction just made answers the incident as it is.
      const held = { ...incident, abuseTypes: await abuseTypesOf(manager, incident.id) };
      const summary = input.summary === undefined ? undefined : optionalText('summary', input.summary);
      if (isRepeatedCorrection(held, { ...input, summary })) return { incident, written: false };
      throw staleVersion(incident);
    }
    const panelBefore = incident.notifiedToPanel ? panelFacts(await panelView(manager, incident)) : undefined;
    const next = { ...incident };
    if (input.criterion) next.criterion = input.criterion;
    if (input.abuseOrNeglect) next.abuseOrNeglect = input.abuseOrNeglect;
    if (input.suspectedSuicide !== undefined && input.suspectedSuicide !== null) next.suspectedSuicide = input.suspectedSuicide;
    if (input.occurredOn) next.occurredOn = input.occurredOn;
    if (input.awareOn) next.awareOn = input.awareOn;
    if (input.summary !== undefined) next.summary = optionalText('summary', input.summary);

    const notifiable = isNotifiable(next.criterion, next.abuseOrNeglect);
    if (incident.notifiable && !notifiable) {
      throw new AppError('NOT_NOTIFIABLE', 'This correction would take the incident below the notification criteria; a notified incident must stay notifiable.');
    }
    next.notifiable = notifiable;
    const datesProblem = incidentDatesProblem(next.occurredOn, next.awareOn, ctx.today);
    if (datesProblem) throw badInput(datesProblem.field, datesProblem.message);
    if (next.notifiedOn && compareIsoDates(next.notifiedOn, next.awareOn) < 0) {
      throw badInput('awareOn', `awareOn cannot be after the notification date (${next.notifiedOn}).`);
    }
    next.notificationDueOn = notifiable ? notificationDueOn(next.awareOn) : null;

    const written = await updateVersioned(manager, Incident, incident, {
      criterion: next.criterion,
      abuseOrNeglect: next.abuseOrNeglect,
      suspectedSuicide: next.suspectedSuicide,
      notifiable: next.notifiable,
      occurredOn: next.occurredOn,
      awareOn: next.awareOn,
      notificationDueOn: next.notificationDueOn,
      summary: next.summary,
    });
    if (!written) throw staleVersion(incident);
    // Read under the row lock the update took: every change to counted facts updates the incident row first.
    const countedBefore = await storedCountedFacts(manager, incident);

    if (input.abuseTypes) await replaceAbuseTypes(manager, incident.id, [...new Set(input.abuseTypes)]);
    if (next.occurredOn !== incident.occurredOn) await rederiveAgeBands(manager, incident.id, next.occurredOn);
    const corrected = await announceCorrection(ctx, manager, incident, panelBefore);
    await updateIncidentCounts(manager, countedBefore, await storedCountedFacts(manager, corrected));
    return { incident: corrected, written: true };
  });
  if (corrected.written) ctx.eventsWritten();
  return corrected.incident;
}

async function abuseTypesOf(manager: EntityManager, incidentId: string): Promise<string[]> {
  const rows = await manager.find(IncidentAbuseType, { where: { incidentId }, order: { position: 'ASC' } });
  return rows.map((row) => row.abuseType);
}

/**
 * Keeps who is notified in step with the corrected facts, tells the reviews
 * subgraph (its decision rules and panel events follow the facts), and tells
 * the panel when an incident notified to it now reads differently: the feed
 * entry moves to the end and an `incident.corrected` webhook goes out.
 */
async function announceCorrection(
  ctx: IncidentsContext,
  manager: EntityManager,
  before: Incident,
  panelBefore: ReturnType<typeof panelFacts> | undefined,
): Promise<Incident> {
  let corrected = await manager.findOneByOrFail(Incident, { id: before.id });
  if (corrected.notifiedOn) {
    const toPanel = isNotifiedToPanel(corrected, await incidentRegime(ctx, corrected));
    const view = toPanel ? await panelView(manager, corrected) : undefined;
    const news = view && JSON.stringify(panelFacts(view)) !== JSON.stringify(panelBefore);
    if (news || toPanel !== corrected.notifiedToPanel) {
      // The time of the write, not of the request (ctx.now): the panel feed pages by it, so a late commit must not land behind a page already read.
      const recordedAt = new Date();
      await manager.update(Incident, { id: corrected.id }, { notifiedToPanel: toPanel, ...(news ? { panelRecordedAt: recordedAt } : {}) });
      if (news) {
        // An incident the panel had not been told of (e.g. a looked-after child's death now with abuse suspected) is news of a notification.
        const type = corrected.notifiedToPanel ? 'incident.corrected' : 'incident.notified';
        await manager.insert(OutboxEvent, newOutboxEvent(panelEventType(type), { ...view, recordedAt: recordedAt.toISOString() }));
      }
      corrected = await manager.findOneByOrFail(Incident, { id: corrected.id });
    }
  }
  await manager.insert(OutboxEvent, newOutboxEvent('incident.corrected', incidentEventData(corrected)));
  return corrected;
}

function staleVersion(incident: Incident) {
  return conflict(`The incident changed since you read it (now version ${incident.version}); read it again and retry.`);
}

async function replaceAbuseTypes(manager: EntityManager, incidentId: string, types: string[]) {
  await manager.delete(IncidentAbuseType, { incidentId });
  if (types.length) {
    await manager.insert(
      IncidentAbuseType,
      types.map((abuseType, position) => ({ incidentId, abuseType: abuseType as IncidentAbuseType['abuseType'], position })),
    );
  }
}

/** An age band worked out from a date of birth follows the incident date when that is corrected. */
async function rederiveAgeBands(manager: EntityManager, incidentId: string, occurredOn: string) {
  const children = await manager.find(IncidentChild, { where: { incidentId, ageBandDerived: true } });
  for (const child of children) {
    if (!child.dateOfBirth) continue;
    if (compareIsoDates(child.dateOfBirth, occurredOn) > 0) {
      throw badInput('occurredOn', `occurredOn (${occurredOn}) would be before a child's date of birth.`);
    }
    await manager.update(IncidentChild, { seq: child.seq }, { ageBand: ageBandAt(child.dateOfBirth, occurredOn) });
  }
}

