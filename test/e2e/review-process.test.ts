import { addCalendarMonths, addDays, addWorkingDays, todayInLondon } from '@scr/calendar';
import {
  boardTokens,
  errorCode,
  eventually,
  incidentInput,
  mutate,
  notifiedCase,
  reportIncident,
  REVIEW_FIELDS,
  reviewOf,
  startTestPlatform,
  type TestPlatform,
} from '@scr/testing';

let t: TestPlatform;
let admin: string;
const today = todayInLondon();
// Decided and completed two weeks ago, so the report can go to the panel on completion and be published today.
const decidedOn = addDays(today, -14);
const completedOn = decidedOn;

beforeAll(async () => {
  t = await startTestPlatform();
  admin = await t.token({ subject: 'admin', roles: ['ADMIN'] });
});
afterAll(() => t.stop());

const DECIDE = `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { ${REVIEW_FIELDS} } }`;
const PUBLISHED = `{ publishedReviews { totalCount edges { node { reference kind themes board { code name kind } publication { url publishedOn availableUntil plainEnglishSummary } } } } }`;

async function registerAgency(name: string, sector: string, boardCodes: string[]) {
  const data = await mutate<{ registerAgency: { id: string } }>(t, admin, 'mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { id } }', {
    i: { name, sector, boardCodes },
  });
  return data.registerAgency.id;
}

async function registerReviewer(input: Record<string, unknown>) {
  const data = await mutate<{ registerReviewer: { id: string } }>(t, admin, 'mutation($i: RegisterReviewerInput!) { registerReviewer(input: $i) { id } }', {
    i: input,
  });
  return data.registerReviewer.id;
}

/** Takes an initiated review through methodology, reviewers, agencies, findings and completion. */
async function runReview(board: string, tokens: { manager: string; chair: string }, reviewId: string) {
  const health = await registerAgency(`${board} Health`, 'HEALTH', [board]);
  const reviewerId = await registerReviewer({ name: `Lead for ${board}`, qualifications: ['Independent reviewer accreditation'] });
  const contributor = await t.token({ subject: `ac-${board}`, roles: ['AGENCY_CONTRIBUTOR'], agency: health });
  const reviewer = await t.token({ subject: `rv-${board}`, roles: ['REVIEWER'], reviewer: reviewerId });

  await mutate(t, tokens.manager, 'mutation($i: InvolveAgencyInput!) { involveAgency(input: $i) { id } }', { i: { reviewId, agencyId: health } });
  await mutate(t, tokens.manager, 'mutation($i: AppointReviewerInput!) { appointReviewer(input: $i) { id } }', {
    i: { reviewId, reviewerId, lead: true, appointedOn: today, independenceStatement: 'No links to the board or agencies involved.' },
  });
  // The appointed reviewer now sees the review and records the method.
  await mutate(t, reviewer, 'mutation($i: SetMethodologyInput!) { setMethodology(input: $i) { id } }', {
    i: { reviewId, name: 'Systems approach', dataCollection: 'Chronologies and practitioner interviews', analysis: 'Thematic analysis' },
  });
  const request = await mutate<{ requestInformation: { id: string; status: string } }>(
    t,
    reviewer,
    'mutation($i: RequestInformationInput!) { requestInformation(input: $i) { id status statutory requestedOn } }',
    {
      i: {
        reviewId,
        agencyId: health,
        purpose: 'Health visiting records',
        necessity: 'Needed to understand contacts',
        proportionality: 'Only the 12 months before',
        dueOn: addDays(today, 14),
      },
    },
  );
  expect(request.requestInformation.status).toBe('OPEN');
  const answered = await mutate<{ respondToInformationRequest: { status: string; response: string; review: Record<string, unknown> } }>(
    t,
    contributor,
    'mutation($i: RespondToInformationRequestInput!) { respondToInformationRequest(input: $i) { status response respondedOn review { reference kind stage board { code } } } }',
    { i: { informationRequestId: request.requestInformation.id, response: 'Records attached.' } },
  );
  expect(answered.respondToInformationRequest).toMatchObject({
    status: 'RESPONDED',
    response: 'Records attached.',
    review: { stage: 'IN_PROGRESS', board: { code: board } },
  });

  await mutate(t, tokens.manager, 'mutation($i: SetThemesInput!) { setThemes(input: $i) { id } }', {
    i: { reviewId, themes: ['NEGLECT', 'INFORMATION_SHARING'] },
  });
  await mutate(t, tokens.manager, 'mutation($i: LinkParallelProcessInput!) { linkParallelProcess(input: $i) { id } }', {
    i: { reviewId, kind: 'CRIMINAL_PROCEEDINGS', reference: 'T2026-001', leadOrganisation: 'Crown Prosecution Service' },
  });
  await mutate(t, tokens.manager, 'mutation($i: RecordFamilyEngagementInput!) { recordFamilyEngagement(input: $i) { id } }', {
    i: { reviewId, participant: 'Mother', engagedOn: today, contributed: true, note: 'Met at home' },
  });
  const current = await reviewOfId(tokens.manager, reviewId);
  await mutate(t, tokens.manager, 'mutation($i: ExtendTimescaleInput!) { extendTimescale(input: $i) { id } }', {
    i: {
      reviewId,
      reason: 'Criminal trial',
      completionDueOn: addCalendarMonths(current.completionDueOn as string, 2),
      interimLearning: ['Shared learning on safe sleeping briefed to GPs'],
    },
  });
  await mutate(t, reviewer, 'mutation($i: RecordFindingsInput!) { recordFindings(input: $i) { id } }', { i: { reviewId, findings: 'Draft findings' } });
  const completed = await mutate<{ completeReview: Record<string, unknown> }>(
    t,
    tokens.manager,
    `mutation($i: CompleteReviewInput!) { completeReview(input: $i) { ${REVIEW_FIELDS} } }`,
    { i: { reviewId, completedOn, findings: 'Agencies did not share information about the family.' } },
  );
  return completed.completeReview;
}

