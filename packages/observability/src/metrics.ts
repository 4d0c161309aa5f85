import client from 'prom-client';

/**
 * Every metric the platform exports, in one place, so the dashboard and the
 * alert rules can be checked against what exists (infra.test). All names
 * start with `scr_`; process and Node.js metrics are prom-client's defaults.
 * Labels are bounded: operation names (capped, see OperationLabels), error
 * codes, route patterns, part and relay names; never ids.
 */
export const registry = client.register;

let defaultsCollected = false;
/** Process metrics (CPU, memory, event-loop lag, GC, handles); once per process, labelled with its part. */
export function collectProcessMetrics(part: string): void {
  registry.setDefaultLabels({ part });
  if (defaultsCollected) return;
  defaultsCollected = true;
  client.collectDefaultMetrics({ register: registry });
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const httpRequestDuration = new client.Histogram({
  name: 'scr_http_request_duration_seconds',
  help: 'HTTP requests served, by method, route pattern and status code (count: _count)',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: SECONDS,
});

export const graphqlRequestDuration = new client.Histogram({
  name: 'scr_graphql_request_duration_seconds',
  help: 'GraphQL operations served, by operation name, type and outcome code (OK or the first error code)',
  labelNames: ['operation', 'type', 'code'] as const,
  buckets: SECONDS,
});

export const subgraphFetchDuration = new client.Histogram({
  name: 'scr_gateway_subgraph_fetch_duration_seconds',
  help: 'Gateway calls to a subgraph, by subgraph and outcome (ok, error, unreachable)',
  labelNames: ['subgraph', 'outcome'] as const,
  buckets: SECONDS,
});

export const dbQueryDuration = new client.Histogram({
  name: 'scr_db_query_duration_seconds',
  help: "SQL statements sent to the part's database, by outcome (ok, error)",
  labelNames: ['outcome'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
});

export const webhookDeliveries = new client.Counter({
  name: 'scr_panel_webhook_deliveries_total',
  help: 'Panel webhook delivery attempts, by outcome: delivered (2xx), refused (another HTTP status), unreachable (no answer)',
  labelNames: ['outcome'] as const,
});

export const rateLimitRefusals = new client.Counter({
  name: 'scr_rate_limit_refusals_total',
  help: 'Requests the gateway refused with RATE_LIMITED, by the limit that was reached',
  labelNames: ['limit'] as const,
});

// Gauges read at scrape time from what registered itself (pools, relays, readiness checks).

export interface PoolUsage {
  used: number;
  free: number;
  waiting: number;
  limit: number;
}
const pools = new Set<() => PoolUsage | undefined>();
/** A database pool reports its connections on each scrape; returns the function that stops it. */
export function registerPool(usage: () => PoolUsage | undefined): () => void {
  pools.add(usage);
  return () => pools.delete(usage);
}

new client.Gauge({
  name: 'scr_db_pool_connections',
  help: 'Database pool connections by state: used, free, waiting (requests queued for a connection), limit',
  labelNames: ['state'] as const,
  collect() {
    this.reset();
    const total: PoolUsage = { used: 0, free: 0, waiting: 0, limit: 0 };
    let any = false;
    for (const usage of pools) {
      const u = usage();
      if (!u) continue;
      any = true;
      for (const key of Object.keys(total) as (keyof PoolUsage)[]) total[key] += u[key];
    }
    if (!any) return;
    for (const [state, value] of Object.entries(total)) this.set({ state }, value);
  },
});

export interface BacklogReading {
  relay: string;
  /** Events not yet delivered. */
  backlog: number;
  /** Seconds since the oldest undelivered event occurred (0 when none). */
  oldestAgeSeconds: number;
  /** Undelivered events that have failed STUCK_ATTEMPTS times or more: a receiver refusing them for hours. */
  stuck: number;
}
/** Attempts after which an undelivered event counts as stuck (with 10-minute capped backoff: about an hour of failures). */
export const STUCK_ATTEMPTS = 10;

const relays = new Set<() => Promise<BacklogReading>>();
/** An outbox relay reports its backlog on each scrape (one SQL statement); returns the function that stops it. */
export function registerRelay(read: () => Promise<BacklogReading>): () => void {
  relays.add(read);
  return () => relays.delete(read);
}

async function readRelays(): Promise<BacklogReading[]> {
  const readings = await Promise.all([...relays].map((read) => read().catch(() => undefined)));
  return readings.filter((r): r is BacklogReading => r !== undefined);
}

/** One scrape reads every relay once, whichever of the three gauges asks first. */
let reading: Promise<BacklogReading[]> | undefined;
function relayReadings(): Promise<BacklogReading[]> {
  reading ??= readRelays().finally(() => setTimeout(() => (reading = undefined), 100).unref());
  return reading;
}

function relayGauge(name: string, help: string, value: (r: BacklogReading) => number): void {
  new client.Gauge({
    name,
    help,
    labelNames: ['relay'] as const,
    async collect() {
      this.reset();
      for (const r of await relayReadings()) this.set({ relay: r.relay }, value(r));
    },
  });
}
relayGauge('scr_outbox_backlog_events', 'Outbox events not yet delivered, per relay', (r) => r.backlog);
relayGauge('scr_outbox_oldest_undelivered_age_seconds', 'Age of the oldest undelivered outbox event, per relay (0: none waiting)', (r) => r.oldestAgeSeconds);
relayGauge(
  'scr_outbox_stuck_events',
  `Undelivered outbox events that failed ${STUCK_ATTEMPTS} or more times (dead letters in all but name), per relay`,
  (r) => r.stuck,
);

const readinessChecks = new Map<string, () => Promise<string | undefined>>();
/** The part's readiness (the same check as /health/ready) is read on each scrape. */
export function registerReadiness(part: string, problem: () => Promise<string | undefined>): void {
  readinessChecks.set(part, problem);
}

new client.Gauge({
  name: 'scr_ready',
  help: '1 when the part can serve (its database reachable and migrated; at the gateway, every subgraph ready), else 0',
  async collect() {
    this.reset();
    for (const problem of readinessChecks.values()) this.set((await problem().catch(() => 'failed')) ? 0 : 1);
  },
});

export const subgraphReady = new client.Gauge({
  name: 'scr_gateway_subgraph_ready',
  help: 'At the gateway: 1 when the subgraph answered ready at the last check, else 0',
  labelNames: ['subgraph'] as const,
});
