/**
 * Board.annualReport (DOMAIN.md step 12): the year's figures from three
 * subgraphs, hand-computed. CALDERDALE (partnership since 2019-04-01, so
 * rapid reviews) has four cases around the previous financial year (PREV):
 *
 *   A  aware  1 May-ish, notified that day (on time); decided 5 days later
 *      (on time), initiated; themes NEGLECT + INFORMATION_SHARING; completed
 *      3 months later (within timescale); published 15 days after that.
 *   B  aware early June, notified 14 days later (late); decided 30 days
 *      after (late), initiated; theme NEGLECT; completed 7 months later (late).
 *   C  aware early March, notified that day (on time); decided 3 days later
 *      (on time): no further review.
 *   D  aware 10 days before PREV began, notified that day (the year before);
 *      decided on 3 April (on time), initiated; theme NEGLECT. Its plan holds
 *      this year's actions.
 *
 * PREV:  notifications 3 (on time 2): A, B, C; D was notified the year before.
 *        decisions 4 (on time 3): A, B, C, D.   initiated 3: A, B, D.
 *        completed 2 (within timescale 1): A, B.   published 1: A.
 *        peer challenges 0 / 0 (all are asked today).
 *        themes: NEGLECT 3, INFORMATION_SHARING 1: both suppressed; all else 0.
 *        actions at 31 March: none yet (all created today).
 * CUR (this year, progress as at today): peer challenges asked 2 (to LEEDS
 *        and WAKEFIELD), received 1 (from KIRKLEES); actions: 4 in total,
 *        1 completed with evidenced impact, 1 in progress and overdue,
 *        1 not started and overdue, 1 dropped.
 */
import { addDays, daysBetween, todayInLondon } from '@scr/calendar';
import { boardTokens, errorCode, incidentInput, mutate, reportIncident, reviewOf, startTestPlatform, type TestPlatform } from '@scr/testing';

