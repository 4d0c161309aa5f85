import type { Database } from '@scr/db';
import { deliveryStates, retryNow, type DeliveryStatus } from './delivery-state';
import { PANEL_EVENT_PREFIX } from './panel-webhook';
import type { OutboxRelay } from './relay';

/** The parts of an Express router these routes use; keeps this package free of Express. */
interface RouterLike {
  get(path: string, handler: (req: { query: Record<string, unknown> }, res: { json(body: unknown): void }, next: (e?: unknown) => void) => void): unknown;
  post(path: string, handler: (req: { body: unknown }, res: { json(body: unknown): void }, next: (e?: unknown) => void) => void): unknown;
}

const STATUSES: DeliveryStatus[] = ['PENDING', 'DELIVERED', 'FAILING'];

/** Internal routes through which the admin view reads and retries this service's panel deliveries. */
export function panelDeliveryRoutes(router: RouterLike, db: Database, relay?: OutboxRelay) {
  router.get('/panel-deliveries', (req, res, next) => {
    const status = STATUSES.find((s) => s === req.query.status);
    const limit = Math.min(Math.max(Number(req.query.limit) || 50, 1), 500);
    deliveryStates(db, PANEL_EVENT_PREFIX, status, limit).then((deliveries) => res.json({ deliveries }), next);
  });
  router.post('/panel-deliveries/retry', (req, res, next) => {
    retryNow(db, PANEL_EVENT_PREFIX, String((req.body as { id?: unknown })?.id ?? '')).then((found) => {
      if (found) relay?.poke();
      res.json({ found });
    }, next);
  });
}
