import { createHmac } from 'node:crypto';
import { webhookDeliveries } from '@scr/observability';
import type { DeliverFn } from './relay';

/** Outbox rows meant for the national panel carry this prefix; the webhook type is what follows. */
export const PANEL_EVENT_PREFIX = 'panel:';

export const panelEventType = (type: string) => `${PANEL_EVENT_PREFIX}${type}`;

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, as DOMAIN.md specifies. */
export function panelSignature(secret: string, body: string, unixSeconds: number): string {
  const digest = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${digest}`;
}

/**
 * Delivers one panel event: JSON `{ id, type, version: 1, occurredAt, data }`
 * with a stable X-Panel-Event-Id and a fresh signature per attempt. Anything
 * but a 2xx answer is a failure the relay retries with backoff.
 */
export function panelWebhookDelivery(url: string, secret: string, timeoutMs = 10_000): DeliverFn {
  return async (event) => {
    const body = JSON.stringify({
      id: event.id,
      type: event.type.slice(PANEL_EVENT_PREFIX.length),
      version: 1,
      occurredAt: event.occurredAt.toISOString(),
      data: event.data,
    });
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-panel-event-id': event.id,
          'x-panel-signature': panelSignature(secret, body, Math.floor(Date.now() / 1000)),
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      webhookDeliveries.inc({ outcome: 'unreachable' });
      throw error;
    }
    webhookDeliveries.inc({ outcome: response.ok ? 'delivered' : 'refused' });
    if (!response.ok) throw new Error(`panel webhook answered HTTP ${response.status}`);
  };
}
