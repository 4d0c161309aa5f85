import path from 'node:path';
import { GATEWAY_SECRET_HEADER } from '@scr/graphql-kit';
import { todayInLondon } from '@scr/calendar';
import { BUMP_COUNTS_VERSION_SQL } from '@scr/incidents-service';
import { generate } from './data/generate';
import { startBenchPlatform } from './platform/bench-platform';
import { startBenchIdentityProvider } from './platform/identity-provider';
import { startBaseline, type BaselinePlatform } from './platform/baseline-platform';
import { alone, ask, load, type LoadFigures, type Target } from './load/read-load';
import { READ_SCENARIOS, type Principal, type ReadScenario } from './load/scenarios';
import { startPanelReceiver, writeLoad, type WriteFigures } from './load/write-load';
import { benchOptions, USAGE, UsageError } from './options';
import { printReport, totalCpuMs } from './report';

const PANEL_PORT = 4710;
const PANEL_SECRET = 'bench-panel-secret';

export interface ScenarioResult {
  scenario: ReadScenario;
  rounds: (LoadFigures & { statements?: number; cpuMsPerRequest?: Record<string, number> })[];
}

/**
 * `pnpm bench`: the deployed platform on throwaway MySQL databases with
 * generated data, the read scenarios under autocannon side by side
 * (each round runs every scenario once, so background noise falls on all of
 * them), then the write scenario, and a table of the figures.
 */
