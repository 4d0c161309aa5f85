/**
 * What an operator sees, with the platform run as production runs it (built
 * JavaScript, one process per part): each process's log lines joined by one
 * request id, /metrics moving with traffic and webhook deliveries, and one
 * trace across the gateway and the subgraphs it calls (OTLP/HTTP JSON).
 */
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { signDevToken } from '@scr/auth';
import { loadConfig } from '@scr/config';
import {
  buildOnce,
  ENTRY,
  eventually,
  freePort,
  incidentInput,
  processEnvironment,
  REPORT_INCIDENT,
  TestProcess,
  WebhookReceiver,
  type ProcessEnvironment,
  type TestDatabase,
} from '@scr/testing';

const database = (process.env.E2E_DB as TestDatabase) || 'mysql';
const devConfig = loadConfig({});
const METRICS_TOKEN = randomBytes(16).toString('hex');
const PARTS = ['agencies', 'incidents', 'reviews', 'action-plans', 'gateway'] as const;
type Part = (typeof PARTS)[number];

/** A tiny OTLP/HTTP receiver: keeps (service, traceId, span name) of every span posted as JSON to /v1/traces. */
class OtlpReceiver {
  readonly spans: { service: string; traceId: string; name: string }[] = [];
  private server?: http.Server;
  port = 0;

