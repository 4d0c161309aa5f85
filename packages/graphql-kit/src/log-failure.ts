import { IdentityProviderUnavailableError } from '@scr/auth';
import { transientFailureReason } from '@scr/db/errors';
import { logger, RepeatSummariser } from '@scr/observability';
import { ServiceUnavailableError } from './internal-client';

/** Why the failure is transient ("retry later"), in a few words; undefined when it is not. */
export function transientReason(error: unknown): string | undefined {
  if (error instanceof ServiceUnavailableError || error instanceof IdentityProviderUnavailableError) return error.message;
  return transientFailureReason(error);
}

/** What a caller is told when a failure is transient (DOMAIN.md: SERVICE_UNAVAILABLE, HTTP 503 at the gateway). */
export const SERVICE_UNAVAILABLE_MESSAGE = 'The service is briefly unavailable (a database or service it needs did not answer). Try again in a minute.';

/** Writes one failure's line (or holds it back, if the same transient failure was just logged). */
export type FailureLogger = (where: string, error: unknown) => void;

/**
 * One line per failed operation. A transient failure gets its short reason
 * and no stack (it is expected during an outage and says nothing about the
 * code), and the same transient failure at the same place is logged once a
 * minute with a count, not once per request: during an outage every request
 * fails alike, at the service that needs the dead part and at the part that
 * answers 503, and the access log already has a line for each. Anything
 * else gets its stack every time, never the error object, whose `query` and
 * `parameters` (TypeORM's QueryFailedError) would put SQL text and values in
 * the log.
 */
export function createFailureLogger(log: (line: string) => void = (line) => logger.error(line), summary = new RepeatSummariser(60_000, log)): FailureLogger {
  return (where, error) => {
    const reason = transientReason(error);
    if (reason) {
      summary.report(`${where}: ${reason}`, `${where}: ${reason}`);
      return;
    }
    const e = error as { stack?: string; message?: string } | undefined;
    log(`${where}: ${e?.stack ?? e?.message ?? String(error)}`);
  };
}

export const logFailure: FailureLogger = createFailureLogger();
