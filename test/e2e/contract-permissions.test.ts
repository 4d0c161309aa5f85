/**
 * Who may do what across the whole contract: DOMAIN.md's "Who may do what"
 * table and the paragraph after it, one named test case per principal x
 * operation of contract.graphql (every Query field, the five Board statistics
 * fields, every Mutation field). review-permissions.test.ts covers the review
 * operations in depth (every review stage, field-level reads, unchanged state
 * after a refusal); here one representative record per operation is enough.
 *
 * Principals (all rows act on LEEDS records built in beforeAll):
 *   BM, BC  LEEDS's manager and chair (the owning board)
 *   PC      BRADFORD's chair: every shared case has a live peer challenge to BRADFORD
 *   OC      KIRKLEES's chair: another board, no grant
 *   RV      a reviewer appointed (lead) to every shared case
 *   RX      a registered reviewer appointed to nothing
 *   AC      a contributor of a LEEDS agency: involved in and asked for information on
 *           every shared case, owner of one action of the main plan
 *   AN, PA, AD   ANALYST, PANEL, ADMIN
 *   ANON    no token
 *
 * Outcomes: `ok`; `null` (a single fetch out of scope); `excluded` (a list
 * leaves the record out); or the error code. Refusal codes follow one rule:
 * a role the table never names for the operation is FORBIDDEN; a role it
 * names, acting on a record outside its scope, gets NOT_FOUND (the record is
 * invisible); a caller who may see the record but not do this to it is
 * FORBIDDEN (nothing to hide); no token is UNAUTHENTICATED.
 *
 * Every principal signs in with a subject of its own per row, and every
 * refusal must then be found in the audit trail (ADMIN's auditEvents) under
 * that subject, with the refusal's code and operation (the mutation's name, or
 * the path of the refused field).
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import type { Role } from '@scr/auth';
import { addCalendarMonths, addDays, todayInLondon } from '@scr/calendar';
import {
  BOARDS,
  boardTokens,
  eventually,
  incidentInput,
  mutate,
  notifiedCase,
  reportIncident,
  startTestPlatform,
  type GqlResult,
  type TestPlatform,
} from '@scr/testing';

type Who = 'BM' | 'BC' | 'PC' | 'OC' | 'RV' | 'RX' | 'AC' | 'AN' | 'PA' | 'AD' | 'ANON';
type Outcome = 'ok' | 'null' | 'excluded' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED';
type Stage = 'AWAITING_DECISION' | 'IN_PROGRESS' | 'REPORT_FINAL' | 'NOT_PROCEEDING' | 'PUBLISHED';

type Data = Record<string, any>;

const PRINCIPALS: Who[] = ['BM', 'BC', 'PC', 'OC', 'RV', 'RX', 'AC', 'AN', 'PA', 'AD', 'ANON'];
const BOARD = 'LEEDS';
const PARTNERS = ['CHILDRENS_SOCIAL_CARE', 'HEALTH', 'POLICE'];
const today = todayInLondon();
const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();

let t: TestPlatform;
/** Set-up tokens (fixed subjects); the rows sign their own. */
const setup = {} as { admin: string; manager: string; chair: string };
let seq = 0;

interface Case {
  incidentId: string;
  reviewId: string;
  reference: string;
  /** The information request to AC's agency (shared cases only). */
  requestId: string;
  /** The peer challenge to BRADFORD, PC's grant (shared cases only). */
  challengeId: string;
}

/** Everything beforeAll builds. */
const S = {} as {
  agencyAsked: string; // AC's agency
  agencyOther: string; // a second LEEDS agency: owns the overdue action
  spareAgency: string; // target of refused involveAgency calls
  reviewerAppointed: string; // RV
  reviewerNotAppointed: string; // RX
  spareReviewer: string; // target of refused appointReviewer calls
  /** IN_PROGRESS, with a plan: reads, and mutations that leave the stage alone. */
  main: Case & { planId: string; actionId: string; overdueActionId: string; completedActionId: string; spareChallengeId: string };
  awaiting: Case; // refused recordDecision
  spare: Case; // IN_PROGRESS, no plan: refused completeReview and createActionPlan
  final: Case; // REPORT_FINAL: refused publishReview
  notProceeding: Case; // refused closeReview
  published: Case; // publishedReviews
  pendingIncidentId: string; // reported, not notified: refused recordNotification
  wakefieldName: string; // updateBoard rewrites the name it already has
};

// ---------------------------------------------------------------- principals

function claims(who: Exclude<Who, 'ANON'>): { roles: Role[]; board?: string; agency?: string; reviewer?: string } {
  switch (who) {
    case 'BM':
      return { roles: ['BOARD_MANAGER'], board: BOARD };
    case 'BC':
      return { roles: ['BOARD_CHAIR'], board: BOARD };
    case 'PC':
      return { roles: ['BOARD_CHAIR'], board: 'BRADFORD' };
    case 'OC':
      return { roles: ['BOARD_CHAIR'], board: 'KIRKLEES' };
    case 'RV':
      return { roles: ['REVIEWER'], reviewer: S.reviewerAppointed };
    case 'RX':
      return { roles: ['REVIEWER'], reviewer: S.reviewerNotAppointed };
    case 'AC':
      return { roles: ['AGENCY_CONTRIBUTOR'], agency: S.agencyAsked };
    case 'AN':
      return { roles: ['ANALYST'] };
    case 'PA':
      return { roles: ['PANEL'] };
    case 'AD':
      return { roles: ['ADMIN'] };
  }
}

// ---------------------------------------------------------------- set-up helpers

async function registerAgency(name: string, sector = 'HEALTH') {
  const data = await mutate<{ registerAgency: { id: string } }>(t, setup.admin, 'mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { id } }', {
    i: { name, sector, boardCodes: [BOARD] },
  });
  return data.registerAgency.id;
}

async function registerReviewer(name: string) {
  const data = await mutate<{ registerReviewer: { id: string } }>(
    t,
    setup.admin,
    'mutation($i: RegisterReviewerInput!) { registerReviewer(input: $i) { id } }',
    {
      i: { name, qualifications: ['Independent reviewer accreditation'] },
    },
  );
  return data.registerReviewer.id;
}

async function requestInformation(reviewId: string) {
  const data = await mutate<{ requestInformation: { id: string } }>(
    t,
    setup.manager,
    'mutation($i: RequestInformationInput!) { requestInformation(input: $i) { id } }',
    {
      i: {
        reviewId,
        agencyId: S.agencyAsked,
        purpose: 'Health visiting records',
        necessity: 'To understand contacts',
        proportionality: 'The last 12 months only',
        dueOn: addDays(today, 14),
      },
    },
  );
  return data.requestInformation.id;
}

