/**
 * Issue 15: the examples in examples/ run against the real platform, so they
 * cannot rot: the panel's feed puller and webhook receiver, the analyst's
 * trends script.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createClient } from '@scr/client';
import { boardTokens, eventually, notifiedCase, startTestPlatform, type TestPlatform } from '@scr/testing';
import { pullFeed, webhookReceiver, type FeedEntry, type PanelEvent } from '../../examples/panel-integration';
import { boardTrends, toCsv } from '../../examples/analyst-trends';

const SECRET = 'panel-secret-for-the-examples';
let t: TestPlatform;
let receiver: Server;
const events: PanelEvent[] = [];
let reference: string;
let awareOn: string;

beforeAll(async () => {
  receiver = webhookReceiver(SECRET, (event) => {
    events.push(event);
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as AddressInfo;
  t = await startTestPlatform({ env: { PANEL_WEBHOOK_URL: `http://127.0.0.1:${port}/panel/webhook`, PANEL_WEBHOOK_SECRET: SECRET } });
  const leeds = await boardTokens(t, 'LEEDS');
  const notified = await notifiedCase(t, leeds.manager, 'LEEDS');
  reference = notified.incident.reference;
  awareOn = notified.notifiedOn;
});
afterAll(async () => {
  await t?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('examples/panel-integration.ts', () => {
  it('pulls the feed from the start, then from its saved cursor finds nothing new', async () => {
    const panel = createClient({ url: t.platform.gateway.url, token: await t.token({ subject: 'panel', roles: ['PANEL'] }) });
    const handled: FeedEntry[] = [];
    const saved: (string | null)[] = [];
    const first = await pullFeed(
      panel,
      null,
      (entry) => void handled.push(entry),
      (cursor) => saved.push(cursor),
    );
    expect(handled.map((entry) => entry.incidentReference)).toEqual([reference]);
    expect(first.count).toBe(1);
    expect(saved.at(-1)).toBe(first.cursor);

    const again = await pullFeed(panel, first.cursor, (entry) => void handled.push(entry));
    expect(again).toEqual({ count: 0, cursor: first.cursor });
  });

  it('accepts the signed webhooks the platform sends, once each', async () => {
    await eventually(async () => events.some((e) => e.type === 'incident.notified'), 15_000, 'incident.notified');
    expect(events.filter((e) => e.type === 'incident.notified')).toHaveLength(1);
    expect(events[0]).toMatchObject({ version: 1, type: 'incident.notified' });
  });

  it('refuses a delivery whose signature does not match (401) and passes nothing on', async () => {
    const { port } = receiver.address() as AddressInfo;
    const before = events.length;
    const body = JSON.stringify({ id: 'forged', type: 'review.published', version: 1, occurredAt: new Date().toISOString(), data: {} });
    const res = await fetch(`http://127.0.0.1:${port}/panel/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-panel-event-id': 'forged',
        'x-panel-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}`,
      },
      body,
    });
    expect(res.status).toBe(401);
    expect(events.length).toBe(before);
  });
});

describe('examples/analyst-trends.ts', () => {
  it("writes every board's cells as CSV, with the small LEEDS count suppressed as c", async () => {
    const analyst = createClient({ url: t.platform.gateway.url, token: await t.token({ subject: 'analyst', roles: ['ANALYST'] }) });
    const rows = await boardTrends(analyst, { from: awareOn, to: awareOn, interval: 'MONTH', by: 'CRITERION' });
    expect(rows).toContainEqual({ board: 'LEEDS', period: awareOn.slice(0, 7), key: 'CHILD_SERIOUSLY_HARMED', count: null });
    const csv = toCsv(rows);
    expect(csv.split('\n')[0]).toBe('board,period,key,count');
    expect(csv).toContain(`LEEDS,${awareOn.slice(0, 7)},CHILD_SERIOUSLY_HARMED,c\n`);
    expect(csv).not.toMatch(/,1\n/);
  });
});