async function reviewOfId(token: string, id: string) {
  const res = await t.gql<{ review: Record<string, unknown> }>(token, `{ review(id: "${id}") { ${REVIEW_FIELDS} } }`);
  return res.data!.review;
}

async function publish(chair: string, reviewId: string, summary: string) {
  return t.gql<{ publishReview: Record<string, unknown> }>(chair, `mutation($i: PublishReviewInput!) { publishReview(input: $i) { ${REVIEW_FIELDS} } }`, {
    i: {
      reviewId,
      url: `https://example.org/reports/${reviewId}.pdf`,
      sentToPanelOn: addDays(today, -14),
      publishedOn: today,
      plainEnglishSummary: summary,
      welfareImpactConsidered: true,
      dataProtectionChecked: true,
      courtRestrictionsChecked: true,
    },
  });
}

describe('partnership regime: rapid review to published local child safeguarding practice review', () => {
  it('walks a case from reportIncident to publishedReviews', async () => {
    const leeds = await boardTokens(t, 'LEEDS');
    const { incident, review, notifiedOn } = await notifiedCase(t, leeds.manager, 'LEEDS', {}, 20);
    expect(review).toMatchObject({
      kind: 'RAPID_REVIEW',
      stage: 'AWAITING_DECISION',
      decisionDueOn: addWorkingDays(notifiedOn, 15),
      decision: null,
      initiatedOn: null,
      board: { code: 'LEEDS' },
      incident: { id: incident.id, reference: incident.reference },
    });

    const decided = await mutate<{ recordDecision: Record<string, unknown> }>(t, leeds.chair, DECIDE, {
      input: {
        reviewId: review.id,
        outcome: 'INITIATE_REVIEW',
        criteriaMet: true,
        partnersAgreed: ['CHILDRENS_SOCIAL_CARE', 'HEALTH', 'POLICE'],
        rationale: 'Serious harm with concerns about multi-agency working.',
        decidedOn,
        expectedVersion: review.version,
      },
    });
    expect(decided.recordDecision).toMatchObject({
      kind: 'LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW',
      stage: 'IN_PROGRESS',
      initiatedOn: decidedOn,
      completionDueOn: addCalendarMonths(decidedOn, 6),
      timescaleStatus: 'PENDING',
      decision: { outcome: 'INITIATE_REVIEW', decidedOn, decidedBy: 'chair-LEEDS', onTime: true },
    });

    const completed = await runReview('LEEDS', leeds, review.id);
    expect(completed).toMatchObject({
      stage: 'REPORT_FINAL',
      completedOn,
      timescaleStatus: 'MET',
      findings: 'Agencies did not share information about the family.',
      methodology: { name: 'Systems approach' },
      themes: ['NEGLECT', 'INFORMATION_SHARING'],
      parallelProcesses: [{ kind: 'CRIMINAL_PROCEEDINGS', reference: 'T2026-001', leadOrganisation: 'Crown Prosecution Service' }],
      familyEngagement: [{ participant: 'Mother', engagedOn: today, contributed: true, note: 'Met at home' }],
      extension: { reason: 'Criminal trial', interimLearning: ['Shared learning on safe sleeping briefed to GPs'] },
    });
    expect((completed.appointments as unknown[]).length).toBe(1);
    expect((completed.involvedAgencies as { name: string }[]).map((a) => a.name)).toEqual(['LEEDS Health']);

    const published = await publish(leeds.chair, review.id, 'A baby was seriously harmed. Agencies must share information sooner.');
    expect(published.errors).toBeUndefined();
    expect(published.data!.publishReview).toMatchObject({
      stage: 'PUBLISHED',
      publication: { publishedOn: today, availableUntil: addCalendarMonths(today, 12), sentToPanelOn: addDays(today, -14) },
    });

    const open = await t.gql<{ publishedReviews: { edges: { node: { reference: string; board: { code: string; name: string }; themes: string[] } }[] } }>(
      undefined,
      PUBLISHED,
    );
    expect(open.errors).toBeUndefined();
    const node = open.data!.publishedReviews.edges.find((e) => e.node.reference === review.reference)!.node;
    expect(node).toMatchObject({ board: { code: 'LEEDS', name: 'Leeds Safeguarding Children Board' }, themes: ['NEGLECT', 'INFORMATION_SHARING'] });

    const closed = await mutate<{ closeReview: { stage: string } }>(t, leeds.manager, `mutation { closeReview(reviewId: "${review.id}") { stage } }`, {});
    expect(closed.closeReview.stage).toBe('CLOSED');
  });

  it('answers anonymous callers public fields only, and refuses everything else', async () => {
    // A PublishedReview has no confidential field to ask for.
    const findings = await t.gql(undefined, '{ publishedReviews { edges { node { findings } } } }');
    expect(errorCode(findings)).toBe('GRAPHQL_VALIDATION_FAILED');
    const stage = await t.gql(undefined, '{ publishedReviews { edges { node { stage incident { id } } } } }');
    expect(errorCode(stage)).toBe('GRAPHQL_VALIDATION_FAILED');
    const reviews = await t.gql(undefined, '{ reviews { totalCount } }');
    expect(errorCode(reviews)).toBe('UNAUTHENTICATED');
  });

  it('records NO_FURTHER_REVIEW as NOT_PROCEEDING, which can then be closed', async () => {
    const leeds = await boardTokens(t, 'LEEDS');
    const { review } = await notifiedCase(t, leeds.manager, 'LEEDS');
    const decided = await mutate<{ recordDecision: Record<string, unknown> }>(t, leeds.chair, DECIDE, {
      input: {
        reviewId: review.id,
        outcome: 'NO_FURTHER_REVIEW',
        criteriaMet: false,
        partnersAgreed: ['CHILDRENS_SOCIAL_CARE', 'HEALTH', 'POLICE'],
        rationale: 'Learning captured in the rapid review.',
        decidedOn: today,
      },
    });
    expect(decided.recordDecision).toMatchObject({
      kind: 'RAPID_REVIEW',
      stage: 'NOT_PROCEEDING',
      initiatedOn: null,
      completionDueOn: null,
      timescaleStatus: null,
    });
  });

  it('turns a commissioned alternative review into ALTERNATIVE_REVIEW, initiated on the decision date', async () => {
    const leeds = await boardTokens(t, 'LEEDS');
    const { review } = await notifiedCase(t, leeds.manager, 'LEEDS');
    const decidedOn = addDays(today, -1);
    const decided = await mutate<{ recordDecision: Record<string, unknown> }>(t, leeds.chair, DECIDE, {
      input: {
        reviewId: review.id,
        outcome: 'COMMISSION_ALTERNATIVE_REVIEW',
        criteriaMet: false,
        partnersAgreed: ['CHILDRENS_SOCIAL_CARE', 'HEALTH', 'POLICE'],
        rationale: 'A thematic review fits better.',
        decidedOn,
      },
    });
    expect(decided.recordDecision).toMatchObject({
      kind: 'ALTERNATIVE_REVIEW',
      stage: 'IN_PROGRESS',
      initiatedOn: decidedOn,
      completionDueOn: addCalendarMonths(decidedOn, 6),
    });
  });

  it("opens a referral's review awaiting decision at once", async () => {
    const bradford = await boardTokens(t, 'BRADFORD');
    const referral = await reportIncident(t, bradford.manager, incidentInput('BRADFORD', { abuseOrNeglect: 'NOT_KNOWN', referral: true }));
    const review = await reviewOf(t, bradford.manager, referral.id);
    expect(review).toMatchObject({ stage: 'AWAITING_DECISION', kind: 'RAPID_REVIEW', decisionDueOn: addWorkingDays(today, 15) });
  });
});

