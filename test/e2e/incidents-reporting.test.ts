import { addDays, addWorkingDays, todayInLondon } from '@scr/calendar';
import { boardTokens, errorCode, incidentInput, REPORT_INCIDENT, reportIncident, startTestPlatform, type TestPlatform } from '@scr/testing';

let t: TestPlatform;
let leeds: { manager: string; chair: string };
const today = todayInLondon();

beforeAll(async () => {
  t = await startTestPlatform();
  leeds = await boardTokens(t, 'LEEDS');
});
afterAll(() => t.stop());

const report = (input: Record<string, unknown>, token = leeds.manager) => t.gql(token, REPORT_INCIDENT, { input });
const countLeeds = async () => (await t.gql<{ incidents: { totalCount: number } }>(leeds.manager, '{ incidents { totalCount } }')).data!.incidents.totalCount;

describe('reportIncident', () => {
  it('records a notifiable incident with its deadline, reference, derived age band and coded ethnicity', async () => {
    const input = incidentInput('LEEDS');
    const res = await report(input);
    expect(res.errors).toBeUndefined();
    const incident = (res.data as { reportIncident: Record<string, unknown> }).reportIncident;
    expect(incident).toMatchObject({
      notifiable: true,
      notificationDueOn: addWorkingDays(input.awareOn, 5),
      notifiedOn: null,
      version: 1,
      board: { code: 'LEEDS' },
      abuseTypes: ['PHYSICAL'],
    });
    expect(incident.reference).toMatch(new RegExp(`^LEEDS-${today.slice(0, 4)}-\\d{4}$`));
    expect(incident.children).toEqual([
      {
        pseudonym: 'Child A',
        ageBand: 'AGE_1_TO_5',
        sex: 'FEMALE',
        ethnicity: 'NOT_KNOWN',
        socialCareStatus: 'CHILD_IN_NEED',
        identity: { fullName: 'Alex Example', dateOfBirth: input.children[0]!.dateOfBirth },
      },
    ]);
  });

  it('numbers references per board and year in sequence', async () => {
    const a = await reportIncident(t, leeds.manager, incidentInput('LEEDS'));
    const b = await reportIncident(t, leeds.manager, incidentInput('LEEDS'));
    const n = (ref: string) => Number(ref.split('-')[2]);
    expect(n(b.reference)).toBe(n(a.reference) + 1);
  });

  it('derives the age band at the incident from the date of birth', async () => {
    const occurredOn = addDays(today, -10);
    const cases: [string, string][] = [
      [addDays(occurredOn, -100), 'UNDER_1'],
      [`${Number(occurredOn.slice(0, 4)) - 6}${occurredOn.slice(4)}`, 'AGE_6_TO_10'],
      [`${Number(occurredOn.slice(0, 4)) - 16}${occurredOn.slice(4)}`, 'AGE_16_PLUS'],
    ];
    for (const [dateOfBirth, band] of cases) {
      const res = await report(
        incidentInput('LEEDS', {
          occurredOn,
          awareOn: addDays(occurredOn, 1),
          children: [{ pseudonym: 'C', fullName: 'Casey Example', dateOfBirth, sex: 'MALE', socialCareStatus: 'LOOKED_AFTER' }],
        }),
      );
      expect((res.data as { reportIncident: { children: { ageBand: string }[] } }).reportIncident.children[0]?.ageBand).toBe(band);
    }
  });

  it('takes a looked-after child death as notifiable whatever is known of abuse', async () => {
    const res = await report(incidentInput('LEEDS', { criterion: 'LOOKED_AFTER_CHILD_DIED', abuseOrNeglect: 'NOT_KNOWN' }));
    expect((res.data as { reportIncident: { notifiable: boolean } }).reportIncident.notifiable).toBe(true);
  });

  it('refuses an incident below the criteria with NOT_NOTIFIABLE, and stores nothing', async () => {
    const before = await countLeeds();
    for (const criterion of ['CHILD_DIED', 'CHILD_SERIOUSLY_HARMED']) {
      const res = await report(incidentInput('LEEDS', { criterion, abuseOrNeglect: 'NOT_KNOWN' }));
      expect(errorCode(res)).toBe('NOT_NOTIFIABLE');
      expect(res.errors?.[0]?.message).toMatch(/referral/);
    }
    expect(await countLeeds()).toBe(before);
  });

  it('records a referral below the criteria: not notifiable, no deadline', async () => {
    const res = await report(incidentInput('LEEDS', { abuseOrNeglect: 'NOT_KNOWN', referral: true }));
    expect(res.errors).toBeUndefined();
    expect((res.data as { reportIncident: unknown }).reportIncident).toMatchObject({
      notifiable: false,
      notificationDueOn: null,
      notificationStatus: 'PENDING',
    });
  });

  it.each([
    ['no children', { children: [] }, 'children'],
    [
      'five children',
      { children: Array.from({ length: 5 }, (_, i) => ({ pseudonym: `C${i}`, fullName: `Child ${i}`, sex: 'MALE', socialCareStatus: 'CHILD_IN_NEED' })) },
      'children',
    ],
    ['occurredOn after awareOn', { occurredOn: addDays(today, -1), awareOn: addDays(today, -2) }, 'awareOn'],
    ['awareOn after today', { occurredOn: addDays(today, -1), awareOn: addDays(today, 1) }, 'awareOn'],
    ['a blank pseudonym', { children: [{ pseudonym: ' ', fullName: 'A B', sex: 'MALE', socialCareStatus: 'CHILD_IN_NEED' }] }, 'children[0].pseudonym'],
    [
      'a birth after the incident',
      { children: [{ pseudonym: 'A', fullName: 'A B', dateOfBirth: today, sex: 'MALE', socialCareStatus: 'CHILD_IN_NEED' }] },
      'children[0].dateOfBirth',
    ],
    ['a summary over 20,000 characters', { summary: 'x'.repeat(20_001) }, 'summary'],
    ['an unknown board', { boardCode: 'YORK' }, 'boardCode'],
  ])('refuses %s with BAD_USER_INPUT and stores nothing', async (_name, overrides, field) => {
    const before = await countLeeds();
    const res = await report(incidentInput('LEEDS', overrides));
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
    expect(await countLeeds()).toBe(before);
  });

  it('refuses an impossible date and an unknown enum value with BAD_USER_INPUT', async () => {
    const date = await report(incidentInput('LEEDS', { awareOn: '2026-02-30' }));
    expect(errorCode(date)).toBe('BAD_USER_INPUT');
    const criterion = await report(incidentInput('LEEDS', { criterion: 'CHILD_UPSET' }));
    expect(errorCode(criterion)).toBe('BAD_USER_INPUT');
  });

  it("refuses reporting for another board with FORBIDDEN, and to roles other than the board's staff", async () => {
    const other = await report(incidentInput('BRADFORD'));
    expect(errorCode(other)).toBe('FORBIDDEN');
    for (const roles of [['ANALYST'], ['PANEL'], ['ADMIN']] as const) {
      const token = await t.token({ subject: 'x', roles: [...roles] });
      expect(errorCode(await report(incidentInput('LEEDS'), token))).toBe('FORBIDDEN');
    }
    const chair = await report(incidentInput('LEEDS'), leeds.chair);
    expect(chair.errors).toBeUndefined();
  });
});

