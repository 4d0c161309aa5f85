import { currentRequest, logger, rateLimitRefusals } from '@scr/observability';
import { isIPv6 } from 'node:net';
import type { Request, RequestHandler } from 'express';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterRes } from 'rate-limiter-flexible';

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
  if (mapped) return mapped[1]!;
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

/** One rate limit: requests a window per key, counted in memory or in Redis. */
export interface RateCounter {
  readonly limit: number;
  hit(key: string): Promise<RateDecision>;
}

/** This process's own count (the embedded default, and Redis's stand-in while Redis is unreachable). */
export function memoryCounter(limit: number, windowMs?: number, now?: () => number): RateCounter {
  const limiter = new SlidingWindowLimiter(limit, windowMs, now);
  return { limit, hit: async (key) => limiter.hit(key) };
}

/**
 * A count shared by every gateway replica through Redis
 * (rate-limiter-flexible: a fixed window per key, atomic in Redis). While
 * Redis cannot be reached each replica counts in memory instead, so a Redis
 * outage neither stops the platform nor lifts the limit.
 */
export function redisCounter(client: Redis, limit: number, name: string, windowMs = 60_000): RateCounter {
  const duration = Math.max(1, Math.round(windowMs / 1000));
  const limiter = new RateLimiterRedis({
    storeClient: client,
    keyPrefix: `scr-rate:${name}`,
    points: limit,
    duration,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory({ points: limit, duration, keyPrefix: `scr-rate:${name}` }),
  });
  return {
    limit,
    async hit(key) {
      try {
        await limiter.consume(key);
        return { allowed: true, retryAfterSeconds: 0 };
      } catch (rejection) {
        if (rejection instanceof Error) throw rejection;
        const wait = (rejection as RateLimiterRes).msBeforeNext;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
      }
    },
  };
}

export interface RateLimitOptions {
  perPrincipalPerMinute: number;
  perAddressPerMinute: number;
  /** Signed-in requests from one client address, whoever signed them (a fresh `sub` is no fresh budget there). */
  signedInPerAddressPerMinute: number;
  /** Shares the counts between gateway replicas; unset: counted in this process. */
  redisUrl?: string;
  /** The verified principal's subject, or undefined for anonymous callers and bad tokens. */
  subjectOf(req: Request): Promise<string | undefined>;
  windowMs?: number;
  now?: () => number;
}

export type RateLimitHandler = RequestHandler & {
  /** Resolves once Redis is connected (or after a few seconds without it: counts then stay in memory until it is). */
  ready(): Promise<void>;
  close(): Promise<void>;
};

/**
 * Express middleware: a signed-in caller is counted per principal (its
 * token's subject) and, at a higher limit, per client address; anyone else
 * (no token, or one that fails verification) per client address. Over a
 * limit: HTTP 429, code RATE_LIMITED and a Retry-After header, before the
 * body is read or anything is planned. `close()` lets go of Redis.
 */
export function rateLimit(options: RateLimitOptions): RateLimitHandler {
  const client = options.redisUrl ? new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false }) : undefined;
  // Errors are retried by the client and answered by the in-memory stand-in; logging each would flood the log.
  client?.on('error', () => undefined);
  const counter = (limit: number, name: string) =>
    client ? redisCounter(client, limit, name, options.windowMs) : memoryCounter(limit, options.windowMs, options.now);
  const byPrincipal = counter(options.perPrincipalPerMinute, 'principal');
  const signedInByAddress = counter(options.signedInPerAddressPerMinute, 'signed-in-address');
  const byAddress = counter(options.perAddressPerMinute, 'address');

  const handler: RequestHandler = async (req, res, next) => {
    let subject: string | undefined;
    try {
      subject = await options.subjectOf(req);
    } catch {
      subject = undefined;
    }
    const address = addressKey(req.ip ?? req.socket.remoteAddress);
    const checks: [RateCounter, string, string][] =
      subject !== undefined
        ? [
            [byPrincipal, subject, 'for each user'],
            [signedInByAddress, address, 'from one address'],
          ]
        : [[byAddress, address, 'from one address without signing in']];
    for (const [counted, key, who] of checks) {
      const decision = await counted.hit(key);
      if (decision.allowed) continue;
      const seconds = decision.retryAfterSeconds;
      const state = currentRequest();
      if (state) state.codes = ['RATE_LIMITED'];
      rateLimitRefusals.inc({ limit: counted === byPrincipal ? 'principal' : counted === signedInByAddress ? 'signed-in-address' : 'address' });
      res
        .status(429)
        .set('Retry-After', String(seconds))
        .json({
          errors: [
            {
              message: `Too many requests: at most ${counted.limit} a minute ${who}. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
              extensions: { code: 'RATE_LIMITED' },
            },
          ],
        });
      return;
    }
    next();
  };
  const connected = client
    ? new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          logger.warn('[gateway] Redis is not reachable yet: rate limits are counted in this process until it is.');
          resolve();
        }, 5000);
        client.once('ready', () => {
          clearTimeout(timer);
          resolve();
        });
      })
    : Promise.resolve();
  return Object.assign(handler, {
    ready: () => connected,
    async close() {
      if (client) await client.quit().catch(() => client.disconnect());
    },
  });
}
