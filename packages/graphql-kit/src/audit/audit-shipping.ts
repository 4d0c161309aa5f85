import type { Config } from '@scr/config';
import type { Database } from '@scr/db';
import { OutboxRelay } from '@scr/outbox';
import { InternalClient } from '../internal-client';
import { AUDIT_EVENT_TYPE } from './auditor';

/** Ships a subgraph's audit rows to the directory, which keeps the consortium-wide trail. */
export function createAuditShippingRelay(db: Database, config: Config, name: string): OutboxRelay {
  const client = new InternalClient(config);
  return new OutboxRelay(db, async (event) => void (await client.post('agencies', '/audit', event.data)), {
    types: [AUDIT_EVENT_TYPE],
    intervalMs: config.outboxIntervalMs,
    backoff: { baseMs: config.outboxRetryBaseMs },
    name: `${name}->audit`,
  });
}
