import { todayInLondon } from '@scr/calendar';
import {
  boardTokens,
  errorCode,
  eventually,
  incidentInput,
  mutate,
  notifiedCase,
  reportIncident,
  startTestPlatform,
  verifyPanelSignature,
  WebhookReceiver,
  type TestPlatform,
} from '@scr/testing';

const SECRET = 'panel-shared-secret-for-tests';
let t: TestPlatform;
let receiver: WebhookReceiver;
let admin: string;
let panel: string;
const today = todayInLondon();

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  t = await startTestPlatform({
    env: { PANEL_WEBHOOK_URL: receiver.url, PANEL_WEBHOOK_SECRET: SECRET, PANEL_WEBHOOK_RETRY_CAP_MS: '400' },
  });
  admin = await t.token({ subject: 'admin', roles: ['ADMIN'] });
  panel = await t.token({ subject: 'panel', roles: ['PANEL'] });
});
afterAll(async () => {
  await t.stop();
  await receiver.down();
});

const FEED = `query($since: DateTime, $first: Int, $after: String) { panelNotifications(since: $since, first: $first, after: $after) {
  edges { cursor node { id incidentReference boardCode criterion abuseOrNeglect suspectedSuicide occurredOn awareOn notifiedOn recordedAt abuseTypes children { ageBand sex ethnicity disability socialCareStatus } } }
  pageInfo { hasNextPage endCursor } } }`;
