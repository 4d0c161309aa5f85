import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildOnce, ENTRY, freePort, TestProcess } from '@scr/testing';

// The gateway plans and forwards; it builds no subgraph schema and opens no database. Loading type-graphql,
// TypeORM and its drivers anyway cost it about 18 MB of resident memory idle (BENCHMARKS.md, session 11), so
// it takes what it shares with the subgraphs from @scr/graphql-kit/edge, not the package's whole index.

beforeAll(() => buildOnce(), 180_000);

it('runs the built gateway without loading type-graphql, TypeORM or a database driver', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-footprint-'));
  const report = path.join(dir, 'modules.json');
  const preload = path.join(dir, 'report-modules.js');
  fs.writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify(Object.keys(require.cache))));`);
  const unreachable = `http://127.0.0.1:${await freePort()}/graphql`;
  const gateway = new TestProcess(ENTRY.gateway, {
    GATEWAY_PORT: String(await freePort()),
    AGENCIES_URL: unreachable,
    INCIDENTS_URL: unreachable,
    REVIEWS_URL: unreachable,
    ACTION_PLANS_URL: unreachable,
    GATEWAY_SECRET: 'footprint-test-secret',
    NODE_OPTIONS: `--require ${preload}`,
  });
  try {
    await gateway.waitFor(/gateway: ready on /, 120_000);
    gateway.kill('SIGTERM');
    await gateway.exited;
    const loaded: string[] = JSON.parse(fs.readFileSync(report, 'utf8'));
    // It did load the gateway (Apollo, the planner, its own modules), just not those.
    expect(loaded.some((f) => f.includes('/@apollo/gateway/'))).toBe(true);
    const heavy = ['/typeorm/', '/type-graphql/', '/mysql2/', '/better-sqlite3/', '/packages/db/dist/index.js'];
    expect(heavy.filter((h) => loaded.some((f) => f.includes(h)))).toEqual([]);
  } finally {
    gateway.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
