import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { RequestContext } from './context';

/**
 * What a permission rule decides for one field of one record: true to
 * answer, an error to refuse with (UNAUTHENTICATED, FORBIDDEN with its
 * reason), false to refuse with the schema's fallback error.
 */
export type Verdict = true | false | Error;
export type FieldCheck = (parent: unknown, ctx: RequestContext) => Verdict | Promise<Verdict>;

/**
 * The check behind each rule object the permission tables use (graphql-shield
 * rules, so they keep working with shield itself). A rule without one cannot
 * be applied: `guardFields` refuses to build the schema.
 */
const checks = new WeakMap<object, FieldCheck | 'allow'>();

export function defineCheck(rule: object, check: FieldCheck | 'allow'): void {
  checks.set(rule, check);
}

type RuleTable = Record<string, unknown>;

/** Field rule, else the type's '*' rule, else the type-wide rule, else undefined (denied). */
function ruleFor(rules: RuleTable, type: string, field: string): object | undefined {
  const entry = rules[type];
  if (entry === undefined) return undefined;
  if (checks.has(entry as object)) return entry as object;
  if (typeof (entry as { resolve?: unknown }).resolve === 'function') throw new Error(`${type}: a permission rule graphql-kit does not know`);
  const fields = entry as Record<string, object>;
  return fields[field] ?? fields['*'];
}

/**
 * Puts each field's permission check in front of its resolver, once, when
 * the schema is built: graphql-shield's semantics (anything unlisted is
 * denied; a rule's error reaches the caller; the rule reads the record and
 * the request, never the operation, so fragments, aliases and directives
 * change nothing) without its per-field middleware machinery. `allow` fields
 * keep their resolver untouched, role rules run synchronously, and only
 * record rules that look something up return a promise.
 */
export function guardFields(schema: GraphQLSchema, rules: RuleTable, fallbackError: () => Error): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const rule = ruleFor(rules, type.name, field.name);
      const check = rule === undefined ? undefined : checks.get(rule);
      if (rule !== undefined && check === undefined) throw new Error(`${type.name}.${field.name}: a permission rule graphql-kit does not know`);
      if (check === 'allow') continue;
      field.resolve = guarded(check, field.resolve ?? defaultFieldResolver, fallbackError);
    }
  }
  return schema;
}

function guarded(
  check: FieldCheck | undefined,
  resolve: GraphQLFieldResolver<unknown, RequestContext>,
  fallbackError: () => Error,
): GraphQLFieldResolver<unknown, RequestContext> {
  const refusal = (verdict: Verdict) => (verdict instanceof Error ? verdict : fallbackError());
  if (!check) {
    return () => {
      throw fallbackError();
    };
  }
  return (parent, args, ctx, info) => {
    const verdict = check(parent, ctx);
    if (verdict === true) return resolve(parent, args, ctx, info);
    if (verdict instanceof Promise) {
      return verdict.then((v) => {
        if (v === true) return resolve(parent, args, ctx, info);
        throw refusal(v);
      });
    }
    throw refusal(verdict);
  };
}
