/**
 * Two gateway replicas as production runs them: two separate OS processes
 * (the compiled gateway, `node gateway/dist/main.js`) in front of the same
 * subgraphs, sharing one Redis. A principal's per-minute budget is one budget
 * across both processes, not one per process.
 */
import { randomUUID } from 'node:crypto';
import { SERVICE_NAMES, subgraphUrl, type ServiceName } from '@scr/config';
import { buildOnce, ENTRY, eventually, freePort, startTestPlatform, TestProcess, type TestPlatform } from '@scr/testing';

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const LIMIT = 5;
const URL_VARIABLE: Record<ServiceName, string> = {
  agencies: 'AGENCIES_URL',
  incidents: 'INCIDENTS_URL',
  reviews: 'REVIEWS_URL',
  'action-plans': 'ACTION_PLANS_URL',
};

let t: TestPlatform;
const replicas: { process: TestProcess; url: string }[] = [];
/** The two replicas started in beforeAll; fewer is a broken setup, said plainly. */
function both<T>(xs: T[]): [T, T] {
  const [a, b] = xs;
  if (a === undefined || b === undefined) throw new Error(`expected two gateway replicas, got ${xs.length}`);
  return [a, b];
}

beforeAll(async () => {
  buildOnce();
  t = await startTestPlatform();
  const subgraphs = Object.fromEntries(SERVICE_NAMES.map((name) => [URL_VARIABLE[name], subgraphUrl(t.config, name)]));
  for (let i = 0; i < 2; i += 1) {
    const port = await freePort();
    const gateway = new TestProcess(ENTRY.gateway, {
      NODE_ENV: 'development',
      GATEWAY_PORT: String(port),
      ...subgraphs,
      // The subgraphs of the in-process platform only accept calls signed with its secret.
      GATEWAY_SECRET: t.config.gatewaySecret,
      AUTH_DEV_SECRET: t.config.auth.devSecret!,
      REDIS_URL,
      RATE_LIMIT_PER_PRINCIPAL_PER_MINUTE: String(LIMIT),
    });
    replicas.push({ process: gateway, url: `http://127.0.0.1:${port}` });
  }
  // Ready means: listening, Redis connected (or given up on), and every subgraph ready.
  for (const { process: gateway, url } of replicas) {
    await eventually(
      async () => {
        if (gateway.child.exitCode !== null || gateway.child.signalCode !== null) {
          throw new Error(`a gateway process exited before it was ready; output:\n${gateway.output}`);
        }
        try {
          return (await fetch(`${url}/health/ready`)).status === 200;
        } catch {
          return false;
        }
      },
      180_000,
      `gateway at ${url} to be ready`,
    );
  }
}, 300_000);

afterAll(async () => {
  // Whatever happened above, no gateway process outlives the test.
  for (const { process: gateway } of replicas) gateway.kill('SIGTERM');
  for (const { process: gateway } of replicas) {
    let timer: NodeJS.Timeout | undefined;
    const stopped = await Promise.race([gateway.exited.then(() => true), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), 15_000)))]);
    clearTimeout(timer);
    if (!stopped) gateway.kill('SIGKILL');
  }
  await t?.stop();
}, 60_000);

async function send(url: string, token: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ boards { code } }' }),
  });
  const body = (await res.json()) as { data?: { boards: { code: string }[] }; errors?: { message: string; extensions?: { code?: string } }[] };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body };
}

function expectAnswered(res: Awaited<ReturnType<typeof send>>) {
  expect(res.status).toBe(200);
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data!.boards).toHaveLength(5);
}

function expectRateLimited(res: Awaited<ReturnType<typeof send>>) {
  expect(res.status).toBe(429);
  expect(res.body.data).toBeUndefined();
  expect(res.body.errors).toHaveLength(1);
  expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED' });
  expect(res.body.errors?.[0]?.message).toMatch(new RegExp(`^Too many requests: at most ${LIMIT} a minute for each user\\. Try again in \\d+ seconds?\\.$`));
  const retryAfter = Number(res.retryAfter);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

it('runs two separate gateway processes, both connected to Redis', () => {
  const [a, b] = both(replicas.map((r) => r.process));
  expect(a.child.pid).toBeDefined();
  expect(b.child.pid).toBeDefined();
  expect(a.child.pid).not.toBe(b.child.pid);
  // Without Redis each process would count alone; say so plainly rather than fail on the counts below.
  for (const gateway of [a, b]) expect(gateway.output).not.toMatch(/Redis is not reachable/);
});

it('shares one per-principal budget between the two processes, and leaves other principals alone', async () => {
  const [a, b] = both(replicas.map((r) => r.url));
  // Redis outlives this run and may be shared with other runs: subjects of this run only.
  const run = randomUUID();
  const busy = await t.token({ subject: `replicas-busy-${run}`, roles: ['ANALYST'] });

  // Five requests alternating a, b, a, b, a: each process alone has seen at most three.
  for (let i = 0; i < LIMIT; i += 1) expectAnswered(await send(i % 2 === 0 ? a : b, busy));
  // The sixth is refused by either process: the count is the pair's, not each one's.
  expectRateLimited(await send(b, busy));
  expectRateLimited(await send(a, busy));

  // Another principal, through the same two processes, has its own budget.
  const other = await t.token({ subject: `replicas-other-${run}`, roles: ['ANALYST'] });
  expectAnswered(await send(a, other));
  expectAnswered(await send(b, other));
  // And the first is still held back.
  expectRateLimited(await send(b, busy));
});