  async start(): Promise<void> {
    this.port = await freePort();
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let body = Buffer.concat(chunks);
        if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
        if (req.url === '/v1/traces' && String(req.headers['content-type']).includes('json')) this.keep(JSON.parse(body.toString('utf8')));
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  private keep(payload: {
    resourceSpans?: {
      resource?: { attributes?: { key: string; value: { stringValue?: string } }[] };
      scopeSpans?: { spans?: { traceId: string; name: string }[] }[];
    }[];
  }): void {
    for (const rs of payload.resourceSpans ?? []) {
      const service = rs.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ?? '?';
      for (const ss of rs.scopeSpans ?? []) for (const span of ss.spans ?? []) this.spans.push({ service, traceId: span.traceId, name: span.name });
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

let env: ProcessEnvironment;
let receiver: WebhookReceiver;
const otlp = new OtlpReceiver();
const processes = new Map<Part, TestProcess>();
let token: string;

const portOf = (part: Part) => env.ports[part];
const jsonLines = (part: Part) =>
  processes
    .get(part)!
    .lines.filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

async function gql(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(env.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { res, body: (await res.json()) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] } };
}

async function scrape(part: Part): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${portOf(part)}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(res.status).toBe(200);
  return res.text();
}

/** The value of one sample, `name{labels}` with the labels in any order; 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(match[3]);
  }
  return 0;
}

beforeAll(async () => {
  buildOnce();
  receiver = await WebhookReceiver.start();
  receiver.decide = () => false;
  await otlp.start();
  env = await processEnvironment(database);
  const extra = {
    LOG_LEVEL: 'info',
    METRICS_TOKEN,
    PANEL_WEBHOOK_URL: receiver.url,
    PANEL_WEBHOOK_SECRET: 'observability-secret',
    OUTBOX_RETRY_BASE_MS: '200',
    PANEL_WEBHOOK_RETRY_CAP_MS: '1000',
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${otlp.port}`,
  };
  const start = (part: Part) => {
    const p = new TestProcess(ENTRY[part], { ...env.env, ...extra });
    processes.set(part, p);
    return p.waitFor(new RegExp(`${part}: ready on`), 240_000);
  };
  await start('agencies');
  await Promise.all((['incidents', 'reviews', 'action-plans'] as const).map(start));
  await start('gateway');
  token = await signDevToken(devConfig, { subject: 'obs-manager', roles: ['BOARD_MANAGER'], board: 'LEEDS' });
}, 420_000);

afterAll(async () => {
  for (const p of processes.values()) p.kill('SIGKILL');
  await Promise.all([...processes.values()].map((p) => p.exited));
  await receiver?.down();
  await otlp.stop();
  await env?.cleanup();
});

describe('logs', () => {
  it("one request's id is on the gateway's lines and on every subgraph's it called, and no line holds a token or a child's name", async () => {
    const childName = `Zebedee Quillfeather ${randomBytes(3).toString('hex')}`;
    const input = incidentInput('LEEDS', {
      children: [{ pseudonym: 'Child Q', fullName: childName, dateOfBirth: '2020-01-01', sex: 'MALE', socialCareStatus: 'CHILD_IN_NEED' }],
    });
    const givenId = `obs-${randomBytes(6).toString('hex')}`;
    const reported = await gql(REPORT_INCIDENT, { input }, { 'x-request-id': givenId });
    expect(reported.body.errors).toBeUndefined();
    expect(reported.res.headers.get('x-request-id')).toBe(givenId);

    // No id given: the gateway makes one, answers with it and passes it on.
    const read = await gql('query ObsOverview { boards { code } incidents { totalCount } reviews { totalCount } }', {});
    expect(read.body.errors).toBeUndefined();
    const madeId = read.res.headers.get('x-request-id')!;
    expect(madeId).toMatch(/^[0-9a-f-]{36}$/);

    await eventually(
      async () =>
        jsonLines('gateway').some((l) => l.requestId === madeId && l.operation) &&
        (['agencies', 'incidents', 'reviews'] as const).every((part) => jsonLines(part).some((l) => l.requestId === madeId)),
      10_000,
      "the overview request's lines in the gateway, agencies, incidents and reviews",
    );
    // The report went to incidents, which asked the directory (agencies) whether LEEDS exists.
    for (const part of ['gateway', 'incidents', 'agencies'] as const) expect(jsonLines(part).some((l) => l.requestId === givenId)).toBe(true);

    const gatewayLine = jsonLines('gateway').find((l) => l.requestId === madeId && l.operation)!;
    expect(gatewayLine).toMatchObject({
      part: 'gateway',
      operation: { name: 'ObsOverview', type: 'query' },
      principal: { sub: 'obs-manager', board: 'LEEDS' },
      res: { status: 200 },
    });
    expect(typeof gatewayLine.durationMs).toBe('number');
    const incidentsLine = jsonLines('incidents').find((l) => l.requestId === givenId && l.operation)!;
    expect(incidentsLine).toMatchObject({ part: 'incidents', operation: { type: 'mutation' }, principal: { sub: 'obs-manager' } });

    // A refused operation's line says why: an operator looking for refusals searches the codes.
    const refused = await gql('query ObsRefused { panelNotifications(first: 1) { pageInfo { hasNextPage } } }', {});
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const refusedId = refused.res.headers.get('x-request-id')!;
    await eventually(
      async () => jsonLines('gateway').some((l) => l.requestId === refusedId && l.operation),
      10_000,
      "the refused request's line in the gateway",
    );
    expect(jsonLines('gateway').find((l) => l.requestId === refusedId && l.operation)).toMatchObject({
      operation: { name: 'ObsRefused', type: 'query' },
      codes: ['FORBIDDEN'],
      principal: { sub: 'obs-manager', board: 'LEEDS' },
    });

    for (const part of PARTS) {
      const output = processes.get(part)!.output;
      expect(output).not.toContain(token);
      expect(output).not.toContain(token.split('.')[2]);
      expect(output).not.toContain(childName);
      expect(output).not.toContain('Zebedee');
    }
  }, 60_000);
});

describe('metrics', () => {
  it('are behind METRICS_TOKEN', async () => {
    expect((await fetch(`http://127.0.0.1:${portOf('gateway')}/metrics`)).status).toBe(401);
    const wrong = await fetch(`http://127.0.0.1:${portOf('gateway')}/metrics`, { headers: { authorization: 'Bearer not-the-token' } });
    expect(wrong.status).toBe(401);
  });

  it('count requests by operation, and the outbox backlog and webhook deliveries move as the panel refuses, then accepts', async () => {
    for (let i = 0; i < 3; i++) expect((await gql('query ObsBoards { boards { code } }', {})).body.errors).toBeUndefined();
    const gateway = await scrape('gateway');
    expect(sample(gateway, 'scr_graphql_request_duration_seconds_count', { operation: 'ObsBoards', type: 'query', code: 'OK' })).toBeGreaterThanOrEqual(3);
    expect(sample(gateway, 'scr_http_request_duration_seconds_count', { route: '/graphql', method: 'POST', status: '200' })).toBeGreaterThanOrEqual(3);
    expect(sample(gateway, 'scr_gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'agencies', outcome: 'ok' })).toBeGreaterThanOrEqual(3);
    expect(gateway).toMatch(/^process_cpu_user_seconds_total\{part="gateway"\} /m);
    const agencies = await scrape('agencies');
    expect(sample(agencies, 'scr_graphql_request_duration_seconds_count', { type: 'query', code: 'OK' })).toBeGreaterThan(0);
    expect(sample(agencies, 'scr_db_query_duration_seconds_count', { outcome: 'ok' })).toBeGreaterThan(0);
    expect(sample(agencies, 'scr_ready', {})).toBe(1);

    // The panel refuses: the notified incident's event waits and the refusals are counted.
    const relay = { relay: 'incidents->panel' };
    const input = incidentInput('LEEDS');
    const reported = await gql(REPORT_INCIDENT, { input });
    const id = (reported.body.data!.reportIncident as { id: string }).id;
    const notified = await gql('mutation ObsNotify($id: ID!, $on: Date!) { recordNotification(incidentId: $id, notifiedOn: $on) { id } }', {
      id,
      on: input.awareOn,
    });
    expect(notified.body.errors).toBeUndefined();
    await eventually(
      async () => sample(await scrape('incidents'), 'scr_panel_webhook_deliveries_total', { outcome: 'refused' }) >= 2,
      20_000,
      'two refused deliveries',
    );
    const refusing = await scrape('incidents');
    expect(sample(refusing, 'scr_outbox_backlog_events', relay)).toBeGreaterThanOrEqual(1);
    expect(sample(refusing, 'scr_panel_webhook_deliveries_total', { outcome: 'delivered' })).toBe(0);

    // The panel accepts: the event goes, the backlog empties, deliveries are counted.
    receiver.decide = () => true;
    await eventually(async () => sample(await scrape('incidents'), 'scr_outbox_backlog_events', relay) === 0, 20_000, 'the panel backlog to empty');
    const accepted = await scrape('incidents');
    expect(sample(accepted, 'scr_panel_webhook_deliveries_total', { outcome: 'delivered' })).toBeGreaterThanOrEqual(1);
    expect(sample(accepted, 'scr_outbox_oldest_undelivered_age_seconds', relay)).toBe(0);
    expect(receiver.received.some((r) => r.accepted && r.json.data.id === id)).toBe(true);
  }, 90_000);
});

describe('traces', () => {
  it("one request's spans from the gateway and the subgraphs it called share the caller's trace id", async () => {
    const traceId = randomBytes(16).toString('hex');
    const traceparent = `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
    // kind is the directory's alone (incidents would answer the boards list itself, from its copy).
    const answer = await gql('query ObsTraced { boards { code kind } incidents { totalCount } }', {}, { traceparent });
    expect(answer.body.errors).toBeUndefined();
    const inTrace = () => otlp.spans.filter((s) => s.traceId === traceId);
    await eventually(
      async () =>
        // The gateway's own server span (ended after its answer) and spans of the two subgraphs it asked.
        inTrace().some((s) => s.service === 'scr-gateway' && s.name.startsWith('POST')) &&
        ['scr-agencies', 'scr-incidents'].every((service) => inTrace().some((s) => s.service === service && s.name.startsWith('POST'))),
      20_000,
      'spans of the gateway, agencies and incidents in the one trace',
    );
    // The subgraphs' GraphQL operations for it are in the trace, and none of them in another.
    expect(inTrace().some((s) => s.service === 'scr-incidents' && s.name.includes('ObsTraced'))).toBe(true);
    expect(otlp.spans.filter((s) => s.service !== 'scr-gateway' && s.name.includes('ObsTraced') && s.traceId !== traceId)).toEqual([]);
  }, 60_000);
});
