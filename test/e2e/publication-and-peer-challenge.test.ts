import { addDays, todayInLondon } from '@scr/calendar';
import { boardTokens, errorCode, eventually, mutate, notifiedCase, startTestPlatform, type TestPlatform } from '@scr/testing';

let t: TestPlatform;
let admin: string;
let leeds: { manager: string; chair: string };
let bradford: { manager: string; chair: string };
const today = todayInLondon();
const PARTNERS = ['CHILDRENS_SOCIAL_CARE', 'HEALTH', 'POLICE'];

beforeAll(async () => {
  t = await startTestPlatform();
  admin = await t.token({ subject: 'admin', roles: ['ADMIN'] });
  leeds = await boardTokens(t, 'LEEDS');
  bradford = await boardTokens(t, 'BRADFORD');
});
afterAll(() => t.stop());

const CHILD = { pseudonym: 'Child A', fullName: 'Jordan Alexander Smith', dateOfBirth: '2019-03-05', sex: 'MALE', socialCareStatus: 'CHILD_IN_NEED' };

/** A review with a final report completed 20 days ago, ready to publish. */
async function finalReport() {
  const { review } = await notifiedCase(t, leeds.manager, 'LEEDS', { children: [CHILD] }, 30);
  await mutate(t, leeds.chair, 'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }', {
    i: { reviewId: review.id, outcome: 'INITIATE_REVIEW', criteriaMet: true, partnersAgreed: PARTNERS, rationale: 'Met.', decidedOn: addDays(today, -25) },
  });
  await mutate(t, leeds.manager, 'mutation($i: SetMethodologyInput!) { setMethodology(input: $i) { id } }', {
    i: { reviewId: review.id, name: 'Systems approach', dataCollection: 'Interviews', analysis: 'Thematic' },
  });
  const reviewer = (
    await mutate<{ registerReviewer: { id: string } }>(t, admin, 'mutation { registerReviewer(input: { name: "Lead", qualifications: ["Q"] }) { id } }', {})
  ).registerReviewer.id;
  await mutate(t, leeds.manager, 'mutation($i: AppointReviewerInput!) { appointReviewer(input: $i) { id } }', {
    i: { reviewId: review.id, reviewerId: reviewer, lead: true, appointedOn: today, independenceStatement: 'Independent.' },
  });
  await mutate(t, leeds.manager, 'mutation($i: CompleteReviewInput!) { completeReview(input: $i) { id } }', {
    i: { reviewId: review.id, completedOn: addDays(today, -20), findings: 'Findings.' },
  });
  return review;
}

const PUBLISH = 'mutation($i: PublishReviewInput!) { publishReview(input: $i) { stage publication { publishedOn availableUntil } } }';
const publication = (reviewId: string, overrides: Record<string, unknown> = {}) => ({
  i: {
    reviewId,
    url: 'https://example.org/report.pdf',
    sentToPanelOn: addDays(today, -20),
    publishedOn: today,
    plainEnglishSummary: 'A child was seriously harmed; agencies will share information sooner.',
    welfareImpactConsidered: true,
    dataProtectionChecked: true,
    courtRestrictionsChecked: true,
    ...overrides,
  },
});

