/**
 * Board statistics end to end (DOMAIN.md "Statistics (analysts, boards, panel)"):
 * incidentStats by every dimension and every interval, themeStats,
 * reviewTimeliness and actionProgress, checked against tables computed by hand
 * from the dataset below; who may ask; bad windows; and a bounded number of SQL
 * statements for the analysts' all-boards query.
 *
 * Counts are exact for the owning board's manager and chair; everyone else
 * (here mostly an analyst) gets them suppressed, then rounded to the nearest
 * 5 (6, 7 -> 5; 8-12 -> 10; 13-17 -> 15; 18-22 -> 20; ...). The tables below
 * give the controlled counts already rounded by hand, with the true count in
 * the comments.
 *
 * This file owns its platform, so the counts are exact. "Today" is the real
 * date in Europe/London; every date below is in the past (2024-2026).
 */
import { todayInLondon } from '@scr/calendar';
import { at, boardTokens, errorCode, eventually, mutate, reportIncident, startTestPlatform, type TestPlatform } from '@scr/testing';

let t: TestPlatform;
let admin: string;
let leeds: { manager: string; chair: string };
let bradford: { manager: string; chair: string };
let calderdale: { manager: string; chair: string };
let analyst: string;
let leedsAgency: string;
let leedsReviewerId: string;
const today = todayInLondon();

// ------------------------------------------------------------------ dataset helpers

type Kid = { ageBand?: string; dateOfBirth?: string; sex: string; ethnicity?: string; socialCareStatus: string };
const kid = (ageBand: string, sex: string, ethnicity: string, socialCareStatus: string): Kid => ({ ageBand, sex, ethnicity, socialCareStatus });

interface Group {
  board: string;
  n: number;
  criterion: 'CHILD_DIED' | 'CHILD_SERIOUSLY_HARMED' | 'LOOKED_AFTER_CHILD_DIED';
  abuseOrNeglect?: 'KNOWN' | 'SUSPECTED' | 'NOT_KNOWN';
  referral?: boolean;
  occurredOn: string;
  awareOn: string;
  children: Kid[];
  abuseTypes: string[];
  /** Record the notification for the first `notify` incidents of the group (all when omitted but notifiedOn given). */
  notifiedOn?: string;
  notify?: number;
}

/** Reports the group's incidents one by one as the board's manager; notifies them when asked. Returns the incident ids. */
async function load(tokens: { manager: string }, g: Group): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < g.n; i++) {
    const incident = await reportIncident(t, tokens.manager, {
      boardCode: g.board,
      criterion: g.criterion,
      abuseOrNeglect: g.abuseOrNeglect ?? 'SUSPECTED',
      referral: g.referral ?? false,
      occurredOn: g.occurredOn,
      awareOn: g.awareOn,
      abuseTypes: g.abuseTypes,
      summary: 'Statistics fixture',
      children: g.children.map((c, k) => ({ pseudonym: `Child ${k + 1}`, fullName: `Statistics Child ${i}-${k}`, ...c })),
    });
    ids.push(incident.id);
    if (g.notifiedOn && i < (g.notify ?? g.n)) {
      await mutate(t, tokens.manager, 'mutation($id: ID!, $on: Date!) { recordNotification(incidentId: $id, notifiedOn: $on) { id } }', {
        id: incident.id,
        on: g.notifiedOn,
      });
    }
  }
  return ids;
}

type OpenedReview = { id: string; version: number; decisionDueOn: string; kind: string };

/** The reviews the incidents opened, once the events have crossed to the reviews subgraph. */
async function reviewsOf(token: string, incidentIds: string[]): Promise<OpenedReview[]> {
  return Promise.all(
    incidentIds.map((id) =>
      eventually(
        async () => {
          const res = await t.gql<{ incident: { reviews: OpenedReview[] } | null }>(
            token,
            `{ incident(id: "${id}") { reviews { id version decisionDueOn kind } } }`,
          );
          return res.data?.incident?.reviews[0];
        },
        15_000,
        `the review of incident ${id}`,
      ),
    ),
  );
}

const PARTNERS = ['CHILDRENS_SOCIAL_CARE', 'HEALTH', 'POLICE'];

async function decide(chair: string, reviewId: string, outcome: string, decidedOn: string) {
  const data = await mutate<{ recordDecision: { stage: string; initiatedOn: string | null; decision: { onTime: boolean } } }>(
    t,
    chair,
    'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { stage initiatedOn decision { onTime } } }',
    { i: { reviewId, outcome, criteriaMet: outcome === 'INITIATE_REVIEW', partnersAgreed: PARTNERS, rationale: 'Statistics fixture decision.', decidedOn } },
  );
  return data.recordDecision;
}

async function setThemes(manager: string, reviewId: string, themes: string[]) {
  await mutate(t, manager, 'mutation($i: SetThemesInput!) { setThemes(input: $i) { id } }', { i: { reviewId, themes } });
}

async function complete(manager: string, reviewId: string, appointedOn: string, completedOn: string) {
  await mutate(t, manager, 'mutation($i: AppointReviewerInput!) { appointReviewer(input: $i) { id } }', {
    i: { reviewId, reviewerId: leedsReviewerId, lead: true, appointedOn, independenceStatement: 'No links to the board or the agencies involved.' },
  });
  await mutate(t, manager, 'mutation($i: SetMethodologyInput!) { setMethodology(input: $i) { id } }', {
    i: { reviewId, name: 'Systems approach', dataCollection: 'Practitioner interviews', analysis: 'Thematic analysis' },
  });
  const data = await mutate<{ completeReview: { stage: string; completedOn: string; timescaleStatus: string } }>(
    t,
    manager,
    'mutation($i: CompleteReviewInput!) { completeReview(input: $i) { stage completedOn timescaleStatus } }',
    { i: { reviewId, completedOn, findings: 'Statistics fixture findings.' } },
  );
  return data.completeReview;
}

async function registerAgency(name: string, boardCodes: string[]) {
  const data = await mutate<{ registerAgency: { id: string } }>(t, admin, 'mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { id } }', {
    i: { name, sector: 'HEALTH', boardCodes },
  });
  return data.registerAgency.id;
}

const ADD_ACTION = 'mutation($i: AddActionInput!) { addAction(input: $i) { id version } }';
const UPDATE_ACTION = 'mutation($i: UpdateActionInput!) { updateAction(input: $i) { id version status } }';

async function actionPlan(manager: string, reviewId: string) {
  return (await mutate<{ createActionPlan: { id: string } }>(t, manager, `mutation { createActionPlan(input: { reviewId: "${reviewId}" }) { id } }`, {}))
    .createActionPlan.id;
}

async function addAction(manager: string, actionPlanId: string, ownerAgencyId: string, dueOn: string) {
  return (
    await mutate<{ addAction: { id: string; version: number } }>(t, manager, ADD_ACTION, {
      i: {
        actionPlanId,
        recommendation: 'Share information sooner',
        description: 'Concerns shared within 24 hours',
        ownerAgencyId,
        dueOn,
        successCriteria: ['Audit shows 90% shared within 24 hours'],
      },
    })
  ).addAction;
}

// ------------------------------------------------------------------ expected tables

type Cell = { period: string; key: string; count: number | null; suppressed: boolean };
/** Marks a suppressed cell in the compact tables below. */
const S = null;

/** Expands hand-computed rows (one value per key, in enum order; S = suppressed) into StatCells. */
function table(keys: readonly string[], rows: [period: string, counts: (number | null)[]][]): Cell[] {
  return rows.flatMap(([period, counts]) => {
    if (counts.length !== keys.length) throw new Error(`row ${period} has ${counts.length} values for ${keys.length} keys`);
    return keys.map((key, i) => ({ period, key, count: at(counts, i), suppressed: at(counts, i) === null }));
  });
}

const CRITERION = ['CHILD_DIED', 'CHILD_SERIOUSLY_HARMED', 'LOOKED_AFTER_CHILD_DIED'];
const AGE_BAND = ['UNDER_1', 'AGE_1_TO_5', 'AGE_6_TO_10', 'AGE_11_TO_15', 'AGE_16_PLUS', 'UNKNOWN'];
const SEX = ['FEMALE', 'MALE', 'UNKNOWN'];
const ETHNICITY = ['WHITE', 'MIXED', 'ASIAN_OR_ASIAN_BRITISH', 'BLACK_OR_BLACK_BRITISH', 'OTHER_ETHNIC_GROUP', 'REFUSED', 'NOT_KNOWN'];
const ABUSE_TYPE = ['PHYSICAL', 'SEXUAL', 'EMOTIONAL', 'NEGLECT', 'EXTRA_FAMILIAL_HARM', 'OTHER'];
const SOCIAL_CARE_STATUS = ['NOT_KNOWN_TO_SOCIAL_CARE', 'CHILD_IN_NEED', 'CHILD_PROTECTION_PLAN', 'LOOKED_AFTER'];
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

