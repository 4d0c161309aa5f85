import type { GraphQLError } from 'graphql';
import type { Principal } from '@scr/auth';
import type { IsoDate } from '@scr/calendar';
import type { Auditor } from './audit/auditor';

/** What every subgraph knows about a request before its own services run. */
export interface RequestContext {
  requestId: string;
  principal?: Principal;
  /** Why the caller has no usable principal (UNAUTHENTICATED or FORBIDDEN); answered by the shield. */
  authError?: GraphQLError;
  /** Today's calendar date in Europe/London, fixed for the whole request. */
  today: IsoDate;
  /** The raw bearer token, forwarded when a subgraph asks another on the caller's behalf. */
  token?: string;
  /** Writes this request's audit rows. */
  auditor: Auditor;
}
