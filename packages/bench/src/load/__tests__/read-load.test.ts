import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { answeredWithoutErrors, load } from '../read-load';

describe('answeredWithoutErrors', () => {
  it('takes data alone, and refuses errors beside data or on their own', () => {
    expect(answeredWithoutErrors('{"data":{"boards":[{"code":"LEEDS"}]}}')).toBe(true);
    expect(answeredWithoutErrors('{"data":{"review":null},"errors":[{"message":"Not allowed"}]}')).toBe(false);
    expect(answeredWithoutErrors('{"errors":[{"message":"Syntax Error"}]}')).toBe(false);
  });
});

describe('load', () => {
  let server: http.Server;
  let url: string;
  let calls = 0;
  beforeAll(async () => {
    // Every other answer is a GraphQL error with status 200, as Apollo gives a resolver's failure.
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        calls += 1;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(calls % 2 ? '{"data":{"ok":true}}' : '{"data":{"ok":null},"errors":[{"message":"boom"}]}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('counts answers carrying GraphQL errors as failed, though their status is 200', async () => {
    const figures = await load({ url, headers: { 'content-type': 'application/json' }, body: '{"query":"{ ok }"}' }, 2, 1);
    expect(figures.requests).toBeGreaterThan(10);
    // About half failed; autocannon may leave the last answers of the second unread.
    expect(figures.failed).toBeGreaterThanOrEqual(Math.floor(figures.requests / 2) - 2);
    expect(figures.failed).toBeLessThanOrEqual(Math.ceil(figures.requests / 2) + 2);
  });
});
