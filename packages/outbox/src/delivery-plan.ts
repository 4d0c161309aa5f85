/**
 * How one pass delivers a claimed batch: events of one aggregate (an
 * incident, a review) one after another in seq order, so a receiver never
 * sees an incident corrected before it was notified; different aggregates
 * side by side, at most `concurrency` at a time. Events without a key have
 * no order to keep and each goes on its own.
 */

export interface Keyed {
  seq: number;
  key: string | undefined;
}

export interface PlannedOutcome<E> {
  delivered: E[];
  /** Failed, each with its error: backs off on its own schedule. */
  failed: { event: E; error: unknown }[];
  /** Not tried: an earlier event of the same aggregate failed this pass (they follow it), or the group was longer than this pass allows. */
  heldBack: { event: E; behind?: E }[];
}

/**
 * Runs `deliver` over the batch: each aggregate's events in seq order, at
 * most `maxPerKey` of them this pass (the rest are held back for the next
 * one, so a pass never outlasts its lease), stopping an aggregate at its
 * first failure; `concurrency` aggregates in flight at once.
 */
export async function deliverPerAggregate<E extends Keyed>(
  events: readonly E[],
  options: { concurrency: number; maxPerKey: number },
  deliver: (event: E) => Promise<void>,
): Promise<PlannedOutcome<E>> {
  const outcome: PlannedOutcome<E> = { delivered: [], failed: [], heldBack: [] };
  const groups = groupByKey([...events].sort((a, b) => a.seq - b.seq));
  let next = 0;
  const worker = async () => {
    while (next < groups.length) {
      // In range: next was compared with the length just above, with no await between.
      const group = groups[next++]!;
      let failedEvent: E | undefined;
      for (const [index, event] of group.entries()) {
        if (failedEvent || index >= options.maxPerKey) {
          outcome.heldBack.push({ event, behind: failedEvent });
          continue;
        }
        try {
          await deliver(event);
          outcome.delivered.push(event);
        } catch (error) {
          outcome.failed.push({ event, error });
          failedEvent = event;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, groups.length) }, worker));
  return outcome;
}

/**
 * Delivers the whole batch in one call, for a receiver that takes many at
 * once and has no order to keep (audit rows): the call resolves with the
 * events it refused, each of which backs off on its own, or rejects and
 * every event is retried.
 */
export async function deliverAsOne<E>(events: readonly E[], deliver: (events: readonly E[]) => Promise<ReadonlyMap<E, unknown>>): Promise<PlannedOutcome<E>> {
  if (events.length === 0) return { delivered: [], failed: [], heldBack: [] };
  try {
    const refused = await deliver(events);
    return {
      delivered: events.filter((event) => !refused.has(event)),
      failed: [...refused].map(([event, error]) => ({ event, error })),
      heldBack: [],
    };
  } catch (error) {
    return { delivered: [], failed: events.map((event) => ({ event, error })), heldBack: [] };
  }
}

/** Groups in order of their first event; a keyless event is a group of its own. */
function groupByKey<E extends Keyed>(events: E[]): E[][] {
  const groups: E[][] = [];
  const byKey = new Map<string, E[]>();
  for (const event of events) {
    if (event.key === undefined) {
      groups.push([event]);
      continue;
    }
    let group = byKey.get(event.key);
    if (!group) {
      group = [];
      byKey.set(event.key, group);
      groups.push(group);
    }
    group.push(event);
  }
  return groups;
}

/** The aggregate of an event from the first of these payload fields it has (e.g. "incidentId", "reviewId"). */
export function keyFromData(...fields: string[]): (data: unknown) => string | undefined {
  return (data) => {
    if (!data || typeof data !== 'object') return undefined;
    for (const field of fields) {
      const value = (data as Record<string, unknown>)[field];
      if (typeof value === 'string' && value !== '') return `${field}:${value}`;
    }
    return undefined;
  };
}

/**
 * A lease long enough for the pass that took it. Workers taking aggregates
 * as they free up each deliver at most batch/concurrency events plus one
 * aggregate's run (at most maxPerKey): twice maxPerKey deliveries in a row,
 * each allowed `deliveryTimeoutMs`, plus a margin for recording outcomes.
 * An event whose lease ran out mid-delivery would be sent twice.
 */
export function leaseFor(batchSize: number, concurrency: number, deliveryTimeoutMs: number): number {
  return 2 * maxPerKeyFor(batchSize, concurrency) * deliveryTimeoutMs + 5_000;
}

/** A lease for a pass that delivers its batch in one call (deliverAsOne): that call, plus the same margin. */
export function batchLeaseFor(deliveryTimeoutMs: number): number {
  return deliveryTimeoutMs + 5_000;
}

/** How many events of one aggregate a pass may deliver one after another within its lease. */
export function maxPerKeyFor(batchSize: number, concurrency: number): number {
  return Math.ceil(batchSize / concurrency);
}
