import type { ApolloServerPlugin } from '@apollo/server';
import { isObjectType, isUnionType, type GraphQLSchema } from 'graphql';
import type { Auditor } from './auditor';

/** Refusals of reads that the caller should know were logged; mutations are audited by their middleware. */
const AUDITED_READ_REFUSALS = ['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND'];

/** Records read refusals and reads of children's identities once the answer is ready. */
export function auditPlugin<C extends { auditor: Auditor }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, errors, schema, request }) {
          const auditor = contextValue.auditor;
          if (operation?.operation !== 'mutation') {
            const refusals = new Map<string, string>();
            for (const error of errors ?? []) {
              const code = error.extensions?.code;
              if (typeof code !== 'string' || !AUDITED_READ_REFUSALS.includes(code)) continue;
              const field = auditedField(schema, error.path, request.variables?.representations) ?? operation?.name?.value ?? 'query';
              refusals.set(`${field}|${code}`, code);
            }
            for (const [key, code] of refusals) {
              await auditor.standalone({ operation: key.split('|')[0], targetIds: [], outcome: code });
            }
          }
          await auditor.flushIdentityReads();
        },
      };
    },
  };
}

/**
 * The name an admin will look for: the error's path (`incidents`,
 * `review.incident`), or `Type.field` for a field the gateway fetched through
 * federation's `_entities`, whose path means nothing outside this subgraph.
 * The type is the representation's `__typename` when the request carries it
 * (two entities may share a field name, as Board and AnnualReport share
 * actionProgress), else the entity type that has the field.
 */
export function auditedField(schema: GraphQLSchema, path: readonly (string | number)[] | undefined, representations?: unknown): string | undefined {
  const names = (path ?? []).filter((p): p is string => typeof p === 'string');
  if (!names.length) return undefined;
  if (names[0] !== '_entities' || names.length < 2) return names.join('.');
  const field = names[1];
  const entities = schema.getType('_Entity');
  const types = isUnionType(entities) ? entities.getTypes() : [];
  const index = path?.[1];
  const named = Array.isArray(representations) && typeof index === 'number' ? (representations[index] as { __typename?: unknown } | undefined)?.__typename : undefined;
  const owner = types.find((t) => isObjectType(t) && field in t.getFields() && (named === undefined || t.name === named)) ?? types.find((t) => isObjectType(t) && field in t.getFields());
  return owner ? [`${owner.name}.${field}`, ...names.slice(2)].join('.') : names.slice(1).join('.');
}
