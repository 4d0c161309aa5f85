import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { ApiError, codeForHttpStatus, isApiErrorCode, retryAfterSeconds, type GraphQLErrorEntry } from './errors';

export interface ClientOptions {
  /** The gateway's GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** Bearer token (a JWT); a function is asked before every request, for tokens that rotate. Omit for public fields. */
  token?: string | (() => string | Promise<string>);
  /** Give up on a request after this long (default 30 s): SERVICE_UNAVAILABLE. */
  timeoutMs?: number;
  /** Another fetch (tests, proxies); the global one by default. */
  fetch?: typeof fetch;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
}

export interface Client {
  /** Runs one operation; answers its data, or throws ApiError with a DOMAIN.md code. */
  request<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    ...variables: Record<string, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables]
  ): Promise<TData>;
}

interface GraphQLResponse {
  data?: unknown;
  errors?: GraphQLErrorEntry[];
}

/** A small GraphQL client over fetch for the consortium API. */
export function createClient(options: ClientOptions): Client {
  const doFetch = options.fetch ?? fetch;
  const printed = new WeakMap<object, string>();
  const source = (document: TypedDocumentNode<unknown, never>) => {
    let text = printed.get(document);
    if (text === undefined) printed.set(document, (text = print(document)));
    return text;
  };

  return {
    async request(document, ...[variables]) {
      const token = typeof options.token === 'function' ? await options.token() : options.token;
      let response: Response;
      try {
        response = await doFetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/graphql-response+json, application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...options.headers,
          },
          body: JSON.stringify({ query: source(document as TypedDocumentNode<unknown, never>), variables: variables ?? {} }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
        });
      } catch (cause) {
        throw new ApiError('SERVICE_UNAVAILABLE', `Could not reach the API at ${options.url}; try again later.`, { status: 0, cause });
      }
      const body = await readJson(response);
      const retryAfter = retryAfterSeconds(response.headers.get('retry-after'));
      const errors = body?.errors;
      const first = errors?.[0];
      if (errors && first) {
        const code = first.extensions?.code;
        throw new ApiError(isApiErrorCode(code) ? code : 'INTERNAL_SERVER_ERROR', first.message, {
          status: response.status,
          field: typeof first.extensions?.field === 'string' ? first.extensions.field : undefined,
          retryAfterSeconds: retryAfter,
          errors,
          partialData: body?.data ?? undefined,
        });
      }
      if (!response.ok || body?.data == null) {
        throw new ApiError(codeForHttpStatus(response.ok ? 500 : response.status), `The API answered HTTP ${response.status} without a GraphQL result.`, {
          status: response.status,
          retryAfterSeconds: retryAfter,
        });
      }
      return body.data as never;
    },
  };
}

async function readJson(response: Response): Promise<GraphQLResponse | undefined> {
  const text = await response.text();
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as GraphQLResponse) : undefined;
  } catch {
    return undefined;
  }
}
