/**
 * Field permissions that hold however an operation is written and whatever
 * roles a token combines (DOMAIN.md "Who may do what"; issue 9, findings 1, 2
 * and the Reviewer part of 9).
 *
 * The case: a WAKEFIELD review with two agencies asked (A and B, B answered),
 * reviewer R appointed, a peer challenge to BRADFORD, and an action plan with
 * one action owned by each agency; a BRADFORD review of its own; and a
 * published WAKEFIELD review.
 *
 * Multi-role tokens:
 *   AC+BM  agency A's contributor and BRADFORD's manager
 *   AC+BC  agency A's contributor and CALDERDALE's chair (no grant on the case)
 *   RV+BM  reviewer R and BRADFORD's manager
 */
import request from 'supertest';
import { addDays, todayInLondon } from '@scr/calendar';
import { boardTokens, errorCode, mutate, notifiedCase, startTestPlatform, type GqlResult, type TestPlatform } from '@scr/testing';

type Data = Record<string, any>;

const today = todayInLondon();
const PARTNERS = ['CHILDRENS_SOCIAL_CARE', 'HEALTH', 'POLICE'];
const SECRET = {
  rationale: 'Secret rationale 5d1e: the family was known to three agencies',
  answerB: 'Secret answer of agency B 77c0',
  answerA: 'Answer of agency A 1a2b',
  findings: 'Secret findings 9e4f',
  familyNote: 'Secret family note 3c3c',
  actionB: 'Secret action of agency B 0b0b',
  childName: 'Secret Child-Name 42',
  challenge: 'Secret challenge question 8a8a',
};

let t: TestPlatform;
const tok = {} as Record<'wm' | 'wc' | 'bm' | 'acBm' | 'acBc' | 'rvBm' | 'ac' | 'rv' | 'admin' | 'analyst' | 'panel', string>;
const ids = {} as Record<
  | 'agencyA'
  | 'agencyB'
  | 'reviewer'
  | 'wReview'
  | 'wIncident'
  | 'wRef'
  | 'bReview'
  | 'bIncident'
  | 'requestA'
  | 'requestB'
  | 'plan'
  | 'actionA'
  | 'actionB'
  | 'published'
  | 'publishedRef'
  | 'otherReviewer',
  string
>;

const gql = (token: string | undefined, query: string, variables: Record<string, unknown> = {}) => t.gql<Data>(token, query, variables);
const codes = (res: GqlResult) => [...new Set((res.errors ?? []).map((e) => e.extensions?.code))];

/** The same request about a review, written six ways: fragments, inline fragments, directives, aliases, __typename siblings. */
const reviewForms = (sel: string) => [
  `query($id: ID!) { review(id: $id) { ${sel} } }`,
  `query($id: ID!) { review(id: $id) { ...F } } fragment F on Review { ${sel} }`,
  `query($id: ID!) { review(id: $id) { ... on Review { ${sel} } } }`,
  `query($id: ID!) { ... @include(if: true) { review(id: $id) { ${sel} } } }`,
  `query($id: ID!) { __typename review(id: $id) { __typename ... @skip(if: false) { ${sel} } } }`,
  `query($id: ID!, $yes: Boolean! = true) { ...Q } fragment Q on Query { mine: review(id: $id) @include(if: $yes) { ... on Review { ${sel} } } }`,
];

