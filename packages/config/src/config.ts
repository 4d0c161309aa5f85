import { randomBytes } from 'node:crypto';

/**
 * One typed view of the environment. Every process (gateway, subgraphs,
 * scripts, tests) reads its settings from here so defaults live in one place
 * and production can refuse unsafe values before anything listens.
 */
export const DEV_AUTH_SECRET = 'scr-dev-secret-do-not-use-in-production';

export type ServiceName = 'agencies' | 'incidents' | 'reviews' | 'action-plans';
export const SERVICE_NAMES: ServiceName[] = ['agencies', 'incidents', 'reviews', 'action-plans'];

export interface Config {
  production: boolean;
  gatewayPort: number;
  subgraphHost: string;
  subgraphPorts: Record<ServiceName, number>;
  /** Where each subgraph is called (AGENCIES_URL, ...): base URLs such as http://agencies:4101; unset: subgraphHost and its port. */
  subgraphBaseUrls: Partial<Record<ServiceName, string>>;
  /** How long a stopping process waits for requests in flight (SHUTDOWN_GRACE_MS). */
  shutdownGraceMs: number;
  /** Whether a subgraph applies its migrations when it starts (under a database lock); 0 when a job runs `pnpm migrate`. */
  migrateOnStart: boolean;
  databaseUrl?: string;
  databasePrefix: string;
  dataDir: string;
  seedDemo: boolean;
  auth: {
    devSecret?: string;
    issuer?: string;
    audience?: string;
    jwksUrl?: string;
  };
  gatewaySecret: string;
  limits: {
    maxPageSize: number;
    maxTextLength: number;
    bodyLimitBytes: number;
    /** Gateway query limits (graphql-armor and graphql-js), checked before any subgraph is asked. */
    maxDepth: number;
    maxAliases: number;
    maxDirectives: number;
    maxTokens: number;
    maxCost: number;
    /** Most records a query may ask for, multiplying list sizes along any path (lists nested in lists). */
    maxListResults: number;
  };
  /** Gateway rate limits: requests a minute per signed-in principal, and per client address for everyone else. */
  rateLimit: {
    perPrincipalPerMinute: number;
    perAddressPerMinute: number;
    /** Signed-in requests a minute from one client address, whoever signed them. */
    signedInPerAddressPerMinute: number;
  };
  /** Redis shared by gateway replicas for rate limits; unset: each process counts in memory. */
  redisUrl?: string;
  /** How many reverse proxies in front of the gateway to trust for the client address (X-Forwarded-For); 0: none. */
  trustProxyHops: number;
  logQueries: boolean;
  /**
   * Bounds on a database that hangs (DB_CONNECT_TIMEOUT_MS, DB_ACQUIRE_TIMEOUT_MS,
   * DB_QUERY_TIMEOUT_MS): a connect, a wait for a free pooled connection, one statement.
   */
  database: { connectTimeoutMs: number; acquireTimeoutMs: number; queryTimeoutMs: number };
  /**
   * Longest a request may take before it is answered 503 SERVICE_UNAVAILABLE with
   * Retry-After: at the gateway (GATEWAY_REQUEST_DEADLINE_MS) and at each subgraph
   * (SUBGRAPH_REQUEST_DEADLINE_MS, shorter, so the part that hangs is the one that answers).
   */
  requestDeadlineMs: { gateway: number; subgraph: number };
  /** Longest a statistics statement may run before the database stops it (answered SERVICE_UNAVAILABLE). */
  statistics: { statementTimeoutMs: number };
  /** How often outbox relays look for events to deliver, and the first retry delay. */
  outboxIntervalMs: number;
  outboxRetryBaseMs: number;
  /** The national panel's webhook receiver; unset: events wait in the outbox. */
  panelWebhook?: { url: string; secret: string; retryCapMs: number };
}

