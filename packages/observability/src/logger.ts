import pino, { type Logger } from 'pino';
import { trace } from '@opentelemetry/api';
import { currentRequestId } from './request-context';

/**
 * The platform's one logger: JSON lines on stdout (pino), at LOG_LEVEL (default
 * info). Every line written while a request is being served carries its
 * `requestId` (and, with tracing on, its `traceId`), so one request's lines
 * can be joined across the gateway and the subgraphs. Human-readable output
 * only when a person watches: stdout a terminal and NODE_ENV not production.
 *
 * What goes in a line is chosen by the caller: never a token, a payload, SQL
 * parameters or free text from a request (see logFailure and the request line).
 */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** LOG_LEVEL, default info; under jest (JEST_WORKER_ID) default error, so a test run is not a request log. */
export function logLevel(env: NodeJS.ProcessEnv = process.env): string {
  const wanted = (env.LOG_LEVEL ?? '').trim().toLowerCase();
  if ((LOG_LEVELS as readonly string[]).includes(wanted)) return wanted;
  return env.JEST_WORKER_ID ? 'error' : 'info';
}

/**
 * Pretty lines only for a person at a terminal in development; machines always
 * get JSON. LOG_PRETTY=1 is how `pnpm start` says its own stdout, where the
 * parts' lines end up, is a terminal (theirs is a pipe to it).
 */
export function wantsPretty(env: NodeJS.ProcessEnv = process.env, isTTY = !!process.stdout.isTTY): boolean {
  if (env.NODE_ENV === 'production' || env.NODE_ENV === 'test' || env.JEST_WORKER_ID) return false;
  return isTTY || env.LOG_PRETTY === '1';
}

/** The process's part; a mixin rather than a binding, so loggers made before it was known (pino-http's) carry it too. */
let part: string | undefined;

function createLogger(): Logger {
  const options: pino.LoggerOptions = {
    level: logLevel(),
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // An error object is written as type, message and stack only: TypeORM's errors carry SQL and its values.
    serializers: { err: (e: { name?: string; message?: string; stack?: string }) => ({ type: e?.name, message: e?.message, stack: e?.stack }) },
    mixin() {
      const requestId = currentRequestId();
      const span = trace.getActiveSpan()?.spanContext();
      return {
        ...(part ? { part } : {}),
        ...(requestId ? { requestId } : {}),
        ...(span && trace.isSpanContextValid(span) ? { traceId: span.traceId } : {}),
      };
    },
  };
  if (wantsPretty()) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } });
  }
  return pino(options);
}

export const logger: Logger = createLogger();

/** Names the process's part (gateway, incidents, ...) on every line it writes from now on. */
export function setLogPart(name: string): void {
  part = name;
}

export type { Logger };