async function challengeBradford(reviewId: string) {
  const data = await mutate<{ requestPeerChallenge: { id: string } }>(
    t,
    setup.chair,
    'mutation($i: RequestPeerChallengeInput!) { requestPeerChallenge(input: $i) { id } }',
    {
      i: { reviewId, challengerBoardCode: 'BRADFORD', question: 'Was the decision sound?', accessUntil: inAWeek() },
    },
  );
  return data.requestPeerChallenge.id;
}

async function appoint(reviewId: string, reviewerId: string, lead: boolean) {
  await mutate(t, setup.manager, 'mutation($i: AppointReviewerInput!) { appointReviewer(input: $i) { id } }', {
    i: { reviewId, reviewerId, lead, appointedOn: today, independenceStatement: 'No links to the board or the agencies.' },
  });
}

const PUBLISH = 'mutation($i: PublishReviewInput!) { publishReview(input: $i) { id stage publication { publishedOn } } }';
const publishInput = (reviewId: string) => ({
  reviewId,
  url: `https://example.org/reports/${reviewId}.pdf`,
  sentToPanelOn: addDays(today, -21),
  publishedOn: today,
  plainEnglishSummary: 'A child was seriously harmed. Agencies must share information sooner.',
  welfareImpactConsidered: true,
  dataProtectionChecked: true,
  courtRestrictionsChecked: true,
});

/**
 * A notified LEEDS case in the given stage. With `grants`, every grant is in
 * place (AC's agency involved and asked, RV appointed lead, a live challenge
 * to BRADFORD); without, only what the stage needs (a lead to complete).
 */
async function openCase(stage: Stage, grants: boolean): Promise<Case> {
  // Notified 30 days ago and decided 25 days ago, so a report completed 21 days ago can be sent to the panel then.
  const { incident, review } = await notifiedCase(t, setup.manager, BOARD, {}, 30);
  const reviewId = review.id;
  let requestId = '';
  let challengeId = '';
  if (grants) {
    await mutate(t, setup.manager, 'mutation($i: InvolveAgencyInput!) { involveAgency(input: $i) { id } }', { i: { reviewId, agencyId: S.agencyAsked } });
    await appoint(reviewId, S.reviewerAppointed, true);
    requestId = await requestInformation(reviewId);
    challengeId = await challengeBradford(reviewId);
  }
  if (stage !== 'AWAITING_DECISION') {
    const proceeding = stage !== 'NOT_PROCEEDING';
    await mutate(t, setup.chair, 'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }', {
      // 25 days ago: completion and sending to the panel follow it, and an action due yesterday (overdue) is not before initiation.
      i: {
        reviewId,
        outcome: proceeding ? 'INITIATE_REVIEW' : 'NO_FURTHER_REVIEW',
        criteriaMet: proceeding,
        partnersAgreed: PARTNERS,
        rationale: 'Set-up decision.',
        decidedOn: addDays(today, -25),
      },
    });
    // Completion needs the methodology.
    if (proceeding) {
      await mutate(t, setup.manager, 'mutation($i: SetMethodologyInput!) { setMethodology(input: $i) { id } }', {
        i: { reviewId, name: 'Systems approach', dataCollection: 'Interviews', analysis: 'Thematic' },
      });
    }
  }
  if (stage === 'REPORT_FINAL' || stage === 'PUBLISHED') {
    if (!grants) await appoint(reviewId, S.reviewerAppointed, true);
    await mutate(t, setup.manager, 'mutation($i: CompleteReviewInput!) { completeReview(input: $i) { id } }', {
      i: { reviewId, completedOn: addDays(today, -21), findings: 'Confidential findings: agencies did not share information.' },
    });
  }
  if (stage === 'PUBLISHED') await mutate(t, setup.chair, PUBLISH, { i: publishInput(reviewId) });
  return { incidentId: incident.id, reviewId, reference: review.reference as string, requestId, challengeId };
}

async function addAction(planId: string, ownerAgencyId: string, dueOn: string) {
  const data = await mutate<{ addAction: { id: string } }>(t, setup.manager, 'mutation($i: AddActionInput!) { addAction(input: $i) { id } }', {
    i: {
      actionPlanId: planId,
      recommendation: 'Improve information sharing',
      description: 'Concerns shared within 24 hours',
      ownerAgencyId,
      dueOn,
      successCriteria: ['Audit shows 90% shared within 24 hours'],
    },
  });
  return data.addAction.id;
}

/** Current versions and dates, as LEEDS's manager reads them. */
async function mainIncidentVersion() {
  return (await mutate<{ incident: { version: number } }>(t, setup.manager, 'query($id: ID!) { incident(id: $id) { version } }', { id: S.main.incidentId }))
    .incident.version;
}
async function mainActionVersion() {
  const data = await mutate<{ actionPlan: { actions: { id: string; version: number }[] } }>(
    t,
    setup.manager,
    'query($id: ID!) { actionPlan(id: $id) { actions { id version } } }',
    { id: S.main.planId },
  );
  return data.actionPlan.actions.find((a) => a.id === S.main.actionId)!.version;
}
async function incidentReference(incidentId: string) {
  return (await mutate<{ incident: { reference: string } }>(t, setup.manager, 'query($id: ID!) { incident(id: $id) { reference } }', { id: incidentId }))
    .incident.reference;
}
async function mainCompletionDueOn() {
  return (
    await mutate<{ review: { completionDueOn: string } }>(t, setup.manager, 'query($id: ID!) { review(id: $id) { completionDueOn } }', { id: S.main.reviewId })
  ).review.completionDueOn;
}

// ---------------------------------------------------------------- the table

interface Row {
  who: Who;
  subject: string;
}

interface Operation {
  kind: 'fetch' | 'list' | 'mutation';
  /** The root field of the answer. */
  root: string;
  query: string;
  /** What the row acts on (variables are built from it); `ok` rows of mutations that need a record of their own get a fresh one. */
  arrange?(ok: boolean, row: Row): Promise<Data>;
  variables?(x: Data): Record<string, unknown>;
  /** fetch: is the answer the target (as this caller may read it)? list: does the list hold the target? */
  holds?(answer: Data, x: Data, row: Row): boolean;
  /** Checks on the answer of a permitted mutation. */
  verify?(answer: Data, x: Data, row: Row): void;
  expected: Record<Who, Outcome>;
}

