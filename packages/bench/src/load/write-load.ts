import { createServer, type Server } from 'node:http';
import type { Connection } from 'mysql2/promise';
import { addDays, todayInLondon } from '@scr/calendar';
import { AUDIT_EVENT_TYPE } from '@scr/internal-api';
import { RECORD_NOTIFICATION, REPORT_INCIDENT } from './scenarios';

/** A stand-in for the national panel's webhook receiver: answers every delivery 200 and counts them. */
export async function startPanelReceiver(port: number): Promise<{ server: Server; deliveries: () => number }> {
  let deliveries = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      deliveries += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, deliveries: () => deliveries };
}

export interface OutboxSample {
  /** e.g. incidents/events, incidents/panel */
  relay: string;
  pending: number;
  oldestMs: number;
}

/**
 * Undelivered events of every outbox, per relay: the panel relay delivers
 * `panel:` events, the audit relay the audit rows shipped to the directory,
 * the event relay the rest. Ages are measured from when the event was
 * written (occurred_at, UTC).
 */
export async function sampleOutboxes(dbs: Record<string, Connection>): Promise<OutboxSample[]> {
  const samples: OutboxSample[] = [];
  for (const [service, db] of Object.entries(dbs)) {
    const [rows] = (await db.query(
      `SELECT CASE WHEN type LIKE 'panel:%' THEN 'panel' WHEN type = ? THEN 'audit' ELSE 'events' END AS relay,
              COUNT(*) AS pending, MIN(occurred_at) AS oldest
         FROM outbox_events WHERE delivered_at IS NULL GROUP BY relay`,
      [AUDIT_EVENT_TYPE],
    )) as unknown as [{ relay: string; pending: number; oldest: string }[]];
    for (const row of rows) {
      const oldestMs = Math.max(0, Date.now() - Date.parse(`${row.oldest.replace(' ', 'T')}Z`));
      samples.push({ relay: `${service}/${row.relay}`, pending: Number(row.pending), oldestMs });
    }
  }
  return samples;
}

export interface WriteFigures {
  sent: number;
  /** Ticks not sent because ten seconds' worth of pairs were still unanswered. */
  skipped: number;
  failed: number;
  achievedPerSecond: number;
  p50: number;
  p99: number;
  /** Per relay: the most undelivered, the oldest age, and the oldest age in each 10 s of the run (then of the drain). */
  maxBacklog: Record<string, { pending: number; oldestMs: number; oldestMsByWindow: number[] }>;
  /** From the end of the load until every outbox was empty; undefined if it did not drain within the wait. */
  drainMs?: number;
}

const BOARDS = ['BRADFORD', 'CALDERDALE', 'KIRKLEES', 'LEEDS', 'WAKEFIELD'];

/**
 * reportIncident then recordNotification, `rate` pairs a second for
 * `seconds`, each board in turn (its own manager's token), started on a
 * clock whatever the answers' speed, while the outboxes are sampled every
 * second. Every notification sends an event to the reviews subgraph (which
 * opens a review) and, under the partnership regime, one to the panel.
 */
export async function writeLoad(
  gatewayUrl: string,
  tokens: Record<string, string>,
  outboxes: Record<string, Connection>,
  rate: number,
  seconds: number,
  /** Tells this load's idempotency keys from another's in the same run. */
  label: string,
): Promise<WriteFigures> {
  const today = todayInLondon();
  const latencies: number[] = [];
  let failed = 0;
  let sent = 0;
  const maxBacklog: WriteFigures['maxBacklog'] = {};
  const post = async (token: string, query: string, variables: Record<string, unknown>) => {
    const res = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: Record<string, { id: string }>; errors?: { message: string }[] };
    if (body.errors?.length || !body.data) throw new Error(body.errors?.[0]?.message ?? `HTTP ${res.status}`);
    return body.data;
  };
  const one = async (n: number) => {
    // The index is taken modulo the length of a constant, non-empty list.
    const board = BOARDS[n % BOARDS.length]!;
    const started = performance.now();
    try {
      const token = tokens[board];
      if (!token) throw new Error(`No token for board ${board}`);
      const { reportIncident } = await post(token, REPORT_INCIDENT, {
        input: {
          boardCode: board,
          criterion: 'CHILD_SERIOUSLY_HARMED',
          abuseOrNeglect: 'SUSPECTED',
          occurredOn: addDays(today, -2),
          awareOn: addDays(today, -1),
          abuseTypes: ['NEGLECT'],
          children: [
            {
              pseudonym: 'Child W',
              fullName: `Bench Write Child ${n}`,
              sex: 'FEMALE',
              ageBand: 'AGE_1_TO_5',
              ethnicity: 'WHITE',
              socialCareStatus: 'CHILD_IN_NEED',
            },
          ],
          idempotencyKey: `bench-write-${label}-${n}`,
        },
      });
      if (!reportIncident) throw new Error('reportIncident answered no data');
      await post(token, RECORD_NOTIFICATION, { id: reportIncident.id, on: today });
      latencies.push(performance.now() - started);
    } catch (error) {
      failed += 1;
      if (failed <= 3) console.error(`write ${n} failed: ${error instanceof Error ? error.message : error}`);
    }
  };
  const started = performance.now();
  const sample = async () => {
    const window = Math.floor((performance.now() - started) / 10_000);
    for (const s of await sampleOutboxes(outboxes)) {
      const max = (maxBacklog[s.relay] ??= { pending: 0, oldestMs: 0, oldestMsByWindow: [] });
      max.pending = Math.max(max.pending, s.pending);
      max.oldestMs = Math.max(max.oldestMs, s.oldestMs);
      max.oldestMsByWindow[window] = Math.max(max.oldestMsByWindow[window] ?? 0, s.oldestMs);
    }
  };

  const inFlight: Promise<void>[] = [];
  let pending = 0;
  let skipped = 0;
  const sampler = setInterval(() => void sample().catch(() => undefined), 1000);
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      if (performance.now() - started >= seconds * 1000) {
        clearInterval(tick);
        resolve();
        return;
      }
      // A platform that falls behind gets no unbounded queue: past ten seconds' worth in flight, a tick is skipped and counted.
      if (pending >= rate * 10) {
        skipped += 1;
        return;
      }
      pending += 1;
      inFlight.push(one(sent++).finally(() => (pending -= 1)));
    }, 1000 / rate);
  });
  await Promise.all(inFlight);
  const loadEnded = performance.now();
  let drainMs: number | undefined;
  while (performance.now() - loadEnded < 120_000) {
    await sample();
    if ((await sampleOutboxes(outboxes)).length === 0) {
      drainMs = performance.now() - loadEnded;
      break;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { sent, skipped, failed, achievedPerSecond: (sent - failed) / seconds, p50: at(0.5), p99: at(0.99), maxBacklog, drainMs };
}
