import { isRetryableConflict, requestScope, retrying, transientFailureReason, type Database, type OutboxEvent } from '@scr/db';
import { logger, outsideRequest, registerRelay, RepeatSummariser } from '@scr/observability';
import { retryDelayMs } from './backoff';
import { readBacklog } from './backlog';
import { claimBatch } from './claim';
import { batchLeaseFor, deliverAsOne, deliverPerAggregate, leaseFor, maxPerKeyFor, type PlannedOutcome } from './delivery-plan';
import { errorMessage } from './error-message';
import { bringForwardRetries, recordDeliveredMany, recordFailed, reschedule } from './record';

/** What the receiver gets: the stored event with its payload parsed. */
export interface OutboxDelivery {
  /** Stable across redeliveries: receivers use it to act only once. */
  id: string;
  type: string;
  data: unknown;
  occurredAt: Date;
  /** Failed attempts before this one (0 on the first try). */
  attempts: number;
}

/** Resolves when the receiver has the event; rejects (or throws) to retry it later. */
export type DeliverFn = (event: OutboxDelivery) => Promise<void>;

/**
 * Delivers a whole claimed batch in one call, for a receiver that takes many
 * events at once and keeps no order (audit rows): resolves with the events it
 * refused and why (each retried on its own schedule), rejects to retry all.
 */
export interface DeliverBatch {
  many(events: readonly OutboxDelivery[]): Promise<ReadonlyMap<OutboxDelivery, unknown>>;
}

export interface OutboxRelayOptions {
  /** Poll period after start(), in ms (default 1000). */
  intervalMs?: number;
  /** Events claimed per pass (default 50). */
  batchSize?: number;
  /** Deliveries in flight at once, each to a different aggregate (default 8). */
  concurrency?: number;
  /**
   * The aggregate an event belongs to (an incident, a review), from its
   * payload: events with the same key are delivered one at a time in the
   * order they were written; undefined: no order to keep. Default: none.
   */
  orderKey?: (data: unknown) => string | undefined;
  /**
   * The longest one deliver() may take (give it its own timeout at or below
   * this; default 10000). The lease is sized from it and the batch.
   */
  deliveryTimeoutMs?: number;
  /**
   * How long a claimed event stays invisible to other passes, in ms (default:
   * leaseFor(batchSize, concurrency, deliveryTimeoutMs), or batchLeaseFor(deliveryTimeoutMs)
   * for a DeliverBatch receiver). An event still in
   * flight when its lease runs out can be delivered a second time.
   */
  leaseMs?: number;
  /** Retry delays; see retryDelayMs (defaults 1 s doubling up to 10 min). */
  backoff?: { baseMs?: number; capMs?: number };
  /**
   * Only claim events of these types (filtered in SQL, so rows for other
   * relays are neither locked nor leased, and cannot crowd a batch).
   * Undefined: every type. Empty: nothing.
   */
  types?: readonly string[];
  /** Shown in log lines, e.g. the service name. */
  name?: string;
}

export interface PassResult {
  delivered: number;
  failed: number;
}

/**
 * Delivers outbox events at least once, oldest first, each on its own retry
 * schedule: a failing event backs off (attempts, last_error, next_attempt_at)
 * while newer events of other aggregates keep flowing. A pass delivers up to
 * `concurrency` aggregates side by side, each aggregate's events in the order
 * they were written (see deliverPerAggregate). Several relays (replicas) may share a
 * MySQL database: claims use SKIP LOCKED plus a lease, so each pass gets
 * disjoint events.
 */
