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
  WebhookReceiver,
  type ReviewView,
  type TestPlatform,
} from '@scr/testing';

/**
 * DOMAIN.md step 1 (who is notified; a referral later notified), step 3
 * (LSCB criteria met by the facts) and "Integrations" (the panel hears only
 * of incidents notified to it, and of their corrections).
 */
let t: TestPlatform;
let receiver: WebhookReceiver;
let admin: string;
let panel: string;
const today = todayInLondon();
const PARTNERS = ['CHILDRENS_SOCIAL_CARE', 'HEALTH', 'POLICE'];

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  t = await startTestPlatform({ env: { PANEL_WEBHOOK_URL: receiver.url, PANEL_WEBHOOK_SECRET: 'recipients-test-secret', PANEL_WEBHOOK_RETRY_CAP_MS: '400' } });
  admin = await t.token({ subject: 'admin', roles: ['ADMIN'] });
  panel = await t.token({ subject: 'panel', roles: ['PANEL'] });
});
afterAll(async () => {
  await t.stop();
  await receiver.down();
});

const INCIDENT = (id: string) =>
  `{ incident(id: "${id}") { reference notifiable notificationDueOn notifiedTo notifiedOn notificationStatus version reviews { ${REVIEW_FIELDS} } } }`;
type IncidentView = {
  reference: string;
  notifiable: boolean;
  notificationDueOn: string | null;
  notifiedTo: string[];
  notifiedOn: string | null;
  version: number;
  reviews: ReviewView[];
};
const NOTIFY = `mutation($id: ID!, $on: Date!) { recordNotification(incidentId: $id, notifiedOn: $on) { notifiedTo notifiedOn version } }`;
const CORRECT = `mutation($input: CorrectIncidentInput!) { correctIncident(input: $input) { notifiable notificationDueOn notifiedTo notificationStatus awareOn criterion version } }`;
const DECIDE = `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id stage kind version } }`;
const FEED = `{ panelNotifications(first: 500) { edges { node { id criterion abuseOrNeglect awareOn recordedAt } } } }`;
type Feed = { panelNotifications: { edges: { node: { id: string; criterion: string; abuseOrNeglect: string; awareOn: string; recordedAt: string } }[] } };

async function incident(token: string, id: string): Promise<IncidentView> {
  const res = await t.gql<{ incident: IncidentView }>(token, INCIDENT(id));
  expect(res.errors).toBeUndefined();
  return res.data!.incident;
}

async function feedIds(): Promise<string[]> {
  const res = await t.gql<Feed>(panel, FEED);
  expect(res.errors).toBeUndefined();
  return res.data!.panelNotifications.edges.map((e) => e.node.id);
}

async function setPartnershipFrom(board: string, on: string) {
  const res = await t.gql(admin, `mutation { updateBoard(input: { code: "${board}", partnershipArrangementsFrom: "${on}" }) { code } }`);
  expect(res.errors).toBeUndefined();
}

const accepted = (type: string, match: (data: Record<string, unknown>) => boolean) =>
  receiver.received.filter((r) => r.accepted && r.json.type === type && match(r.json.data));

/**
 * Each service's relay delivers its panel events oldest first, so once a
 * panel case notified and decided after everything else has reached the
 * receiver, every earlier event that was going to be sent has been.
 */
async function panelCaughtUp() {
  const staff = await boardTokens(t, 'LEEDS');
  const { incident: sentinel, review } = await notifiedCase(t, staff.manager, 'LEEDS');
  await mutate(t, staff.chair, DECIDE, {
    input: { reviewId: review.id, outcome: 'NO_FURTHER_REVIEW', criteriaMet: false, partnersAgreed: PARTNERS, rationale: 'Sentinel.', decidedOn: today },
  });
  await eventually(
    async () =>
      accepted('incident.notified', (d) => d.id === sentinel.id).length > 0 && accepted('review.decision_recorded', (d) => d.reviewId === review.id).length > 0,
    20_000,
    'the sentinel case to reach the panel',
  );
}

