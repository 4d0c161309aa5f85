import { ask, type InternalTransport } from './route';
import { grants, type CaseGrantHolder, type CaseGrants } from './reviews';

/**
 * Case grants (peer challenge, reviewer appointment) are owned by the reviews
 * subgraph; this asks it once per request, so a new grant or a revocation
 * takes effect at once.
 */
export class GrantsClient {
  private memo?: Promise<CaseGrants>;

  constructor(private readonly transport: InternalTransport) {}

  forPrincipal(principal: CaseGrantHolder): Promise<CaseGrants> {
    this.memo ??= ask(this.transport, grants, { roles: principal.roles, board: principal.board, reviewer: principal.reviewer });
    return this.memo;
  }
}
