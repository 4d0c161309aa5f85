import { signDevToken } from '@scr/auth';
import { addDays, todayInLondon } from '@scr/calendar';
import type { Config } from '@scr/config';
import { gql } from './graphql-client';

const BOARDS = ['BRADFORD', 'CALDERDALE', 'KIRKLEES', 'LEEDS', 'WAKEFIELD'];
const LOCAL_SECTORS = [
  { suffix: "Children's Social Care", sector: 'CHILDRENS_SOCIAL_CARE' },
  { suffix: 'Health and Care Partnership', sector: 'HEALTH' },
  { suffix: 'Schools and Learning', sector: 'EDUCATION' },
];

const REGISTER_AGENCY = `mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { id } }`;
const REGISTER_REVIEWER = `mutation($input: RegisterReviewerInput!) { registerReviewer(input: $input) { id } }`;
const REPORT = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }`;
const NOTIFY = `mutation($id: ID!, $on: Date!) { recordNotification(incidentId: $id, notifiedOn: $on) { id } }`;

/** Demo cases: fictional children, dates counted back from today so deadlines look alive. */
const CASES = [
  { criterion: 'CHILD_DIED', abuse: 'SUSPECTED', ago: 40, notifyAfter: 3, abuseTypes: ['NEGLECT'], child: { sex: 'MALE', ageBand: 'UNDER_1', status: 'CHILD_IN_NEED', ethnicity: 'WHITE' } },
  { criterion: 'CHILD_SERIOUSLY_HARMED', abuse: 'KNOWN', ago: 25, notifyAfter: 9, abuseTypes: ['PHYSICAL'], child: { sex: 'FEMALE', ageBand: 'AGE_1_TO_5', status: 'CHILD_PROTECTION_PLAN', ethnicity: 'ASIAN_OR_ASIAN_BRITISH' } },
  { criterion: 'LOOKED_AFTER_CHILD_DIED', abuse: 'NOT_KNOWN', ago: 12, notifyAfter: null, abuseTypes: [], child: { sex: 'MALE', ageBand: 'AGE_16_PLUS', status: 'LOOKED_AFTER', ethnicity: 'MIXED' } },
  { criterion: 'CHILD_SERIOUSLY_HARMED', abuse: 'SUSPECTED', ago: 2, notifyAfter: null, abuseTypes: ['EXTRA_FAMILIAL_HARM'], child: { sex: 'FEMALE', ageBand: 'AGE_11_TO_15', status: 'NOT_KNOWN_TO_SOCIAL_CARE', ethnicity: 'BLACK_OR_BLACK_BRITISH' } },
];

/** Loads demo agencies, reviewers and incidents through the public API, once, on an empty platform. */
export async function seedDemoData(config: Config, url: string): Promise<boolean> {
  const admin = await signDevToken(config, { subject: 'demo-admin', roles: ['ADMIN'] });
  const existing = await gql<{ agencies: unknown[] }>(url, admin, '{ agencies { id } }');
  if (existing.agencies.length > 0) return false;

  const police = await gql<{ registerAgency: { id: string } }>(url, admin, REGISTER_AGENCY, {
    input: { name: 'West Yorkshire Police', sector: 'POLICE', boardCodes: BOARDS },
  });
  for (const board of BOARDS) {
    for (const { suffix, sector } of LOCAL_SECTORS) {
      await gql(url, admin, REGISTER_AGENCY, { input: { name: `${title(board)} ${suffix}`, sector, boardCodes: [board] } });
    }
  }
  await gql(url, admin, REGISTER_REVIEWER, {
    input: { name: 'Dr A. Reviewer', qualifications: ['Social work (HCPC)', 'Serious case review training'] },
  });
  await gql(url, admin, REGISTER_REVIEWER, {
    input: { name: 'B. Independent', qualifications: ['Former police detective inspector'], affiliatedAgencyIds: [police.registerAgency.id] },
  });

  const today = todayInLondon();
  let n = 0;
  for (const board of BOARDS) {
    const manager = await signDevToken(config, { subject: `demo-manager-${board.toLowerCase()}`, roles: ['BOARD_MANAGER'], board });
    for (const c of CASES) {
      n += 1;
      const awareOn = addDays(today, -c.ago);
      const { reportIncident } = await gql<{ reportIncident: { id: string } }>(url, manager, REPORT, {
        input: {
          boardCode: board,
          criterion: c.criterion,
          abuseOrNeglect: c.abuse,
          occurredOn: addDays(awareOn, -1),
          awareOn,
          abuseTypes: c.abuseTypes,
          summary: `Demo case ${n}: fictional record for trying the platform.`,
          children: [
            {
              pseudonym: `Child ${String.fromCharCode(64 + ((n - 1) % 26) + 1)}`,
              fullName: `Demo Child ${n}`,
              sex: c.child.sex,
              ageBand: c.child.ageBand,
              ethnicity: c.child.ethnicity,
              socialCareStatus: c.child.status,
            },
          ],
          idempotencyKey: `demo-${board}-${n}`,
        },
      });
      if (c.notifyAfter !== null) {
        await gql(url, manager, NOTIFY, { id: reportIncident.id, on: addDays(awareOn, c.notifyAfter) });
      }
    }
    await seedHistory(url, manager, board, today);
    await gql(url, manager, REPORT, {
      input: {
        boardCode: board,
        criterion: 'CHILD_SERIOUSLY_HARMED',
        abuseOrNeglect: 'NOT_KNOWN',
        referral: true,
        occurredOn: addDays(today, -8),
        awareOn: addDays(today, -7),
        summary: 'Demo referral: below the criteria, for the board to consider a review.',
        children: [{ pseudonym: 'Child R', fullName: 'Demo Referral Child', sex: 'UNKNOWN', socialCareStatus: 'CHILD_IN_NEED' }],
        idempotencyKey: `demo-${board}-referral`,
      },
    });
  }
  return true;
}

const CRITERIA = ['CHILD_SERIOUSLY_HARMED', 'CHILD_SERIOUSLY_HARMED', 'CHILD_DIED', 'LOOKED_AFTER_CHILD_DIED'];
const BANDS = ['UNDER_1', 'UNDER_1', 'AGE_1_TO_5', 'AGE_6_TO_10', 'AGE_11_TO_15', 'AGE_16_PLUS'];
const SEXES = ['FEMALE', 'MALE'];
const ETHNICITIES = ['WHITE', 'WHITE', 'ASIAN_OR_ASIAN_BRITISH', 'MIXED', 'BLACK_OR_BLACK_BRITISH', 'NOT_KNOWN'];
const STATUSES = ['CHILD_IN_NEED', 'CHILD_PROTECTION_PLAN', 'NOT_KNOWN_TO_SOCIAL_CARE', 'LOOKED_AFTER'];
const ABUSE = ['NEGLECT', 'PHYSICAL', 'EMOTIONAL', 'SEXUAL', 'EXTRA_FAMILIAL_HARM'];
const HISTORY_PER_BOARD = 30;

/** Earlier notified incidents spread over two years, so statistics show counts above the suppression threshold. */
async function seedHistory(url: string, token: string, board: string, today: string) {
  const pick = <T>(list: T[], n: number) => list[n % list.length];
  for (let i = 0; i < HISTORY_PER_BOARD; i++) {
    const seed = i * 7 + board.length;
    const awareOn = addDays(today, -(60 + ((i * 23) % 700)));
    const { reportIncident } = await gql<{ reportIncident: { id: string } }>(url, token, REPORT, {
      input: {
        boardCode: board,
        criterion: pick(CRITERIA, seed),
        abuseOrNeglect: i % 3 ? 'SUSPECTED' : 'KNOWN',
        occurredOn: addDays(awareOn, -2),
        awareOn,
        abuseTypes: [pick(ABUSE, seed), pick(ABUSE, seed + 2)],
        children: [
          {
            pseudonym: `Child H${i + 1}`,
            fullName: `Demo History Child ${board} ${i + 1}`,
            sex: pick(SEXES, seed),
            ageBand: pick(BANDS, seed),
            ethnicity: pick(ETHNICITIES, seed),
            socialCareStatus: pick(STATUSES, seed),
          },
        ],
        idempotencyKey: `demo-${board}-history-${i}`,
      },
    });
    await gql(url, token, NOTIFY, { id: reportIncident.id, on: addDays(awareOn, 2 + (i % 6)) });
  }
}

const title = (code: string) => code.charAt(0) + code.slice(1).toLowerCase();