async function main() {
  const scenarioNames = [...READ_SCENARIOS.map((s) => s.name), 'write'];
  const options = benchOptions(process.argv.slice(2), scenarioNames);
  if (options === 'help') {
    console.log(USAGE.replace('SCENARIOS', scenarioNames.join(', ')));
    return;
  }
  const { incidents, duration, rounds, connections } = options;
  const wanted = (name: string) => !options.scenarios || options.scenarios.includes(name);
  const databaseUrl = process.env.BENCH_DATABASE_URL || 'mysql://root@127.0.0.1:3306';
  const say = (line: string) => console.log(`[bench] ${line}`);

  const panel = await startPanelReceiver(PANEL_PORT);
  const idp = await startBenchIdentityProvider();
  const nodeArgs = options.nodeArgs.length ? ` with ${options.nodeArgs.join(' ')}` : '';
  say(`starting the platform (compiled, one process per part, NODE_ENV=production${nodeArgs}) on ${new URL(databaseUrl).host}`);
  const platform = await startBenchPlatform(
    databaseUrl,
    {
      PANEL_WEBHOOK_URL: `http://127.0.0.1:${PANEL_PORT}/panel`,
      PANEL_WEBHOOK_SECRET: PANEL_SECRET,
      ...idp.env,
    },
    (line) => say(line),
    [...(options.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(options.profile)}`] : []), ...options.nodeArgs],
  );
  let baseline: BaselinePlatform | undefined;
  const stopping = async () => {
    await baseline?.stop();
    await platform.stop();
    panel.server.close();
    await idp.close();
  };
  process.once('SIGINT', () => void stopping().then(() => process.exit(130)));
  try {
    let started = performance.now();
    const facts = await generate(platform.databases, {
      incidents,
      today: todayInLondon(),
      progress: (n) => n % 100_000 === 0 && say(`  ${n} incidents`),
    });
    say(`generated ${facts.incidents} incidents, ${facts.reviews} reviews, ${facts.actions} actions in ${((performance.now() - started) / 1000).toFixed(0)} s`);

    const token = (p: Principal) => {
      const [role] = p.roles;
      if (!role) throw new Error('A bench principal needs at least one role.');
      return idp.sign({ subject: `bench-${role.toLowerCase()}`, roles: p.roles as never, board: p.board });
    };
    if (options.baseline) baseline = await startBaseline(path.resolve(options.baseline), platform.env, say);
    // One checked request before any load: a scenario answering errors would measure the error path, so say so.
    const firstAnswer = (name: string, target: Target) =>
      ask(target).then(
        () => undefined,
        (error: unknown) => say(`${name}: first answer failed: ${error instanceof Error ? error.message.slice(0, 300) : error}`),
      );
    const targets = new Map<ReadScenario, Target>();
    for (const s of READ_SCENARIOS.filter((s) => wanted(s.name))) {
      const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${await token(s.principal)}` };
      if (s.direct) headers[GATEWAY_SECRET_HEADER] = platform.config.gatewaySecret;
      const target = {
        url: s.direct ? platform.subgraphUrl(s.direct) : platform.gatewayUrl,
        headers,
        body: JSON.stringify({ query: s.query, variables: s.variables?.(facts) }),
      };
      await firstAnswer(s.name, target);
      targets.set(s, target);
    }

    // Each measured load: this platform's scenarios, each followed by the baseline's run of the same one.
    const loads: { result: ScenarioResult; target: Target; cpu: () => Record<string, number> }[] = [];
    for (const [scenario, target] of targets) {
      loads.push({ result: { scenario, rounds: [] }, target, cpu: () => platform.cpuMillis() });
      const other = baseline;
      if (other && !scenario.direct) {
        const baselineTarget = { ...target, url: other.gatewayUrl };
        await firstAnswer(`${scenario.name} (baseline)`, baselineTarget);
        // Its own processes as one part, and the database server they share with this platform.
        const cpu = () => {
          const database = platform.databaseCpuMillis();
          return { baseline: other.cpuMillis(), ...(database === undefined ? {} : { database }) };
        };
        loads.push({ result: { scenario: { ...scenario, name: `${scenario.name} (baseline)` }, rounds: [] }, target: baselineTarget, cpu });
      }
    }
    const results = loads.map((l) => l.result);
    // One statistics request alone, on the idle platform before any load: as asked again and again (the
    // answer is kept until the counts change), and as the first after a change (the grouped read itself).
    let statsAlone: Awaited<ReturnType<typeof alone>> | undefined;
    let statsAloneAfterChange: Awaited<ReturnType<typeof alone>> | undefined;
    const stats = [...targets].find(([s]) => s.name === 'stats');
    if (stats) {
      statsAlone = await alone(stats[1], 7);
      statsAloneAfterChange = await alone(stats[1], 7, () => platform.databases.incidents.query(BUMP_COUNTS_VERSION_SQL));
    }

    if (loads.length) {
      const warmupSeconds = options.warmup;
      say(`warming up: ${warmupSeconds} s of load on each read scenario`);
      for (const { target } of loads) {
        if (warmupSeconds > 0) await load(target, connections, warmupSeconds);
        await ask(target).catch(() => undefined);
      }
    }
    for (let round = 1; round <= rounds && loads.length; round++) {
      for (const { result, target, cpu } of loads) {
        const before = await platform.statements();
        const cpuBefore = cpu();
        const figures = await load(target, connections, duration);
        const cpuAfter = cpu();
        const after = await platform.statements();
        const statements = before === undefined || after === undefined ? undefined : (after - before) / Math.max(1, figures.requests);
        const cpuMsPerRequest = figures.requests
          ? Object.fromEntries(Object.entries(cpuAfter).map(([part, ms]) => [part, (ms - (cpuBefore[part] ?? ms)) / figures.requests]))
          : undefined;
        result.rounds.push({ ...figures, statements: figures.requests ? statements : undefined, cpuMsPerRequest });
        // autocannon leaves its last requests unanswered: let the platform finish them before the next scenario is measured.
        await ask(target).catch(() => undefined);
        const cpuNote = cpuMsPerRequest ? `, ${totalCpuMs(cpuMsPerRequest).toFixed(1)} ms CPU/request` : '';
        say(`round ${round} ${result.scenario.name}: ${figures.requestsPerSecond.toFixed(0)} req/s, p99 ${figures.p99} ms${cpuNote}`);
      }
    }

    // Measured after the read rounds, then stopped: its outbox relays would otherwise share the write scenario's events.
    const baselineRss = baseline?.rss();
    await baseline?.stop();

    let write: WriteFigures | undefined;
    if (wanted('write')) {
      const tokens: Record<string, string> = {};
      for (const board of ['BRADFORD', 'CALDERDALE', 'KIRKLEES', 'LEEDS', 'WAKEFIELD']) tokens[board] = await token({ roles: ['BOARD_MANAGER'], board });
      const rate = options.writeRate;
      const seconds = options.writeSeconds;
      say(`write: reportIncident + recordNotification, ${rate}/s for ${seconds} s`);
      started = performance.now();
      // The directory has no outbox: the three subgraphs that announce events do.
      const { incidents: inc, reviews, actionPlans } = platform.databases;
      const outboxes = { incidents: inc, reviews, 'action-plans': actionPlans };
      // As the read scenarios are warmed up: the write path's first seconds (code not yet optimised, the
      // database still settling after the bulk load) are measured apart, and the run starts once they drained.
      const warmup = options.writeWarmup;
      if (warmup > 0) {
        const w = await writeLoad(platform.gatewayUrl, tokens, outboxes, rate, warmup, 'warmup');
        const oldest = Object.entries(w.maxBacklog).map(([relay, m]) => `${relay} ${(m.oldestMs / 1000).toFixed(1)} s`);
        say(`write warm-up: ${warmup} s at ${rate}/s, ${w.failed} failed, p99 ${w.p99.toFixed(0)} ms, oldest undelivered: ${oldest.join(', ') || 'none'}`);
      }
      write = await writeLoad(platform.gatewayUrl, tokens, outboxes, rate, seconds, 'run');
      say(`write: panel receiver got ${panel.deliveries()} deliveries`);
    }

    printReport({
      results,
      statsAlone,
      statsAloneAfterChange,
      write,
      rss: platform.rssBytes(),
      pss: platform.pssBytes(),
      baselineRss,
      incidents,
      duration,
      rounds,
      connections,
      panelDeliveries: panel.deliveries(),
    });
  } finally {
    say('stopping the platform and dropping its databases');
    await stopping();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`pnpm bench: ${error.message} (pnpm bench --help)`);
      process.exit(2);
    }
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