/*
 * LEEDS (partnership regime since 2019-09-01), one line per group of identical incidents.
 * Children are one per incident unless listed; "n x" = number of incidents.
 *
 *  grp  n  criterion  awareOn     (occurredOn)  child(ren): ageBand/sex/ethnicity/social care   abuse types          notified
 *  D1   6  CSH        2024-02-29  (2024-02-20)  11-15 / M / WHITE / CIN                      PHYSICAL             -
 *  D2   2  CD         2024-12-31  (2024-12-28)  U1 / F / ASIAN / CPP                         NEGLECT              -
 *  D3   4  LACD (NK)  2025-03-31  (2025-03-30)  16+ / M / BLACK / LA                         OTHER                -
 *  G1   7  CD         2025-04-01  (2025-03-28)  U1 / M / WHITE / CPP                         NEGLECT              2025-04-03
 *  G2   8  CSH        2025-05-20  (2025-05-18)  1-5 / F / ASIAN / CIN                        PHYSICAL, EMOTIONAL  2025-05-22
 *  R1   3  referral CSH, NOT_KNOWN, 2025-05-10: 6-10 / F / WHITE / CIN, SEXUAL              (never counted)
 *  G3   2  LACD (NK)  2025-06-30  (2025-06-29)  16+ / M / MIXED / LA                         OTHER                -
 *  G4   3  CD         2025-07-15  (2025-07-10)  born 2012-03-15 (=> 11-15) / F / BLACK / NKSC  EXTRA_FAMILIAL_HARM  2025-07-15
 *  G5   6  CSH        2025-08-01  (2025-07-30)  3 children: U1/M/WHITE/CPP, U1/F/WHITE/CPP,  NEGLECT, EMOTIONAL   -
 *                                                6-10/M/(NOT_KNOWN by default)/CPP
 *  G6   2  LACD       2025-09-30  (2025-09-28)  16+ / F / OTHER / LA                         SEXUAL               -
 *  R2   2  referral CD, NOT_KNOWN, 2025-10-14: 11-15 / M / WHITE / CPP, PHYSICAL             (never counted)
 *  G7   9  CD         2026-01-05  (2026-01-03)  1-5 / M / WHITE / CIN                        PHYSICAL             2026-01-09
 *  G8   9  CSH        2026-02-14  (2026-02-10)  11-15 / F / WHITE / CIN                      SEXUAL, EFH          -
 *  G9   1  LACD       2026-03-31  (2026-03-31)  16+ / M / REFUSED / LA                       OTHER                -
 *  G10  5  CSH        2026-04-01  (2026-03-25)  (no band => UNKNOWN) / UNKNOWN / (NOT_KNOWN) / NKSC  PHYSICAL   -
 *
 * BRADFORD: B1 6 CSH aware 2025-05-01 (2025-04-28), 1-5 / M / ASIAN / CIN, PHYSICAL.
 */
const L = 'LEEDS';
const LEEDS_GROUPS: Record<string, Group> = {
  D1: {
    board: L,
    n: 6,
    criterion: 'CHILD_SERIOUSLY_HARMED',
    occurredOn: '2024-02-20',
    awareOn: '2024-02-29',
    children: [kid('AGE_11_TO_15', 'MALE', 'WHITE', 'CHILD_IN_NEED')],
    abuseTypes: ['PHYSICAL'],
  },
  D2: {
    board: L,
    n: 2,
    criterion: 'CHILD_DIED',
    occurredOn: '2024-12-28',
    awareOn: '2024-12-31',
    children: [kid('UNDER_1', 'FEMALE', 'ASIAN_OR_ASIAN_BRITISH', 'CHILD_PROTECTION_PLAN')],
    abuseTypes: ['NEGLECT'],
  },
  D3: {
    board: L,
    n: 4,
    criterion: 'LOOKED_AFTER_CHILD_DIED',
    abuseOrNeglect: 'NOT_KNOWN',
    occurredOn: '2025-03-30',
    awareOn: '2025-03-31',
    children: [kid('AGE_16_PLUS', 'MALE', 'BLACK_OR_BLACK_BRITISH', 'LOOKED_AFTER')],
    abuseTypes: ['OTHER'],
  },
  G1: {
    board: L,
    n: 7,
    criterion: 'CHILD_DIED',
    occurredOn: '2025-03-28',
    awareOn: '2025-04-01',
    children: [kid('UNDER_1', 'MALE', 'WHITE', 'CHILD_PROTECTION_PLAN')],
    abuseTypes: ['NEGLECT'],
    notifiedOn: '2025-04-03',
  },
  G2: {
    board: L,
    n: 8,
    criterion: 'CHILD_SERIOUSLY_HARMED',
    abuseOrNeglect: 'KNOWN',
    occurredOn: '2025-05-18',
    awareOn: '2025-05-20',
    children: [kid('AGE_1_TO_5', 'FEMALE', 'ASIAN_OR_ASIAN_BRITISH', 'CHILD_IN_NEED')],
    abuseTypes: ['PHYSICAL', 'EMOTIONAL'],
    notifiedOn: '2025-05-22',
  },
  R1: {
    board: L,
    n: 3,
    criterion: 'CHILD_SERIOUSLY_HARMED',
    abuseOrNeglect: 'NOT_KNOWN',
    referral: true,
    occurredOn: '2025-05-08',
    awareOn: '2025-05-10',
    children: [kid('AGE_6_TO_10', 'FEMALE', 'WHITE', 'CHILD_IN_NEED')],
    abuseTypes: ['SEXUAL'],
  },
  G3: {
    board: L,
    n: 2,
    criterion: 'LOOKED_AFTER_CHILD_DIED',
    abuseOrNeglect: 'NOT_KNOWN',
    occurredOn: '2025-06-29',
    awareOn: '2025-06-30',
    children: [kid('AGE_16_PLUS', 'MALE', 'MIXED', 'LOOKED_AFTER')],
    abuseTypes: ['OTHER'],
  },
  G4: {
    board: L,
    n: 3,
    criterion: 'CHILD_DIED',
    occurredOn: '2025-07-10',
    awareOn: '2025-07-15',
    notifiedOn: '2025-07-15',
    children: [{ dateOfBirth: '2012-03-15', sex: 'FEMALE', ethnicity: 'BLACK_OR_BLACK_BRITISH', socialCareStatus: 'NOT_KNOWN_TO_SOCIAL_CARE' }],
    abuseTypes: ['EXTRA_FAMILIAL_HARM'],
  },
  G5: {
    board: L,
    n: 6,
    criterion: 'CHILD_SERIOUSLY_HARMED',
    occurredOn: '2025-07-30',
    awareOn: '2025-08-01',
    abuseTypes: ['NEGLECT', 'EMOTIONAL'],
    children: [
      kid('UNDER_1', 'MALE', 'WHITE', 'CHILD_PROTECTION_PLAN'),
      kid('UNDER_1', 'FEMALE', 'WHITE', 'CHILD_PROTECTION_PLAN'),
      { ageBand: 'AGE_6_TO_10', sex: 'MALE', socialCareStatus: 'CHILD_PROTECTION_PLAN' },
    ],
  },
  G6: {
    board: L,
    n: 2,
    criterion: 'LOOKED_AFTER_CHILD_DIED',
    occurredOn: '2025-09-28',
    awareOn: '2025-09-30',
    children: [kid('AGE_16_PLUS', 'FEMALE', 'OTHER_ETHNIC_GROUP', 'LOOKED_AFTER')],
    abuseTypes: ['SEXUAL'],
  },
  R2: {
    board: L,
    n: 2,
    criterion: 'CHILD_DIED',
    abuseOrNeglect: 'NOT_KNOWN',
    referral: true,
    occurredOn: '2025-10-12',
    awareOn: '2025-10-14',
    children: [kid('AGE_11_TO_15', 'MALE', 'WHITE', 'CHILD_PROTECTION_PLAN')],
    abuseTypes: ['PHYSICAL'],
  },
  G7: {
    board: L,
    n: 9,
    criterion: 'CHILD_DIED',
    occurredOn: '2026-01-03',
    awareOn: '2026-01-05',
    children: [kid('AGE_1_TO_5', 'MALE', 'WHITE', 'CHILD_IN_NEED')],
    abuseTypes: ['PHYSICAL'],
    notifiedOn: '2026-01-09',
  },
  G8: {
    board: L,
    n: 9,
    criterion: 'CHILD_SERIOUSLY_HARMED',
    occurredOn: '2026-02-10',
    awareOn: '2026-02-14',
    children: [kid('AGE_11_TO_15', 'FEMALE', 'WHITE', 'CHILD_IN_NEED')],
    abuseTypes: ['SEXUAL', 'EXTRA_FAMILIAL_HARM'],
  },
  G9: {
    board: L,
    n: 1,
    criterion: 'LOOKED_AFTER_CHILD_DIED',
    occurredOn: '2026-03-31',
    awareOn: '2026-03-31',
    children: [kid('AGE_16_PLUS', 'MALE', 'REFUSED', 'LOOKED_AFTER')],
    abuseTypes: ['OTHER'],
  },
  G10: {
    board: L,
    n: 5,
    criterion: 'CHILD_SERIOUSLY_HARMED',
    occurredOn: '2026-03-25',
    awareOn: '2026-04-01',
    children: [{ sex: 'UNKNOWN', socialCareStatus: 'NOT_KNOWN_TO_SOCIAL_CARE' }],
    abuseTypes: ['PHYSICAL'],
  },
};
const BRADFORD_B1: Group = {
  board: 'BRADFORD',
  n: 6,
  criterion: 'CHILD_SERIOUSLY_HARMED',
  occurredOn: '2025-04-28',
  awareOn: '2025-05-01',
  children: [kid('AGE_1_TO_5', 'MALE', 'ASIAN_OR_ASIAN_BRITISH', 'CHILD_IN_NEED')],
  abuseTypes: ['PHYSICAL'],
};

