import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow, deny, rule, shield, type IRules } from 'graphql-shield';
import type { Rule } from 'graphql-shield/typings/rules';
import { hasRole, type Role } from '@scr/auth';
import { auditMutation } from './audit/audit-middleware';
import type { RequestContext } from './context';
import { AppError, forbidden, unauthenticated } from './errors';

/** Signed in with a verified token naming things that exist. */
export const isAuthenticated = rule('isAuthenticated', { cache: 'contextual' })(
  async (_parent, _args, ctx: RequestContext) => (ctx.principal && !ctx.authError ? true : (ctx.authError ?? unauthenticated())),
);

const roleRules = new Map<string, Rule>();

/** Signed in and holding one of the roles. */
export function hasAnyRole(...roles: Role[]): Rule {
  const name = `hasAnyRole:${[...roles].sort().join(',')}`;
  let existing = roleRules.get(name);
  if (!existing) {
    existing = rule(name, { cache: 'contextual' })(async (_parent, _args, ctx: RequestContext) => {
      if (!ctx.principal || ctx.authError) return ctx.authError ?? unauthenticated();
      return hasRole(ctx.principal, ...roles) ? true : forbidden(`This needs one of the roles ${roles.join(', ')}.`);
    });
    roleRules.set(name, existing);
  }
  return existing;
}

export { allow, deny };

/**
 * Wraps a subgraph schema with graphql-shield: anything not listed is denied,
 * federation's own entry points stay reachable, and resolvers' own errors
 * (NOT_FOUND, BAD_USER_INPUT, ...) reach the caller unchanged.
 */
export function applyPermissions(schema: GraphQLSchema, rules: IRules): GraphQLSchema {
  const query = (rules as Record<string, Record<string, unknown>>).Query ?? {};
  const merged = {
    ...rules,
    Query: { ...query, _service: allow, _entities: allow },
    _Service: allow,
  } as IRules;
  // Auditing wraps the shield, so a mutation the shield refuses is audited too.
  const audit = schema.getMutationType() ? [{ Mutation: auditMutation }] : [];
  return applyMiddleware(
    schema,
    ...audit,
    shield(merged, {
      fallbackRule: deny,
      fallbackError: new AppError('FORBIDDEN', 'Your role does not allow this.'),
      allowExternalErrors: true,
      debug: false,
    }),
  );
}
