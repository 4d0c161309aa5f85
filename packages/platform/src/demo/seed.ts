import { addDays, todayInLondon } from '@scr/calendar';
import type { Config } from '@scr/config';
import { seedActionPlan } from './action-plan';
import { demoCases } from './cases';
import { DemoApi } from './demo-api';
import { historyCases } from './history';
import { walkCase, type DemoBoard } from './walk-case';

const BOARDS = ['BRADFORD', 'CALDERDALE', 'KIRKLEES', 'LEEDS', 'WAKEFIELD'];
const PARTNERS = ['CHILDRENS_SOCIAL_CARE', 'HEALTH', 'POLICE'];

const REPORT = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }`;
const NOTIFY = `mutation($id: ID!, $on: Date!) { recordNotification(incidentId: $id, notifiedOn: $on) { id } }`;
const REVIEWS = `query($board: ID!) { reviews(filter: { boardCodes: [$board] }, first: 500) { edges { node { id incident { id } } } } }`;

/**
 * Loads demo data through the public API, once, on an empty platform: per
 * board, a case at every stage under both regimes, peer challenges, action
 * plans, and two years of history for the statistics. Every name is
 * fictional and says so ("Demo ...").
 */
export async function seedDemoData(config: Config, url: string, progress: (line: string) => void = () => {}): Promise<boolean> {
  const api = new DemoApi(config, url);
  const admin = await api.admin();
  const existing = await api.query<{ agencies: unknown[] }>(admin, '{ agencies { id } }');
  if (existing.agencies.length > 0) return false;
  progress('loading demo data: every stage of the process on each board, through the API (a minute or two)');

  const boards = await seedDirectory(api);
  const today = todayInLondon();
  // Boards are independent of one another: seeding them side by side keeps `pnpm start` quick.
  await Promise.all(boards.map((board) => seedBoard(api, board, today)));
  return true;
}

async function seedBoard(api: DemoApi, board: DemoBoard, today: string) {
  const { cases, history } = await reportCases(api, board, today);
  const reviewOf = await reviewsByIncident(api, board, [...cases.map((c) => c.incidentId), ...history.map((h) => h.incidentId)]);
  for (const h of history) {
    await api.call(board.chair, 'recordDecision', 'RecordDecisionInput', {
      reviewId: reviewOf.get(h.incidentId),
      outcome: 'NO_FURTHER_REVIEW',
      criteriaMet: false,
      partnersAgreed: PARTNERS,
      rationale: 'Demo rationale: learning taken forward through the rapid review.',
      decidedOn: h.decidedOn,
    });
  }
  // The index is taken modulo the length of a constant, non-empty list.
  const challenger = BOARDS[(BOARDS.indexOf(board.code) + 1) % BOARDS.length]!;
  for (const [n, { c, incidentId }] of cases.entries()) {
    const reviewId = reviewOf.get(incidentId)!;
    const initiated = await walkCase(api, board, c, reviewId, n + 1);
    if (initiated && c.stage === 'PUBLISHED') await seedActionPlan(api, board, reviewId, initiated.initiatedOn);
    if (c.regime === 'PARTNERSHIP' && (c.stage === 'IN_PROGRESS' || c.stage === 'REPORT_FINAL')) {
      await seedPeerChallenge(api, board, challenger, reviewId, c.stage === 'REPORT_FINAL');
    }
  }
}

async function seedDirectory(api: DemoApi): Promise<DemoBoard[]> {
  const admin = await api.admin();
  const register = async (name: string, sector: string, boardCodes: string[]) =>
    (await api.call(admin, 'registerAgency', 'RegisterAgencyInput', { name, sector, boardCodes })).id;
  const police = await register('West Yorkshire Police', 'POLICE', BOARDS);
  const lead = await api.call(admin, 'registerReviewer', 'RegisterReviewerInput', {
    name: 'Dr A. Reviewer',
    qualifications: ['Social work (HCPC)', 'Serious case review training'],
  });
  await api.call(admin, 'registerReviewer', 'RegisterReviewerInput', {
    name: 'B. Independent',
    qualifications: ['Former police detective inspector'],
    affiliatedAgencyIds: [police],
  });
  const boards: DemoBoard[] = [];
  for (const code of BOARDS) {
    const name = code.charAt(0) + code.slice(1).toLowerCase();
    boards.push({
      code,
      manager: await api.manager(code),
      chair: await api.chair(code),
      leadReviewerId: lead.id,
      agencies: {
        socialCare: await register(`${name} Children's Social Care`, 'CHILDRENS_SOCIAL_CARE', [code]),
        health: await register(`${name} Health and Care Partnership`, 'HEALTH', [code]),
        education: await register(`${name} Schools and Learning`, 'EDUCATION', [code]),
        police,
      },
    });
  }
  return boards;
}

