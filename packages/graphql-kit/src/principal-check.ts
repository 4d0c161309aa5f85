import { GraphQLError } from 'graphql';
import { AuthenticationError, type Principal } from '@scr/auth';
import { AppError, unauthenticated } from './errors';
import { ask, directoryCheck, reviewerExists, type InternalTransport } from '@scr/internal-api';
import { logFailure, transientReason } from './log-failure';

const YES_TTL_MS = 5_000;

/**
 * Refuses tokens that name a board, agency or reviewer the directory does not
 * hold. A "yes" is cached for 5 seconds; a "no" never is, so a newly
 * registered agency works on the very next request.
 */
export class PrincipalChecker {
  private readonly yes = new Map<string, number>();

  constructor(private readonly client: InternalTransport) {}

  /** Returns why the principal is refused, or undefined when it may proceed. */
  async problem(principal: Principal): Promise<string | undefined> {
    if (!principal.board && !principal.agency && !principal.reviewer) return undefined;
    const key = `${principal.board ?? ''}|${principal.agency ?? ''}|${principal.reviewer ?? ''}`;
    const until = this.yes.get(key);
    if (until && until > Date.now()) return undefined;
    const checks: Promise<string | undefined>[] = [];
    if (principal.board || principal.agency) {
      checks.push(
        ask(this.client, directoryCheck, { board: principal.board, agency: principal.agency }).then((facts) => {
          if (principal.board && !facts.boardExists) return `The token names board "${principal.board}", which does not exist.`;
          if (principal.agency && !facts.agencyExists) return `The token names agency "${principal.agency}", which does not exist.`;
          return undefined;
        }),
      );
    }
    if (principal.reviewer) {
      checks.push(
        ask(this.client, reviewerExists, { id: principal.reviewer }).then((r) =>
          r.exists ? undefined : `The token names reviewer "${principal.reviewer}", who does not exist.`,
        ),
      );
    }
    const problems = (await Promise.all(checks)).filter(Boolean);
    if (problems.length) return problems[0];
    this.yes.set(key, Date.now() + YES_TTL_MS);
    return undefined;
  }
}

/**
 * The answer when a token could not be accepted: a bad token is
 * UNAUTHENTICATED; a directory (or its database) that did not answer says
 * nothing about the token, so the caller is told to retry, never signed out;
 * anything else (the directory refused the call, a bug) is an internal error,
 * which a retry would not mend either.
 */
export function principalCheckFailure(error: unknown): GraphQLError {
  if (error instanceof AuthenticationError) return unauthenticated(error.message);
  logFailure('[principal check]', error);
  if (transientReason(error)) {
    return new AppError('SERVICE_UNAVAILABLE', 'Your token could not be checked just now: the directory did not answer. Try again in a minute.');
  }
  return new GraphQLError('Internal error: your token could not be checked. Try again, and report it if it persists.', {
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  });
}