beforeAll(async () => {
  t = await startTestPlatform();
  const wakefield = await boardTokens(t, 'WAKEFIELD');
  const bradford = await boardTokens(t, 'BRADFORD');
  tok.wm = wakefield.manager;
  tok.wc = wakefield.chair;
  tok.bm = bradford.manager;
  tok.admin = await t.token({ subject: 'admin', roles: ['ADMIN'] });
  tok.analyst = await t.token({ subject: 'analyst', roles: ['ANALYST'] });
  tok.panel = await t.token({ subject: 'panel', roles: ['PANEL'] });

  const agency = async (name: string, boardCodes: string[]) =>
    (await mutate<Data>(t, tok.admin, 'mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { id } }', { i: { name, sector: 'HEALTH', boardCodes } }))
      .registerAgency.id as string;
  ids.agencyA = await agency('Agency A (field permissions)', ['WAKEFIELD', 'BRADFORD']);
  ids.agencyB = await agency('Agency B (field permissions)', ['WAKEFIELD']);
  const reviewer = async (name: string) =>
    (
      await mutate<Data>(t, tok.admin, 'mutation($i: RegisterReviewerInput!) { registerReviewer(input: $i) { id } }', {
        i: { name, qualifications: ['Social work'] },
      })
    ).registerReviewer.id as string;
  ids.reviewer = await reviewer('Reviewer R');
  ids.otherReviewer = await reviewer('Reviewer S');

  tok.ac = await t.token({ subject: 'ac-a', roles: ['AGENCY_CONTRIBUTOR'], agency: ids.agencyA });
  tok.rv = await t.token({ subject: 'rv-r', roles: ['REVIEWER'], reviewer: ids.reviewer });
  tok.acBm = await t.token({ subject: 'ac-bm', roles: ['AGENCY_CONTRIBUTOR', 'BOARD_MANAGER'], agency: ids.agencyA, board: 'BRADFORD' });
  tok.acBc = await t.token({ subject: 'ac-bc', roles: ['AGENCY_CONTRIBUTOR', 'BOARD_CHAIR'], agency: ids.agencyA, board: 'CALDERDALE' });
  tok.rvBm = await t.token({ subject: 'rv-bm', roles: ['REVIEWER', 'BOARD_MANAGER'], reviewer: ids.reviewer, board: 'BRADFORD' });

  // The WAKEFIELD case.
  const w = await notifiedCase(t, tok.wm, 'WAKEFIELD', {
    children: [{ pseudonym: 'Child W', fullName: SECRET.childName, dateOfBirth: addDays(today, -900), sex: 'MALE', socialCareStatus: 'CHILD_IN_NEED' }],
  });
  ids.wReview = w.review.id;
  ids.wIncident = w.incident.id;
  ids.wRef = w.review.reference as string;
  const reviewId = ids.wReview;
  await mutate(t, tok.wc, 'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }', {
    i: { reviewId, outcome: 'INITIATE_REVIEW', criteriaMet: true, partnersAgreed: PARTNERS, rationale: SECRET.rationale, decidedOn: today },
  });
  for (const agencyId of [ids.agencyA, ids.agencyB])
    await mutate(t, tok.wm, 'mutation($i: InvolveAgencyInput!) { involveAgency(input: $i) { id } }', { i: { reviewId, agencyId } });
  const ask = async (agencyId: string) =>
    (
      await mutate<Data>(t, tok.wm, 'mutation($i: RequestInformationInput!) { requestInformation(input: $i) { id } }', {
        i: { reviewId, agencyId, purpose: 'Chronology', necessity: 'Needed', proportionality: 'Limited', dueOn: addDays(today, 30) },
      })
    ).requestInformation.id as string;
  ids.requestA = await ask(ids.agencyA);
  ids.requestB = await ask(ids.agencyB);
  const agencyB = await t.token({ subject: 'ac-b', roles: ['AGENCY_CONTRIBUTOR'], agency: ids.agencyB });
  await mutate(t, agencyB, 'mutation($i: RespondToInformationRequestInput!) { respondToInformationRequest(input: $i) { id } }', {
    i: { informationRequestId: ids.requestB, response: SECRET.answerB },
  });
  await mutate(t, tok.ac, 'mutation($i: RespondToInformationRequestInput!) { respondToInformationRequest(input: $i) { id } }', {
    i: { informationRequestId: ids.requestA, response: SECRET.answerA },
  });
  await mutate(t, tok.wm, 'mutation($i: AppointReviewerInput!) { appointReviewer(input: $i) { id } }', {
    i: { reviewId, reviewerId: ids.reviewer, lead: true, appointedOn: today, independenceStatement: 'Independent.' },
  });
  await mutate(t, tok.wm, 'mutation($i: RecordFindingsInput!) { recordFindings(input: $i) { id } }', { i: { reviewId, findings: SECRET.findings } });
  await mutate(t, tok.wm, 'mutation($i: RecordFamilyEngagementInput!) { recordFamilyEngagement(input: $i) { id } }', {
    i: { reviewId, participant: 'Mother', engagedOn: today, contributed: true, note: SECRET.familyNote },
  });
  await mutate(t, tok.wc, 'mutation($i: RequestPeerChallengeInput!) { requestPeerChallenge(input: $i) { id } }', {
    i: { reviewId, challengerBoardCode: 'BRADFORD', question: SECRET.challenge, accessUntil: new Date(Date.now() + 7 * 86_400_000).toISOString() },
  });
  ids.plan = (await mutate<Data>(t, tok.wm, 'mutation($r: ID!) { createActionPlan(input: { reviewId: $r }) { id } }', { r: reviewId })).createActionPlan.id;
  const action = async (ownerAgencyId: string, description: string) =>
    (
      await mutate<Data>(t, tok.wm, 'mutation($i: AddActionInput!) { addAction(input: $i) { id } }', {
        i: { actionPlanId: ids.plan, recommendation: 'Share information', description, ownerAgencyId, dueOn: addDays(today, 60), successCriteria: ['Audit'] },
      })
    ).addAction.id as string;
  ids.actionA = await action(ids.agencyA, 'Action of agency A');
  ids.actionB = await action(ids.agencyB, SECRET.actionB);

  // BRADFORD's own review.
  const b = await notifiedCase(t, tok.bm, 'BRADFORD');
  ids.bReview = b.review.id;
  ids.bIncident = b.incident.id;
  await mutate(t, bradford.chair, 'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }', {
    i: { reviewId: ids.bReview, outcome: 'INITIATE_REVIEW', criteriaMet: true, partnersAgreed: PARTNERS, rationale: 'Bradford rationale', decidedOn: today },
  });

  // A published WAKEFIELD review, its dates spaced so every publication rule is met.
  const p = await notifiedCase(t, tok.wm, 'WAKEFIELD', {}, 40);
  ids.published = p.review.id;
  ids.publishedRef = p.review.reference as string;
  await mutate(t, tok.wc, 'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }', {
    i: {
      reviewId: ids.published,
      outcome: 'INITIATE_REVIEW',
      criteriaMet: true,
      partnersAgreed: PARTNERS,
      rationale: SECRET.rationale,
      decidedOn: addDays(today, -35),
    },
  });
  await mutate(t, tok.wm, 'mutation($i: AppointReviewerInput!) { appointReviewer(input: $i) { id } }', {
    i: { reviewId: ids.published, reviewerId: ids.reviewer, lead: true, appointedOn: addDays(today, -35), independenceStatement: 'Independent.' },
  });
  await mutate(t, tok.wm, 'mutation($i: SetMethodologyInput!) { setMethodology(input: $i) { id } }', {
    i: { reviewId: ids.published, name: 'SILP', dataCollection: 'Interviews', analysis: 'Systems' },
  });
  await mutate(t, tok.wm, 'mutation($i: SetThemesInput!) { setThemes(input: $i) { id } }', { i: { reviewId: ids.published, themes: ['NEGLECT'] } });
  await mutate(t, tok.wm, 'mutation($i: CompleteReviewInput!) { completeReview(input: $i) { id } }', {
    i: { reviewId: ids.published, completedOn: addDays(today, -25), findings: SECRET.findings },
  });
  await mutate(t, tok.wc, 'mutation($i: PublishReviewInput!) { publishReview(input: $i) { id } }', {
    i: {
      reviewId: ids.published,
      url: 'https://example.org/reports/wakefield.pdf',
      sentToPanelOn: addDays(today, -20),
      publishedOn: today,
      plainEnglishSummary: 'A child was harmed. Agencies must share information sooner.',
      welfareImpactConsidered: true,
      dataProtectionChecked: true,
      courtRestrictionsChecked: true,
    },
  });
}, 180_000);
afterAll(() => t?.stop());

