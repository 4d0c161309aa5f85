import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { requestDeadline, RETRY_AFTER_SECONDS } from '../request-deadline';

/** An app whose /slow answers after `slowMs`, behind a deadline of 100 ms. */
async function start(slowMs: number): Promise<{ url: string; server: Server; expired: string[]; lateAnswers: Promise<void>[] }> {
  const expired: string[] = [];
  const lateAnswers: Promise<void>[] = [];
  const app = express();
  app.use(requestDeadline(100, (path) => expired.push(path)));
  app.get('/slow', (_req, res) => {
    lateAnswers.push(
      new Promise((resolve) =>
        setTimeout(() => {
          res.status(200).setHeader('x-late', 'yes');
          res.json({ data: 'late' });
          resolve();
        }, slowMs),
      ),
    );
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, expired, lateAnswers };
}

describe('requestDeadline', () => {
  it('answers 503 SERVICE_UNAVAILABLE with Retry-After when the handler has not answered in time, and drops its late answer', async () => {
    const app = await start(300);
    try {
      const res = await fetch(`${app.url}/slow`);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
      const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]?.extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(body.errors[0]?.message).toMatch(/Try again/);
      expect(app.expired).toEqual(['/slow']);
      await Promise.all(app.lateAnswers); // the late handler finishes without throwing "headers already sent"
    } finally {
      app.server.close();
    }
  });

  it('leaves an answer given in time alone', async () => {
    const app = await start(10);
    try {
      const res = await fetch(`${app.url}/slow`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ data: 'late' });
      expect(app.expired).toEqual([]);
    } finally {
      app.server.close();
    }
  });
});
