import { ConfigError, DEV_AUTH_SECRET, loadConfig } from '../config';

const GOOD_SECRET = 'g'.repeat(40);
const productionEnv = (): Record<string, string | undefined> => ({
  NODE_ENV: 'production',
  AUTH_JWKS_URL: 'https://idp.example.org/.well-known/jwks.json',
  AUTH_ISSUER: 'https://idp.example.org/',
  AUTH_AUDIENCE: 'scr-api',
  GATEWAY_SECRET: GOOD_SECRET,
  SEED_DEMO: '0',
});

function configErrorOf(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected loadConfig to refuse this environment');
}

describe('loadConfig outside production', () => {
  it('has working defaults for a developer with an empty environment', () => {
    const config = loadConfig({});
    expect(config.production).toBe(false);
    expect(config.gatewayPort).toBe(4000);
    expect(config.subgraphPorts).toEqual({ agencies: 4101, incidents: 4102, reviews: 4103, 'action-plans': 4104 });
    expect(config.dataDir).toBe('.data');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.seedDemo).toBe(true);
    expect(config.auth.devSecret).toBe(DEV_AUTH_SECRET);
  });

  it('gives each start without GATEWAY_SECRET a random secret of its own, never a committed one', () => {
    const first = loadConfig({}).gatewaySecret;
    const second = loadConfig({}).gatewaySecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(second).not.toBe(first);
    expect(first).not.toBe('scr-dev-gateway-secret');
  });

  it('takes GATEWAY_SECRET from the environment, so separate processes share one', () => {
    expect(loadConfig({ GATEWAY_SECRET: 'shared-by-the-launcher' }).gatewaySecret).toBe('shared-by-the-launcher');
  });

  it('does not read process.env when given an environment', () => {
    const before = process.env.GATEWAY_PORT;
    process.env.GATEWAY_PORT = '5999';
    try {
      expect(loadConfig({}).gatewayPort).toBe(4000);
    } finally {
      if (before === undefined) delete process.env.GATEWAY_PORT;
      else process.env.GATEWAY_PORT = before;
    }
  });

  it('passes DATABASE_URL and the ports through', () => {
    const config = loadConfig({
      DATABASE_URL: 'mysql://scr:pw@db:3306/scr',
      GATEWAY_PORT: '8080',
      INCIDENTS_PORT: '9102',
    });
    expect(config.databaseUrl).toBe('mysql://scr:pw@db:3306/scr');
    expect(config.gatewayPort).toBe(8080);
    expect(config.subgraphPorts.incidents).toBe(9102);
    expect(config.subgraphPorts.agencies).toBe(4101);
  });

  it.each([
    ['GATEWAY_PORT', 'abc'],
    ['AGENCIES_PORT', '70000'],
    ['REVIEWS_PORT', '-1'],
    ['ACTION_PLANS_PORT', '41.5'],
  ])('refuses %s=%s with a ConfigError naming the variable', (name, value) => {
    const error = configErrorOf({ [name]: value });
    expect(error.message).toContain(name);
    expect(error.message).toContain(value);
  });

  it.each(['0', 'false', 'no', 'off'])('SEED_DEMO=%s turns demo data off', (value) => {
    expect(loadConfig({ SEED_DEMO: value }).seedDemo).toBe(false);
  });

  it('refuses a SEED_DEMO value that is not a flag', () => {
    expect(configErrorOf({ SEED_DEMO: 'maybe' }).message).toContain('SEED_DEMO');
  });

  it('has gateway limits by default: depth 10, 15 aliases, 50 directives, 1,000 tokens, cost 300,000, 1,200 requests a minute per principal', () => {
    const config = loadConfig({});
    expect(config.limits).toMatchObject({
      bodyLimitBytes: 1_000_000,
      maxDepth: 10,
      maxAliases: 15,
      maxDirectives: 50,
      maxTokens: 1000,
      maxCost: 300_000,
    });
    expect(config.rateLimit).toEqual({ perPrincipalPerMinute: 1200, perAddressPerMinute: 600, signedInPerAddressPerMinute: 6000 });
    expect(config.redisUrl).toBeUndefined();
    expect(config.trustProxyHops).toBe(0);
  });

  it('reads each gateway limit from its variable', () => {
    const config = loadConfig({
      GRAPHQL_MAX_DEPTH: '7',
      GRAPHQL_MAX_ALIASES: '0',
      GRAPHQL_MAX_DIRECTIVES: '5',
      GRAPHQL_MAX_TOKENS: '500',
      GRAPHQL_MAX_COST: '20000',
      RATE_LIMIT_PER_PRINCIPAL_PER_MINUTE: '5000',
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '60',
      RATE_LIMIT_SIGNED_IN_PER_ADDRESS_PER_MINUTE: '900',
      REDIS_URL: 'redis://127.0.0.1:6379',
      TRUST_PROXY_HOPS: '1',
    });
    expect(config.limits).toMatchObject({ maxDepth: 7, maxAliases: 0, maxDirectives: 5, maxTokens: 500, maxCost: 20_000 });
    expect(config.rateLimit).toEqual({ perPrincipalPerMinute: 5000, perAddressPerMinute: 60, signedInPerAddressPerMinute: 900 });
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.trustProxyHops).toBe(1);
  });

  it.each([
    ['GRAPHQL_MAX_DEPTH', '0'],
    ['GRAPHQL_MAX_ALIASES', '-1'],
    ['GRAPHQL_MAX_DIRECTIVES', 'many'],
    ['GRAPHQL_MAX_TOKENS', '1e3'],
    ['GRAPHQL_MAX_COST', '2.5'],
    ['RATE_LIMIT_PER_PRINCIPAL_PER_MINUTE', '0'],
    ['RATE_LIMIT_PER_ADDRESS_PER_MINUTE', 'unlimited'],
    ['RATE_LIMIT_SIGNED_IN_PER_ADDRESS_PER_MINUTE', '-1'],
    ['REDIS_URL', 'http://127.0.0.1:6379'],
    ['TRUST_PROXY_HOPS', 'true'],
  ])('refuses %s=%s with a ConfigError naming the variable', (name, value) => {
    const error = configErrorOf({ [name]: value });
    expect(error.message).toContain(name);
    expect(error.message).toContain(value);
  });

  it('uses AUTH_DEV_SECRET when given outside production', () => {
    expect(loadConfig({ AUTH_DEV_SECRET: 'my-own-secret' }).auth.devSecret).toBe('my-own-secret');
  });
});