const BOARD = 'CALDERDALE';
const PARTNERS = ['CHILDRENS_SOCIAL_CARE', 'HEALTH', 'POLICE'];
const THEMES = [
  'DOMESTIC_ABUSE',
  'PARENTAL_MENTAL_HEALTH',
  'PARENTAL_SUBSTANCE_MISUSE',
  'NEGLECT',
  'SAFE_SLEEPING',
  'NON_ACCIDENTAL_INJURY',
  'EXTRA_FAMILIAL_HARM',
  'CHILD_SEXUAL_EXPLOITATION',
  'SELF_HARM_AND_SUICIDE',
  'ONLINE_HARM',
  'INFORMATION_SHARING',
  'VOICE_OF_THE_CHILD',
  'RACE_AND_CULTURE',
  'DISABILITY',
  'EDUCATION_AND_ATTENDANCE',
  'OTHER',
];
const today = todayInLondon();
/** "2025-26" for the year starting in April 2025. */
const yearName = (startYear: number) => `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
const curStartYear = Number(today.slice(5, 7)) >= 4 ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
const CUR = yearName(curStartYear);
const prevStartYear = curStartYear - 1;
const PREV = yearName(prevStartYear);
const prevStart = `${prevStartYear}-04-01`;
const prevEnd = `${prevStartYear + 1}-03-31`;

const FIELDS = `financialYear notifications notificationsOnTime decisions decisionsOnTime reviewsInitiated reviewsCompleted completedWithinTimescale
  reviewsPublished peerChallengesAsked peerChallengesReceived themes { period key count suppressed } actionProgress { total completed inProgress overdue impactEvidenced }`;
const report = (year: string, board = BOARD) => `{ board(code: "${board}") { annualReport(financialYear: "${year}") { ${FIELDS} } } }`;

let t: TestPlatform;
let calderdale: { manager: string; chair: string };
let kirklees: { manager: string; chair: string };
let admin: string;
let analyst: string;
let agencyId: string;
let contributor: string;
let reviewer: string;
const cases = {} as Record<'A' | 'B' | 'C' | 'D', string>;

/** Reports a CALDERDALE incident the board became aware of on `awareOn`, notified on `notifiedOn`; answers its review's id. */
async function incident(awareOn: string, notifiedOn: string) {
  const { id } = await reportIncident(t, calderdale.manager, incidentInput(BOARD, {}, daysBetween(awareOn, today)));
  await mutate(t, calderdale.manager, 'mutation($id: ID!, $on: Date!) { recordNotification(incidentId: $id, notifiedOn: $on) { id } }', { id, on: notifiedOn });
  return (await reviewOf(t, calderdale.manager, id)).id;
}

async function decide(reviewId: string, decidedOn: string, initiate = true) {
  await mutate(t, calderdale.chair, 'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }', {
    i: {
      reviewId,
      outcome: initiate ? 'INITIATE_REVIEW' : 'NO_FURTHER_REVIEW',
      criteriaMet: initiate,
      partnersAgreed: PARTNERS,
      rationale: 'Annual report test.',
      decidedOn,
    },
  });
}

async function complete(reviewId: string, completedOn: string) {
  await mutate(t, calderdale.manager, 'mutation($i: AppointReviewerInput!) { appointReviewer(input: $i) { id } }', {
    i: { reviewId, reviewerId: reviewer, lead: true, appointedOn: addDays(completedOn, -20), independenceStatement: 'No links to the board or the agencies.' },
  });
  await mutate(t, calderdale.manager, 'mutation($i: SetMethodologyInput!) { setMethodology(input: $i) { id } }', {
    i: { reviewId, name: 'Systems learning', dataCollection: 'Chronologies and practitioner events', analysis: 'Thematic analysis' },
  });
  await mutate(t, calderdale.manager, 'mutation($i: CompleteReviewInput!) { completeReview(input: $i) { id } }', {
    i: { reviewId, completedOn, findings: 'Agencies did not share information.' },
  });
}

const setThemes = (reviewId: string, themes: string[]) =>
  mutate(t, calderdale.manager, 'mutation($i: SetThemesInput!) { setThemes(input: $i) { id } }', { i: { reviewId, themes } });

async function addAction(planId: string, dueOn: string) {
  return (
    await mutate<{ addAction: { id: string } }>(t, calderdale.manager, 'mutation($i: AddActionInput!) { addAction(input: $i) { id } }', {
      i: {
        actionPlanId: planId,
        recommendation: 'Share information sooner',
        description: `Action due ${dueOn}`,
        ownerAgencyId: agencyId,
        dueOn,
        successCriteria: ['Audit shows it'],
      },
    })
  ).addAction.id;
}
const UPDATE = 'mutation($i: UpdateActionInput!) { updateAction(input: $i) { id } }';

beforeAll(async () => {
  t = await startTestPlatform();
  admin = await t.token({ subject: 'admin', roles: ['ADMIN'] });
  analyst = await t.token({ subject: 'analyst', roles: ['ANALYST'] });
  calderdale = await boardTokens(t, BOARD);
  kirklees = await boardTokens(t, 'KIRKLEES');
  agencyId = (
    await mutate<{ registerAgency: { id: string } }>(
      t,
      admin,
      'mutation { registerAgency(input: { name: "Calderdale Health", sector: HEALTH, boardCodes: ["CALDERDALE"] }) { id } }',
      {},
    )
  ).registerAgency.id;
  contributor = await t.token({ subject: 'calderdale-health', roles: ['AGENCY_CONTRIBUTOR'], agency: agencyId });
  reviewer = (
    await mutate<{ registerReviewer: { id: string } }>(
      t,
      admin,
      'mutation { registerReviewer(input: { name: "Lead", qualifications: ["Accredited"] }) { id } }',
      {},
    )
  ).registerReviewer.id;

  // A: on time throughout, completed within timescale, published.
  const aAware = addDays(prevStart, 30);
  cases.A = await incident(aAware, aAware);
  await decide(cases.A, addDays(aAware, 5));
  await setThemes(cases.A, ['NEGLECT', 'INFORMATION_SHARING']);
  const aCompleted = addDays(aAware, 5 + 92);
  await complete(cases.A, aCompleted);
  await mutate(t, calderdale.chair, 'mutation($i: PublishReviewInput!) { publishReview(input: $i) { id } }', {
    i: {
      reviewId: cases.A,
      url: 'https://example.org/calderdale/a.pdf',
      sentToPanelOn: addDays(aCompleted, 1),
      publishedOn: addDays(aCompleted, 16),
      plainEnglishSummary: 'Agencies must share information sooner.',
      welfareImpactConsidered: true,
      dataProtectionChecked: true,
      courtRestrictionsChecked: true,
    },
  });

  // B: late notification, late decision, completed after its 6 months.
  const bAware = addDays(prevStart, 61);
  cases.B = await incident(bAware, addDays(bAware, 14));
  const bDecided = addDays(bAware, 14 + 30);
  await decide(cases.B, bDecided);
  await setThemes(cases.B, ['NEGLECT']);
  await complete(cases.B, addDays(bDecided, 214));

  // C: on time, no further review.
  const cAware = addDays(prevEnd, -29);
  cases.C = await incident(cAware, cAware);
  await decide(cases.C, addDays(cAware, 3), false);

  // D: notified in the year before, decided and initiated in PREV.
  const dAware = addDays(prevStart, -10);
  cases.D = await incident(dAware, dAware);
  await decide(cases.D, addDays(prevStart, 2));
  await setThemes(cases.D, ['NEGLECT']);

  // This year: peer challenges (asked today) and actions (created today).
  const accessUntil = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();
  const challenge = (token: string, reviewId: string, challengerBoardCode: string) =>
    mutate(t, token, 'mutation($i: RequestPeerChallengeInput!) { requestPeerChallenge(input: $i) { id } }', {
      i: { reviewId, challengerBoardCode, question: 'Was the decision sound?', accessUntil },
    });
  await challenge(calderdale.chair, cases.D, 'LEEDS');
  await challenge(calderdale.chair, cases.D, 'WAKEFIELD');
  const kirkleesIncident = await reportIncident(t, kirklees.manager, incidentInput('KIRKLEES'));
  await mutate(t, kirklees.manager, 'mutation($id: ID!, $on: Date!) { recordNotification(incidentId: $id, notifiedOn: $on) { id } }', {
    id: kirkleesIncident.id,
    on: addDays(today, -3),
  });
  await challenge(kirklees.chair, (await reviewOf(t, kirklees.manager, kirkleesIncident.id)).id, BOARD);

  const planId = (
    await mutate<{ createActionPlan: { id: string } }>(t, calderdale.manager, 'mutation($i: CreateActionPlanInput!) { createActionPlan(input: $i) { id } }', {
      i: { reviewId: cases.D },
    })
  ).createActionPlan.id;
  const done = await addAction(planId, addDays(today, 60));
  await mutate(t, contributor, UPDATE, { i: { actionId: done, status: 'COMPLETED', note: 'Done', expectedVersion: 1 } });
  await mutate(t, calderdale.chair, 'mutation($i: AssessImpactInput!) { assessImpact(input: $i) { id } }', {
    i: { actionId: done, rating: 'EVIDENCED', evidence: 'Re-audit', assessedOn: today },
  });
  await addAction(planId, addDays(today, -1));
  const started = await addAction(planId, addDays(today, -5));
  await mutate(t, contributor, UPDATE, { i: { actionId: started, status: 'IN_PROGRESS', note: 'Begun', expectedVersion: 1 } });
  const dropped = await addAction(planId, addDays(today, 10));
  await mutate(t, calderdale.manager, UPDATE, { i: { actionId: dropped, status: 'DROPPED', note: 'Superseded', expectedVersion: 1 } });
}, 180_000);
afterAll(() => t?.stop());

type Report = Record<string, unknown> & { themes: { period: string; key: string; count: number | null; suppressed: boolean }[] };
async function annualReport(token: string, year: string, board = BOARD): Promise<Report> {
  const res = await t.gql<{ board: { annualReport: Report } }>(token, report(year, board));
  expect(res.errors).toBeUndefined();
  return res.data!.board.annualReport;
}

describe('Board.annualReport', () => {
  it('gives the previous financial year its hand-computed figures', async () => {
    const { themes, ...figures } = await annualReport(analyst, PREV);
    expect(figures).toEqual({
      financialYear: PREV,
      notifications: 3,
      notificationsOnTime: 2,
      decisions: 4,
      decisionsOnTime: 3,
      reviewsInitiated: 3,
      reviewsCompleted: 2,
      completedWithinTimescale: 1,
      reviewsPublished: 1,
      peerChallengesAsked: 0,
      peerChallengesReceived: 0,
      actionProgress: { total: 0, completed: 0, inProgress: 0, overdue: 0, impactEvidenced: 0 },
    });
    // NEGLECT 3 and INFORMATION_SHARING 1 are both small: suppressed; zeros are shown.
    expect(themes).toEqual(
      THEMES.map((key) =>
        key === 'NEGLECT' || key === 'INFORMATION_SHARING'
          ? { period: PREV, key, count: null, suppressed: true }
          : { period: PREV, key, count: 0, suppressed: false },
      ),
    );
  });

  it("gives this year's peer challenges and its action progress as at today", async () => {
    expect(await annualReport(calderdale.chair, CUR)).toMatchObject({
      financialYear: CUR,
      notifications: 0,
      decisions: 0,
      reviewsInitiated: 0,
      peerChallengesAsked: 2,
      peerChallengesReceived: 1,
      themes: [],
      actionProgress: { total: 4, completed: 1, inProgress: 1, overdue: 2, impactEvidenced: 1 },
    });
    expect(await annualReport(analyst, CUR, 'KIRKLEES')).toMatchObject({
      peerChallengesAsked: 1,
      peerChallengesReceived: 0,
      notifications: 1,
      notificationsOnTime: 1,
    });
    expect(await annualReport(analyst, CUR, 'LEEDS')).toMatchObject({ peerChallengesAsked: 0, peerChallengesReceived: 1 });
  });

  it('uses the same definitions as reviewTimeliness, themeStats and actionProgress for the same window', async () => {
    for (const token of [calderdale.manager, analyst]) {
      type Row = Record<string, unknown>;
      const res = await t.gql<{
        board: { annualReport: Row; reviewTimeliness: Row; themeStats: Row[]; current: { actionProgress: Row }; actionProgress: Row };
      }>(
        token,
        `{ board(code: "${BOARD}") {
            annualReport(financialYear: "${PREV}") { decisions decisionsOnTime reviewsInitiated reviewsCompleted completedWithinTimescale themes { period key count suppressed } }
            reviewTimeliness(from: "${prevStart}", to: "${prevEnd}") { decisions decisionsOnTime initiated completed completedWithinTimescale }
            themeStats(from: "${prevStart}", to: "${prevEnd}", interval: FINANCIAL_YEAR) { period key count suppressed }
            current: annualReport(financialYear: "${CUR}") { actionProgress { total completed inProgress overdue impactEvidenced } }
            actionProgress { total completed inProgress overdue impactEvidenced } } }`,
      );
      expect(res.errors).toBeUndefined();
      const { annualReport: r, reviewTimeliness: rt, themeStats, current, actionProgress } = res.data!.board;
      expect(r).toEqual({
        decisions: rt.decisions,
        decisionsOnTime: rt.decisionsOnTime,
        reviewsInitiated: rt.initiated,
        reviewsCompleted: rt.completed,
        completedWithinTimescale: rt.completedWithinTimescale,
        themes: themeStats,
      });
      expect(current.actionProgress).toEqual(actionProgress);
    }
  });

  it.each([
    ['2025', 'is not a financial year'],
    ['2025-2026', 'is not a financial year'],
    ['2025-27', 'do not follow each other'],
    ['1999-00', 'starts before 2000-01-01'],
    // Ends on 31 March two calendar years after this one: past the end of next year.
    [yearName(Number(today.slice(0, 4)) + 1), 'statistics go no further than the end of next year'],
  ])('refuses financialYear %j with BAD_USER_INPUT', async (year, message) => {
    const res = await t.gql(
      analyst,
      `{ board(code: "${BOARD}") { code annualReport(financialYear: "${year}") { financialYear notifications actionProgress { total } } } }`,
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain(message);
  });

  it('answers BM, BC, AN, PA and AD of every board; refuses an agency contributor and a reviewer (FORBIDDEN) and no token (UNAUTHENTICATED)', async () => {
    const panel = await t.token({ subject: 'panel', roles: ['PANEL'] });
    for (const token of [calderdale.manager, calderdale.chair, kirklees.manager, kirklees.chair, analyst, panel, admin]) {
      expect((await annualReport(token, PREV)).reviewsPublished).toBe(1);
    }
    const rv = await t.token({ subject: 'rv', roles: ['REVIEWER'], reviewer });
    for (const token of [contributor, rv]) {
      const res = await t.gql(token, report(PREV));
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(res.data?.board ?? null).toBeNull();
    }
    expect(errorCode(await t.gql(undefined, report(PREV)))).toBe('UNAUTHENTICATED');
  });

  it("answers every board's report in the same number of SQL statements as one board's", async () => {
    const one = `{ board(code: "${BOARD}") { annualReport(financialYear: "${PREV}") { ${FIELDS} } } }`;
    const all = `{ boards { code annualReport(financialYear: "${PREV}") { ${FIELDS} } } }`;
    const count = async (q: string) => {
      await t.gql(analyst, q);
      const before = t.sqlCount();
      const res = await t.gql<Record<string, unknown>>(analyst, q);
      expect(res.errors).toBeUndefined();
      return t.sqlCount() - before;
    };
    const single = await count(one);
    const five = await count(all);
    console.log(`SQL statements: ${single} for one board's annual report, ${five} for five`);
    expect(five).toBe(single);
  });
});
