import { allow, hasAnyRole, isAuthenticated } from '@scr/graphql-kit';

/** Who may do what in this subgraph, as DOMAIN.md's table says; anything unlisted is denied. */
export const permissions = {
  Query: {
    me: isAuthenticated,
    boards: isAuthenticated,
    board: isAuthenticated,
    agencies: isAuthenticated,
    agency: isAuthenticated,
    panelWebhookDeliveries: hasAnyRole('ADMIN'),
    auditEvents: hasAnyRole('ADMIN', 'BOARD_CHAIR'),
  },
  Mutation: {
    registerAgency: hasAnyRole('ADMIN'),
    updateBoard: hasAnyRole('ADMIN'),
    retryPanelWebhookDelivery: hasAnyRole('ADMIN'),
  },
  // Board code, name and kind are public: published reviews show them to anyone.
  Board: {
    code: allow,
    name: allow,
    kind: allow,
    partnershipArrangementsFrom: isAuthenticated,
    agencies: isAuthenticated,
  },
  Agency: isAuthenticated,
  Principal: isAuthenticated,
  Reviewer: isAuthenticated,
  PanelWebhookDelivery: hasAnyRole('ADMIN'),
  AuditEvent: isAuthenticated,
  AuditEventEdge: isAuthenticated,
  AuditEventConnection: isAuthenticated,
  PageInfo: isAuthenticated,
};
