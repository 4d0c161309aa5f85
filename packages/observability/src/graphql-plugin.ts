import type { ApolloServerPlugin } from '@apollo/server';
import { OperationLabels, outcomeLabel } from './labels';
import { graphqlRequestDuration } from './metrics';
import { currentRequest } from './request-context';

interface WithPrincipal {
  principal?: { subject: string; board?: string };
}

/**
 * Fills the request line with the GraphQL facts (operation name and type,
 * error codes, the caller's sub and board) and observes the GraphQL
 * histogram. Never the query text or variables: they may hold names.
 */
export function observabilityPlugin<C extends object>(): ApolloServerPlugin<C> {
  const operations = new OperationLabels();
  return {
    async requestDidStart() {
      const state = currentRequest();
      const end = graphqlRequestDuration.startTimer();
      let name: string | undefined;
      let type: string | undefined;
      return {
        async didResolveOperation({ operationName, operation }) {
          name = operationName ?? undefined;
          type = operation?.operation;
          if (state) state.operation = { ...(name ? { name } : {}), ...(type ? { type } : {}) };
        },
        async willSendResponse({ response, contextValue }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const codes = [...new Set((errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))];
          const principal = (contextValue as WithPrincipal | undefined)?.principal;
          if (state) {
            state.codes = codes;
            if (principal?.subject) state.principal = { sub: principal.subject, ...(principal.board ? { board: principal.board } : {}) };
          }
          end({ operation: operations.label(name), type: type ?? 'unknown', code: outcomeLabel(codes) });
        },
      };
    },
  };
}
