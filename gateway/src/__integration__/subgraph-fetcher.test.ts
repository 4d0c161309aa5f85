/**
 * The gateway's subgraph fetcher against a real HTTP server on loopback: what
 * the forwarding data source reads (status, headers, JSON or text body) and
 * what the platform relies on (sockets kept alive and reused; a part that is
 * down fails the call, so the gateway answers SERVICE_UNAVAILABLE).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SubgraphFetcher } from '../subgraph-fetcher';

let server: http.Server;
let base: string;
const sockets = new Set<unknown>();
const seen: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      if (req.url === '/refuse') {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: 'no', extensions: { code: 'BAD_USER_INPUT' } }] }));
        return;
      }
      if (req.url === '/text') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('plain words');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', 'set-cookie': ['a=1', 'b=2'] });
      res.end(JSON.stringify({ data: { echo: JSON.parse(body || '{}') } }));
    });
  });
  server.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('SubgraphFetcher', () => {
  it('posts the body and headers it is given, and answers the status, headers and JSON body', async () => {
    const fetcher = new SubgraphFetcher();
    const response = await fetcher.fetch(`${base}/graphql?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer abc' },
      body: JSON.stringify({ query: '{ boards { code } }' }),
    });
    expect(response.ok).toBe(true);
    expect(response.status).toBe(200);
    expect(response.statusText).toBe('OK');
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual({ data: { echo: { query: '{ boards { code } }' } } });
    expect(response.bodyUsed).toBe(true);
    const request = seen.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', url: '/graphql?x=1', body: JSON.stringify({ query: '{ boards { code } }' }) });
    expect(request.headers.authorization).toBe('Bearer abc');
    await fetcher.close();
  });

  it("answers a refusal (4xx) with its status and a readable body, for the caller to see the subgraph's own message", async () => {
    const fetcher = new SubgraphFetcher();
    const response = await fetcher.fetch(`${base}/refuse`, { method: 'POST', body: '{}' });
    expect(response.ok).toBe(false);
    expect(response.status).toBe(400);
    expect(response.statusText).toBe('Bad Request');
    expect(await response.json()).toEqual({ errors: [{ message: 'no', extensions: { code: 'BAD_USER_INPUT' } }] });
    await fetcher.close();
  });

  it('reads a body that is not JSON as text', async () => {
    const fetcher = new SubgraphFetcher();
    const response = await fetcher.fetch(`${base}/text`, { method: 'POST', body: '{}' });
    expect(await response.text()).toBe('plain words');
    await fetcher.close();
  });

  it('reuses its kept-alive sockets: 200 requests, 10 at a time, open a few dozen at most, not one a request', async () => {
    const fetcher = new SubgraphFetcher();
    sockets.clear();
    for (let round = 0; round < 20; round++) {
      await Promise.all(
        Array.from({ length: 10 }, async (_, i) => {
          const response = await fetcher.fetch(`${base}/graphql`, { method: 'POST', body: JSON.stringify({ i }) });
          expect(await response.json()).toEqual({ data: { echo: { i } } });
        }),
      );
    }
    expect(sockets.size).toBeGreaterThan(0);
    // undici opens a new socket when every open one is still finishing its last answer, so a few more than 10.
    expect(sockets.size).toBeLessThanOrEqual(40);
    await fetcher.close();
  });

  it('fails the call when nothing listens (a part that is down), which the data source answers as SERVICE_UNAVAILABLE', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const fetcher = new SubgraphFetcher();
    await expect(fetcher.fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', body: '{}' })).rejects.toThrow(/ECONNREFUSED|connect/);
    await fetcher.close();
  });
});
