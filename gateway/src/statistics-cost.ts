import {
  getNamedType,
  GraphQLError,
  Kind,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { MAX_STATISTICS_PERIODS, periodCount, type Interval } from '@scr/stats';
import { isValidIsoDate } from '@scr/calendar';

/**
 * Statistics fields in graphql-armor's cost. Armor prices a field by its
 * shape (1 a scalar, 2 an object), so `incidentStats` costs about what
 * `name` does, while each one is a GROUP BY over a board's records and a
 * table of periods x keys: aliased fifteen times over wide windows it held a
 * subgraph for seconds. Here each statistics field adds a statement's weight
 * plus a weight per period its window spans, to the same GRAPHQL_MAX_COST.
 *
 * The window is known only when given as literals: validation runs (and is
 * cached) before variables are read, so a window in variables is priced at the
 * most a window may span (120 periods). A field is counted once per
 * occurrence in the operation (aliases and fragment spreads each count), not
 * per board it is asked of: every board asked the same question shares one
 * statement.
 */

/** What one SQL statement over a board's records weighs. */
export const STATEMENT_COST = 1_000;
/** What each period of a statistics table weighs. */
export const PERIOD_COST = 250;

type Weigh = (field: GraphQLField<unknown, unknown>, node: FieldNode) => number;

/** Board's statistics fields and their weight; other fields weigh nothing here (armor prices them). */
const STATISTICS_FIELDS: Record<string, Weigh> = {
  incidentStats: (field, node) => STATEMENT_COST + PERIOD_COST * periodsAsked(field, node),
  themeStats: (field, node) => STATEMENT_COST + PERIOD_COST * periodsAsked(field, node),
  // Two statements (counts and the days for the median), one figure for the window.
  reviewTimeliness: () => 2 * STATEMENT_COST + PERIOD_COST,
  actionProgress: () => STATEMENT_COST,
  // A year's figures from every subgraph: a statement per figure.
  annualReport: () => 12 * STATEMENT_COST + 4 * PERIOD_COST,
};

/** The periods a field's window spans, from its literal arguments; the most allowed when they are not literals. */
function periodsAsked(field: GraphQLField<unknown, unknown>, node: FieldNode): number {
  const literal = (name: string): string | undefined => {
    const value = node.arguments?.find((a) => a.name.value === name)?.value;
    if (value?.kind === Kind.STRING || value?.kind === Kind.ENUM) return value.value;
    if (value === undefined) {
      const fallback = field.args.find((a) => a.name === name)?.defaultValue;
      return typeof fallback === 'string' ? fallback : undefined;
    }
    return undefined; // a variable: not known at validation
  };
  const from = literal('from');
  const to = literal('to');
  const interval = (literal('interval') ?? (field.args.some((a) => a.name === 'interval') ? undefined : 'QUARTER')) as Interval | undefined;
  if (!from || !to || !interval || !isValidIsoDate(from) || !isValidIsoDate(to) || from > to) return MAX_STATISTICS_PERIODS;
  try {
    // A longer window is refused by the subgraph (BAD_USER_INPUT) before any SQL; priced at the most, it can still get there.
    return Math.min(periodCount(from, to, interval), MAX_STATISTICS_PERIODS);
  } catch {
    return MAX_STATISTICS_PERIODS;
  }
}

/** The statistics weight of an operation. */
export function statisticsWeight(context: ValidationContext, operation: OperationDefinitionNode): number {
  const schema = context.getSchema();
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  return root ? weigh(context, root, operation.selectionSet, new Set()) : 0;
}

function weigh(context: ValidationContext, type: GraphQLCompositeType, set: SelectionSetNode, fragments: Set<string>): number {
  let total = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const field = 'getFields' in type ? type.getFields()[selection.name.value] : undefined;
      if (!field) continue;
      const statistics = type.name === 'Board' ? STATISTICS_FIELDS[field.name] : undefined;
      if (statistics) total += statistics(field, selection);
      if (selection.selectionSet) total += weigh(context, getNamedType(field.type) as GraphQLCompositeType, selection.selectionSet, fragments);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition ? (context.getSchema().getType(selection.typeCondition.name.value) as GraphQLCompositeType | undefined) : type;
      total += weigh(context, condition ?? type, selection.selectionSet, fragments);
    } else {
      const fragment = context.getFragment(selection.name.value);
      // A fragment cycle is refused by graphql-js's own rule; here it just stops the walk.
      if (!fragment || fragments.has(fragment.name.value)) continue;
      const condition = context.getSchema().getType(fragment.typeCondition.name.value) as GraphQLCompositeType | undefined;
      total += weigh(context, condition ?? type, fragment.selectionSet, new Set([...fragments, fragment.name.value]));
    }
  }
  return total;
}

/**
 * Adds the statistics weight to armor's estimate of the same operation and
 * refuses the sum over `maxCost`. Armor reports its accepted estimate through
 * `record` (its onAccept hook), which runs just before this rule's visit of the
 * same operation because armor's rules come first in the list; an operation
 * armor refused has no estimate and is not refused twice.
 */
export function statisticsCost(maxCost: number, message: (maxCost: number) => string) {
  const armorEstimates = new WeakMap<ValidationContext, number>();
  const record = (context: ValidationContext | null, accepted: { n: number }) => {
    if (context) armorEstimates.set(context, accepted.n);
  };
  const rule: ValidationRule = (context) => ({
    OperationDefinition(operation) {
      const armor = armorEstimates.get(context);
      armorEstimates.delete(context);
      if (armor === undefined) return;
      if (armor + statisticsWeight(context, operation) > maxCost) {
        context.reportError(new GraphQLError(message(maxCost), { nodes: [operation], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
      }
    },
  });
  return { record, rule };
}