/** Reports and notifies the board's cases and history, and a referral below the criteria. */
async function reportCases(api: DemoApi, board: DemoBoard, today: string) {
  const report = async (input: Record<string, unknown>, notifiedOn: string | null) => {
    const { reportIncident } = await api.query<{ reportIncident: { id: string } }>(board.manager, REPORT, { input });
    if (notifiedOn) await api.query(board.manager, NOTIFY, { id: reportIncident.id, on: notifiedOn });
    return reportIncident.id;
  };
  const cases = [];
  for (const [i, c] of demoCases(today).entries()) {
    const n = i + 1;
    const input = {
      boardCode: board.code,
      criterion: c.criterion,
      abuseOrNeglect: c.abuseOrNeglect,
      occurredOn: addDays(c.awareOn, -1),
      awareOn: c.awareOn,
      abuseTypes: c.abuseTypes,
      summary: `Demo case ${n} (${c.regime.toLowerCase()} regime, ${c.stage.toLowerCase().replace(/_/g, ' ')}): fictional record for trying the platform.`,
      children: [{ pseudonym: `Child ${String.fromCharCode(64 + n)}`, fullName: `Demo Child ${board.code} ${n}`, ...c.child }],
      idempotencyKey: `demo-${board.code}-${n}`,
    };
    cases.push({ c, incidentId: await report(input, c.notifiedOn) });
  }
  const history = [];
  for (const h of historyCases(board.code, today)) history.push({ incidentId: await report(h.input, h.notifiedOn), decidedOn: h.decidedOn });
  await report(
    {
      boardCode: board.code,
      criterion: 'CHILD_SERIOUSLY_HARMED',
      abuseOrNeglect: 'NOT_KNOWN',
      referral: true,
      occurredOn: addDays(today, -8),
      awareOn: addDays(today, -7),
      summary: 'Demo referral: below the criteria, for the board to consider a review.',
      children: [{ pseudonym: 'Child R', fullName: 'Demo Referral Child', sex: 'UNKNOWN', socialCareStatus: 'CHILD_IN_NEED' }],
      idempotencyKey: `demo-${board.code}-referral`,
    },
    null,
  );
  return { cases, history };
}

/** The reviews that the notifications opened (they cross from the incidents subgraph as events, so may take a moment). */
async function reviewsByIncident(api: DemoApi, board: DemoBoard, incidentIds: string[]): Promise<Map<string, string>> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const data = await api.query<{ reviews: { edges: { node: { id: string; incident: { id: string } } }[] } }>(board.manager, REVIEWS, { board: board.code });
    const byIncident = new Map(data.reviews.edges.map((e) => [e.node.incident.id, e.node.id]));
    if (incidentIds.every((id) => byIncident.has(id))) return byIncident;
    if (Date.now() > deadline) throw new Error(`demo seed: the reviews of ${board.code}'s cases did not open within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The board's chair asks the next board's chair to challenge a decision; answered when `answer`. */
async function seedPeerChallenge(api: DemoApi, board: DemoBoard, challenger: string, reviewId: string, answer: boolean) {
  const challenge = await api.call(board.chair, 'requestPeerChallenge', 'RequestPeerChallengeInput', {
    reviewId,
    challengerBoardCode: challenger,
    question: 'Demo question: was the decision to initiate proportionate to what agencies already knew?',
    accessUntil: new Date(Date.now() + 60 * 86_400_000).toISOString(),
  });
  if (answer) {
    await api.call(await api.chair(challenger), 'respondToPeerChallenge', 'RespondToPeerChallengeInput', {
      peerChallengeId: challenge.id,
      response: 'Demo response: yes; the chronology showed repeated missed opportunities to share information.',
    });
  }
}