export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`Configuration error: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

/** graphql-armor's default; the largest operation in the end-to-end suite has under 100 tokens. */
const MAX_TOKENS_DEFAULT = 1000;
/**
 * graphql-armor's cost: 1 a scalar, 2 an object, x1.5 a level deeper, times a
 * literal `first`. The suite's largest query (a full page of 500 reviews)
 * costs about 123,000; this allows two or three such pages in one request.
 */
const MAX_COST_DEFAULT = 300_000;

type Env = Record<string, string | undefined>;

function port(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new ConfigError(name, `must be a port number, got "${raw}"`);
  }
  return value;
}

function milliseconds(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new ConfigError(name, `must be a whole number of milliseconds, got "${raw}"`);
  return value;
}

function count(env: Env, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min) {
    throw new ConfigError(name, `must be a whole number of at least ${min}, got "${raw}"`);
  }
  return value;
}

function panelWebhook(env: Env): Config['panelWebhook'] {
  const url = env.PANEL_WEBHOOK_URL;
  if (!url) return undefined;
  try {
    if (!['http:', 'https:'].includes(new URL(url).protocol)) throw new Error();
  } catch {
    throw new ConfigError('PANEL_WEBHOOK_URL', `must be an http(s) URL, got "${url}"`);
  }
  const secret = env.PANEL_WEBHOOK_SECRET;
  if (!secret) throw new ConfigError('PANEL_WEBHOOK_SECRET', 'is required when PANEL_WEBHOOK_URL is set (it signs every delivery)');
  const retryCapMs = milliseconds(env, 'PANEL_WEBHOOK_RETRY_CAP_MS', 600_000);
  if (retryCapMs > 600_000) throw new ConfigError('PANEL_WEBHOOK_RETRY_CAP_MS', 'must be at most 600000 (10 minutes)');
  return { url, secret, retryCapMs };
}

function redisUrl(env: Env): string | undefined {
  const url = env.REDIS_URL;
  if (!url) return undefined;
  try {
    if (!['redis:', 'rediss:'].includes(new URL(url).protocol)) throw new Error();
  } catch {
    throw new ConfigError('REDIS_URL', `must be a redis:// or rediss:// URL, got "${url}"`);
  }
  return url;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be 1 or 0, got "${raw}"`);
}

/**
 * Outside production, without GATEWAY_SECRET: a random secret for this start
 * only. A committed default would open every subgraph's internal routes
 * (children's identities among them) to anyone who can reach its port.
 * Whatever starts the subgraphs and the gateway shares this one config, or
 * passes one GATEWAY_SECRET to each process.
 */
function perStartSecret(): string {
  return randomBytes(32).toString('base64url');
}

const URL_VARIABLES: Record<ServiceName, string> = {
  agencies: 'AGENCIES_URL',
  incidents: 'INCIDENTS_URL',
  reviews: 'REVIEWS_URL',
  'action-plans': 'ACTION_PLANS_URL',
};

/** A subgraph's URL from the environment, as its base (a trailing /graphql is accepted and dropped). */
function subgraphBaseUrls(env: Env): Partial<Record<ServiceName, string>> {
  const urls: Partial<Record<ServiceName, string>> = {};
  for (const name of SERVICE_NAMES) {
    const variable = URL_VARIABLES[name];
    const raw = env[variable];
    if (!raw) continue;
    let url: URL;
    try {
      url = new URL(raw);
      if (!['http:', 'https:'].includes(url.protocol)) throw new Error();
    } catch {
      throw new ConfigError(variable, `must be an http(s) URL, got "${raw}"`);
    }
    urls[name] = url.href.replace(/\/+$/, '').replace(/\/graphql$/, '');
  }
  return urls;
}

export function loadConfig(env: Env = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const config: Config = {
    production,
    gatewayPort: port(env, 'GATEWAY_PORT', 4000),
    subgraphHost: env.SUBGRAPH_HOST || '127.0.0.1',
    subgraphPorts: {
      agencies: port(env, 'AGENCIES_PORT', 4101),
      incidents: port(env, 'INCIDENTS_PORT', 4102),
      reviews: port(env, 'REVIEWS_PORT', 4103),
      'action-plans': port(env, 'ACTION_PLANS_PORT', 4104),
    },
    subgraphBaseUrls: subgraphBaseUrls(env),
    shutdownGraceMs: count(env, 'SHUTDOWN_GRACE_MS', 10_000, 0),
    migrateOnStart: flag(env, 'MIGRATE_ON_START', true),
    databaseUrl: env.DATABASE_URL || undefined,
    databasePrefix: env.DATABASE_PREFIX || 'scr',
    dataDir: env.DATA_DIR || '.data',
    seedDemo: flag(env, 'SEED_DEMO', !production),
    auth: {
      devSecret: production ? undefined : env.AUTH_DEV_SECRET || DEV_AUTH_SECRET,
      issuer: env.AUTH_ISSUER || undefined,
      audience: env.AUTH_AUDIENCE || undefined,
      jwksUrl: env.AUTH_JWKS_URL || undefined,
    },
    gatewaySecret: env.GATEWAY_SECRET || (production ? '' : perStartSecret()),
    limits: {
      maxPageSize: 500,
      maxTextLength: 20_000,
      bodyLimitBytes: 1_000_000,
      maxDepth: count(env, 'GRAPHQL_MAX_DEPTH', 10),
      maxAliases: count(env, 'GRAPHQL_MAX_ALIASES', 15, 0),
      maxDirectives: count(env, 'GRAPHQL_MAX_DIRECTIVES', 50, 0),
      maxTokens: count(env, 'GRAPHQL_MAX_TOKENS', MAX_TOKENS_DEFAULT),
      maxCost: count(env, 'GRAPHQL_MAX_COST', MAX_COST_DEFAULT),
      maxListResults: count(env, 'GRAPHQL_MAX_LIST_RESULTS', 100_000),
    },
    rateLimit: {
      perPrincipalPerMinute: count(env, 'RATE_LIMIT_PER_PRINCIPAL_PER_MINUTE', 1200),
      perAddressPerMinute: count(env, 'RATE_LIMIT_PER_ADDRESS_PER_MINUTE', 600),
      signedInPerAddressPerMinute: count(env, 'RATE_LIMIT_SIGNED_IN_PER_ADDRESS_PER_MINUTE', 6000),
    },
    redisUrl: redisUrl(env),
    trustProxyHops: count(env, 'TRUST_PROXY_HOPS', 0, 0),
    logQueries: flag(env, 'LOG_SQL', false),
    database: {
      connectTimeoutMs: milliseconds(env, 'DB_CONNECT_TIMEOUT_MS', 3000),
      acquireTimeoutMs: milliseconds(env, 'DB_ACQUIRE_TIMEOUT_MS', 3000),
      queryTimeoutMs: milliseconds(env, 'DB_QUERY_TIMEOUT_MS', 8000),
    },
    requestDeadlineMs: {
      gateway: milliseconds(env, 'GATEWAY_REQUEST_DEADLINE_MS', 15_000),
      subgraph: milliseconds(env, 'SUBGRAPH_REQUEST_DEADLINE_MS', 12_000),
    },
    statistics: { statementTimeoutMs: milliseconds(env, 'STATS_STATEMENT_TIMEOUT_MS', 5000) },
    outboxIntervalMs: milliseconds(env, 'OUTBOX_INTERVAL_MS', 1000),
    outboxRetryBaseMs: milliseconds(env, 'OUTBOX_RETRY_BASE_MS', 1000),
    panelWebhook: panelWebhook(env),
  };
  if (!/^[a-z][a-z0-9_]*$/.test(config.databasePrefix)) {
    throw new ConfigError('DATABASE_PREFIX', 'must be lower-case letters, digits and underscores');
  }
  if (config.requestDeadlineMs.subgraph >= config.requestDeadlineMs.gateway) {
    // Else the gateway cuts first and the caller never learns which part hung.
    throw new ConfigError('SUBGRAPH_REQUEST_DEADLINE_MS', `must be below GATEWAY_REQUEST_DEADLINE_MS (${config.requestDeadlineMs.gateway})`);
  }
  if (production) validateProduction(config, env);
  return config;
}

/** Production must never run on development conveniences. */
function validateProduction(config: Config, env: Env): void {
  if (env.AUTH_DEV_SECRET) throw new ConfigError('AUTH_DEV_SECRET', 'must not be set in production');
  if (!config.auth.jwksUrl) throw new ConfigError('AUTH_JWKS_URL', 'is required in production');
  if (!config.auth.issuer) throw new ConfigError('AUTH_ISSUER', 'is required in production');
  if (!config.auth.audience) throw new ConfigError('AUTH_AUDIENCE', 'is required in production');
  if (!config.gatewaySecret || config.gatewaySecret.length < 32) {
    throw new ConfigError('GATEWAY_SECRET', 'must be set to a secret of at least 32 characters in production');
  }
  if (config.seedDemo) throw new ConfigError('SEED_DEMO', 'must be 0 in production (no demo data)');
}

/** Where a subgraph is called: its *_URL, else the subgraph host and its port. */
export function subgraphBaseUrl(config: Config, service: ServiceName): string {
  return config.subgraphBaseUrls[service] ?? `http://${config.subgraphHost}:${config.subgraphPorts[service]}`;
}

export function subgraphUrl(config: Config, service: ServiceName): string {
  return `${subgraphBaseUrl(config, service)}/graphql`;
}

export function internalUrl(config: Config, service: ServiceName): string {
  return `${subgraphBaseUrl(config, service)}/internal`;
}
