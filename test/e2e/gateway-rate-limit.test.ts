/**
 * The gateway's rate limit with tiny limits: a signed-in caller is counted
 * per principal (token subject), anyone else per client address. Over the
 * limit: HTTP 429, RATE_LIMITED, Retry-After, and nothing runs.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startGateway, type RunningGateway } from '@scr/gateway';
import { startTestPlatform, type TestPlatform } from '@scr/testing';

let t: TestPlatform;
let http$: ReturnType<typeof request>;

beforeAll(async () => {
  t = await startTestPlatform({
    env: {
      RATE_LIMIT_PER_PRINCIPAL_PER_MINUTE: '5',
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '3',
      RATE_LIMIT_SIGNED_IN_PER_ADDRESS_PER_MINUTE: '12',
      TRUST_PROXY_HOPS: '1',
    },
  });
  http$ = request(`http://127.0.0.1:${t.platform.gateway.port}`);
});
afterAll(() => t.stop());

function send(token: string | undefined, query = '{ boards { code } }', forwardedFor?: string, to = http$) {
  let req = to.post('/graphql').set('content-type', 'application/json');
  if (token) req = req.set('authorization', `Bearer ${token}`);
  // TRUST_PROXY_HOPS=1: the client address is the one the (pretend) proxy names.
  if (forwardedFor) req = req.set('x-forwarded-for', forwardedFor);
  return req.send({ query });
}

/** A documentation-range address no other test uses. */
const freshAddress = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

function expectRateLimited(res: request.Response) {
  expect(res.status).toBe(429);
  expect(res.body.data).toBeUndefined();
  expect(res.body.errors).toHaveLength(1);
  expect(res.body.errors[0].extensions).toEqual({ code: 'RATE_LIMITED' });
  expect(res.body.errors[0].message).toMatch(/^Too many requests: at most \d+ a minute .*Try again in \d+ seconds?\.$/);
  const retryAfter = Number(res.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(120);
}

it('reads the limits from the environment', () => {
  expect(t.config.rateLimit).toEqual({ perPrincipalPerMinute: 5, perAddressPerMinute: 3, signedInPerAddressPerMinute: 12 });
});

it('answers 429 RATE_LIMITED past the per-principal limit, runs nothing, and leaves other principals alone', async () => {
  const admin = await t.token({ subject: 'busy-admin', roles: ['ADMIN'] });
  for (let i = 0; i < 5; i += 1) expect((await send(admin)).status).toBe(200);

  expectRateLimited(await send(admin));
  const name = `Rate-limited agency ${Date.now()}`;
  const mutation = await send(admin, `mutation { registerAgency(input: { name: "${name}", sector: POLICE, boardCodes: ["LEEDS"] }) { id } }`);
  expectRateLimited(mutation);
  expect(mutation.body.errors[0].message).toMatch(/at most 5 a minute for each user/);

  // The count follows the principal, not the token: a new token for the same subject is still limited.
  const sameSubject = await t.token({ subject: 'busy-admin', roles: ['ADMIN', 'ANALYST'] });
  expectRateLimited(await send(sameSubject));
  // GET is counted too.
  expectRateLimited(
    await http$.get('/graphql').query({ query: '{ boards { code } }' }).set('apollo-require-preflight', 'true').set('authorization', `Bearer ${admin}`),
  );

  const other = await t.token({ subject: 'other-admin', roles: ['ADMIN'] });
  const agencies = await send(other, '{ agencies { name } }');
  expect(agencies.status).toBe(200);
  expect(agencies.body.data.agencies.map((a: { name: string }) => a.name)).not.toContain(name);
});

it('counts anonymous callers and bad tokens per address, apart from signed-in principals', async () => {
  // Three anonymous requests from 127.0.0.1 (public fields or UNAUTHENTICATED: not 429).
  for (let i = 0; i < 3; i += 1) expect((await send(undefined)).status).not.toBe(429);
  expectRateLimited(await send(undefined));
  // A token that fails verification is anonymous: counted, and refused, by address.
  const bad = await send('not-a-token');
  expectRateLimited(bad);
  expect(bad.body.errors[0].message).toMatch(/at most 3 a minute from one address/);

  // A signed-in principal on the same address is counted on its own.
  const analyst = await t.token({ subject: 'fresh-analyst', roles: ['ANALYST'] });
  const res = await send(analyst);
  expect(res.status).toBe(200);
  expect(res.body.data.boards).toHaveLength(5);
});

it('never limits the health check', async () => {
  for (let i = 0; i < 10; i += 1) expect((await http$.get('/health')).status).toBe(200);
});

it('counts signed-in callers per address too: a fresh sub for each request is no fresh budget', async () => {
  const address = freshAddress();
  const run = randomUUID().slice(0, 8);
  for (let i = 0; i < 12; i += 1) {
    const token = await t.token({ subject: `sybil-${run}-${i}`, roles: ['ANALYST'] });
    expect((await send(token, undefined, address)).status).toBe(200);
  }
  const limited = await send(await t.token({ subject: `sybil-${run}-12`, roles: ['ANALYST'] }), undefined, address);
  expectRateLimited(limited);
  expect(limited.body.errors[0].message).toMatch(/at most 12 a minute from one address/);
  // Another address (behind the same proxy) is not held back.
  expect((await send(await t.token({ subject: `sybil-${run}-13`, roles: ['ANALYST'] }), undefined, freshAddress())).status).toBe(200);
});

describe('two gateway replicas sharing Redis (REDIS_URL)', () => {
  let replicas: RunningGateway[] = [];
  afterAll(async () => {
    for (const replica of replicas) await replica.stop();
  });

  it('share one per-principal budget', async () => {
    const config = {
      ...t.config,
      redisUrl: process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379',
      rateLimit: { ...t.config.rateLimit, perPrincipalPerMinute: 4 },
    };
    replicas = [await startGateway(config, 0), await startGateway(config, 0)];
    const [a, b] = replicas.map((r) => request(`http://127.0.0.1:${r.port}`));
    // A subject of its own: Redis outlives this test, and other runs may share it.
    const token = await t.token({ subject: `replicated-${randomUUID()}`, roles: ['ANALYST'] });
    const address = freshAddress();
    expect((await send(token, undefined, address, a)).status).toBe(200);
    expect((await send(token, undefined, address, b)).status).toBe(200);
    expect((await send(token, undefined, address, a)).status).toBe(200);
    expect((await send(token, undefined, address, b)).status).toBe(200);
    // Each replica alone has seen two requests; together they have seen four.
    const limited = await send(token, undefined, address, a);
    expectRateLimited(limited);
    expect(limited.body.errors[0].message).toMatch(/at most 4 a minute for each user/);
    expectRateLimited(await send(token, undefined, address, b));
    // Another principal on the same replicas is not held back.
    expect((await send(await t.token({ subject: `replicated-${randomUUID()}`, roles: ['ANALYST'] }), undefined, address, b)).status).toBe(200);
  });
});
