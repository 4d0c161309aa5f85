import { allow, hasAnyRole, isAuthenticated } from '@scr/graphql-kit';

const boardStaff = hasAnyRole('BOARD_MANAGER', 'BOARD_CHAIR');
// Peer-challenge chairs and reviewers read incidents their grants open; the scope in SQL decides which.
const incidentReaders = hasAnyRole('BOARD_MANAGER', 'BOARD_CHAIR', 'REVIEWER');

/** Who may do what in this subgraph, as DOMAIN.md's table says; anything unlisted is denied. */
export const permissions = {
  Query: {
    incident: incidentReaders,
    incidents: incidentReaders,
  },
  Mutation: {
    reportIncident: boardStaff,
    correctIncident: boardStaff,
    recordNotification: boardStaff,
  },
  Incident: isAuthenticated,
  IncidentChild: isAuthenticated,
  ChildIdentity: isAuthenticated,
  IncidentConnection: isAuthenticated,
  IncidentEdge: isAuthenticated,
  PageInfo: isAuthenticated,
  Board: allow,
};
