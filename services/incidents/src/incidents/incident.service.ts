import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { compareIsoDates } from '@scr/calendar';
import { isUniqueViolation, newOutboxEvent, OutboxEvent, requestHash, updateVersioned } from '@scr/db';
import {
  AppError,
  badInput,
  conflict,
  forbidden,
  optionalText,
  requiredText,
  invalidStage,
  regimeAt,
  notAfterToday,
  type Authenticated,
} from '@scr/graphql-kit';
import { panelEventType } from '@scr/outbox';
import { IncidentChild } from '../children/child.entity';
import type { IncidentsContext } from '../context';
import { updateIncidentCounts, storedCountedFacts } from '../stats/incident-counts';
import { incidentEventData } from '../events/incident-events';
import { panelFacts, panelView } from '../panel/panel-view';
import { IncidentAbuseType } from './abuse-type.entity';
import { IdempotencyKey } from './idempotency-key.entity';
import { Incident } from './incident.entity';
import { AgeBand, Ethnicity } from './incident.enums';
import type { IncidentChildInput, ReportIncidentInput, CorrectIncidentInput } from './incident.inputs';
import {
  MAX_CHILDREN,
  MIN_CHILDREN,
  ageBandAt,
  incidentDatesProblem,
  incidentReference,
  isNotifiable,
  notificationDueOn,
  isNotifiedToPanel,
  isRepeatedCorrection,
} from './incident.rules';
import { nextReferenceNumber } from './next-reference-number';
import { incidentRegime } from './incident-regime';
import { loadOwnIncident } from './own-incident';

/*
 * The incident's use cases: reporting it, correcting its facts, recording
 * its notification (one file per feature, as in the other subgraphs).
 */

const MAX_ATTEMPTS = 5;

export async function reportIncident(ctx: Authenticated<IncidentsContext>, input: ReportIncidentInput): Promise<Incident> {
  const principal = ctx.principal;
  const board = await ctx.boardFacts.load(input.boardCode);
  if (!board) throw badInput('boardCode', `No board with code "${input.boardCode}" exists.`);
  if (principal.board !== board.code) {
    throw forbidden(`You can report incidents only for your own board (${principal.board}).`);
  }
  const draft = validate(ctx, input);
  const key = input.idempotencyKey ? requiredText('idempotencyKey', input.idempotencyKey, 200) : undefined;
  const hash = requestHash({ ...input, idempotencyKey: undefined });

  // A unique index settles races (same idempotency key, a year's first counter row): the loser runs again and then
  // sees the winner. Deadlocks between boards' first reports of a year are retried by db.transaction itself.
  const incident = await ctx.db.transaction(
    async (manager) => {
      if (key) {
        const existing = await replay(manager, board.code, key, hash);
        if (existing) return existing;
      }
      const incident = await insertIncident(ctx, manager, board.code, draft);
      if (key) await manager.insert(IdempotencyKey, { boardCode: board.code, key, requestHash: hash, incidentId: incident.id, createdAt: ctx.now });
      return incident;
    },
    { retryOn: isUniqueViolation, attempts: MAX_ATTEMPTS },
  );
  ctx.eventsWritten();
  return incident;
}

async function replay(manager: EntityManager, boardCode: string, key: string, hash: string): Promise<Incident | undefined> {
  const row = await manager.findOne(IdempotencyKey, { where: { boardCode, key } });
  if (!row) return undefined;
  if (row.requestHash !== hash) {
    throw conflict(`The idempotency key "${key}" was already used with different input; use a new key for a new incident.`);
  }
  return (await manager.findOneOrFail(Incident, { where: { id: row.incidentId } })) ?? undefined;
}

type Draft = ReturnType<typeof validate>;

