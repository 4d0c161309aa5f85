import { allow, hasAnyRole, isAuthenticated } from '@scr/graphql-kit';

/** Who may do what in this subgraph, as DOMAIN.md's table says; anything unlisted is denied. */
export const permissions = {
  Query: {
    reviewers: hasAnyRole('BOARD_MANAGER', 'BOARD_CHAIR', 'ADMIN'),
  },
  Mutation: {
    registerReviewer: hasAnyRole('ADMIN'),
  },
  Reviewer: isAuthenticated,
  Agency: isAuthenticated,
  Board: allow,
};
