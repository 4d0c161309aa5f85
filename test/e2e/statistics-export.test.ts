/**
 * GET /exports/statistics.csv answers the same cells as incidentStats for the
 * same question and the same caller (suppression and rounding included),
 * writes a suppressed cell as "c", and refuses what incidentStats refuses,
 * with the contract's codes.
 */
import request from 'supertest';
import { addDays, todayInLondon } from '@scr/calendar';
import { incidentInput, reportIncident, startTestPlatform, type TestPlatform } from '@scr/testing';

let t: TestPlatform;
let http: ReturnType<typeof request>;
const today = todayInLondon();
const year = today.slice(0, 4);
const from = `${year}-01-01`;
const to = today;

interface Cell {
  period: string;
  key: string;
  count: number | null;
  suppressed: boolean;
}

beforeAll(async () => {
  t = await startTestPlatform();
  http = request(`http://127.0.0.1:${t.platform.gateway.port}`);
  // LEEDS: 8 seriously harmed (shown: exact to its own staff, 10 to others), 2 deaths and 3 looked-after deaths (suppressed for others; two small cells, so no secondary suppression).
  const manager = await t.token({ subject: 'manager-LEEDS', roles: ['BOARD_MANAGER'], board: 'LEEDS' });
  const awareOn = addDays(today, -3) >= from ? addDays(today, -3) : today;
  for (let i = 0; i < 13; i++) {
    await reportIncident(
      t,
      manager,
      incidentInput('LEEDS', { criterion: i < 8 ? 'CHILD_SERIOUSLY_HARMED' : i < 10 ? 'CHILD_DIED' : 'LOOKED_AFTER_CHILD_DIED', awareOn, occurredOn: awareOn }),
    );
  }
});
afterAll(() => t.stop());

const token = (roles: string[], extra: Record<string, string> = {}) => t.token({ subject: `export-${roles.join('-')}`, roles: roles as never, ...extra });

