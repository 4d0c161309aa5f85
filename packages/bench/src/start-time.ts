import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signDevToken } from '@scr/auth';
import { loadConfig } from '@scr/config';

/**
 * `pnpm bench:start`: how long the newcomer's `pnpm start` (embedded SQLite,
 * an empty data directory as on a fresh clone, after install and build)
 * takes to answer the README's first query through the gateway, and to say
 * it is ready (demo data loaded). Three runs, each on a new data directory.
 */
/** A port nobody listens on now, so a server left by someone else never gives the first answer. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
const QUERY = JSON.stringify({ query: '{ boards { code name } }' });
/** The README's first query, with a development token as `pnpm token --role BOARD_MANAGER --board LEEDS` prints. */
const token = () => signDevToken(loadConfig({}), { subject: 'bench-start', roles: ['BOARD_MANAGER'], board: 'LEEDS' });

async function once(): Promise<{ firstAnswerMs: number; readyMs: number }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'scr-start-'));
  const [PORT, agencies, incidents, reviews, actionPlans] = [await freePort(), await freePort(), await freePort(), await freePort(), await freePort()];
  const started = performance.now();
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(__dirname, '../../platform/dist/start.js')], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      GATEWAY_PORT: String(PORT),
      AGENCIES_PORT: String(agencies),
      INCIDENTS_PORT: String(incidents),
      REVIEWS_PORT: String(reviews),
      ACTION_PLANS_PORT: String(actionPlans),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let readyMs = 0;
  const ready = new Promise<void>((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (!readyMs && chunk.toString().includes('gateway ready:')) {
        readyMs = performance.now() - started;
        resolve();
      }
    });
  });
  let firstAnswerMs = 0;
  const authorization = `Bearer ${await token()}`;
  try {
    while (!firstAnswerMs && performance.now() - started < 120_000) {
      try {
        const res = await fetch(`http://127.0.0.1:${PORT}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: QUERY,
        });
        const body = (await res.json()) as { data?: { boards?: unknown[] } };
        if (body.data?.boards?.length) firstAnswerMs = performance.now() - started;
        else if (process.env.BENCH_DEBUG) console.log(JSON.stringify(body).slice(0, 300));
      } catch {
        // not listening yet
      }
      if (!firstAnswerMs) await new Promise((r) => setTimeout(r, 50));
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([ready, new Promise((r) => (timer = setTimeout(r, 120_000)))]);
    clearTimeout(timer);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { firstAnswerMs, readyMs };
}

async function main() {
  for (let run = 1; run <= 3; run++) {
    const { firstAnswerMs, readyMs } = await once();
    console.log(`run ${run}: first answer ${(firstAnswerMs / 1000).toFixed(1)} s, launcher ready with demo data ${(readyMs / 1000).toFixed(1)} s`);
  }
}

main().then(() => process.exit(0));
