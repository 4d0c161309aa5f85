import { GraphQLError } from 'graphql';
import { formatError } from '../format-error';
import { InternalCallError, ServiceUnavailableError } from '../internal-client';
import { createFailureLogger } from '../log-failure';
import { principalCheckFailure } from '../principal-check';
import { AuthenticationError } from '@scr/auth';
import { logger, RepeatSummariser } from '@scr/observability';

/** A database error as TypeORM throws it: the SQL and its values ride along. */
function queryFailed(code: string, message: string) {
  return Object.assign(new Error(message), {
    name: 'QueryFailedError',
    query: 'SELECT * FROM incidents WHERE board_code = ?',
    parameters: ['SECRET-VALUE'],
    driverError: Object.assign(new Error(message), { code }),
  });
}

/** As Apollo hands an error thrown in a resolver to formatError. */
function resolverError(original: Error) {
  const error = new GraphQLError(original.message, { path: ['incidents'], originalError: original });
  return [{ message: original.message, path: ['incidents'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error] as const;
}

let lines: string[];
beforeEach(() => {
  lines = [];
  jest.spyOn(logger, 'error').mockImplementation(((...args: unknown[]) => void lines.push(args.map(String).join(' '))) as never);
});
afterEach(() => jest.restoreAllMocks());

describe('formatError', () => {
  it('answers an unreachable database as SERVICE_UNAVAILABLE in plain words, logging one short line without SQL or stack', () => {
    const answer = formatError(...resolverError(queryFailed('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:3306')));
    expect(answer.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(answer.message).toMatch(/Try again in a minute/);
    expect(lines).toEqual(['[graphql] incidents: unreachable (ECONNREFUSED)']);
  });

  it('still answers a bug as INTERNAL_SERVER_ERROR, logging its stack but never the SQL or its values', () => {
    const answer = formatError(...resolverError(queryFailed('ER_NO_SUCH_TABLE', "Table 'x.incidents' doesn't exist")));
    expect(answer.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[graphql\] incidents: QueryFailedError: Table/);
    expect(lines[0]).not.toContain('SECRET-VALUE');
    expect(lines[0]).not.toContain('board_code = ?');
  });
});

describe('principalCheckFailure', () => {
  it('is SERVICE_UNAVAILABLE when the directory did not answer, never UNAUTHENTICATED', () => {
    expect(principalCheckFailure(new ServiceUnavailableError('agencies', 'fetch failed')).extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(lines).toEqual(['[principal check]: The agencies service did not answer (fetch failed).']);
  });

  it('is SERVICE_UNAVAILABLE when the directory answered that its own database is unreachable', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' });
    expect(principalCheckFailure(refused).extensions.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('is INTERNAL_SERVER_ERROR, not "retry" and not UNAUTHENTICATED, when the directory refused the call (HTTP 4xx)', () => {
    const failure = principalCheckFailure(new InternalCallError('agencies', '/directory/check', 400));
    expect(failure.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(failure.message).not.toMatch(/sign in|token is invalid/i);
  });

  it('is INTERNAL_SERVER_ERROR for a bug (not a transient failure)', () => {
    expect(principalCheckFailure(new TypeError('x is undefined')).extensions.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('is UNAUTHENTICATED for a bad token', () => {
    const refusal = principalCheckFailure(new AuthenticationError('The bearer token is invalid or expired: sign in again.'));
    expect(refusal.extensions.code).toBe('UNAUTHENTICATED');
    expect(refusal.message).toBe('The bearer token is invalid or expired: sign in again.');
  });
});

describe('logFailure', () => {
  function failureLog() {
    const seen: string[] = [];
    let now = 0;
    const timers: (() => void)[] = [];
    const log = (line: string) => seen.push(line);
    const logFailure = createFailureLogger(
      log,
      new RepeatSummariser(
        60_000,
        log,
        () => now,
        (flush) => timers.push(flush),
      ),
    );
    return { seen, logFailure, at: (ms: number) => (now = ms), fireTimers: () => timers.splice(0).forEach((flush) => flush()) };
  }

  it('writes a transient failure as one line with its reason', () => {
    const { seen, logFailure } = failureLog();
    logFailure('[http] POST /internal/directory/check', new Error('Pool is closed.'));
    expect(seen).toEqual(['[http] POST /internal/directory/check: database unreachable (Pool is closed)']);
  });

  it('writes 150 identical transient failures in an outage as the first and, when its minute ends, a count', () => {
    const { seen, logFailure, at, fireTimers } = failureLog();
    for (let i = 0; i < 150; i++) {
      at(i * 100);
      logFailure('[principal check]', new ServiceUnavailableError('agencies', 'HTTP 503'));
    }
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^\[principal check\]: .*agencies/);
    at(60_000);
    fireTimers();
    expect(seen).toEqual([seen[0], `${seen[0]}: 149 more failures like this in the last 60 s`]);
  });

  it('writes a different place or reason at once', () => {
    const { seen, logFailure } = failureLog();
    logFailure('[principal check]', new ServiceUnavailableError('agencies', 'HTTP 503'));
    logFailure('[http] POST /internal/directory/check', new Error('Pool is closed.'));
    logFailure('[principal check]', new ServiceUnavailableError('agencies', 'fetch failed'));
    expect(seen).toHaveLength(3);
  });

  it('writes every failure that is not transient (a bug), with its stack', () => {
    const { seen, logFailure } = failureLog();
    logFailure('[graphql] incidents', new TypeError('x is undefined'));
    logFailure('[graphql] incidents', new TypeError('x is undefined'));
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatch(/TypeError: x is undefined\n\s+at /);
  });
});
