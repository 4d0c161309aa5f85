import { allow, hasAnyRole, isAuthenticated } from '@scr/graphql-kit';

const boardStaff = hasAnyRole('BOARD_MANAGER', 'BOARD_CHAIR');
// Peer-challenge chairs and reviewers read incidents their grants open; the scope in SQL decides which.
const incidentReaders = hasAnyRole('BOARD_MANAGER', 'BOARD_CHAIR', 'REVIEWER');

/** Who may do what in this subgraph, as DOMAIN.md's table says; anything unlisted is denied. */
export const permissions = {
  Query: {
    // The boards list from the copy of the directory: signed-in callers, as at the directory.
    boards: isAuthenticated,
    board: isAuthenticated,
    incident: incidentReaders,
    incidents: incidentReaders,
    panelNotifications: hasAnyRole('PANEL', 'ADMIN'),
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
  // A board's name is public, as at the directory.
  Board: { code: allow, name: allow, incidentStats: hasAnyRole('BOARD_MANAGER', 'BOARD_CHAIR', 'ANALYST', 'PANEL', 'ADMIN') },
  AnnualReport: hasAnyRole('BOARD_MANAGER', 'BOARD_CHAIR', 'ANALYST', 'PANEL', 'ADMIN'),
  StatCell: isAuthenticated,
  PanelNotification: isAuthenticated,
  PanelNotificationEdge: isAuthenticated,
  PanelNotificationConnection: isAuthenticated,
  PanelChild: isAuthenticated,
};
