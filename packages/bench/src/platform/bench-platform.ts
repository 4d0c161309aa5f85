import { randomBytes } from 'node:crypto';
import mysql, { type Connection } from 'mysql2/promise';
import { loadConfig, SERVICE_NAMES, type Config, type ServiceName } from '@scr/config';
import { Child, parts } from '@scr/platform';
import type { Databases } from '../data/generate';
import { cpuMillis, localDatabaseServerPid, pssBytes, rssBytes } from './process-cpu';

/** Ports well away from `pnpm start`'s 4000 and 4101-4104, so a bench can run beside a started platform. */
const PORTS = { gateway: 4700, agencies: 4701, incidents: 4702, reviews: 4703, 'action-plans': 4704 };

/** The MySQL user the platform's processes connect as: its own, so the server counts its statements apart from anything else. */
const BENCH_USER = 'scr_bench';

export interface BenchPlatform {
  config: Config;
  /** The environment every part was started with (databases, identity provider, limits off). */
  env: NodeJS.ProcessEnv;
  children: Child[];
  gatewayUrl: string;
  subgraphUrl(name: ServiceName): string;
  /** Root connections to each subgraph's database (for the generator and the outbox sampler). */
  databases: Databases;
  /** Statements the platform's processes sent so far, when the server counts them per user (MariaDB's userstat). */
  statements(): Promise<number | undefined>;
  rssBytes(): Record<string, number>;
  /** Each part's proportional set size (shared pages split between the processes that map them). */
  pssBytes(): Record<string, number>;
  /** CPU ms each part has used so far, and the database server's ('database') when it runs on this machine. */
  cpuMillis(): Record<string, number>;
  /** The database server's part of cpuMillis alone, when it runs on this machine (a baseline shares it). */
  databaseCpuMillis(): number | undefined;
  stop(): Promise<void>;
}

function databaseName(prefix: string, service: ServiceName): string {
  return `${prefix}_${service.replace(/-/g, '_')}`;
}

/**
 * The platform as deployed: the compiled four subgraphs and the gateway, each
 * its own process (the launcher's part list and child handling), on
 * throwaway MySQL databases that `stop` drops. Extra environment (a panel
 * webhook, say) goes to every process.
 */