type Feed = {
  panelNotifications: {
    edges: { cursor: string; node: Record<string, unknown> & { id: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

describe('panelNotifications', () => {
  it('lists notified incidents of every board oldest first, without identity or summary, with stable cursors', async () => {
    const ids: string[] = [];
    for (const board of ['WAKEFIELD', 'CALDERDALE', 'WAKEFIELD']) {
      const staff = await boardTokens(t, board);
      ids.push((await notifiedCase(t, staff.manager, board)).incident.id);
    }
    const leeds = await boardTokens(t, 'LEEDS');
    const referral = await reportIncident(t, leeds.manager, incidentInput('LEEDS', { abuseOrNeglect: 'NOT_KNOWN', referral: true }));
    const unnotified = await reportIncident(t, leeds.manager, incidentInput('LEEDS'));

    const all = await t.gql<Feed>(panel, FEED, { first: 500 });
    expect(all.errors).toBeUndefined();
    const feedIds = all.data!.panelNotifications.edges.map((e) => e.node.id);
    expect(feedIds.slice(-3)).toEqual(ids);
    expect(feedIds).not.toContain(referral.id);
    expect(feedIds).not.toContain(unnotified.id);
    const text = JSON.stringify(all.body);
    expect(text).not.toContain('Alex Example');
    expect(text).not.toContain('Test incident');
    expect(all.data!.panelNotifications.edges.at(-1)!.node).toMatchObject({
      boardCode: 'WAKEFIELD',
      criterion: 'CHILD_SERIOUSLY_HARMED',
      children: [{ ageBand: 'AGE_1_TO_5', sex: 'FEMALE' }],
    });

    // Page by page with cursors: the same sequence, nothing skipped or repeated.
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { data?: Feed } = await t.gql<Feed>(panel, FEED, { first: 1, after });
      paged.push(...page.data!.panelNotifications.edges.map((e) => e.node.id));
      if (!page.data!.panelNotifications.pageInfo.hasNextPage) break;
      after = page.data!.panelNotifications.pageInfo.endCursor;
    }
    expect(paged).toEqual(feedIds);

    // A cursor keeps its place when newer notifications arrive.
    const first = await t.gql<Feed>(panel, FEED, { first: 2 });
    const staff = await boardTokens(t, 'KIRKLEES');
    await notifiedCase(t, staff.manager, 'KIRKLEES');
    const next = await t.gql<Feed>(panel, FEED, { first: 1, after: first.data!.panelNotifications.pageInfo.endCursor });
    expect(next.data!.panelNotifications.edges[0]?.node.id).toBe(feedIds[2]);

    const since = all.data!.panelNotifications.edges.at(-1)!.node.recordedAt as string;
    const recent = await t.gql<Feed>(panel, FEED, { since });
    expect(recent.data!.panelNotifications.edges[0]?.node.id).toBe(ids[2]);
  });

  it('is for the panel and admins only', async () => {
    expect((await t.gql(admin, FEED, {})).errors).toBeUndefined();
    for (const principal of [
      { subject: 'an', roles: ['ANALYST' as const] },
      { subject: 'bm', roles: ['BOARD_MANAGER' as const], board: 'LEEDS' },
    ]) {
      expect(errorCode(await t.gql(await t.token(principal), FEED, {}))).toBe('FORBIDDEN');
    }
    expect(errorCode(await t.gql(undefined, FEED, {}))).toBe('UNAUTHENTICATED');
  });
});

describe('panel webhooks', () => {
  it('delivers every event at least once through refusals and an outage, signed, with stable ids', async () => {
    receiver.received.length = 0;
    let refusals = 3;
    receiver.decide = () => refusals-- <= 0;
    const bradford = await boardTokens(t, 'BRADFORD');
    const cases: Awaited<ReturnType<typeof notifiedCase>>[] = [];
    for (let i = 0; i < 3; i++) cases.push(await notifiedCase(t, bradford.manager, 'BRADFORD'));
    await receiver.down();
    await mutate(t, bradford.chair, 'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }', {
      i: {
        reviewId: cases[0]!.review.id, // three were pushed just above
        outcome: 'INITIATE_REVIEW',
        criteriaMet: true,
        partnersAgreed: ['CHILDRENS_SOCIAL_CARE', 'HEALTH', 'POLICE'],
        rationale: 'Met.',
        decidedOn: today,
      },
    });
    await new Promise((r) => setTimeout(r, 700));
    await receiver.up();

    const accepted = await eventually(
      async () => {
        const notified = receiver.received.filter(
          (r) => r.accepted && r.json.type === 'incident.notified' && cases.some((c) => c.incident.id === r.json.data.id),
        );
        const decided = receiver.received.filter((r) => r.accepted && r.json.type === 'review.decision_recorded');
        return notified.length >= 3 && decided.length >= 1 ? [...notified, ...decided] : undefined;
      },
      20_000,
      'all four events to be accepted',
    );

    expect(new Set(accepted.map((r) => r.eventId)).size).toBe(accepted.length);
    for (const delivery of receiver.received) {
      expect(verifyPanelSignature(SECRET, delivery.signature, delivery.body)).toBe(true);
      expect(delivery.json.id).toBe(delivery.eventId);
      expect(delivery.json.version).toBe(1);
      expect(Number.isNaN(Date.parse(delivery.json.occurredAt))).toBe(false);
    }
    // Refused attempts were retried with the same event id.
    const refused = receiver.received.filter((r) => !r.accepted);
    expect(refused.length).toBeGreaterThanOrEqual(3);
    for (const r of refused) expect(receiver.acceptedIds()).toContain(r.eventId);

    const notified = accepted.find((r) => r.json.type === 'incident.notified')!;
    expect(Object.keys(notified.json.data).sort()).toEqual(
      [
        'abuseOrNeglect',
        'abuseTypes',
        'awareOn',
        'boardCode',
        'children',
        'criterion',
        'id',
        'incidentReference',
        'notifiedOn',
        'occurredOn',
        'recordedAt',
        'suspectedSuicide',
      ].sort(),
    );
    expect(notified.body).not.toContain('Alex Example');
  });

  it('keeps delivering newer events while one event keeps failing, shows it to ADMIN, and retries it on request', async () => {
    receiver.received.length = 0;
    const leeds = await boardTokens(t, 'LEEDS');
    receiver.decide = () => false; // until we know which event is the stuck one
    const stuck = await notifiedCase(t, leeds.manager, 'LEEDS');
    receiver.decide = (d) => d.json.data.id !== stuck.incident.id;
    const later = await notifiedCase(t, leeds.manager, 'LEEDS');
    await eventually(async () => receiver.received.some((r) => r.accepted && r.json.data.id === later.incident.id), 10_000, 'the newer event');

    const Q = '{ panelWebhookDeliveries(status: FAILING) { id type service status attempts lastError nextAttemptAt } }';
    const failing = await eventually(
      async () => {
        const res = await t.gql<{ panelWebhookDeliveries: { id: string; attempts: number; lastError: string; service: string }[] }>(admin, Q);
        const stuckEvent = receiver.received.find((r) => r.json.data.id === stuck.incident.id);
        return res.data?.panelWebhookDeliveries.find((d) => d.id === stuckEvent?.eventId && d.attempts >= 2);
      },
      10_000,
      'the stuck event to show as failing',
    );
    expect(failing).toMatchObject({ service: 'incidents', lastError: expect.stringMatching(/503/) });
    expect(errorCode(await t.gql(leeds.chair, Q))).toBe('FORBIDDEN');

    // Asked while the receiver still refuses it, so the event is surely undelivered when the retry is answered:
    // with the 400 ms cap the relay's own next attempt could otherwise deliver it first (NOT_FOUND, rightly).
    expect((await t.gql(admin, `mutation { retryPanelWebhookDelivery(id: "${failing.id}") }`)).errors).toBeUndefined();
    receiver.decide = () => true;
    await eventually(async () => receiver.acceptedIds().includes(failing.id), 10_000, 'the retried event');
    const delivered = await t.gql<{ panelWebhookDeliveries: { id: string }[] }>(admin, '{ panelWebhookDeliveries(status: DELIVERED, first: 500) { id } }');
    expect(delivered.data!.panelWebhookDeliveries.map((d) => d.id)).toContain(failing.id);
    expect(errorCode(await t.gql(admin, `mutation { retryPanelWebhookDelivery(id: "${failing.id}") }`))).toBe('NOT_FOUND');
  });

  it('loses nothing when the relaying service restarts mid-delivery', async () => {
    receiver.received.length = 0;
    receiver.decide = () => false;
    const kirklees = await boardTokens(t, 'KIRKLEES');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await notifiedCase(t, kirklees.manager, 'KIRKLEES')).incident.id);
    await eventually(async () => receiver.received.length > 0, 5_000, 'a first refused attempt');
    await t.platform.stopService('incidents');
    receiver.decide = () => true;
    await t.platform.startService('incidents');
    await eventually(
      async () => ids.every((id) => receiver.received.some((r) => r.accepted && r.json.data.id === id)),
      20_000,
      'every event after the restart',
    );
  });
});
