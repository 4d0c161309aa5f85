/**
 * Red-team findings at the gateway's door (issue 9): internal routes and the
 * gateway secret, token lifetimes, list sizes and dates outside the calendar,
 * and floods of validation errors. Each case is what a caller would see.
 */
import { createHmac } from 'node:crypto';
import request from 'supertest';
import { internalUrl, loadConfig } from '@scr/config';
import {
  DOMAIN_ERROR_CODES,
  boardTokens,
  errorCode,
  eventually,
  incidentInput,
  notifiedCase,
  reportIncident,
  startTestPlatform,
  type TestPlatform,
} from '@scr/testing';

let t: TestPlatform;
let admin: string;
let leeds: { manager: string; chair: string };

beforeAll(async () => {
  t = await startTestPlatform();
  admin = await t.token({ subject: 'hardening-admin', roles: ['ADMIN'] });
  leeds = await boardTokens(t, 'LEEDS');
});
afterAll(() => t.stop());

const AUDIT = `query($f: AuditEventFilter) { auditEvents(filter: $f, first: 500) { edges { node { service subject roles recordBoard operation targetIds outcome } } } }`;
type Row = { service: string; subject: string; roles: string[]; recordBoard: string | null; operation: string; targetIds: string[]; outcome: string };
async function audit(token: string, filter: Record<string, unknown>): Promise<Row[]> {
  const res = await t.gql<{ auditEvents: { edges: { node: Row }[] } }>(token, AUDIT, { f: filter });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.auditEvents.edges.map((e) => e.node);
}

describe('finding 5: internal routes', () => {
  it('has no committed gateway secret: each start without GATEWAY_SECRET gets its own, and the old default opens nothing', async () => {
    expect(t.config.gatewaySecret).not.toBe('scr-dev-gateway-secret');
    expect(loadConfig({}).gatewaySecret).not.toBe(loadConfig({}).gatewaySecret);
    const incident = await reportIncident(t, leeds.manager, incidentInput('LEEDS'));
    const url = `${internalUrl(t.config, 'incidents')}/incidents/${incident.id}/identities`;
    const res = await request(url).get('').set('x-internal-secret', 'scr-dev-gateway-secret');
    expect(res.status).toBe(403);
    expect(res.text).not.toContain('Alex Example');
  });

  it("audits a read of children's identities through the internal route, for the owning board's chair to see", async () => {
    const incident = await reportIncident(t, leeds.manager, incidentInput('LEEDS'));
    const url = `${internalUrl(t.config, 'incidents')}/incidents/${incident.id}/identities?subject=chair-LEEDS&roles=BOARD_CHAIR&board=LEEDS`;
    const res = await request(url).get('').set('x-internal-secret', t.config.gatewaySecret);
    expect(res.status).toBe(200);
    expect(res.body.children[0].fullName).toBe('Alex Example');
    const row = await eventually(
      async () => (await audit(leeds.chair, { targetId: incident.id, operation: 'IncidentChild.identity' })).find((r) => r.subject === 'chair-LEEDS'),
      10_000,
      'the internal identity read',
    );
    expect(row).toMatchObject({ service: 'incidents', outcome: 'READ', recordBoard: 'LEEDS', roles: ['BOARD_CHAIR'] });
    expect(row.targetIds).toEqual([incident.id]);
  });
});

