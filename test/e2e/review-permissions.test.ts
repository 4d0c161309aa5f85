/**
 * Who may do what with reviews: DOMAIN.md's "Who may do what" table, one
 * named test case per role x review operation.
 *
 * Principals (all about the LEEDS reviews built in beforeAll):
 *   BM, BC  LEEDS's manager and chair (the owning board)
 *   PC      BRADFORD's chair: every case has a live peer challenge to BRADFORD
 *   PM      BRADFORD's manager: the challenged board, but not its chair (read rows only)
 *   OC      KIRKLEES's chair: no grant
 *   RV      a reviewer appointed (lead) to every case
 *   RX      a registered reviewer appointed to nothing
 *   AC      a contributor of an agency asked for information on every case
 *   AX      a contributor of an agency involved in every case but never asked
 *   AN, PA, AD   ANALYST, PANEL, ADMIN
 *   ANON    no token
 *
 * Outcomes: `ok`; `null` (a single fetch out of scope); `excluded` (a list
 * leaves the record out); or the error code. A refused mutation must leave the
 * review (as its board's manager reads it) exactly as it was; a permitted one
 * must really have done its work, so rows that change the stage get a fresh
 * review of their own.
 */
import { addCalendarMonths, addDays, todayInLondon } from '@scr/calendar';
import { boardTokens, mutate, notifiedCase, type GqlResult, type TestPlatform, startTestPlatform } from '@scr/testing';

type Who = 'BM' | 'BC' | 'PC' | 'PM' | 'OC' | 'RV' | 'RX' | 'AC' | 'AX' | 'AN' | 'PA' | 'AD' | 'ANON';
type Outcome = 'ok' | 'null' | 'excluded' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED';
type Stage = 'AWAITING_DECISION' | 'IN_PROGRESS' | 'REPORT_FINAL' | 'NOT_PROCEEDING' | 'PUBLISHED';

type Data = Record<string, any>;

/** The principals the brief asks for on every operation; PM is added to the read rows only. */
const PRINCIPALS: Who[] = ['BM', 'BC', 'PC', 'OC', 'RV', 'RX', 'AC', 'AX', 'AN', 'PA', 'AD', 'ANON'];
const READERS: Who[] = [...PRINCIPALS.slice(0, 3), 'PM', ...PRINCIPALS.slice(3)];

const BOARD = 'LEEDS';
const PARTNERS = ['CHILDRENS_SOCIAL_CARE', 'HEALTH', 'POLICE'];
const today = todayInLondon();
const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();

let t: TestPlatform;
const tokens = {} as Record<Who, string | undefined>;
let agencyAsked: string; // AC's agency: involved and asked for information
let agencyNotAsked: string; // AX's agency: involved, never asked
let spareAgency: string; // registered, involved nowhere: target of refused involveAgency calls
let reviewerAppointed: string; // RV
let reviewerNotAppointed: string; // RX
let spareReviewer: string; // registered, appointed nowhere: target of refused appointReviewer calls
const allReferences = new Set<string>();
let seq = 0;

interface Case {
  reviewId: string;
  reference: string;
  /** The information request to AC's agency. */
  requestId: string;
  /** The peer challenge to BRADFORD (PC's grant). */
  challengeId: string;
}

/** The shared cases: MAIN for reads and for mutations that leave the stage alone; one per stage for refused stage changes. */
const shared = {} as Record<'main' | 'awaiting' | 'inProgress' | 'final' | 'notProceeding' | 'published', Case>;

// ---------------------------------------------------------------- set-up helpers

async function asAdmin<T = Data>(query: string, variables: Record<string, unknown>) {
  return mutate<T>(t, tokens.AD!, query, variables);
}

async function registerAgency(name: string, sector: string) {
  const data = await asAdmin<{ registerAgency: { id: string } }>('mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { id } }', {
    i: { name, sector, boardCodes: [BOARD] },
  });
  return data.registerAgency.id;
}

async function registerReviewer(name: string) {
  const data = await asAdmin<{ registerReviewer: { id: string } }>('mutation($i: RegisterReviewerInput!) { registerReviewer(input: $i) { id } }', {
    i: { name, qualifications: ['Independent reviewer accreditation'] },
  });
  return data.registerReviewer.id;
}

