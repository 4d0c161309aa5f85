import { randomUUID } from 'node:crypto';
import { incidentInput, REPORT_INCIDENT } from '@scr/testing';

/** One answer as a client saw it. */
export interface Answer {
  at: number;
  status: number;
  retryAfter: string | null;
  codes: string[];
  /** The request never got an HTTP answer (connection refused or cut, client timeout). */
  transportError?: string;
}

interface GqlAnswer<T> extends Answer {
  data?: T;
}

async function post<T>(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<GqlAnswer<T>> {
  const at = Date.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await res.json()) as { data?: T; errors?: { extensions?: { code?: string } }[] };
    return {
      at,
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      codes: (body.errors ?? []).map((e) => e.extensions?.code ?? '?'),
      data: body.data ?? undefined,
    };
  } catch (error) {
    return { at, status: 0, retryAfter: null, codes: [], transportError: (error as Error).message };
  }
}

const NOTIFY = `mutation($id: ID!, $on: Date!) { recordNotification(incidentId: $id, notifiedOn: $on) { id notifiedOn } }`;
const COUNT = `query($board: ID!) { incidents(filter: { boardCodes: [$board] }) { totalCount } }`;

export interface Writer {
  board: string;
  token: string;
}

/**
 * Writers report and notify incidents, each with its own idempotency key,
 * and retry a write that was not acknowledged with the same input, as a
 * client told SERVICE_UNAVAILABLE would; readers count incidents. Every
 * answer is kept, and every write the platform acknowledged.
 */
export class Load {
  readonly answers: Answer[] = [];
  /** Incidents whose report and notification were both acknowledged, with when the notification was. */
  readonly notified: { id: string; board: string; at: number }[] = [];
  private running = false;
  private abandoned = false;
  /** Writes still unacknowledged when stop() gave up on them: they may or may not have been stored. */
  unacknowledged = 0;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly url: string,
    private readonly writers: Writer[],
    private readonly readers: Writer[],
  ) {}

  start(): void {
    this.running = true;
    this.loops = [...this.writers.map((w) => this.write(w)), ...this.readers.map((r) => this.read(r))];
  }

  /**
   * Stops starting new writes; a write in progress is retried until
   * acknowledged (a client does not give up on it), for at most `graceMs`.
   */
  async stop(graceMs = 60_000): Promise<void> {
    this.running = false;
    const timer = setTimeout(() => (this.abandoned = true), graceMs);
    await Promise.all(this.loops);
    clearTimeout(timer);
  }

  answersBetween(from: number, to: number): Answer[] {
    return this.answers.filter((a) => a.at >= from && a.at <= to);
  }

  /**
   * Sends until the answer has data, keeping every answer. Between tries a
   * client waits as Retry-After asks; here 0.5-1.5 s instead of its 60 s, so
   * the suite stays short, yet the platform is not flooded with instant retries.
   * Undefined when stop() gave up on it.
   */
  private async untilAcknowledged<T>(send: () => Promise<GqlAnswer<T>>): Promise<GqlAnswer<T> | undefined> {
    for (;;) {
      const answer = await send();
      this.answers.push(answer);
      if (answer.status === 200 && answer.data && answer.codes.length === 0) return answer;
      if (this.abandoned) {
        this.unacknowledged += 1;
        return undefined;
      }
      await new Promise((r) => setTimeout(r, 500 + Math.random() * 1000));
    }
  }

  private async write(writer: Writer): Promise<void> {
    let n = 0;
    while (this.running) {
      const input = incidentInput(writer.board, { summary: `fault load ${n++}`, idempotencyKey: randomUUID() });
      const reported = await this.untilAcknowledged(() => post<{ reportIncident: { id: string } }>(this.url, writer.token, REPORT_INCIDENT, { input }));
      if (!reported) return;
      const id = reported.data!.reportIncident.id;
      if (!(await this.untilAcknowledged(() => post(this.url, writer.token, NOTIFY, { id, on: input.awareOn })))) return;
      this.notified.push({ id, board: writer.board, at: Date.now() });
    }
  }

  private async read(reader: Writer): Promise<void> {
    while (this.running) {
      this.answers.push(await post(this.url, reader.token, COUNT, { board: reader.board }));
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** How many incidents the board holds, as its manager sees it (retried until the platform answers). */
export async function incidentCount(url: string, reader: Writer): Promise<number> {
  for (;;) {
    const answer = await post<{ incidents: { totalCount: number } }>(url, reader.token, COUNT, { board: reader.board });
    if (answer.data?.incidents) return answer.data.incidents.totalCount;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * When the platform works again: probes (a read and a write) are sent every
 * 250 ms without waiting for earlier ones (up to four at once), and the answer is the send time
 * of the first probe that succeeded. Measured from the send, not the answer,
 * so a slow machine's own latency is not counted as the platform's recovery.
 */
export async function recoveredSince(url: string, writer: Writer, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  const input = incidentInput(writer.board, { summary: 'recovery probe', idempotencyKey: randomUUID() });
  let recoveredAt: number | undefined;
  const probes: Promise<void>[] = [];
  let inFlight = 0;
  let last: Answer[] = [];
  while (recoveredAt === undefined) {
    // At most four probes at once: a probe waits at most the gateway's deadline.
    if (inFlight >= 4) {
      await new Promise((r) => setTimeout(r, 50));
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `the platform did not recover within ${timeoutMs} ms: ${JSON.stringify(last.map((a) => ({ status: a.status, codes: a.codes, transportError: a.transportError })))}`,
      );
    }
    const sentAt = Date.now();
    inFlight += 1;
    probes.push(
      Promise.all([
        post<{ incidents: unknown }>(url, writer.token, COUNT, { board: writer.board }),
        // Always the same write: however many probes, one incident (the idempotency key).
        post<{ reportIncident: unknown }>(url, writer.token, REPORT_INCIDENT, { input }),
      ]).then(([read, write]) => {
        last = [read, write];
        const ok = read.data?.incidents && write.data?.reportIncident && read.codes.length === 0 && write.codes.length === 0;
        if (ok && (recoveredAt === undefined || sentAt < recoveredAt)) recoveredAt = sentAt;
        inFlight -= 1;
      }),
    );
    await new Promise((r) => setTimeout(r, 250));
  }
  await Promise.all(probes);
  return recoveredAt;
}