describe('publishedReviews answers a PublishedReview: public fields only, however the query is written', () => {
  const PUBLIC =
    '{ publishedReviews(first: 500) { totalCount edges { cursor node { id reference kind themes board { code name kind } publication { url publishedOn availableUntil plainEnglishSummary } } } } }';

  it('answers the public fields to anonymous callers and to every role', async () => {
    const everyone = [undefined, tok.wm, tok.wc, tok.bm, tok.ac, tok.rv, tok.acBm, tok.acBc, tok.rvBm, tok.admin, tok.analyst, tok.panel];
    for (const token of everyone) {
      const res = await gql(token, PUBLIC);
      expect(res.errors).toBeUndefined();
      const node = res.data!.publishedReviews.edges.map((e: Data) => e.node).find((n: Data) => n.reference === ids.publishedRef);
      expect(node).toEqual({
        id: ids.published,
        reference: ids.publishedRef,
        kind: 'LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW',
        themes: ['NEGLECT'],
        board: { code: 'WAKEFIELD', name: expect.any(String), kind: 'SAFEGUARDING_PARTNERSHIP' },
        publication: {
          url: 'https://example.org/reports/wakefield.pdf',
          publishedOn: today,
          availableUntil: expect.any(String),
          plainEnglishSummary: expect.any(String),
        },
      });
      expect(res.data!.publishedReviews.edges.map((e: Data) => e.node.reference)).not.toContain(ids.wRef);
    }
  });

  // The red team's query, and its variants: the type has no such fields, so every form is refused before it runs.
  const ATTACKS = [
    '{ ... @include(if: true) { publishedReviews { edges { node { findings decision { rationale } informationRequests { response } familyEngagement { note } } } } } }',
    '{ publishedReviews { edges { node { findings } } } }',
    '{ publishedReviews { edges { node { ...F } } } } fragment F on Review { findings }',
    '{ publishedReviews { edges { node { ... on Review { findings } } } } }',
    '{ p: publishedReviews { edges { node { __typename r: reference f: findings } } } }',
    'query($yes: Boolean! = true) { publishedReviews { edges { node { reference stage @include(if: $yes) } } } }',
    '{ publishedReviews { edges { node { ... @skip(if: false) { incident { id } } } } } }',
  ];
  it.each(ATTACKS)('refuses %s with GRAPHQL_VALIDATION_FAILED, to anyone', async (query) => {
    for (const token of [undefined, tok.wc, tok.rv, tok.acBm]) {
      const res = await gql(token, query);
      expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(res.data).toBeUndefined();
      expect(JSON.stringify(res.body)).not.toContain('Secret');
    }
  });

  it('still answers the confidential fields to the owning board through review(id)', async () => {
    const res = await gql(tok.wm, 'query($id: ID!) { review(id: $id) { findings decision { rationale } } }', { id: ids.published });
    expect(res.errors).toBeUndefined();
    expect(res.data!.review).toEqual({ findings: SECRET.findings, decision: { rationale: SECRET.rationale } });
  });
});

