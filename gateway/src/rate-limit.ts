import { isIPv6 } from 'node:net';
import type { Request, RequestHandler } from 'express';

export interface RateDecision {
  allowed: boolean;
  /** Whole seconds to wait before the next request would be allowed (0 when allowed). */
  retryAfterSeconds: number;
}

interface Counter {
  /** Start of the current window (a multiple of the window length). */
  start: number;
  current: number;
  previous: number;
}

/**
 * An in-memory sliding-window counter: per key, the requests in the current
 * fixed window plus the previous window's count weighted by how much of it
 * still lies within the last window length. Smooth like a sliding log, one
 * small record per key. Refused requests are not counted, so a client that
 * waits as told gets in again. Keys idle for two windows are dropped.
 */
export class SlidingWindowLimiter {
  private readonly counters = new Map<string, Counter>();
  private lastSweep: number;

  constructor(
    readonly limit: number,
    readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error('A rate limit must be a whole number of at least 1.');
    this.lastSweep = now();
  }

  /** Counts one request for the key, unless it would go over the limit. */
  hit(key: string): RateDecision {
    const now = this.now();
    this.sweep(now);
    const start = now - (now % this.windowMs);
    let counter = this.counters.get(key);
    if (!counter || counter.start < start - this.windowMs) counter = { start, current: 0, previous: 0 };
    else if (counter.start < start) counter = { start, current: 0, previous: counter.current };
    this.counters.set(key, counter);

    const elapsed = (now - start) / this.windowMs;
    if (counter.previous * (1 - elapsed) + counter.current + 1 <= this.limit) {
      counter.current += 1;
      return { allowed: true, retryAfterSeconds: 0 };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(this.waitMs(counter, now) / 1000)) };
  }

  /** How many keys are tracked (for tests). */
  get size(): number {
    return this.counters.size;
  }

  /** Time until `previous * (1 - elapsed) + current + 1 <= limit` holds again. */
  private waitMs(counter: Counter, now: number): number {
    const room = this.limit - 1 - counter.current;
    if (room >= 0 && counter.previous > 0) {
      // Within this window, as the previous window's weight fades.
      const at = counter.start + this.windowMs * (1 - room / counter.previous);
      return Math.max(0, at - now);
    }
    // Not before the next window, where this window's count fades in turn.
    const next = counter.start + this.windowMs;
    const fade = counter.current > 0 ? Math.max(0, 1 - (this.limit - 1) / counter.current) : 0;
    return next - now + this.windowMs * fade;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    const stale = now - (now % this.windowMs) - this.windowMs;
    for (const [key, counter] of this.counters) if (counter.start < stale) this.counters.delete(key);
  }
}

/**
 * The client address a request is counted under: IPv4 (also when mapped into
 * IPv6) as is, IPv6 by its /64 network, since one host usually holds a whole
 * /64 and could otherwise change address at will.
 */
export function addressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

export interface RateLimitOptions {
  perPrincipalPerMinute: number;
  perAddressPerMinute: number;
  /** The verified principal's subject, or undefined for anonymous callers and bad tokens. */
  subjectOf(req: Request): Promise<string | undefined>;
  windowMs?: number;
  now?: () => number;
}

/**
 * Express middleware: a signed-in caller is counted per principal (its
 * token's subject), anyone else (no token, or one that fails verification)
 * per client address. Over the limit: HTTP 429, code RATE_LIMITED and a
 * Retry-After header, before the body is read or anything is planned.
 */
export function rateLimit(options: RateLimitOptions): RequestHandler {
  const byPrincipal = new SlidingWindowLimiter(options.perPrincipalPerMinute, options.windowMs, options.now);
  const byAddress = new SlidingWindowLimiter(options.perAddressPerMinute, options.windowMs, options.now);
  return async (req, res, next) => {
    let subject: string | undefined;
    try {
      subject = await options.subjectOf(req);
    } catch {
      subject = undefined;
    }
    const decision = subject !== undefined ? byPrincipal.hit(subject) : byAddress.hit(addressKey(req.ip ?? req.socket.remoteAddress));
    if (decision.allowed) {
      next();
      return;
    }
    const limit = subject !== undefined ? byPrincipal.limit : byAddress.limit;
    const seconds = decision.retryAfterSeconds;
    res
      .status(429)
      .set('Retry-After', String(seconds))
      .json({
        errors: [
          {
            message: `Too many requests: at most ${limit} a minute ${subject !== undefined ? 'for each user' : 'from one address without signing in'}. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
            extensions: { code: 'RATE_LIMITED' },
          },
        ],
      });
  };
}
