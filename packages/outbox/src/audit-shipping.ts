import type { Config } from '@scr/config';
import type { Database } from '@scr/db';
import { ask, AUDIT_EVENT_TYPE, auditShipping, shippedAuditRow, type InternalTransport } from '@scr/internal-api';
import { OutboxRelay } from './relay';

/** Ships a subgraph's audit rows to the directory, which keeps the consortium-wide trail. */
export function createAuditShippingRelay(db: Database, config: Config, name: string, transport: InternalTransport): OutboxRelay {
  return new OutboxRelay(db, async (event) => void (await ask(transport, auditShipping, shippedAuditRow.parse(event.data))), {
    types: [AUDIT_EVENT_TYPE],
    intervalMs: config.outboxIntervalMs,
    backoff: { baseMs: config.outboxRetryBaseMs },
    name: `${name}->audit`,
  });
}