describe('a referral later found to meet the criteria', () => {
  it('whose review was decided gets a new rapid review once notified; the referral decision never reaches the panel', async () => {
    const leeds = await boardTokens(t, 'LEEDS');
    const referral = await reportIncident(t, leeds.manager, incidentInput('LEEDS', { abuseOrNeglect: 'NOT_KNOWN', referral: true }, 10));
    const referralReview = await reviewOf(t, leeds.manager, referral.id);
    expect(await incident(leeds.manager, referral.id)).toMatchObject({ notifiable: false, notificationDueOn: null, notifiedTo: [] });

    const declined = await mutate<{ recordDecision: { stage: string } }>(t, leeds.chair, DECIDE, {
      input: {
        reviewId: referralReview.id,
        outcome: 'NO_FURTHER_REVIEW',
        criteriaMet: false,
        partnersAgreed: PARTNERS,
        rationale: 'Below the criteria.',
        decidedOn: today,
      },
    });
    expect(declined.recordDecision.stage).toBe('NOT_PROCEEDING');

    // Abuse is now suspected: the board learnt the criteria were met four days ago.
    const learntOn = addDays(today, -4);
    const corrected = await t.gql<{ correctIncident: Record<string, unknown> }>(leeds.manager, CORRECT, {
      input: { incidentId: referral.id, expectedVersion: referral.version, abuseOrNeglect: 'SUSPECTED', awareOn: learntOn },
    });
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data!.correctIncident).toMatchObject({
      notifiable: true,
      notificationDueOn: addWorkingDays(learntOn, 5),
      notifiedTo: ['PANEL'],
      awareOn: learntOn,
    });

    const notifiedOn = addDays(today, -3);
    const notified = await t.gql(leeds.manager, NOTIFY, { id: referral.id, on: notifiedOn });
    expect(notified.errors).toBeUndefined();

    const reviews = await eventually(
      async () => {
        const now = await incident(leeds.manager, referral.id);
        return now.reviews.length === 2 ? now.reviews : undefined;
      },
      10_000,
      'a second review to open',
    );
    expect(reviews[0]).toMatchObject({ id: referralReview.id, stage: 'NOT_PROCEEDING' });
    expect(reviews[1]).toMatchObject({
      kind: 'RAPID_REVIEW',
      stage: 'AWAITING_DECISION',
      decisionDueOn: addWorkingDays(notifiedOn, 15),
      reference: `${(await incident(leeds.manager, referral.id)).reference}-REV-2`,
    });

    // Notified in every respect: the panel hears of the notification and of the new review's decision.
    await mutate(t, leeds.chair, DECIDE, {
      input: {
        reviewId: reviews[1]!.id,
        outcome: 'INITIATE_REVIEW',
        criteriaMet: true,
        partnersAgreed: PARTNERS,
        rationale: 'Criteria met.',
        decidedOn: today,
      },
    });
    await eventually(async () => accepted('review.decision_recorded', (d) => d.reviewId === reviews[1]!.id).length > 0, 20_000, 'the new decision webhook');
    expect(accepted('incident.notified', (d) => d.id === referral.id)).toHaveLength(1);
    expect(await feedIds()).toContain(referral.id);
    // The referral's own decision was recorded earlier on the same relay, and never sent.
    expect(receiver.received.filter((r) => r.json.data.reviewId === referralReview.id)).toEqual([]);
  });

  it('whose review still awaits decision: that review takes the notified kind and decision deadline', async () => {
    // Referred while the board was still an LSCB (a serious case review), notified under the partnership.
    await setPartnershipFrom('WAKEFIELD', '2099-01-01');
    const wakefield = await boardTokens(t, 'WAKEFIELD');
    const referral = await reportIncident(t, wakefield.manager, incidentInput('WAKEFIELD', { abuseOrNeglect: 'NOT_KNOWN', referral: true }, 10));
    const before = await reviewOf(t, wakefield.manager, referral.id);
    expect(before).toMatchObject({ kind: 'SERIOUS_CASE_REVIEW', stage: 'AWAITING_DECISION', decisionDueOn: addCalendarMonths(today, 1) });
    await setPartnershipFrom('WAKEFIELD', '2019-09-29');

    await mutate(t, wakefield.manager, CORRECT, {
      input: { incidentId: referral.id, expectedVersion: 1, abuseOrNeglect: 'KNOWN', awareOn: addDays(today, -3) },
    });
    const notifiedOn = addDays(today, -2);
    await mutate(t, wakefield.manager, NOTIFY, { id: referral.id, on: notifiedOn });

    const review = await eventually(
      async () => {
        const [only, ...others] = (await incident(wakefield.manager, referral.id)).reviews;
        return only?.kind === 'RAPID_REVIEW' && !others.length ? only : undefined;
      },
      10_000,
      'the review to take the notified kind',
    );
    expect(review).toMatchObject({ id: before.id, stage: 'AWAITING_DECISION', decisionDueOn: addWorkingDays(notifiedOn, 15) });

    await mutate(t, wakefield.chair, DECIDE, {
      input: {
        reviewId: review.id,
        outcome: 'NO_FURTHER_REVIEW',
        criteriaMet: false,
        partnersAgreed: PARTNERS,
        rationale: 'Single-agency learning.',
        decidedOn: today,
      },
    });
    const sent = await eventually(async () => accepted('review.decision_recorded', (d) => d.reviewId === review.id)[0], 20_000, 'the decision webhook');
    expect(sent.json.data).toMatchObject({ incidentId: referral.id, kind: 'RAPID_REVIEW', outcome: 'NO_FURTHER_REVIEW' });
  });

  it('is still a referral until its facts meet the criteria: notifying it is refused', async () => {
    const leeds = await boardTokens(t, 'LEEDS');
    const referral = await reportIncident(t, leeds.manager, incidentInput('LEEDS', { abuseOrNeglect: 'NOT_KNOWN', referral: true }));
    const summaryOnly = await mutate<{ correctIncident: { notifiable: boolean; notifiedTo: string[] } }>(t, leeds.manager, CORRECT, {
      input: { incidentId: referral.id, expectedVersion: 1, summary: 'More detail, same facts' },
    });
    expect(summaryOnly.correctIncident).toMatchObject({ notifiable: false, notifiedTo: [] });
    expect(errorCode(await t.gql(leeds.manager, NOTIFY, { id: referral.id, on: today }))).toBe('BAD_USER_INPUT');
  });
});