describe('LSCB regime: serious case review', () => {
  it('walks a case from reportIncident to publishedReviews, and forces INITIATE_REVIEW when the criteria are met', async () => {
    const res = await t.gql(admin, 'mutation { updateBoard(input: { code: "WAKEFIELD", partnershipArrangementsFrom: "2099-01-01" }) { kind } }');
    expect(res.errors).toBeUndefined();
    const wakefield = await boardTokens(t, 'WAKEFIELD');
    const { review, notifiedOn } = await notifiedCase(t, wakefield.manager, 'WAKEFIELD', { criterion: 'CHILD_DIED' }, 20);
    expect(review).toMatchObject({ kind: 'SERIOUS_CASE_REVIEW', stage: 'AWAITING_DECISION', decisionDueOn: addCalendarMonths(notifiedOn, 1) });

    const refused = await t.gql(wakefield.chair, DECIDE, {
      input: { reviewId: review.id, outcome: 'NO_FURTHER_REVIEW', criteriaMet: true, rationale: 'No', decidedOn: today },
    });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.extensions?.field).toBe('outcome');

    const decided = await mutate<{ recordDecision: Record<string, unknown> }>(t, wakefield.chair, DECIDE, {
      input: { reviewId: review.id, outcome: 'INITIATE_REVIEW', criteriaMet: true, rationale: 'Regulation 5(2) criteria met.', decidedOn },
    });
    expect(decided.recordDecision).toMatchObject({
      kind: 'SERIOUS_CASE_REVIEW',
      stage: 'IN_PROGRESS',
      initiatedOn: decidedOn,
      decision: { partnersAgreed: [], onTime: true },
    });
    await runReview('WAKEFIELD', wakefield, review.id);
    const published = await publish(wakefield.chair, review.id, 'A child died. The board asks agencies to listen to children.');
    expect(published.errors).toBeUndefined();
    const open = await t.gql<{ publishedReviews: { edges: { node: { reference: string; kind: string } }[] } }>(undefined, PUBLISHED);
    expect(open.data!.publishedReviews.edges.map((e) => e.node)).toContainEqual(
      expect.objectContaining({ reference: review.reference, kind: 'SERIOUS_CASE_REVIEW' }),
    );
    await t.gql(admin, 'mutation { updateBoard(input: { code: "WAKEFIELD", partnershipArrangementsFrom: "2019-09-29" }) { kind } }');
  });

  it('records a decision after the deadline as not on time', async () => {
    await t.gql(admin, 'mutation { updateBoard(input: { code: "KIRKLEES", partnershipArrangementsFrom: "2099-01-01" }) { kind } }');
    const kirklees = await boardTokens(t, 'KIRKLEES');
    const { review, notifiedOn } = await notifiedCase(t, kirklees.manager, 'KIRKLEES', {}, 45);
    const decidedOn = addDays(addCalendarMonths(notifiedOn, 1), 1);
    const decided = await mutate<{ recordDecision: { decision: { onTime: boolean } } }>(t, kirklees.chair, DECIDE, {
      input: { reviewId: review.id, outcome: 'NO_FURTHER_REVIEW', criteriaMet: false, rationale: 'Criteria not met.', decidedOn },
    });
    expect(decided.recordDecision.decision.onTime).toBe(false);
    await t.gql(admin, 'mutation { updateBoard(input: { code: "KIRKLEES", partnershipArrangementsFrom: "2019-09-29" }) { kind } }');
  });
});

describe('one review per incident', () => {
  it('lists the review under the incident and in reviews, scoped to the board', async () => {
    const calderdale = await boardTokens(t, 'CALDERDALE');
    const { review } = await notifiedCase(t, calderdale.manager, 'CALDERDALE');
    const mine = await t.gql<{ reviews: { totalCount: number; edges: { node: { id: string } }[] } }>(
      calderdale.manager,
      '{ reviews(filter: { stage: AWAITING_DECISION }) { totalCount edges { node { id } } } }',
    );
    expect(mine.data!.reviews.edges.map((e) => e.node.id)).toContain(review.id);
    const leeds = await boardTokens(t, 'LEEDS');
    const theirs = await t.gql<{ review: unknown }>(leeds.chair, `{ review(id: "${review.id}") { id } }`);
    expect(theirs.data).toEqual({ review: null });
    await eventually(async () => true);
  });
});
