/**
 * Issue 15: the typed client (@scr/client) walks one LEEDS case through the
 * whole process against the real platform, as an integrator would: report,
 * notify, decide, appoint, request information, extend, complete, publish,
 * plan actions, read the trends; then the panel pulls its feed from a cursor
 * and checks the webhooks' signatures. Any drift between the client's
 * documents and the schema fails here too.
 */
import { addCalendarMonths, addDays, todayInLondon } from '@scr/calendar';
import {
  AddActionDocument,
  AppointReviewerDocument,
  ApiError,
  BoardAgenciesDocument,
  CompleteReviewDocument,
  createClient,
  CreateActionPlanDocument,
  ExtendTimescaleDocument,
  IncidentReviewsDocument,
  IncidentTrendsDocument,
  InvolveAgencyDocument,
  MeDocument,
  pages,
  PanelNotificationsDocument,
  PublishedReviewsDocument,
  PublishReviewDocument,
  RecordDecisionDocument,
  RecordNotificationDocument,
  ReportIncidentDocument,
  RequestInformationDocument,
  ReviewersDocument,
  SetMethodologyDocument,
  UpdateActionDocument,
  verifyPanelSignature,
  type Client,
} from '@scr/client';
import { eventually, startTestPlatform, WebhookReceiver, type TestPlatform } from '@scr/testing';

const SECRET = 'panel-secret-for-the-client-walk';
const today = todayInLondon();
const awareOn = addDays(today, -60);
const decidedOn = addDays(today, -55);
const completedOn = addDays(today, -21);

let t: TestPlatform;
let receiver: WebhookReceiver;
let board: Client;

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  t = await startTestPlatform({ env: { PANEL_WEBHOOK_URL: receiver.url, PANEL_WEBHOOK_SECRET: SECRET } });
  // Reference data an administrator would have registered.
  const admin = await t.token({ subject: 'admin', roles: ['ADMIN'] });
  const setup = async (query: string, variables: Record<string, unknown>) => {
    const res = await t.gql(admin, query, variables);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
  };
  await setup('mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { id } }', {
    i: { name: 'Leeds Community Health (fictional)', sector: 'HEALTH', boardCodes: ['LEEDS'] },
  });
  await setup('mutation($i: RegisterReviewerInput!) { registerReviewer(input: $i) { id } }', {
    i: { name: 'Dr Ada Example', qualifications: ['Accredited lead reviewer'] },
  });
  // One token for the board's manager and chair, as `pnpm token --role BOARD_MANAGER --role BOARD_CHAIR --board LEEDS` signs.
  const token = await t.token({ subject: 'leeds-staff', roles: ['BOARD_MANAGER', 'BOARD_CHAIR'], board: 'LEEDS' });
  board = createClient({ url: t.platform.gateway.url, token });
});
afterAll(async () => {
  await t?.stop();
  await receiver?.down();
});

