/**
 * Statistics come from pre-aggregated monthly counts (incident_counts) kept in
 * step with every incident write in the same transaction. After a mix of
 * reports (notifiable and referrals, several boards and months) and
 * corrections (criterion, awareOn into another month and year, abuse types,
 * occurredOn re-deriving age bands, a referral made notifiable), the counts
 * answer exactly what the original GROUP BY over the incident rows answers,
 * for every dimension and interval; and a rebuild from the rows (what the
 * migration runs on an existing database) gives the same table.
 */
import type { Database } from '@scr/db';
import type { BoardCount } from '../../packages/graphql-kit/src/statistics-query';
import { periodSqlExpression, type Interval } from '../../packages/stats/src/periods';
import { boardTokens, mutate, reportIncident, startTestPlatform, type TestPlatform } from '@scr/testing';
import { IncidentChild } from '../../services/incidents/src/children/child.entity';
import { IncidentAbuseType } from '../../services/incidents/src/incidents/abuse-type.entity';
import { Incident } from '../../services/incidents/src/incidents/incident.entity';
import { rebuildIncidentCounts } from '../../services/incidents/src/stats/incident-counts';
import { DIMENSIONS, IncidentDimension } from '../../services/incidents/src/stats/incident-dimension';
import { countIncidents } from '../../services/incidents/src/stats/incident-stats.query';

let t: TestPlatform;
let db: Database;
const BOARDS = ['LEEDS', 'BRADFORD'];
const WINDOW = { from: '2023-01-01', to: '2026-03-31' };
const INTERVALS: Interval[] = ['MONTH', 'QUARTER', 'YEAR', 'FINANCIAL_YEAR'];

beforeAll(async () => {
  t = await startTestPlatform();
  db = t.platform.services.get('incidents')!.db!;
});
afterAll(() => t.stop());

/** The statistics query as it was before the counts table: one GROUP BY over the incident rows. */
async function countFromRows(interval: Interval, by: IncidentDimension): Promise<BoardCount[]> {
  const dimension = DIMENSIONS[by];
  const period = periodSqlExpression('i.aware_on', interval, db.kind);
  const qb = db.manager
    .createQueryBuilder(Incident, 'i')
    .select('i.board_code', 'board')
    .addSelect(period, 'period')
    .addSelect(dimension.column, 'statKey')
    .addSelect('COUNT(*)', 'n')
    .where('i.notifiable = :yes', { yes: true })
    .andWhere('i.aware_on >= :from AND i.aware_on <= :to', WINDOW)
    .andWhere('i.board_code IN (:...boardCodes)', { boardCodes: BOARDS });
  if (dimension.join === 'children') qb.innerJoin(IncidentChild, 'c', 'c.incident_id = i.id');
  if (dimension.join === 'abuseTypes') qb.innerJoin(IncidentAbuseType, 't', 't.incident_id = i.id');
  qb.groupBy('i.board_code').addGroupBy(period).addGroupBy(dimension.column);
  const rows = await qb.getRawMany<{ board: string; period: string; statKey: string; n: string | number }>();
  return sorted(rows.map((r) => ({ board: r.board, period: String(r.period), key: r.statKey, count: Number(r.n) })));
}

const sorted = (rows: BoardCount[]) => [...rows].sort((a, b) => `${a.board}|${a.period}|${a.key}`.localeCompare(`${b.board}|${b.period}|${b.key}`));

async function expectCountsToMatchRows() {
  for (const by of Object.values(IncidentDimension)) {
    for (const interval of INTERVALS) {
      const expected = await countFromRows(interval, by);
      expect({ by, interval, rows: sorted(await countIncidents(db, BOARDS, WINDOW, interval, by)) }).toEqual({ by, interval, rows: expected });
    }
  }
}

