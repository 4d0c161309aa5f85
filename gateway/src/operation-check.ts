import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

const refuse = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });

/**
 * Refuses, as the caller's mistake (HTTP 400), a document whose operation
 * cannot be chosen and a subscription (none is served). Left to the gateway's
 * executor they answer HTTP 500 with its own code.
 */
export function operationCheck<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (!operation) {
            throw refuse(
              request.operationName
                ? `The document has no operation named "${request.operationName}".`
                : 'The document holds several operations: name the one to run in "operationName".',
            );
          }
          if (operation.operation === 'subscription') throw refuse('Subscriptions are not served: send a query or a mutation.');
        },
      };
    },
  };
}
