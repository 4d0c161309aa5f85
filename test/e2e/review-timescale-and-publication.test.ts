/**
 * Issue 10, items 6, 8, 10, 11 and good practice: lateness is never
 * rewritten by an extension, completion needs the methodology, the
 * publication screen and dates, the panel hears of a publication on its
 * date, a reviewer's access ends with the case, peer challenges are bounded,
 * information requests follow the review's end and regime.
 */
import { addCalendarMonths, addDays, addWorkingDays, startOfLondonDay, todayInLondon } from '@scr/calendar';
import { boardTokens, errorCode, eventually, mutate, notifiedCase, startTestPlatform, WebhookReceiver, type TestPlatform } from '@scr/testing';

let t: TestPlatform;
let receiver: WebhookReceiver;
let admin: string;
let leeds: { manager: string; chair: string };
const today = todayInLondon();
const PARTNERS = ['CHILDRENS_SOCIAL_CARE', 'HEALTH', 'POLICE'];
const JANE = { pseudonym: 'Child J', fullName: 'Jane Hartley', dateOfBirth: '2019-05-14', sex: 'FEMALE', socialCareStatus: 'CHILD_IN_NEED' };

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  t = await startTestPlatform({ env: { PANEL_WEBHOOK_URL: receiver.url, PANEL_WEBHOOK_SECRET: 'panel-secret-for-tests' } });
  admin = await t.token({ subject: 'admin', roles: ['ADMIN'] });
  leeds = await boardTokens(t, 'LEEDS');
});
afterAll(async () => {
  await t.stop();
  await receiver.down();
});

const DECIDE = 'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id stage } }';
const EXTEND = 'mutation($i: ExtendTimescaleInput!) { extendTimescale(input: $i) { completionDueOn timescaleStatus } }';
const COMPLETE = 'mutation($i: CompleteReviewInput!) { completeReview(input: $i) { stage completedOn timescaleStatus } }';
const PUBLISH = 'mutation($i: PublishReviewInput!) { publishReview(input: $i) { stage publication { sentToPanelOn publishedOn } } }';
const TIMESCALE = `query($id: ID!) { review(id: $id) { stage completionDueOn timescaleStatus
  extension { reason completionDueOn interimLearning agreedOn } extensions { reason completionDueOn interimLearning agreedOn } } }`;

let reviewerSeq = 0;
async function registerReviewer(): Promise<string> {
  reviewerSeq += 1;
  return (
    await mutate<{ registerReviewer: { id: string } }>(t, admin, 'mutation($i: RegisterReviewerInput!) { registerReviewer(input: $i) { id } }', {
      i: { name: `Lead reviewer ${reviewerSeq}`, qualifications: ['Accredited'] },
    })
  ).registerReviewer.id;
}

let agencySeq = 0;
async function registerAgency(board = 'LEEDS'): Promise<string> {
  agencySeq += 1;
  return (
    await mutate<{ registerAgency: { id: string } }>(t, admin, 'mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { id } }', {
      i: { name: `Agency ${agencySeq}`, sector: 'HEALTH', boardCodes: [board] },
    })
  ).registerAgency.id;
}

/** A LEEDS review initiated on `decidedOn`, notified `daysAgo` days ago. */
async function initiated(decidedOn: string, daysAgo: number, overrides: Record<string, unknown> = {}) {
  const { review, incident } = await notifiedCase(t, leeds.manager, 'LEEDS', overrides, daysAgo);
  await mutate(t, leeds.chair, DECIDE, {
    i: { reviewId: review.id, outcome: 'INITIATE_REVIEW', criteriaMet: true, partnersAgreed: PARTNERS, rationale: 'Criteria met.', decidedOn },
  });
  return { reviewId: review.id, incidentId: incident.id };
}

async function appointLead(reviewId: string, appointedOn = today): Promise<string> {
  const reviewerId = await registerReviewer();
  await mutate(t, leeds.manager, 'mutation($i: AppointReviewerInput!) { appointReviewer(input: $i) { id } }', {
    i: { reviewId, reviewerId, lead: true, appointedOn, independenceStatement: 'Independent of the board and agencies.' },
  });
  return reviewerId;
}

async function setMethodology(reviewId: string) {
  await mutate(t, leeds.manager, 'mutation($i: SetMethodologyInput!) { setMethodology(input: $i) { id } }', {
    i: { reviewId, name: 'Systems approach', dataCollection: 'Practitioner interviews', analysis: 'Thematic analysis' },
  });
}