/*
 * LEEDS reviews (rapid reviews, decision due 15 working days after notification):
 *  S1 = G1's 7 reviews, notified 2025-04-03 (Thu), due 2025-04-28 (Good Friday and Easter Monday skipped).
 *       All INITIATE_REVIEW on 04-04, 04-07, 04-09, 04-14, 04-17, 04-23 (on time) and 05-06 (late):
 *       days 1, 4, 6, 11, 14, 20, 33. Themes: #0-#5 NEGLECT + INFORMATION_SHARING, #5 also DOMESTIC_ABUSE,
 *       #6 NEGLECT + DOMESTIC_ABUSE. Completion due 6 months after initiation:
 *       #0 completed 2025-09-30 (due 10-04, within), #1 2025-10-07 (due 10-07, within),
 *       #2 2025-12-01 (due 10-09, late), #3 extended to 2026-01-31, completed 2025-12-15 (within).
 *       #4 gets an action plan.
 *  S2 = G2's 8 reviews, notified 2025-05-22 (Thu), due 2025-06-13 (spring bank holiday skipped).
 *       #0-#3 NO_FURTHER_REVIEW on 05-23, 06-02, 06-13 (on time), 06-20 (late): days 1, 11, 22, 29.
 *       #4-#6 INITIATE_REVIEW and #7 COMMISSION_ALTERNATIVE_REVIEW on 2025-07-02 (late, 41 days).
 *       Themes #4-#7 VOICE_OF_THE_CHILD, #4-#6 also ONLINE_HARM. #4 completed 2026-02-10 (due 2026-01-02, late).
 *  S3 = G4's 3 reviews: awaiting decision.
 *  S4 = G7's 9 reviews, notified 2026-01-09 (Fri), due 2026-01-30. #0-#5 INITIATE_REVIEW on 2026-01-20
 *       (11 days, on time), themes SAFE_SLEEPING + PARENTAL_SUBSTANCE_MISUSE; #6-#8 awaiting decision.
 *  Referrals R1, R2 open reviews awaiting decision (today): never decided.
 */
const S1_DECIDED = ['2025-04-04', '2025-04-07', '2025-04-09', '2025-04-14', '2025-04-17', '2025-04-23', '2025-05-06'];
const S2_DECIDED = ['2025-05-23', '2025-06-02', '2025-06-13', '2025-06-20', '2025-07-02', '2025-07-02', '2025-07-02', '2025-07-02'];
const S2_OUTCOMES = [
  'NO_FURTHER_REVIEW',
  'NO_FURTHER_REVIEW',
  'NO_FURTHER_REVIEW',
  'NO_FURTHER_REVIEW',
  'INITIATE_REVIEW',
  'INITIATE_REVIEW',
  'INITIATE_REVIEW',
  'COMMISSION_ALTERNATIVE_REVIEW',
];

const leedsIds: Record<string, string[]> = {};
/** The ids of a LEEDS_GROUPS group loaded in beforeAll; a missing one is a broken fixture. */
function idsOf(group: string): string[] {
  const ids = leedsIds[group];
  if (!ids) throw new Error(`group ${group} was not loaded`);
  return ids;
}
let s1: OpenedReview[];
let s2: OpenedReview[];
let s4: OpenedReview[];

beforeAll(async () => {
  t = await startTestPlatform();
  admin = await t.token({ subject: 'admin', roles: ['ADMIN'] });
  analyst = await t.token({ subject: 'analyst', roles: ['ANALYST'] });
  leeds = await boardTokens(t, 'LEEDS');
  bradford = await boardTokens(t, 'BRADFORD');
  calderdale = await boardTokens(t, 'CALDERDALE');
  leedsAgency = await registerAgency('Leeds Community Health', ['LEEDS']);
  leedsReviewerId = (
    await mutate<{ registerReviewer: { id: string } }>(t, admin, 'mutation($i: RegisterReviewerInput!) { registerReviewer(input: $i) { id } }', {
      i: { name: 'Independent Lead', qualifications: ['Independent reviewer accreditation'] },
    })
  ).registerReviewer.id;

  for (const [name, group] of Object.entries(LEEDS_GROUPS)) leedsIds[name] = await load(leeds, group);
  await load(bradford, BRADFORD_B1);

  [s1, s2, , s4] = await Promise.all([
    reviewsOf(leeds.manager, idsOf('G1')),
    reviewsOf(leeds.manager, idsOf('G2')),
    reviewsOf(leeds.manager, idsOf('G4')),
    reviewsOf(leeds.manager, idsOf('G7')),
    reviewsOf(leeds.manager, [...idsOf('R1'), ...idsOf('R2')]),
  ]);

  // S1
  for (let i = 0; i < 7; i++) {
    const decided = await decide(leeds.chair, at(s1, i).id, 'INITIATE_REVIEW', at(S1_DECIDED, i));
    expect(decided).toMatchObject({ stage: 'IN_PROGRESS', initiatedOn: at(S1_DECIDED, i), decision: { onTime: i < 6 } });
    await setThemes(
      leeds.manager,
      at(s1, i).id,
      i < 5 ? ['NEGLECT', 'INFORMATION_SHARING'] : i === 5 ? ['NEGLECT', 'INFORMATION_SHARING', 'DOMESTIC_ABUSE'] : ['DOMESTIC_ABUSE', 'NEGLECT'],
    );
  }
  expect(await complete(leeds.manager, at(s1, 0).id, '2025-04-10', '2025-09-30')).toMatchObject({ stage: 'REPORT_FINAL', timescaleStatus: 'MET' });
  expect(await complete(leeds.manager, at(s1, 1).id, '2025-04-10', '2025-10-07')).toMatchObject({ stage: 'REPORT_FINAL', timescaleStatus: 'MET' });
  expect(await complete(leeds.manager, at(s1, 2).id, '2025-04-10', '2025-12-01')).toMatchObject({ stage: 'REPORT_FINAL', timescaleStatus: 'LATE' });
  await mutate(t, leeds.manager, 'mutation($i: ExtendTimescaleInput!) { extendTimescale(input: $i) { id } }', {
    i: {
      reviewId: at(s1, 3).id,
      reason: 'Criminal trial',
      completionDueOn: '2026-01-31',
      interimLearning: ['Safe sleeping briefing given to GPs'],
      agreedOn: '2025-10-01',
    },
  });
  expect(await complete(leeds.manager, at(s1, 3).id, '2025-04-15', '2025-12-15')).toMatchObject({ stage: 'REPORT_FINAL', timescaleStatus: 'MET' });

  // S2
  for (let i = 0; i < 8; i++) {
    const decided = await decide(leeds.chair, at(s2, i).id, at(S2_OUTCOMES, i), at(S2_DECIDED, i));
    expect(decided.decision.onTime).toBe(i < 3);
    if (i >= 4) await setThemes(leeds.manager, at(s2, i).id, i < 7 ? ['VOICE_OF_THE_CHILD', 'ONLINE_HARM'] : ['VOICE_OF_THE_CHILD']);
  }
  expect(await complete(leeds.manager, at(s2, 4).id, '2025-07-03', '2026-02-10')).toMatchObject({ timescaleStatus: 'LATE' });

  // S4
  for (let i = 0; i < 6; i++) {
    await decide(leeds.chair, at(s4, i).id, 'INITIATE_REVIEW', '2026-01-20');
    await setThemes(leeds.manager, at(s4, i).id, ['SAFE_SLEEPING', 'PARENTAL_SUBSTANCE_MISUSE']);
  }

  // Action plan on S1 #4: due 2026-06-30 not started, due 2027-06-30 in progress, due 2026-03-31 completed (today) with impact evidenced.
  const planId = await actionPlan(leeds.manager, at(s1, 4).id);
  await addAction(leeds.manager, planId, leedsAgency, '2026-06-30');
  const started = await addAction(leeds.manager, planId, leedsAgency, '2027-06-30');
  await mutate(t, leeds.manager, UPDATE_ACTION, { i: { actionId: started.id, status: 'IN_PROGRESS', note: 'Started', expectedVersion: started.version } });
  const done = await addAction(leeds.manager, planId, leedsAgency, '2026-03-31');
  await mutate(t, leeds.manager, UPDATE_ACTION, { i: { actionId: done.id, status: 'COMPLETED', note: 'Done', expectedVersion: done.version } });
  await mutate(t, leeds.manager, 'mutation($i: AssessImpactInput!) { assessImpact(input: $i) { id } }', {
    i: { actionId: done.id, rating: 'EVIDENCED', evidence: 'Audit: 95% shared within 24 hours', assessedOn: '2026-04-15' },
  });
}, 120_000);
afterAll(() => t?.stop());

// ------------------------------------------------------------------ queries

const INCIDENT_STATS = `query($code: ID!, $from: Date!, $to: Date!, $interval: Interval, $by: IncidentDimension) {
  board(code: $code) { incidentStats(from: $from, to: $to, interval: $interval, by: $by) { period key count suppressed } }
}`;

async function incidentStats(token: string, code: string, from: string, to: string, interval: string, by: string) {
  const res = await t.gql<{ board: { incidentStats: Cell[] } }>(token, INCIDENT_STATS, { code, from, to, interval, by });
  expect(res.errors).toBeUndefined();
  return res.data!.board.incidentStats;
}

