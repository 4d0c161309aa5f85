import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import type { Config } from '@scr/config';
import { listSizeLimit } from './list-size-limit';
import { statisticsCost } from './statistics-cost';

export interface QueryLimits {
  /** Extra validation rules: depth, aliases, directives and cost (graphql-armor). */
  validationRules: ValidationRule[];
  /** The token limit: graphql-js stops lexing a document past it. */
  parseOptions: ParseOptions;
  /** graphql-js stops validating after a few errors: a flood of bad directives or fields costs no more than three. */
  validationOptions: { maxErrors: number };
}

/** Validation errors reported before graphql-js gives up on a document ("Too many validation errors"). */
export const MAX_VALIDATION_ERRORS = 3;

/**
 * Refuses a limit violation as GRAPHQL_VALIDATION_FAILED with a plain
 * message (armor's own messages start "Syntax Error:", which misleads).
 */
function refuse(message: string): (context: ValidationContext | null, error: GraphQLError) => void {
  return (context) => {
    context?.reportError(new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
  };
}

/**
 * The gateway's query limits, from graphql-armor's validation rules. Every
 * operation is measured before it is planned, so nothing reaches a subgraph.
 *
 * - `__typename` aliases count (armor exempts them by default).
 * - Fragments add no depth of their own: depth is how deep the data nests.
 * - In production introspection fields count too (introspection is refused
 *   there anyway); elsewhere GraphiQL's introspection query must pass.
 * - The token limit is graphql-js's own `maxTokens` parse option: armor's
 *   Apollo token plugin throws from `parsingDidStart`, outside Apollo Server
 *   5's parse error handling, so a refusal answers HTTP 500.
 * - Field suggestions are stripped by Apollo Server's own
 *   `hideSchemaDetailsFromClientErrors` (see gateway.ts) and, as a safety
 *   net, by the gateway's formatError: armor's Apollo suggestion plugin leaves
 *   a stray "?" and misses "Did you mean the enum value ...".
 */
export function queryLimits(config: Config): QueryLimits {
  const { maxDepth, maxAliases, maxDirectives, maxTokens, maxCost } = config.limits;
  const countIntrospection = config.production;
  const statistics = statisticsCost(maxCost, tooCostly);
  const { validationRules } = new ApolloArmor({
    blockFieldSuggestion: { enabled: false },
    maxTokens: { enabled: false },
    maxDepth: {
      n: maxDepth,
      flattenFragments: true,
      ignoreIntrospection: !countIntrospection,
      propagateOnRejection: false,
      onReject: [refuse(`The query nests fields more than ${maxDepth} levels deep. Ask for less nested data.`)],
    },
    maxAliases: {
      n: maxAliases,
      allowList: [],
      propagateOnRejection: false,
      onReject: [refuse(`The query uses more than ${maxAliases} aliases (__typename included). Use fewer aliases, or send several requests.`)],
    },
    maxDirectives: {
      n: maxDirectives,
      propagateOnRejection: false,
      onReject: [refuse(`The query uses more than ${maxDirectives} directives. Use fewer directives.`)],
    },
    costLimit: {
      maxCost,
      flattenFragments: true,
      ignoreIntrospection: !countIntrospection,
      propagateOnRejection: false,
      onAccept: [statistics.record],
      onReject: [refuse(tooCostly(maxCost))],
    },
  }).protect();
  // Statistics fields add their weight to armor's estimate (see statistics-cost.ts); after armor's rules, so its estimate is known.
  return {
    validationRules: [...validationRules, statistics.rule, listSizeLimit(config.limits.maxListResults)],
    parseOptions: { maxTokens },
    validationOptions: { maxErrors: MAX_VALIDATION_ERRORS },
  };
}

function tooCostly(maxCost: number): string {
  return `The query asks for too much at once (its estimated cost is over ${maxCost}). Ask for fewer fields, fewer statistics or shorter windows, smaller pages or less nesting, and send the rest in other requests.`;
}

/** The plain message for graphql-js's "Document contains more that N tokens" parse error. */
export function tooManyTokensMessage(maxTokens: number): string {
  return `The query is too long: at most ${maxTokens} tokens (names, values and punctuation) are allowed. Ask for less at once.`;
}

/** graphql-js 16 says "more that"; later versions may fix the typo. */
export const TOO_MANY_TOKENS = /^Syntax Error: Document contains more th(?:at|an) \d+ tokens/;
