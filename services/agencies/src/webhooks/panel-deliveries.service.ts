import type { ServiceName } from '@scr/config';
import { notFound, pageSize, type InternalClient } from '@scr/graphql-kit';
import type { PanelWebhookDelivery, WebhookDeliveryStatus } from './panel-delivery.type';

/** The subgraphs whose outboxes hold panel events. */
const SOURCES: ServiceName[] = ['incidents', 'reviews'];

interface RemoteState {
  id: string;
  type: string;
  occurredAt: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastError: string | null;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const instant = (s: string | null) => (s ? new Date(s) : null);

/** Delivery state across the platform, newest first, in one answer for the admin. */
export async function panelDeliveries(
  client: InternalClient,
  status: WebhookDeliveryStatus | null | undefined,
  first: number | null | undefined,
): Promise<PanelWebhookDelivery[]> {
  const limit = Math.max(pageSize(first, 50), 1);
  const query = `/panel-deliveries?limit=${limit}${status ? `&status=${status}` : ''}`;
  const answers = await Promise.all(SOURCES.map(async (service) => ({ service, ...(await client.get<{ deliveries: RemoteState[] }>(service, query)) })));
  return answers
    .flatMap(({ service, deliveries }) =>
      deliveries.map((d) => ({
        ...d,
        service,
        occurredAt: new Date(d.occurredAt),
        deliveredAt: instant(d.deliveredAt),
        nextAttemptAt: instant(d.nextAttemptAt),
      })),
    )
    .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime())
    .slice(0, limit);
}

/** Makes an undelivered event due now in whichever subgraph holds it. */
export async function retryPanelDelivery(client: InternalClient, id: string): Promise<boolean> {
  // Event ids are UUIDs; anything else cannot name one, and never travels further.
  if (!UUID.test(id)) throw notFound('undelivered panel event', id.slice(0, 64));
  const results = await Promise.all(SOURCES.map((service) => client.post<{ found: boolean }>(service, '/panel-deliveries/retry', { id })));
  if (!results.some((r) => r.found)) throw notFound('undelivered panel event', id);
  return true;
}