describe('who is notified', () => {
  it('answers notifiedTo by regime and facts; the panel feed and webhooks carry only incidents notified to the panel', async () => {
    receiver.received.length = 0;
    const calderdale = await boardTokens(t, 'CALDERDALE');
    const harmed = await notifiedCase(t, calderdale.manager, 'CALDERDALE');
    const lacSuspected = await notifiedCase(t, calderdale.manager, 'CALDERDALE', { criterion: 'LOOKED_AFTER_CHILD_DIED', abuseOrNeglect: 'SUSPECTED' });
    const lacNotKnown = await notifiedCase(t, calderdale.manager, 'CALDERDALE', { criterion: 'LOOKED_AFTER_CHILD_DIED', abuseOrNeglect: 'NOT_KNOWN' });
    const referral = await reportIncident(t, calderdale.manager, incidentInput('CALDERDALE', { abuseOrNeglect: 'NOT_KNOWN', referral: true }));

    await setPartnershipFrom('KIRKLEES', '2099-01-01');
    const kirklees = await boardTokens(t, 'KIRKLEES');
    const lscb = await notifiedCase(t, kirklees.manager, 'KIRKLEES', { criterion: 'CHILD_DIED', abuseOrNeglect: 'KNOWN' });
    expect(lscb.review.kind).toBe('SERIOUS_CASE_REVIEW');
    await setPartnershipFrom('KIRKLEES', '2019-09-29');

    expect((await incident(calderdale.manager, harmed.incident.id)).notifiedTo).toEqual(['PANEL']);
    expect((await incident(calderdale.manager, lacSuspected.incident.id)).notifiedTo).toEqual(['PANEL', 'OFSTED', 'SECRETARY_OF_STATE']);
    expect((await incident(calderdale.manager, lacNotKnown.incident.id)).notifiedTo).toEqual(['OFSTED', 'SECRETARY_OF_STATE']);
    expect((await incident(calderdale.manager, referral.id)).notifiedTo).toEqual([]);
    // Fixed when notified: the board's later date change does not re-address it.
    expect((await incident(kirklees.manager, lscb.incident.id)).notifiedTo).toEqual(['OFSTED']);

    // Decisions on the cases the panel is not told of, and a correction of one of them.
    await mutate(t, calderdale.chair, DECIDE, {
      input: {
        reviewId: lacNotKnown.review.id,
        outcome: 'NO_FURTHER_REVIEW',
        criteriaMet: false,
        partnersAgreed: PARTNERS,
        rationale: 'Natural causes.',
        decidedOn: today,
      },
    });
    await mutate(t, kirklees.chair, DECIDE, {
      input: { reviewId: lscb.review.id, outcome: 'INITIATE_REVIEW', criteriaMet: true, rationale: 'Regulation 5(2) met.', decidedOn: today },
    });
    await mutate(t, kirklees.manager, CORRECT, { input: { incidentId: lscb.incident.id, expectedVersion: 2, abuseTypes: ['NEGLECT'] } });
    await mutate(t, calderdale.chair, DECIDE, {
      input: {
        reviewId: harmed.review.id,
        outcome: 'NO_FURTHER_REVIEW',
        criteriaMet: false,
        partnersAgreed: PARTNERS,
        rationale: 'Learning captured.',
        decidedOn: today,
      },
    });
    await panelCaughtUp();

    const feed = await feedIds();
    expect(feed).toEqual(expect.arrayContaining([harmed.incident.id, lacSuspected.incident.id]));
    for (const hidden of [lacNotKnown.incident.id, lscb.incident.id, referral.id]) {
      expect(feed).not.toContain(hidden);
      expect(receiver.received.filter((r) => r.json.data.id === hidden || r.json.data.incidentId === hidden)).toEqual([]);
    }
    expect(accepted('incident.notified', (d) => d.id === lacSuspected.incident.id)).toHaveLength(1);
    expect(accepted('review.decision_recorded', (d) => d.reviewId === harmed.review.id)).toHaveLength(1);
  });
});

