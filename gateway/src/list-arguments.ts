import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNullableType,
  GraphQLError,
  isInputObjectType,
  isListType,
  Kind,
  typeFromAST,
  visit,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/** DOMAIN.md: a list argument holds at most 100 items. */
export const MAX_LIST_ITEMS = 100;

export interface TooLongList {
  /** Where the list is: the argument, input field or variable, as a dotted path. */
  field: string;
  length: number;
}

/** The first list written in the document (arguments, input objects, defaults) longer than the limit. */
export function tooLongLiteral(document: DocumentNode, max = MAX_LIST_ITEMS): TooLongList | undefined {
  const names: string[] = [];
  let found: TooLongList | undefined;
  const enter = (name: string) => void names.push(name);
  const leave = () => void names.pop();
  visit(document, {
    Argument: { enter: (node) => enter(node.name.value), leave },
    ObjectField: { enter: (node) => enter(node.name.value), leave },
    VariableDefinition: { enter: (node) => enter(`$${node.variable.name.value}`), leave },
    ListValue(node) {
      if (!found && node.values.length > max) found = { field: names.join('.') || 'list', length: node.values.length };
    },
  });
  return found;
}

/** The first list in a variable's value longer than the limit, following the variable's declared type into input objects. */
export function tooLongValue(type: GraphQLInputType, value: unknown, field: string, max = MAX_LIST_ITEMS): TooLongList | undefined {
  if (value === null || value === undefined) return undefined;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    // A single value where a list is expected is coerced to a list of one.
    if (!Array.isArray(value)) return tooLongValue(nullable.ofType, value, field, max);
    if (value.length > max) return { field, length: value.length };
    for (const item of value) {
      const found = tooLongValue(nullable.ofType, item, field, max);
      if (found) return found;
    }
    return undefined;
  }
  if (isInputObjectType(nullable) && typeof value === 'object' && !Array.isArray(value)) {
    const fields = nullable.getFields();
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
      const found = fields[name] && tooLongValue(fields[name].type, item, `${field}.${name}`, max);
      if (found) return found;
    }
  }
  return undefined;
}

function tooLongVariable(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): TooLongList | undefined {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      const type = typeFromAST(schema, variable.type) as GraphQLInputType | undefined;
      const name = variable.variable.name.value;
      const found = type && tooLongValue(type, variables[name], `$${name}`);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Refuses, as BAD_USER_INPUT before anything is planned, any list in the
 * operation's arguments longer than 100 items, whether written in the
 * document or sent in variables, at any depth of an input object. One rule
 * for every list argument, so a new one cannot be forgotten.
 */
export function listArgumentLimit<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema }) {
          const found = tooLongLiteral(document) ?? tooLongVariable(schema, document, request.variables ?? {});
          if (!found) return;
          throw new GraphQLError(`A list holds at most ${MAX_LIST_ITEMS} items; ${found.field} has ${found.length}. Send fewer, or split the request.`, {
            extensions: { code: 'BAD_USER_INPUT', field: found.field.replace(/^\$/, ''), http: { status: 400 } },
          });
        },
      };
    },
  };
}
