import { addDays, addWorkingDays, todayInLondon } from '@scr/calendar';
import { boardTokens, errorCode, incidentInput, reportIncident, startTestPlatform, type TestPlatform } from '@scr/testing';

let t: TestPlatform;
let kirklees: { manager: string; chair: string };
const today = todayInLondon();

beforeAll(async () => {
  t = await startTestPlatform();
  kirklees = await boardTokens(t, 'KIRKLEES');
});
afterAll(() => t.stop());

const NOTIFY = `mutation($id: ID!, $on: Date!) { recordNotification(incidentId: $id, notifiedOn: $on) { notifiedOn notificationStatus version } }`;
const CORRECT = `mutation($input: CorrectIncidentInput!) { correctIncident(input: $input) {
  version criterion abuseOrNeglect awareOn notificationDueOn summary abuseTypes notifiable children { ageBand } } }`;

describe('recordNotification', () => {
  it('is MET when notified by the due date and LATE after it', async () => {
    const onTime = await reportIncident(t, kirklees.manager, incidentInput('KIRKLEES', {}, 30));
    const late = await reportIncident(t, kirklees.manager, incidentInput('KIRKLEES', {}, 30));
    const awareOn = addDays(today, -30);
    const due = addWorkingDays(awareOn, 5);
    const met = await t.gql(kirklees.manager, NOTIFY, { id: onTime.id, on: due });
    expect(met.data).toEqual({ recordNotification: { notifiedOn: due, notificationStatus: 'MET', version: 2 } });
    const lateRes = await t.gql(kirklees.chair, NOTIFY, { id: late.id, on: addDays(due, 1) });
    expect((lateRes.data as { recordNotification: { notificationStatus: string } }).recordNotification.notificationStatus).toBe('LATE');
  });

  it('shows OVERDUE for an incident past its due date and not notified, and PENDING before it', async () => {
    const overdue = await reportIncident(t, kirklees.manager, incidentInput('KIRKLEES', {}, 20));
    const pending = await reportIncident(t, kirklees.manager, incidentInput('KIRKLEES', {}, 0));
    const res = await t.gql<{ a: { notificationStatus: string }; b: { notificationStatus: string } }>(
      kirklees.manager,
      `{ a: incident(id: "${overdue.id}") { notificationStatus } b: incident(id: "${pending.id}") { notificationStatus } }`,
    );
    expect(res.data).toEqual({ a: { notificationStatus: 'OVERDUE' }, b: { notificationStatus: 'PENDING' } });
  });

  it('refuses a date before awareness or after today, a second different date, and a referral', async () => {
    const incident = await reportIncident(t, kirklees.manager, incidentInput('KIRKLEES', {}, 5));
    expect(errorCode(await t.gql(kirklees.manager, NOTIFY, { id: incident.id, on: addDays(today, -6) }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(kirklees.manager, NOTIFY, { id: incident.id, on: addDays(today, 1) }))).toBe('BAD_USER_INPUT');
    await t.gql(kirklees.manager, NOTIFY, { id: incident.id, on: today });
    const again = await t.gql(kirklees.manager, NOTIFY, { id: incident.id, on: today });
    expect(again.errors).toBeUndefined();
    expect(errorCode(await t.gql(kirklees.manager, NOTIFY, { id: incident.id, on: addDays(today, -1) }))).toBe('INVALID_STAGE');
    const referral = await reportIncident(t, kirklees.manager, incidentInput('KIRKLEES', { abuseOrNeglect: 'NOT_KNOWN', referral: true }));
    expect(errorCode(await t.gql(kirklees.manager, NOTIFY, { id: referral.id, on: today }))).toBe('BAD_USER_INPUT');
  });
});

describe('correctIncident', () => {
  it('corrects facts, recomputes the deadline and bumps the version', async () => {
    const incident = await reportIncident(t, kirklees.manager, incidentInput('KIRKLEES', {}, 10));
    const awareOn = addDays(today, -8);
    const res = await t.gql<{ correctIncident: Record<string, unknown> }>(kirklees.manager, CORRECT, {
      input: { incidentId: incident.id, expectedVersion: 1, awareOn, abuseTypes: ['NEGLECT', 'EMOTIONAL'], summary: 'Corrected' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.correctIncident).toMatchObject({
      version: 2,
      awareOn,
      notificationDueOn: addWorkingDays(awareOn, 5),
      summary: 'Corrected',
      abuseTypes: ['NEGLECT', 'EMOTIONAL'],
    });
  });

  it('refuses a stale expectedVersion with CONFLICT and changes nothing', async () => {
    const incident = await reportIncident(t, kirklees.manager, incidentInput('KIRKLEES'));
    await t.gql(kirklees.manager, CORRECT, { input: { incidentId: incident.id, expectedVersion: 1, summary: 'first' } });
    const stale = await t.gql(kirklees.chair, CORRECT, { input: { incidentId: incident.id, expectedVersion: 1, summary: 'second' } });
    expect(errorCode(stale)).toBe('CONFLICT');
    const now = await t.gql<{ incident: { summary: string; version: number } }>(kirklees.manager, `{ incident(id: "${incident.id}") { summary version } }`);
    expect(now.data!.incident).toEqual({ summary: 'first', version: 2 });
  });

  it('lets exactly one of two concurrent corrections with the same version win', async () => {
    const incident = await reportIncident(t, kirklees.manager, incidentInput('KIRKLEES'));
    const results = await Promise.all(
      ['a', 'b'].map((summary) => t.gql(kirklees.manager, CORRECT, { input: { incidentId: incident.id, expectedVersion: 1, summary } })),
    );
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT').length).toBe(1);
  });

  it('refuses a correction that takes a notifiable incident below the criteria', async () => {
    const incident = await reportIncident(t, kirklees.manager, incidentInput('KIRKLEES'));
    const res = await t.gql(kirklees.manager, CORRECT, { input: { incidentId: incident.id, expectedVersion: 1, abuseOrNeglect: 'NOT_KNOWN' } });
    expect(errorCode(res)).toBe('NOT_NOTIFIABLE');
  });

  it('refuses dates out of order with BAD_USER_INPUT', async () => {
    const incident = await reportIncident(t, kirklees.manager, incidentInput('KIRKLEES'));
    const res = await t.gql(kirklees.manager, CORRECT, { input: { incidentId: incident.id, expectedVersion: 1, awareOn: addDays(today, 2) } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });
});

describe('incidents list', () => {
  it('filters by criterion, awareness window and notification status, with a matching totalCount', async () => {
    const wakefield = await boardTokens(t, 'WAKEFIELD');
    const died = await reportIncident(t, wakefield.manager, incidentInput('WAKEFIELD', { criterion: 'CHILD_DIED' }, 40));
    await reportIncident(t, wakefield.manager, incidentInput('WAKEFIELD', {}, 2));
    const q = `query($f: IncidentFilter) { incidents(filter: $f) { totalCount edges { node { id criterion awareOn notificationStatus } } } }`;
    const byCriterion = await t.gql<{ incidents: { totalCount: number; edges: { node: { id: string } }[] } }>(wakefield.manager, q, {
      f: { criterion: 'CHILD_DIED' },
    });
    expect(byCriterion.data!.incidents.totalCount).toBe(1);
    expect(byCriterion.data!.incidents.edges[0]?.node.id).toBe(died.id);
    const window = await t.gql<{ incidents: { totalCount: number } }>(wakefield.manager, q, {
      f: { awareFrom: addDays(today, -41), awareTo: addDays(today, -39) },
    });
    expect(window.data!.incidents.totalCount).toBe(1);
    const overdue = await t.gql<{ incidents: { edges: { node: { id: string; notificationStatus: string } }[] } }>(wakefield.manager, q, {
      f: { notificationStatus: 'OVERDUE' },
    });
    expect(overdue.data!.incidents.edges.map((e) => e.node.id)).toEqual([died.id]);
    const pending = await t.gql<{ incidents: { edges: { node: { notificationStatus: string } }[] } }>(wakefield.manager, q, {
      f: { notificationStatus: 'PENDING' },
    });
    expect(pending.data!.incidents.edges.every((e) => e.node.notificationStatus === 'PENDING')).toBe(true);
    expect(pending.data!.incidents.edges.length).toBe(1);
  });

  it('pages newest first with cursors, clamps first to 500 and refuses a forged cursor', async () => {
    const calderdale = await boardTokens(t, 'CALDERDALE');
    const created: string[] = [];
    for (let i = 0; i < 5; i++) created.push((await reportIncident(t, calderdale.manager, incidentInput('CALDERDALE'))).id);
    const q = `query($first: Int, $after: String) { incidents(first: $first, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
    type Page = { incidents: { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { data?: Page } = await t.gql<Page>(calderdale.manager, q, { first: 2, after });
      expect(page.data!.incidents.totalCount).toBe(5);
      seen.push(...page.data!.incidents.edges.map((e) => e.node.id));
      if (!page.data!.incidents.pageInfo.hasNextPage) break;
      after = page.data!.incidents.pageInfo.endCursor;
    }
    expect(seen).toEqual([...created].reverse());
    const big = await t.gql<Page>(calderdale.manager, q, { first: 100000 });
    expect(big.errors).toBeUndefined();
    expect(big.data!.incidents.edges.length).toBe(5);
    expect(errorCode(await t.gql(calderdale.manager, q, { first: 2, after: 'not-a-cursor' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(calderdale.manager, q, { first: -1 }))).toBe('BAD_USER_INPUT');
  });
});