describe('idempotency', () => {
  it('answers a retried call with the first incident and creates nothing new', async () => {
    const input = incidentInput('LEEDS', { idempotencyKey: 'retry-1' });
    const before = await countLeeds();
    const first = await reportIncident(t, leeds.manager, input);
    const second = await reportIncident(t, leeds.chair, input);
    expect(second.id).toBe(first.id);
    expect(await countLeeds()).toBe(before + 1);
  });

  it('refuses the same key with other input with CONFLICT', async () => {
    await reportIncident(t, leeds.manager, incidentInput('LEEDS', { idempotencyKey: 'retry-2' }));
    const res = await report(incidentInput('LEEDS', { idempotencyKey: 'retry-2', summary: 'different' }));
    expect(errorCode(res)).toBe('CONFLICT');
  });

  it('scopes keys to the board: another board may use the same key', async () => {
    const bradford = await boardTokens(t, 'BRADFORD');
    const a = await reportIncident(t, leeds.manager, incidentInput('LEEDS', { idempotencyKey: 'shared-key' }));
    const b = await reportIncident(t, bradford.manager, incidentInput('BRADFORD', { idempotencyKey: 'shared-key' }));
    expect(b.id).not.toBe(a.id);
  });

  it('creates exactly one incident when the same call arrives ten times at once', async () => {
    const before = await countLeeds();
    const input = incidentInput('LEEDS', { idempotencyKey: 'burst' });
    const results = await Promise.all(Array.from({ length: 10 }, () => report(input)));
    const ids = new Set(results.map((r) => (r.data as { reportIncident: { id: string } }).reportIncident.id));
    expect(results.every((r) => !r.errors)).toBe(true);
    expect(ids.size).toBe(1);
    expect(await countLeeds()).toBe(before + 1);
  });
});