describe('publishReview', () => {
  let reviewId: string;
  beforeAll(async () => {
    reviewId = (await finalReport()).id;
  });

  it.each([
    ['welfare impact not considered', { welfareImpactConsidered: false }, 'PUBLICATION_CHECKS_INCOMPLETE'],
    ['data protection not checked', { dataProtectionChecked: false }, 'PUBLICATION_CHECKS_INCOMPLETE'],
    ['court restrictions not checked', { courtRestrictionsChecked: false }, 'PUBLICATION_CHECKS_INCOMPLETE'],
    ['sent to the panel only today', { sentToPanelOn: today }, 'PUBLICATION_CHECKS_INCOMPLETE'],
    ['an embargo until tomorrow', { embargoUntil: addDays(today, 1) }, 'EMBARGOED'],
    ["the child's full name", { plainEnglishSummary: 'Jordan Alexander Smith was harmed.' }, 'PERSONAL_DATA_IN_PUBLICATION'],
    ["the child's name surname first, in capitals", { plainEnglishSummary: 'SMITH, Jordan was harmed.' }, 'PERSONAL_DATA_IN_PUBLICATION'],
    ["the child's date of birth with slashes", { plainEnglishSummary: 'Born 05/03/2019.' }, 'PERSONAL_DATA_IN_PUBLICATION'],
    ["the child's date of birth in words", { plainEnglishSummary: 'Born on 5th March 2019.' }, 'PERSONAL_DATA_IN_PUBLICATION'],
    ['a url that is not a web address', { url: 'javascript:alert(1)' }, 'BAD_USER_INPUT'],
  ])('refuses %s and publishes nothing', async (_name, overrides, code) => {
    const res = await t.gql(leeds.chair, PUBLISH, publication(reviewId, overrides));
    expect(errorCode(res)).toBe(code);
    const now = await t.gql<{ review: { stage: string; publication: unknown } }>(leeds.manager, `{ review(id: "${reviewId}") { stage publication { url } } }`);
    expect(now.data!.review).toEqual({ stage: 'REPORT_FINAL', publication: null });
  });

  it('refuses the board manager: only the chair publishes', async () => {
    expect(errorCode(await t.gql(leeds.manager, PUBLISH, publication(reviewId)))).toBe('FORBIDDEN');
  });

  it('publishes exactly seven working days after sending to the panel, on the embargo date itself', async () => {
    // 7 working days before today counted back is the latest allowed sending date.
    let sent = today;
    for (let n = 0; n < 7;) {
      sent = addDays(sent, -1);
      const { isWorkingDay } = await import('@scr/calendar');
      if (isWorkingDay(sent)) n++;
    }
    const res = await t.gql<{ publishReview: { stage: string } }>(leeds.chair, PUBLISH, publication(reviewId, { sentToPanelOn: sent, embargoUntil: today }));
    expect(res.errors).toBeUndefined();
    expect(res.data!.publishReview.stage).toBe('PUBLISHED');
  });
});

