import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpuMillis, processGroup, rssBytes } from './process-cpu';

/** Ports beside the bench platform's 4700-4704. */
const PORTS = { GATEWAY_PORT: 4800, AGENCIES_PORT: 4801, INCIDENTS_PORT: 4802, REVIEWS_PORT: 4803, ACTION_PLANS_PORT: 4804 };

export interface BaselinePlatform {
  gatewayUrl: string;
  /** CPU ms used so far by every process the baseline started. */
  cpuMillis(): number;
  /** Resident memory of every process the baseline started, in bytes, and how many there are. */
  rss(): { bytes: number; processes: number };
  stop(): Promise<void>;
}

/**
 * Another version of the platform (a checkout with its dependencies installed,
 * e.g. `git worktree add ../before <commit> && pnpm install`), started with
 * its own `pnpm start` on the bench platform's databases, identity provider and
 * settings, so both answer the same data in the same minutes. Its migrations
 * find the tables already there (an older version knows a subset of them).
 * It runs in its own process group, so its CPU and memory are counted however
 * many processes it uses, and stopping it stops them all.
 */
export async function startBaseline(dir: string, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<BaselinePlatform> {
  const child: ChildProcess = spawn('pnpm', ['start'], {
    cwd: dir,
    env: { ...env, ...Object.fromEntries(Object.entries(PORTS).map(([k, v]) => [k, String(v)])), GATEWAY_SECRET: randomBytes(32).toString('hex') },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean).slice(-20));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const group = child.pid!;
  const gatewayUrl = `http://127.0.0.1:${PORTS.GATEWAY_PORT}/graphql`;

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    signalGroup(group, 'SIGTERM');
    const killed = setTimeout(() => signalGroup(group, 'SIGKILL'), 15_000);
    await exited;
    clearTimeout(killed);
    // The launcher's children may outlive it by a moment.
    signalGroup(group, 'SIGKILL');
  };

  const deadline = Date.now() + 300_000;
  while (!(await answers(gatewayUrl))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the baseline in ${dir} did not start: ${output.slice(-10).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  // pnpm itself leads the group and only waits for the script: not part of the platform.
  const platformPids = () => processGroup(group).filter((pid) => pid !== group);
  log(`baseline ready: ${dir} (${platformPids().length} processes under pnpm)`);
  return {
    gatewayUrl,
    cpuMillis: () => platformPids().reduce((ms, pid) => ms + (cpuMillis(pid) ?? 0), 0),
    rss: () => {
      // Each read once: a process that ended meanwhile reads 0 and is not counted.
      const resident = platformPids()
        .map(rssBytes)
        .filter((bytes) => bytes > 0);
      return { bytes: resident.reduce((n, bytes) => n + bytes, 0), processes: resident.length };
    },
    stop,
  };
}

/** True once the gateway answers GraphQL (any answer to a well-formed request, errors included). */
async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    return res.status < 500;
  } catch {
    return false;
  }
}

function signalGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-group, signal);
  } catch {
    // Already gone.
  }
}