const F: Outcome = 'FORBIDDEN';
const NF: Outcome = 'NOT_FOUND';

/** Fills in a row: `otherwise` for every principal not named, UNAUTHENTICATED for ANON unless named. */
function outcomes(named: Partial<Record<Who, Outcome>>, otherwise: Outcome = F): Record<Who, Outcome> {
  const all = {} as Record<Who, Outcome>;
  for (const who of PRINCIPALS) all[who] = named[who] ?? (who === 'ANON' ? 'UNAUTHENTICATED' : otherwise);
  return all;
}

const SIGNED_IN = outcomes({}, 'ok');
const BM_BC = outcomes({ BM: 'ok', BC: 'ok', PC: F, OC: NF });
const BM_BC_RV = outcomes({ BM: 'ok', BC: 'ok', RV: 'ok', PC: F, OC: NF, RX: NF });
const BC_ONLY = outcomes({ BC: 'ok', PC: F, OC: NF });
const ADMIN_ONLY = outcomes({ AD: 'ok' });
/** Board statistics: BM, BC, AN, PA, AD, every board (so the other boards' chairs too). */
const STATISTICS = outcomes({ BM: 'ok', BC: 'ok', PC: 'ok', OC: 'ok', AN: 'ok', PA: 'ok', AD: 'ok' });

const edgesHold = (c: Data, test: (node: Data) => boolean) => c.edges.some((e: Data) => test(e.node));
/** Child identity: the owning board's manager and chair read it, nobody else. */
const identityAsExpected = (incident: Data, row: Row) =>
  incident.children.every((c: Data) => (row.who === 'BM' || row.who === 'BC' ? c.identity?.fullName === 'Alex Example' : c.identity === null));
const mainCase = async () => S.main;

/** A review-returning mutation on the main case. */
function onMain(root: string, input: string, fields: () => Record<string, unknown>, expected: Record<Who, Outcome>): Operation {
  return {
    kind: 'mutation',
    root,
    query: `mutation($i: ${input}!) { ${root}(input: $i) { id version } }`,
    arrange: mainCase,
    variables: (x) => ({ i: { reviewId: x.reviewId, ...fields() } }),
    verify: (answer, x) => expect(answer.id).toBe(x.reviewId),
    expected,
  };
}

/** A review-returning mutation that moves the review on: `ok` rows get a fresh review, refused rows a shared one in the same stage. */
function stageChange(
  root: string,
  fresh: () => Promise<Case>,
  refusedOn: () => Case,
  query: string,
  variables: (x: Data) => Record<string, unknown>,
  to: string,
  expected: Record<Who, Outcome>,
): Operation {
  return {
    kind: 'mutation',
    root,
    query,
    arrange: async (ok) => (ok ? fresh() : refusedOn()),
    variables,
    verify: (answer, x) => expect(answer).toMatchObject({ id: x.reviewId, stage: to }),
    expected,
  };
}

const yearAgo = addDays(today, -365);
/** This financial year, "2026-27" from April 2026 to March 2027. */
const financialYearStart = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) >= 4 ? 0 : 1);
const financialYear = `${financialYearStart}-${String((financialYearStart + 1) % 100).padStart(2, '0')}`;

