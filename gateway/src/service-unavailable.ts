import type { ApolloServerPlugin } from '@apollo/server';

/** How long a caller is asked to wait before trying again (the messages say "in a minute"). */
export const RETRY_AFTER_SECONDS = 60;

/**
 * DOMAIN.md: SERVICE_UNAVAILABLE is HTTP 503 with Retry-After, so clients and
 * proxies treat "too slow, try again" as a temporary condition. A subgraph's
 * field error arrives in an HTTP 200 answer; this sets the status and header
 * on the gateway's answer whenever one of its errors carries that code.
 */
export function serviceUnavailableStatus<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          if (!(response.body.singleResult.errors ?? []).some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