describe('peer challenge', () => {
  const REQUEST = 'mutation($i: RequestPeerChallengeInput!) { requestPeerChallenge(input: $i) { id status accessUntil challengerBoard { code } } }';
  const future = () => new Date(Date.now() + 3600_000).toISOString();

  it('refuses a challenge to the own board, an unknown board, a past accessUntil, and a manager', async () => {
    const { review } = await notifiedCase(t, leeds.manager, 'LEEDS');
    const base = { reviewId: review.id, challengerBoardCode: 'BRADFORD', question: 'Was the decision right?', accessUntil: future() };
    expect(errorCode(await t.gql(leeds.chair, REQUEST, { i: { ...base, challengerBoardCode: 'LEEDS' } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(leeds.chair, REQUEST, { i: { ...base, challengerBoardCode: 'YORK' } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(leeds.chair, REQUEST, { i: { ...base, accessUntil: new Date(Date.now() - 1000).toISOString() } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(leeds.manager, REQUEST, { i: base }))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(bradford.chair, REQUEST, { i: base }))).toBe('NOT_FOUND');
  });

  it('opens the review and its incident (without identities) to the challenger chair at once, until revoked', async () => {
    const { review, incident } = await notifiedCase(t, leeds.manager, 'LEEDS');
    const before = await t.gql(bradford.chair, `{ review(id: "${review.id}") { id } incident(id: "${incident.id}") { id } }`);
    expect(before.data).toEqual({ review: null, incident: null });

    const challenge = (
      await mutate<{ requestPeerChallenge: { id: string; status: string } }>(t, leeds.chair, REQUEST, {
        i: { reviewId: review.id, challengerBoardCode: 'BRADFORD', question: 'Was the decision right?', accessUntil: future() },
      })
    ).requestPeerChallenge;
    expect(challenge.status).toBe('ACTIVE');

    const during = await t.gql<{ review: { reference: string; incident: { reference: string; children: { identity: unknown }[] } }; incident: { id: string } }>(
      bradford.chair,
      `{ review(id: "${review.id}") { reference incident { reference children { pseudonym identity { fullName } } } } incident(id: "${incident.id}") { id } }`,
    );
    expect(during.errors).toBeUndefined();
    expect(during.data!.review.incident.children[0]?.identity).toBeNull();
    expect(during.data!.incident.id).toBe(incident.id);
    // The challenger's manager holds no grant: only the chair does.
    expect((await t.gql(bradford.manager, `{ review(id: "${review.id}") { id } }`)).data).toEqual({ review: null });

    const received = await t.gql<{ peerChallenges: { id: string }[] }>(bradford.chair, '{ peerChallenges(filter: { direction: RECEIVED }) { id question } }');
    expect(received.data!.peerChallenges.map((c) => c.id)).toContain(challenge.id);
    const sent = await t.gql<{ peerChallenges: { id: string }[] }>(leeds.manager, '{ peerChallenges(filter: { direction: SENT }) { id } }');
    expect(sent.data!.peerChallenges.map((c) => c.id)).toContain(challenge.id);
    const managerReceived = await t.gql<{ peerChallenges: unknown[] }>(bradford.manager, '{ peerChallenges(filter: { direction: RECEIVED }) { id } }');
    expect(managerReceived.data!.peerChallenges).toEqual([]);

    const answered = await mutate<{ respondToPeerChallenge: { status: string; response: string } }>(
      t,
      bradford.chair,
      `mutation { respondToPeerChallenge(input: { peerChallengeId: "${challenge.id}", response: "Yes, with a caveat." }) { status response respondedAt } }`,
      {},
    );
    expect(answered.respondToPeerChallenge).toMatchObject({ status: 'RESPONDED', response: 'Yes, with a caveat.' });
    // Access lasts whatever the status, until revocation.
    expect((await t.gql(bradford.chair, `{ review(id: "${review.id}") { id } }`)).data).toEqual({ review: { id: review.id } });

    const revoked = await mutate<{ revokePeerChallenge: { status: string } }>(
      t,
      leeds.chair,
      `mutation { revokePeerChallenge(peerChallengeId: "${challenge.id}") { status } }`,
      {},
    );
    expect(revoked.revokePeerChallenge.status).toBe('REVOKED');
    await eventually(
      async () => {
        const after = await t.gql(bradford.chair, `{ review(id: "${review.id}") { id } incident(id: "${incident.id}") { id } }`);
        return JSON.stringify(after.data) === JSON.stringify({ review: null, incident: null });
      },
      5_000,
      'revocation to take effect',
    );
    const lateAnswer = await t.gql(
      bradford.chair,
      `mutation { respondToPeerChallenge(input: { peerChallengeId: "${challenge.id}", response: "More" }) { status } }`,
    );
    expect(errorCode(lateAnswer)).toBe('INVALID_STAGE');
  });

  it('ends access when accessUntil passes', async () => {
    const { review } = await notifiedCase(t, leeds.manager, 'LEEDS');
    const until = new Date(Date.now() + 1500).toISOString();
    await mutate(t, leeds.chair, REQUEST, { i: { reviewId: review.id, challengerBoardCode: 'BRADFORD', question: 'Q?', accessUntil: until } });
    expect((await t.gql(bradford.chair, `{ review(id: "${review.id}") { id } }`)).data).toEqual({ review: { id: review.id } });
    await new Promise((r) => setTimeout(r, 1600));
    expect((await t.gql(bradford.chair, `{ review(id: "${review.id}") { id } }`)).data).toEqual({ review: null });
    const sent = await t.gql<{ peerChallenges: { status: string }[] }>(
      leeds.chair,
      `{ peerChallenges(filter: { direction: SENT, status: EXPIRED }) { status } }`,
    );
    expect(sent.data!.peerChallenges.length).toBeGreaterThan(0);
  });
});