const THEME_STATS = `query($code: ID!, $from: Date!, $to: Date!, $interval: Interval) {
  board(code: $code) { themeStats(from: $from, to: $to, interval: $interval) { period key count suppressed } }
}`;

async function themeStats(token: string, code: string, from: string, to: string, interval?: string) {
  const res = await t.gql<{ board: { themeStats: Cell[] } }>(token, THEME_STATS, { code, from, to, ...(interval ? { interval } : {}) });
  expect(res.errors).toBeUndefined();
  return res.data!.board.themeStats;
}

const TIMELINESS_FIELDS = 'decisions decisionsOnTime initiated completed completedWithinTimescale medianDaysToDecision';

async function timeliness(token: string, code: string, from: string, to: string) {
  const res = await t.gql<{ board: { reviewTimeliness: Record<string, number | null> } }>(
    token,
    `query($code: ID!, $from: Date!, $to: Date!) { board(code: $code) { reviewTimeliness(from: $from, to: $to) { ${TIMELINESS_FIELDS} } } }`,
    { code, from, to },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.board.reviewTimeliness;
}

// ------------------------------------------------------------------ hand-computed answers

/** LEEDS, default interval (QUARTER) and dimension (CRITERION), 2025-05-15..2026-02-10 widened to 2025-04-01..2026-03-31: what LEEDS's own manager and chair see. */
const LEEDS_CRITERION_QUARTERS_EXACT = table(CRITERION, [
  ['2025-Q2', [7, 8, 2]], // CD 7 (G1), CSH 8 (G2; R1's 3 referrals excluded), LACD 2 (G3)
  ['2025-Q3', [3, 6, 2]], // CD 3 (G4), CSH 6 (G5, not notified, 3 children each), LACD 2 (G6)
  // 2025-Q4 holds only R2's referrals: left out.
  ['2026-Q1', [9, 9, 1]], // CD 9 (G7), CSH 9 (G8), LACD 1 (G9 on 03-31, after `to`)
]);

/** The same table as anyone else sees it. */
const LEEDS_CRITERION_QUARTERS: Cell[] = [
  // 2025-Q2: LACD 2 is the lone primary, so the smallest other non-zero cell, CD 7, is suppressed too; CSH 8 -> 10.
  { period: '2025-Q2', key: 'CHILD_DIED', count: null, suppressed: true },
  { period: '2025-Q2', key: 'CHILD_SERIOUSLY_HARMED', count: 10, suppressed: false },
  { period: '2025-Q2', key: 'LOOKED_AFTER_CHILD_DIED', count: null, suppressed: true },
  // 2025-Q3: two primaries (3, 2), no secondary; CSH 6 -> 5.
  { period: '2025-Q3', key: 'CHILD_DIED', count: null, suppressed: true },
  { period: '2025-Q3', key: 'CHILD_SERIOUSLY_HARMED', count: 5, suppressed: false },
  { period: '2025-Q3', key: 'LOOKED_AFTER_CHILD_DIED', count: null, suppressed: true },
  // 2026-Q1: LACD 1 lone primary; the 9s tie, CD comes first; CSH 9 -> 10.
  { period: '2026-Q1', key: 'CHILD_DIED', count: null, suppressed: true },
  { period: '2026-Q1', key: 'CHILD_SERIOUSLY_HARMED', count: 10, suppressed: false },
  { period: '2026-Q1', key: 'LOOKED_AFTER_CHILD_DIED', count: null, suppressed: true },
];

/** LEEDS by AGE_BAND and FINANCIAL_YEAR, 2019-04-01..2026-03-31 (the analysts' query), suppressed and rounded. */
const LEEDS_AGE_BAND_FY = table(AGE_BAND, [
  ['2023-24', [0, 0, 0, 5, 0, 0]], // D1: 6 -> 5
  ['2024-25', [S, 0, 0, 0, S, 0]], // D2 U1 2, D3 16+ 4: two primaries
  // U1 7+12 = 19 -> 20, 1-5 8+9 = 17 -> 15, 6-10 6, 11-15 3+9 = 12 -> 10,
  // 16+ 2+2+1 = 5 (lone primary) -> smallest other non-zero, 6-10 (6), suppressed
  ['2025-26', [20, 15, S, 10, S, 0]],
]);

/** LEEDS themes of reviews initiated 2025-04-01..2026-03-31 by quarter, suppressed and rounded. */
const LEEDS_THEMES_QUARTERS = table(THEMES, [
  // S1: NEGLECT 7 -> 5, INFORMATION_SHARING 6, DOMESTIC_ABUSE 2 (lone primary) -> INFORMATION_SHARING (6 < 7) secondary
  ['2025-Q2', [S, 0, 0, 5, 0, 0, 0, 0, 0, 0, S, 0, 0, 0, 0, 0]],
  // S2 #4-#7 (NO_FURTHER_REVIEW never initiates): VOICE_OF_THE_CHILD 4, ONLINE_HARM 3: two primaries
  ['2025-Q3', [0, 0, 0, 0, 0, 0, 0, 0, 0, S, 0, S, 0, 0, 0, 0]],
  // S4 #0-#5: SAFE_SLEEPING 6 -> 5, PARENTAL_SUBSTANCE_MISUSE 6 -> 5
  ['2026-Q1', [0, 0, 5, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
]);

/** The same themes as LEEDS's own manager and chair see them: exact. */
const LEEDS_THEMES_QUARTERS_EXACT = table(THEMES, [
  ['2025-Q2', [2, 0, 0, 7, 0, 0, 0, 0, 0, 0, 6, 0, 0, 0, 0, 0]], // DOMESTIC_ABUSE 2, NEGLECT 7, INFORMATION_SHARING 6
  ['2025-Q3', [0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 4, 0, 0, 0, 0]], // ONLINE_HARM 3, VOICE_OF_THE_CHILD 4
  ['2026-Q1', [0, 0, 6, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]], // PARENTAL_SUBSTANCE_MISUSE 6, SAFE_SLEEPING 6
]);

/** LEEDS timeliness 2019-04-01..2026-03-31: every decision, initiation and completion. */
const LEEDS_TIMELINESS_ALL = {
  decisions: 21, // S1 7 + S2 8 + S4 6
  decisionsOnTime: 15, // 6 + 3 + 6
  initiated: 17, // 7 + 4 + 6
  completed: 5, // S1 #0-#3, S2 #4
  completedWithinTimescale: 3, // S1 #0, #1, #3 (extended)
  // days 1,1,4,6,11x8,14,20,22,29,33,41x4: 21 values, the 11th is 11
  medianDaysToDecision: 11,
};

// ------------------------------------------------------------------ tests

describe('incidentStats', () => {
  it('defaults to QUARTER and CRITERION, widens the window to whole quarters, leaves out empty quarters, suppresses 1-5 with one secondary and rounds to 5', async () => {
    const res = await t.gql<{ board: { incidentStats: Cell[] } }>(
      analyst,
      '{ board(code: "LEEDS") { incidentStats(from: "2025-05-15", to: "2026-02-10") { period key count suppressed } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.board.incidentStats).toEqual(LEEDS_CRITERION_QUARTERS);
  });

  it('counts by MONTH by awareOn, notified or not, referrals excluded, window widened from mid-month', async () => {
    expect(await incidentStats(analyst, L, '2025-04-15', '2025-09-10', 'MONTH', 'CRITERION')).toEqual(
      table(CRITERION, [
        ['2025-04', [5, 0, 0]], // G1 7 aware 04-01 (occurred in March), notified: counted though before `from`
        ['2025-05', [0, 10, 0]], // G2 8; R1 referrals excluded
        ['2025-06', [0, 0, S]], // G3 LACD with abuse NOT_KNOWN is notifiable: 2, alone, nothing else to hide
        ['2025-07', [S, 0, 0]], // G4
        ['2025-08', [0, 5, 0]], // G5 6, never notified
        ['2025-09', [0, 0, S]], // G6 aware 09-30, after `to`
      ]),
    );
  });

  it('counts by YEAR', async () => {
    expect(await incidentStats(analyst, L, '2024-06-01', '2026-06-01', 'YEAR', 'CRITERION')).toEqual(
      table(CRITERION, [
        ['2024', [S, S, 0]], // D2 CD 2 (primary), D1 CSH 6 (secondary: the only other non-zero)
        ['2025', [10, 15, 10]], // CD 7+3 = 10, CSH 8+6 = 14, LACD 4+2+2 = 8
        ['2026', [S, 15, S]], // CD 9, CSH 9+5 = 14, LACD 1: lone primary, CD 9 the smallest other
      ]),
    );
  });

  it('counts by FINANCIAL_YEAR (April to March), 5 suppressed and 6 shown (as 5)', async () => {
    expect(await incidentStats(analyst, L, '2024-01-01', '2026-11-26', 'FINANCIAL_YEAR', 'CRITERION')).toEqual(
      table(CRITERION, [
        ['2023-24', [0, 5, 0]], // D1 6 on 2024-02-29
        ['2024-25', [S, 0, S]], // D2 2 and D3 4 (2025-03-31): two primaries
        ['2025-26', [S, 25, S]], // CD 7+3+9 = 19, CSH 8+6+9 = 23, LACD 2+2+1 = 5: lone primary, CD 19 secondary
        ['2026-27', [0, S, 0]], // G10 on 2026-04-01: 5
      ]),
    );
  });

  it('counts children by AGE_BAND: an incident with 3 children counts 3; dates of birth give the band, none gives UNKNOWN', async () => {
    expect(await incidentStats(analyst, L, '2025-04-01', '2026-06-30', 'QUARTER', 'AGE_BAND')).toEqual(
      table(AGE_BAND, [
        ['2025-Q2', [S, 10, 0, 0, S, 0]], // U1 7, 1-5 8, 16+ 2 (lone primary) -> U1 7 secondary; R1's 6-10 excluded
        ['2025-Q3', [10, 0, 5, S, S, 0]], // G5 6 x (U1, U1, 6-10) = 12 and 6; G4 11-15 3 (born 2012); G6 16+ 2
        ['2026-Q1', [0, S, 0, 10, S, 0]], // 1-5 9, 11-15 9, 16+ 1: tie of 9s -> AGE_1_TO_5 first
        ['2026-Q2', [0, 0, 0, 0, 0, S]], // G10 5 UNKNOWN
      ]),
    );
  });

  it('counts children by SEX per YEAR', async () => {
    expect(await incidentStats(analyst, L, '2024-01-01', '2026-11-26', 'YEAR', 'SEX')).toEqual(
      table(SEX, [
        ['2024', [S, S, 0]], // F 2 (D2) primary, M 6 (D1) secondary
        ['2025', [20, 25, 0]], // F 8+3+6+2 = 19, M 4+7+2+12 = 25 (G5 has two boys per incident)
        ['2026', [S, 10, S]], // F 9, M 9+1 = 10, UNKNOWN 5: lone primary -> F 9 secondary
      ]),
    );
  });

  it('counts children by ETHNICITY per FINANCIAL_YEAR, an omitted ethnicity as NOT_KNOWN', async () => {
    expect(await incidentStats(analyst, L, '2023-05-01', '2026-11-26', 'FINANCIAL_YEAR', 'ETHNICITY')).toEqual(
      table(ETHNICITY, [
        ['2023-24', [5, 0, 0, 0, 0, 0, 0]], // WHITE 6
        ['2024-25', [0, 0, S, S, 0, 0, 0]], // ASIAN 2, BLACK 4
        // WHITE 7+12+9+9 = 37, MIXED 2, ASIAN 8, BLACK 3, OTHER 2, REFUSED 1, NOT_KNOWN 6 (G5's third child): four primaries
        ['2025-26', [35, S, 10, S, S, S, 5]],
        ['2026-27', [0, 0, 0, 0, 0, 0, S]], // G10 5 NOT_KNOWN
      ]),
    );
  });

  it('counts each ABUSE_TYPE value per QUARTER', async () => {
    expect(await incidentStats(analyst, L, '2025-01-01', '2026-06-30', 'QUARTER', 'ABUSE_TYPE')).toEqual(
      table(ABUSE_TYPE, [
        ['2025-Q1', [0, 0, 0, 0, 0, S]], // D3 OTHER 4
        ['2025-Q2', [10, 0, 10, S, 0, S]], // G2 8 counts under PHYSICAL and EMOTIONAL; OTHER 2 primary -> NEGLECT 7 secondary
        ['2025-Q3', [0, S, 5, 5, S, 0]], // EMOTIONAL 6, NEGLECT 6; SEXUAL 2, EFH 3: two primaries
        ['2026-Q1', [S, 10, 0, 0, 10, S]], // PHYSICAL 9, SEXUAL 9, EFH 9, OTHER 1: three-way tie -> PHYSICAL
        ['2026-Q2', [S, 0, 0, 0, 0, 0]], // G10 PHYSICAL 5
      ]),
    );
  });

  it('counts children by SOCIAL_CARE_STATUS per MONTH and QUARTER; a month of referrals only is left out', async () => {
    expect(await incidentStats(analyst, L, '2025-06-15', '2025-10-20', 'MONTH', 'SOCIAL_CARE_STATUS')).toEqual(
      table(SOCIAL_CARE_STATUS, [
        ['2025-06', [0, 0, 0, S]],
        ['2025-07', [S, 0, 0, 0]],
        ['2025-08', [0, 0, 20, 0]], // 6 incidents x 3 children on a child protection plan = 18
        ['2025-09', [0, 0, 0, S]],
        // 2025-10: R2's referrals only -> left out
      ]),
    );
    expect(await incidentStats(analyst, L, '2025-04-01', '2026-03-31', 'QUARTER', 'SOCIAL_CARE_STATUS')).toEqual(
      table(SOCIAL_CARE_STATUS, [
        ['2025-Q2', [0, 10, S, S]], // CIN 8, CPP 7, LA 2 (lone primary) -> CPP secondary
        ['2025-Q3', [S, 0, 20, S]], // NKSC 3, CPP 18, LA 2
        ['2026-Q1', [0, S, 0, S]], // CIN 9+9, LA 1: the only other non-zero is hidden
      ]),
    );
  });

  it('answers an empty list for a window without records, and a one-day window as its whole period', async () => {
    expect(await incidentStats(analyst, L, '2025-10-01', '2025-12-31', 'QUARTER', 'CRITERION')).toEqual([]);
    expect(await incidentStats(analyst, 'CALDERDALE', '2024-01-01', '2026-11-26', 'YEAR', 'AGE_BAND')).toEqual([]);
    expect(await incidentStats(analyst, L, '2025-08-20', '2025-08-20', 'MONTH', 'AGE_BAND')).toEqual(table(AGE_BAND, [['2025-08', [10, 0, 5, 0, 0, 0]]])); // 12 and 6
  });
});

describe('themeStats', () => {
  it('counts themes of reviews initiated in the window, by quarter by default, suppressed and rounded likewise', async () => {
    // 2025-05-15..2026-02-10 widened to whole quarters takes in S1's April initiations.
    const res = await t.gql<{ board: { themeStats: Cell[] } }>(
      analyst,
      '{ board(code: "LEEDS") { themeStats(from: "2025-05-15", to: "2026-02-10") { period key count suppressed } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.board.themeStats).toEqual(LEEDS_THEMES_QUARTERS);
  });

  it('uses the interval argument: MONTH, YEAR, FINANCIAL_YEAR', async () => {
    expect(await themeStats(analyst, L, '2025-04-10', '2025-05-10', 'MONTH')).toEqual(
      table(THEMES, [
        // April: NEGLECT 6, INFORMATION_SHARING 6 (-> 5), DOMESTIC_ABUSE 1 (lone primary): tie -> NEGLECT (earlier in the enum)
        ['2025-04', [S, 0, 0, S, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0]],
        ['2025-05', [S, 0, 0, S, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]], // #6: DOMESTIC_ABUSE 1, NEGLECT 1
      ]),
    );
    expect(await themeStats(analyst, L, '2025-01-01', '2026-11-26', 'YEAR')).toEqual(
      table(THEMES, [
        ['2025', [S, 0, 0, 5, 0, 0, 0, 0, 0, S, 5, S, 0, 0, 0, 0]], // DA 2, NEGLECT 7, ONLINE 3, INFO 6, VOICE 4
        ['2026', [0, 0, 5, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]], // 6 and 6
      ]),
    );
    expect(await themeStats(analyst, L, '2025-04-01', '2026-03-31', 'FINANCIAL_YEAR')).toEqual(
      table(THEMES, [['2025-26', [S, 0, 5, 5, 5, 0, 0, 0, 0, S, 5, S, 0, 0, 0, 0]]]), // PSM 6, NEGLECT 7, SAFE 6, INFO 6
    );
    expect(await themeStats(analyst, L, '2025-10-01', '2025-12-31')).toEqual([]);
  });
});

describe("the owning board's manager and chair", () => {
  it("see their own board's counts exact and unsuppressed, whatever the dimension", async () => {
    for (const token of [leeds.manager, leeds.chair]) {
      expect(await incidentStats(token, L, '2025-05-15', '2026-02-10', 'QUARTER', 'CRITERION')).toEqual(LEEDS_CRITERION_QUARTERS_EXACT);
      expect(await themeStats(token, L, '2025-05-15', '2026-02-10')).toEqual(LEEDS_THEMES_QUARTERS_EXACT);
      expect(await incidentStats(token, L, '2025-04-01', '2026-03-31', 'FINANCIAL_YEAR', 'AGE_BAND')).toEqual(
        table(AGE_BAND, [['2025-26', [19, 17, 6, 12, 5, 0]]]), // U1 7+12, 1-5 8+9, 6-10 6, 11-15 3+9, 16+ 2+2+1
      );
    }
  });

  it("see another board's counts suppressed and rounded, like everyone else", async () => {
    // BRADFORD B1: 6 CSH in 2025-Q2.
    expect(await incidentStats(leeds.manager, 'BRADFORD', '2025-04-01', '2025-06-30', 'QUARTER', 'CRITERION')).toEqual(
      table(CRITERION, [['2025-Q2', [0, 5, 0]]]),
    );
    expect(await incidentStats(bradford.chair, 'BRADFORD', '2025-04-01', '2025-06-30', 'QUARTER', 'CRITERION')).toEqual(
      table(CRITERION, [['2025-Q2', [0, 6, 0]]]),
    );
    expect(await incidentStats(bradford.manager, L, '2025-05-15', '2026-02-10', 'QUARTER', 'CRITERION')).toEqual(LEEDS_CRITERION_QUARTERS);
  });

  it("a token that is both LEEDS's manager and an analyst gets exact counts for LEEDS only", async () => {
    const both = await t.token({ subject: 'bm-and-analyst', roles: ['BOARD_MANAGER', 'ANALYST'], board: L });
    const res = await t.gql<{ leeds: { incidentStats: Cell[] }; bradford: { incidentStats: Cell[] } }>(
      both,
      `{ leeds: board(code: "LEEDS") { incidentStats(from: "2025-05-15", to: "2026-02-10") { period key count suppressed } }
         bradford: board(code: "BRADFORD") { incidentStats(from: "2025-04-01", to: "2025-06-30") { period key count suppressed } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.leeds.incidentStats).toEqual(LEEDS_CRITERION_QUARTERS_EXACT);
    expect(res.data!.bradford.incidentStats).toEqual(table(CRITERION, [['2025-Q2', [0, 5, 0]]]));
    // Through the all-boards list too: exact is decided board by board.
    const all = await t.gql<{ boards: { code: string; incidentStats: Cell[] }[] }>(
      both,
      '{ boards { code incidentStats(from: "2025-05-15", to: "2026-02-10") { period key count suppressed } } }',
    );
    expect(all.errors).toBeUndefined();
    const byCode = Object.fromEntries(all.data!.boards.map((b) => [b.code, b.incidentStats]));
    expect(byCode.LEEDS).toEqual(LEEDS_CRITERION_QUARTERS_EXACT);
    expect(byCode.BRADFORD).toEqual(table(CRITERION, [['2025-Q2', [0, 5, 0]]]));
  });
});

describe('reviewTimeliness', () => {
  it.each([
    // S1 #0-#5: days 1,4,6,11,14,20 -> even count, median (6 + 11) / 2
    [
      'April 2025',
      '2025-04-01',
      '2025-04-30',
      { decisions: 6, decisionsOnTime: 6, initiated: 6, completed: 0, completedWithinTimescale: 0, medianDaysToDecision: 8.5 },
    ],
    // S1 (6 on time, 05-06 late) + S2 #0-#3 (05-23, 06-02, 06-13 on the due date, 06-20 late): 11 values, 6th is 11
    [
      '2025-Q2',
      '2025-04-01',
      '2025-06-30',
      { decisions: 11, decisionsOnTime: 9, initiated: 7, completed: 0, completedWithinTimescale: 0, medianDaysToDecision: 11 },
    ],
    // S2 #4-#7 decided late on 07-02 (alternative review included); completions 09-30, 10-07 (due date), 12-01 (late), 12-15 (extended)
    [
      'H2 2025',
      '2025-07-01',
      '2025-12-31',
      { decisions: 4, decisionsOnTime: 0, initiated: 4, completed: 4, completedWithinTimescale: 3, medianDaysToDecision: 41 },
    ],
    // S4 #0-#5 on 2026-01-20 (due 01-30); S2 #4 completed 2026-02-10 after its due date 2026-01-02
    [
      '2026-Q1',
      '2026-01-01',
      '2026-03-31',
      { decisions: 6, decisionsOnTime: 6, initiated: 6, completed: 1, completedWithinTimescale: 0, medianDaysToDecision: 11 },
    ],
    [
      '2024 (nothing)',
      '2024-01-01',
      '2024-12-31',
      { decisions: 0, decisionsOnTime: 0, initiated: 0, completed: 0, completedWithinTimescale: 0, medianDaysToDecision: null },
    ],
    ['everything', '2019-04-01', '2026-03-31', LEEDS_TIMELINESS_ALL],
  ])('%s: process figures, never suppressed', async (_name, from, to, expected) => {
    expect(await timeliness(leeds.manager, L, from, to)).toEqual(expected);
  });

  it('the due dates behind "on time" are the hand-computed ones', async () => {
    expect(new Set(s1.map((r) => r.decisionDueOn))).toEqual(new Set(['2025-04-28']));
    expect(new Set(s2.map((r) => r.decisionDueOn))).toEqual(new Set(['2025-06-13']));
    expect(new Set(s4.map((r) => r.decisionDueOn))).toEqual(new Set(['2026-01-30']));
    expect(new Set([...s1, ...s2, ...s4].map((r) => r.kind))).toEqual(new Set(['RAPID_REVIEW']));
  });
});

describe('actionProgress', () => {
  // Only asOf dates from today on: what a past asOf means for an action completed since then is not specified.
  it("counts the board's actions, open ones overdue once asOf is after their due date (default today)", async () => {
    const res = await t.gql<{ board: Record<string, unknown> }>(
      leeds.manager,
      `{ board(code: "LEEDS") {
          now: actionProgress { total completed inProgress overdue impactEvidenced }
          dueDay: actionProgress(asOf: "2027-06-30") { total completed inProgress overdue impactEvidenced }
          dayAfter: actionProgress(asOf: "2027-07-01") { total completed inProgress overdue impactEvidenced }
        } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.board).toEqual({
      // the not-started action due 2026-06-30 is overdue; the completed one due 2026-03-31 is not
      now: { total: 3, completed: 1, inProgress: 1, overdue: ['2026-06-30', '2027-06-30'].filter((due) => due < today).length, impactEvidenced: 1 },
      dueDay: { total: 3, completed: 1, inProgress: 1, overdue: 1, impactEvidenced: 1 }, // due on asOf: not yet overdue
      dayAfter: { total: 3, completed: 1, inProgress: 1, overdue: 2, impactEvidenced: 1 },
    });
  });
});

describe('who may ask', () => {
  const EVERYTHING = `query($code: ID!) { board(code: $code) {
    code
    incidentStats(from: "2025-04-01", to: "2025-06-30") { period key count suppressed }
    themeStats(from: "2025-05-15", to: "2026-02-10") { period key count suppressed }
    reviewTimeliness(from: "2019-04-01", to: "2026-03-31") { ${TIMELINESS_FIELDS} }
    actionProgress(asOf: "2027-01-15") { total completed inProgress overdue impactEvidenced }
  } }`;
  // Counts exact for the board's own manager and chair, suppressed and rounded for everyone else;
  // timeliness and action progress are process figures, the same for everyone.
  const expected = {
    LEEDS: (exact: boolean) => ({
      code: 'LEEDS',
      incidentStats: (exact ? LEEDS_CRITERION_QUARTERS_EXACT : LEEDS_CRITERION_QUARTERS).filter((c) => c.period === '2025-Q2'),
      themeStats: exact ? LEEDS_THEMES_QUARTERS_EXACT : LEEDS_THEMES_QUARTERS,
      reviewTimeliness: LEEDS_TIMELINESS_ALL,
      actionProgress: { total: 3, completed: 1, inProgress: 1, overdue: 1, impactEvidenced: 1 },
    }),
    BRADFORD: (exact: boolean) => ({
      code: 'BRADFORD',
      incidentStats: table(CRITERION, [['2025-Q2', [0, exact ? 6 : 5, 0]]]),
      themeStats: [],
      reviewTimeliness: { decisions: 0, decisionsOnTime: 0, initiated: 0, completed: 0, completedWithinTimescale: 0, medianDaysToDecision: null },
      actionProgress: { total: 0, completed: 0, inProgress: 0, overdue: 0, impactEvidenced: 0 },
    }),
  };

  it.each([
    ['LEEDS manager', () => leeds.manager, 'LEEDS'],
    ['LEEDS chair', () => leeds.chair, 'LEEDS'],
    ['BRADFORD manager', () => bradford.manager, 'BRADFORD'],
    ['CALDERDALE chair', () => calderdale.chair, 'CALDERDALE'],
    ['an analyst', () => t.token({ subject: 'analyst', roles: ['ANALYST'] }), null],
    ['the national panel', () => t.token({ subject: 'panel', roles: ['PANEL'] }), null],
    ['an admin', () => t.token({ subject: 'admin-2', roles: ['ADMIN'] }), null],
  ])('%s reads the statistics of every board (exact only for its own)', async (_who, token, own) => {
    const tok = await token();
    for (const code of ['LEEDS', 'BRADFORD'] as const) {
      const res = await t.gql(tok, EVERYTHING, { code });
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ board: expected[code](code === own) });
    }
  });

  it.each([
    ['incidentStats', '{ board(code: "LEEDS") { incidentStats(from: "2025-01-01", to: "2025-12-31") { count } } }'],
    ['themeStats', '{ board(code: "LEEDS") { themeStats(from: "2025-01-01", to: "2025-12-31") { count } } }'],
    ['reviewTimeliness', '{ board(code: "LEEDS") { reviewTimeliness(from: "2025-01-01", to: "2025-12-31") { decisions } } }'],
    ['actionProgress', '{ board(code: "LEEDS") { actionProgress { total } } }'],
  ])('refuses %s to a reviewer and an agency contributor (FORBIDDEN) and to anonymous callers (UNAUTHENTICATED)', async (_field, query) => {
    // A reviewer appointed to LEEDS reviews and a LEEDS agency's contributor: real principals, still no statistics.
    const reviewer = await t.token({ subject: 'rv-leeds', roles: ['REVIEWER'], reviewer: leedsReviewerId });
    const contributor = await t.token({ subject: 'ac-leeds', roles: ['AGENCY_CONTRIBUTOR'], agency: leedsAgency });
    for (const token of [reviewer, contributor]) {
      const res = await t.gql(token, query);
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(JSON.stringify(res.data ?? null)).not.toMatch(/"count":\d|"decisions":\d|"total":\d/);
    }
    expect(errorCode(await t.gql(undefined, query))).toBe('UNAUTHENTICATED');
  });

  it('still lets a reviewer and a contributor read the board itself', async () => {
    const reviewer = await t.token({ subject: 'rv-leeds', roles: ['REVIEWER'], reviewer: leedsReviewerId });
    const res = await t.gql(reviewer, '{ board(code: "LEEDS") { code } }');
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ board: { code: 'LEEDS' } });
  });
});

describe('bad windows', () => {
  it.each([
    ['incidentStats', (from: string, to: string) => `{ board(code: "LEEDS") { incidentStats(from: ${from}, to: ${to}) { count } } }`],
    [
      'incidentStats by MONTH',
      (from: string, to: string) => `{ board(code: "LEEDS") { incidentStats(from: ${from}, to: ${to}, interval: MONTH, by: SEX) { count } } }`,
    ],
    ['themeStats', (from: string, to: string) => `{ board(code: "LEEDS") { themeStats(from: ${from}, to: ${to}) { count } } }`],
    ['reviewTimeliness', (from: string, to: string) => `{ board(code: "LEEDS") { reviewTimeliness(from: ${from}, to: ${to}) { decisions } } }`],
  ])('%s: from after to, and impossible dates, are BAD_USER_INPUT', async (_field, query) => {
    const analyst = await t.token({ subject: 'analyst', roles: ['ANALYST'] });
    expect(errorCode(await t.gql(analyst, query('"2025-06-02"', '"2025-06-01"')))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(analyst, query('"2025-02-29"', '"2025-06-01"')))).toBe('BAD_USER_INPUT'); // 2025 is no leap year
    expect(errorCode(await t.gql(analyst, query('"2025-01-01"', '"2025-13-01"')))).toBe('BAD_USER_INPUT');
    // the same through variables
    const withVariables = query('$from', '$to').replace('{', 'query($from: Date!, $to: Date!) {');
    expect(errorCode(await t.gql(analyst, withVariables, { from: '2025-06-02', to: '2025-06-01' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(analyst, withVariables, { from: '2025-04-31', to: '2025-06-01' }))).toBe('BAD_USER_INPUT');
  });

  const nextYear = Number(today.slice(0, 4)) + 1;
  it.each([
    ['incidentStats', (w: string) => `{ board(code: "LEEDS") { incidentStats(${w}, interval: MONTH) { count } } }`, true],
    ['themeStats', (w: string) => `{ board(code: "LEEDS") { themeStats(${w}, interval: MONTH) { count } } }`, true],
    ['reviewTimeliness', (w: string) => `{ board(code: "LEEDS") { reviewTimeliness(${w}) { decisions } } }`, false],
  ])(
    '%s: a window starting before 2000, ending after next year, or spanning over 120 periods is BAD_USER_INPUT in plain words',
    async (_field, query, periods) => {
      const refused = async (window: string, message: RegExp) => {
        const res = await t.gql(analyst, query(window));
        expect(errorCode(res)).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0]?.message).toMatch(message);
        expect(res.data?.board ?? null).toBeNull();
      };
      await refused('from: "1999-12-31", to: "2000-06-30"', /start on 2000-01-01 at the earliest/);
      await refused(`from: "2025-01-01", to: "${nextYear + 1}-01-01"`, new RegExp(`end on ${nextYear}-12-31 \\(the end of next year\\) at the latest`));
      // The red team's window: 0001 to 9999 by month.
      await refused('from: "0001-01-01", to: "9999-12-31"', /2000-01-01/);
      // Both edges are allowed.
      expect((await t.gql(analyst, query(`from: "2000-01-01", to: "2000-01-31"`))).errors).toBeUndefined();
      expect((await t.gql(analyst, query(`from: "${nextYear}-12-01", to: "${nextYear}-12-31"`))).errors).toBeUndefined();
      if (periods) {
        await refused('from: "2016-01-01", to: "2026-01-31"', /spans 121 months; at most 120/);
        expect((await t.gql(analyst, query('from: "2016-02-01", to: "2026-01-31"'))).errors).toBeUndefined(); // 120 months
      } else {
        // One figure over the window: no period count, only the bounds.
        expect((await t.gql(analyst, query(`from: "2000-01-01", to: "${nextYear}-12-31"`))).errors).toBeUndefined();
      }
    },
  );

  it('actionProgress: an impossible asOf is BAD_USER_INPUT', async () => {
    const analyst = await t.token({ subject: 'analyst', roles: ['ANALYST'] });
    expect(errorCode(await t.gql(analyst, '{ board(code: "LEEDS") { actionProgress(asOf: "2026-02-30") { total } } }'))).toBe('BAD_USER_INPUT');
  });
});

describe('differencing', () => {
  /*
   * KIRKLEES in 2018 (outside every other window of this file), all CHILD_DIED, counted by ABUSE_TYPE:
   *   2018-Q1: NEGLECT 3, OTHER 2 (two primaries)          -> [0, 0, 0, S, 0, S]
   *   2018-Q2: PHYSICAL 6, NEGLECT 9                        -> [6 -> 5, 0, 0, 9 -> 10, 0, 0]
   *   2018:    PHYSICAL 6, NEGLECT 12, OTHER 2 (lone primary) -> PHYSICAL secondary: [S, 0, 0, 12 -> 10, 0, S]
   * Unrounded, the year's NEGLECT minus Q2's (12 - 9) gives Q1's suppressed 3.
   */
  let kirklees: { manager: string; chair: string };
  beforeAll(async () => {
    kirklees = await boardTokens(t, 'KIRKLEES');
    const died = { board: 'KIRKLEES', criterion: 'CHILD_DIED' as const, children: [kid('UNDER_1', 'MALE', 'WHITE', 'CHILD_IN_NEED')] };
    await load(kirklees, { ...died, n: 3, occurredOn: '2018-02-10', awareOn: '2018-02-12', abuseTypes: ['NEGLECT'] });
    await load(kirklees, { ...died, n: 2, occurredOn: '2018-03-01', awareOn: '2018-03-02', abuseTypes: ['OTHER'] });
    await load(kirklees, { ...died, n: 9, occurredOn: '2018-05-01', awareOn: '2018-05-02', abuseTypes: ['NEGLECT'] });
    await load(kirklees, { ...died, n: 6, occurredOn: '2018-06-01', awareOn: '2018-06-04', abuseTypes: ['PHYSICAL'] });
  }, 60_000);

  const neglect = (cells: Cell[], period: string) => cells.find((c) => c.period === period && c.key === 'NEGLECT')!.count;

  it('the year minus a shown quarter no longer gives the suppressed quarter', async () => {
    const quarters = await incidentStats(analyst, 'KIRKLEES', '2018-01-01', '2018-06-30', 'QUARTER', 'ABUSE_TYPE');
    const year = await incidentStats(analyst, 'KIRKLEES', '2018-01-01', '2018-12-31', 'YEAR', 'ABUSE_TYPE');
    expect(quarters).toEqual(
      table(ABUSE_TYPE, [
        ['2018-Q1', [0, 0, 0, S, 0, S]],
        ['2018-Q2', [5, 0, 0, 10, 0, 0]],
      ]),
    );
    expect(year).toEqual(table(ABUSE_TYPE, [['2018', [S, 0, 0, 10, 0, S]]]));
    expect(neglect(year, '2018')! - neglect(quarters, '2018-Q2')!).toBe(0);
    expect(neglect(year, '2018')! - neglect(quarters, '2018-Q2')!).not.toBe(3);
  });

  it("the same questions answer the board's own manager exactly", async () => {
    expect(await incidentStats(kirklees.manager, 'KIRKLEES', '2018-01-01', '2018-06-30', 'QUARTER', 'ABUSE_TYPE')).toEqual(
      table(ABUSE_TYPE, [
        ['2018-Q1', [0, 0, 0, 3, 0, 2]],
        ['2018-Q2', [6, 0, 0, 9, 0, 0]],
      ]),
    );
    expect(await incidentStats(kirklees.chair, 'KIRKLEES', '2018-01-01', '2018-12-31', 'YEAR', 'ABUSE_TYPE')).toEqual(
      table(ABUSE_TYPE, [['2018', [6, 0, 0, 12, 0, 2]]]),
    );
  });
});

describe('statistics that cannot stall the platform', () => {
  const aliased = (window: string) =>
    `{ board(code: "LEEDS") { ${Array.from({ length: 15 }, (_, i) => `s${i}: incidentStats(${window}, interval: MONTH) { period key count suppressed }`).join(' ')} } }`;

  it('refuses incidentStats aliased 15 times over a wide window at the gateway, before any SQL runs', async () => {
    for (const window of ['from: "2016-02-01", to: "2026-01-31"', 'from: "0001-01-01", to: "9999-12-31"']) {
      const before = t.sqlCount();
      const started = Date.now();
      const res = await t.gql(analyst, aliased(window));
      expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.errors?.[0]?.message).toMatch(/^The query asks for too much at once \(its estimated cost is over \d+\)/);
      expect(res.data).toBeUndefined();
      expect(t.sqlCount()).toBe(before);
      expect(Date.now() - started).toBeLessThan(2_000);
    }
  });

  it('still answers one wide window, and several narrow ones together', async () => {
    const one = await t.gql(analyst, '{ board(code: "LEEDS") { incidentStats(from: "2016-02-01", to: "2026-01-31", interval: MONTH) { count } } }');
    expect(one.errors).toBeUndefined();
    const narrow = await t.gql(
      analyst,
      `{ board(code: "LEEDS") { ${Array.from({ length: 15 }, (_, i) => `s${i}: incidentStats(from: "2025-04-01", to: "2025-06-30") { count }`).join(' ')} } }`,
    );
    expect(narrow.errors).toBeUndefined();
  });
});

