/**
 * A client whose connection was cut after it sent a mutation cannot know
 * whether it was stored, so it sends it again. For these mutations the
 * repeat answers the first result (same record, same version) and stores
 * nothing twice. The README lists which mutations are safe to repeat this way.
 */
import { addDays, todayInLondon } from '@scr/calendar';
import { boardTokens, errorCode, incidentInput, mutate, notifiedCase, REPORT_INCIDENT, startTestPlatform, type TestPlatform } from '@scr/testing';

let t: TestPlatform;
let tokens: { manager: string; chair: string };
let bradford: { manager: string; chair: string };
let admin: string;
let reviewId: string;

/** Sends the same mutation twice, as a client retrying would, and answers both results. */
async function twice<T>(token: string, query: string, variables: Record<string, unknown>): Promise<[T, T]> {
  const first = await mutate<T>(t, token, query, variables);
  const again = await mutate<T>(t, token, query, variables);
  return [first, again];
}

const REVIEW = 'id version methodology { name dataCollection analysis } findings themes involvedAgencies { id }';

beforeAll(async () => {
  t = await startTestPlatform();
  tokens = await boardTokens(t, 'LEEDS');
  bradford = await boardTokens(t, 'BRADFORD');
  admin = await t.token({ subject: 'admin', roles: ['ADMIN'] });
  const { review, notifiedOn } = await notifiedCase(t, tokens.manager, 'LEEDS');
  reviewId = review.id;
  await mutate(t, tokens.chair, 'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }', {
    i: {
      reviewId,
      outcome: 'INITIATE_REVIEW',
      criteriaMet: true,
      partnersAgreed: ['CHILDRENS_SOCIAL_CARE', 'HEALTH', 'POLICE'],
      rationale: 'Serious harm.',
      decidedOn: notifiedOn,
    },
  });
});
afterAll(() => t.stop());

it('reportIncident with an idempotency key: the same incident, one of it', async () => {
  const input = incidentInput('LEEDS', { summary: 'retried report', idempotencyKey: 'retry-safe-1' });
  const count = async () => (await mutate<{ incidents: { totalCount: number } }>(t, tokens.manager, '{ incidents { totalCount } }', {})).incidents.totalCount;
  const before = await count();
  const [first, again] = await twice(tokens.manager, REPORT_INCIDENT, { input });
  expect(again).toEqual(first);
  expect(await count()).toBe(before + 1);
});

it('recordNotification with the same date: the incident as it is', async () => {
  const input = incidentInput('LEEDS', { summary: 'retried notification' });
  const { reportIncident } = await mutate<{ reportIncident: { id: string } }>(t, tokens.manager, REPORT_INCIDENT, { input });
  const [first, again] = await twice(
    tokens.manager,
    'mutation($id: ID!, $on: Date!) { recordNotification(incidentId: $id, notifiedOn: $on) { id version notifiedOn } }',
    {
      id: reportIncident.id,
      on: input.awareOn,
    },
  );
  expect(again).toEqual(first);
});

it('updateBoard with the same values: the board as it is', async () => {
  const [first, again] = await twice(admin, 'mutation($i: UpdateBoardInput!) { updateBoard(input: $i) { code name partnershipArrangementsFrom } }', {
    i: { code: 'LEEDS', name: 'Leeds Safeguarding Children Partnership' },
  });
  expect(again).toEqual(first);
});

it('setMethodology, recordFindings and setThemes with the same input: the review as it is, version unchanged', async () => {
  const methodology = { reviewId, name: 'Systems approach', dataCollection: 'Interviews', analysis: 'Thematic' };
  const [m1, m2] = await twice(tokens.manager, `mutation($i: SetMethodologyInput!) { setMethodology(input: $i) { ${REVIEW} } }`, { i: methodology });
  expect(m2).toEqual(m1);
  const findings = { reviewId, findings: 'Draft findings', goodPractice: ['Shared chronology'] };
  const [f1, f2] = await twice(tokens.manager, `mutation($i: RecordFindingsInput!) { recordFindings(input: $i) { ${REVIEW} } }`, { i: findings });
  expect(f2).toEqual(f1);
  const themes = { reviewId, themes: ['NEGLECT', 'INFORMATION_SHARING'] };
  const [s1, s2] = await twice(tokens.manager, `mutation($i: SetThemesInput!) { setThemes(input: $i) { ${REVIEW} } }`, { i: themes });
  expect(s2).toEqual(s1);
});

