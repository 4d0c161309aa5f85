import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow, deny, rule, type IRules } from 'graphql-shield';
import { hasRole, type Role } from '@scr/auth';
import { auditMutation } from './audit/audit-middleware';
import type { RequestContext } from './context';
import { AppError, forbidden, unauthenticated } from './errors';
import { defineCheck, guardFields } from './field-guard';

/** A graphql-shield rule object, as `rule(options)(check)` makes it (the package exports no name for it). */
export type Rule = ReturnType<ReturnType<typeof rule>>;

const signedIn = (ctx: RequestContext) => (ctx.principal && !ctx.authError ? true : (ctx.authError ?? unauthenticated()));

/** Signed in with a verified token naming things that exist. */
export const isAuthenticated = rule('isAuthenticated', { cache: 'contextual' })(async (_parent, _args, ctx: RequestContext) => signedIn(ctx));
defineCheck(isAuthenticated, (_parent, ctx) => signedIn(ctx));
defineCheck(allow, 'allow');
defineCheck(deny, () => false);

const roleRules = new Map<string, Rule>();

/** Signed in and holding one of the roles. */
export function hasAnyRole(...roles: Role[]): Rule {
  const name = `hasAnyRole:${[...roles].sort().join(',')}`;
  let existing = roleRules.get(name);
  if (!existing) {
    const check = (ctx: RequestContext) => {
      if (!ctx.principal || ctx.authError) return ctx.authError ?? unauthenticated();
      return hasRole(ctx.principal, ...roles) ? true : forbidden(`This needs one of the roles ${roles.join(', ')}.`);
    };
    existing = rule(name, { cache: 'contextual' })(async (_parent, _args, ctx: RequestContext) => check(ctx));
    defineCheck(existing, (_parent, ctx) => check(ctx));
    roleRules.set(name, existing);
  }
  return existing;
}

export { allow, deny };

/**
 * Guards a subgraph schema with its permission table (graphql-shield's rule
 * objects and table shape): anything not listed is denied, federation's own
 * entry points stay reachable, and resolvers' own errors (NOT_FOUND,
 * BAD_USER_INPUT, ...) reach the caller unchanged. The checks sit in front of
 * each resolver (field-guard.ts) rather than in graphql-shield's per-field
 * middleware, which cost a large share of a 50-row list's time (BENCHMARKS.md).
 */
export function applyPermissions(schema: GraphQLSchema, rules: IRules): GraphQLSchema {
  const query = (rules as Record<string, Record<string, unknown>>).Query ?? {};
  const merged = {
    ...rules,
    Query: { ...query, _service: allow, _entities: allow },
    _Service: allow,
  } as Record<string, unknown>;
  const guarded = guardFields(schema, merged, () => new AppError('FORBIDDEN', 'Your role does not allow this.'));
  // Auditing wraps the guard, so a mutation the guard refuses is audited too.
  return schema.getMutationType() ? applyMiddleware(guarded, { Mutation: auditMutation }) : guarded;
}
