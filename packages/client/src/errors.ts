/**
 * DOMAIN.md's error codes ("Limits and errors"), plus the gateway's
 * INTERNAL_SERVER_ERROR for an unexpected failure. Every failure the client
 * reports carries one of them, whatever went wrong on the way.
 */
export const API_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'NOT_NOTIFIABLE',
  'INVALID_STAGE',
  'CONFLICT',
  'NOT_INDEPENDENT',
  'PUBLICATION_CHECKS_INCOMPLETE',
  'EMBARGOED',
  'PERSONAL_DATA_IN_PUBLICATION',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'INTERNAL_SERVER_ERROR',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** One entry of a GraphQL response's `errors`. */
export interface GraphQLErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

/** A refused or failed request: `code` says what kind, `message` what to do, `field` which input. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details: {
      /** HTTP status of the answer; 0 when the API could not be reached. */
      status: number;
      /** The input field at fault, for input errors. */
      field?: string;
      /** Seconds to wait before trying again (RATE_LIMITED, SERVICE_UNAVAILABLE). */
      retryAfterSeconds?: number;
      /** Every error of the answer (the first one gave code and message). */
      errors?: GraphQLErrorEntry[];
      /** What the API did answer alongside the errors, if anything. */
      partialData?: unknown;
      cause?: unknown;
    },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }

  get status() {
    return this.details.status;
  }

  get field() {
    return this.details.field;
  }

  /** Worth retrying unchanged later: the API was busy or partly down. */
  get retryable() {
    return this.code === 'RATE_LIMITED' || this.code === 'SERVICE_UNAVAILABLE';
  }
}

export function isApiErrorCode(code: unknown): code is ApiErrorCode {
  return typeof code === 'string' && (API_ERROR_CODES as readonly string[]).includes(code);
}

/** The code for an answer that carried no GraphQL error (a proxy's page, an empty body). */
export function codeForHttpStatus(status: number): ApiErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return 'BAD_USER_INPUT';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 502 || status === 503 || status === 504) return 'SERVICE_UNAVAILABLE';
  if (status >= 400 && status < 500) return 'BAD_USER_INPUT';
  return 'INTERNAL_SERVER_ERROR';
}

/** `Retry-After` in seconds (a number or an HTTP date), if given. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}
