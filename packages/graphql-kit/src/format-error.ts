import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { OutsideCalendarError } from '@scr/calendar';
import { logFailure, SERVICE_UNAVAILABLE_MESSAGE, transientReason } from './log-failure';

const PASS_THROUGH_EXTENSIONS = ['code', 'field'];

/**
 * What a caller may see of an error: a message and a code from DOMAIN.md.
 * A bad scalar literal arrives as a validation error wrapping the scalar's
 * BAD_USER_INPUT; unexpected failures are logged and answered without detail.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error) as { extensions?: Record<string, unknown> } | undefined;
  let code = formatted.extensions?.code as string | undefined;
  const originalCode = (error as { originalError?: { extensions?: { code?: string } } })?.originalError?.extensions?.code;
  if (code === 'GRAPHQL_VALIDATION_FAILED' && originalCode === 'BAD_USER_INPUT') code = 'BAD_USER_INPUT';
  // A date outside the calendar (2000-2099) is the caller's input, whichever rule met it.
  if (original instanceof OutsideCalendarError) {
    return { message: original.message, locations: formatted.locations, path: formatted.path, extensions: { code: 'BAD_USER_INPUT' } };
  }
  if (!code || code === 'INTERNAL_SERVER_ERROR') {
    const failure = original ?? error;
    logFailure(`[graphql] ${formatted.path?.join('.') ?? 'request'}`, failure);
    // A database or service that is down (or a deadlock past its retries) is "try again", not a bug.
    if (transientReason(failure)) {
      return { message: SERVICE_UNAVAILABLE_MESSAGE, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    return {
      message: 'Internal error: the request could not be completed. Try again, and report it if it persists.',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  }
  const extensions: Record<string, unknown> = { code };
  for (const key of PASS_THROUGH_EXTENSIONS) {
    if (key !== 'code' && formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
  }
  return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
}