describe('finding 8: token lifetimes', () => {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  /** An HS256 token with exactly these times, signed with the platform's development secret. */
  const signed = (times: { iat?: number; exp?: number }) => {
    const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'lifetime-admin', roles: ['ADMIN'], ...times })}`;
    return `${input}.${createHmac('sha256', t.config.auth.devSecret!).update(input).digest('base64url')}`;
  };
  const now = () => Math.floor(Date.now() / 1000);

  it.each<[string, () => { iat?: number; exp?: number }]>([
    ['no exp', () => ({ iat: now() })],
    ['exp a year after iat', () => ({ iat: now(), exp: now() + 365 * 86_400 })],
    ['exp 24 h and a minute after iat', () => ({ iat: now(), exp: now() + 24 * 3600 + 60 })],
    ['iat a year ahead', () => ({ iat: now() + 365 * 86_400, exp: now() + 365 * 86_400 + 3600 })],
    ['iat two minutes ahead', () => ({ iat: now() + 120, exp: now() + 3600 })],
  ])('refuses a token with %s: HTTP 401, UNAUTHENTICATED, nothing runs', async (_what, times) => {
    const res = await t.gql(signed(times()), '{ boards { code } }');
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.data).toBeUndefined();
  });

  it('accepts a token living 24 hours, issued within the clock skew', async () => {
    const res = await t.gql<{ boards: unknown[] }>(signed({ iat: now() + 30, exp: now() + 30 + 24 * 3600 }), '{ boards { code } }');
    expect(res.errors).toBeUndefined();
    expect(res.data!.boards).toHaveLength(5);
  });
});

describe('finding 9: codes', () => {
  it("answers a non-null reference the owning service will not resolve with FORBIDDEN, never the gateway's INVALID_GRAPHQL valueCompletion", async () => {
    const { review, incident } = await notifiedCase(t, leeds.manager, 'LEEDS');
    // The incidents subgraph moves the incident to another board (as a correction on its side would): LEEDS can no longer reach it.
    const incidents = t.platform.services.get('incidents')!.db!;
    await incidents.manager.query('UPDATE incidents SET board_code = ? WHERE id = ?', ['BRADFORD', incident.id]);
    const res = await t.gql(leeds.manager, `{ review(id: "${review.id}") { reference incident { reference } } }`);
    expect(JSON.stringify(res.body)).not.toMatch(/valueCompletion|INVALID_GRAPHQL/);
    for (const error of res.errors ?? []) expect(DOMAIN_ERROR_CODES).toContain(error.extensions?.code);
    expect(errorCode(res)).toBe('FORBIDDEN');
  });
});

describe('finding 9: list arguments hold at most 100 items', () => {
  const codes = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? 'LEEDS' : 'WAKEFIELD'));

  it.each<[string, string, Record<string, unknown>]>([
    ['in a variable (33,000 items)', 'query($f: IncidentFilter) { incidents(filter: $f) { totalCount } }', { f: { boardCodes: codes(33_000) } }],
    ['in a variable (101 items)', 'query($c: [ID!]) { incidents(filter: { boardCodes: $c }) { totalCount } }', { c: codes(101) }],
    ['written in the query', `{ reviews(filter: { boardCodes: ${JSON.stringify(codes(101))} }) { totalCount } }`, {}],
    [
      'in a mutation input',
      'mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { id } }',
      { i: { name: 'Long list agency', sector: 'OTHER', boardCodes: codes(101) } },
    ],
  ])('refuses a list %s with BAD_USER_INPUT and runs nothing', async (_what, query, variables) => {
    const before = (await t.gql<{ agencies: unknown[] }>(admin, '{ agencies { id } }')).data!.agencies.length;
    const res = await t.gql(admin, query, variables);
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/at most 100 items/);
    expect(res.data ?? null).toBeNull();
    expect((await t.gql<{ agencies: unknown[] }>(admin, '{ agencies { id } }')).data!.agencies).toHaveLength(before);
  });

  it('accepts 100 items', async () => {
    const res = await t.gql<{ incidents: { totalCount: number } }>(leeds.manager, 'query($c: [ID!]) { incidents(filter: { boardCodes: $c }) { totalCount } }', {
      c: codes(100),
    });
    expect(res.errors).toBeUndefined();
    expect(typeof res.data!.incidents.totalCount).toBe('number');
  });
});

describe('finding 9: dates outside the calendar', () => {
  it('reports an incident the authority learnt of in 2013, with its notification deadline', async () => {
    const res = await t.gql<{ reportIncident: { notificationDueOn: string } }>(
      leeds.manager,
      'mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { notificationDueOn } }',
      {
        i: incidentInput('LEEDS', {
          occurredOn: '2013-05-01',
          awareOn: '2013-05-03',
          children: [{ pseudonym: 'Child A', fullName: 'Sam Example', ageBand: 'AGE_6_TO_10', sex: 'MALE', socialCareStatus: 'CHILD_IN_NEED' }],
        }),
      },
    );
    expect(res.errors).toBeUndefined();
    // Friday 3 May 2013: Monday 6 May was the early May bank holiday.
    expect(res.data!.reportIncident.notificationDueOn).toBe('2013-05-13');
  });

  it.each([
    ['occurredOn in 1999', { occurredOn: '1999-12-31' }, 'occurredOn'],
    ['awareOn in 1999', { occurredOn: '1999-12-30', awareOn: '1999-12-31' }, 'occurredOn'],
    ['occurredOn in 2100', { occurredOn: '2100-01-04' }, 'occurredOn'],
  ])('refuses an incident with %s as BAD_USER_INPUT, never an internal error', async (_what, dates, field) => {
    const res = await t.gql(leeds.manager, 'mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }', {
      i: incidentInput('LEEDS', {
        ...dates,
        children: [{ pseudonym: 'Child A', fullName: 'Sam Example', ageBand: 'AGE_6_TO_10', sex: 'MALE', socialCareStatus: 'CHILD_IN_NEED' }],
      }),
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
  });
});

describe('finding 10: a flood of validation errors costs nothing', () => {
  it('answers ten unknown directives with a few errors, not ten', async () => {
    const res = await t.gql(admin, 'query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }');
    expect(res.status).toBe(400);
    expect(res.errors!.length).toBeLessThanOrEqual(4);
    for (const error of res.errors!) expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors!.map((e) => e.message).join(' ')).toMatch(/checking stopped/);
  });

  it('still names a single mistake', async () => {
    const res = await t.gql(admin, '{ boards { code nope } }');
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]?.message).toMatch(/nope/);
  });
});
