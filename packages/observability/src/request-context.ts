import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { context, ROOT_CONTEXT } from '@opentelemetry/api';

/** The header carrying one request's id from the client, through the gateway, to every subgraph and internal call. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** What the platform knows about the request it is serving, for its log line and its metrics. */
export interface RequestState {
  requestId: string;
  operation?: { name?: string; type?: string };
  codes?: string[];
  principal?: { sub: string; board?: string };
}

const storage = new AsyncLocalStorage<RequestState>();

/**
 * A caller's id is kept when it is a plain token (letters, digits, - _ . :
 * up to 36, the width of the audit trail's request_id), so an operator can follow a request id their own proxy made;
 * anything else (a log-injection attempt, a huge header) gets a fresh UUID.
 */
export function acceptedRequestId(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._:-]{1,36}$/.test(value) ? value : randomUUID();
}

export function runWithRequest<T>(state: RequestState, fn: () => T): T {
  return storage.run(state, fn);
}

export function currentRequest(): RequestState | undefined {
  return storage.getStore();
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/**
 * Work that must not count as part of the request that started it (a relay's
 * timer): neither its request id nor its trace, or every later pass would
 * carry the first request's.
 */
export function outsideRequest<T>(fn: () => T): T {
  return storage.exit(() => context.with(ROOT_CONTEXT, fn));
}

/** Headers to add to an outgoing call made while serving a request: its id goes along. */
export function requestIdHeaders(): Record<string, string> {
  const id = currentRequestId();
  return id ? { [REQUEST_ID_HEADER]: id } : {};
}
