import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  Kind,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** Lists whose size the domain bounds; other lists are estimated at DEFAULT_LIST_SIZE. */
const KNOWN_LIST_SIZES: Record<string, number> = {
  children: 4,
  boards: 5,
  affiliatedBoards: 5,
  abuseTypes: 6,
  roles: 7,
  partnersAgreed: 3,
  themes: 16,
};
const DEFAULT_LIST_SIZE = 20;
/** A `first` given as a variable is not known when the query is validated. */
const VARIABLE_PAGE_SIZE = 100;
const MAX_PAGE = 500;

/**
 * Refuses a query whose lists nested in lists could answer more than `max`
 * records (e.g. `agencies { boards { agencies { boards } } }`): depth and token
 * limits do not catch it, and the answer would exhaust memory. Each path's
 * estimate multiplies its list sizes; a connection counts its `first`.
 */
export function listSizeLimit(max: number): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(operation) {
      const root = operation.operation === 'mutation' ? context.getSchema().getMutationType() : context.getSchema().getQueryType();
      if (!root) return;
      const largest = estimate(context, root, operation.selectionSet, 1, new Set());
      if (largest > max) {
        context.reportError(
          new GraphQLError(
            `The query could return about ${Math.round(largest)} records through lists nested in lists (at most ${max}). Ask for less nesting or smaller pages, and page through the rest.`,
            { nodes: [operation], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
          ),
        );
      }
    },
  });
}

function estimate(context: ValidationContext, type: GraphQLCompositeType, set: SelectionSetNode, product: number, fragments: Set<string>): number {
  let largest = product;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const field = 'getFields' in type ? type.getFields()[selection.name.value] : undefined;
      if (!field || !selection.selectionSet) continue;
      const child = getNamedType(field.type) as GraphQLCompositeType;
      largest = Math.max(largest, estimate(context, child, selection.selectionSet, product * sizeOf(field, selection), fragments));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition ? (context.getSchema().getType(selection.typeCondition.name.value) as GraphQLCompositeType) : type;
      largest = Math.max(largest, estimate(context, condition ?? type, selection.selectionSet, product, fragments));
    } else {
      const fragment = context.getFragment(selection.name.value);
      if (!fragment || fragments.has(fragment.name.value)) continue;
      const condition = context.getSchema().getType(fragment.typeCondition.name.value) as GraphQLCompositeType;
      largest = Math.max(largest, estimate(context, condition ?? type, fragment.selectionSet, product, new Set([...fragments, fragment.name.value])));
    }
  }
  return largest;
}

/** How many results one field multiplies by: a page's `first`, a list's estimate, or 1. */
function sizeOf(field: GraphQLField<unknown, unknown>, node: FieldNode): number {
  const firstArg = field.args.find((a) => a.name === 'first');
  if (firstArg) {
    const given = node.arguments?.find((a) => a.name.value === 'first')?.value;
    if (given?.kind === Kind.INT) return Math.min(Number(given.value), MAX_PAGE);
    if (given?.kind === Kind.VARIABLE) return VARIABLE_PAGE_SIZE;
    return Math.min(Number(firstArg.defaultValue ?? DEFAULT_LIST_SIZE), MAX_PAGE);
  }
  // A connection's edges are already counted by its `first`.
  if (field.name === 'edges') return 1;
  return isListType(getNullableType(field.type)) ? (KNOWN_LIST_SIZES[field.name] ?? DEFAULT_LIST_SIZE) : 1;
}