describe('corrections reach the panel', () => {
  it('sends incident.corrected and moves the feed entry to the end with the corrected facts', async () => {
    const bradford = await boardTokens(t, 'BRADFORD');
    const harmed = await notifiedCase(t, bradford.manager, 'BRADFORD');
    await notifiedCase(t, bradford.manager, 'BRADFORD');
    expect((await feedIds()).at(-1)).not.toBe(harmed.incident.id);

    // The seriously harmed child later dies.
    const corrected = await mutate<{ correctIncident: { version: number } }>(t, bradford.manager, CORRECT, {
      input: { incidentId: harmed.incident.id, expectedVersion: 2, criterion: 'CHILD_DIED' },
    });
    const feed = await t.gql<Feed>(panel, FEED);
    const entries = feed.data!.panelNotifications.edges.map((e) => e.node);
    expect(entries.filter((e) => e.id === harmed.incident.id)).toHaveLength(1);
    expect(entries.at(-1)).toMatchObject({ id: harmed.incident.id, criterion: 'CHILD_DIED', abuseOrNeglect: 'SUSPECTED' });

    const webhook = await eventually(
      async () => accepted('incident.corrected', (d) => d.id === harmed.incident.id)[0],
      20_000,
      'the incident.corrected webhook',
    );
    expect(webhook.json.data).toMatchObject({
      id: harmed.incident.id,
      criterion: 'CHILD_DIED',
      incidentReference: harmed.incident.reference,
      recordedAt: entries.at(-1)!.recordedAt,
    });
    expect(webhook.body).not.toContain('Alex Example');
    expect(webhook.body).not.toContain('Test incident');

    // A change the panel cannot see (the summary) is no news to it.
    await mutate(t, bradford.manager, CORRECT, {
      input: { incidentId: harmed.incident.id, expectedVersion: corrected.correctIncident.version, summary: 'Board-only note' },
    });
    await panelCaughtUp();
    expect(accepted('incident.corrected', (d) => d.id === harmed.incident.id)).toHaveLength(1);
    expect((await feedIds()).filter((id) => id === harmed.incident.id)).toHaveLength(1);
  });
});

