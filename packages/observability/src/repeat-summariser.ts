import { logger } from './logger';

/** Runs `flush` once `ms` have passed, without keeping the process alive for it. */
export type FlushTimer = (flush: () => void, ms: number) => void;

const unrefTimeout: FlushTimer = (flush, ms) => {
  setTimeout(flush, ms).unref();
};

/**
 * Keeps a failure that repeats from flooding the log: the first failure with
 * a given reason is logged in full; the same reason again within the window
 * is only counted, and once the window has passed one line says how many
 * were held back ("57 more failures like this in the last 60 s"). A relay
 * polling a dead database, or a service whose every request finds its
 * directory down, thus writes two lines a minute per reason, not one per
 * attempt. The summary is written when the window ends even if the failures
 * have stopped by then.
 */
export class RepeatSummariser {
  private readonly held = new Map<string, { since: number; count: number }>();
  private flushPending = false;

  constructor(
    private readonly windowMs = 60_000,
    private readonly log: (line: string) => void = (line) => logger.error(line),
    private readonly now: () => number = Date.now,
    private readonly timer: FlushTimer = unrefTimeout,
  ) {}

  /** Logs `line` unless the same `key` (label and reason, no ids) was logged within the window. */
  report(key: string, line: string): void {
    const now = this.now();
    this.flush(now);
    const held = this.held.get(key);
    if (held) {
      held.count += 1;
      this.flushWhenWindowEnds(held.since + this.windowMs - now);
      return;
    }
    this.held.set(key, { since: now, count: 0 });
    this.log(line);
  }

  /** Writes the summaries of windows that have ended (each report does; a timer does once failures stop). */
  flush(now = this.now()): void {
    for (const [key, held] of this.held) {
      if (now - held.since < this.windowMs) continue;
      this.held.delete(key);
      if (held.count > 0)
        this.log(`${key}: ${held.count} more failure${held.count === 1 ? '' : 's'} like this in the last ${Math.round((now - held.since) / 1000)} s`);
    }
  }

  private flushWhenWindowEnds(ms: number): void {
    if (this.flushPending) return;
    this.flushPending = true;
    this.timer(
      () => {
        this.flushPending = false;
        this.flush();
        // Windows that began later are still holding counts: their own end.
        const next = Math.min(...[...this.held.values()].filter((h) => h.count > 0).map((h) => h.since + this.windowMs - this.now()));
        if (Number.isFinite(next)) this.flushWhenWindowEnds(Math.max(next, 0));
      },
      Math.max(ms, 0),
    );
  }
}
