import { internalUrl, type Config, type ServiceName } from '@scr/config';
import { requestIdHeaders } from '@scr/observability';

export const INTERNAL_SECRET_HEADER = 'x-internal-secret';
export const GATEWAY_SECRET_HEADER = 'x-gateway-secret';

export class ServiceUnavailableError extends Error {
  constructor(service: ServiceName, detail: string) {
    super(`The ${service} service did not answer (${detail}).`);
    this.name = 'ServiceUnavailableError';
  }
}

/** Another service answered, but refused or failed the call (4xx, 500): a bug to fix, not a reason to retry. */
export class InternalCallError extends Error {
  constructor(service: ServiceName, path: string, status: number) {
    super(`The ${service} service answered HTTP ${status} to ${path}.`);
    this.name = 'InternalCallError';
  }
}

/** HTTP statuses meaning "not now": overloaded, restarting, a proxy with nothing behind it. */
const TEMPORARY_STATUSES = new Set([502, 503, 504]);

/**
 * Asks another subgraph a question over its /internal routes with the
 * platform's shared secret. Internal routes answer JSON and are never part of
 * the public schema.
 */
export class InternalClient {
  constructor(private readonly config: Config) {}

  async get<T>(service: ServiceName, path: string): Promise<T> {
    return this.request<T>(service, path, { method: 'GET' });
  }

  async post<T>(service: ServiceName, path: string, body: unknown): Promise<T> {
    return this.request<T>(service, path, { method: 'POST', body: JSON.stringify(body) });
  }

  private async request<T>(service: ServiceName, path: string, init: RequestInit): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${internalUrl(this.config, service)}${path}`, {
        ...init,
        // The request id goes along, so the called part's lines join the caller's.
        headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: this.config.gatewaySecret, ...requestIdHeaders() },
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new ServiceUnavailableError(service, (error as Error).message);
    }
    if (TEMPORARY_STATUSES.has(response.status)) throw new ServiceUnavailableError(service, `HTTP ${response.status}`);
    if (!response.ok) throw new InternalCallError(service, path, response.status);
    return (await response.json()) as T;
  }
}
