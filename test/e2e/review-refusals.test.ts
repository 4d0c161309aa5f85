import { addDays, todayInLondon } from '@scr/calendar';
import { boardTokens, errorCode, mutate, notifiedCase, startTestPlatform, type TestPlatform } from '@scr/testing';

let t: TestPlatform;
let admin: string;
let leeds: { manager: string; chair: string };
const today = todayInLondon();
const PARTNERS = ['CHILDRENS_SOCIAL_CARE', 'HEALTH', 'POLICE'];
const DECIDE = 'mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id stage version } }';

beforeAll(async () => {
  t = await startTestPlatform();
  admin = await t.token({ subject: 'admin', roles: ['ADMIN'] });
  leeds = await boardTokens(t, 'LEEDS');
});
afterAll(() => t.stop());

const decision = (reviewId: string, overrides: Record<string, unknown> = {}) => ({
  input: { reviewId, outcome: 'INITIATE_REVIEW', criteriaMet: true, partnersAgreed: PARTNERS, rationale: 'Criteria met.', decidedOn: today, ...overrides },
});

async function versionOf(id: string) {
  const res = await t.gql<{ review: { version: number; stage: string } }>(leeds.manager, `{ review(id: "${id}") { version stage } }`);
  return res.data!.review;
}

async function initiatedReview() {
  const { review } = await notifiedCase(t, leeds.manager, 'LEEDS');
  await mutate(t, leeds.chair, DECIDE, decision(review.id));
  return review.id;
}

async function agency(name: string, sector = 'HEALTH', boards = ['LEEDS']) {
  return (
    await mutate<{ registerAgency: { id: string } }>(t, admin, 'mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { id } }', {
      i: { name, sector, boardCodes: boards },
    })
  ).registerAgency.id;
}

async function reviewer(input: Record<string, unknown>) {
  return (
    await mutate<{ registerReviewer: { id: string } }>(t, admin, 'mutation($i: RegisterReviewerInput!) { registerReviewer(input: $i) { id } }', { i: input })
  ).registerReviewer.id;
}

const APPOINT = 'mutation($i: AppointReviewerInput!) { appointReviewer(input: $i) { id } }';
const INVOLVE = 'mutation($i: InvolveAgencyInput!) { involveAgency(input: $i) { id } }';
const appoint = (reviewId: string, reviewerId: string, lead = true) => ({
  i: { reviewId, reviewerId, lead, appointedOn: today, independenceStatement: 'Independent.' },
});

describe('recordDecision', () => {
  it('refuses a manager (FORBIDDEN), another board (NOT_FOUND), a second, other decision (INVALID_STAGE) and a stale version (CONFLICT)', async () => {
    const { review } = await notifiedCase(t, leeds.manager, 'LEEDS');
    expect(errorCode(await t.gql(leeds.manager, DECIDE, decision(review.id)))).toBe('FORBIDDEN');
    const bradford = await boardTokens(t, 'BRADFORD');
    expect(errorCode(await t.gql(bradford.chair, DECIDE, decision(review.id)))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(leeds.chair, DECIDE, decision(review.id, { expectedVersion: review.version + 5 })))).toBe('CONFLICT');
    expect((await versionOf(review.id)).version).toBe(review.version);
    await mutate(t, leeds.chair, DECIDE, decision(review.id));
    // The same decision again is a client's retry (test/e2e/retry-safe-mutations.test.ts); another one is refused.
    expect(errorCode(await t.gql(leeds.chair, DECIDE, decision(review.id, { rationale: 'Another rationale.' })))).toBe('INVALID_STAGE');
  });

  it.each([
    ['a blank rationale', { rationale: ' ' }, 'rationale'],
    ['missing safeguarding partners', { partnersAgreed: ['CHILDRENS_SOCIAL_CARE', 'POLICE'] }, 'partnersAgreed'],
    ['a decision date in the future', { decidedOn: addDays(today, 1) }, 'decidedOn'],
    ['a decision date before notification', { decidedOn: addDays(today, -30) }, 'decidedOn'],
  ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_name, overrides, field) => {
    const { review } = await notifiedCase(t, leeds.manager, 'LEEDS');
    const res = await t.gql(leeds.chair, DECIDE, decision(review.id, overrides));
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
    expect(await versionOf(review.id)).toEqual({ version: review.version, stage: 'AWAITING_DECISION' });
  });
});

