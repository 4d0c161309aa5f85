import { allow, hasAnyRole, isAuthenticated } from '@scr/graphql-kit';

/** Who may do what in this subgraph, as DOMAIN.md's table says; anything unlisted is denied. */
export const permissions = {
  Query: {
    actionPlan: hasAnyRole('BOARD_MANAGER', 'BOARD_CHAIR', 'REVIEWER', 'AGENCY_CONTRIBUTOR'),
  },
  ActionPlan: isAuthenticated,
  Board: allow,
};