describe('a correction that makes the panel a recipient', () => {
  it("tells the panel of a looked-after child's death once abuse is suspected, and puts it in the feed", async () => {
    const leeds = await boardTokens(t, 'LEEDS');
    const { incident: death } = await notifiedCase(t, leeds.manager, 'LEEDS', { criterion: 'LOOKED_AFTER_CHILD_DIED', abuseOrNeglect: 'NOT_KNOWN' });
    expect(await feedIds()).not.toContain(death.id);
    const corrected = await mutate<{ correctIncident: { notifiedTo: string[] } }>(t, leeds.manager, CORRECT, {
      input: { incidentId: death.id, expectedVersion: 2, abuseOrNeglect: 'SUSPECTED' },
    });
    expect(corrected.correctIncident.notifiedTo).toEqual(['PANEL', 'OFSTED', 'SECRETARY_OF_STATE']);
    expect((await feedIds()).at(-1)).toBe(death.id);
    const webhook = await eventually(async () => accepted('incident.notified', (d) => d.id === death.id)[0], 20_000, 'the panel to hear of the death');
    expect(webhook.json.data).toMatchObject({ criterion: 'LOOKED_AFTER_CHILD_DIED', abuseOrNeglect: 'SUSPECTED' });
  });
});

describe('LSCB regime: regulation 5(2)', () => {
  beforeAll(() => setPartnershipFrom('CALDERDALE', '2099-01-01'));
  afterAll(() => setPartnershipFrom('CALDERDALE', '2019-04-01'));

  it.each([
    ['CHILD_DIED', 'SUSPECTED'],
    ['LOOKED_AFTER_CHILD_DIED', 'KNOWN'],
  ])('refuses criteriaMet: false for %s with abuse or neglect %s, and changes nothing', async (criterion, abuseOrNeglect) => {
    const calderdale = await boardTokens(t, 'CALDERDALE');
    const { review } = await notifiedCase(t, calderdale.manager, 'CALDERDALE', { criterion, abuseOrNeglect });
    expect(review.kind).toBe('SERIOUS_CASE_REVIEW');
    const refused = await t.gql(calderdale.chair, DECIDE, {
      input: { reviewId: review.id, outcome: 'NO_FURTHER_REVIEW', criteriaMet: false, rationale: 'Not met.', decidedOn: today },
    });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.extensions?.field).toBe('criteriaMet');
    expect(refused.errors?.[0]?.message).toMatch(/regulation 5\(2\)/);
    const after = await t.gql<{ review: Record<string, unknown> }>(calderdale.manager, `{ review(id: "${review.id}") { stage version decision { outcome } } }`);
    expect(after.data!.review).toEqual({ stage: 'AWAITING_DECISION', version: review.version, decision: null });
  });

  it('lets the chair judge the criteria not met for a seriously harmed child', async () => {
    const calderdale = await boardTokens(t, 'CALDERDALE');
    const { review } = await notifiedCase(t, calderdale.manager, 'CALDERDALE', { criterion: 'CHILD_SERIOUSLY_HARMED', abuseOrNeglect: 'KNOWN' });
    const decided = await mutate<{ recordDecision: { stage: string } }>(t, calderdale.chair, DECIDE, {
      input: {
        reviewId: review.id,
        outcome: 'NO_FURTHER_REVIEW',
        criteriaMet: false,
        rationale: 'No cause for concern about how agencies worked together.',
        decidedOn: today,
      },
    });
    expect(decided.recordDecision.stage).toBe('NOT_PROCEEDING');
  });
});
