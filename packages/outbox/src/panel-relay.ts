import type { Config } from '@scr/config';
import type { Database } from '@scr/db';
import { panelEventType, panelWebhookDelivery } from './panel-webhook';
import { keyFromData } from './delivery-plan';
import { OutboxRelay } from './relay';

/**
 * The relay that pushes a service's panel events to the panel's webhook, or
 * undefined when no receiver is configured (the events then wait in the
 * outbox, so configuring one later loses nothing).
 */
export function createPanelRelay(db: Database, config: Config, webhookTypes: readonly string[], name: string): OutboxRelay | undefined {
  const webhook = config.panelWebhook;
  if (!webhook) return undefined;
  return new OutboxRelay(db, panelWebhookDelivery(webhook.url, webhook.secret), {
    types: webhookTypes.map(panelEventType),
    // The panel sees a review's (or an incident's) events in the order they happened; review events carry
    // reviewId, incident events the incident's id.
    orderKey: keyFromData('reviewId', 'id'),
    intervalMs: config.outboxIntervalMs,
    backoff: { baseMs: config.outboxRetryBaseMs, capMs: webhook.retryCapMs },
    name: `${name}->panel`,
  });
}