describe('loadConfig in production', () => {
  it('loads a complete production environment with no demo data and no dev secret', () => {
    const config = loadConfig(productionEnv());
    expect(config.production).toBe(true);
    expect(config.seedDemo).toBe(false);
    expect(config.auth.devSecret).toBeUndefined();
    expect(config.auth.jwksUrl).toBe('https://idp.example.org/.well-known/jwks.json');
    expect(config.auth.issuer).toBe('https://idp.example.org/');
    expect(config.auth.audience).toBe('scr-api');
    expect(config.gatewaySecret).toBe(GOOD_SECRET);
  });

  it.each<[string, Record<string, string | undefined>]>([
    ['AUTH_JWKS_URL', { AUTH_JWKS_URL: undefined }],
    ['AUTH_ISSUER', { AUTH_ISSUER: undefined }],
    ['AUTH_AUDIENCE', { AUTH_AUDIENCE: '' }],
    ['AUTH_DEV_SECRET', { AUTH_DEV_SECRET: 'some-secret' }],
    ['GATEWAY_SECRET', { GATEWAY_SECRET: undefined }],
    ['GATEWAY_SECRET', { GATEWAY_SECRET: 'x'.repeat(31) }],
    ['GATEWAY_SECRET', { GATEWAY_SECRET: 'scr-dev-gateway-secret' }],
    ['SEED_DEMO', { SEED_DEMO: '1' }],
    ['SEED_DEMO', { SEED_DEMO: 'on' }],
  ])('refuses when %s is unsafe (%p)', (variable, override) => {
    const error = configErrorOf({ ...productionEnv(), ...override });
    expect(error.message).toContain(variable);
  });

  it('defaults to no demo data when SEED_DEMO is not set', () => {
    expect(loadConfig({ ...productionEnv(), SEED_DEMO: undefined }).seedDemo).toBe(false);
  });

  it('accepts a gateway secret of exactly 32 characters', () => {
    expect(loadConfig({ ...productionEnv(), GATEWAY_SECRET: 'x'.repeat(32) }).gatewaySecret).toHaveLength(32);
  });
});

describe('time limits on a hung database or service', () => {
  it('bounds connects, pool waits and statements, and answers a request before the gateway gives up', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ connectTimeoutMs: 3000, acquireTimeoutMs: 3000, queryTimeoutMs: 8000 });
    expect(config.requestDeadlineMs.subgraph).toBeLessThan(config.requestDeadlineMs.gateway);
  });

  it('reads each limit from the environment', () => {
    const config = loadConfig({
      DB_CONNECT_TIMEOUT_MS: '100',
      DB_ACQUIRE_TIMEOUT_MS: '200',
      DB_QUERY_TIMEOUT_MS: '300',
      GATEWAY_REQUEST_DEADLINE_MS: '900',
      SUBGRAPH_REQUEST_DEADLINE_MS: '800',
    });
    expect(config.database).toEqual({ connectTimeoutMs: 100, acquireTimeoutMs: 200, queryTimeoutMs: 300 });
    expect(config.requestDeadlineMs).toEqual({ gateway: 900, subgraph: 800 });
  });

  it('refuses a subgraph deadline that is not below the gateway one, and limits that are not milliseconds', () => {
    expect(configErrorOf({ GATEWAY_REQUEST_DEADLINE_MS: '5000', SUBGRAPH_REQUEST_DEADLINE_MS: '5000' }).message).toMatch(
      /SUBGRAPH_REQUEST_DEADLINE_MS must be below/,
    );
    expect(configErrorOf({ DB_QUERY_TIMEOUT_MS: '0' }).message).toMatch(/DB_QUERY_TIMEOUT_MS/);
  });
});