export async function startBenchPlatform(
  databaseUrl: string,
  extraEnv: Record<string, string>,
  log: (line: string) => void,
  nodeArgs: string[] = [],
): Promise<BenchPlatform> {
  const prefix = `scrbench_${randomBytes(3).toString('hex')}`;
  const url = new URL(databaseUrl);
  const admin = await connect(url);
  const password = randomBytes(12).toString('hex');
  const counted = await prepareBenchUser(admin, prefix, password, log);
  const serviceUrl = new URL(url.href);
  if (counted) {
    serviceUrl.username = BENCH_USER;
    serviceUrl.password = password;
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // As deployed: production configuration (the caller gives the identity provider's AUTH_* variables).
    NODE_ENV: 'production',
    DATABASE_URL: serviceUrl.href,
    DATABASE_PREFIX: prefix,
    SEED_DEMO: '0',
    GATEWAY_PORT: String(PORTS.gateway),
    AGENCIES_PORT: String(PORTS.agencies),
    INCIDENTS_PORT: String(PORTS.incidents),
    REVIEWS_PORT: String(PORTS.reviews),
    ACTION_PLANS_PORT: String(PORTS['action-plans']),
    GATEWAY_SECRET: randomBytes(32).toString('hex'),
    // A load test is many requests from one principal at one address: the limits would measure themselves.
    RATE_LIMIT_PER_PRINCIPAL_PER_MINUTE: '100000000',
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100000000',
    RATE_LIMIT_SIGNED_IN_PER_ADDRESS_PER_MINUTE: '100000000',
    REDIS_URL: '',
    LOG_SQL: '0',
    ...extraEnv,
  };
  const config = loadConfig(env);
  const children: Child[] = [];
  const quiet = (line: string) => {
    if (/error|warn|died|exit/i.test(line)) log(line);
  };
  try {
    for (const spec of parts(config)) {
      const child = new Child({ ...spec, nodeArgs }, env, quiet);
      children.push(child);
      await child.waitReady(180_000);
      log(`${spec.name} ready (pid ${child.pid})`);
    }
  } catch (error) {
    await Promise.all(children.map((c) => c.stop(5000)));
    await dropDatabases(admin, prefix);
    await admin.end();
    throw error;
  }

  const connectTo = (s: ServiceName) => connect(url, databaseName(prefix, s));
  const [agencies, incidents, reviews, actionPlans] = await Promise.all([
    connectTo('agencies'),
    connectTo('incidents'),
    connectTo('reviews'),
    connectTo('action-plans'),
  ]);
  const databases: Databases = { agencies, incidents, reviews, actionPlans };
  // Looked up once: the server's pid does not change during a run.
  const databaseServer = isLoopback(url.hostname) ? localDatabaseServerPid() : undefined;
  const databaseCpuMillis = () => (databaseServer === undefined ? undefined : cpuMillis(databaseServer));

  return {
    config,
    env,
    children,
    gatewayUrl: `http://127.0.0.1:${PORTS.gateway}/graphql`,
    subgraphUrl: (name) => `http://127.0.0.1:${PORTS[name]}/graphql`,
    databases,
    statements: async () => (counted ? countStatements(admin) : undefined),
    rssBytes: () => Object.fromEntries(children.map((c) => [c.spec.name, rssBytes(c.pid)])),
    pssBytes: () => Object.fromEntries(children.map((c) => [c.spec.name, pssBytes(c.pid)])),
    cpuMillis: () => {
      const used: Record<string, number> = {};
      for (const c of children) used[c.spec.name] = cpuMillis(c.pid) ?? 0;
      const databaseMs = databaseCpuMillis();
      if (databaseMs !== undefined) used.database = databaseMs;
      return used;
    },
    databaseCpuMillis,
    stop: async () => {
      const gateway = children.find((c) => c.spec.name === 'gateway');
      await gateway?.stop(15_000);
      await Promise.all(children.filter((c) => c !== gateway).map((c) => c.stop(15_000)));
      await Promise.all(Object.values(databases).map((db) => db.end()));
      await dropDatabases(admin, prefix);
      if (counted) await admin.query(`DROP USER IF EXISTS '${BENCH_USER}'@'%', '${BENCH_USER}'@'localhost'`).catch(() => undefined);
      await admin.end();
    },
  };
}

async function connect(url: URL, database?: string): Promise<Connection> {
  return mysql.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password || ''),
    database,
    dateStrings: true,
  });
}

/**
 * A user of the platform's own whose statements MariaDB counts
 * (information_schema.USER_STATISTICS with userstat on). Elsewhere the
 * platform connects as given and statements per request are not shown.
 */
async function prepareBenchUser(admin: Connection, prefix: string, password: string, log: (line: string) => void): Promise<boolean> {
  try {
    await admin.query('SET GLOBAL userstat = 1');
    await admin.query(`DROP USER IF EXISTS '${BENCH_USER}'@'%', '${BENCH_USER}'@'localhost'`);
    for (const host of ['%', 'localhost']) {
      await admin.query(`CREATE USER '${BENCH_USER}'@'${host}' IDENTIFIED BY '${password}'`);
      await admin.query(`GRANT ALL PRIVILEGES ON \`${prefix}\\_%\`.* TO '${BENCH_USER}'@'${host}'`);
    }
    await admin.query('FLUSH USER_STATISTICS');
    return true;
  } catch (error) {
    log(`statements per request not counted (${error instanceof Error ? error.message : error})`);
    return false;
  }
}

async function countStatements(admin: Connection): Promise<number> {
  const [rows] = (await admin.query('SELECT SELECT_COMMANDS + UPDATE_COMMANDS + OTHER_COMMANDS AS n FROM information_schema.USER_STATISTICS WHERE USER = ?', [
    BENCH_USER,
  ])) as unknown as [{ n: string | number }[]];
  const [row] = rows;
  return row ? Number(row.n) : 0;
}

async function dropDatabases(admin: Connection, prefix: string): Promise<void> {
  for (const service of SERVICE_NAMES) await admin.query(`DROP DATABASE IF EXISTS \`${databaseName(prefix, service)}\``);
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.');
}

/** Resident set size of a process, from /proc (Linux); 0 when it cannot be read. */