export class OutboxRelay {
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly orderKey: (data: unknown) => string | undefined;
  private readonly leaseMs: number;
  private readonly backoff: { baseMs?: number; capMs?: number };
  private readonly types?: readonly string[];
  private readonly label: string;
  /** The relay's name in metrics (scr_outbox_* gauges, label relay). */
  private readonly metricName: string;
  private stopBacklogMetrics?: () => void;
  /** A relay retrying against a dead receiver or database logs each reason once a minute, not every pass. */
  private readonly summary = new RepeatSummariser();
  /** The last pass delivered nothing and failed something: the receiver looked down. */
  private receiverDown = false;
  /**
   * Waiting events are owed a bring-forward that could not be written (a
   * deadlock with another relay's claim, the database gone): every pass tries
   * again until one succeeds, or they would wait out their whole backoff.
   */
  private bringForwardOwed = false;

  private timer: NodeJS.Timeout | null = null;
  /** The timer-driven pass in flight, if any; never rejects. */
  private ticking: Promise<void> | null = null;
  /** A poke arrived during a pass (or the batch was full): run another right after. */
  private again = false;
  private polling = false;
  private stopped = false;
  /** Tail of the pass queue: one pass at a time per relay, whoever asked for it. */
  private passes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly deliver: DeliverFn | DeliverBatch,
    options: OutboxRelayOptions = {},
  ) {
    this.intervalMs = positive('intervalMs', options.intervalMs ?? 1000);
    this.batchSize = positiveInteger('batchSize', options.batchSize ?? 50);
    this.concurrency = positiveInteger('concurrency', options.concurrency ?? 8);
    this.orderKey = options.orderKey ?? (() => undefined);
    const deliveryTimeoutMs = positive('deliveryTimeoutMs', options.deliveryTimeoutMs ?? 10_000);
    const lease = typeof deliver === 'function' ? leaseFor(this.batchSize, this.concurrency, deliveryTimeoutMs) : batchLeaseFor(deliveryTimeoutMs);
    this.leaseMs = positive('leaseMs', options.leaseMs ?? lease);
    this.backoff = { ...options.backoff };
    retryDelayMs(1, this.backoff); // refuse bad backoff options now, not at the first failure
    this.types = options.types ? [...options.types] : undefined;
    this.label = options.name ? `[outbox ${options.name}]` : '[outbox]';
    this.metricName = options.name ?? 'outbox';
  }

  /** Polls every intervalMs, starting with a pass right away for any backlog. */
  start(): void {
    this.stopped = false;
    this.stopBacklogMetrics ??= registerRelay(() => readBacklog(this.db, this.metricName, this.types));
    if (this.polling) return;
    this.polling = true;
    if (!this.ticking) this.schedule(0);
  }

  /**
   * Runs a pass soon; call it after committing events so they go out now
   * rather than at the next poll. Pokes coalesce: many before the pass
   * starts make one pass; any during a pass make exactly one more after it
   * (the running pass may have claimed before those events committed).
   * Works without start() too (passes then run only when poked). Ignored
   * after stop().
   */
  poke(): void {
    if (this.stopped) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  /**
   * Stops polling and pokes, then waits for the pass in flight (its whole
   * batch, outcomes recorded) so the Database can be closed safely.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopBacklogMetrics?.();
    this.stopBacklogMetrics = undefined;
    this.polling = false;
    this.again = false;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await this.ticking;
    await this.passes;
    this.summary.flush();
  }

  /**
   * One pass: claim and lease due events, deliver them (aggregates side by
   * side, each in order), record the outcomes. Rejects only if the claim itself fails (e.g. database
   * down); a failed delivery is counted, recorded and retried later.
   */
  runOnce(): Promise<PassResult> {
    const run = this.passes.then(() => this.pass());
    this.passes = run.catch(() => undefined);
    return run;
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    // A poke comes from inside an API request; the pass is background work, not part of that request.
    // Nor does it carry that request's id into its log lines and calls (outsideRequest).
    this.timer = requestScope.exit(() =>
      outsideRequest(() =>
        setTimeout(() => {
          this.timer = null;
          this.ticking = this.tick().finally(() => {
            this.ticking = null;
            this.afterTick();
          });
        }, delayMs),
      ),
    );
    // A forgotten relay must not keep a process alive at shutdown; pokes keep
    // their ref so an explicit request is honoured.
    if (delayMs > 0) this.timer.unref();
  }

  /** A timer-driven pass: never throws, logs at most once. */
  private async tick(): Promise<void> {
    this.again = false;
    this.summary.flush();
    try {
      const { delivered, failed } = await this.runOnce();
      // A full batch suggests more are due: carry on without waiting a period.
      if (delivered + failed >= this.batchSize) this.again = true;
    } catch (error) {
      const line = `${this.label} pass failed: ${transientFailureReason(error) ?? errorMessage(error)}`;
      this.summary.report(line, line);
    }
  }

  private afterTick(): void {
    if (this.stopped) return;
    if (this.again) this.schedule(0);
    else if (this.polling) this.schedule(this.intervalMs);
  }

  private keyOf(event: OutboxEvent): string | undefined {
    return this.orderKey(safeParse(event.payload));
  }

  private deliverClaimed(keyed: KeyedEvent[]): Promise<PlannedOutcome<KeyedEvent>> {
    const deliver = this.deliver;
    if (typeof deliver !== 'function') return deliverBatch(keyed, deliver);
    // Each aggregate in seq order, up to `concurrency` aggregates at once; a failure holds back the rest of its aggregate.
    return deliverPerAggregate(keyed, { concurrency: this.concurrency, maxPerKey: maxPerKeyFor(this.batchSize, this.concurrency) }, (item) =>
      deliver(toDelivery(item.event)),
    );
  }

  private async pass(): Promise<PassResult> {
    const events = await claimBatch(this.db, { batchSize: this.batchSize, leaseMs: this.leaseMs, types: this.types });
    const problems: string[] = [];
    let firstReason = '';
    const keyed = events.map((event) => ({ event, seq: event.seq, key: this.keyOf(event) }));
    const outcome = await this.deliverClaimed(keyed);
    const delivered = outcome.delivered.length;
    const failed = outcome.failed.length;
    // A success after passes that delivered nothing: the receiver is back from an outage.
    const backAfterOutage = delivered > 0 && this.receiverDown;
    // A success of an event that failed before: the receiver may be back from a shorter blip.
    const retrySucceeded = delivered > 0 && outcome.delivered.some((item) => item.event.attempts > 0);
    const noteProblem = (problem: string, reason: string) => {
      firstReason ||= reason;
      problems.push(problem);
    };
    // The lease still protects a row whose outcome could not be written: it is retried once the lease ends.
    try {
      if (delivered > 0)
        await recordDeliveredMany(
          this.db,
          outcome.delivered.map((item) => item.seq),
          new Date(),
        );
    } catch (error) {
      const reason = transientFailureReason(error) ?? errorMessage(error);
      noteProblem(`could not record ${delivered} deliveries: ${reason}`, `could not record an outcome: ${reason}`);
    }
    const retryAtOf = new Map<number, Date>();
    for (const { event: item, error } of outcome.failed) {
      const { event } = item;
      const message = errorMessage(error);
      const retryAt = new Date(Date.now() + retryDelayMs(event.attempts + 1, this.backoff));
      retryAtOf.set(event.seq, retryAt);
      noteProblem(`${event.type} ${event.id} (attempt ${event.attempts + 1}): ${message}`, transientFailureReason(error) ?? message);
      // Every attempt at debug level (the summary keeps the default level to one line a minute a reason); never the payload.
      logger.debug(
        { relay: this.metricName, eventId: event.id, eventType: event.type, attempt: event.attempts + 1, reason: message },
        `${this.label} delivery failed`,
      );
      try {
        await recordFailed(this.db, event.seq, message, retryAt);
      } catch (recordError) {
        const reason = transientFailureReason(recordError) ?? errorMessage(recordError);
        noteProblem(`could not record the outcome of ${event.type} ${event.id}: ${reason}`, `could not record an outcome: ${reason}`);
      }
    }
    // Held back behind a failure: due with the failed event, so they follow it in order; held back for length: due now.
    const heldBack = new Map<number, number[]>();
    for (const { event: item, behind } of outcome.heldBack) {
      const due = behind ? (retryAtOf.get(behind.seq)?.getTime() ?? Date.now()) : Date.now();
      heldBack.set(due, [...(heldBack.get(due) ?? []), item.seq]);
    }
    for (const [due, seqs] of heldBack) {
      try {
        await reschedule(this.db, seqs, new Date(due));
      } catch (error) {
        noteProblem(
          `could not reschedule ${seqs.length} held-back events: ${transientFailureReason(error) ?? errorMessage(error)}`,
          'could not reschedule held-back events',
        );
      }
    }
    if (outcome.heldBack.some((h) => !h.behind)) this.again = true;
    // Back after an outage, everything that waited goes now, this pass's failures too: they failed as the
    // receiver came back. After a blip, only if this pass failed nothing: a single bad event among good ones
    // keeps its own backoff.
    if (backAfterOutage || (retrySucceeded && failed === 0)) this.bringForwardOwed = true;
    if (this.bringForwardOwed) {
      // Events backed off during the outage go now rather than over the next minutes. Another replica's
      // event in flight may be sent twice: delivery is at least once, and receivers act once per event id.
      try {
        const broughtForward = await retrying(() => bringForwardRetries(this.db, this.types, new Date()), { retryOn: isRetryableConflict });
        this.bringForwardOwed = false;
        if (broughtForward > 0) this.again = true;
      } catch (error) {
        const problem = `could not bring waiting events forward (tried again next pass): ${transientFailureReason(error) ?? errorMessage(error)}`;
        noteProblem(problem, problem);
      }
    }
    if (events.length > 0) this.receiverDown = delivered === 0 && failed > 0;
    if (problems.length > 0) {
      const more = problems.length > 1 ? ` (+${problems.length - 1} more)` : '';
      // Keyed by the reason, not the event: the same outage failing event after event is one line a minute.
      this.summary.report(`${this.label} failed: ${firstReason}`, `${this.label} ${delivered} delivered, ${failed} failed; ${problems[0]}${more}`);
    }
    return { delivered, failed };
  }
}

