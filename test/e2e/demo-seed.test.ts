import { compareIsoDates, todayInLondon } from '@scr/calendar';
import { seedDemoData } from '@scr/platform';
import { startTestPlatform, type TestPlatform } from '@scr/testing';

let t: TestPlatform;
let manager: string;
const today = todayInLondon();

// `pnpm start`'s database: the seed sends some 1,500 requests, too slow to repeat on MySQL in every run.
const onSqlite = process.env.E2E_DB === 'sqlite' ? describe : describe.skip;

interface ReviewRow {
  kind: string;
  stage: string;
  decisionDueOn: string | null;
  extension: { agreedOn: string } | null;
  appointments: { lead: boolean }[];
  informationRequests: { status: string }[];
  peerChallenges: { status: string }[];
}

interface ActionRow {
  rag: string;
  status: string;
  impact: { rating: string } | null;
  updates: unknown[];
}

const LEEDS_REVIEWS = `{ reviews(filter: { boardCodes: ["LEEDS"] }, first: 100) { edges { node {
  kind stage decisionDueOn extension { agreedOn } appointments { lead } informationRequests { status } peerChallenges { status }
} } } }`;
const LEEDS_ACTIONS = `{ actions(filter: { boardCode: "LEEDS" }, first: 100) { edges { node { rag status impact { rating } updates { status } } } } }`;

/** The stage a person reading the review would name, as the issue lists them. */
function stageOf(r: ReviewRow): string {
  if (r.stage === 'AWAITING_DECISION') return compareIsoDates(r.decisionDueOn!, today) < 0 ? 'OVERDUE_DECISION' : 'AWAITING_DECISION';
  if (r.stage === 'IN_PROGRESS' && r.extension) return 'EXTENDED';
  if (r.stage === 'IN_PROGRESS')
    return r.appointments.some((a) => a.lead) && r.informationRequests.length > 0 ? 'IN_PROGRESS' : 'IN_PROGRESS_WITHOUT_REVIEWERS';
  return r.stage;
}

onSqlite('demo data on an empty platform', () => {
  let reviews: ReviewRow[];
  beforeAll(async () => {
    t = await startTestPlatform({ database: 'sqlite' });
    await seedDemoData(t.config, `http://127.0.0.1:${t.platform.gateway.port}/graphql`);
    manager = await t.token({ subject: 'manager-LEEDS', roles: ['BOARD_MANAGER'], board: 'LEEDS' });
  }, 600_000);
  afterAll(() => t?.stop());

  beforeAll(async () => {
    const res = await t.gql<{ reviews: { edges: { node: ReviewRow }[] } }>(manager, LEEDS_REVIEWS);
    expect(res.errors).toBeUndefined();
    reviews = res.data!.reviews.edges.map((e) => e.node);
  });

  it('gives LEEDS a case at every stage under the partnership regime', () => {
    const stages = new Set(reviews.filter((r) => r.kind !== 'SERIOUS_CASE_REVIEW').map(stageOf));
    for (const stage of ['AWAITING_DECISION', 'OVERDUE_DECISION', 'IN_PROGRESS', 'EXTENDED', 'REPORT_FINAL', 'PUBLISHED', 'NOT_PROCEEDING']) {
      expect([stage, stages.has(stage)]).toEqual([stage, true]);
    }
  });

  it('gives LEEDS serious case reviews under the LSCB regime at every stage the old regime can still show', () => {
    const stages = new Set(reviews.filter((r) => r.kind === 'SERIOUS_CASE_REVIEW').map(stageOf));
    for (const stage of ['OVERDUE_DECISION', 'IN_PROGRESS', 'EXTENDED', 'REPORT_FINAL', 'PUBLISHED', 'NOT_PROCEEDING']) {
      expect([stage, stages.has(stage)]).toEqual([stage, true]);
    }
  });

  it('holds information requests both open and answered, and peer challenges active and answered', () => {
    const requests = reviews.flatMap((r) => r.informationRequests.map((q) => q.status));
    expect(new Set(requests)).toEqual(new Set(['OPEN', 'RESPONDED']));
    const challenges = reviews.flatMap((r) => r.peerChallenges.map((c) => c.status));
    expect(new Set(challenges)).toEqual(new Set(['ACTIVE', 'RESPONDED']));
  });

  it('holds action plans with actions in every RAG state, with updates, impact and a dropped action', async () => {
    const res = await t.gql<{ actions: { edges: { node: ActionRow }[] } }>(manager, LEEDS_ACTIONS);
    expect(res.errors).toBeUndefined();
    const actions = res.data!.actions.edges.map((e) => e.node);
    expect(new Set(actions.map((a) => a.rag))).toEqual(new Set(['RED', 'AMBER', 'GREEN']));
    expect(new Set(actions.map((a) => a.status))).toEqual(new Set(['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'DROPPED']));
    expect(actions.some((a) => a.updates.length > 0)).toBe(true);
    expect(new Set(actions.flatMap((a) => (a.impact ? [a.impact.rating] : [])))).toEqual(new Set(['EVIDENCED', 'PARTIAL']));
  });

  it('gives an analyst statistics with shown, rounded and suppressed cells', async () => {
    const analyst = await t.token({ subject: 'analyst', roles: ['ANALYST'] });
    const res = await t.gql<{ board: { incidentStats: { count: number | null; suppressed: boolean }[] } }>(
      analyst,
      `{ board(code: "LEEDS") { incidentStats(from: "${today.slice(0, 4)}-01-01", to: "${today}", interval: YEAR, by: CRITERION) { period key count suppressed } } }`,
    );
    expect(res.errors).toBeUndefined();
    const cells = res.data!.board.incidentStats;
    expect(cells.some((c) => c.suppressed)).toBe(true);
    expect(cells.some((c) => !c.suppressed && (c.count ?? 0) > 0 && c.count! % 5 === 0)).toBe(true);
  });
});
