/**
 * Issue 15: outside production the gateway serves its own GraphiQL explorer
 * (bundled from npm at build time) to browsers at GET /graphql, under a
 * Content-Security-Policy that allows only itself; GraphQL requests at the
 * same address are unchanged. (Production serves none: gateway-security.)
 * The page itself is driven in a browser by test/browser/explorer.test.ts.
 */
import request from 'supertest';
import { startTestPlatform, type TestPlatform } from '@scr/testing';
import { bundleExplorer } from '../../gateway/explorer/bundle';

let t: TestPlatform;
let http$: ReturnType<typeof request>;

beforeAll(async () => {
  await bundleExplorer({ ifNeeded: true });
  t = await startTestPlatform();
  http$ = request(`http://127.0.0.1:${t.platform.gateway.port}`);
});
afterAll(async () => {
  await t?.stop();
});

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('the explorer page', () => {
  it('is what a browser gets at GET /graphql, loading only its own script and styles', async () => {
    const res = await http$.get('/graphql').set('accept', BROWSER_ACCEPT);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const sources = [...res.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.sort()).toEqual(['/explorer/explorer.css', '/explorer/explorer.js']);
    expect(res.text).not.toMatch(/<script>|<style|https?:\/\//);
  });

  it('carries a Content-Security-Policy that allows only the gateway itself', async () => {
    const res = await http$.get('/graphql').set('accept', BROWSER_ACCEPT);
    const csp = Object.fromEntries(
      String(res.headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(csp['default-src']).toEqual(["'none'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['connect-src']).toEqual(["'self'"]);
    // Style elements only with this page's nonce (GraphiQL's menus add one while open), fresh on every visit.
    const nonce = /<meta name="csp-nonce" content="([^"]+)">/.exec(res.text)![1];
    expect(csp['style-src']).toEqual(["'self'", `'nonce-${nonce}'`]);
    const again = await http$.get('/graphql').set('accept', BROWSER_ACCEPT);
    expect(again.headers['content-security-policy']).not.toContain(nonce);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    // Nothing names another origin, nor allows inline or evaluated script.
    expect(JSON.stringify(csp)).not.toMatch(/https?:|\*|unsafe/);
  });

  it('serves the bundled GraphiQL script and styles with their types, and nothing else from the folder', async () => {
    const js = await http$.get('/explorer/explorer.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['x-content-type-options']).toBe('nosniff');
    expect(js.text).toMatch(/graphiql/i);
    // Bundled, not fetched: no CDN address to load code from.
    expect(js.text).not.toMatch(/unpkg\.com|cdn\.jsdelivr|embeddable-sandbox|apollo-server-landing-page/);
    const css = await http$.get('/explorer/explorer.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toMatch(/text\/css/);
    expect((await http$.get('/explorer/../package.json')).status).toBeGreaterThanOrEqual(400);
    expect((await http$.get('/explorer/nothing.js')).status).toBe(404);
  });

  it('leaves GraphQL at the same address as it was: POST, and GET with a query', async () => {
    const post = await http$.post('/graphql').set('content-type', 'application/json').send({ query: '{ __typename }' });
    expect(post.body).toEqual({ data: { __typename: 'Query' } });
    const get = await http$.get('/graphql').query({ query: '{ __typename }' }).set('apollo-require-preflight', 'true').set('accept', BROWSER_ACCEPT);
    expect(get.body).toEqual({ data: { __typename: 'Query' } });
    const json = await http$.get('/graphql').set('accept', 'application/json');
    expect(json.headers['content-type']).not.toMatch(/html/);
  });
});
