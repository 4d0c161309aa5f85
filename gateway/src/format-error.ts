import { logger } from '@scr/observability';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Config } from '@scr/config';
import { formatError } from '@scr/graphql-kit/edge';
import { TOO_MANY_TOKENS, tooManyTokensMessage } from './limits';

/** Apollo Server's own refusals of a malformed HTTP request: answered as BAD_USER_INPUT (DOMAIN.md codes only). */
const REQUEST_REFUSALS = new Set([
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'INVALID_GRAPHQL',
]);

/** Plainer words for Apollo Server's messages, and none that names the server software. */
const REWRITES: [RegExp, string][] = [
  [
    /^This operation has been blocked as a potential Cross-Site Request Forgery/,
    'Refused as a possible cross-site request forgery: send the request with "content-type: application/json" (or, for a GET, with an "apollo-require-preflight: true" header).',
  ],
  [/^Operation batching disabled/, 'Send one operation per request: batched requests (a JSON array) are not accepted.'],
  [/^GET requests only support query operations/, 'Send mutations with POST: GET is for queries only.'],
  [/^Apollo Server supports only GET\/POST requests/, 'Only GET and POST requests are accepted.'],
  [/uses incremental delivery/, '@defer and @stream are not supported.'],
  [/^PersistedQuery/, 'Persisted queries are not supported: send the query text.'],
  [/^GraphQL introspection is not allowed/, 'Introspection is turned off on this server.'],
  [/^Too many validation errors, error limit reached/, 'The query has too many mistakes: checking stopped at the first few. Fix those and send it again.'],
];

const SUGGESTION = /\s*Did you mean\b[^?]*\?/g;

/**
 * The gateway's error formatting: the shared one (a DOMAIN.md code, a plain
 * message, no stack or internals), then the gateway's own refusals in plain
 * words. In production no message suggests field, argument, type or enum
 * names ("Did you mean ...?"), which would let a caller map the schema with
 * introspection off.
 */
export function gatewayFormatError(config: Config): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const result = formatError(formatted, error);
    let code = result.extensions?.code as string | undefined;
    // Apollo Server prefixes errors thrown while building the context (a bad token).
    let message = result.message.replace(/^Context creation failed: /, '');
    if (TOO_MANY_TOKENS.test(message)) {
      message = tooManyTokensMessage(config.limits.maxTokens);
      code = 'GRAPHQL_VALIDATION_FAILED';
    } else if (code && REQUEST_REFUSALS.has(code)) {
      code = 'BAD_USER_INPUT';
    }
    for (const [pattern, plain] of REWRITES) {
      if (pattern.test(message)) {
        message = plain;
        break;
      }
    }
    if (config.production) message = message.replace(SUGGESTION, '');
    return { ...result, message: message.trim(), extensions: { ...result.extensions, code } };
  };
}

/**
 * @apollo/gateway reports an answer it could not shape to the schema (a
 * subgraph answered null for a non-null reference, or a value the schema does
 * not allow) in `extensions.valueCompletion` with code INVALID_GRAPHQL, which
 * is not one of DOMAIN.md's codes. Moved into `errors`: a null where a record
 * was expected is a record the caller may not read (FORBIDDEN); anything else
 * is logged and answered as an internal error.
 */
export function valueCompletionErrors<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const completion = result.extensions?.valueCompletion as { message?: string; path?: (string | number)[] }[] | undefined;
          if (!completion) return;
          const { valueCompletion: _dropped, ...extensions } = result.extensions!;
          result.extensions = Object.keys(extensions).length ? extensions : undefined;
          const errors = completion.map((e) => {
            const unreadable = /^Cannot return null for non-nullable/.test(e.message ?? '');
            if (!unreadable) logger.error(`[gateway] a subgraph answered a value the schema does not allow: ${e.message}`);
            return new GraphQLError(
              unreadable
                ? 'Part of this record is held by a service that did not answer it for you: you may not read it.'
                : 'Internal error: the request could not be completed. Try again, and report it if it persists.',
              { path: e.path, extensions: { code: unreadable ? 'FORBIDDEN' : 'INTERNAL_SERVER_ERROR' } },
            );
          });
          result.errors = [...(result.errors ?? []), ...errors];
        },
      };
    },
  };
}
