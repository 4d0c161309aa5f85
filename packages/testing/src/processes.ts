import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { SERVICE_NAMES } from '@scr/config';
import { databaseName, dropMysqlDatabase } from '@scr/db';
import { PART_NODE_OPTIONS } from '@scr/platform';
import { freePort } from './free-port';
import { MYSQL_URL, type TestDatabase } from './test-platform';

const ROOT = path.join(__dirname, '..', '..', '..');

/** Compiles what changed since the last build: multi-process tests run the built output, as production does. */
export function buildOnce(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.js'), '--if-needed'], { stdio: 'inherit' });
}

export const ENTRY = {
  launcher: path.join(ROOT, 'packages', 'platform', 'dist', 'start.js'),
  gateway: path.join(ROOT, 'gateway', 'dist', 'main.js'),
  agencies: path.join(ROOT, 'services', 'agencies', 'dist', 'main.js'),
  incidents: path.join(ROOT, 'services', 'incidents', 'dist', 'main.js'),
  reviews: path.join(ROOT, 'services', 'reviews', 'dist', 'main.js'),
  'action-plans': path.join(ROOT, 'services', 'action-plans', 'dist', 'main.js'),
};

/** A process the test started, with everything it printed, line by line. */
export class TestProcess {
  readonly child: ChildProcess;
  readonly lines: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(entry: string, env: Record<string, string>) {
    // Not a jest worker: the part logs at its normal level (info), as in production.
    const { JEST_WORKER_ID: _worker, ...parent } = process.env;
    // With the V8 options the launcher and the image give every part, so the parts run as deployed.
    this.child = spawn(process.execPath, [...PART_NODE_OPTIONS, entry], { env: { ...parent, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let partial = '';
    const onData = (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8');
      const parts = text.split('\n');
      partial = parts.pop() ?? '';
      this.lines.push(...parts);
    };
    this.child.stdout!.on('data', onData);
    this.child.stderr!.on('data', onData);
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  get output(): string {
    return this.lines.join('\n');
  }

  /** Waits for a line matching the pattern; fails with everything printed so far if it does not come. */
  async waitFor(pattern: RegExp, timeoutMs = 180_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const line of this.lines) {
        const match = line.match(pattern);
        if (match) return match;
      }
      if (Date.now() > deadline) throw new Error(`no line matching ${pattern} within ${timeoutMs} ms; output:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  kill(signal: NodeJS.Signals = 'SIGTERM'): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface ProcessEnvironment {
  env: Record<string, string>;
  gatewayUrl: string;
  ports: { gateway: number; agencies: number; incidents: number; reviews: number; 'action-plans': number };
  cleanup(): Promise<void>;
}

/** Environment for processes on free ports and a throwaway database (MySQL prefix or SQLite folder). */
export async function processEnvironment(database: TestDatabase): Promise<ProcessEnvironment> {
  const [gateway, agencies, incidents, reviews, actionPlans] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
  const prefix = `scrt_${randomBytes(4).toString('hex')}`;
  const dataDir = database === 'sqlite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'scr-procs-')) : '';
  const env: Record<string, string> = {
    GATEWAY_PORT: String(gateway),
    AGENCIES_PORT: String(agencies),
    INCIDENTS_PORT: String(incidents),
    REVIEWS_PORT: String(reviews),
    ACTION_PLANS_PORT: String(actionPlans),
    SEED_DEMO: '0',
    OUTBOX_INTERVAL_MS: '100',
    OUTBOX_RETRY_BASE_MS: '50',
    GATEWAY_SECRET: randomBytes(24).toString('hex'),
    NODE_ENV: 'development',
    ...(database === 'mysql' ? { DATABASE_URL: MYSQL_URL, DATABASE_PREFIX: prefix } : { DATA_DIR: dataDir }),
  };
  return {
    env,
    gatewayUrl: `http://127.0.0.1:${gateway}/graphql`,
    ports: { gateway, agencies, incidents, reviews, 'action-plans': actionPlans },
    async cleanup() {
      if (database === 'mysql') {
        for (const service of SERVICE_NAMES) await dropMysqlDatabase(MYSQL_URL, databaseName({ databasePrefix: prefix } as never, service));
      } else {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** POSTs one GraphQL request with fetch (the processes are real servers on real ports). */
export async function postGql<T = Record<string, unknown>>(
  url: string,
  token: string | undefined,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ status: number; data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  return { status: res.status, data: body.data ?? undefined, errors: body.errors };
}
