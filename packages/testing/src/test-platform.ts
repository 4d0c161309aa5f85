import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { signDevToken, type Principal } from '@scr/auth';
import { loadConfig, SERVICE_NAMES, type Config } from '@scr/config';
import { databaseName, dropMysqlDatabase } from '@scr/db';
import { startPlatform, type Platform } from '@scr/platform';
import { freePort } from './free-port';

export type TestDatabase = 'mysql' | 'sqlite';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
  body: unknown;
}

export interface TestPlatform {
  config: Config;
  platform: Platform;
  database: TestDatabase;
  /** Signs a development token for the principal. */
  token(principal: Omit<Principal, 'service'>): Promise<string>;
  /** Sends a GraphQL request through the gateway, as the token (or anonymously). */
  gql<T = Record<string, unknown>>(token: string | undefined, query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>>;
  /** SQL statements sent so far by all four subgraphs while answering requests (background relays excluded). */
  sqlCount(): number;
  stop(): Promise<void>;
}

export const MYSQL_URL = process.env.TEST_DATABASE_URL || 'mysql://root@127.0.0.1:3306';

/**
 * The whole platform on fresh databases and free ports: MySQL (one throwaway
 * database per subgraph) or the embedded SQLite default in a temp folder.
 */
export async function startTestPlatform(options: { database?: TestDatabase; env?: Record<string, string> } = {}): Promise<TestPlatform> {
  const database = options.database ?? ((process.env.E2E_DB as TestDatabase) || 'mysql');
  const [gatewayPort, ...ports] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
  const prefix = `scrt_${randomBytes(4).toString('hex')}`;
  const dataDir = database === 'sqlite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'scr-e2e-')) : '';
  const config = loadConfig({
    GATEWAY_PORT: String(gatewayPort),
    AGENCIES_PORT: String(ports[0]),
    INCIDENTS_PORT: String(ports[1]),
    REVIEWS_PORT: String(ports[2]),
    ACTION_PLANS_PORT: String(ports[3]),
    SEED_DEMO: '0',
    OUTBOX_INTERVAL_MS: '100',
    LOG_SQL: process.env.LOG_SQL ?? '0',
    OUTBOX_RETRY_BASE_MS: '50',
    ...(database === 'mysql' ? { DATABASE_URL: MYSQL_URL, DATABASE_PREFIX: prefix } : { DATA_DIR: dataDir }),
    ...options.env,
  });
  const platform = await startPlatform(config);
  const http = request(`http://127.0.0.1:${platform.gateway.port}`);

  return {
    config,
    platform,
    database,
    token: (principal) => signDevToken(config, principal),
    async gql(token, query, variables = {}) {
      let req = http.post('/graphql').set('content-type', 'application/json');
      if (token) req = req.set('authorization', `Bearer ${token}`);
      const res = await req.send({ query, variables });
      return { status: res.status, data: res.body?.data ?? undefined, errors: res.body?.errors, body: res.body };
    },
    sqlCount: () => [...platform.services.values()].reduce((n, s) => n + (s.db?.counter.requestCount ?? 0), 0),
    async stop() {
      await platform.stop();
      if (database === 'mysql') {
        for (const service of SERVICE_NAMES) await dropMysqlDatabase(MYSQL_URL, databaseName(config, service));
      } else {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}