describe("the analysts' all-boards query", () => {
  const FIELDS = `code
    incidentStats(from: "2019-04-01", to: "2026-03-31", interval: FINANCIAL_YEAR, by: AGE_BAND) { period key count suppressed }
    themeStats(from: "2019-04-01", to: "2026-03-31") { period key count suppressed }
    reviewTimeliness(from: "2019-04-01", to: "2026-03-31") { ${TIMELINESS_FIELDS} }
    actionProgress { total }`;
  const ALL_BOARDS = `{ boards { ${FIELDS} } }`;
  const ONE_BOARD = `{ board(code: "LEEDS") { ${FIELDS} } }`;
  type BoardStats = {
    code: string;
    incidentStats: Cell[];
    themeStats: Cell[];
    reviewTimeliness: Record<string, number | null>;
    actionProgress: { total: number };
  };
  const NONE = { decisions: 0, decisionsOnTime: 0, initiated: 0, completed: 0, completedWithinTimescale: 0, medianDaysToDecision: null };

  /** One gateway request; answers the boards by code and the SQL statements all subgraphs sent for it. */
  async function allBoards(token: string) {
    const before = t.sqlCount();
    const res = await t.gql<{ boards: BoardStats[] }>(token, ALL_BOARDS);
    const statements = t.sqlCount() - before;
    expect(res.errors).toBeUndefined();
    return { statements, byCode: Object.fromEntries(res.data!.boards.map((b) => [b.code, b])) as Record<string, BoardStats> };
  }

  /** SQL statements for the same statistics of one board only. */
  async function oneBoard(token: string) {
    await t.gql(token, ONE_BOARD);
    const before = t.sqlCount();
    const res = await t.gql<{ board: BoardStats }>(token, ONE_BOARD);
    expect(res.errors).toBeUndefined();
    return { statements: t.sqlCount() - before, stats: res.data!.board };
  }

  it('answers every board in one request, with as many SQL statements for many more records', async () => {
    const analyst = await t.token({ subject: 'analyst', roles: ['ANALYST'] });
    await allBoards(analyst); // warm the principal and directory caches
    const first = await allBoards(analyst);
    // Five boards cost what one board costs: one GROUP BY per question, not one per board.
    const single = await oneBoard(analyst);
    expect(single.stats).toEqual(first.byCode.LEEDS);
    expect(first.statements).toBe(single.statements);
    expect(Object.keys(first.byCode).sort()).toEqual(['BRADFORD', 'CALDERDALE', 'KIRKLEES', 'LEEDS', 'WAKEFIELD']);
    expect(first.byCode.LEEDS).toEqual({
      code: 'LEEDS',
      incidentStats: LEEDS_AGE_BAND_FY,
      themeStats: LEEDS_THEMES_QUARTERS,
      reviewTimeliness: LEEDS_TIMELINESS_ALL,
      actionProgress: { total: 3 },
    });
    expect(first.byCode.BRADFORD).toEqual({
      code: 'BRADFORD',
      incidentStats: table(AGE_BAND, [['2025-26', [0, 5, 0, 0, 0, 0]]]),
      themeStats: [],
      reviewTimeliness: NONE,
      actionProgress: { total: 0 },
    }); // 6
    for (const code of ['CALDERDALE', 'KIRKLEES', 'WAKEFIELD']) {
      expect(first.byCode[code]).toEqual({ code, incidentStats: [], themeStats: [], reviewTimeliness: NONE, actionProgress: { total: 0 } });
    }

    // 50 more incidents over four boards, 6 more decided reviews with themes, an action plan with 2 actions.
    const kirklees = await boardTokens(t, 'KIRKLEES');
    const wakefield = await boardTokens(t, 'WAKEFIELD');
    await load(leeds, {
      board: L,
      n: 12,
      criterion: 'CHILD_SERIOUSLY_HARMED',
      occurredOn: '2024-04-29',
      awareOn: '2024-05-01',
      children: [kid('AGE_1_TO_5', 'FEMALE', 'WHITE', 'CHILD_IN_NEED')],
      abuseTypes: ['PHYSICAL'],
    });
    const calderdaleIds = await load(calderdale, {
      board: 'CALDERDALE',
      n: 8,
      criterion: 'CHILD_DIED',
      occurredOn: '2025-10-08',
      awareOn: '2025-10-10',
      notifiedOn: '2025-10-13',
      notify: 6,
      children: [kid('AGE_6_TO_10', 'MALE', 'MIXED', 'CHILD_IN_NEED')],
      abuseTypes: ['NEGLECT'],
    });
    await load(kirklees, {
      board: 'KIRKLEES',
      n: 20,
      criterion: 'CHILD_SERIOUSLY_HARMED',
      occurredOn: '2024-06-01',
      awareOn: '2024-06-03',
      abuseTypes: ['EMOTIONAL'],
      children: [kid('AGE_16_PLUS', 'MALE', 'WHITE', 'LOOKED_AFTER'), { sex: 'FEMALE', socialCareStatus: 'LOOKED_AFTER' }],
    });
    await load(wakefield, {
      board: 'WAKEFIELD',
      n: 7,
      criterion: 'LOOKED_AFTER_CHILD_DIED',
      abuseOrNeglect: 'NOT_KNOWN',
      occurredOn: '2026-03-30',
      awareOn: '2026-03-31',
      children: [kid('UNDER_1', 'MALE', 'WHITE', 'LOOKED_AFTER')],
      abuseTypes: [],
    });
    await load(wakefield, {
      board: 'WAKEFIELD',
      n: 3,
      criterion: 'LOOKED_AFTER_CHILD_DIED',
      occurredOn: '2026-03-30',
      awareOn: '2026-04-01',
      children: [kid('UNDER_1', 'MALE', 'WHITE', 'LOOKED_AFTER')],
      abuseTypes: [],
    });
    const calderdaleReviews = await reviewsOf(calderdale.manager, calderdaleIds.slice(0, 6));
    for (const review of calderdaleReviews) {
      await decide(calderdale.chair, review.id, 'INITIATE_REVIEW', '2025-10-20');
      await setThemes(calderdale.manager, review.id, ['RACE_AND_CULTURE']);
    }
    const calderdaleAgency = await registerAgency('Calderdale Health', ['CALDERDALE']);
    const planId = await actionPlan(calderdale.manager, at(calderdaleReviews, 0).id);
    await addAction(calderdale.manager, planId, calderdaleAgency, '2026-09-30');
    await addAction(calderdale.manager, planId, calderdaleAgency, '2027-03-31');

    await allBoards(analyst);
    const second = await allBoards(analyst);
    console.log(`all-boards statistics: ${first.statements} SQL statements before, ${second.statements} after 50 more incidents`);
    expect(second.statements).toBe(first.statements);
    expect(first.statements).toBeLessThanOrEqual(12);

    expect(second.byCode.LEEDS).toEqual({
      code: 'LEEDS',
      incidentStats: table(AGE_BAND, [
        ['2023-24', [0, 0, 0, 5, 0, 0]], // 6
        ['2024-25', [S, 10, 0, 0, S, 0]], // + 12 aged 1-5 on 2024-05-01
        ['2025-26', [20, 15, S, 10, S, 0]], // 19, 17, 12
      ]),
      themeStats: LEEDS_THEMES_QUARTERS,
      reviewTimeliness: LEEDS_TIMELINESS_ALL,
      actionProgress: { total: 3 },
    });
    expect(second.byCode.BRADFORD).toEqual(first.byCode.BRADFORD);
    expect(second.byCode.CALDERDALE).toEqual({
      code: 'CALDERDALE',
      incidentStats: table(AGE_BAND, [['2025-26', [0, 0, 10, 0, 0, 0]]]), // 8, notified or not
      themeStats: table(THEMES, [['2025-Q4', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0]]]), // RACE_AND_CULTURE 6
      // notified 2025-10-13, decided 2025-10-20 (due 2025-11-03)
      reviewTimeliness: { decisions: 6, decisionsOnTime: 6, initiated: 6, completed: 0, completedWithinTimescale: 0, medianDaysToDecision: 7 },
      actionProgress: { total: 2 },
    });
    expect(second.byCode.KIRKLEES).toEqual({
      code: 'KIRKLEES',
      incidentStats: table(AGE_BAND, [['2024-25', [0, 0, 0, 0, 20, 20]]]), // 20 incidents x 2 children
      themeStats: [],
      reviewTimeliness: NONE,
      actionProgress: { total: 0 },
    });
    expect(second.byCode.WAKEFIELD).toEqual({
      code: 'WAKEFIELD',
      incidentStats: table(AGE_BAND, [['2025-26', [5, 0, 0, 0, 0, 0]]]), // 7; 2026-04-01 is after the window's financial year
      themeStats: [],
      reviewTimeliness: NONE,
      actionProgress: { total: 0 },
    });
  });
});
