import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { compareIsoDates } from '@scr/calendar';
import { isUniqueViolation, newOutboxEvent, OutboxEvent, requestHash } from '@scr/db';
import { AppError, badInput, conflict, forbidden, optionalText, requiredText, type Authenticated } from '@scr/graphql-kit';
import { IncidentChild } from '../children/child.entity';
import type { IncidentsContext } from '../context';
import { updateIncidentCounts } from '../stats/incident-counts';
import { incidentEventData } from '../events/incident-events';
import { IncidentAbuseType } from './abuse-type.entity';
import { IdempotencyKey } from './idempotency-key.entity';
import { Incident } from './incident.entity';
import { AgeBand, Ethnicity } from './incident.enums';
import type { IncidentChildInput, ReportIncidentInput } from './incident.inputs';
import {
  MAX_CHILDREN,
  MIN_CHILDREN,
  ageBandAt,
  incidentDatesProblem,
  incidentReference,
  isNotifiable,
  notificationDueOn,
} from './incident.rules';
import { nextReferenceNumber } from './next-reference-number';

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
