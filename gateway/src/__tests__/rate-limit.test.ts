import type { Request, Response } from 'express';
import { addressKey, rateLimit, SlidingWindowLimiter } from '../rate-limit';

const MINUTE = 60_000;

function clock(start = 10 * MINUTE) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms), set: (ms: number) => (now = ms) };
}

describe('SlidingWindowLimiter', () => {
  it('allows the limit within a minute and refuses the next request', () => {
    const c = clock();
    const limiter = new SlidingWindowLimiter(5, MINUTE, c.now);
    for (let i = 0; i < 5; i += 1) expect(limiter.hit('a').allowed).toBe(true);
    const refused = limiter.hit('a');
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it('counts each key apart', () => {
    const limiter = new SlidingWindowLimiter(2, MINUTE, clock().now);
    expect(limiter.hit('a').allowed).toBe(true);
    expect(limiter.hit('a').allowed).toBe(true);
    expect(limiter.hit('a').allowed).toBe(false);
    expect(limiter.hit('b').allowed).toBe(true);
    expect(limiter.hit('b').allowed).toBe(true);
    expect(limiter.hit('b').allowed).toBe(false);
  });

  it('does not count refused requests', () => {
    const c = clock();
    const limiter = new SlidingWindowLimiter(3, MINUTE, c.now);
    for (let i = 0; i < 3; i += 1) limiter.hit('a');
    for (let i = 0; i < 100; i += 1) expect(limiter.hit('a').allowed).toBe(false);
    // Two full windows later the key is fresh: all three allowed again, and no more.
    c.advance(2 * MINUTE);
    for (let i = 0; i < 3; i += 1) expect(limiter.hit('a').allowed).toBe(true);
    expect(limiter.hit('a').allowed).toBe(false);
  });

  it('slides: the previous minute counts in proportion to how much of it is still within the last minute', () => {
    const c = clock(10 * MINUTE); // the start of a window
    const limiter = new SlidingWindowLimiter(10, MINUTE, c.now);
    for (let i = 0; i < 10; i += 1) expect(limiter.hit('a').allowed).toBe(true);
    // A quarter into the next window, 75% of the 10 still count: room for 2 more (7.5 + 2 <= 10), not 3.
    c.set(11 * MINUTE + MINUTE / 4);
    expect(limiter.hit('a').allowed).toBe(true);
    expect(limiter.hit('a').allowed).toBe(true);
    expect(limiter.hit('a').allowed).toBe(false);
    // Three quarters in, 25% of the 10 (2.5) and the 2 of this window: room for 5 more.
    c.set(11 * MINUTE + (3 * MINUTE) / 4);
    for (let i = 0; i < 5; i += 1) expect(limiter.hit('a').allowed).toBe(true);
    expect(limiter.hit('a').allowed).toBe(false);
  });

  it('never lets more than the limit through in any minute, for a client that retries as soon as told', () => {
    const c = clock(10 * MINUTE + 12_345);
    const limiter = new SlidingWindowLimiter(20, MINUTE, c.now);
    const allowedAt: number[] = [];
    for (let step = 0; step < 5000; step += 1) {
      const decision = limiter.hit('a');
      if (decision.allowed) allowedAt.push(c.now());
      c.advance(decision.allowed ? 250 : decision.retryAfterSeconds * 1000);
    }
    for (const start of allowedAt) {
      const inMinute = allowedAt.filter((t) => t >= start && t < start + MINUTE).length;
      // The sliding estimate can admit a little over the limit in an unaligned minute, never double.
      expect(inMinute).toBeLessThanOrEqual(25);
    }
    // And the client is not starved: over the run it gets close to the limit each minute.
    const [first] = allowedAt;
    const last = allowedAt.at(-1);
    if (first === undefined || last === undefined) throw new Error('no request was allowed');
    const minutes = (last - first) / MINUTE;
    expect(allowedAt.length / minutes).toBeGreaterThan(15);
  });

  it('says when to retry: a retry at that time is allowed, a second earlier is not', () => {
    for (const offset of [0, 1_000, 20_000, 59_000]) {
      const c = clock(10 * MINUTE + offset);
      const limiter = new SlidingWindowLimiter(4, MINUTE, c.now);
      for (let i = 0; i < 4; i += 1) limiter.hit('a');
      const { allowed, retryAfterSeconds } = limiter.hit('a');
      expect(allowed).toBe(false);
      expect(retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(retryAfterSeconds).toBeLessThanOrEqual(120);
      const probe = new SlidingWindowLimiter(4, MINUTE, c.now);
      for (let i = 0; i < 4; i += 1) probe.hit('a');
      c.advance(retryAfterSeconds * 1000 - 1000);
      if (retryAfterSeconds > 1) expect(probe.hit('a').allowed).toBe(false);
      c.advance(1000);
      expect(limiter.hit('a').allowed).toBe(true);
    }
  });

  it('forgets keys idle for two windows', () => {
    const c = clock();
    const limiter = new SlidingWindowLimiter(5, MINUTE, c.now);
    for (let i = 0; i < 100; i += 1) limiter.hit(`k${i}`);
    expect(limiter.size).toBe(100);
    c.advance(3 * MINUTE);
    limiter.hit('fresh');
    expect(limiter.size).toBe(1);
  });

  it('refuses a limit below 1', () => {
    expect(() => new SlidingWindowLimiter(0)).toThrow();
  });
});

describe('addressKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::99', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    [undefined, 'unknown'],
  ])('keys %s as %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});

describe('rateLimit middleware', () => {
  function response() {
    const res = {
      statusCode: 200,
      headers: {} as Record<string, string>,
      body: undefined as unknown,
      status(code: number) {
        res.statusCode = code;
        return res;
      },
      set(name: string, value: string) {
        res.headers[name.toLowerCase()] = value;
        return res;
      },
      json(body: unknown) {
        res.body = body;
        return res;
      },
    };
    return res;
  }

  async function run(middleware: ReturnType<typeof rateLimit>, req: Partial<Request>) {
    const res = response();
    let passed = false;
    await middleware(req as Request, res as unknown as Response, () => {
      passed = true;
    });
    return { passed, res };
  }

  it('counts signed-in callers per principal and others per address, and answers 429 RATE_LIMITED with Retry-After', async () => {
    const subjects = new Map<string, string | undefined>([
      ['alice', 'alice'],
      ['bob', 'bob'],
    ]);
    const middleware = rateLimit({
      perPrincipalPerMinute: 2,
      perAddressPerMinute: 1,
      signedInPerAddressPerMinute: 100,
      subjectOf: async (req) => {
        const who = req.headers?.authorization as string | undefined;
        if (who === 'broken') throw new Error('bad token');
        return who ? subjects.get(who) : undefined;
      },
      now: clock().now,
    });
    const from = (ip: string, authorization?: string) => ({ ip, headers: authorization ? { authorization } : {} }) as Partial<Request>;

    expect((await run(middleware, from('10.0.0.1', 'alice'))).passed).toBe(true);
    expect((await run(middleware, from('10.0.0.2', 'alice'))).passed).toBe(true);
    const limited = await run(middleware, from('10.0.0.3', 'alice'));
    expect(limited.passed).toBe(false);
    expect(limited.res.statusCode).toBe(429);
    expect(Number(limited.res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.res.body).toEqual({
      errors: [{ message: expect.stringMatching(/at most 2 a minute for each user/), extensions: { code: 'RATE_LIMITED' } }],
    });
    // Another principal on the same address is not held back.
    expect((await run(middleware, from('10.0.0.1', 'bob'))).passed).toBe(true);

    // Anonymous: one a minute per address; a token that fails verification counts as anonymous.
    expect((await run(middleware, from('10.0.0.1'))).passed).toBe(true);
    expect((await run(middleware, from('10.0.0.1', 'broken'))).res.statusCode).toBe(429);
    expect((await run(middleware, from('::ffff:10.0.0.1'))).res.statusCode).toBe(429);
    expect((await run(middleware, from('10.0.0.2'))).passed).toBe(true);
  });

  it('counts signed-in callers per address too, so fresh subjects from one address share a budget', async () => {
    const middleware = rateLimit({
      perPrincipalPerMinute: 100,
      perAddressPerMinute: 1,
      signedInPerAddressPerMinute: 3,
      subjectOf: async (req) => req.headers?.authorization as string | undefined,
      now: clock().now,
    });
    const from = (ip: string, authorization: string) => ({ ip, headers: { authorization } }) as Partial<Request>;
    for (const sub of ['s1', 's2', 's3']) expect((await run(middleware, from('10.0.0.9', sub))).passed).toBe(true);
    const limited = await run(middleware, from('10.0.0.9', 's4'));
    expect(limited.res.statusCode).toBe(429);
    expect(JSON.stringify(limited.res.body)).toMatch(/at most 3 a minute from one address/);
    expect((await run(middleware, from('10.0.0.10', 's5'))).passed).toBe(true);
  });
});