const OPERATIONS: Record<string, Operation> = {
  // ---------------------------------------------------------- directory
  me: {
    kind: 'fetch',
    root: 'me',
    query: '{ me { subject roles board { code } agency { id } reviewer { id } } }',
    holds: (me, _x, row) => me.subject === row.subject && JSON.stringify(me.roles) === JSON.stringify(claims(row.who as Exclude<Who, 'ANON'>).roles),
    expected: SIGNED_IN,
  },
  boards: {
    kind: 'list',
    root: 'boards',
    query: '{ boards { code name kind partnershipArrangementsFrom } }',
    holds: (list) => BOARDS.every((code) => list.some((b: Data) => b.code === code)),
    expected: SIGNED_IN,
  },
  board: {
    kind: 'fetch',
    root: 'board',
    query: `{ board(code: "${BOARD}") { code name kind partnershipArrangementsFrom agencies { id } } }`,
    holds: (b) => b.code === BOARD && b.agencies.some((a: Data) => a.id === S.agencyAsked),
    expected: SIGNED_IN,
  },
  agencies: {
    kind: 'list',
    root: 'agencies',
    query: `{ agencies(boardCode: "${BOARD}") { id name sector boards { code } } }`,
    holds: (list) => list.some((a: Data) => a.id === S.agencyAsked),
    expected: SIGNED_IN,
  },
  agency: {
    kind: 'fetch',
    root: 'agency',
    query: 'query($id: ID!) { agency(id: $id) { id name sector boards { code } } }',
    variables: () => ({ id: S.agencyAsked }),
    holds: (a) => a.id === S.agencyAsked && a.boards.some((b: Data) => b.code === BOARD),
    expected: SIGNED_IN,
  },
  registerAgency: {
    kind: 'mutation',
    root: 'registerAgency',
    query: 'mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { id name sector boards { code } } }',
    arrange: async () => ({ name: `Wakefield Agency ${++seq}` }),
    variables: (x) => ({ i: { name: x.name, sector: 'OTHER', boardCodes: ['WAKEFIELD'] } }),
    verify: (answer, x) => expect(answer).toMatchObject({ name: x.name, sector: 'OTHER', boards: [{ code: 'WAKEFIELD' }] }),
    expected: ADMIN_ONLY,
  },
  registerReviewer: {
    kind: 'mutation',
    root: 'registerReviewer',
    query: 'mutation($i: RegisterReviewerInput!) { registerReviewer(input: $i) { id name qualifications } }',
    arrange: async () => ({ name: `Registered Reviewer ${++seq}` }),
    variables: (x) => ({ i: { name: x.name, qualifications: ['Social work qualification'] } }),
    verify: (answer, x) => expect(answer).toMatchObject({ name: x.name, qualifications: ['Social work qualification'] }),
    expected: ADMIN_ONLY,
  },
  updateBoard: {
    kind: 'mutation',
    root: 'updateBoard',
    query: 'mutation($i: UpdateBoardInput!) { updateBoard(input: $i) { code name } }',
    variables: () => ({ i: { code: 'WAKEFIELD', name: S.wakefieldName } }),
    verify: (answer) => expect(answer).toEqual({ code: 'WAKEFIELD', name: S.wakefieldName }),
    expected: ADMIN_ONLY,
  },

  // ---------------------------------------------------------- incidents
  incident: {
    kind: 'fetch',
    root: 'incident',
    query: 'query($id: ID!) { incident(id: $id) { id reference board { code } notificationStatus children { pseudonym identity { fullName } } } }',
    arrange: mainCase,
    variables: (x) => ({ id: x.incidentId }),
    holds: (i, x, row) => i.id === x.incidentId && i.board.code === BOARD && identityAsExpected(i, row),
    expected: outcomes({ BM: 'ok', BC: 'ok', PC: 'ok', RV: 'ok', OC: 'null', RX: 'null' }),
  },
  incidents: {
    kind: 'list',
    root: 'incidents',
    query: '{ incidents(first: 500) { totalCount edges { node { id reference children { pseudonym identity { fullName } } } } } }',
    arrange: mainCase,
    holds: (c, x, row) => edgesHold(c, (n) => n.id === x.incidentId && identityAsExpected(n, row)),
    expected: outcomes({ BM: 'ok', BC: 'ok', PC: 'ok', RV: 'ok', OC: 'excluded', RX: 'excluded' }),
  },
  panelNotifications: {
    kind: 'list',
    root: 'panelNotifications',
    query: '{ panelNotifications(first: 500) { edges { node { id incidentReference boardCode } } } }',
    arrange: async () => ({ reference: await incidentReference(S.main.incidentId) }),
    holds: (c, x) => edgesHold(c, (n) => n.incidentReference === x.reference && n.boardCode === BOARD),
    expected: outcomes({ PA: 'ok', AD: 'ok' }),
  },
  reportIncident: {
    kind: 'mutation',
    root: 'reportIncident',
    query: 'mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id reference board { code } notifiable } }',
    variables: () => ({ i: incidentInput(BOARD) }),
    verify: (answer) => expect(answer).toMatchObject({ board: { code: BOARD }, notifiable: true }),
    // The other boards' chairs may report for their own board, not for LEEDS.
    expected: outcomes({ BM: 'ok', BC: 'ok' }),
  },
  correctIncident: {
    kind: 'mutation',
    root: 'correctIncident',
    query: 'mutation($i: CorrectIncidentInput!) { correctIncident(input: $i) { id version summary } }',
    arrange: async () => ({ ...S.main, version: await mainIncidentVersion(), summary: `Corrected summary ${++seq}` }),
    variables: (x) => ({ i: { incidentId: x.incidentId, expectedVersion: x.version, summary: x.summary } }),
    verify: (answer, x) => expect(answer).toMatchObject({ id: x.incidentId, version: x.version + 1, summary: x.summary }),
    // PC reads the incident through its peer challenge: FORBIDDEN, not NOT_FOUND.
    expected: outcomes({ BM: 'ok', BC: 'ok', PC: F, OC: NF }),
  },
  recordNotification: {
    kind: 'mutation',
    root: 'recordNotification',
    query: 'mutation($id: ID!, $on: Date!) { recordNotification(incidentId: $id, notifiedOn: $on) { id notifiedOn notificationStatus } }',
    // A fresh incident for each permitted row; refusals on a shared one, reported and never notified (no review, so no grant).
    arrange: async (ok) => ({
      incidentId: ok ? (await reportIncident(t, setup.manager, incidentInput(BOARD))).id : S.pendingIncidentId,
      on: incidentInput(BOARD).awareOn,
    }),
    variables: (x) => ({ id: x.incidentId, on: x.on }),
    verify: (answer, x) => expect(answer).toMatchObject({ id: x.incidentId, notifiedOn: x.on, notificationStatus: 'MET' }),
    expected: outcomes({ BM: 'ok', BC: 'ok', PC: NF, OC: NF }),
  },

  // ---------------------------------------------------------- reviews: reads
  review: {
    kind: 'fetch',
    root: 'review',
    query: 'query($id: ID!) { review(id: $id) { reference kind stage board { code } } }',
    arrange: mainCase,
    variables: (x) => ({ id: x.reviewId }),
    holds: (r, x) => r.reference === x.reference && r.board.code === BOARD && r.stage === 'IN_PROGRESS',
    // AC reads these four fields of a review it is asked about.
    expected: outcomes({ BM: 'ok', BC: 'ok', PC: 'ok', RV: 'ok', AC: 'ok', OC: 'null', RX: 'null' }),
  },
  reviews: {
    kind: 'list',
    root: 'reviews',
    query: '{ reviews(first: 500) { totalCount edges { node { reference kind stage board { code } } } } }',
    arrange: mainCase,
    holds: (c, x) => edgesHold(c, (n) => n.reference === x.reference),
    expected: outcomes({ BM: 'ok', BC: 'ok', PC: 'ok', RV: 'ok', AC: 'ok', OC: 'excluded', RX: 'excluded' }),
  },
  reviewers: {
    kind: 'list',
    root: 'reviewers',
    query: '{ reviewers { id name qualifications } }',
    holds: (list) => list.some((r: Data) => r.id === S.reviewerAppointed) && list.some((r: Data) => r.id === S.reviewerNotAppointed),
    // The register is consortium-wide: every board's manager and chair (PC and OC chair their own boards).
    expected: outcomes({ BM: 'ok', BC: 'ok', PC: 'ok', OC: 'ok', AD: 'ok' }),
  },
  publishedReviews: {
    kind: 'list',
    root: 'publishedReviews',
    query:
      '{ publishedReviews(first: 500) { totalCount edges { node { reference kind themes board { code name kind } publication { url publishedOn availableUntil plainEnglishSummary } } } } }',
    arrange: async () => S.published,
    holds: (c, x) => edgesHold(c, (n) => n.reference === x.reference && n.board.code === BOARD && n.publication.publishedOn === today),
    expected: { ...outcomes({}, 'ok'), ANON: 'ok' },
  },
  informationRequests: {
    kind: 'list',
    root: 'informationRequests',
    query: 'query($id: ID!) { informationRequests(filter: { reviewId: $id }, first: 500) { totalCount edges { node { id status agency { id } } } } }',
    arrange: mainCase,
    variables: (x) => ({ id: x.reviewId }),
    holds: (c, x) => edgesHold(c, (n) => n.id === x.requestId && n.agency.id === S.agencyAsked),
    // PC is not among this query's readers: its list (its own board's requests) leaves LEEDS's out.
    expected: outcomes({ BM: 'ok', BC: 'ok', RV: 'ok', AC: 'ok', PC: 'excluded', OC: 'excluded', RX: 'excluded' }),
  },
  peerChallenges: {
    kind: 'list',
    root: 'peerChallenges',
    query: '{ peerChallenges { id status challengerBoard { code } } }',
    arrange: mainCase,
    holds: (list, x) => list.some((c: Data) => c.id === x.challengeId),
    // LEEDS's chair and manager sent it; BRADFORD's chair received it.
    expected: outcomes({ BM: 'ok', BC: 'ok', PC: 'ok', OC: 'excluded' }),
  },

  // ---------------------------------------------------------- reviews: the chair's steps
  recordDecision: stageChange(
    'recordDecision',
    () => openCase('AWAITING_DECISION', false),
    () => S.awaiting,
    'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id stage } }',
    (x) => ({
      i: {
        reviewId: x.reviewId,
        outcome: 'INITIATE_REVIEW',
        criteriaMet: true,
        partnersAgreed: PARTNERS,
        rationale: 'Serious harm; agencies worked poorly together.',
        decidedOn: today,
      },
    }),
    'IN_PROGRESS',
    BC_ONLY,
  ),
  requestPeerChallenge: {
    kind: 'mutation',
    root: 'requestPeerChallenge',
    query: 'mutation($i: RequestPeerChallengeInput!) { requestPeerChallenge(input: $i) { id status challengerBoard { code } } }',
    arrange: mainCase,
    variables: (x) => ({ i: { reviewId: x.reviewId, challengerBoardCode: 'WAKEFIELD', question: 'Is the scope right?', accessUntil: inAWeek() } }),
    verify: (answer) => expect(answer).toMatchObject({ status: 'ACTIVE', challengerBoard: { code: 'WAKEFIELD' } }),
    expected: BC_ONLY,
  },
  respondToPeerChallenge: {
    kind: 'mutation',
    root: 'respondToPeerChallenge',
    query: 'mutation($i: RespondToPeerChallengeInput!) { respondToPeerChallenge(input: $i) { id status response } }',
    arrange: async (ok) => ({ challengeId: ok ? await challengeBradford(S.main.reviewId) : S.main.spareChallengeId }),
    variables: (x) => ({ i: { peerChallengeId: x.challengeId, response: 'The decision was sound.' } }),
    verify: (answer, x) => expect(answer).toMatchObject({ id: x.challengeId, status: 'RESPONDED', response: 'The decision was sound.' }),
    // LEEDS's chair sees the challenge (it sent it) but is not its challenger: FORBIDDEN.
    expected: outcomes({ PC: 'ok', BC: F, OC: NF }),
  },
  revokePeerChallenge: {
    kind: 'mutation',
    root: 'revokePeerChallenge',
    query: 'mutation($id: ID!) { revokePeerChallenge(peerChallengeId: $id) { id status } }',
    arrange: async (ok) => ({ challengeId: ok ? await challengeBradford(S.main.reviewId) : S.main.spareChallengeId }),
    variables: (x) => ({ id: x.challengeId }),
    verify: (answer, x) => expect(answer).toMatchObject({ id: x.challengeId, status: 'REVOKED' }),
    // PC sees the challenge (it received it) but may not revoke it: FORBIDDEN.
    expected: BC_ONLY,
  },
  publishReview: stageChange(
    'publishReview',
    () => openCase('REPORT_FINAL', false),
    () => S.final,
    PUBLISH,
    (x) => ({ i: publishInput(x.reviewId) }),
    'PUBLISHED',
    BC_ONLY,
  ),

  // ---------------------------------------------------------- reviews: board staff or the appointed reviewer
  setMethodology: onMain(
    'setMethodology',
    'SetMethodologyInput',
    () => ({ name: `Systems approach ${++seq}`, dataCollection: 'Chronologies and interviews', analysis: 'Thematic analysis' }),
    BM_BC_RV,
  ),
  recordFindings: onMain('recordFindings', 'RecordFindingsInput', () => ({ findings: `Draft findings ${++seq}` }), BM_BC_RV),
  requestInformation: {
    kind: 'mutation',
    root: 'requestInformation',
    query: 'mutation($i: RequestInformationInput!) { requestInformation(input: $i) { id status agency { id } } }',
    arrange: mainCase,
    variables: (x) => ({
      i: {
        reviewId: x.reviewId,
        agencyId: S.agencyAsked,
        purpose: 'School records',
        necessity: 'Attendance matters',
        proportionality: 'This school year only',
        dueOn: addDays(today, 10),
      },
    }),
    verify: (answer) => expect(answer).toMatchObject({ status: 'OPEN', agency: { id: S.agencyAsked } }),
    expected: BM_BC_RV,
  },
  withdrawInformationRequest: {
    kind: 'mutation',
    root: 'withdrawInformationRequest',
    query: 'mutation($i: WithdrawInformationRequestInput!) { withdrawInformationRequest(input: $i) { id status } }',
    arrange: async (ok) => ({ requestId: ok ? await requestInformation(S.main.reviewId) : S.main.requestId }),
    variables: (x) => ({ i: { informationRequestId: x.requestId, reason: 'No longer needed.' } }),
    verify: (answer, x) => expect(answer).toMatchObject({ id: x.requestId, status: 'WITHDRAWN' }),
    expected: BM_BC_RV,
  },

  // ---------------------------------------------------------- reviews: board staff only
  appointReviewer: {
    kind: 'mutation',
    root: 'appointReviewer',
    query: 'mutation($i: AppointReviewerInput!) { appointReviewer(input: $i) { id appointments { reviewer { id } } } }',
    arrange: async (ok) => ({ ...S.main, reviewerId: ok ? await registerReviewer(`Panel Member ${++seq}`) : S.spareReviewer }),
    variables: (x) => ({ i: { reviewId: x.reviewId, reviewerId: x.reviewerId, lead: false, appointedOn: today, independenceStatement: 'No links.' } }),
    verify: (answer, x) => expect(answer.appointments.map((a: Data) => a.reviewer.id)).toContain(x.reviewerId),
    expected: BM_BC,
  },
  involveAgency: {
    kind: 'mutation',
    root: 'involveAgency',
    query: 'mutation($i: InvolveAgencyInput!) { involveAgency(input: $i) { id involvedAgencies { id } } }',
    arrange: async (ok) => ({ ...S.main, agencyId: ok ? await registerAgency(`Leeds School ${++seq}`, 'EDUCATION') : S.spareAgency }),
    variables: (x) => ({ i: { reviewId: x.reviewId, agencyId: x.agencyId } }),
    verify: (answer, x) => expect(answer.involvedAgencies.map((a: Data) => a.id)).toContain(x.agencyId),
    expected: BM_BC,
  },
  extendTimescale: {
    kind: 'mutation',
    root: 'extendTimescale',
    query: 'mutation($i: ExtendTimescaleInput!) { extendTimescale(input: $i) { id completionDueOn } }',
    arrange: async () => ({ ...S.main, completionDueOn: addCalendarMonths(await mainCompletionDueOn(), 1) }),
    variables: (x) => ({
      i: { reviewId: x.reviewId, reason: 'Criminal trial', completionDueOn: x.completionDueOn, interimLearning: ['Briefing to GPs on safe sleeping'] },
    }),
    verify: (answer, x) => expect(answer).toEqual({ id: x.reviewId, completionDueOn: x.completionDueOn }),
    expected: BM_BC,
  },
  linkParallelProcess: onMain(
    'linkParallelProcess',
    'LinkParallelProcessInput',
    () => ({ kind: 'CORONER_INQUEST', reference: `INQ-${++seq}`, leadOrganisation: 'West Yorkshire Coroner' }),
    BM_BC,
  ),
  recordFamilyEngagement: onMain(
    'recordFamilyEngagement',
    'RecordFamilyEngagementInput',
    () => ({ participant: `Relative ${++seq}`, engagedOn: today, contributed: true }),
    BM_BC,
  ),
  setThemes: onMain('setThemes', 'SetThemesInput', () => ({ themes: ++seq % 2 ? ['NEGLECT'] : ['INFORMATION_SHARING'] }), BM_BC),
  completeReview: stageChange(
    'completeReview',
    async () => {
      const x = await openCase('IN_PROGRESS', false);
      await appoint(x.reviewId, S.reviewerAppointed, true); // completion needs a lead
      return x;
    },
    () => S.spare,
    'mutation($i: CompleteReviewInput!) { completeReview(input: $i) { id stage } }',
    (x) => ({ i: { reviewId: x.reviewId, completedOn: today, findings: 'Agencies did not share information.' } }),
    'REPORT_FINAL',
    BM_BC,
  ),
  closeReview: stageChange(
    'closeReview',
    () => openCase('NOT_PROCEEDING', false),
    () => S.notProceeding,
    'mutation($id: ID!) { closeReview(reviewId: $id) { id stage } }',
    (x) => ({ id: x.reviewId }),
    'CLOSED',
    BM_BC,
  ),

  // ---------------------------------------------------------- reviews: the agency's answer
  respondToInformationRequest: {
    kind: 'mutation',
    root: 'respondToInformationRequest',
    query: 'mutation($i: RespondToInformationRequestInput!) { respondToInformationRequest(input: $i) { id status response } }',
    arrange: async (ok) => ({ requestId: ok ? await requestInformation(S.main.reviewId) : S.main.requestId }),
    variables: (x) => ({ i: { informationRequestId: x.requestId, response: 'Records attached.' } }),
    verify: (answer, x) => expect(answer).toMatchObject({ id: x.requestId, status: 'RESPONDED', response: 'Records attached.' }),
    expected: outcomes({ AC: 'ok' }),
  },

  // ---------------------------------------------------------- action plans
  actionPlan: {
    kind: 'fetch',
    root: 'actionPlan',
    query: 'query($id: ID!) { actionPlan(id: $id) { id board { code } review { id } actions { id } } }',
    arrange: mainCase,
    variables: (x) => ({ id: x.planId }),
    holds: (p, x) => p.id === x.planId && p.review.id === x.reviewId && p.actions.some((a: Data) => a.id === x.actionId),
    // AC reads only the actions its agency owns, not the plan.
    expected: outcomes({ BM: 'ok', BC: 'ok', PC: 'ok', RV: 'ok', OC: 'null', RX: 'null' }),
  },
  actions: {
    kind: 'list',
    root: 'actions',
    query: '{ actions(first: 500) { totalCount edges { node { id status ownerAgency { id } } } } }',
    arrange: mainCase,
    holds: (c, x, row) =>
      edgesHold(c, (n) => n.id === x.actionId) &&
      // AC: only actions its agency owns; the others also see the other agency's (overdue) action.
      (row.who === 'AC' ? c.edges.every((e: Data) => e.node.ownerAgency.id === S.agencyAsked) : edgesHold(c, (n) => n.id === x.overdueActionId)),
    expected: outcomes({ BM: 'ok', BC: 'ok', PC: 'ok', RV: 'ok', AC: 'ok', OC: 'excluded', RX: 'excluded' }),
  },
  overdueActions: {
    kind: 'list',
    root: 'overdueActions',
    query: '{ overdueActions(first: 500) { totalCount edges { node { id overdue } } } }',
    arrange: mainCase,
    holds: (c, x) => edgesHold(c, (n) => n.id === x.overdueActionId && n.overdue === true),
    // Other boards' chairs list their own board's overdue actions.
    expected: outcomes({ BM: 'ok', BC: 'ok', AD: 'ok', PC: 'excluded', OC: 'excluded' }),
  },
  createActionPlan: {
    kind: 'mutation',
    root: 'createActionPlan',
    query: 'mutation($i: CreateActionPlanInput!) { createActionPlan(input: $i) { id board { code } review { id } } }',
    arrange: async (ok) => (ok ? openCase('IN_PROGRESS', false) : S.spare),
    variables: (x) => ({ i: { reviewId: x.reviewId } }),
    verify: (answer, x) => expect(answer).toMatchObject({ board: { code: BOARD }, review: { id: x.reviewId } }),
    // PC reads the review through its peer challenge: FORBIDDEN, not NOT_FOUND.
    expected: BM_BC,
  },
  addAction: {
    kind: 'mutation',
    root: 'addAction',
    query: 'mutation($i: AddActionInput!) { addAction(input: $i) { id status ownerAgency { id } } }',
    arrange: mainCase,
    variables: (x) => ({
      i: {
        actionPlanId: x.planId,
        recommendation: 'Audit safe sleeping advice',
        description: `Health visitors audit advice ${++seq}`,
        ownerAgencyId: S.agencyOther,
        dueOn: addDays(today, 60),
        successCriteria: ['Audit done'],
      },
    }),
    verify: (answer) => expect(answer).toMatchObject({ status: 'NOT_STARTED', ownerAgency: { id: S.agencyOther } }),
    expected: BM_BC,
  },
  updateAction: {
    kind: 'mutation',
    root: 'updateAction',
    query: 'mutation($i: UpdateActionInput!) { updateAction(input: $i) { id status version updates { by note } } }',
    arrange: async () => ({ ...S.main, version: await mainActionVersion(), note: `Progress note ${++seq}` }),
    variables: (x) => ({ i: { actionId: x.actionId, status: 'IN_PROGRESS', note: x.note, expectedVersion: x.version } }),
    verify: (answer, x, row) => {
      expect(answer).toMatchObject({ id: x.actionId, status: 'IN_PROGRESS', version: x.version + 1 });
      expect(answer.updates.at(-1)).toEqual({ by: row.subject, note: x.note });
    },
    // AC's agency owns the action.
    expected: outcomes({ BM: 'ok', BC: 'ok', AC: 'ok', PC: F, OC: NF }),
  },
  assessImpact: {
    kind: 'mutation',
    root: 'assessImpact',
    query: 'mutation($i: AssessImpactInput!) { assessImpact(input: $i) { id impact { rating evidence assessedOn } } }',
    arrange: mainCase,
    // Impact is assessed only on a completed action.
    variables: (x) => ({ i: { actionId: x.completedActionId, rating: 'PARTIAL', evidence: 'Audit: 60% shared within a day', assessedOn: today } }),
    verify: (answer, x) =>
      expect(answer).toEqual({ id: x.completedActionId, impact: { rating: 'PARTIAL', evidence: 'Audit: 60% shared within a day', assessedOn: today } }),
    expected: BM_BC,
  },
  recordProgrammeAudit: {
    kind: 'mutation',
    root: 'recordProgrammeAudit',
    query: 'mutation($i: RecordProgrammeAuditInput!) { recordProgrammeAudit(input: $i) { id audits { auditedOn findings recordedBy } } }',
    arrange: async () => ({ ...S.main, findings: `Programme audit ${++seq}: actions on track` }),
    variables: (x) => ({ i: { actionPlanId: x.planId, auditedOn: today, findings: x.findings } }),
    verify: (answer, x, row) => {
      expect(answer.id).toBe(x.planId);
      expect(answer.audits).toContainEqual({ auditedOn: today, findings: x.findings, recordedBy: row.subject });
    },
    // PC reads the plan through its peer challenge: FORBIDDEN, not NOT_FOUND.
    expected: BM_BC,
  },

  // ---------------------------------------------------------- Board statistics fields
  'board.incidentStats': {
    kind: 'fetch',
    root: 'board',
    query: `{ board(code: "${BOARD}") { code incidentStats(from: "${yearAgo}", to: "${today}") { period key count suppressed } } }`,
    holds: (b) => b.code === BOARD && b.incidentStats.length > 0,
    expected: STATISTICS,
  },
  'board.themeStats': {
    kind: 'fetch',
    root: 'board',
    query: `{ board(code: "${BOARD}") { code themeStats(from: "${yearAgo}", to: "${today}") { period key count suppressed } } }`,
    holds: (b) => b.code === BOARD && Array.isArray(b.themeStats),
    expected: STATISTICS,
  },
  'board.reviewTimeliness': {
    kind: 'fetch',
    root: 'board',
    query: `{ board(code: "${BOARD}") { code reviewTimeliness(from: "${yearAgo}", to: "${today}") { decisions decisionsOnTime initiated completed } } }`,
    holds: (b) => b.code === BOARD && b.reviewTimeliness.decisions > 0 && b.reviewTimeliness.initiated > 0,
    expected: STATISTICS,
  },
  'board.actionProgress': {
    kind: 'fetch',
    root: 'board',
    query: `{ board(code: "${BOARD}") { code actionProgress { total overdue } } }`,
    holds: (b) => b.code === BOARD && b.actionProgress.total >= 2 && b.actionProgress.overdue >= 1,
    expected: STATISTICS,
  },
  'board.annualReport': {
    kind: 'fetch',
    root: 'board',
    // Figures from all three subgraphs; this year's progress is as at today, and its peer challenges were asked today.
    query: `{ board(code: "${BOARD}") { code annualReport(financialYear: "${financialYear}") { financialYear notifications decisions peerChallengesAsked themes { period key count suppressed } actionProgress { total overdue } } } }`,
    holds: (b) =>
      b.code === BOARD &&
      b.annualReport.financialYear === financialYear &&
      typeof b.annualReport.notifications === 'number' &&
      b.annualReport.peerChallengesAsked >= 1 &&
      Array.isArray(b.annualReport.themes) &&
      b.annualReport.actionProgress.total >= 2 &&
      b.annualReport.actionProgress.overdue >= 1,
    expected: STATISTICS,
  },
};