describe('stage machine', () => {
  it('refuses steps out of order with INVALID_STAGE', async () => {
    const { review } = await notifiedCase(t, leeds.manager, 'LEEDS');
    const steps: [step: string, query: string][] = [
      ['setMethodology', `mutation { setMethodology(input: { reviewId: "${review.id}", name: "m", dataCollection: "d", analysis: "a" }) { id } }`],
      ['completeReview', `mutation { completeReview(input: { reviewId: "${review.id}", completedOn: "${today}", findings: "f" }) { id } }`],
      ['recordFindings', `mutation { recordFindings(input: { reviewId: "${review.id}", findings: "f" }) { id } }`],
      ['closeReview', `mutation { closeReview(reviewId: "${review.id}") { id } }`],
      [
        'extendTimescale',
        `mutation { extendTimescale(input: { reviewId: "${review.id}", reason: "r", completionDueOn: "${addDays(today, 400)}", interimLearning: ["x"] }) { id } }`,
      ],
    ];
    for (const [, query] of steps) expect(errorCode(await t.gql(leeds.manager, query))).toBe('INVALID_STAGE');
    const publish = await t.gql(
      leeds.chair,
      `mutation { publishReview(input: { reviewId: "${review.id}", url: "https://x.org/r.pdf", sentToPanelOn: "${addDays(today, -20)}", publishedOn: "${today}", plainEnglishSummary: "s", welfareImpactConsidered: true, dataProtectionChecked: true, courtRestrictionsChecked: true }) { id } }`,
    );
    expect(errorCode(publish)).toBe('INVALID_STAGE');
    expect(await versionOf(review.id)).toEqual({ version: review.version, stage: 'AWAITING_DECISION' });
  });

  it('refuses completion without a lead reviewer, and an extension without interim learning or to an earlier date', async () => {
    const id = await initiatedReview();
    const complete = await t.gql(leeds.manager, `mutation { completeReview(input: { reviewId: "${id}", completedOn: "${today}", findings: "f" }) { id } }`);
    expect(errorCode(complete)).toBe('BAD_USER_INPUT');
    const noLearning = await t.gql(
      leeds.manager,
      `mutation { extendTimescale(input: { reviewId: "${id}", reason: "trial", completionDueOn: "${addDays(today, 400)}", interimLearning: [] }) { id } }`,
    );
    expect(errorCode(noLearning)).toBe('BAD_USER_INPUT');
    expect(noLearning.errors?.[0]?.extensions?.field).toBe('interimLearning');
    const earlier = await t.gql(
      leeds.manager,
      `mutation { extendTimescale(input: { reviewId: "${id}", reason: "trial", completionDueOn: "${addDays(today, 10)}", interimLearning: ["x"] }) { id } }`,
    );
    expect(errorCode(earlier)).toBe('BAD_USER_INPUT');
    const noReason = await t.gql(
      leeds.manager,
      `mutation { extendTimescale(input: { reviewId: "${id}", reason: "", completionDueOn: "${addDays(today, 400)}", interimLearning: ["x"] }) { id } }`,
    );
    expect(errorCode(noReason)).toBe('BAD_USER_INPUT');
  });
});

