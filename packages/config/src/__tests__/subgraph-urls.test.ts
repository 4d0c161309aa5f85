import { ConfigError, internalUrl, loadConfig, subgraphUrl } from '../config';

describe('subgraph URLs (one process per part)', () => {
  it('calls each subgraph on the loopback ports by default', () => {
    const config = loadConfig({});
    expect(subgraphUrl(config, 'agencies')).toBe('http://127.0.0.1:4101/graphql');
    expect(internalUrl(config, 'action-plans')).toBe('http://127.0.0.1:4104/internal');
  });

  it('takes each subgraph from its *_URL, as a base URL or its /graphql endpoint', () => {
    const config = loadConfig({
      AGENCIES_URL: 'http://agencies:4101',
      REVIEWS_URL: 'http://scr-reviews:8080/graphql',
      ACTION_PLANS_URL: 'https://plans.internal/',
    });
    expect(subgraphUrl(config, 'agencies')).toBe('http://agencies:4101/graphql');
    expect(internalUrl(config, 'agencies')).toBe('http://agencies:4101/internal');
    expect(subgraphUrl(config, 'reviews')).toBe('http://scr-reviews:8080/graphql');
    expect(internalUrl(config, 'reviews')).toBe('http://scr-reviews:8080/internal');
    expect(subgraphUrl(config, 'action-plans')).toBe('https://plans.internal/graphql');
    expect(subgraphUrl(config, 'incidents')).toBe('http://127.0.0.1:4102/graphql');
  });

  it('refuses a URL that is not http(s), naming the variable', () => {
    expect(() => loadConfig({ INCIDENTS_URL: 'incidents:4102' })).toThrow(ConfigError);
    expect(() => loadConfig({ INCIDENTS_URL: 'ftp://incidents' })).toThrow(/INCIDENTS_URL must be an http\(s\) URL/);
  });

  it('reads the shutdown grace period and whether to migrate at start', () => {
    expect(loadConfig({}).shutdownGraceMs).toBe(10_000);
    expect(loadConfig({ SHUTDOWN_GRACE_MS: '2500' }).shutdownGraceMs).toBe(2500);
    expect(() => loadConfig({ SHUTDOWN_GRACE_MS: 'soon' })).toThrow(/SHUTDOWN_GRACE_MS/);
    expect(loadConfig({}).migrateOnStart).toBe(true);
    expect(loadConfig({ MIGRATE_ON_START: '0' }).migrateOnStart).toBe(false);
  });
});