const ROWS: [string, Who, Outcome][] = Object.entries(OPERATIONS).flatMap(([name, op]) =>
  PRINCIPALS.map((who) => [name, who, op.expected[who]] as [string, Who, Outcome]),
);

// ---------------------------------------------------------------- the audit trail

const AUDIT =
  'query($f: AuditEventFilter, $first: Int) { auditEvents(filter: $f, first: $first) { totalCount edges { node { service subject roles board recordBoard operation targetIds outcome } } } }';
/** How long a refusal's row may take to reach the directory's trail. */
const AUDIT_WAIT_MS = 10_000;
type AuditRow = {
  service: string;
  subject: string;
  roles: string[];
  board: string | null;
  recordBoard: string | null;
  operation: string;
  targetIds: string[];
  outcome: string;
};

async function audit(filter: Record<string, unknown>) {
  const res = await t.gql<{ auditEvents: { totalCount: number; edges: { node: AuditRow }[] } }>(setup.admin, AUDIT, { f: filter, first: 500 });
  if (res.errors) throw new Error(`auditEvents failed: ${JSON.stringify(res.errors)}`);
  return { totalCount: res.data!.auditEvents.totalCount, rows: res.data!.auditEvents.edges.map((e) => e.node) };
}

/** Where the refusal was reported: the mutation's name, or the path of the refused field (list indices left out). */
function refusedAt(op: Operation, res: GqlResult): string {
  if (op.kind === 'mutation') return op.root;
  const errors = (res.body as { errors?: { path?: (string | number)[] }[] }).errors ?? [];
  const names = (errors[0]?.path ?? []).filter((p): p is string => typeof p === 'string');
  // Incidents and reviews answer `board` themselves (from their copies of the directory): their refusals name the path.
  // Action progress is fetched through federation after the directory: its subgraph names it by type and field.
  if ((names[0] === 'board' || names[0] === 'boards') && names[1] === 'actionProgress') return ['Board', ...names.slice(1)].join('.');
  return names.join('.');
}

