import autocannon from 'autocannon';

export interface Target {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface LoadFigures {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Requests that failed (connection errors, timeouts, non-2xx answers, and answers carrying GraphQL errors). */
  failed: number;
}

/** One GraphQL request, checked: a load of error answers would measure the error path. */
export async function ask(target: Target): Promise<{ ms: number; body: { data?: unknown; errors?: { message: string }[] } }> {
  const started = performance.now();
  const res = await fetch(target.url, { method: 'POST', headers: target.headers, body: target.body });
  const body = (await res.json()) as { data?: unknown; errors?: { message: string }[] };
  const ms = performance.now() - started;
  if (!res.ok || body.errors?.length) throw new Error(`${target.url} answered ${res.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return { ms, body };
}

/** A GraphQL answer without an `errors` list (which follows `data`, or stands alone). */
export function answeredWithoutErrors(body: string | Buffer | undefined): boolean {
  return body !== undefined && !body.toString().includes('"errors":[');
}

/** autocannon against one target: `connections` clients, each sending its next request when the last one answered. */
export async function load(target: Target, connections: number, durationSeconds: number): Promise<LoadFigures> {
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    headers: target.headers,
    body: target.body,
    connections,
    duration: durationSeconds,
    timeout: 30,
    // GraphQL answers its errors with 200: without this, a scenario failing every request would read as a fast one.
    verifyBody: answeredWithoutErrors,
  });
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.total / durationSeconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.errors + result.timeouts + result.non2xx + result.mismatches,
  };
}

/** The median of `times` requests sent one after another, on an otherwise idle platform, and how many failed. */
export async function alone(
  target: Target,
  times: number,
  beforeEach?: () => Promise<unknown>,
): Promise<{ medianMs: number; failed: number; firstError?: string }> {
  const ms: number[] = [];
  let failed = 0;
  let firstError: string | undefined;
  for (let i = 0; i < times; i++) {
    await beforeEach?.();
    const started = performance.now();
    try {
      await ask(target);
    } catch (error) {
      failed += 1;
      firstError ??= error instanceof Error ? error.message.slice(0, 200) : String(error);
    }
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return { medianMs: ms[Math.floor(ms.length / 2)] ?? 0, failed, firstError };
}
