import type { GraphQLError } from 'graphql';
import { createParameterDecorator, type ParameterDecorator } from 'type-graphql';
import type { Principal } from '@scr/auth';
import type { IsoDate } from '@scr/calendar';
import type { Auditor } from './audit/auditor';
import { unauthenticated } from './errors';

/** What every subgraph knows about a request before its own services run. */
export interface RequestContext {
  requestId: string;
  principal?: Principal;
  /** Why the caller has no usable principal (UNAUTHENTICATED or FORBIDDEN); answered by the shield. */
  authError?: GraphQLError;
  /** When the request arrived: the one instant its writes are stamped with and its rules compare against. */
  now: Date;
  /** Today's calendar date in Europe/London (the date of `now`), fixed for the whole request. */
  today: IsoDate;
  /** The raw bearer token, forwarded when a subgraph asks another on the caller's behalf. */
  token?: string;
  /** Writes this request's audit rows. */
  auditor: Auditor;
}

/** A request context whose caller is signed in with a usable principal. */
export type Authenticated<C extends RequestContext = RequestContext> = C & { principal: Principal };

/**
 * Narrows a context to a signed-in caller's. The permission table already
 * refuses anyone else before a guarded resolver runs, so this throws only if
 * a field is listed as open by mistake: the caller then gets the same answer
 * the shield would have given.
 */
export function authenticated<C extends RequestContext>(ctx: C): Authenticated<C> {
  if (!ctx.principal || ctx.authError) throw ctx.authError ?? unauthenticated();
  return ctx as Authenticated<C>;
}

/** `@Ctx()` for resolvers behind a sign-in rule: the context, narrowed once to a signed-in caller's (see authenticated). */
export function AuthenticatedCtx(): ParameterDecorator {
  return createParameterDecorator<RequestContext>(({ context }) => authenticated(context));
}
