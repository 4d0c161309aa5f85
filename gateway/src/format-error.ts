import type { GraphQLFormattedError } from 'graphql';
import type { Config } from '@scr/config';
import { formatError } from '@scr/graphql-kit';
import { TOO_MANY_TOKENS, tooManyTokensMessage } from './limits';

/** Apollo Server's own refusals of a malformed HTTP request: answered as BAD_USER_INPUT (DOMAIN.md codes only). */
const REQUEST_REFUSALS = new Set(['BAD_REQUEST', 'PERSISTED_QUERY_NOT_SUPPORTED', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE', 'INVALID_GRAPHQL']);

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
