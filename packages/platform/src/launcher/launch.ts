import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { loadConfig, SERVICE_NAMES, subgraphBaseUrl, type Config, type ServiceName } from '@scr/config';
import { seedDemoData } from '../demo/seed';
import { Child, describeExit, type PartSpec } from './child';

const PACKAGES: Record<ServiceName | 'gateway', string> = {
  agencies: '@scr/agencies-service',
  incidents: '@scr/incidents-service',
  reviews: '@scr/reviews-service',
  'action-plans': '@scr/action-plans-service',
  gateway: '@scr/gateway',
};

/** The built entry point of a part: <package>/dist/main.js. */
function entry(part: ServiceName | 'gateway'): string {
  return path.join(path.dirname(require.resolve(`${PACKAGES[part]}/package.json`)), 'dist', 'main.js');
}

/** The directory first (every other part asks it), the gateway last (it needs every subgraph). */
export function parts(config: Config): PartSpec[] {
  const local = (url: string) => url.replace('//0.0.0.0:', '//127.0.0.1:');
  return [
    ...SERVICE_NAMES.map((name) => ({ name, entry: entry(name), readyUrl: local(`${subgraphBaseUrl(config, name)}/health/ready`) })),
    { name: 'gateway', entry: entry('gateway'), readyUrl: `http://127.0.0.1:${config.gatewayPort}/health/ready` },
  ];
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const say = (line: string) => log(`${'[launcher]'.padEnd(15)}${line}`);

/**
 * `pnpm start`: each part its own process, started in order, each ready
 * before the next. A part that dies is reported loudly and not restarted
 * behind anyone's back; the others keep running (the gateway answers that
 * part's fields with SERVICE_UNAVAILABLE). Ctrl-C or SIGTERM stops them all.
 */
export function launch(env: NodeJS.ProcessEnv = process.env): void {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  // Outside production every start gets its own gateway secret, shared by the five children only.
  const childEnv: NodeJS.ProcessEnv = { ...env, ...(!config.production && !env.GATEWAY_SECRET ? { GATEWAY_SECRET: randomBytes(32).toString('hex') } : {}) };
  // The parts write to a pipe; when that pipe ends at a person's terminal they may print pretty lines (never in production).
  if (process.stdout.isTTY && !config.production && childEnv.LOG_PRETTY === undefined) childEnv.LOG_PRETTY = '1';
  const readyTimeoutMs = Number(env.LAUNCHER_READY_TIMEOUT_MS) || 120_000;
  const children: Child[] = [];
  let stopping = false;

  const stopAll = async (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    say(`${reason}: stopping every part`);
    const gateway = children.find((c) => c.spec.name === 'gateway');
    // The gateway first, so nothing new reaches the subgraphs while they drain.
    if (gateway) await gateway.stop(config.shutdownGraceMs + 5000);
    await Promise.all(children.filter((c) => c !== gateway).map((c) => c.stop(config.shutdownGraceMs + 5000)));
    say('every part has stopped');
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void stopAll('SIGINT', 0));
  process.on('SIGTERM', () => void stopAll('SIGTERM', 0));

  const run = async () => {
    const where = config.databaseUrl ? `MySQL (${new URL(config.databaseUrl).host})` : `embedded SQLite in ${config.dataDir}/`;
    say(`database: ${where}`);
    for (const spec of parts(config)) {
      if (stopping) return;
      const child = new Child(spec, childEnv, log);
      children.push(child);
      say(`${spec.name} starting (pid ${child.pid})`);
      void child.exited.then(async (exit) => {
        // Ctrl-C reaches every process of the terminal at once: a part that stopped for it did not die.
        await new Promise((r) => setTimeout(r, 200));
        if (stopping) return;
        log('');
        say(`!!! ${spec.name} (pid ${child.pid}) DIED: ${describeExit(exit)}.`);
        say(`!!! The other parts keep running; the gateway answers ${spec.name}'s fields with SERVICE_UNAVAILABLE. Restart with pnpm start.`);
        log('');
      });
      await child.waitReady(readyTimeoutMs);
      say(`${spec.name} ready (pid ${child.pid})`);
    }
    const url = `http://localhost:${config.gatewayPort}/graphql`;
    if (config.seedDemo && (await seedDemoData(config, url, say))) say('loaded demo data');
    say(`gateway ready: ${url}`);
    say('get a token with: pnpm token --role BOARD_MANAGER --board LEEDS');
  };
  run().catch((error: unknown) => stopAll(`could not start: ${error instanceof Error ? error.message : String(error)}`, 1));
}
