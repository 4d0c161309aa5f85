import http from 'node:http';
import fs from 'node:fs';
import { signDevToken } from '@scr/auth';
import { loadConfig } from '@scr/config';
import {
  buildOnce,
  ENTRY,
  eventually,
  freePort,
  incidentInput,
  isAlive,
  postGql,
  processEnvironment,
  REPORT_INCIDENT,
  TestProcess,
  type ProcessEnvironment,
  type TestDatabase,
} from '@scr/testing';

/**
 * The platform as production runs it: built JavaScript, one process per part.
 * Slow to start on a busy machine, so each test has a generous deadline.
 */
const database = (process.env.E2E_DB as TestDatabase) || 'mysql';
const devConfig = loadConfig({});
const managerToken = () => signDevToken(devConfig, { subject: 'mp-manager', roles: ['BOARD_MANAGER'], board: 'LEEDS' });
const STACK_LINE = /^\s+at .+\(.+:\d+:\d+\)$/m;

beforeAll(() => buildOnce(), 120_000);

describe('pnpm start: the launcher runs each part as its own process', () => {
  let env: ProcessEnvironment;
  let launcher: TestProcess;

  beforeAll(async () => {
    env = await processEnvironment(database);
    // No GATEWAY_SECRET: the launcher makes one for this start and gives it to every part.
    const { GATEWAY_SECRET: _none, ...withoutSecret } = env.env;
    launcher = new TestProcess(ENTRY.launcher, withoutSecret);
  }, 30_000);
  afterAll(async () => {
    launcher.kill('SIGKILL');
    await env.cleanup();
  });

  it('answers through five processes, survives a dead subgraph with a clear error, and leaves nothing behind on SIGTERM', async () => {
    await launcher.waitFor(/gateway ready: /, 300_000);
    const pids = new Map<string, number>();
    for (const part of ['agencies', 'incidents', 'reviews', 'action-plans', 'gateway']) {
      const [, pid] = await launcher.waitFor(new RegExp(`\\]\\s+${part} ready \\(pid (\\d+)\\)`));
      pids.set(part, Number(pid));
    }
    // Five separate processes, each a child of the launcher.
    expect(new Set(pids.values()).size).toBe(5);
    for (const pid of pids.values()) {
      expect(isAlive(pid)).toBe(true);
      const ppid = Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]); // NaN, and a failure below, if the line is not as expected
      expect(ppid).toBe(launcher.child.pid);
    }

    // One secret, made for this start, shared by the five parts (they call each other with it).
    const secrets = [...pids.values()].map((pid) => {
      const environ = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      return environ.find((v) => v.startsWith('GATEWAY_SECRET='))?.slice('GATEWAY_SECRET='.length);
    });
    expect(secrets[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(secrets).size).toBe(1);

    const token = await managerToken();
    const boards = await postGql<{ boards: { code: string }[] }>(env.gatewayUrl, token, '{ boards { code } }');
    expect(boards.errors).toBeUndefined();
    expect(boards.data!.boards.map((b) => b.code)).toContain('LEEDS');

    // A subgraph dies: the launcher says which and how; the gateway fails only that part's fields.
    process.kill(pids.get('reviews')!, 'SIGKILL');
    await launcher.waitFor(new RegExp(`!!! reviews \\(pid ${pids.get('reviews')}\\) DIED: killed by SIGKILL`), 30_000);
    const reviews = await postGql(env.gatewayUrl, token, '{ reviews { totalCount } }');
    expect(reviews.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(reviews.errors?.[0]?.message).toMatch(/reviews part of the platform is not answering/);
    const stillUp = await postGql<{ boards: unknown[]; incidents: { totalCount: number } }>(
      env.gatewayUrl,
      token,
      '{ boards { code } incidents { totalCount } }',
    );
    expect(stillUp.errors).toBeUndefined();
    expect(stillUp.data!.boards).toHaveLength(5);
    for (const part of ['agencies', 'incidents', 'action-plans', 'gateway']) expect(isAlive(pids.get(part)!)).toBe(true);

    // SIGTERM stops every part, each exiting cleanly, and nothing is left running.
    launcher.kill('SIGTERM');
    const exit = await launcher.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    for (const pid of pids.values()) expect(isAlive(pid)).toBe(false);
    for (const part of ['agencies', 'incidents', 'action-plans', 'gateway']) expect(launcher.output).toContain(`${part}: stopped`);
    expect(launcher.output).not.toMatch(STACK_LINE);
  }, 420_000);
});