async function timescale(reviewId: string) {
  const res = await t.gql<{ review: Record<string, unknown> }>(leeds.manager, TIMESCALE, { id: reviewId });
  expect(res.errors).toBeUndefined();
  return res.data!.review;
}

async function leedsTimeliness() {
  const res = await t.gql<{ board: { reviewTimeliness: { completed: number; completedWithinTimescale: number } } }>(
    leeds.manager,
    `{ board(code: "LEEDS") { reviewTimeliness(from: "${addDays(today, -30)}", to: "${today}") { completed completedWithinTimescale } } }`,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.board.reviewTimeliness;
}

describe('timescale extensions (DOMAIN.md step 7)', () => {
  it('keeps every extension, oldest first, each with agreedOn (today when omitted); extension is the latest', async () => {
    const decidedOn = addDays(today, -10);
    const { reviewId } = await initiated(decidedOn, 20);
    const due = addCalendarMonths(decidedOn, 6);
    const first = await mutate<{ extendTimescale: { completionDueOn: string } }>(t, leeds.manager, EXTEND, {
      i: {
        reviewId,
        reason: 'Criminal trial',
        completionDueOn: addCalendarMonths(due, 1),
        interimLearning: ['Briefing to GPs on safe sleeping'],
        agreedOn: addDays(today, -2),
      },
    });
    expect(first.extendTimescale.completionDueOn).toBe(addCalendarMonths(due, 1));
    await mutate(t, leeds.manager, EXTEND, {
      i: { reviewId, reason: 'Inquest adjourned', completionDueOn: addCalendarMonths(due, 3), interimLearning: ['Escalation policy reissued'] },
    });
    expect(await timescale(reviewId)).toEqual({
      stage: 'IN_PROGRESS',
      completionDueOn: addCalendarMonths(due, 3),
      timescaleStatus: 'PENDING',
      extension: { reason: 'Inquest adjourned', completionDueOn: addCalendarMonths(due, 3), interimLearning: ['Escalation policy reissued'], agreedOn: today },
      extensions: [
        {
          reason: 'Criminal trial',
          completionDueOn: addCalendarMonths(due, 1),
          interimLearning: ['Briefing to GPs on safe sleeping'],
          agreedOn: addDays(today, -2),
        },
        { reason: 'Inquest adjourned', completionDueOn: addCalendarMonths(due, 3), interimLearning: ['Escalation policy reissued'], agreedOn: today },
      ],
    });
  });

  it('refuses an extension of an overdue review agreed after its due date (INVALID_STAGE) and changes nothing', async () => {
    const decidedOn = addDays(addCalendarMonths(today, -6), -10);
    const { reviewId } = await initiated(decidedOn, 200);
    const due = addCalendarMonths(decidedOn, 6);
    const before = await timescale(reviewId);
    expect(before).toMatchObject({ completionDueOn: due, timescaleStatus: 'OVERDUE', extension: null, extensions: [] });

    const input = { reviewId, reason: 'Late request', completionDueOn: addDays(today, 60), interimLearning: ['Something learnt'] };
    const omitted = await t.gql(leeds.manager, EXTEND, { i: input });
    expect(errorCode(omitted)).toBe('INVALID_STAGE');
    const afterDue = await t.gql(leeds.manager, EXTEND, { i: { ...input, agreedOn: addDays(due, 1) } });
    expect(errorCode(afterDue)).toBe('INVALID_STAGE');
    expect(await timescale(reviewId)).toEqual(before);

    // Completing it now is late, and counts as not within timescale.
    const counts = await leedsTimeliness();
    await appointLead(reviewId);
    await setMethodology(reviewId);
    const done = await mutate<{ completeReview: { timescaleStatus: string } }>(t, leeds.manager, COMPLETE, {
      i: { reviewId, completedOn: today, findings: 'Findings.' },
    });
    expect(done.completeReview.timescaleStatus).toBe('LATE');
    expect(await leedsTimeliness()).toEqual({ completed: counts.completed + 1, completedWithinTimescale: counts.completedWithinTimescale });
  });

  it('accepts an extension agreed on or before the due date though recorded later, and counts its completion within timescale', async () => {
    const decidedOn = addDays(addCalendarMonths(today, -6), -10);
    const { reviewId } = await initiated(decidedOn, 200);
    const due = addCalendarMonths(decidedOn, 6);
    const extended = await mutate<{ extendTimescale: { completionDueOn: string; timescaleStatus: string } }>(t, leeds.manager, EXTEND, {
      i: { reviewId, reason: 'Criminal trial', completionDueOn: addDays(today, 30), interimLearning: ['Learning shared'], agreedOn: due },
    });
    expect(extended.extendTimescale).toEqual({ completionDueOn: addDays(today, 30), timescaleStatus: 'PENDING' });
    const counts = await leedsTimeliness();
    await appointLead(reviewId);
    await setMethodology(reviewId);
    const done = await mutate<{ completeReview: { timescaleStatus: string } }>(t, leeds.manager, COMPLETE, {
      i: { reviewId, completedOn: today, findings: 'Findings.' },
    });
    expect(done.completeReview.timescaleStatus).toBe('MET');
    expect(await leedsTimeliness()).toEqual({ completed: counts.completed + 1, completedWithinTimescale: counts.completedWithinTimescale + 1 });
  });

  it('refuses an extension agreed in the future (INVALID_STAGE)', async () => {
    const { reviewId } = await initiated(today, 5);
    const res = await t.gql(leeds.manager, EXTEND, {
      i: { reviewId, reason: 'Trial', completionDueOn: addCalendarMonths(today, 8), interimLearning: ['x'], agreedOn: addDays(today, 1) },
    });
    expect(errorCode(res)).toBe('INVALID_STAGE');
    expect((await timescale(reviewId)).extensions).toEqual([]);
  });

  it('completes only with a lead, findings and the methodology (BAD_USER_INPUT)', async () => {
    const { reviewId } = await initiated(today, 5);
    await appointLead(reviewId);
    const noMethod = await t.gql(leeds.manager, COMPLETE, { i: { reviewId, completedOn: today, findings: 'Findings.' } });
    expect(errorCode(noMethod)).toBe('BAD_USER_INPUT');
    expect(noMethod.errors?.[0]?.message).toMatch(/methodology/);
    expect((await timescale(reviewId)).stage).toBe('IN_PROGRESS');
    await setMethodology(reviewId);
    const done = await mutate<{ completeReview: { stage: string } }>(t, leeds.manager, COMPLETE, {
      i: { reviewId, completedOn: today, findings: 'Findings.' },
    });
    expect(done.completeReview.stage).toBe('REPORT_FINAL');
  });
});

describe('good practice in the findings', () => {
  it('records examples of good practice, keeps them when omitted and replaces them when given', async () => {
    const { reviewId } = await initiated(today, 5);
    const reviewerId = await appointLead(reviewId);
    const reviewer = await t.token({ subject: 'rv-good-practice', roles: ['REVIEWER'], reviewer: reviewerId });
    const RECORD = 'mutation($i: RecordFindingsInput!) { recordFindings(input: $i) { findings goodPractice } }';
    const first = await mutate<{ recordFindings: unknown }>(t, reviewer, RECORD, {
      i: { reviewId, findings: 'Draft findings', goodPractice: ['The school nurse escalated promptly.', 'Police shared records the same day.'] },
    });
    expect(first.recordFindings).toEqual({
      findings: 'Draft findings',
      goodPractice: ['The school nurse escalated promptly.', 'Police shared records the same day.'],
    });
    const kept = await mutate<{ recordFindings: unknown }>(t, leeds.manager, RECORD, { i: { reviewId, findings: 'Second draft' } });
    expect(kept.recordFindings).toEqual({
      findings: 'Second draft',
      goodPractice: ['The school nurse escalated promptly.', 'Police shared records the same day.'],
    });
    const replaced = await mutate<{ recordFindings: unknown }>(t, leeds.manager, RECORD, { i: { reviewId, findings: 'Third draft', goodPractice: [] } });
    expect(replaced.recordFindings).toEqual({ findings: 'Third draft', goodPractice: [] });
    const blank = await t.gql(leeds.manager, RECORD, { i: { reviewId, findings: 'Fourth', goodPractice: ['  '] } });
    expect(errorCode(blank)).toBe('BAD_USER_INPUT');
  });
});

/** A LEEDS review of Jane Hartley completed `completedDaysAgo` days ago (decided a week before that). */
async function finalReport(completedDaysAgo: number) {
  const completedOn = addDays(today, -completedDaysAgo);
  const { reviewId, incidentId } = await initiated(addDays(completedOn, -7), completedDaysAgo + 14, { children: [JANE] });
  const reviewerId = await appointLead(reviewId, addDays(completedOn, -7));
  await setMethodology(reviewId);
  await mutate(t, leeds.manager, COMPLETE, { i: { reviewId, completedOn, findings: 'Final findings.' } });
  return { reviewId, incidentId, reviewerId, completedOn };
}

const publication = (reviewId: string, sentToPanelOn: string, overrides: Record<string, unknown> = {}) => ({
  i: {
    reviewId,
    url: 'https://example.org/reports/leeds-review.pdf',
    sentToPanelOn,
    publishedOn: today,
    plainEnglishSummary: 'A child was seriously harmed; agencies will share information sooner.',
    welfareImpactConsidered: true,
    dataProtectionChecked: true,
    courtRestrictionsChecked: true,
    ...overrides,
  },
});

describe('publication (DOMAIN.md step 10)', () => {
  let report: Awaited<ReturnType<typeof finalReport>>;
  beforeAll(async () => {
    report = await finalReport(20);
  });

  it.each([
    ['the given name with the surname', 'Jane Hartley was harmed.'],
    ['the surname first, in capitals', 'HARTLEY, Jane was harmed.'],
    ['an initial with a full stop and the surname', 'J. Hartley was harmed.'],
    ['an initial and the surname', 'J Hartley was harmed.'],
    ['the first name alone', 'Jane was harmed at home.'],
    ['a compact date of birth', 'Born 20190514.'],
    ['the date of birth with slashes', 'Born 14/05/2019.'],
    ['the date of birth year first', 'Born 2019-05-14.'],
    ['the date of birth with dots and no zeros', 'Born 14.5.2019.'],
    ['the date of birth as 14th May 2019', 'Born on 14th May 2019.'],
    ['the date of birth as May 14, 2019', 'Born on May 14, 2019.'],
    ['the date of birth in words', 'Born on the fourteenth of May 2019.'],
  ])('refuses %s in the summary (PERSONAL_DATA_IN_PUBLICATION) and publishes nothing', async (_name, summary) => {
    const res = await t.gql(leeds.chair, PUBLISH, publication(report.reviewId, report.completedOn, { plainEnglishSummary: summary }));
    expect(errorCode(res)).toBe('PERSONAL_DATA_IN_PUBLICATION');
    expect((await timescale(report.reviewId)).stage).toBe('REPORT_FINAL');
  });

  it.each([
    ['the name', 'https://example.org/reports/jane-hartley.pdf'],
    ['the name run together', 'https://example.org/reports/JaneHartley.pdf'],
    ['the name encoded', 'https://example.org/reports/Jane%20Hartley.pdf'],
    ['the date of birth', 'https://example.org/reports/review-20190514.pdf'],
  ])('refuses %s in the address (PERSONAL_DATA_IN_PUBLICATION)', async (_name, url) => {
    const res = await t.gql(leeds.chair, PUBLISH, publication(report.reviewId, report.completedOn, { url }));
    expect(errorCode(res)).toBe('PERSONAL_DATA_IN_PUBLICATION');
    expect(res.errors?.[0]?.extensions?.field).toBe('url');
    expect((await timescale(report.reviewId)).stage).toBe('REPORT_FINAL');
  });

  it('refuses a report sent to the panel before it was completed (BAD_USER_INPUT)', async () => {
    const res = await t.gql(leeds.chair, PUBLISH, publication(report.reviewId, addDays(report.completedOn, -1)));
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe('sentToPanelOn');
    expect((await timescale(report.reviewId)).stage).toBe('REPORT_FINAL');
  });

  it("ends the reviewer's access when the review is published", async () => {
    const { reviewId, incidentId, reviewerId } = await finalReport(20);
    const reviewer = await t.token({ subject: 'rv-published', roles: ['REVIEWER'], reviewer: reviewerId });
    const seen = await t.gql<{ review: { id: string } | null; incident: { id: string } | null }>(
      reviewer,
      `{ review(id: "${reviewId}") { id } incident(id: "${incidentId}") { id } }`,
    );
    expect(seen.data).toEqual({ review: { id: reviewId }, incident: { id: incidentId } });

    const published = await mutate<{ publishReview: { stage: string } }>(t, leeds.chair, PUBLISH, publication(reviewId, addDays(today, -20)));
    expect(published.publishReview.stage).toBe('PUBLISHED');
    const after = await t.gql<{ review: unknown; incident: unknown; reviews: { edges: { node: { id: string } }[] } }>(
      reviewer,
      `{ review(id: "${reviewId}") { id } incident(id: "${incidentId}") { id } reviews { edges { node { id } } } }`,
    );
    expect(after.errors).toBeUndefined();
    expect(after.data!.review).toBeNull();
    expect(after.data!.incident).toBeNull();
    expect(after.data!.reviews.edges.map((e) => e.node.id)).not.toContain(reviewId);
    const findings = await t.gql(reviewer, 'mutation($i: RecordFindingsInput!) { recordFindings(input: $i) { id } }', { i: { reviewId, findings: 'More' } });
    expect(errorCode(findings)).toBe('NOT_FOUND');
  });

  it('sends review.published to the panel on publishedOn, not before, whatever a retry asks', async () => {
    const future = await finalReport(0);
    const publishedOn = addWorkingDays(today, 7);
    const scheduled = await mutate<{ publishReview: { stage: string } }>(t, leeds.chair, PUBLISH, publication(future.reviewId, today, { publishedOn }));
    expect(scheduled.publishReview.stage).toBe('PUBLISHED');
    const now = await finalReport(20);
    await mutate(t, leeds.chair, PUBLISH, publication(now.reviewId, addDays(today, -20)));

    const publishedTo = (reviewId: string) => receiver.received.filter((d) => d.json.type === 'review.published' && d.json.data.reviewId === reviewId);
    await eventually(async () => publishedTo(now.reviewId).length > 0, 15_000, 'review.published for the report published today');
    expect(publishedTo(future.reviewId)).toEqual([]);

    type Delivery = { id: string; type: string; status: string; nextAttemptAt: string | null };
    const deliveries = await t.gql<{ panelWebhookDeliveries: Delivery[] }>(
      admin,
      '{ panelWebhookDeliveries(status: PENDING, first: 500) { id type status nextAttemptAt } }',
    );
    expect(deliveries.errors).toBeUndefined();
    const pending = deliveries.data!.panelWebhookDeliveries.filter((d) => d.type === 'review.published');
    expect(pending).toHaveLength(1);
    expect(new Date(pending[0]!.nextAttemptAt!).toISOString()).toBe(startOfLondonDay(publishedOn).toISOString());
    expect(errorCode(await t.gql(admin, `mutation { retryPanelWebhookDelivery(id: "${pending[0]!.id}") }`))).toBe('NOT_FOUND');
    expect(publishedTo(future.reviewId)).toEqual([]);
  });
});

describe('peer challenge bounds (DOMAIN.md step 4)', () => {
  const REQUEST = 'mutation($i: RequestPeerChallengeInput!) { requestPeerChallenge(input: $i) { id status accessUntil } }';

  it('grants access for at most 3 calendar months (BAD_USER_INPUT beyond) and creates nothing when refused', async () => {
    const { review } = await notifiedCase(t, leeds.manager, 'LEEDS');
    const base = { reviewId: review.id, challengerBoardCode: 'BRADFORD', question: 'Was the decision right?' };
    const tooLong = new Date(startOfLondonDay(addCalendarMonths(today, 3)).getTime() + 2 * 86_400_000).toISOString();
    expect(errorCode(await t.gql(leeds.chair, REQUEST, { i: { ...base, accessUntil: tooLong } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(leeds.chair, REQUEST, { i: { ...base, accessUntil: '2099-01-01T00:00:00Z' } }))).toBe('BAD_USER_INPUT');
    const sent = await t.gql<{ review: { peerChallenges: unknown[] } }>(leeds.chair, `{ review(id: "${review.id}") { peerChallenges { id } } }`);
    expect(sent.data!.review.peerChallenges).toEqual([]);

    const withinLimit = new Date(startOfLondonDay(addCalendarMonths(today, 3)).getTime() - 86_400_000).toISOString();
    const ok = await mutate<{ requestPeerChallenge: { status: string; accessUntil: string } }>(t, leeds.chair, REQUEST, {
      i: { ...base, accessUntil: withinLimit },
    });
    expect(ok.requestPeerChallenge).toMatchObject({ status: 'ACTIVE', accessUntil: withinLimit });
  });

  it('refuses to revoke a challenge whose access already ended (INVALID_STAGE), leaving it EXPIRED', async () => {
    const { review } = await notifiedCase(t, leeds.manager, 'LEEDS');
    const until = new Date(Date.now() + 1500).toISOString();
    const challenge = (
      await mutate<{ requestPeerChallenge: { id: string } }>(t, leeds.chair, REQUEST, {
        i: { reviewId: review.id, challengerBoardCode: 'BRADFORD', question: 'Q?', accessUntil: until },
      })
    ).requestPeerChallenge;
    await eventually(async () => Date.now() > Date.parse(until) + 100, 5_000, 'the access to end');
    const revoke = await t.gql(leeds.chair, `mutation { revokePeerChallenge(peerChallengeId: "${challenge.id}") { status } }`);
    expect(errorCode(revoke)).toBe('INVALID_STAGE');
    const expired = await t.gql<{ peerChallenges: { id: string; status: string }[] }>(
      leeds.chair,
      '{ peerChallenges(filter: { direction: SENT }) { id status } }',
    );
    expect(expired.data!.peerChallenges.find((c) => c.id === challenge.id)!.status).toBe('EXPIRED');
  });

  it('revoking again answers the challenge as revoked (a client retry), ending nothing more', async () => {
    const { review } = await notifiedCase(t, leeds.manager, 'LEEDS');
    const challenge = (
      await mutate<{ requestPeerChallenge: { id: string } }>(t, leeds.chair, REQUEST, {
        i: { reviewId: review.id, challengerBoardCode: 'BRADFORD', question: 'Q?', accessUntil: new Date(Date.now() + 3600_000).toISOString() },
      })
    ).requestPeerChallenge;
    const REVOKE = `mutation { revokePeerChallenge(peerChallengeId: "${challenge.id}") { status } }`;
    expect((await mutate<{ revokePeerChallenge: { status: string } }>(t, leeds.chair, REVOKE, {})).revokePeerChallenge.status).toBe('REVOKED');
    expect((await mutate<{ revokePeerChallenge: { status: string } }>(t, leeds.chair, REVOKE, {})).revokePeerChallenge.status).toBe('REVOKED');
  });
});

describe('information requests (DOMAIN.md step 8)', () => {
  const REQUEST = 'mutation($i: RequestInformationInput!) { requestInformation(input: $i) { id status statutory statutoryBasis } }';
  const request = (reviewId: string, agencyId: string, statutory = true) => ({
    i: { reviewId, agencyId, purpose: 'Records', necessity: 'Needed', proportionality: 'Only the last year', statutory, dueOn: addDays(today, 10) },
  });
  const statuses = async (reviewId: string) => {
    const res = await t.gql<{ review: { informationRequests: { id: string; status: string }[] } }>(
      leeds.manager,
      `{ review(id: "${reviewId}") { informationRequests { id status } } }`,
    );
    return Object.fromEntries(res.data!.review.informationRequests.map((r) => [r.id, r.status]));
  };

  it('lets a rapid review ask agencies before its decision (S16H), and withdraws open requests when it does not proceed', async () => {
    const { review } = await notifiedCase(t, leeds.manager, 'LEEDS');
    expect(review).toMatchObject({ kind: 'RAPID_REVIEW', stage: 'AWAITING_DECISION' });
    const agencyId = await registerAgency();
    await mutate(t, leeds.manager, 'mutation($i: InvolveAgencyInput!) { involveAgency(input: $i) { id } }', { i: { reviewId: review.id, agencyId } });
    const answered = (await mutate<{ requestInformation: { id: string; statutoryBasis: string } }>(t, leeds.manager, REQUEST, request(review.id, agencyId)))
      .requestInformation;
    expect(answered).toMatchObject({ status: 'OPEN', statutory: true, statutoryBasis: 'S16H' });
    const open = (await mutate<{ requestInformation: { id: string } }>(t, leeds.manager, REQUEST, request(review.id, agencyId, false))).requestInformation;
    expect(open).toMatchObject({ statutory: false, statutoryBasis: null });
    const contributor = await t.token({ subject: 'ac-rapid', roles: ['AGENCY_CONTRIBUTOR'], agency: agencyId });
    await mutate(t, contributor, 'mutation($i: RespondToInformationRequestInput!) { respondToInformationRequest(input: $i) { status } }', {
      i: { informationRequestId: answered.id, response: 'Records attached.' },
    });

    const reviewerId = await appointLead(review.id);
    const reviewer = await t.token({ subject: 'rv-rapid', roles: ['REVIEWER'], reviewer: reviewerId });
    expect((await t.gql(reviewer, `{ review(id: "${review.id}") { id } }`)).data).toEqual({ review: { id: review.id } });

    const decided = await mutate<{ recordDecision: { stage: string } }>(t, leeds.chair, DECIDE, {
      i: { reviewId: review.id, outcome: 'NO_FURTHER_REVIEW', criteriaMet: false, partnersAgreed: PARTNERS, rationale: 'Learning captured.', decidedOn: today },
    });
    expect(decided.recordDecision.stage).toBe('NOT_PROCEEDING');
    expect(await statuses(review.id)).toEqual({ [answered.id]: 'RESPONDED', [open.id]: 'WITHDRAWN' });
    // Not proceeding ends the reviewer's access too.
    expect((await t.gql(reviewer, `{ review(id: "${review.id}") { id } }`)).data).toEqual({ review: null });
    const visible = await t.gql<{ informationRequests: { totalCount: number } }>(
      reviewer,
      `{ informationRequests(filter: { reviewId: "${review.id}" }) { totalCount } }`,
    );
    expect(visible.data!.informationRequests.totalCount).toBe(0);
    const late = await t.gql(contributor, 'mutation($i: RespondToInformationRequestInput!) { respondToInformationRequest(input: $i) { status } }', {
      i: { informationRequestId: open.id, response: 'Too late.' },
    });
    expect(errorCode(late)).toBe('INVALID_STAGE');
  });

  it("withdraws a published review's open requests when it is closed", async () => {
    const agencyId = await registerAgency();
    const { reviewId: inProgress } = await initiated(addDays(today, -27), 40, { children: [JANE] });
    await mutate(t, leeds.manager, 'mutation($i: InvolveAgencyInput!) { involveAgency(input: $i) { id } }', { i: { reviewId: inProgress, agencyId } });
    const open = (await mutate<{ requestInformation: { id: string } }>(t, leeds.manager, REQUEST, request(inProgress, agencyId))).requestInformation;
    await appointLead(inProgress, addDays(today, -27));
    await setMethodology(inProgress);
    await mutate(t, leeds.manager, COMPLETE, { i: { reviewId: inProgress, completedOn: addDays(today, -20), findings: 'Final findings.' } });
    await mutate(t, leeds.chair, PUBLISH, publication(inProgress, addDays(today, -20)));
    expect(await statuses(inProgress)).toEqual({ [open.id]: 'OPEN' });
    const closed = await mutate<{ closeReview: { stage: string } }>(t, leeds.manager, `mutation { closeReview(reviewId: "${inProgress}") { stage } }`, {});
    expect(closed.closeReview.stage).toBe('CLOSED');
    expect(await statuses(inProgress)).toEqual({ [open.id]: 'WITHDRAWN' });
  });

  it('gives S14B under the LSCB regime', async () => {
    await mutate(t, admin, 'mutation { updateBoard(input: { code: "KIRKLEES", partnershipArrangementsFrom: "2099-01-01" }) { kind } }', {});
    try {
      const kirklees = await boardTokens(t, 'KIRKLEES');
      const { review } = await notifiedCase(t, kirklees.manager, 'KIRKLEES');
      expect(review.kind).toBe('SERIOUS_CASE_REVIEW');
      const agencyId = await registerAgency('KIRKLEES');
      await mutate(t, kirklees.manager, 'mutation($i: InvolveAgencyInput!) { involveAgency(input: $i) { id } }', { i: { reviewId: review.id, agencyId } });
      const asked = await mutate<{ requestInformation: unknown }>(t, kirklees.manager, REQUEST, request(review.id, agencyId));
      expect(asked.requestInformation).toMatchObject({ statutory: true, statutoryBasis: 'S14B' });
    } finally {
      await mutate(t, admin, 'mutation { updateBoard(input: { code: "KIRKLEES", partnershipArrangementsFrom: "2019-09-29" }) { kind } }', {});
    }
  });
});