describe('a token with several roles reads each record only as a role that reaches it', () => {
  it('AC+BM reads the reference, board, kind and stage of the review its agency is asked about, in every form', async () => {
    for (const token of [tok.acBm, tok.acBc, tok.ac]) {
      for (const query of reviewForms('reference board { code } kind stage')) {
        const res = await gql(token, query, { id: ids.wReview });
        expect([query, res.errors]).toEqual([query, undefined]);
        expect(JSON.stringify(res.data)).toContain(ids.wRef);
      }
    }
  });

  it.each([
    ['the decision rationale', 'decision { rationale }', SECRET.rationale],
    ["another agency's answer", 'informationRequests { response }', SECRET.answerB],
    ['the findings', 'findings', SECRET.findings],
    ['the family engagement', 'familyEngagement { note }', SECRET.familyNote],
    ['the incident', 'incident { id children { identity { fullName } } }', SECRET.childName],
    ['the peer challenges', 'peerChallenges { question }', SECRET.challenge],
  ])("AC+BM and AC+BC do not read %s of another board's review, in any form", async (_what, selection, secret) => {
    for (const token of [tok.acBm, tok.acBc]) {
      for (const query of reviewForms(`reference ${selection}`)) {
        const res = await gql(token, query, { id: ids.wReview });
        expect([query, codes(res)]).toEqual([query, ['FORBIDDEN']]);
        expect(JSON.stringify(res.body)).not.toContain(secret);
      }
    }
  });

  it('AC+BM still reads its own board in full', async () => {
    const res = await gql(tok.acBm, 'query($id: ID!) { review(id: $id) { reference decision { rationale } } }', { id: ids.bReview });
    expect(res.errors).toBeUndefined();
    expect(res.data!.review.decision.rationale).toBe('Bradford rationale');
  });

  it("AC+BM lists only its own agency's request, reads its answer, and not the rest of the review", async () => {
    const list = await gql(
      tok.acBm,
      'query($id: ID!) { informationRequests(filter: { reviewId: $id }, first: 500) { edges { node { id response review { reference stage } } } } }',
      { id: ids.wReview },
    );
    expect(list.errors).toBeUndefined();
    expect(list.data!.informationRequests.edges.map((e: Data) => e.node)).toEqual([
      { id: ids.requestA, response: SECRET.answerA, review: { reference: ids.wRef, stage: 'IN_PROGRESS' } },
    ]);
    const deeper = await gql(
      tok.acBm,
      'query($id: ID!) { informationRequests(filter: { reviewId: $id }) { edges { node { id review { ... on Review { informationRequests { response } } } } } } }',
      { id: ids.wReview },
    );
    expect(codes(deeper)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(deeper.body)).not.toContain(SECRET.answerB);
  });

  it('RV+BM reads the case it is appointed to as its reviewer (another agency answer included), but no child identity and no challenge BRADFORD received', async () => {
    const res = await gql(
      tok.rvBm,
      'query($id: ID!) { review(id: $id) { decision { rationale } informationRequests { response } peerChallenges { question } incident { reference children { identity { fullName } } } } }',
      { id: ids.wReview },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.review.decision.rationale).toBe(SECRET.rationale);
    expect(res.data!.review.informationRequests.map((r: Data) => r.response)).toContain(SECRET.answerB);
    // A reviewer alone sees no peer challenge; BRADFORD's manager alone does not see the challenges BRADFORD received.
    expect(res.data!.review.peerChallenges).toEqual([]);
    expect(res.data!.review.incident.children).toEqual([{ identity: null }]);
    expect(JSON.stringify(res.body)).not.toContain(SECRET.childName);
  });

  it('RV+BM sees child identities of its own board only, in incidents and incident', async () => {
    const list = await gql(tok.rvBm, '{ incidents(first: 500) { edges { node { id board { code } children { identity { fullName } } } } } }');
    expect(list.errors).toBeUndefined();
    const nodes = list.data!.incidents.edges.map((e: Data) => e.node);
    expect(nodes.find((n: Data) => n.id === ids.wIncident)).toMatchObject({ board: { code: 'WAKEFIELD' }, children: [{ identity: null }] });
    expect(nodes.find((n: Data) => n.id === ids.bIncident).children[0].identity).not.toBeNull();
    const single = await gql(
      tok.rvBm,
      'query($id: ID!) { incident(id: $id) { ... on Incident { children { ...C } } } } fragment C on IncidentChild { identity { fullName } }',
      { id: ids.wIncident },
    );
    expect(single.data!.incident.children).toEqual([{ identity: null }]);
  });

  it("AC+BM reads its agency's action but not its plan, nor the other agency's action", async () => {
    const res = await gql(tok.acBm, '{ actions(first: 500) { edges { node { id description } } } }');
    expect(res.errors).toBeUndefined();
    const found = res.data!.actions.edges.map((e: Data) => e.node.id);
    expect(found).toContain(ids.actionA);
    expect(found).not.toContain(ids.actionB);
    const plan = await gql(tok.acBm, '{ actions(first: 500) { edges { node { id plan { id actions { description } } } } } }');
    expect(codes(plan)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(plan.body)).not.toContain(SECRET.actionB);
    const direct = await gql(tok.acBm, 'query($id: ID!) { actionPlan(id: $id) { id } }', { id: ids.plan });
    expect(direct.data?.actionPlan ?? null).toBeNull();
    const throughReview = await gql(tok.acBm, 'query($id: ID!) { review(id: $id) { reference actionPlan { actions { description } } } }', { id: ids.wReview });
    expect(JSON.stringify(throughReview.body)).not.toContain(SECRET.actionB);
  });

  it('RV+BM reads the whole plan of the case it reviews', async () => {
    const res = await gql(tok.rvBm, 'query($id: ID!) { actionPlan(id: $id) { actions { description } } }', { id: ids.plan });
    expect(res.errors).toBeUndefined();
    expect(res.data!.actionPlan.actions.map((a: Data) => a.description)).toContain(SECRET.actionB);
  });
});