const kid = (ageBand: string | undefined, sex: string, extra: Record<string, unknown> = {}) => ({
  pseudonym: 'Child',
  fullName: 'Counted Child',
  sex,
  socialCareStatus: 'CHILD_IN_NEED',
  ...(ageBand ? { ageBand } : {}),
  ...extra,
});

const CORRECT = 'mutation($input: CorrectIncidentInput!) { correctIncident(input: $input) { id version } }';

describe('pre-aggregated incident counts', () => {
  it('answer what the incident rows answer after reports and corrections, and a rebuild from the rows changes nothing', async () => {
    const leeds = await boardTokens(t, 'LEEDS');
    const bradford = await boardTokens(t, 'BRADFORD');
    const report = (token: string, boardCode: string, input: Record<string, unknown>) =>
      reportIncident(t, token, { boardCode, criterion: 'CHILD_SERIOUSLY_HARMED', abuseOrNeglect: 'SUSPECTED', summary: 'Counts fixture', ...input });

    const a = await report(leeds.manager, 'LEEDS', {
      occurredOn: '2024-03-30',
      awareOn: '2024-03-31',
      abuseTypes: ['PHYSICAL', 'NEGLECT'],
      children: [kid('UNDER_1', 'FEMALE'), kid(undefined, 'MALE', { dateOfBirth: '2019-04-15', ethnicity: 'MIXED' })],
    });
    const b = await report(leeds.manager, 'LEEDS', {
      occurredOn: '2024-04-01',
      awareOn: '2024-04-02',
      abuseTypes: ['SEXUAL'],
      children: [kid('AGE_11_TO_15', 'FEMALE')],
    });
    const referral = await report(leeds.manager, 'LEEDS', {
      criterion: 'CHILD_DIED',
      abuseOrNeglect: 'NOT_KNOWN',
      referral: true,
      occurredOn: '2025-01-10',
      awareOn: '2025-01-12',
      abuseTypes: ['EMOTIONAL'],
      children: [kid('AGE_6_TO_10', 'MALE'), kid('AGE_16_PLUS', 'UNKNOWN')],
    });
    const c = await report(bradford.manager, 'BRADFORD', {
      criterion: 'LOOKED_AFTER_CHILD_DIED',
      abuseOrNeglect: 'NOT_KNOWN',
      occurredOn: '2023-12-31',
      awareOn: '2023-12-31',
      abuseTypes: [],
      children: [kid('AGE_1_TO_5', 'FEMALE')],
    });
    for (let i = 0; i < 3; i++) {
      await report(bradford.manager, 'BRADFORD', {
        occurredOn: '2025-06-01',
        awareOn: `2025-06-0${2 + i}`,
        abuseTypes: ['PHYSICAL'],
        children: [kid('AGE_6_TO_10', i % 2 ? 'MALE' : 'FEMALE')],
      });
    }
    await expectCountsToMatchRows();

    // Criterion and abuse types change; awareOn moves a's counts to another month, quarter and financial year.
    await mutate(t, leeds.manager, CORRECT, {
      input: { incidentId: a.id, expectedVersion: 1, criterion: 'CHILD_DIED', awareOn: '2024-04-05', abuseTypes: ['NEGLECT', 'EMOTIONAL'] },
    });
    // The derived age band follows a corrected occurredOn (the second child turns 5 on 2024-04-15).
    await mutate(t, leeds.manager, CORRECT, { input: { incidentId: a.id, expectedVersion: 2, occurredOn: '2024-04-20', awareOn: '2024-04-21' } });
    // A referral whose corrected facts meet the criteria starts counting.
    await mutate(t, leeds.manager, CORRECT, { input: { incidentId: referral.id, expectedVersion: 1, abuseOrNeglect: 'KNOWN' } });
    // Into another year; then a correction that changes nothing counted.
    await mutate(t, bradford.manager, CORRECT, { input: { incidentId: c.id, expectedVersion: 1, awareOn: '2024-01-03', occurredOn: '2024-01-01' } });
    await mutate(t, leeds.manager, CORRECT, { input: { incidentId: b.id, expectedVersion: 1, summary: 'Only the summary changed' } });
    await expectCountsToMatchRows();

    const table = async () =>
      sorted(
        (await db.manager.query('SELECT dimension, board_code AS board, month AS period, stat_key AS "key", n AS count FROM incident_counts WHERE n > 0')).map(
          (r: BoardCount) => ({ ...r, period: String(r.period), count: Number(r.count) }),
        ),
      );
    const kept = await table();
    await rebuildIncidentCounts(db);
    expect(await table()).toEqual(kept);
    await expectCountsToMatchRows();
  });

  it('stay exact when reports of one board and month arrive at once (every writer moves the same counter rows)', async () => {
    const bradford = await boardTokens(t, 'BRADFORD');
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        reportIncident(t, bradford.manager, {
          boardCode: 'BRADFORD',
          criterion: 'CHILD_SERIOUSLY_HARMED',
          abuseOrNeglect: 'KNOWN',
          occurredOn: '2025-09-01',
          awareOn: `2025-09-${String(10 + i).padStart(2, '0')}`,
          abuseTypes: i % 2 ? ['PHYSICAL', 'SEXUAL'] : ['SEXUAL', 'PHYSICAL'],
          children: [kid('AGE_6_TO_10', 'MALE'), kid('UNDER_1', 'FEMALE')],
        }),
      ),
    );
    await expectCountsToMatchRows();
  });

  it('reach the API as soon as a write commits, though answers are kept between writes', async () => {
    const wakefield = await boardTokens(t, 'WAKEFIELD');
    const STATS = `{ board(code: "WAKEFIELD") { incidentStats(from: "2025-01-01", to: "2025-12-31", interval: YEAR, by: AGE_BAND) { key count } } }`;
    type Stats = { board: { incidentStats: { key: string; count: number | null }[] } };
    const ageBands = async () => {
      const res = await t.gql<Stats>(wakefield.manager, STATS);
      expect(res.errors).toBeUndefined();
      return Object.fromEntries(res.data!.board.incidentStats.filter((c) => c.count).map((c) => [c.key, c.count]));
    };
    const before = await ageBands();
    expect(await ageBands()).toEqual(before);
    const plus = (band: string, n: number) => ({ [band]: (before[band] ?? 0) + n });

    const incident = await reportIncident(t, wakefield.manager, {
      boardCode: 'WAKEFIELD',
      criterion: 'CHILD_SERIOUSLY_HARMED',
      abuseOrNeglect: 'KNOWN',
      occurredOn: '2025-05-01',
      awareOn: '2025-05-02',
      abuseTypes: ['NEGLECT'],
      children: [kid('AGE_6_TO_10', 'FEMALE')],
    });
    expect(await ageBands()).toEqual({ ...before, ...plus('AGE_6_TO_10', 1) });

    // A correction moves the incident out of the window.
    await mutate(t, wakefield.manager, CORRECT, { input: { incidentId: incident.id, expectedVersion: 1, occurredOn: '2024-12-30', awareOn: '2024-12-31' } });
    expect(await ageBands()).toEqual(before);
    await mutate(t, wakefield.manager, CORRECT, { input: { incidentId: incident.id, expectedVersion: 2, occurredOn: '2025-05-01', awareOn: '2025-05-02' } });
    expect(await ageBands()).toEqual({ ...before, ...plus('AGE_6_TO_10', 1) });

    // Rows changed behind the service (a bulk load), then the counts rebuilt: the next answer shows it.
    await db.manager.query("UPDATE incident_children SET age_band = 'UNDER_1' WHERE incident_id = ?", [incident.id]);
    await rebuildIncidentCounts(db);
    const moved = { ...before, ...plus('UNDER_1', 1), ...plus('AGE_6_TO_10', 0) };
    expect(await ageBands()).toEqual(Object.fromEntries(Object.entries(moved).filter(([, n]) => n)));
  });
});
