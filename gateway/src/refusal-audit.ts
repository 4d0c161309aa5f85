import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { Config } from '@scr/config';
import { InternalClient } from '@scr/graphql-kit';

/**
 * A request the gateway itself refuses (a bad token never reaches a subgraph)
 * is still audited: the row goes straight to the directory's trail. Failing to
 * record it must not change the caller's answer, so errors are only logged.
 */
export async function auditGatewayRefusal(config: Config, req: Request, outcome: string): Promise<void> {
  const body = req.body as { operationName?: unknown; query?: unknown } | undefined;
  const named = typeof body?.query === 'string' ? /^\s*(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] : undefined;
  const operationName = body?.operationName ?? named;
  try {
    await new InternalClient(config).post('agencies', '/audit', {
      id: randomUUID(),
      at: new Date().toISOString(),
      service: 'gateway',
      subject: 'anonymous',
      roles: '',
      board: null,
      recordBoard: null,
      operation: typeof operationName === 'string' && operationName ? operationName.slice(0, 100) : 'request',
      targetIdsJson: '[]',
      outcome,
      requestId: null,
    });
  } catch (error) {
    console.error('[gateway] could not audit a refused request:', (error as Error).message);
  }
}