// ---------------------------------------------------------------- the platform

beforeAll(async () => {
  t = await startTestPlatform({
    env: { RATE_LIMIT_PER_PRINCIPAL_PER_MINUTE: '100000', RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100000', OUTBOX_INTERVAL_MS: '25' },
  });
  setup.admin = await t.token({ subject: 'setup-admin', roles: ['ADMIN'] });
  const leeds = await boardTokens(t, BOARD);
  setup.manager = leeds.manager;
  setup.chair = leeds.chair;

  S.agencyAsked = await registerAgency('Leeds Community Health', 'HEALTH');
  S.agencyOther = await registerAgency('Leeds District Police', 'POLICE');
  S.spareAgency = await registerAgency('Leeds Housing Partnership', 'HOUSING');
  S.reviewerAppointed = await registerReviewer('Appointed Lead');
  S.reviewerNotAppointed = await registerReviewer('Unappointed Reviewer');
  S.spareReviewer = await registerReviewer('Spare Reviewer');
  S.wakefieldName = (await mutate<{ board: { name: string } }>(t, setup.admin, '{ board(code: "WAKEFIELD") { name } }', {})).board.name;

  const main = await openCase('IN_PROGRESS', true);
  const planId = (
    await mutate<{ createActionPlan: { id: string } }>(t, setup.manager, 'mutation($i: CreateActionPlanInput!) { createActionPlan(input: $i) { id } }', {
      i: { reviewId: main.reviewId },
    })
  ).createActionPlan.id;
  S.main = {
    ...main,
    planId,
    actionId: await addAction(planId, S.agencyAsked, addDays(today, 60)),
    overdueActionId: await addAction(planId, S.agencyOther, addDays(today, -1)),
    completedActionId: await addAction(planId, S.agencyAsked, addDays(today, 30)),
    spareChallengeId: await challengeBradford(main.reviewId),
  };
  await mutate(t, setup.manager, 'mutation($i: UpdateActionInput!) { updateAction(input: $i) { id } }', {
    i: { actionId: S.main.completedActionId, status: 'COMPLETED', note: 'Done', expectedVersion: 1 },
  });
  S.awaiting = await openCase('AWAITING_DECISION', true);
  S.spare = await openCase('IN_PROGRESS', true);
  S.final = await openCase('REPORT_FINAL', true);
  S.notProceeding = await openCase('NOT_PROCEEDING', true);
  S.published = await openCase('PUBLISHED', false);
  S.pendingIncidentId = (await reportIncident(t, setup.manager, incidentInput(BOARD))).id;
}, 120_000);
afterAll(() => t?.stop());

/** The error codes of an answer, or [] when it has none. */
const codes = (res: GqlResult) => [...new Set((res.errors ?? []).map((e) => e.extensions?.code))];

describe('contract permissions (DOMAIN.md "Who may do what")', () => {
  it('has a row for every principal x every Query and Mutation field of the contract, and every Board statistics field', () => {
    const contractPath = process.env.CONTRACT_PATH || path.join(__dirname, '..', '..', '..', 'shared', 'spec', 'contract.graphql');
    const contract = buildSchema(fs.readFileSync(contractPath, 'utf8'));
    const fields = (type: string) => Object.keys((contract.getType(type) as GraphQLObjectType).getFields());
    const statistics = ['incidentStats', 'themeStats', 'reviewTimeliness', 'actionProgress', 'annualReport'];
    expect(fields('Board')).toEqual(expect.arrayContaining(statistics));
    const wanted = [...fields('Query'), ...fields('Mutation'), ...statistics.map((f) => `board.${f}`)].sort();
    expect(Object.keys(OPERATIONS).sort()).toEqual(wanted);
    for (const [name, op] of Object.entries(OPERATIONS)) expect([name, PRINCIPALS.filter((who) => !op.expected[who])]).toEqual([name, []]);
  });

  it.each(ROWS)('%s as %s -> %s', async (name, who, outcome) => {
    const op = OPERATIONS[name];
    if (!op) throw new Error(`ROWS names ${name}, which OPERATIONS does not have`);
    const ok = outcome === 'ok';
    const subject = who === 'ANON' ? 'anonymous' : `${who}:${name}`;
    const row: Row = { who, subject };
    const token = who === 'ANON' ? undefined : await t.token({ subject, ...claims(who) });
    const x = op.arrange ? await op.arrange(ok, row) : {};
    const refused = !['ok', 'null', 'excluded'].includes(outcome);
    // Anonymous rows share one subject: count its rows with this code before, and look among the new ones after.
    const anonymousBefore = refused && who === 'ANON' ? (await audit({ subject, outcome })).totalCount : 0;

    const res = await t.gql<Data>(token, op.query, op.variables?.(x) ?? {});

    if (!refused) {
      expect({ errors: res.errors ?? [] }).toEqual({ errors: [] });
      const answer = res.data![op.root];
      if (outcome === 'null') expect(answer).toBeNull();
      else if (op.kind === 'mutation') {
        expect(answer).toBeTruthy();
        op.verify?.(answer, x, row);
      } else {
        expect(answer).not.toBeNull();
        expect(op.holds!(answer, x, row)).toBe(outcome === 'ok');
      }
      return;
    }

    expect(codes(res)).toEqual([outcome]);
    expect(res.data?.[op.root] ?? null).toBeNull();
    const operation = refusedAt(op, res);
    let seen: AuditRow[] = [];
    let seenSince = 0;
    const { match } = await eventually(
      async () => {
        const { totalCount, rows } = await audit({ subject, outcome });
        seen = rows.slice(0, Math.max(0, totalCount - anonymousBefore));
        const found = seen.find((r) => r.operation === operation);
        if (found) return { match: found };
        // Rows arrived, none for this operation: give stragglers a moment, then show what was recorded.
        if (seen.length) seenSince ||= Date.now();
        return seenSince && Date.now() - seenSince > 1_000 ? { match: undefined } : undefined;
      },
      AUDIT_WAIT_MS,
      `the audit row of ${subject}'s ${outcome} on ${operation}`,
    ).catch(() => ({ match: undefined }));
    // A row under this subject with this code, for this operation, with the caller's roles and board (else: what was recorded).
    expect(match ?? seen).toMatchObject({
      subject,
      outcome,
      operation,
      roles: who === 'ANON' ? [] : claims(who).roles,
      board: who === 'ANON' ? null : (claims(who).board ?? null),
    });
  });
});
