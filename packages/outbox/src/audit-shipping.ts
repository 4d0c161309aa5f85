import type { Config } from '@scr/config';
import type { Database } from '@scr/db';
import { ask, AUDIT_EVENT_TYPE, auditShipping, shippedAuditRow, type InternalTransport, type ShippedAuditRow } from '@scr/internal-api';
import { OutboxRelay, type OutboxDelivery } from './relay';

/** Within the route's MAX_AUDIT_ROWS_PER_SHIPMENT. */
const AUDIT_ROWS_PER_PASS = 200;

/**
 * Ships a subgraph's audit rows to the directory, which keeps the
 * consortium-wide trail: each pass's rows in one call. A row that does not
 * match the shape is refused on its own, so it cannot hold back the others.
 */
export function createAuditShippingRelay(db: Database, config: Config, name: string, transport: InternalTransport): OutboxRelay {
  const many = async (events: readonly OutboxDelivery[]) => {
    const refused = new Map<OutboxDelivery, unknown>();
    const rows: ShippedAuditRow[] = [];
    for (const event of events) {
      const row = shippedAuditRow.safeParse(event.data);
      if (row.success) rows.push(row.data);
      else refused.set(event, new Error(`not an audit row: ${row.error.issues[0]?.message ?? 'bad shape'}`));
    }
    if (rows.length > 0) await ask(transport, auditShipping, { rows });
    return refused;
  };
  return new OutboxRelay(
    db,
    { many },
    {
      types: [AUDIT_EVENT_TYPE],
      // One call and one transaction a pass, so a pass may carry more than the event relays' 50.
      batchSize: AUDIT_ROWS_PER_PASS,
      intervalMs: config.outboxIntervalMs,
      backoff: { baseMs: config.outboxRetryBaseMs },
      name: `${name}->audit`,
    },
  );
}
