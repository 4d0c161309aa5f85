import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { logFailure, SERVICE_UNAVAILABLE_MESSAGE, transientReason } from '../log-failure';
import { RETRY_AFTER_SECONDS } from '../request-deadline';
import { isObjectType, isUnionType, type FieldNode, type GraphQLSchema } from 'graphql';
import type { Auditor } from './auditor';
import { argumentIds, pathTargetIds, rootFields } from './target-ids';

/** Refusals of reads that the caller should know were logged; mutations are audited by their middleware. */
const AUDITED_READ_REFUSALS = ['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND'];

/** Root fields that never fetch one record by id, so a null answer is no probe. */
const NOT_PROBES = new Set(['_entities', '_service', 'me']);

/**
 * Records read refusals (with the ids they were about), probes (a single
 * fetch by id that answered null: another board's record or none at all) and
 * reads of children's identities, once the answer is ready.
 */
export function auditPlugin<C extends { auditor: Auditor }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(requestContext) {
          try {
            await writeAuditRows(requestContext);
          } catch (error) {
            // The trail could not be written (the database is away): the answer is not given without it, and the
            // caller is told to retry, instead of Apollo's bare 500 with a stack in the log.
            if (!transientReason(error)) throw error;
            logFailure('[audit]', error);
            const { response } = requestContext;
            response.body = {
              kind: 'single',
              singleResult: { errors: [{ message: SERVICE_UNAVAILABLE_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
            };
            response.http.status = 503;
            response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
          }
        },
      };
    },
  };
}

type ResponseContext<C extends { auditor: Auditor }> = Parameters<NonNullable<GraphQLRequestListener<C>['willSendResponse']>>[0];

/** The request's audit rows: read refusals, probes, and reads of children's identities. */
async function writeAuditRows<C extends { auditor: Auditor }>({
  contextValue,
  operation,
  document,
  errors,
  schema,
  request,
  response,
}: ResponseContext<C>): Promise<void> {
  const auditor = contextValue.auditor;
  if (operation?.operation !== 'mutation') {
    const variables = request.variables ?? {};
    const fields = operation ? rootFields(operation, document) : new Map<string, FieldNode>();
    const refusals = new Map<string, { field: string; code: string; targetIds: Set<string> }>();
    const refusedKeys = new Set<unknown>();
    for (const error of errors ?? []) {
      refusedKeys.add(error.path?.[0]);
      const code = error.extensions?.code;
      if (typeof code !== 'string' || !AUDITED_READ_REFUSALS.includes(code)) continue;
      const field = auditedField(schema, error.path, request.variables?.representations) ?? operation?.name?.value ?? 'query';
      const refusal = refusals.get(`${field}|${code}`) ?? { field, code, targetIds: new Set<string>() };
      for (const id of pathTargetIds(error.path, fields, variables)) refusal.targetIds.add(id);
      refusals.set(`${field}|${code}`, refusal);
    }
    const rows = [...refusals.values()].map(({ field, code, targetIds }) => ({ operation: field, targetIds: [...targetIds], outcome: code }));
    const data = response.body.kind === 'single' ? response.body.singleResult.data : undefined;
    if (operation?.operation === 'query' && data) {
      for (const [key, field] of fields) {
        if (data[key] !== null || refusedKeys.has(key) || NOT_PROBES.has(field.name.value)) continue;
        const targetIds = argumentIds(field, variables);
        if (targetIds.length) rows.push({ operation: field.name.value, targetIds, outcome: 'NOT_FOUND' });
      }
    }
    await auditor.standaloneAll(rows);
  }
  await auditor.flushIdentityReads();
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
  const [first, field] = names;
  if (first !== '_entities' || field === undefined) return names.join('.');
  const entities = schema.getType('_Entity');
  const types = isUnionType(entities) ? entities.getTypes() : [];
  const index = path?.[1];
  const named =
    Array.isArray(representations) && typeof index === 'number' ? (representations[index] as { __typename?: unknown } | undefined)?.__typename : undefined;
  const owner =
    types.find((t) => isObjectType(t) && field in t.getFields() && (named === undefined || t.name === named)) ??
    types.find((t) => isObjectType(t) && field in t.getFields());
  return owner ? [`${owner.name}.${field}`, ...names.slice(2)].join('.') : names.slice(1).join('.');
}
