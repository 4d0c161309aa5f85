import { logger } from '@scr/observability';

/**
 * Keeps a failing relay from flooding the log: the first failure with a given
 * reason is logged in full; the same reason again within the window is only
 * counted, and once the window has passed one line says how many were
 * held back ("57 more failures like this in the last 60 s"). A relay polling
 * a dead database thus writes two lines a minute per reason, not ten a second.
 */
export class RepeatSummariser {
  private readonly held = new Map<string, { since: number; count: number }>();

  constructor(
    private readonly windowMs = 60_000,
    private readonly log: (line: string) => void = (line) => logger.error(line),
    private readonly now: () => number = Date.now,
  ) {}

  /** Logs `line` unless the same `key` (label and reason, no ids) was logged within the window. */
  report(key: string, line: string): void {
    const now = this.now();
    this.flush(now);
    const held = this.held.get(key);
    if (held) {
      held.count += 1;
      return;
    }
    this.held.set(key, { since: now, count: 0 });
    this.log(line);
  }

  /** Writes the summaries of windows that have ended; call it now and then (each relay pass does). */
  flush(now = this.now()): void {
    for (const [key, held] of this.held) {
      if (now - held.since < this.windowMs) continue;
      this.held.delete(key);
      if (held.count > 0) this.log(`${key}: ${held.count} more failure${held.count === 1 ? '' : 's'} like this in the last ${Math.round((now - held.since) / 1000)} s`);
    }
  }
}