describe('SIGTERM drains: a request in flight completes before the process exits', () => {
  let fakes: http.Server[] = [];
  afterAll(() => fakes.forEach((s) => s.close()));

  it('finishes the request the gateway is waiting on, then exits 0 without a stack trace', async () => {
    let arrived!: () => void;
    const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // Stand-in subgraphs: all ready; the directory holds its answer until the test lets it go.
    const fake = (slow: boolean) =>
      http.createServer((req, res) => {
        if (req.url === '/health/ready') {
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"ready":true}');
          return;
        }
        req.resume();
        req.on('end', async () => {
          if (slow) {
            arrived();
            await released;
          }
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { boards: [{ code: 'LEEDS' }] } }));
        });
      });
    const ports = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
    fakes = [fake(true), fake(false), fake(false), fake(false)];
    await Promise.all(fakes.map((s, i) => new Promise<void>((resolve) => s.listen(ports[i], '127.0.0.1', resolve))));
    const gateway = new TestProcess(ENTRY.gateway, {
      GATEWAY_PORT: String(ports[4]),
      AGENCIES_URL: `http://127.0.0.1:${ports[0]}/graphql`,
      INCIDENTS_URL: `http://127.0.0.1:${ports[1]}`,
      REVIEWS_URL: `http://127.0.0.1:${ports[2]}`,
      ACTION_PLANS_URL: `http://127.0.0.1:${ports[3]}`,
      GATEWAY_SECRET: 'drain-test-secret',
      SHUTDOWN_GRACE_MS: '20000',
    });
    try {
      await gateway.waitFor(/gateway: ready on /, 180_000);
      const url = `http://127.0.0.1:${ports[4]}`;
      expect((await fetch(`${url}/health/ready`)).status).toBe(200);
      expect((await fetch(`${url}/health/live`)).status).toBe(200);

      const inFlight = postGql<{ boards: { code: string }[] }>(`${url}/graphql`, undefined, '{ boards { code } }');
      await requestArrived;
      gateway.kill('SIGTERM');
      await gateway.waitFor(/gateway: SIGTERM, finishing requests in flight/, 30_000);
      // Draining: the process has not exited while its request waits.
      await new Promise((r) => setTimeout(r, 300));
      expect(gateway.child.exitCode).toBeNull();
      release();

      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(answer.data).toEqual({ boards: [{ code: 'LEEDS' }] });
      expect(await gateway.exited).toEqual({ code: 0, signal: null });
      expect(gateway.output).toContain('gateway: stopped');
      expect(gateway.output).not.toMatch(STACK_LINE);
    } finally {
      release();
      gateway.kill('SIGKILL');
    }
  }, 300_000);
});

// Two replicas of a part share one MySQL database: SKIP LOCKED claims and the migration lock are MySQL's.
(database === 'mysql' ? describe : describe.skip)('two replicas of the incidents subgraph on one MySQL database', () => {
  let env: ProcessEnvironment;
  const processes: TestProcess[] = [];
  afterAll(async () => {
    processes.forEach((p) => p.kill('SIGKILL'));
    await Promise.all(processes.map((p) => p.exited));
    await env.cleanup();
  });

  it('migrates once, and delivers every event once: each notified incident opens exactly one review', async () => {
    env = await processEnvironment('mysql');
    const start = (entry: string, extra: Record<string, string> = {}) => {
      const p = new TestProcess(entry, { ...env.env, ...extra });
      processes.push(p);
      return p;
    };
    const replicaPort = await freePort();
    const agencies = start(ENTRY.agencies);
    await agencies.waitFor(/agencies: ready on/, 240_000);
    // Both replicas start together on a fresh database: the migration lock lets one migrate, the other wait.
    const incidentsA = start(ENTRY.incidents);
    const incidentsB = start(ENTRY.incidents, { INCIDENTS_PORT: String(replicaPort) });
    const reviews = start(ENTRY.reviews);
    const actionPlans = start(ENTRY['action-plans']);
    await Promise.all([
      incidentsA.waitFor(/incidents: ready on/, 240_000),
      incidentsB.waitFor(/incidents: ready on/, 240_000),
      reviews.waitFor(/reviews: ready on/, 240_000),
      actionPlans.waitFor(/action-plans: ready on/, 240_000),
    ]);
    const gateway = start(ENTRY.gateway);
    await gateway.waitFor(/gateway: ready on/, 240_000);

    const token = await managerToken();
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const input = incidentInput('LEEDS');
      const reported = await postGql<{ reportIncident: { id: string } }>(env.gatewayUrl, token, REPORT_INCIDENT, { input });
      expect(reported.errors).toBeUndefined();
      const id = reported.data!.reportIncident.id;
      const notified = await postGql(env.gatewayUrl, token, 'mutation($id: ID!, $on: Date!) { recordNotification(incidentId: $id, notifiedOn: $on) { id } }', {
        id,
        on: input.awareOn,
      });
      expect(notified.errors).toBeUndefined();
      ids.push(id);
    }

    type Reviews = { reviews: { totalCount: number; edges: { node: { incident: { id: string } } }[] } };
    const query = '{ reviews(first: 100) { totalCount edges { node { incident { id } } } } }';
    await eventually(
      async () => {
        const res = await postGql<Reviews>(env.gatewayUrl, token, query);
        return res.data?.reviews.totalCount === ids.length;
      },
      60_000,
      'a review for every notified incident',
    );
    // Nothing doubles later either: each event was delivered once, whichever replica claimed it.
    await new Promise((r) => setTimeout(r, 1500));
    const res = await postGql<Reviews>(env.gatewayUrl, token, query);
    expect(res.data!.reviews.totalCount).toBe(ids.length);
    expect(res.data!.reviews.edges.map((e) => e.node.incident.id).sort()).toEqual([...ids].sort());
    for (const p of [incidentsA, incidentsB]) expect(p.output).not.toMatch(/could not start|unhandled failure/);
  }, 420_000);
});