type KeyedEvent = { event: OutboxEvent; seq: number; key: string | undefined };

/** Events whose payload does not parse fail on their own; the rest go to the receiver as one batch. */
async function deliverBatch(items: readonly KeyedEvent[], batch: DeliverBatch): Promise<PlannedOutcome<KeyedEvent>> {
  const unreadable: PlannedOutcome<KeyedEvent>['failed'] = [];
  const itemOf = new Map<OutboxDelivery, KeyedEvent>();
  for (const item of items) {
    try {
      itemOf.set(toDelivery(item.event), item);
    } catch (error) {
      unreadable.push({ event: item, error });
    }
  }
  const outcome = await deliverAsOne([...itemOf.keys()], (deliveries) => batch.many(deliveries));
  return {
    delivered: outcome.delivered.map((delivery) => itemOf.get(delivery)!),
    failed: [...unreadable, ...outcome.failed.map(({ event, error }) => ({ event: itemOf.get(event)!, error }))],
    heldBack: [],
  };
}

/** The event's aggregate; a payload that does not parse has none (its delivery fails on its own). */
function safeParse(payload: string): unknown {
  try {
    return JSON.parse(payload) as unknown;
  } catch {
    return undefined;
  }
}

/** JSON.parse runs inside the delivery try: a corrupt payload is a failed delivery, not a stuck pass. */
function toDelivery(event: OutboxEvent): OutboxDelivery {
  return {
    id: event.id,
    type: event.type,
    data: JSON.parse(event.payload) as unknown,
    occurredAt: event.occurredAt,
    attempts: event.attempts,
  };
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number, got ${value}`);
  return value;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}