async function requestInformationFromAsked(reviewId: string) {
  const data = await mutate<{ requestInformation: { id: string } }>(
    t,
    tokens.BM!,
    'mutation($i: RequestInformationInput!) { requestInformation(input: $i) { id } }',
    {
      i: {
        reviewId,
        agencyId: agencyAsked,
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
    tokens.BC!,
    'mutation($i: RequestPeerChallengeInput!) { requestPeerChallenge(input: $i) { id } }',
    { i: { reviewId, challengerBoardCode: 'BRADFORD', question: 'Was the decision sound?', accessUntil: inAWeek() } },
  );
  return data.requestPeerChallenge.id;
}

/**
 * A LEEDS review in the given stage with every grant in place: both agencies
 * involved, RV appointed lead, AC's agency asked for information, and a live
 * peer challenge to BRADFORD.
 */
async function openCase(stage: Stage): Promise<Case> {
  // Notified 30 days ago and decided 25 days ago, so a report completed 21 days ago can be sent to the panel then.
  const { review } = await notifiedCase(t, tokens.BM!, BOARD, {}, 30);
  const reviewId = review.id;
  for (const agencyId of [agencyAsked, agencyNotAsked]) {
    await mutate(t, tokens.BM!, 'mutation($i: InvolveAgencyInput!) { involveAgency(input: $i) { id } }', { i: { reviewId, agencyId } });
  }
  await mutate(t, tokens.BM!, 'mutation($i: AppointReviewerInput!) { appointReviewer(input: $i) { id } }', {
    i: { reviewId, reviewerId: reviewerAppointed, lead: true, appointedOn: today, independenceStatement: 'No links to the board or the agencies.' },
  });
  const requestId = await requestInformationFromAsked(reviewId);
  const challengeId = await challengeBradford(reviewId);
  if (stage !== 'AWAITING_DECISION') {
    const proceeding = stage !== 'NOT_PROCEEDING';
    await mutate(t, tokens.BC!, 'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }', {
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
      await mutate(t, tokens.BM!, 'mutation($i: SetMethodologyInput!) { setMethodology(input: $i) { id } }', {
        i: { reviewId, name: 'Systems approach', dataCollection: 'Interviews', analysis: 'Thematic' },
      });
    }
  }
  if (stage === 'REPORT_FINAL' || stage === 'PUBLISHED') {
    await mutate(t, tokens.BM!, 'mutation($i: CompleteReviewInput!) { completeReview(input: $i) { id } }', {
      i: { reviewId, completedOn: addDays(today, -21), findings: 'Confidential findings: agencies did not share information.' },
    });
  }
  if (stage === 'PUBLISHED') await mutate(t, tokens.BC!, PUBLISH, { i: publishInput(reviewId) });
  allReferences.add(review.reference as string);
  return { reviewId, reference: review.reference as string, requestId, challengeId };
}

const PUBLISH = 'mutation($i: PublishReviewInput!) { publishReview(input: $i) { id stage publication { publishedOn } } }';
function publishInput(reviewId: string) {
  return {
    reviewId,
    url: `https://example.org/reports/${reviewId}.pdf`,
    sentToPanelOn: addDays(today, -21),
    publishedOn: today,
    plainEnglishSummary: 'A child was seriously harmed. Agencies must share information sooner.',
    welfareImpactConsidered: true,
    dataProtectionChecked: true,
    courtRestrictionsChecked: true,
  };
}

/** Everything about a review that any operation here could change, as its board's manager reads it. */
const SNAPSHOT = `query($id: ID!) { review(id: $id) {
  version stage findings completionDueOn completedOn
  decision { outcome decidedBy } methodology { name dataCollection analysis } extension { completionDueOn reason }
  publication { url publishedOn }
  appointments { lead reviewer { id } } involvedAgencies { id }
  informationRequests { id status response } peerChallenges { id status response }
  themes parallelProcesses { kind reference } familyEngagement { participant }
} }`;

async function snapshot(reviewId: string): Promise<Data> {
  const res = await t.gql<{ review: Data | null }>(tokens.BM, SNAPSHOT, { id: reviewId });
  expect(res.errors).toBeUndefined();
  expect(res.data!.review).not.toBeNull();
  return res.data!.review!;
}

const byId = <T extends { id: string }>(list: T[], id: string) => list.find((x) => x.id === id);

// ---------------------------------------------------------------- the table

/** What a test case acts on. */
interface Target extends Case {
  reviewerId?: string;
  agencyId?: string;
  completionDueOn?: string;
  name?: string;
}

interface Operation {
  kind: 'fetch' | 'list' | 'mutation';
  /** The root field of the answer. */
  root: string;
  query: string;
  variables?(x: Target): Record<string, unknown>;
  /** The target of the row; MAIN by default. `ok` rows of stage-changing operations get a fresh review. */
  arrange?(ok: boolean, who: Who): Promise<Target>;
  /** fetch: is the answer the target? list: does the list hold the target? */
  holds?(answer: Data, x: Target): boolean;
  /** Extra checks for an `ok` mutation, given the review before and after (as BM reads it). */
  verify?(answer: Data, x: Target, before: Data, after: Data): void;
  /** Text a refused read must not answer in any part of its data. */
  secret?: string;
  /** What a refused call must not change; the target review's snapshot by default. */
  state?(x: Target): Promise<unknown>;
  expected: Partial<Record<Who, Outcome>>;
}

const F: Outcome = 'FORBIDDEN';
const NF: Outcome = 'NOT_FOUND';

/** Fills in the rest of a row: `otherwise` for every principal not named, UNAUTHENTICATED for ANON unless named. */
function outcomes(named: Partial<Record<Who, Outcome>>, otherwise: Outcome = F): Partial<Record<Who, Outcome>> {
  const all: Partial<Record<Who, Outcome>> = {};
  for (const who of PRINCIPALS) all[who] = named[who] ?? (who === 'ANON' ? 'UNAUTHENTICATED' : otherwise);
  if (named.PM) all.PM = named.PM;
  return all;
}

const FULL_REVIEW = `id reference kind stage version findings decisionDueOn initiatedOn completionDueOn timescaleStatus
  board { code } incident { id reference }
  decision { outcome rationale decidedBy } methodology { name } extension { reason }
  appointments { lead reviewer { id name } } involvedAgencies { id name }
  informationRequests { id status } peerChallenges { id status }
  themes parallelProcesses { kind } familyEngagement { participant } publication { url }`;
const SUMMARY_REVIEW = 'reference kind stage board { code }';

/** Read rows: owning staff, the peer challenger and the appointed reviewer read everything; AC reads the four summary fields. */
const readFull = { BM: 'ok', BC: 'ok', PC: 'ok', RV: 'ok', AC: F } as const;
const readSummary = { BM: 'ok', BC: 'ok', PC: 'ok', RV: 'ok', AC: 'ok' } as const;
const fetchHidden = { PM: 'null', OC: 'null', RX: 'null', AX: 'null' } as const;
const listHidden = { PM: 'excluded', OC: 'excluded', RX: 'excluded', AX: 'excluded' } as const;

/** A review-returning mutation on MAIN that leaves the stage alone and bumps the version. */
function onMain(
  root: string,
  input: string,
  fields: (x: Target) => Record<string, unknown>,
  expected: Partial<Record<Who, Outcome>>,
  check?: Operation['verify'],
): Operation {
  return {
    kind: 'mutation',
    root,
    query: `mutation($i: ${input}!) { ${root}(input: $i) { id version } }`,
    variables: (x) => ({ i: { reviewId: x.reviewId, ...fields(x) } }),
    verify: (answer, x, before, after) => {
      expect(answer.id).toBe(x.reviewId);
      expect(after.version).toBe(before.version + 1);
      check?.(answer, x, before, after);
    },
    expected,
  };
}

/** A review-returning mutation that moves the review on: `ok` rows get a fresh review in `from`, refused rows the shared one. */
function stageChange(
  root: string,
  from: Stage,
  sharedCase: keyof typeof shared,
  query: string,
  variables: Operation['variables'],
  to: string,
  expected: Partial<Record<Who, Outcome>>,
): Operation {
  return {
    kind: 'mutation',
    root,
    query,
    variables,
    arrange: async (ok) => (ok ? openCase(from) : shared[sharedCase]),
    verify: (answer, x, before, after) => {
      expect(answer.id).toBe(x.reviewId);
      expect(before.stage).toBe(from);
      expect(after.stage).toBe(to);
    },
    expected,
  };
}

const BM_BC_RV = outcomes({ BM: 'ok', BC: 'ok', RV: 'ok', OC: NF, RX: NF });
const BM_BC = outcomes({ BM: 'ok', BC: 'ok', OC: NF });
const BC_ONLY = outcomes({ BC: 'ok', OC: NF });

const OPERATIONS: Record<string, Operation> = {
  // ---- reads of reviews
  'review (all fields)': {
    kind: 'fetch',
    root: 'review',
    query: `query($id: ID!) { review(id: $id) { ${FULL_REVIEW} } }`,
    variables: (x) => ({ id: x.reviewId }),
    // The review's information requests are among its fields: whoever reads them sees the request to AC's agency.
    holds: (r, x) => r.id === x.reviewId && r.reference === x.reference && r.informationRequests.some((q: Data) => q.id === x.requestId),
    expected: outcomes({ ...readFull, ...fetchHidden }),
  },
  'review (reference, board, kind, stage)': {
    kind: 'fetch',
    root: 'review',
    query: `query($id: ID!) { review(id: $id) { ${SUMMARY_REVIEW} } }`,
    variables: (x) => ({ id: x.reviewId }),
    holds: (r, x) => r.reference === x.reference && r.board.code === BOARD && r.stage === 'IN_PROGRESS',
    expected: outcomes({ ...readSummary, ...fetchHidden }),
  },
  'reviews (all fields)': {
    kind: 'list',
    root: 'reviews',
    query: `{ reviews(first: 500) { totalCount edges { node { ${FULL_REVIEW} } } } }`,
    holds: (c, x) => c.edges.some((e: Data) => e.node.reference === x.reference),
    expected: outcomes({ ...readFull, ...listHidden }),
  },
  'reviews (reference, board, kind, stage)': {
    kind: 'list',
    root: 'reviews',
    query: `{ reviews(first: 500) { totalCount edges { node { ${SUMMARY_REVIEW} } } } }`,
    holds: (c, x) => c.edges.some((e: Data) => e.node.reference === x.reference),
    expected: outcomes({ ...readSummary, ...listHidden }),
  },

  // ---- reviewers
  reviewers: {
    kind: 'list',
    root: 'reviewers',
    query: '{ reviewers { id name qualifications } }',
    holds: (list) => list.some((r: Data) => r.id === reviewerAppointed) && list.some((r: Data) => r.id === reviewerNotAppointed),
    // Every board's manager and chair may list the register (PC and OC are chairs of their own boards).
    expected: outcomes({ BM: 'ok', BC: 'ok', PC: 'ok', OC: 'ok', AD: 'ok' }),
  },
  registerReviewer: {
    kind: 'mutation',
    root: 'registerReviewer',
    query: 'mutation($i: RegisterReviewerInput!) { registerReviewer(input: $i) { id name qualifications } }',
    arrange: async () => ({ ...shared.main, name: `Registered reviewer ${++seq}` }),
    variables: (x) => ({ i: { name: x.name, qualifications: ['Social work qualification'] } }),
    state: async () => (await mutate<{ reviewers: Data[] }>(t, tokens.AD!, '{ reviewers { id name } }', {})).reviewers,
    verify: (answer, x) => expect(answer).toMatchObject({ name: x.name, qualifications: ['Social work qualification'] }),
    expected: outcomes({ AD: 'ok' }),
  },

  // ---- the chair's own steps
  recordDecision: stageChange(
    'recordDecision',
    'AWAITING_DECISION',
    'awaiting',
    'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id stage kind decision { decidedBy } } }',
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
    variables: (x) => ({ i: { reviewId: x.reviewId, challengerBoardCode: 'WAKEFIELD', question: 'Is the scope right?', accessUntil: inAWeek() } }),
    verify: (answer, _x, before, after) => {
      expect(answer).toMatchObject({ status: 'ACTIVE', challengerBoard: { code: 'WAKEFIELD' } });
      expect(after.peerChallenges).toHaveLength(before.peerChallenges.length + 1);
    },
    expected: BC_ONLY,
  },
  revokePeerChallenge: {
    kind: 'mutation',
    root: 'revokePeerChallenge',
    query: 'mutation($id: ID!) { revokePeerChallenge(peerChallengeId: $id) { id status } }',
    // A challenge of its own to BRADFORD on MAIN, so PC (its challenger) sees it and nothing else depends on it.
    arrange: async () => ({ ...shared.main, challengeId: await challengeBradford(shared.main.reviewId) }),
    variables: (x) => ({ id: x.challengeId }),
    verify: (answer, x, before, after) => {
      expect(answer).toMatchObject({ id: x.challengeId, status: 'REVOKED' });
      expect(byId(before.peerChallenges, x.challengeId)).toMatchObject({ status: 'ACTIVE' });
      expect(byId(after.peerChallenges, x.challengeId)).toMatchObject({ status: 'REVOKED' });
    },
    // PC sees the challenge (it received it) but may not revoke it: FORBIDDEN, not NOT_FOUND.
    expected: outcomes({ BC: 'ok', OC: NF, PC: F }),
  },
  publishReview: stageChange('publishReview', 'REPORT_FINAL', 'final', PUBLISH, (x) => ({ i: publishInput(x.reviewId) }), 'PUBLISHED', BC_ONLY),

  // ---- the challenger's step
  respondToPeerChallenge: {
    kind: 'mutation',
    root: 'respondToPeerChallenge',
    query: 'mutation($i: RespondToPeerChallengeInput!) { respondToPeerChallenge(input: $i) { id status response } }',
    arrange: async () => ({ ...shared.main, challengeId: await challengeBradford(shared.main.reviewId) }),
    variables: (x) => ({ i: { peerChallengeId: x.challengeId, response: 'The decision was sound.' } }),
    verify: (answer, x, _before, after) => {
      expect(answer).toMatchObject({ id: x.challengeId, status: 'RESPONDED', response: 'The decision was sound.' });
      expect(byId(after.peerChallenges, x.challengeId)).toMatchObject({ status: 'RESPONDED' });
    },
    // The owning chair sees the challenge (it sent it) but is not its challenger: FORBIDDEN, not NOT_FOUND.
    expected: outcomes({ PC: 'ok', OC: NF, BC: F }),
  },
  peerChallenges: {
    kind: 'list',
    root: 'peerChallenges',
    query: '{ peerChallenges { id status challengerBoard { code } } }',
    holds: (list, x) => list.some((c: Data) => c.id === x.challengeId),
    // BC sent it, BM sees what its board sent, PC received it; BRADFORD's manager sees only what BRADFORD sent.
    expected: outcomes({ BM: 'ok', BC: 'ok', PC: 'ok', PM: 'excluded', OC: 'excluded' }),
  },

  // ---- board staff or the appointed reviewer
  setMethodology: onMain(
    'setMethodology',
    'SetMethodologyInput',
    () => ({ name: `Systems approach ${++seq}`, dataCollection: 'Chronologies and interviews', analysis: 'Thematic analysis' }),
    BM_BC_RV,
    (_a, _x, _b, after) => expect(after.methodology.name).toBe(`Systems approach ${seq}`),
  ),
  recordFindings: onMain(
    'recordFindings',
    'RecordFindingsInput',
    () => ({ findings: `Draft findings ${++seq}` }),
    BM_BC_RV,
    (_a, _x, _b, after) => expect(after.findings).toBe(`Draft findings ${seq}`),
  ),
  requestInformation: {
    kind: 'mutation',
    root: 'requestInformation',
    query: 'mutation($i: RequestInformationInput!) { requestInformation(input: $i) { id status agency { id } } }',
    variables: (x) => ({
      // Each call its own request (the same open request again is a client's retry and adds nothing).
      i: {
        reviewId: x.reviewId,
        agencyId: agencyAsked,
        purpose: `School records ${++seq}`,
        necessity: 'Attendance matters',
        proportionality: 'This school year only',
        dueOn: addDays(today, 10),
      },
    }),
    verify: (answer, _x, before, after) => {
      expect(answer).toMatchObject({ status: 'OPEN', agency: { id: agencyAsked } });
      expect(after.informationRequests).toHaveLength(before.informationRequests.length + 1);
      expect(after.version).toBe(before.version + 1);
    },
    expected: BM_BC_RV,
  },
  withdrawInformationRequest: {
    kind: 'mutation',
    root: 'withdrawInformationRequest',
    query: 'mutation($i: WithdrawInformationRequestInput!) { withdrawInformationRequest(input: $i) { id status } }',
    // A request of its own on MAIN, open, addressed to AC's agency.
    arrange: async () => ({ ...shared.main, requestId: await requestInformationFromAsked(shared.main.reviewId) }),
    variables: (x) => ({ i: { informationRequestId: x.requestId, reason: 'No longer needed.' } }),
    verify: (answer, x, _before, after) => {
      expect(answer).toMatchObject({ id: x.requestId, status: 'WITHDRAWN' });
      expect(byId(after.informationRequests, x.requestId)).toMatchObject({ status: 'WITHDRAWN' });
    },
    // PC reads the review's informationRequests (Review.*), so the request is visible to it: FORBIDDEN, not NOT_FOUND.
    expected: BM_BC_RV,
  },

  // ---- board staff only
  appointReviewer: {
    kind: 'mutation',
    root: 'appointReviewer',
    query: 'mutation($i: AppointReviewerInput!) { appointReviewer(input: $i) { id version } }',
    arrange: async (ok) => ({ ...shared.main, reviewerId: ok ? await registerReviewer(`Panel member ${++seq}`) : spareReviewer }),
    variables: (x) => ({ i: { reviewId: x.reviewId, reviewerId: x.reviewerId, lead: false, appointedOn: today, independenceStatement: 'No links.' } }),
    verify: (_answer, x, before, after) => {
      expect(after.version).toBe(before.version + 1);
      expect(after.appointments.map((a: Data) => a.reviewer.id)).toContain(x.reviewerId);
    },
    expected: BM_BC,
  },
  involveAgency: {
    kind: 'mutation',
    root: 'involveAgency',
    query: 'mutation($i: InvolveAgencyInput!) { involveAgency(input: $i) { id version } }',
    arrange: async (ok) => ({ ...shared.main, agencyId: ok ? await registerAgency(`Leeds School ${++seq}`, 'EDUCATION') : spareAgency }),
    variables: (x) => ({ i: { reviewId: x.reviewId, agencyId: x.agencyId } }),
    verify: (_answer, x, before, after) => {
      expect(after.version).toBe(before.version + 1);
      expect(after.involvedAgencies.map((a: Data) => a.id)).toContain(x.agencyId);
    },
    expected: BM_BC,
  },
  extendTimescale: {
    kind: 'mutation',
    root: 'extendTimescale',
    query: 'mutation($i: ExtendTimescaleInput!) { extendTimescale(input: $i) { id version completionDueOn } }',
    arrange: async () => ({ ...shared.main, completionDueOn: addCalendarMonths((await snapshot(shared.main.reviewId)).completionDueOn, 1) }),
    variables: (x) => ({
      i: { reviewId: x.reviewId, reason: 'Criminal trial', completionDueOn: x.completionDueOn, interimLearning: ['Briefing to GPs on safe sleeping'] },
    }),
    verify: (answer, x, before, after) => {
      expect(answer.completionDueOn).toBe(x.completionDueOn);
      expect(after.version).toBe(before.version + 1);
    },
    expected: BM_BC,
  },
  linkParallelProcess: onMain(
    'linkParallelProcess',
    'LinkParallelProcessInput',
    () => ({ kind: 'CORONER_INQUEST', reference: `INQ-${++seq}`, leadOrganisation: 'West Yorkshire Coroner' }),
    BM_BC,
    (_a, _x, _b, after) => expect(after.parallelProcesses.map((p: Data) => p.reference)).toContain(`INQ-${seq}`),
  ),
  recordFamilyEngagement: onMain(
    'recordFamilyEngagement',
    'RecordFamilyEngagementInput',
    () => ({ participant: `Relative ${++seq}`, engagedOn: today, contributed: true }),
    BM_BC,
    (_a, _x, _b, after) => expect(after.familyEngagement.map((f: Data) => f.participant)).toContain(`Relative ${seq}`),
  ),
  setThemes: onMain(
    'setThemes',
    'SetThemesInput',
    () => ({ themes: ++seq % 2 ? ['NEGLECT'] : ['INFORMATION_SHARING', 'VOICE_OF_THE_CHILD'] }),
    BM_BC,
    (_a, _x, _b, after) => expect(after.themes).toEqual(seq % 2 ? ['NEGLECT'] : ['INFORMATION_SHARING', 'VOICE_OF_THE_CHILD']),
  ),
  completeReview: stageChange(
    'completeReview',
    'IN_PROGRESS',
    'inProgress',
    'mutation($i: CompleteReviewInput!) { completeReview(input: $i) { id stage } }',
    (x) => ({ i: { reviewId: x.reviewId, completedOn: today, findings: 'Agencies did not share information.' } }),
    'REPORT_FINAL',
    BM_BC,
  ),
  closeReview: stageChange(
    'closeReview',
    'NOT_PROCEEDING',
    'notProceeding',
    'mutation($id: ID!) { closeReview(reviewId: $id) { id stage } }',
    (x) => ({ id: x.reviewId }),
    'CLOSED',
    BM_BC,
  ),

  // ---- information requests
  informationRequests: {
    kind: 'list',
    root: 'informationRequests',
    query:
      'query($id: ID!) { informationRequests(filter: { reviewId: $id }, first: 500) { totalCount edges { node { id status agency { id } review { reference kind stage board { code } } } } } }',
    variables: (x) => ({ id: x.reviewId }),
    holds: (c, x) => c.edges.some((e: Data) => e.node.id === x.requestId && e.node.review.reference === x.reference),
    // PC is not among this query's readers: its list (its own board's requests) leaves the request out.
    expected: outcomes({ BM: 'ok', BC: 'ok', RV: 'ok', AC: 'ok', PC: 'excluded', PM: 'excluded', OC: 'excluded', RX: 'excluded', AX: 'excluded' }),
  },
  // A record reached through a non-null reference is resolved, but AC reads only the review's four summary fields.
  'informationRequests (review findings)': {
    kind: 'list',
    root: 'informationRequests',
    query: 'query($id: ID!) { informationRequests(filter: { reviewId: $id }, first: 500) { edges { node { id review { reference findings } } } } }',
    arrange: async () => shared.published,
    variables: (x) => ({ id: x.reviewId }),
    holds: (c, x) => c.edges.some((e: Data) => e.node.id === x.requestId && e.node.review.findings?.startsWith('Confidential findings')),
    secret: 'Confidential findings',
    // The reviewer's access ended with publication (DOMAIN.md step 6).
    expected: outcomes({ BM: 'ok', BC: 'ok', RV: 'excluded', AC: F, PC: 'excluded', PM: 'excluded', OC: 'excluded', RX: 'excluded', AX: 'excluded' }),
  },
  respondToInformationRequest: {
    kind: 'mutation',
    root: 'respondToInformationRequest',
    query: 'mutation($i: RespondToInformationRequestInput!) { respondToInformationRequest(input: $i) { id status response review { reference stage } } }',
    arrange: async () => ({ ...shared.main, requestId: await requestInformationFromAsked(shared.main.reviewId) }),
    variables: (x) => ({ i: { informationRequestId: x.requestId, response: 'Records attached.' } }),
    verify: (answer, x, _before, after) => {
      expect(answer).toMatchObject({ id: x.requestId, status: 'RESPONDED', response: 'Records attached.', review: { reference: x.reference } });
      expect(byId(after.informationRequests, x.requestId)).toMatchObject({ status: 'RESPONDED' });
    },
    expected: outcomes({ AC: 'ok', AX: NF }),
  },

  // ---- the public listing
  'publishedReviews (public fields)': {
    kind: 'list',
    root: 'publishedReviews',
    query:
      '{ publishedReviews(first: 500) { totalCount edges { node { reference kind themes board { code name kind } publication { url publishedOn availableUntil plainEnglishSummary } } } } }',
    arrange: async () => shared.published,
    holds: (c, x) => c.edges.some((e: Data) => e.node.reference === x.reference && e.node.board.code === BOARD && e.node.publication.publishedOn === today),
    expected: { ...outcomes({}, 'ok'), ANON: 'ok', PM: 'ok' },
  },
};

const ROWS: [string, Who, Outcome][] = Object.entries(OPERATIONS).flatMap(([name, op]) =>
  READERS.filter((who) => op.expected[who]).map((who) => [name, who, op.expected[who]!] as [string, Who, Outcome]),
);

// ---------------------------------------------------------------- the platform

beforeAll(async () => {
  t = await startTestPlatform();
  tokens.AD = await t.token({ subject: 'admin', roles: ['ADMIN'] });
  const leeds = await boardTokens(t, BOARD);
  const bradford = await boardTokens(t, 'BRADFORD');
  tokens.BM = leeds.manager;
  tokens.BC = leeds.chair;
  tokens.PC = bradford.chair;
  tokens.PM = bradford.manager;
  tokens.OC = (await boardTokens(t, 'KIRKLEES')).chair;
  tokens.AN = await t.token({ subject: 'analyst', roles: ['ANALYST'] });
  tokens.PA = await t.token({ subject: 'panel', roles: ['PANEL'] });
  tokens.ANON = undefined;

  agencyAsked = await registerAgency('Leeds Community Health', 'HEALTH');
  agencyNotAsked = await registerAgency('Leeds District Police', 'POLICE');
  spareAgency = await registerAgency('Leeds Housing Partnership', 'HOUSING');
  reviewerAppointed = await registerReviewer('Appointed Lead');
  reviewerNotAppointed = await registerReviewer('Unappointed Reviewer');
  spareReviewer = await registerReviewer('Spare Reviewer');
  tokens.RV = await t.token({ subject: 'rv-appointed', roles: ['REVIEWER'], reviewer: reviewerAppointed });
  tokens.RX = await t.token({ subject: 'rv-unappointed', roles: ['REVIEWER'], reviewer: reviewerNotAppointed });
  tokens.AC = await t.token({ subject: 'ac-asked', roles: ['AGENCY_CONTRIBUTOR'], agency: agencyAsked });
  tokens.AX = await t.token({ subject: 'ac-not-asked', roles: ['AGENCY_CONTRIBUTOR'], agency: agencyNotAsked });

  shared.main = await openCase('IN_PROGRESS');
  shared.awaiting = await openCase('AWAITING_DECISION');
  shared.inProgress = await openCase('IN_PROGRESS');
  shared.final = await openCase('REPORT_FINAL');
  shared.notProceeding = await openCase('NOT_PROCEEDING');
  shared.published = await openCase('PUBLISHED');
}, 120_000);
afterAll(() => t?.stop());

/** The error codes of an answer, or [] when it has none. */
const codes = (res: GqlResult) => [...new Set((res.errors ?? []).map((e) => e.extensions?.code))];

describe('review permissions (DOMAIN.md "Who may do what")', () => {
  it('covers every principal for every review operation', () => {
    for (const [name, op] of Object.entries(OPERATIONS)) {
      expect([name, PRINCIPALS.filter((who) => !op.expected[who])]).toEqual([name, []]);
    }
  });

  it.each(ROWS)('%s as %s -> %s', async (name, who, outcome) => {
    const op = OPERATIONS[name];
    if (!op) throw new Error(`ROWS names ${name}, which OPERATIONS does not have`);
    const ok = outcome === 'ok';
    const x: Target = op.arrange ? await op.arrange(ok, who) : shared.main;
    const state = op.state ?? ((target: Target) => snapshot(target.reviewId));
    const before = op.kind === 'mutation' ? await state(x) : undefined;

    const res = await t.gql<Data>(tokens[who], op.query, op.variables?.(x) ?? {});

    if (outcome === 'ok' || outcome === 'null' || outcome === 'excluded') {
      expect({ errors: res.errors ?? [] }).toEqual({ errors: [] });
      const answer = res.data![op.root];
      if (outcome === 'null') expect(answer).toBeNull();
      else if (op.kind === 'mutation') {
        expect(answer).toBeTruthy();
        op.verify?.(answer, x, before as Data, op.state ? ((await op.state(x)) as Data) : await snapshot(x.reviewId));
      } else {
        expect(answer).not.toBeNull();
        expect(op.holds!(answer, x)).toBe(outcome === 'ok');
        if (outcome === 'excluded' && op.root === 'reviews') {
          // Nothing of LEEDS's leaks into the list, and the total counts the same rows.
          expect(answer.edges.filter((e: Data) => allReferences.has(e.node.reference))).toEqual([]);
          expect(answer.totalCount).toBe(answer.edges.length);
        }
      }
    } else {
      // A refused request changes nothing, and whatever part of a refused read was answered carries none of the refused data.
      if (op.kind === 'mutation') expect(await state(x)).toEqual(before);
      if (op.secret) expect(JSON.stringify(res.data ?? null)).not.toContain(op.secret);
      expect(codes(res)).toEqual([outcome]);
      if (op.kind === 'fetch') expect(res.data?.[op.root] ?? null).toBeNull();
      if (op.kind === 'mutation') expect(res.data ?? null).toBeNull();
    }
  });
});
