import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Database } from '@scr/db';
import { isUniqueViolation, updateVersioned } from '@scr/db';
import type { InternalClient } from '@scr/graphql-kit';
import type { IncidentEvent } from '@scr/internal-api';
import { lookupBoards } from '../directory.client';
import { IncidentFacts } from '../incidents/incident-facts.entity';
import { incidentFactsOf } from '../incidents/incident-facts';
import { Regime, ReviewStage, type ReviewOrigin } from '../reviews/review.enums';
import { Review } from '../reviews/review.entity';
import { regimeAt, reviewOpening, reviewReference } from '../reviews/review.rules';
import { ProcessedEvent } from './processed-event.entity';

type Outcome = 'opened' | 'updated' | 'duplicate';

/**
 * Incident events, each handled once per event id:
 * - a referral opens its review awaiting decision;
 * - a notification opens the notified review awaiting decision, or turns the
 *   referral's review still awaiting decision into it (kind and deadline from
 *   the regime at notification); if the referral's review was already
 *   decided, a second review opens;
 * - every event updates the incident facts kept here (never with older ones).
 */
export async function openReviewFor(db: Database, internal: InternalClient, event: IncidentEvent): Promise<Outcome> {
  const opening = await reviewOpeningFor(internal, event);
  try {
    return await db.transaction(async (manager) => {
      if (await manager.exists(ProcessedEvent, { where: { eventId: event.id } })) return 'duplicate';
      await manager.insert(ProcessedEvent, { eventId: event.id, processedAt: new Date() });
      const factsChanged = await keepFacts(manager, event);
      if (!opening) return factsChanged ? 'updated' : 'duplicate';
      return openOrConvert(manager, event, opening);
    });
  } catch (error) {
    // Two deliveries racing (the same event, or a notification and a correction): the loser's insert hits a unique index.
    if (isUniqueViolation(error)) return 'duplicate';
    throw error;
  }
}

interface Opening {
  origin: ReviewOrigin;
  openedOn: string;
  regime: Regime;
}

/** The review an event asks for, if any; the board's dates come from the directory unless the notification fixed the regime. */
async function reviewOpeningFor(internal: InternalClient, event: IncidentEvent): Promise<Opening | undefined> {
  if (event.type === 'incident.corrected') return undefined;
  const origin: ReviewOrigin = event.type === 'incident.notified' ? 'NOTIFICATION' : 'REFERRAL';
  const openedOn = origin === 'NOTIFICATION' ? event.data.notifiedOn : event.data.reportedOn;
  if (!openedOn) throw new Error(`event ${event.id} has no date`);
  if (origin === 'NOTIFICATION' && event.data.regime) {
    return { origin, openedOn, regime: event.data.regime === 'LSCB' ? Regime.LSCB : Regime.PARTNERSHIP };
  }
  const [board] = await lookupBoards(internal, [event.data.boardCode]);
  if (!board) throw new Error(`event ${event.id} names unknown board ${event.data.boardCode}`);
  return { origin, openedOn, regime: regimeAt(openedOn, board.partnershipArrangementsFrom) };
}

async function keepFacts(manager: EntityManager, event: IncidentEvent): Promise<boolean> {
  const d = event.data;
  if (d.incidentVersion === undefined || !d.criterion || !d.abuseOrNeglect) return false;
  const facts = {
    incidentId: d.incidentId,
    criterion: d.criterion,
    abuseOrNeglect: d.abuseOrNeglect,
    notifiedOn: d.notifiedOn ?? null,
    notifiedToPanel: !!d.notifiedToPanel,
    incidentVersion: d.incidentVersion,
    updatedAt: new Date(),
  };
  const known = await incidentFactsOf(manager, d.incidentId);
  if (!known) {
    await manager.insert(IncidentFacts, facts);
    return true;
  }
  if (known.incidentVersion >= d.incidentVersion) return false;
  const { affected } = await manager
    .createQueryBuilder()
    .update(IncidentFacts)
    .set(facts)
    .where('incident_id = :id AND incident_version < :version', { id: d.incidentId, version: d.incidentVersion })
    .execute();
  return !!affected;
}

async function openOrConvert(manager: EntityManager, event: IncidentEvent, opening: Opening): Promise<Outcome> {
  const existing = await manager.find(Review, { where: { incidentId: event.data.incidentId }, order: { seq: 'ASC' } });
  // A referral's review opens only for a case the board has not yet heard of otherwise (a late redelivery opens nothing).
  if (existing.some((r) => r.origin === opening.origin) || (opening.origin === 'REFERRAL' && existing.length)) return 'duplicate';
  const { kind, decisionDueOn } = reviewOpening(opening.regime, opening.openedOn);
  const referral = existing.find((r) => r.origin === 'REFERRAL');
  if (opening.origin === 'NOTIFICATION' && referral?.stage === ReviewStage.AWAITING_DECISION) {
    // Conditional on the stage and version read: a decision recorded meanwhile wins, and a new review opens below.
    const converted = { origin: 'NOTIFICATION' as const, regime: opening.regime, kind, openedOn: opening.openedOn, decisionDueOn };
    if (await updateVersioned(manager, Review, referral, converted, { stage: ReviewStage.AWAITING_DECISION })) return 'updated';
  }
  await manager.insert(Review, {
    id: randomUUID(),
    reference: reviewReference(event.data.reference, existing.length + 1),
    incidentId: event.data.incidentId,
    boardCode: event.data.boardCode,
    origin: opening.origin,
    regime: opening.regime,
    kind,
    stage: ReviewStage.AWAITING_DECISION,
    openedOn: opening.openedOn,
    decisionDueOn,
    version: 1,
    createdAt: new Date(),
  });
  return 'opened';
}
