import type { Principal } from '@scr/auth';
import type { InternalClient } from './internal-client';

export interface CaseGrants {
  incidentIds: string[];
  reviewIds: string[];
}

/**
 * Case grants (peer challenge, reviewer appointment) are owned by the reviews
 * subgraph; this asks it on every request so a new grant or a revocation
 * takes effect at once.
 */
export class GrantsClient {
  private memo?: Promise<CaseGrants>;

  constructor(private readonly client: InternalClient) {}

  forPrincipal(principal: Principal): Promise<CaseGrants> {
    this.memo ??= this.client.post<CaseGrants>('reviews', '/grants', {
      roles: principal.roles,
      board: principal.board,
      reviewer: principal.reviewer,
    });
    return this.memo;
  }
}