describe('independent reviewers', () => {
  it('refuses a lead affiliated with the board, or with an involved agency, with NOT_INDEPENDENT', async () => {
    const id = await initiatedReview();
    const police = await agency('Leeds Police', 'POLICE');
    await mutate(t, leeds.manager, INVOLVE, { i: { reviewId: id, agencyId: police } });
    const boardLinked = await reviewer({ name: 'Board Insider', qualifications: ['Q'], affiliatedBoardCodes: ['LEEDS'] });
    const agencyLinked = await reviewer({ name: 'Former Officer', qualifications: ['Q'], affiliatedAgencyIds: [police] });
    expect(errorCode(await t.gql(leeds.manager, APPOINT, appoint(id, boardLinked)))).toBe('NOT_INDEPENDENT');
    expect(errorCode(await t.gql(leeds.manager, APPOINT, appoint(id, agencyLinked)))).toBe('NOT_INDEPENDENT');
    // Not as lead: panel members need neither independence nor a qualification.
    expect((await t.gql(leeds.manager, APPOINT, appoint(id, agencyLinked, false))).errors).toBeUndefined();
  });

  it('refuses a lead with no qualification, and appointing the same reviewer twice', async () => {
    const id = await initiatedReview();
    const unqualified = await reviewer({ name: 'Unqualified', qualifications: [] });
    const res = await t.gql(leeds.manager, APPOINT, appoint(id, unqualified));
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    const qualified = await reviewer({ name: 'Qualified', qualifications: ['Q'] });
    await mutate(t, leeds.manager, APPOINT, appoint(id, qualified));
    // The same appointment again is a client's retry; another appointment of the same reviewer is refused.
    expect(errorCode(await t.gql(leeds.manager, APPOINT, appoint(id, qualified, false)))).toBe('BAD_USER_INPUT');
  });

  it('refuses involving an agency a lead is affiliated with, with NOT_INDEPENDENT', async () => {
    const id = await initiatedReview();
    const school = await agency('Leeds School', 'EDUCATION');
    const lead = await reviewer({ name: 'Ex Teacher', qualifications: ['Q'], affiliatedAgencyIds: [school] });
    await mutate(t, leeds.manager, APPOINT, appoint(id, lead));
    const res = await t.gql(leeds.manager, INVOLVE, { i: { reviewId: id, agencyId: school } });
    expect(errorCode(res)).toBe('NOT_INDEPENDENT');
    const review = await t.gql<{ review: { involvedAgencies: unknown[] } }>(leeds.manager, `{ review(id: "${id}") { involvedAgencies { id } } }`);
    expect(review.data!.review.involvedAgencies).toEqual([]);
  });

  it('refuses registerReviewer naming an agency or board that does not exist', async () => {
    const res = await t.gql(admin, 'mutation { registerReviewer(input: { name: "X", qualifications: ["Q"], affiliatedBoardCodes: ["YORK"] }) { id } }');
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    const res2 = await t.gql(admin, 'mutation { registerReviewer(input: { name: "X", qualifications: ["Q"], affiliatedAgencyIds: ["nope"] }) { id } }');
    expect(errorCode(res2)).toBe('BAD_USER_INPUT');
  });

  it('shows a reviewer only the reviews it is appointed to', async () => {
    const appointedTo = await initiatedReview();
    const other = await initiatedReview();
    const id = await reviewer({ name: 'Seer', qualifications: ['Q'] });
    await mutate(t, leeds.manager, APPOINT, appoint(appointedTo, id));
    const token = await t.token({ subject: 'rv', roles: ['REVIEWER'], reviewer: id });
    const list = await t.gql<{ reviews: { edges: { node: { id: string } }[] } }>(token, '{ reviews { edges { node { id } } } }');
    expect(list.data!.reviews.edges.map((e) => e.node.id)).toEqual([appointedTo]);
    expect((await t.gql(token, `{ review(id: "${other}") { id } }`)).data).toEqual({ review: null });
    const incident = await t.gql<{ review: { incident: { reference: string; children: { pseudonym: string; identity: unknown }[] } } }>(
      token,
      `{ review(id: "${appointedTo}") { incident { reference children { pseudonym identity { fullName } } } } }`,
    );
    expect(incident.errors).toBeUndefined();
    expect(incident.data!.review.incident.children[0]).toEqual({ pseudonym: 'Child A', identity: null });
  });
});