async function incidentStats(tok: string, board: string, interval: string, by: string): Promise<Cell[]> {
  const res = await t.gql<{ board: { incidentStats: Cell[] } }>(
    tok,
    `query($b: ID!, $from: Date!, $to: Date!, $i: Interval!, $by: IncidentDimension!) { board(code: $b) { incidentStats(from: $from, to: $to, interval: $i, by: $by) { period key count suppressed } } }`,
    {
      b: board,
      from,
      to,
      i: interval,
      by,
    },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.board.incidentStats;
}

const exportCsv = (tok: string | undefined, query: Record<string, string>) => {
  const req = http.get('/exports/statistics.csv').query(query);
  return tok ? req.set('authorization', `Bearer ${tok}`) : req;
};

function rows(csv: string): string[][] {
  return csv
    .trim()
    .split('\n')
    .map((line) => line.split(','));
}

describe('the CSV matches incidentStats cell by cell', () => {
  it.each([
    ['an analyst (suppressed and rounded)', ['ANALYST'], {}],
    ["LEEDS's own manager (exact)", ['BOARD_MANAGER'], { board: 'LEEDS' }],
  ])('for %s', async (_who, roles, extra) => {
    const tok = await token(roles, extra);
    for (const [interval, by] of [
      ['QUARTER', 'CRITERION'],
      ['YEAR', 'AGE_BAND'],
    ] as const) {
      const expected = [
        ...(await incidentStats(tok, 'LEEDS', interval, by)).map((c) => ['LEEDS', c.period, by, c.key, c.suppressed ? 'c' : String(c.count)]),
        ...(await incidentStats(tok, 'WAKEFIELD', interval, by)).map((c) => ['WAKEFIELD', c.period, by, c.key, c.suppressed ? 'c' : String(c.count)]),
      ];
      const res = await exportCsv(tok, { board: 'LEEDS,WAKEFIELD', from, to, interval, by });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="incident-statistics_LEEDS-WAKEFIELD_${from}_to_${to}_${interval.toLowerCase()}_by_${by.toLowerCase().replace('_', '-')}.csv"`,
      );
      const [header, ...body] = rows(res.text);
      expect(header).toEqual(['board', 'period', 'dimension', 'key', 'count']);
      expect(body).toEqual(expected);
      expect(body.length).toBeGreaterThan(0);
    }
  });

  it('writes "c" for the small count an analyst may not see, and the rounded count beside it', async () => {
    const res = await exportCsv(await token(['ANALYST']), { board: 'LEEDS', from, to, interval: 'YEAR', by: 'CRITERION' });
    expect(rows(res.text)).toEqual([
      ['board', 'period', 'dimension', 'key', 'count'],
      ['LEEDS', year, 'CRITERION', 'CHILD_DIED', 'c'],
      ['LEEDS', year, 'CRITERION', 'CHILD_SERIOUSLY_HARMED', '10'],
      ['LEEDS', year, 'CRITERION', 'LOOKED_AFTER_CHILD_DIED', 'c'],
    ]);
    const own = await exportCsv(await token(['BOARD_CHAIR'], { board: 'LEEDS' }), { board: 'LEEDS', from, to, interval: 'YEAR', by: 'CRITERION' });
    expect(rows(own.text)).toEqual([
      ['board', 'period', 'dimension', 'key', 'count'],
      ['LEEDS', year, 'CRITERION', 'CHILD_DIED', '2'],
      ['LEEDS', year, 'CRITERION', 'CHILD_SERIOUSLY_HARMED', '8'],
      ['LEEDS', year, 'CRITERION', 'LOOKED_AFTER_CHILD_DIED', '3'],
    ]);
  });
});

describe('refusals', () => {
  const question = { board: 'LEEDS', from, to, interval: 'QUARTER', by: 'CRITERION' };

  it.each([
    ['a reviewer', ['REVIEWER'], {}],
    ['an agency contributor', ['AGENCY_CONTRIBUTOR'], {}],
  ])('refuses %s, who may not read statistics, with FORBIDDEN', async (_who, roles) => {
    const admin = await token(['ADMIN']);
    const principal: Record<string, string> =
      roles[0] === 'REVIEWER'
        ? {
            reviewer: (
              await t.gql<{ registerReviewer: { id: string } }>(
                admin,
                'mutation { registerReviewer(input: { name: "Export Reviewer", qualifications: ["Accredited"] }) { id } }',
              )
            ).data!.registerReviewer.id,
          }
        : {
            agency: (
              await t.gql<{ registerAgency: { id: string } }>(
                admin,
                'mutation { registerAgency(input: { name: "Export Agency", sector: HEALTH, boardCodes: ["LEEDS"] }) { id } }',
              )
            ).data!.registerAgency.id,
          };
    const res = await exportCsv(await token(roles, principal), question);
    expect(res.status).toBe(403);
    expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(res.text).not.toContain('CHILD_DIED');
  });

  it('refuses a caller with no token, or a bad one, with UNAUTHENTICATED', async () => {
    const anonymous = await exportCsv(undefined, question);
    expect([anonymous.status, anonymous.body.errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    const forged = await exportCsv('not-a-token', question);
    expect([forged.status, forged.body.errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('answers bad questions with BAD_USER_INPUT and a message that says what to fix', async () => {
    const analyst = await token(['ANALYST']);
    const missing = await exportCsv(analyst, { board: 'LEEDS' });
    expect([missing.status, missing.body.errors[0].extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect(missing.body.errors[0].message).toMatch(/Missing from, to/);
    for (const bad of [{ interval: 'WEEK' }, { by: 'HAIR_COLOUR' }, { from: '2026-02-30' }, { from: '1999-01-01' }]) {
      const res = await exportCsv(analyst, { ...question, ...bad });
      expect([JSON.stringify(bad), res.status, res.body.errors?.[0]?.extensions?.code]).toEqual([JSON.stringify(bad), 400, 'BAD_USER_INPUT']);
    }
  });

  it('answers NOT_FOUND for a board that does not exist', async () => {
    const res = await exportCsv(await token(['ANALYST']), { ...question, board: 'LEEDS,ATLANTIS' });
    expect([res.status, res.body.errors[0].extensions.code]).toEqual([404, 'NOT_FOUND']);
    expect(res.body.errors[0].message).toContain('"ATLANTIS"');
  });
});
