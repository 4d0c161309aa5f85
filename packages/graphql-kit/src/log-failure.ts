import { IdentityProviderUnavailableError } from '@scr/auth';
import { transientFailureReason } from '@scr/db';
import { logger } from '@scr/observability';
import { ServiceUnavailableError } from './internal-client';

/** Why the failure is transient ("retry later"), in a few words; undefined when it is not. */
export function transientReason(error: unknown): string | undefined {
  if (error instanceof ServiceUnavailableError || error instanceof IdentityProviderUnavailableError) return error.message;
  return transientFailureReason(error);
}

/** What a caller is told when a failure is transient (DOMAIN.md: SERVICE_UNAVAILABLE, HTTP 503 at the gateway). */
export const SERVICE_UNAVAILABLE_MESSAGE = 'The service is briefly unavailable (a database or service it needs did not answer). Try again in a minute.';

/**
 * One line per failed operation. A transient failure gets its short reason
 * and no stack (it is expected during an outage and says nothing about the
 * code); anything else gets its stack, never the error object, whose
 * `query` and `parameters` (TypeORM's QueryFailedError) would put SQL text
 * and values in the log.
 */
export function logFailure(where: string, error: unknown, log: (line: string) => void = (line) => logger.error(line)): void {
  const reason = transientReason(error);
  if (reason) {
    log(`${where}: ${reason}`);
    return;
  }
  const e = error as { stack?: string; message?: string } | undefined;
  log(`${where}: ${e?.stack ?? e?.message ?? String(error)}`);
}
