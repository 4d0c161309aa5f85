import { requestScope, transientFailureReason, type Database, type OutboxEvent } from '@scr/db';
import { logger, outsideRequest, registerRelay } from '@scr/observability';
import { retryDelayMs } from './backoff';
import { readBacklog } from './backlog';
import { claimBatch } from './claim';
import { errorMessage } from './error-message';
import { bringForwardRetries, recordDelivered, recordFailed } from './record';
import { RepeatSummariser } from './repeat-summariser';

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

export interface OutboxRelayOptions {
  /** Poll period after start(), in ms (default 1000). */
  intervalMs?: number;
  /** Events claimed per pass (default 20). */
  batchSize?: number;
  /**
   * How long a claimed event stays invisible to other passes, in ms (default
   * 30000). Keep deliver() well below it (give it its own timeout): an event
   * still in flight when its lease runs out can be delivered a second time.
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
 * while newer events keep flowing. Several relays (replicas) may share a
 * MySQL database: claims use SKIP LOCKED plus a lease, so each pass gets
 * disjoint events.
 */
export class OutboxRelay {
  private readonly intervalMs: number;
  private readonly batchSize: number;
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
    private readonly deliver: DeliverFn,
    options: OutboxRelayOptions = {},
  ) {
    this.intervalMs = positive('intervalMs', options.intervalMs ?? 1000);
    this.batchSize = positiveInteger('batchSize', options.batchSize ?? 20);
    this.leaseMs = positive('leaseMs', options.leaseMs ?? 30_000);
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
   * One pass: claim and lease due events, deliver them one by one, record
   * each outcome. Rejects only if the claim itself fails (e.g. database
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

  private async pass(): Promise<PassResult> {
    const events = await claimBatch(this.db, { batchSize: this.batchSize, leaseMs: this.leaseMs, types: this.types });
    let delivered = 0;
    let failed = 0;
    const problems: string[] = [];
    let firstReason = '';
    let recovered = false;
    // In seq order, one at a time; a failure only reschedules that event.
    for (const event of events) {
      let failure: { error: unknown } | null = null;
      try {
        await this.deliver(toDelivery(event));
      } catch (error) {
        failure = { error };
      }
      if (failure) failed += 1;
      else delivered += 1;
      // A success after the receiver looked down, or of an event that failed before: the receiver is back.
      if (!failure && (this.receiverDown || event.attempts > 0)) recovered = true;
      try {
        if (!failure) {
          await recordDelivered(this.db, event.seq, new Date());
        } else {
          const message = errorMessage(failure.error);
          firstReason ||= transientFailureReason(failure.error) ?? message;
          problems.push(`${event.type} ${event.id} (attempt ${event.attempts + 1}): ${message}`);
          // Every attempt at debug level (the summary below keeps the default level to one line a minute a reason); never the payload.
          logger.debug({ relay: this.metricName, eventId: event.id, eventType: event.type, attempt: event.attempts + 1, reason: message }, `${this.label} delivery failed`);
          const retryAt = new Date(Date.now() + retryDelayMs(event.attempts + 1, this.backoff));
          await recordFailed(this.db, event.seq, message, retryAt);
        }
      } catch (error) {
        // The lease still protects the row; it is retried once the lease ends.
        const reason = transientFailureReason(error) ?? errorMessage(error);
        firstReason ||= `could not record an outcome: ${reason}`;
        problems.push(`could not record the outcome of ${event.type} ${event.id}: ${reason}`);
      }
    }
    // Not while this pass still had failures: a single bad event must keep its own backoff.
    if (recovered && failed === 0) {
      // Events backed off during the outage go now rather than over the next minutes. Another replica's
      // event in flight may be sent twice: delivery is at least once, and receivers act once per event id.
      try {
        if ((await bringForwardRetries(this.db, this.types, new Date())) > 0) this.again = true;
      } catch (error) {
        problems.push(`could not bring waiting events forward: ${transientFailureReason(error) ?? errorMessage(error)}`);
        firstReason ||= problems[problems.length - 1];
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
