import type { ApolloServerPlugin } from '@apollo/server';
import { RETRY_AFTER_SECONDS } from '@scr/graphql-kit/edge';

/**
 * DOMAIN.md: SERVICE_UNAVAILABLE is HTTP 503 with Retry-After, so clients and
 * proxies treat "too slow, try again" as a temporary condition. A subgraph's
 * field error arrives in an HTTP 200 answer; this sets the status and header
 * on the gateway's answer when one of its errors carries that code and
 * nothing else was answered.
 */
export function serviceUnavailableStatus<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { errors, data } = response.body.singleResult;
          if (!(errors ?? []).some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) return;
          // A partial answer (other services answered their fields) stays a 200: a client would discard a 503's body.
          if (data && Object.values(data).some((value) => value !== null)) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
