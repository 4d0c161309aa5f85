import { allow, hasAnyRole, isAuthenticated } from '@scr/graphql-kit';

const boardStaff = hasAnyRole('BOARD_MANAGER', 'BOARD_CHAIR');
// Peer-challenge chairs are chairs; rows are scoped in SQL to the grants each caller holds.
const planReaders = hasAnyRole('BOARD_MANAGER', 'BOARD_CHAIR', 'REVIEWER');
const actionReaders = hasAnyRole('BOARD_MANAGER', 'BOARD_CHAIR', 'REVIEWER', 'AGENCY_CONTRIBUTOR', 'ADMIN');
const statisticsReaders = hasAnyRole('BOARD_MANAGER', 'BOARD_CHAIR', 'ANALYST', 'PANEL', 'ADMIN');

/** Who may do what in this subgraph, as DOMAIN.md's table says; anything unlisted is denied. */
export const permissions = {
  Query: {
    actionPlan: planReaders,
    actions: hasAnyRole('BOARD_MANAGER', 'BOARD_CHAIR', 'REVIEWER', 'AGENCY_CONTRIBUTOR'),
    overdueActions: hasAnyRole('BOARD_MANAGER', 'BOARD_CHAIR', 'ADMIN'),
  },
  Mutation: {
    createActionPlan: boardStaff,
    addAction: boardStaff,
    assessImpact: boardStaff,
    recordProgrammeAudit: boardStaff,
    updateAction: hasAnyRole('BOARD_MANAGER', 'BOARD_CHAIR', 'AGENCY_CONTRIBUTOR'),
  },
  ActionPlan: planReaders,
  Action: actionReaders,
  ActionUpdate: isAuthenticated,
  ProgrammeAudit: isAuthenticated,
  ImpactAssessment: isAuthenticated,
  ActionProgress: isAuthenticated,
  PublicationSummary: isAuthenticated,
  ActionConnection: isAuthenticated,
  ActionEdge: isAuthenticated,
  PageInfo: isAuthenticated,
  Agency: isAuthenticated,
  // A board's name is public, as at the directory.
  Board: { code: allow, name: allow, actionProgress: statisticsReaders },
  AnnualReport: statisticsReaders,
  Review: { id: isAuthenticated, actionPlan: planReaders },
};
