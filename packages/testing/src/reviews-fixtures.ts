import type { TestPlatform } from './test-platform';
import { incidentInput, reportIncident } from './fixtures';

/** Polls until fn returns something truthy, or fails after timeoutMs (events cross services asynchronously). */
export async function eventually<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const REVIEW_FIELDS = `id reference kind stage decisionDueOn initiatedOn completionDueOn completedOn timescaleStatus version findings
  board { code } incident { id reference }
  decision { outcome criteriaMet partnersAgreed rationale decidedOn decidedBy onTime }
  extension { reason completionDueOn interimLearning } methodology { name dataCollection analysis }
  appointments { lead appointedOn independenceStatement reviewer { id name } } involvedAgencies { id name }
  themes parallelProcesses { kind reference leadOrganisation } familyEngagement { participant engagedOn contributed note }
  publication { url sentToPanelOn publishedOn availableUntil plainEnglishSummary }`;

export type ReviewView = Record<string, unknown> & { id: string; stage: string; kind: string; version: number };

/** The review an incident opened, once the event has crossed to the reviews subgraph. */
export async function reviewOf(t: TestPlatform, token: string, incidentId: string): Promise<ReviewView> {
  return eventually(
    async () => {
      const res = await t.gql<{ incident: { reviews: ReviewView[] } | null }>(token, `{ incident(id: "${incidentId}") { reviews { ${REVIEW_FIELDS} } } }`);
      return res.data?.incident?.reviews[0];
    },
    10_000,
    `the review of incident ${incidentId}`,
  );
}

/** Reports and notifies an incident for the board, and answers its review once opened. */
export async function notifiedCase(t: TestPlatform, token: string, board: string, overrides: Record<string, unknown> = {}, daysAgo = 3) {
  const incident = await reportIncident(t, token, incidentInput(board, overrides, daysAgo));
  const input = incidentInput(board, overrides, daysAgo);
  const res = await t.gql(token, `mutation($id: ID!, $on: Date!) { recordNotification(incidentId: $id, notifiedOn: $on) { id } }`, {
    id: incident.id,
    on: input.awareOn,
  });
  if (res.errors) throw new Error(`recordNotification failed: ${JSON.stringify(res.errors)}`);
  return { incident, review: await reviewOf(t, token, incident.id), notifiedOn: input.awareOn as string };
}

export async function mutate<T = Record<string, unknown>>(t: TestPlatform, token: string, query: string, variables: Record<string, unknown>) {
  const res = await t.gql<T>(token, query, variables);
  if (res.errors) throw new Error(`mutation failed: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}