describe('Reviewer through _entities on the reviews subgraph, called directly', () => {
  const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Reviewer { id name qualifications } } }';
  const direct = async (token: string) => {
    const res = await request(`http://127.0.0.1:${t.config.subgraphPorts.reviews}`)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-gateway-secret', t.config.gatewaySecret)
      .set('authorization', `Bearer ${token}`)
      .send({ query: ENTITIES, variables: { r: [{ __typename: 'Reviewer', id: ids.reviewer }] } });
    return res.body as { data?: { _entities: (Data | null)[] }; errors?: unknown[] };
  };

  it.each([
    ['an agency contributor', 'ac'],
    ['an analyst', 'analyst'],
    ['the panel', 'panel'],
    ['another reviewer', 'other'],
  ])('answers null to %s', async (_who, key) => {
    const token = key === 'other' ? await t.token({ subject: 'other-rv', roles: ['REVIEWER'], reviewer: ids.otherReviewer }) : tok[key as keyof typeof tok];
    const body = await direct(token);
    expect(body.data?._entities ?? [null]).toEqual([null]);
    expect(JSON.stringify(body)).not.toContain('Reviewer R');
  });

  it.each([
    ['a board manager', 'wm'],
    ['an admin', 'admin'],
    ['the reviewer itself', 'rv'],
  ])('answers %s', async (_who, key) => {
    const body = await direct(tok[key as keyof typeof tok]);
    expect(body.data?._entities).toEqual([{ id: ids.reviewer, name: 'Reviewer R', qualifications: ['Social work'] }]);
  });

  it("answers the reviewer's own `me`, and an appointment's reviewer to whoever reads the appointment", async () => {
    const me = await gql(tok.rv, '{ me { reviewer { id name } } }');
    expect(me.data!.me.reviewer).toEqual({ id: ids.reviewer, name: 'Reviewer R' });
    const viaCase = await gql(tok.rvBm, 'query($id: ID!) { review(id: $id) { appointments { reviewer { name } } } }', { id: ids.wReview });
    expect(viaCase.errors).toBeUndefined();
    expect(viaCase.data!.review.appointments).toEqual([{ reviewer: { name: 'Reviewer R' } }]);
    expect(errorCode(await gql(tok.acBm, 'query($id: ID!) { review(id: $id) { appointments { reviewer { name } } } }', { id: ids.wReview }))).toBe('FORBIDDEN');
  });
});