describe('information requests', () => {
  const REQUEST = 'mutation($i: RequestInformationInput!) { requestInformation(input: $i) { id status } }';
  const request = (reviewId: string, agencyId: string, overrides: Record<string, unknown> = {}) => ({
    i: { reviewId, agencyId, purpose: 'p', necessity: 'n', proportionality: 'q', dueOn: addDays(today, 7), ...overrides },
  });

  it('refuses a past due date, an agency not involved, and blank justification', async () => {
    const id = await initiatedReview();
    const csc = await agency('Leeds CSC', 'CHILDRENS_SOCIAL_CARE');
    expect(errorCode(await t.gql(leeds.manager, REQUEST, request(id, csc)))).toBe('BAD_USER_INPUT');
    await mutate(t, leeds.manager, INVOLVE, { i: { reviewId: id, agencyId: csc } });
    expect(errorCode(await t.gql(leeds.manager, REQUEST, request(id, csc, { dueOn: addDays(today, -1) })))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(leeds.manager, REQUEST, request(id, csc, { necessity: '  ' })))).toBe('BAD_USER_INPUT');
    expect((await t.gql(leeds.manager, REQUEST, request(id, csc, { dueOn: today }))).errors).toBeUndefined();
  });

  it("lets only the addressed agency answer, shows it only the review's summary, and refuses answers to withdrawn requests", async () => {
    const id = await initiatedReview();
    const csc = await agency('Leeds CSC 2', 'CHILDRENS_SOCIAL_CARE');
    const other = await agency('Leeds Housing', 'HOUSING');
    await mutate(t, leeds.manager, INVOLVE, { i: { reviewId: id, agencyId: csc } });
    const first = (await mutate<{ requestInformation: { id: string } }>(t, leeds.manager, REQUEST, request(id, csc))).requestInformation.id;
    const second = (await mutate<{ requestInformation: { id: string } }>(t, leeds.manager, REQUEST, request(id, csc, { purpose: 'p2' }))).requestInformation.id;
    const cscToken = await t.token({ subject: 'csc', roles: ['AGENCY_CONTRIBUTOR'], agency: csc });
    const otherToken = await t.token({ subject: 'housing', roles: ['AGENCY_CONTRIBUTOR'], agency: other });
    const RESPOND = (rid: string) => `mutation { respondToInformationRequest(input: { informationRequestId: "${rid}", response: "Here" }) { status } }`;
    expect(errorCode(await t.gql(otherToken, RESPOND(first)))).toBe('NOT_FOUND');
    expect((await t.gql(otherToken, '{ informationRequests { totalCount } }')).data).toEqual({ informationRequests: { totalCount: 0 } });
    const mine = await t.gql<{ informationRequests: { totalCount: number } }>(
      cscToken,
      '{ informationRequests { totalCount edges { node { id status review { reference stage } } } } }',
    );
    expect(mine.data!.informationRequests.totalCount).toBe(2);
    const summary = await t.gql(cscToken, `{ review(id: "${id}") { reference kind stage board { code } } }`);
    expect(summary.errors).toBeUndefined();
    const detail = await t.gql(cscToken, `{ review(id: "${id}") { reference findings } }`);
    expect(errorCode(detail)).toBe('FORBIDDEN');
    const incident = await t.gql(cscToken, `{ review(id: "${id}") { incident { id } } }`);
    expect(errorCode(incident)).toBe('FORBIDDEN');

    await mutate(t, leeds.manager, 'mutation($i: WithdrawInformationRequestInput!) { withdrawInformationRequest(input: $i) { status } }', {
      i: { informationRequestId: second, reason: 'Not needed' },
    });
    expect(errorCode(await t.gql(cscToken, RESPOND(second)))).toBe('INVALID_STAGE');
    const answered = await t.gql<{ respondToInformationRequest: { status: string } }>(cscToken, RESPOND(first));
    expect(answered.data!.respondToInformationRequest.status).toBe('RESPONDED');
    // The same response again is a client's retry; another response to an answered request is refused.
    expect(errorCode(await t.gql(cscToken, RESPOND(first).replace('"Here"', '"Something else"')))).toBe('INVALID_STAGE');
    const withdrawn = await t.gql<{ informationRequests: { edges: { node: { id: string } }[] } }>(
      leeds.manager,
      `{ informationRequests(filter: { reviewId: "${id}", status: WITHDRAWN }) { edges { node { id } } } }`,
    );
    expect(withdrawn.data!.informationRequests.edges.map((e) => e.node.id)).toEqual([second]);
  });

  it('shows OVERDUE once the due date has passed unanswered', async () => {
    const id = await initiatedReview();
    const csc = await agency('Leeds CSC 3', 'CHILDRENS_SOCIAL_CARE');
    await mutate(t, leeds.manager, INVOLVE, { i: { reviewId: id, agencyId: csc } });
    const rid = (await mutate<{ requestInformation: { id: string } }>(t, leeds.manager, REQUEST, request(id, csc, { dueOn: today }))).requestInformation.id;
    // Time passes: the due date is now yesterday.
    await t.platform.services.get('reviews')!.db!.manager.query('UPDATE information_requests SET due_on = ? WHERE id = ?', [addDays(today, -1), rid]);
    const res = await t.gql<{ informationRequests: { edges: { node: { id: string; status: string } }[] } }>(
      leeds.manager,
      `{ informationRequests(filter: { status: OVERDUE }) { edges { node { id status } } } }`,
    );
    expect(res.data!.informationRequests.edges).toContainEqual({ node: { id: rid, status: 'OVERDUE' } });
  });
});
