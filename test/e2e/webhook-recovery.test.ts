/**
 * After a receiver outage, the events that backed off while it was down are
 * sent as soon as it accepts one again, not each on its own (long) backoff.
 */
import { OutboxEvent } from '@scr/db';
import { boardTokens, eventually, notifiedCase, startTestPlatform, WebhookReceiver, type TestPlatform } from '@scr/testing';

let t: TestPlatform;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  receiver.decide = () => false;
  t = await startTestPlatform({
    // Backoff of 2-4 s after the first refusal, 2-8 s after the second.
    env: { PANEL_WEBHOOK_URL: receiver.url, PANEL_WEBHOOK_SECRET: 'recovery-secret', OUTBOX_RETRY_BASE_MS: '4000', PANEL_WEBHOOK_RETRY_CAP_MS: '60000' },
  });
});
afterAll(async () => {
  await t.stop();
  await receiver.down();
});

it('delivers every waiting event within 2 s of the first success after an outage, far sooner than their backoff', async () => {
  const leeds = await boardTokens(t, 'LEEDS');
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) ids.push((await notifiedCase(t, leeds.manager, 'LEEDS')).incident.id);
  const refusals = (id: string) => receiver.received.filter((r) => !r.accepted && r.json.data.id === id).length;
  await eventually(async () => ids.every((id) => refusals(id) >= 2), 30_000, 'two refusals of every event');

  // What the backoff alone would give: the last waiting event is due this long from now.
  const db = t.platform.services.get('incidents')!.db!;
  const waiting = await db.manager.find(OutboxEvent, { where: { type: 'panel:incident.notified' } });
  const switchedOn = Date.now();
  const arrivals = new Map<string, number>();
  receiver.decide = (delivery) => {
    const id = String(delivery.json.data.id);
    if (!arrivals.has(id)) arrivals.set(id, Date.now());
    return true;
  };
  const backoffWouldTake = Math.max(...waiting.filter((e) => !e.deliveredAt).map((e) => e.nextAttemptAt.getTime())) - switchedOn;
  expect(backoffWouldTake).toBeGreaterThan(3_000);

  await eventually(async () => ids.every((id) => arrivals.has(id)), 20_000, 'every event after recovery');
  const firstSuccess = Math.min(...ids.map((id) => arrivals.get(id)!));
  const lastSuccess = Math.max(...ids.map((id) => arrivals.get(id)!));
  expect(lastSuccess - firstSuccess).toBeLessThan(2_000);
  expect(lastSuccess - switchedOn).toBeLessThan(backoffWouldTake);
});