function validate(ctx: IncidentsContext, input: ReportIncidentInput) {
  const notifiable = isNotifiable(input.criterion, input.abuseOrNeglect);
  if (!notifiable && !input.referral) {
    throw new AppError(
      'NOT_NOTIFIABLE',
      'This incident does not meet the notification criteria (abuse or neglect must be known or suspected unless a looked-after child died). Report it with referral: true if the board should still consider a review.',
    );
  }
  const datesProblem = incidentDatesProblem(input.occurredOn, input.awareOn, ctx.today);
  if (datesProblem) throw badInput(datesProblem.field, datesProblem.message);
  if (input.children.length < MIN_CHILDREN || input.children.length > MAX_CHILDREN) {
    throw badInput('children', `One notification covers ${MIN_CHILDREN} to ${MAX_CHILDREN} children; ${input.children.length} were given.`);
  }
  const children = input.children.map((child, i) => validateChild(child, i, input.occurredOn));
  return {
    criterion: input.criterion,
    abuseOrNeglect: input.abuseOrNeglect,
    suspectedSuicide: input.suspectedSuicide ?? false,
    notifiable,
    occurredOn: input.occurredOn,
    occurredInArea: optionalText('occurredInArea', input.occurredInArea, 200),
    awareOn: input.awareOn,
    summary: optionalText('summary', input.summary),
    abuseTypes: [...new Set(input.abuseTypes ?? [])],
    children,
  };
}

function validateChild(child: IncidentChildInput, index: number, occurredOn: string) {
  const field = (name: string) => `children[${index}].${name}`;
  if (child.dateOfBirth && compareIsoDates(child.dateOfBirth, occurredOn) > 0) {
    throw badInput(field('dateOfBirth'), `The child's date of birth (${child.dateOfBirth}) is after the incident (${occurredOn}).`);
  }
  const derived = child.dateOfBirth ? ageBandAt(child.dateOfBirth, occurredOn) : undefined;
  if (child.ageBand && derived && child.ageBand !== derived) {
    throw badInput(field('ageBand'), `ageBand ${child.ageBand} does not match the date of birth, which gives ${derived} at the incident.`);
  }
  return {
    pseudonym: requiredText(field('pseudonym'), child.pseudonym, 100),
    fullName: requiredText(field('fullName'), child.fullName, 300),
    dateOfBirth: child.dateOfBirth ?? null,
    ageBand: child.ageBand ?? derived ?? AgeBand.UNKNOWN,
    ageBandDerived: !child.ageBand && !!derived,
    sex: child.sex,
    ethnicity: child.ethnicity ?? Ethnicity.NOT_KNOWN,
    disability: child.disability ?? null,
    socialCareStatus: child.socialCareStatus,
  };
}

async function insertIncident(ctx: Authenticated<IncidentsContext>, manager: EntityManager, boardCode: string, draft: Draft): Promise<Incident> {
  const year = Number(ctx.today.slice(0, 4));
  const number = await nextReferenceNumber(manager, boardCode, year);
  const incident = manager.create(Incident, {
    id: randomUUID(),
    reference: incidentReference(boardCode, year, number),
    referenceYear: year,
    referenceNumber: number,
    boardCode,
    criterion: draft.criterion,
    abuseOrNeglect: draft.abuseOrNeglect,
    suspectedSuicide: draft.suspectedSuicide,
    notifiable: draft.notifiable,
    occurredOn: draft.occurredOn,
    occurredInArea: draft.occurredInArea,
    awareOn: draft.awareOn,
    notificationDueOn: draft.notifiable ? notificationDueOn(draft.awareOn) : null,
    notifiedOn: null,
    notificationRecordedAt: null,
    notificationRegime: null,
    notifiedToPanel: false,
    panelRecordedAt: null,
    summary: draft.summary,
    version: 1,
    createdBy: ctx.principal.subject,
    createdAt: ctx.now,
  });
  await manager.insert(Incident, incident);
  await manager.insert(
    IncidentChild,
    draft.children.map((c, position) => ({ ...c, incidentId: incident.id, position })),
  );
  if (draft.abuseTypes.length) {
    await manager.insert(
      IncidentAbuseType,
      draft.abuseTypes.map((abuseType, position) => ({ incidentId: incident.id, abuseType, position })),
    );
  }
  await updateIncidentCounts(manager, undefined, { ...incident, children: draft.children, abuseTypes: draft.abuseTypes });
  if (!incident.notifiable) {
    // A referral opens its review awaiting decision at once (the reviews subgraph consumes this).
    await manager.insert(OutboxEvent, newOutboxEvent('incident.referred', incidentEventData(incident, { reportedOn: ctx.today })));
  }
  return incident;
}

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
      throw new AppError(
        'NOT_NOTIFIABLE',
        'This correction would take the incident below the notification criteria; a notified incident must stay notifiable.',
      );
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
      throw badInput(
        'incidentId',
        'This is a referral: it is below the notification criteria and is never notified. Correct its facts first if the criteria are now met.',
      );
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