it('involveAgency with the same agency: involved once, the review as it is', async () => {
  const { registerAgency } = await mutate<{ registerAgency: { id: string } }>(
    t,
    admin,
    'mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { id } }',
    {
      i: { name: 'Leeds Health (retry test)', sector: 'HEALTH', boardCodes: ['LEEDS'] },
    },
  );
  const [first, again] = await twice<{ involveAgency: { involvedAgencies: { id: string }[] } }>(
    tokens.manager,
    `mutation($i: InvolveAgencyInput!) { involveAgency(input: $i) { ${REVIEW} } }`,
    { i: { reviewId, agencyId: registerAgency.id } },
  );
  expect(again).toEqual(first);
  expect(again.involveAgency.involvedAgencies.filter((a) => a.id === registerAgency.id)).toHaveLength(1);
});

it('appointReviewer with the same appointment: appointed once, the review as it is; another appointment of them is still refused', async () => {
  const { registerReviewer } = await mutate<{ registerReviewer: { id: string } }>(
    t,
    admin,
    'mutation($i: RegisterReviewerInput!) { registerReviewer(input: $i) { id } }',
    {
      i: { name: 'Retry Reviewer', qualifications: ['Social work'] },
    },
  );
  const appointment = {
    reviewId,
    reviewerId: registerReviewer.id,
    lead: false,
    appointedOn: todayInLondon(),
    independenceStatement: 'No links to the agencies involved.',
  };
  const query = `mutation($i: AppointReviewerInput!) { appointReviewer(input: $i) { ${REVIEW} appointments { reviewer { id } } } }`;
  const [first, again] = await twice<{ appointReviewer: { appointments: { reviewer: { id: string } }[] } }>(tokens.manager, query, { i: appointment });
  expect(again).toEqual(first);
  expect(again.appointReviewer.appointments.filter((a) => a.reviewer.id === registerReviewer.id)).toHaveLength(1);
  const other = await t.gql(tokens.manager, query, { i: { ...appointment, independenceStatement: 'Something else.' } });
  expect(other.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

// ---- Mutations that move a record on: a repeat of the step just taken answers the record as it is; other input is still refused.

const today = todayInLondon();
const PARTNERS = ['CHILDRENS_SOCIAL_CARE', 'HEALTH', 'POLICE'];
const STAGE = 'id version stage completedOn publication { url publishedOn }';
const DECIDE = `mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { ${STAGE} } }`;

async function registerAgency(name: string): Promise<string> {
  const { registerAgency } = await mutate<{ registerAgency: { id: string } }>(
    t,
    admin,
    'mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { id } }',
    {
      i: { name, sector: 'HEALTH', boardCodes: ['LEEDS'] },
    },
  );
  return registerAgency.id;
}

it('recordDecision, completeReview, publishReview and closeReview repeated: the review as it is; another decision, completion or publication is still INVALID_STAGE', async () => {
  const { review } = await notifiedCase(t, tokens.manager, 'LEEDS', {}, 30);
  const decision = {
    reviewId: review.id,
    outcome: 'INITIATE_REVIEW',
    criteriaMet: true,
    partnersAgreed: PARTNERS,
    rationale: 'Serious harm.',
    decidedOn: addDays(today, -25),
    expectedVersion: review.version,
  };
  const [d1, d2] = await twice(tokens.chair, DECIDE, { i: decision });
  expect(d2).toEqual(d1);
  expect(errorCode(await t.gql(tokens.chair, DECIDE, { i: { ...decision, rationale: 'Another reason.' } }))).toBe('INVALID_STAGE');

  await mutate(t, tokens.manager, 'mutation($i: SetMethodologyInput!) { setMethodology(input: $i) { id } }', {
    i: { reviewId: review.id, name: 'Systems approach', dataCollection: 'Interviews', analysis: 'Thematic' },
  });
  const { registerReviewer } = await mutate<{ registerReviewer: { id: string } }>(
    t,
    admin,
    'mutation { registerReviewer(input: { name: "Retry Lead", qualifications: ["Q"] }) { id } }',
    {},
  );
  await mutate(t, tokens.manager, 'mutation($i: AppointReviewerInput!) { appointReviewer(input: $i) { id } }', {
    i: { reviewId: review.id, reviewerId: registerReviewer.id, lead: true, appointedOn: today, independenceStatement: 'Independent.' },
  });

  const COMPLETE = `mutation($i: CompleteReviewInput!) { completeReview(input: $i) { ${STAGE} } }`;
  const completion = { reviewId: review.id, completedOn: addDays(today, -20), findings: 'Findings.' };
  const [c1, c2] = await twice(tokens.manager, COMPLETE, { i: completion });
  expect(c2).toEqual(c1);
  expect(errorCode(await t.gql(tokens.manager, COMPLETE, { i: { ...completion, completedOn: addDays(today, -19) } }))).toBe('INVALID_STAGE');

  const PUBLISH = `mutation($i: PublishReviewInput!) { publishReview(input: $i) { ${STAGE} } }`;
  const publication = {
    reviewId: review.id,
    url: 'https://example.org/retry-report.pdf',
    sentToPanelOn: addDays(today, -20),
    publishedOn: today,
    plainEnglishSummary: 'Agencies will share information sooner.',
    welfareImpactConsidered: true,
    dataProtectionChecked: true,
    courtRestrictionsChecked: true,
  };
  const [p1, p2] = await twice(tokens.chair, PUBLISH, { i: publication });
  expect(p2).toEqual(p1);
  expect(errorCode(await t.gql(tokens.chair, PUBLISH, { i: { ...publication, url: 'https://example.org/other.pdf' } }))).toBe('INVALID_STAGE');

  const [x1, x2] = await twice<{ closeReview: { stage: string } }>(tokens.manager, `mutation($id: ID!) { closeReview(reviewId: $id) { ${STAGE} } }`, {
    id: review.id,
  });
  expect(x2).toEqual(x1);
  expect(x2.closeReview.stage).toBe('CLOSED');
});

it('respondToInformationRequest and withdrawInformationRequest repeated: the request as it is; another response or reason is still INVALID_STAGE', async () => {
  const agency = await registerAgency('Leeds Health (retry requests)');
  const contributor = await t.token({ subject: 'ac-retry', roles: ['AGENCY_CONTRIBUTOR'], agency });
  await mutate(t, tokens.manager, 'mutation($i: InvolveAgencyInput!) { involveAgency(input: $i) { id } }', { i: { reviewId, agencyId: agency } });
  const ask = async (purpose: string) =>
    (
      await mutate<{ requestInformation: { id: string } }>(
        t,
        tokens.manager,
        'mutation($i: RequestInformationInput!) { requestInformation(input: $i) { id } }',
        {
          i: { reviewId, agencyId: agency, purpose, necessity: 'Needed.', proportionality: 'Only what is needed.', dueOn: addDays(today, 14) },
        },
      )
    ).requestInformation.id;
  const REQUEST = 'id status response respondedOn';

  const answered = await ask('Health records');
  const RESPOND = `mutation($i: RespondToInformationRequestInput!) { respondToInformationRequest(input: $i) { ${REQUEST} } }`;
  const [r1, r2] = await twice(contributor, RESPOND, { i: { informationRequestId: answered, response: 'Records attached.' } });
  expect(r2).toEqual(r1);
  expect(errorCode(await t.gql(contributor, RESPOND, { i: { informationRequestId: answered, response: 'Other records.' } }))).toBe('INVALID_STAGE');

  const withdrawn = await ask('School records');
  const WITHDRAW = `mutation($i: WithdrawInformationRequestInput!) { withdrawInformationRequest(input: $i) { ${REQUEST} } }`;
  const [w1, w2] = await twice(tokens.manager, WITHDRAW, { i: { informationRequestId: withdrawn, reason: 'No longer needed.' } });
  expect(w2).toEqual(w1);
  expect(errorCode(await t.gql(tokens.manager, WITHDRAW, { i: { informationRequestId: withdrawn, reason: 'Another reason.' } }))).toBe('INVALID_STAGE');
});

it('respondToPeerChallenge and revokePeerChallenge repeated: the challenge as it is; another response is still INVALID_STAGE', async () => {
  const { requestPeerChallenge } = await mutate<{ requestPeerChallenge: { id: string } }>(
    t,
    tokens.chair,
    'mutation($i: RequestPeerChallengeInput!) { requestPeerChallenge(input: $i) { id } }',
    { i: { reviewId, challengerBoardCode: 'BRADFORD', question: 'Is the scope right?', accessUntil: new Date(Date.now() + 7 * 86_400_000).toISOString() } },
  );
  const id = requestPeerChallenge.id;
  const CHALLENGE = 'id status response respondedAt';
  const RESPOND = `mutation($i: RespondToPeerChallengeInput!) { respondToPeerChallenge(input: $i) { ${CHALLENGE} } }`;
  const [a1, a2] = await twice(bradford.chair, RESPOND, { i: { peerChallengeId: id, response: 'Yes, with a caveat.' } });
  expect(a2).toEqual(a1);
  expect(errorCode(await t.gql(bradford.chair, RESPOND, { i: { peerChallengeId: id, response: 'No.' } }))).toBe('INVALID_STAGE');
  const [v1, v2] = await twice<{ revokePeerChallenge: { status: string } }>(
    tokens.chair,
    `mutation($id: ID!) { revokePeerChallenge(peerChallengeId: $id) { ${CHALLENGE} } }`,
    { id },
  );
  expect(v2).toEqual(v1);
  expect(v2.revokePeerChallenge.status).toBe('REVOKED');
});

it('correctIncident repeated with the same expectedVersion: the incident as corrected; another correction from that version is still CONFLICT', async () => {
  const input = incidentInput('LEEDS', { summary: 'retried correction' });
  const { reportIncident } = await mutate<{ reportIncident: { id: string; version: number } }>(t, tokens.manager, REPORT_INCIDENT, { input });
  const CORRECT = 'mutation($i: CorrectIncidentInput!) { correctIncident(input: $i) { id version summary awareOn abuseTypes } }';
  const correction = {
    incidentId: reportIncident.id,
    expectedVersion: reportIncident.version,
    summary: 'Corrected summary',
    abuseTypes: ['NEGLECT', 'PHYSICAL'],
  };
  const [c1, c2] = await twice<{ correctIncident: { version: number } }>(tokens.manager, CORRECT, { i: correction });
  expect(c2).toEqual(c1);
  expect(c2.correctIncident.version).toBe(reportIncident.version + 1);
  expect(errorCode(await t.gql(tokens.manager, CORRECT, { i: { ...correction, summary: 'Another summary' } }))).toBe('CONFLICT');
});

it('updateAction repeated with the same expectedVersion: the action as updated, one update in its history; another update from that version is still CONFLICT', async () => {
  const agency = await registerAgency('Leeds Health (retry actions)');
  const { createActionPlan } = await mutate<{ createActionPlan: { id: string } }>(
    t,
    tokens.manager,
    'mutation($i: CreateActionPlanInput!) { createActionPlan(input: $i) { id } }',
    { i: { reviewId } },
  );
  const { addAction } = await mutate<{ addAction: { id: string; version: number } }>(
    t,
    tokens.manager,
    'mutation($i: AddActionInput!) { addAction(input: $i) { id version } }',
    {
      i: {
        actionPlanId: createActionPlan.id,
        recommendation: 'Share sooner',
        description: 'Share concerns within a day',
        ownerAgencyId: agency,
        dueOn: addDays(today, 60),
        successCriteria: ['Audit'],
      },
    },
  );
  const UPDATE = 'mutation($i: UpdateActionInput!) { updateAction(input: $i) { id status version updates { by status note } } }';
  const update = { actionId: addAction.id, status: 'IN_PROGRESS', note: 'Started.', expectedVersion: addAction.version };
  const [u1, u2] = await twice<{ updateAction: { updates: unknown[] } }>(tokens.manager, UPDATE, { i: update });
  expect(u2).toEqual(u1);
  expect(u2.updateAction.updates).toHaveLength(1);
  expect(errorCode(await t.gql(tokens.manager, UPDATE, { i: { ...update, note: 'Started again.' } }))).toBe('CONFLICT');
});

// ---- Mutations that add a record, with a natural key: the same record again answers the one stored; other input adds another.

/** How many of each record the review holds, to show a retry stored nothing twice. */
async function held(id: string) {
  const { review } = await mutate<{
    review: Record<'extensions' | 'parallelProcesses' | 'familyEngagement' | 'informationRequests' | 'peerChallenges', unknown[]> & {
      actionPlan: { actions: unknown[]; audits: unknown[] } | null;
    };
  }>(
    t,
    tokens.chair,
    `query($id: ID!) { review(id: $id) { extensions { agreedOn } parallelProcesses { reference } familyEngagement { participant } informationRequests { id } peerChallenges { id }
      actionPlan { actions { id } audits { auditedOn } } } }`,
    { id },
  );
  return {
    extensions: review.extensions.length,
    parallelProcesses: review.parallelProcesses.length,
    familyEngagement: review.familyEngagement.length,
    informationRequests: review.informationRequests.length,
    peerChallenges: review.peerChallenges.length,
    actions: review.actionPlan?.actions.length ?? 0,
    audits: review.actionPlan?.audits.length ?? 0,
  };
}

it('extendTimescale, linkParallelProcess and recordFamilyEngagement repeated: the review as it is, each stored once', async () => {
  const before = await held(reviewId);
  const { review } = await mutate<{ review: { completionDueOn: string } }>(t, tokens.manager, 'query($id: ID!) { review(id: $id) { completionDueOn } }', {
    id: reviewId,
  });
  const extension = {
    reviewId,
    reason: 'Criminal trial',
    completionDueOn: addDays(review.completionDueOn, 60),
    interimLearning: ['Share concerns sooner'],
    agreedOn: today,
  };
  const [e1, e2] = await twice(
    tokens.manager,
    `mutation($i: ExtendTimescaleInput!) { extendTimescale(input: $i) { ${STAGE} extension { completionDueOn } } }`,
    { i: extension },
  );
  expect(e2).toEqual(e1);
  const link = { reviewId, kind: 'DOMESTIC_HOMICIDE_REVIEW', reference: 'DHR-RETRY-1', leadOrganisation: 'Community Safety Partnership' };
  const [l1, l2] = await twice(tokens.manager, `mutation($i: LinkParallelProcessInput!) { linkParallelProcess(input: $i) { ${STAGE} } }`, { i: link });
  expect(l2).toEqual(l1);
  const engagement = { reviewId, participant: 'Mother', engagedOn: today, contributed: true, note: 'Met at home.' };
  const [f1, f2] = await twice(tokens.manager, `mutation($i: RecordFamilyEngagementInput!) { recordFamilyEngagement(input: $i) { ${STAGE} } }`, {
    i: engagement,
  });
  expect(f2).toEqual(f1);
  expect(await held(reviewId)).toEqual({
    ...before,
    extensions: before.extensions + 1,
    parallelProcesses: before.parallelProcesses + 1,
    familyEngagement: before.familyEngagement + 1,
  });
  // Another engagement (another participant) is another record.
  await mutate(t, tokens.manager, 'mutation($i: RecordFamilyEngagementInput!) { recordFamilyEngagement(input: $i) { id } }', {
    i: { ...engagement, participant: 'Father' },
  });
  expect((await held(reviewId)).familyEngagement).toBe(before.familyEngagement + 2);
});

it('requestInformation and requestPeerChallenge repeated: the request or challenge already sent, stored once', async () => {
  const agency = await registerAgency('Leeds Health (retry asks)');
  await mutate(t, tokens.manager, 'mutation($i: InvolveAgencyInput!) { involveAgency(input: $i) { id } }', { i: { reviewId, agencyId: agency } });
  const before = await held(reviewId);
  const ask = { reviewId, agencyId: agency, purpose: 'GP records', necessity: 'Needed.', proportionality: 'Last year only.', dueOn: addDays(today, 14) };
  const [r1, r2] = await twice(tokens.manager, 'mutation($i: RequestInformationInput!) { requestInformation(input: $i) { id status purpose dueOn } }', {
    i: ask,
  });
  expect(r2).toEqual(r1);
  const challenge = {
    reviewId,
    challengerBoardCode: 'BRADFORD',
    question: 'Is the retry scope right?',
    accessUntil: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  };
  const [c1, c2] = await twice(tokens.chair, 'mutation($i: RequestPeerChallengeInput!) { requestPeerChallenge(input: $i) { id status question } }', {
    i: challenge,
  });
  expect(c2).toEqual(c1);
  expect(await held(reviewId)).toEqual({ ...before, informationRequests: before.informationRequests + 1, peerChallenges: before.peerChallenges + 1 });
  // Another question is another request.
  await mutate(t, tokens.manager, 'mutation($i: RequestInformationInput!) { requestInformation(input: $i) { id } }', {
    i: { ...ask, purpose: 'School records' },
  });
  expect((await held(reviewId)).informationRequests).toBe(before.informationRequests + 2);
});

it('createActionPlan, addAction, assessImpact and recordProgrammeAudit repeated: the plan, action and audit stored once', async () => {
  const { review } = await notifiedCase(t, tokens.manager, 'LEEDS', {}, 10);
  await mutate(t, tokens.chair, DECIDE, {
    i: { reviewId: review.id, outcome: 'INITIATE_REVIEW', criteriaMet: true, partnersAgreed: PARTNERS, rationale: 'Met.', decidedOn: addDays(today, -5) },
  });
  const agency = await registerAgency('Leeds Health (retry plan)');
  const [p1, p2] = await twice<{ createActionPlan: { id: string } }>(
    tokens.manager,
    'mutation($i: CreateActionPlanInput!) { createActionPlan(input: $i) { id } }',
    { i: { reviewId: review.id } },
  );
  expect(p2).toEqual(p1);
  const actionPlanId = p1.createActionPlan.id;
  const action = {
    actionPlanId,
    recommendation: 'Share sooner',
    description: 'Share concerns within a day',
    ownerAgencyId: agency,
    dueOn: addDays(today, 60),
    successCriteria: ['Audit'],
  };
  const [a1, a2] = await twice<{ addAction: { id: string; version: number } }>(
    tokens.manager,
    'mutation($i: AddActionInput!) { addAction(input: $i) { id version status } }',
    { i: action },
  );
  expect(a2).toEqual(a1);
  const actionId = a1.addAction.id;
  await mutate(t, tokens.manager, 'mutation($i: UpdateActionInput!) { updateAction(input: $i) { id } }', {
    i: { actionId, status: 'COMPLETED', note: 'Done.', expectedVersion: a1.addAction.version },
  });
  const assessment = { actionId, rating: 'EVIDENCED', evidence: 'Audit shows concerns shared within a day.', assessedOn: today };
  const [i1, i2] = await twice(
    tokens.manager,
    'mutation($i: AssessImpactInput!) { assessImpact(input: $i) { id version impact { rating evidence assessedOn } } }',
    { i: assessment },
  );
  expect(i2).toEqual(i1);
  const audit = { actionPlanId, auditedOn: today, findings: 'On track.' };
  const [u1, u2] = await twice(
    tokens.manager,
    'mutation($i: RecordProgrammeAuditInput!) { recordProgrammeAudit(input: $i) { id audits { auditedOn findings } } }',
    { i: audit },
  );
  expect(u2).toEqual(u1);
  expect(await held(review.id)).toMatchObject({ actions: 1, audits: 1 });
  // Another action on the plan is another record.
  await mutate(t, tokens.manager, 'mutation($i: AddActionInput!) { addAction(input: $i) { id } }', { i: { ...action, recommendation: 'Train staff' } });
  expect((await held(review.id)).actions).toBe(2);
});

/** Sends the same mutation `n` times at once, as a client retrying before its first answer came back would. */
function atOnce<T>(n: number, token: string, query: string, variables: Record<string, unknown>): Promise<T[]> {
  return Promise.all(Array.from({ length: n }, () => mutate<T>(t, token, query, variables)));
}

it('recordNotification and correctIncident sent again before the first answer: every answer the incident as changed once', async () => {
  const { reportIncident: incident } = await mutate<{ reportIncident: { id: string; version: number; awareOn: string } }>(t, tokens.manager, REPORT_INCIDENT, {
    input: incidentInput('LEEDS', { summary: 'racing retries' }),
  });
  const notified = await atOnce<{ recordNotification: { version: number; notifiedOn: string } }>(
    6,
    tokens.manager,
    'mutation($id: ID!, $on: Date!) { recordNotification(incidentId: $id, notifiedOn: $on) { version notifiedOn } }',
    { id: incident.id, on: incident.awareOn },
  );
  expect(notified.map((n) => n.recordNotification)).toEqual(Array(6).fill({ version: incident.version + 1, notifiedOn: incident.awareOn }));
  const corrected = await atOnce<{ correctIncident: { version: number; summary: string } }>(
    6,
    tokens.manager,
    'mutation($i: CorrectIncidentInput!) { correctIncident(input: $i) { version summary } }',
    { i: { incidentId: incident.id, expectedVersion: incident.version + 1, summary: 'Corrected once.' } },
  );
  expect(corrected.map((c) => c.correctIncident)).toEqual(Array(6).fill({ version: incident.version + 2, summary: 'Corrected once.' }));
});

it('addAction, updateAction, assessImpact and recordProgrammeAudit sent again before the first answer: one record, every answer the same', async () => {
  const { review } = await notifiedCase(t, tokens.manager, 'LEEDS', {}, 10);
  await mutate(t, tokens.chair, DECIDE, {
    i: { reviewId: review.id, outcome: 'INITIATE_REVIEW', criteriaMet: true, partnersAgreed: PARTNERS, rationale: 'Met.', decidedOn: addDays(today, -5) },
  });
  const agency = await registerAgency('Leeds Health (racing retries)');
  const { createActionPlan } = await mutate<{ createActionPlan: { id: string } }>(
    t,
    tokens.manager,
    'mutation($i: CreateActionPlanInput!) { createActionPlan(input: $i) { id } }',
    { i: { reviewId: review.id } },
  );
  const actionPlanId = createActionPlan.id;
  const action = {
    actionPlanId,
    recommendation: 'Share sooner',
    description: 'Share within a day',
    ownerAgencyId: agency,
    dueOn: addDays(today, 60),
    successCriteria: ['Audit'],
  };
  const added = await atOnce<{ addAction: { id: string; version: number } }>(
    6,
    tokens.manager,
    'mutation($i: AddActionInput!) { addAction(input: $i) { id version } }',
    {
      i: action,
    },
  );
  expect(new Set(added.map((a) => a.addAction.id)).size).toBe(1);
  const { id: actionId, version } = added[0]!.addAction;

  const updated = await atOnce<{ updateAction: { version: number; updates: unknown[] } }>(
    6,
    tokens.manager,
    'mutation($i: UpdateActionInput!) { updateAction(input: $i) { version updates { note } } }',
    { i: { actionId, status: 'COMPLETED', note: 'Done.', expectedVersion: version } },
  );
  expect(updated.map((u) => u.updateAction)).toEqual(Array(6).fill({ version: version + 1, updates: [{ note: 'Done.' }] }));

  const assessment = { actionId, rating: 'EVIDENCED', evidence: 'Shared within a day in the audit.', assessedOn: today };
  const assessed = await atOnce<{ assessImpact: { version: number } }>(
    6,
    tokens.manager,
    'mutation($i: AssessImpactInput!) { assessImpact(input: $i) { version } }',
    {
      i: assessment,
    },
  );
  expect(assessed.map((a) => a.assessImpact.version)).toEqual(Array(6).fill(version + 2));

  await atOnce(6, tokens.manager, 'mutation($i: RecordProgrammeAuditInput!) { recordProgrammeAudit(input: $i) { id } }', {
    i: { actionPlanId, auditedOn: today, findings: 'On track.' },
  });
  expect(await held(review.id)).toMatchObject({ actions: 1, audits: 1 });
});

// ---- Registrations: two agencies or reviewers may share a name, so a retry-safe registration carries an idempotency key.

it('registerAgency and registerReviewer with an idempotency key: registered once; the same key with other input is CONFLICT', async () => {
  const agencies = async () => (await mutate<{ agencies: unknown[] }>(t, admin, '{ agencies { id } }', {})).agencies.length;
  const reviewers = async () => (await mutate<{ reviewers: unknown[] }>(t, admin, '{ reviewers { id } }', {})).reviewers.length;
  const [agenciesBefore, reviewersBefore] = [await agencies(), await reviewers()];
  const REGISTER_AGENCY = 'mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { id name } }';
  const agency = { name: 'Keyed Health', sector: 'HEALTH', boardCodes: ['LEEDS'], idempotencyKey: 'agency-retry-1' };
  const [a1, a2] = await twice(admin, REGISTER_AGENCY, { i: agency });
  expect(a2).toEqual(a1);
  expect(errorCode(await t.gql(admin, REGISTER_AGENCY, { i: { ...agency, name: 'Other Health' } }))).toBe('CONFLICT');
  const REGISTER_REVIEWER = 'mutation($i: RegisterReviewerInput!) { registerReviewer(input: $i) { id name } }';
  const reviewer = { name: 'Keyed Reviewer', qualifications: ['Q'], idempotencyKey: 'reviewer-retry-1' };
  const [r1, r2] = await twice(admin, REGISTER_REVIEWER, { i: reviewer });
  expect(r2).toEqual(r1);
  expect(errorCode(await t.gql(admin, REGISTER_REVIEWER, { i: { ...reviewer, qualifications: ['Other'] } }))).toBe('CONFLICT');
  expect([await agencies(), await reviewers()]).toEqual([agenciesBefore + 1, reviewersBefore + 1]);
});
