import type { ServiceName } from '@scr/config';

export type Principal = { roles: string[]; board?: string };

/** One read load: a GraphQL request sent again and again, to the gateway or straight to one subgraph. */
export interface ReadScenario {
  name: string;
  description: string;
  /** Undefined: through the gateway. */
  direct?: ServiceName;
  principal: Principal;
  query: string;
  variables?: (facts: { richReviewId: string }) => Record<string, unknown>;
}

const BOARDS = `{ boards { code name kind } }`;

const listOf = (first: number) => `{
  incidents(first: ${first}) {
    edges { node { id reference board { name } children { pseudonym ageBand } reviews { stage kind } } }
  }
}`;
const LIST = listOf(50);

const REVIEW = `query Review($id: ID!) {
  review(id: $id) {
    id reference kind stage decisionDueOn initiatedOn completionDueOn completedOn timescaleStatus findings themes
    decision { outcome criteriaMet partnersAgreed decidedOn onTime }
    incident { id reference criterion awareOn notifiedOn children { pseudonym ageBand sex ethnicity } }
    board { code name }
    appointments { lead appointedOn reviewer { id name qualifications } }
    involvedAgencies { id name sector }
    publication { url publishedOn availableUntil }
    actionPlan {
      id
      progress { total completed inProgress overdue impactEvidenced }
      actions {
        id recommendation status dueOn rag overdue completedOn
        ownerAgency { id name }
        impact { assessedOn rating evidence }
        updates { at by status note }
      }
    }
  }
}`;

/** The review page's calls with next to nothing asked: reviews, then action-plans (the incident's id is on the review's own row, so incidents is not called). */
const REVIEW_IDS = `query ReviewIds($id: ID!) { review(id: $id) { id incident { id } actionPlan { id } } }`;

const STATS = `{
  boards {
    code
    incidentStats(from: "2015-01-01", to: "2026-12-31", interval: YEAR, by: AGE_BAND) { period key count suppressed }
  }
}`;

const LEEDS_MANAGER: Principal = { roles: ['BOARD_MANAGER'], board: 'LEEDS' };
const ANALYST: Principal = { roles: ['ANALYST'] };

/** The read scenarios, in the order of its table, then two that measure their floor. */
export const READ_SCENARIOS: ReadScenario[] = [
  {
    name: 'direct-boards',
    description: '{ boards { code name kind } } straight to the agencies subgraph (baseline)',
    direct: 'agencies',
    principal: LEEDS_MANAGER,
    query: BOARDS,
  },
  { name: 'boards', description: 'the same boards query through the gateway', principal: LEEDS_MANAGER, query: BOARDS },
  { name: 'list', description: 'incidents(first: 50) with board, children, reviews', principal: LEEDS_MANAGER, query: LIST },
  {
    name: 'review',
    description: 'one review with incident, children, board, appointments, agencies, plan, actions, owners, updates, impact',
    principal: LEEDS_MANAGER,
    query: REVIEW,
    variables: (f) => ({ id: f.richReviewId }),
  },
  { name: 'stats', description: "all five boards' incidentStats(by: AGE_BAND, interval: YEAR) 2015-2026", principal: ANALYST, query: STATS },
  // Not in the table. What the list and the review page cost before any rows: the same parts and
  // subgraph calls, one row or only ids. Their ratio to direct bounds what the full scenarios can reach.
  { name: 'list-one-row', description: 'the list query with first: 1 (gateway, incidents, reviews)', principal: LEEDS_MANAGER, query: listOf(1) },
  {
    name: 'review-ids',
    description: 'review(id) { id incident { id } actionPlan { id } } (gateway, reviews, action-plans)',
    principal: LEEDS_MANAGER,
    query: REVIEW_IDS,
    variables: (f) => ({ id: f.richReviewId }),
  },
];

export const REPORT_INCIDENT = `mutation Report($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }`;
export const RECORD_NOTIFICATION = `mutation Notify($id: ID!, $on: Date!) { recordNotification(incidentId: $id, notifiedOn: $on) { id } }`;
