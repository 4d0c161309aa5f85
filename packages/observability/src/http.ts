import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler } from 'express';
import pinoHttp from 'pino-http';
import { routeLabel } from './labels';
import { logger } from './logger';
import { httpRequestDuration } from './metrics';
import { acceptedRequestId, REQUEST_ID_HEADER, runWithRequest, type RequestState } from './request-context';

const STATE = Symbol('request state');
type WithState = IncomingMessage & { [STATE]?: RequestState };

/** Health probes and scrapes come every few seconds: counted in metrics, not written to the log. */
const QUIET = /^\/(health|metrics)(\/|$)/;

/**
 * The request line (pino-http): one per request when it ends, with method,
 * route, status, duration and, for GraphQL, the operation name and type, the
 * error codes and the caller's `sub` and board. Never headers (the token is
 * one), the query string (a GET query's text and variables) or the body.
 */
const requestLine = pinoHttp({
  logger,
  genReqId: (req) => (req as WithState)[STATE]?.requestId ?? acceptedRequestId(undefined),
  autoLogging: { ignore: (req) => QUIET.test(req.url ?? '') },
  // The request id comes from the logger's mixin (the request's async context), as on every other line.
  customAttributeKeys: { responseTime: 'durationMs' },
  wrapSerializers: false,
  serializers: {
    req: (req: IncomingMessage & { originalUrl?: string }) => ({ method: req.method, path: (req.originalUrl ?? req.url ?? '').split('?')[0]!.slice(0, 200) }),
    res: (res: ServerResponse) => ({ status: res.statusCode }),
  },
  // The request's own facts go on its line as it is written. Not `customProps`: pino-http makes two or three
  // child loggers a request for those: 2.5-3% of a part's busy time on the boards query (BENCHMARKS.md, session 14).
  customSuccessObject: (req, _res, value: Record<string, unknown>) => ({ ...value, ...factsOf(req) }),
  // A 5xx is already explained by its codes (and a bug by formatError's line): no made-up error with a stack here.
  customErrorObject: (req, _res, _error, value: Record<string, unknown>) => {
    const { err: _err, ...rest } = value;
    return { ...rest, ...factsOf(req) };
  },
  customSuccessMessage: (req, res) => `${req.method} ${res.statusCode}`,
  customErrorMessage: (req, res) => `${req.method} ${res.statusCode}`,
  customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
});

function factsOf(req: IncomingMessage): Record<string, unknown> {
  const state = (req as WithState)[STATE];
  return {
    ...(state?.operation ? { operation: state.operation } : {}),
    ...(state?.codes?.length ? { codes: state.codes } : {}),
    ...(state?.principal ? { principal: state.principal } : {}),
  };
}

/**
 * First middleware of every part: takes the caller's x-request-id (the
 * gateway's, or the client's at the gateway) or makes one, answers with it,
 * serves the rest of the request inside it (so log lines and outgoing calls
 * carry it), writes the request line and observes the HTTP histogram.
 */
export function observeRequests(): RequestHandler {
  return (req, res, next) => {
    const state: RequestState = { requestId: acceptedRequestId(req.headers[REQUEST_ID_HEADER]) };
    (req as WithState)[STATE] = state;
    res.setHeader(REQUEST_ID_HEADER, state.requestId);
    const end = httpRequestDuration.startTimer();
    res.on('finish', () => end({ method: req.method, route: routeOf(req), status: String(res.statusCode) }));
    runWithRequest(state, () => requestLine(req, res, next));
  };
}

function routeOf(req: Request): string {
  return routeLabel(req.baseUrl, (req as Request & { route?: { path?: unknown } }).route?.path);
}
