/**
 * A caller that hangs up while its request waits (as load-test clients do at
 * the end of a round) is neither run nor logged as a server error: the
 * request ends as 499. Real sockets on loopback, the middleware order of the
 * gateway and the subgraphs.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { CLIENT_CLOSED_REQUEST, dropAbandonedRequests } from '../abandoned-request';

let server: http.Server;
let port: number;
/** Each request's response and whether the handler ran; the status is read once the chain has finished with it. */
const ended: { res: express.Response; ran: boolean }[] = [];
const outcomes = () => ended.map(({ res, ran }) => ({ status: res.statusCode, ran }));

beforeAll(async () => {
  const app = express();
  app.use(
    '/graphql',
    (_req, res, next) => {
      const record = { res, ran: false };
      (res.locals as { record?: typeof record }).record = record;
      ended.push(record);
      // A wait before the body is read, like the rate limiter's.
      setTimeout(next, 150);
    },
    express.json(),
    dropAbandonedRequests,
    (req, res) => {
      (res.locals as { record: { ran: boolean } }).record.ran = true;
      res.json({ data: { echo: req.body } });
    },
  );
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
};

it.each([
  ['closed its connection', (socket: net.Socket) => socket.destroy()],
  ['closed its sending side (as a load-test client does when a round ends)', (socket: net.Socket) => socket.end()],
])('ends a request whose caller %s before its body was read as 499, without running it', async (_how, hangUp) => {
  ended.length = 0;
  const body = JSON.stringify({ query: '{ boards { code } }' });
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  hangUp(socket);
  await waitFor(() => ended[0]?.res.writableEnded === true);
  socket.destroy();
  expect(outcomes()).toEqual([{ status: CLIENT_CLOSED_REQUEST, ran: false }]);
});

it('runs a request whose caller waits, as before', async () => {
  ended.length = 0;
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ x }' }),
  });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ data: { echo: { query: '{ x }' } } });
  expect(outcomes()).toEqual([{ status: 200, ran: true }]);
});