describe('a full walk with the typed client', () => {
  let incidentId: string;
  let reference: string;
  let reviewId: string;
  let reviewReference: string;

  it('reports and notifies an incident, which opens a rapid review awaiting decision', async () => {
    const me = await board.request(MeDocument);
    expect(me.me).toMatchObject({ subject: 'leeds-staff', board: { code: 'LEEDS' } });

    const { reportIncident } = await board.request(ReportIncidentDocument, {
      incident: {
        boardCode: 'LEEDS',
        criterion: 'CHILD_SERIOUSLY_HARMED',
        abuseOrNeglect: 'SUSPECTED',
        occurredOn: addDays(awareOn, -2),
        awareOn,
        abuseTypes: ['NEGLECT'],
        children: [{ pseudonym: 'Child A', fullName: 'Fictional Child', sex: 'MALE', ageBand: 'UNDER_1', socialCareStatus: 'CHILD_IN_NEED' }],
      },
    });
    expect(reportIncident).toMatchObject({ notifiable: true, notificationStatus: 'OVERDUE', board: { code: 'LEEDS' } });
    incidentId = reportIncident.id;
    reference = reportIncident.reference;

    const { recordNotification } = await board.request(RecordNotificationDocument, { incidentId, notifiedOn: awareOn });
    expect(recordNotification).toMatchObject({ notifiedOn: awareOn, notificationStatus: 'MET', notifiedTo: ['PANEL'] });

    const review = await eventually(async () => (await board.request(IncidentReviewsDocument, { incidentId })).incident?.reviews[0], 10_000, 'the review');
    expect(review).toMatchObject({ kind: 'RAPID_REVIEW', stage: 'AWAITING_DECISION' });
    reviewId = review.id;
    reviewReference = review.reference;
  });

  it('decides to initiate a local child safeguarding practice review', async () => {
    const { recordDecision } = await board.request(RecordDecisionDocument, {
      decision: {
        reviewId,
        outcome: 'INITIATE_REVIEW',
        criteriaMet: true,
        partnersAgreed: ['CHILDRENS_SOCIAL_CARE', 'HEALTH', 'POLICE'],
        rationale: 'Serious harm with neglect suspected; agencies did not share information.',
        decidedOn,
      },
    });
    expect(recordDecision).toMatchObject({
      kind: 'LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW',
      stage: 'IN_PROGRESS',
      initiatedOn: decidedOn,
      completionDueOn: addCalendarMonths(decidedOn, 6),
    });
  });

  it('appoints a lead reviewer, involves an agency and asks it for information', async () => {
    const { reviewers } = await board.request(ReviewersDocument);
    const [reviewer] = reviewers;
    if (!reviewer) throw new Error('no reviewer is registered');
    const { appointReviewer } = await board.request(AppointReviewerDocument, {
      appointment: {
        reviewId,
        reviewerId: reviewer.id,
        lead: true,
        appointedOn: addDays(decidedOn, 1),
        independenceStatement: 'No tie to the board or the agencies involved.',
      },
    });
    expect(appointReviewer.appointments).toEqual([{ lead: true, appointedOn: addDays(decidedOn, 1), reviewer: { id: reviewer.id, name: 'Dr Ada Example' } }]);

    const { agencies } = await board.request(BoardAgenciesDocument, { boardCode: 'LEEDS' });
    const agency = agencies.find((a) => a.name.startsWith('Leeds Community Health'))!;
    await board.request(InvolveAgencyDocument, { involvement: { reviewId, agencyId: agency.id } });
    const { requestInformation } = await board.request(RequestInformationDocument, {
      request: {
        reviewId,
        agencyId: agency.id,
        purpose: 'Health visiting records for the review period.',
        necessity: 'The review cannot understand the missed appointments without them.',
        proportionality: 'Only the twelve months before the incident.',
        dueOn: addDays(today, 14),
      },
    });
    expect(requestInformation).toMatchObject({ status: 'OPEN', statutoryBasis: 'S16H', agency: { id: agency.id } });
  });

  it('extends the timescale, records the methodology and completes the review', async () => {
    const { extendTimescale } = await board.request(ExtendTimescaleDocument, {
      extension: {
        reviewId,
        reason: 'Criminal trial',
        completionDueOn: addCalendarMonths(decidedOn, 8),
        interimLearning: ['Briefing to health visitors on missed appointments'],
        agreedOn: addDays(today, -30),
      },
    });
    expect(extendTimescale).toMatchObject({ completionDueOn: addCalendarMonths(decidedOn, 8), extensions: [{ reason: 'Criminal trial' }] });

    await board.request(SetMethodologyDocument, {
      methodology: { reviewId, name: 'Systems approach', dataCollection: 'Practitioner interviews', analysis: 'Thematic analysis' },
    });
    const { completeReview } = await board.request(CompleteReviewDocument, {
      completion: { reviewId, completedOn, findings: 'Information was not shared between agencies.' },
    });
    expect(completeReview).toMatchObject({ stage: 'REPORT_FINAL', completedOn, timescaleStatus: 'MET' });
  });

  it('refuses a publication naming the child, with the DOMAIN.md code and the field', async () => {
    const refused = await board
      .request(PublishReviewDocument, { publication: publication({ plainEnglishSummary: 'Fictional Child was harmed at home.' }) })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: 'PERSONAL_DATA_IN_PUBLICATION', field: 'plainEnglishSummary' });
  });

  it('publishes the final report, which anyone can then read', async () => {
    const { publishReview } = await board.request(PublishReviewDocument, { publication: publication() });
    expect(publishReview).toMatchObject({ stage: 'PUBLISHED', publication: { publishedOn: today, sentToPanelOn: completedOn } });

    const anonymous = createClient({ url: t.platform.gateway.url });
    const published = await anonymous.request(PublishedReviewsDocument, { first: 10 });
    expect(published.publishedReviews.edges.map((e) => e.node.reference)).toContain(reviewReference);
  });

  it('plans an action and moves it on, refusing a stale version (CONFLICT)', async () => {
    const { createActionPlan } = await board.request(CreateActionPlanDocument, { plan: { reviewId } });
    const { agencies } = await board.request(BoardAgenciesDocument, { boardCode: 'LEEDS' });
    const [agency] = agencies;
    if (!agency) throw new Error('LEEDS has no agency');
    const { addAction } = await board.request(AddActionDocument, {
      action: {
        actionPlanId: createActionPlan.id,
        recommendation: 'Share missed-appointment alerts',
        description: 'Health visitors alert social care after two missed appointments.',
        ownerAgencyId: agency.id,
        dueOn: addDays(today, 90),
        successCriteria: ['Alerts sent within 2 working days in an audit of 20 cases'],
      },
    });
    expect(addAction).toMatchObject({ status: 'NOT_STARTED', version: 1 });
    const { updateAction } = await board.request(UpdateActionDocument, {
      update: { actionId: addAction.id, status: 'IN_PROGRESS', note: 'Alert template agreed.', expectedVersion: addAction.version },
    });
    expect(updateAction).toMatchObject({ status: 'IN_PROGRESS', version: 2 });

    const stale = await board
      .request(UpdateActionDocument, { update: { actionId: addAction.id, status: 'COMPLETED', note: 'Done.', expectedVersion: addAction.version } })
      .catch((error: unknown) => error as ApiError);
    expect(stale).toMatchObject({ code: 'CONFLICT' });
  });

  it('reads the trends: exact for the board itself, suppressed for an analyst', async () => {
    const question = { boardCode: 'LEEDS', from: awareOn, to: awareOn, interval: 'MONTH' as const, by: 'CRITERION' as const };
    const own = await board.request(IncidentTrendsDocument, question);
    expect(own.board?.incidentStats).toContainEqual({ period: awareOn.slice(0, 7), key: 'CHILD_SERIOUSLY_HARMED', count: 1, suppressed: false });

    const analyst = createClient({ url: t.platform.gateway.url, token: await t.token({ subject: 'analyst', roles: ['ANALYST'] }) });
    const theirs = await analyst.request(IncidentTrendsDocument, question);
    expect(theirs.board?.incidentStats).toContainEqual({ period: awareOn.slice(0, 7), key: 'CHILD_SERIOUSLY_HARMED', count: null, suppressed: true });
  });

  it('lets the panel pull its feed from a cursor and verify every webhook it was sent', async () => {
    const panel = createClient({ url: t.platform.gateway.url, token: await t.token({ subject: 'panel', roles: ['PANEL'] }) });
    const seen: string[] = [];
    let cursor: string | null = null;
    for await (const page of pages(panel, PanelNotificationsDocument, { first: 1, after: cursor }, (d) => d.panelNotifications)) {
      seen.push(...page.nodes.map((n) => n.incidentReference));
      cursor = page.cursor;
    }
    expect(seen).toEqual([reference]);
    // Asking again from the saved cursor gives nothing new, and keeps the cursor.
    const again = [];
    for await (const page of pages(panel, PanelNotificationsDocument, { first: 1, after: cursor }, (d) => d.panelNotifications)) again.push(page);
    expect(again.map((p) => [p.nodes.length, p.cursor])).toEqual([[0, cursor]]);

    const types = ['incident.notified', 'review.decision_recorded', 'review.published'];
    await eventually(async () => types.every((type) => receiver.received.some((d) => d.json.type === type)), 15_000, 'the three webhooks');
    for (const delivery of receiver.received) {
      expect(verifyPanelSignature(delivery.body, delivery.signature, SECRET, 300)).toBe(true);
      expect(verifyPanelSignature(delivery.body, delivery.signature, 'not-the-secret', 300)).toBe(false);
    }
  });

  const publication = (overrides: Record<string, unknown> = {}) => ({
    reviewId,
    url: 'https://example.org/leeds/reviews/fictional-lcspr.pdf',
    sentToPanelOn: completedOn,
    publishedOn: today,
    plainEnglishSummary: 'A baby was seriously harmed; health and social care will share missed appointments sooner.',
    welfareImpactConsidered: true,
    dataProtectionChecked: true,
    courtRestrictionsChecked: true,
    ...overrides,
  });
});
