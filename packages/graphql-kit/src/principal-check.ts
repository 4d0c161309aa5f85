import type { Principal } from '@scr/auth';
import type { InternalClient } from './internal-client';

export interface PrincipalFacts {
  boardExists: boolean;
  agencyExists: boolean;
  reviewerExists: boolean;
}

const YES_TTL_MS = 5_000;

/**
 * Refuses tokens that name a board, agency or reviewer the directory does not
 * hold. A "yes" is cached for 5 seconds; a "no" never is, so a newly
 * registered agency works on the very next request.
 */
export class PrincipalChecker {
  private readonly yes = new Map<string, number>();

  constructor(private readonly client: InternalClient) {}

  /** Returns why the principal is refused, or undefined when it may proceed. */
  async problem(principal: Principal): Promise<string | undefined> {
    if (!principal.board && !principal.agency && !principal.reviewer) return undefined;
    const key = `${principal.board ?? ''}|${principal.agency ?? ''}|${principal.reviewer ?? ''}`;
    const until = this.yes.get(key);
    if (until && until > Date.now()) return undefined;
    const checks: Promise<string | undefined>[] = [];
    if (principal.board || principal.agency) {
      checks.push(
        this.client
          .post<PrincipalFacts>('agencies', '/directory/check', { board: principal.board, agency: principal.agency })
          .then((facts) => {
            if (principal.board && !facts.boardExists) return `The token names board "${principal.board}", which does not exist.`;
            if (principal.agency && !facts.agencyExists) return `The token names agency "${principal.agency}", which does not exist.`;
            return undefined;
          }),
      );
    }
    if (principal.reviewer) {
      checks.push(
        this.client
          .get<{ exists: boolean }>('reviews', `/reviewers/${encodeURIComponent(principal.reviewer)}/exists`)
          .then((r) => (r.exists ? undefined : `The token names reviewer "${principal.reviewer}", who does not exist.`)),
      );
    }
    const problems = (await Promise.all(checks)).filter(Boolean);
    if (problems.length) return problems[0];
    this.yes.set(key, Date.now() + YES_TTL_MS);
    return undefined;
  }
}
