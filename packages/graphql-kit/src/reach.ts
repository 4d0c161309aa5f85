import { rule } from 'graphql-shield';
import { hasRole, type Principal } from '@scr/auth';
import type { RequestContext } from './context';
import { forbidden, unauthenticated } from './errors';
import { defineCheck } from './field-guard';
import type { Rule } from './shield';

/**
 * How a caller reaches one record, in DOMAIN.md's own columns: BM and BC the
 * record's own board's manager and chair, PC a chair whose board holds a live
 * peer challenge on the case, RV a reviewer appointed to it, AC an agency
 * contributor whose agency the record concerns.
 *
 * A token with several roles sees the union of what each role alone would
 * see, field by field: so field rules ask which roles reach *this* record
 * (its reach), never only which roles the token holds.
 */
export type Reach = 'BM' | 'BC' | 'PC' | 'RV' | 'AC';
export type Reaches = ReadonlySet<Reach>;

/** The reach of the record a field belongs to (its parent), worked out per request without SQL per row. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ReachOf<P = any, C extends RequestContext = any> = (parent: P, ctx: C) => Reaches | Promise<Reaches>;

export const NO_REACH: Reaches = new Set();

/** BM and/or BC when the caller is the staff of the record's own board. */
export function boardReach(principal: Principal | undefined, boardCode: string): Reach[] {
  if (!principal?.board || principal.board !== boardCode) return [];
  const reach: Reach[] = [];
  if (hasRole(principal, 'BOARD_MANAGER')) reach.push('BM');
  if (hasRole(principal, 'BOARD_CHAIR')) reach.push('BC');
  return reach;
}

const WHO: Record<Reach, string> = {
  BM: "the record's own board manager",
  BC: "the record's own board chair",
  PC: 'a peer-challenge chair',
  RV: 'an appointed reviewer',
  AC: 'the agency it concerns',
};

const reachRules = new Map<string, { rule: Rule; reachOf: ReachOf }>();

/**
 * A field rule: the field is answered only when one of the caller's reaches of
 * this very record is among `who`. It reads the record (the field's parent),
 * never the operation, so fragments, aliases and directives change nothing.
 * `type` names the record type (one reachOf per type).
 */
export function readableBy(type: string, reachOf: ReachOf, ...who: Reach[]): Rule {
  const name = `readableBy:${type}:${[...who].sort().join(',')}`;
  const existing = reachRules.get(name);
  if (existing) {
    if (existing.reachOf !== reachOf) throw new Error(`${name} is already defined with another reach function.`);
    return existing.rule;
  }
  const message = `You can see this ${type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}, but this field is answered only to ${who.map((w) => WHO[w]).join(', ')}.`;
  const decide = (reaches: Reaches) => (who.some((w) => reaches.has(w)) ? true : forbidden(message));
  const check = (parent: unknown, ctx: RequestContext) => {
    if (!ctx.principal || ctx.authError) return ctx.authError ?? unauthenticated();
    const reaches = reachOf(parent, ctx);
    return reaches instanceof Promise ? reaches.then(decide) : decide(reaches);
  };
  const created = rule(name, { cache: 'no_cache' })(async (parent, _args, ctx: RequestContext) => check(parent, ctx));
  defineCheck(created, check);
  reachRules.set(name, { rule: created, reachOf });
  return created;
}
