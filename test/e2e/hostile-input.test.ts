/**
 * Hostile input through the gateway, property-based (fast-check).
 *
 * Every answer, whatever was sent, must:
 * - never be HTTP 5xx, and the gateway keeps answering (`{ boards { code } }` afterwards);
 * - carry, on every error, an `extensions.code` from DOMAIN.md's list, and nothing
 *   but `code` and `field` in `extensions`;
 * - carry no stack trace, SQL text, driver code or raw subgraph response
 *   (checked after removing the caller's own input, which messages may quote);
 * - hold no record of another board (cross-board properties search the JSON for
 *   LEEDS's ids, references, child names and texts);
 * - when refused, change nothing in any subgraph database but the audit trail
 *   (`audit_events`, the directory's `audit_event_targets`, and `outbox_events`, through which the audit ships): every other
 *   table's row count and a checksum of all its rows, and the list of tables, are
 *   compared before and after the call.
 * Accepted calls whose text carries injection strings must round-trip the text
 * unchanged (after the trim every text field gets) and leave every table in place.
 *
 * Operations and their argument leaves are read from the gateway's own schema
 * (introspection), so every string argument of every operation is covered.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  print,
  type DirectiveNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type ValueNode,
  type GraphQLEnumType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { addDays, todayInLondon } from '@scr/calendar';
import { logger } from '@scr/observability';
import { at, boardTokens, DOMAIN_ERROR_CODES, incidentInput, mutate, notifiedCase, startTestPlatform, type TestPlatform } from '@scr/testing';

// ------------------------------------------------------------------ limits of the run

/** Runs per property: bounded so the whole file stays under ~2 minutes on MySQL. */
const RUNS = {
  malformedBodies: 150,
  oversizedBodies: 12,
  wrongTypes: 150,
  hostileStrings: 250, // plus one example per string leaf of every operation (see below)
  oddIds: 40, // plus four examples per id leaf
  textLengths: 60,
  listTextLengths: 15,
  unknownEnums: 80,
  impossibleDates: 100,
  otherBoardsIds: 150,
  deepAndAliasFlood: 60,
  deepJsonVariables: 20,
  fanOut: 8,
  shapes: 80,
  shapeAttacks: 25,
  longClaims: 40,
  claimVariants: 40,
  roundTrip: 30,
  idempotencyKeys: 12,
} as const;
/**
 * Each property runs exactly its number of runs however slow the machine is: a time budget made a
 * loaded CI machine fail properties that had found nothing ("interrupted after 116 tests").
 * HANG_GUARD_MS only catches a request that never answers.
 */
const HANG_GUARD_MS = 30 * 60_000;
/**
 * The gateway answers every request within its own deadline (15 s, GATEWAY_REQUEST_DEADLINE_MS); a request
 * still unanswered after this found a hung connection or process, reported as such rather than waiting out
 * undici's or Node's five-minute timeouts. (One CI run's file took 1,115 s instead of about two minutes and
 * ended in "read ECONNRESET" on the follow-up query; five-minute waits would account for the time.)
 */
const ANSWER_DEADLINE_MS = 60_000;
/** HOSTILE_SEED replays a reported failure (with -t to pick the property). */
const fcOptions = (numRuns: number) => ({
  // HOSTILE_RUNS_FACTOR=5 searches five times as long (a local deep run).
  numRuns: Math.max(1, Math.round(numRuns * Number(process.env.HOSTILE_RUNS_FACTOR ?? 1))),
  verbose: 1 as const,
  ...(process.env.HOSTILE_SEED ? { seed: Number(process.env.HOSTILE_SEED) } : {}),
});

// ------------------------------------------------------------------ what DOMAIN.md allows

const ALLOWED_CODES = new Set<string>(DOMAIN_ERROR_CODES);
const MAX_TEXT = 20_000;
const ONE_MIB = 1_048_576;

/** What an answer must never show once the caller's own input is removed from it. */
const LEAK_PATTERNS: [string, RegExp][] = [
  ['a stack trace', /stack\s*trace|"stack"\s*:/i],
  ['a stack line', /(?:\n|\\n)\s*at |\bat (?:async )?[\w$.<>[\]]+ \([^)]*:\d+:\d+\)|\((?:\/|node:|file:)[^)]*:\d+:\d+\)/],
  ['a source path', /node_modules|[\w/-]+\.(?:ts|js|cjs|mjs):\d+/],
  ['SQL text', /\bSELECT\b|\bINSERT INTO\b|\bDELETE FROM\b|\bUPDATE [`"]|\b(?:FROM|INTO|WHERE) [`"]/],
  ['a driver error', /\bER_[A-Z0-9_]{3,}|\bSQLITE_[A-Z_]+|QueryFailedError|TypeORMError|EntityNotFound|sqlMessage|sqlState|\berrno\b/],
  ['a JavaScript error', /RangeError|TypeError|ReferenceError|Maximum call stack|SyntaxError:/],
  ['an internal address or raw subgraph response', /127\.0\.0\.1|localhost:\d+|\/internal\/|ECONNREFUSED|ECONNRESET|socket hang up|"response"\s*:\s*\{/i],
];

// ------------------------------------------------------------------ hostile values

const SQL_INJECTIONS = [
  "' OR 1=1 --",
  "' OR '1'='1",
  '" OR ""="',
  '"; DROP TABLE incidents; --',
  "'); DROP TABLE incidents; --",
  "'; DROP TABLE reviews; --",
  '1; DELETE FROM action_plans',
  "' UNION SELECT id, full_name FROM incident_children --",
  "x' OR board_code <> 'LEEDS",
  "LEEDS' OR board_code = 'BRADFORD' --",
  "1' AND SLEEP(5) --",
  "'; SELECT pg_sleep(5); --",
  '`; DROP DATABASE `scr',
  "admin'--",
  "\\' OR 1=1 #",
  "%' OR 'x' LIKE '%",
  '%',
  '_',
  '\\',
  "'",
  '"',
  "';\u0000--",
  '{"$gt": ""}',
  '1 OR 1=1',
];
const SCRIPT_INJECTIONS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "javascript:alert('x')",
  '<svg/onload=alert(1)>',
  '{{7*7}}',
  '${7*7}',
  '<!--',
  ']]>',
  '__proto__',
  'constructor',
  '../../../../etc/passwd',
  '%00%0d%0a',
  '\r\nX-Injected: 1',
  '%s%s%s%n',
  'null',
  'undefined',
  '[object Object]',
  '\u202e\ufeff\u200b',
  '😀👶🏽‍',
];
const INJECTIONS = [...SQL_INJECTIONS, ...SCRIPT_INJECTIONS];

const injectionArb = fc.constantFrom(...INJECTIONS);
/** Text a caller may legitimately store: non-blank, valid Unicode, shortish, often an injection string. */
const injectionTextArb = (maxLength = 90) =>
  fc
    .oneof(
      { weight: 4, arbitrary: injectionArb },
      { weight: 2, arbitrary: fc.tuple(fc.string({ maxLength: 10 }), injectionArb, fc.string({ maxLength: 10 })).map(([a, b, c]) => `${a}${b}${c}`) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }) },
    )
    .map((s) => s.slice(0, maxLength))
    .filter((s) => s.trim() !== '' && !hasLoneSurrogate(s));

const cursorOf = (s: string) => Buffer.from(`c:${s}`, 'utf8').toString('base64url');
const longString = (n: number, unit: string) => {
  const s = unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  return /[\ud800-\udbff]$/.test(s) ? `${s.slice(0, -1)}x` : s;
};

/** Anything at all for a string argument: injections, cursors that decode to injections, odd Unicode, huge text. */
const hostileStringArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: injectionArb },
  { weight: 2, arbitrary: fc.tuple(fc.string({ maxLength: 8 }), injectionArb, fc.string({ maxLength: 8 })).map(([a, b, c]) => `${a}${b}${c}`) },
  { weight: 2, arbitrary: injectionArb.map(cursorOf) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', '\u0000', '\u0085', '\u2028', '\ufffe'), maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t\n') },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: MAX_TEXT + 1, max: 60_000 }), fc.constantFrom('a', "'", '😀', '<', '\\')).map(([n, c]) => longString(n, c)),
  },
);

const IMPOSSIBLE_DATES = [
  '2026-02-30',
  '2026-02-29',
  '2026-13-01',
  '2026-00-10',
  '2026-04-31',
  '2026-01-32',
  '2026-1-1',
  '26-01-01',
  '2026/01/01',
  '01/02/2026',
  '2026-01-01T00:00:00Z',
  '2026-01-01 ',
  ' 2026-01-01',
  '+002026-01-01',
  '0000-00-00',
  '0000-01-01', // no year zero (a statistics window from it was answered, CI 2026-12-01)
  'yesterday',
  'today',
  'now',
  'tomorrow',
  '',
  'NaN',
  "2026-01-01' OR 1=1 --",
  '2026-01-01T25:00:00Z',
  '2026-02-30T12:00:00.000Z',
  '2026-01-01T12:00:00',
  '2026-01-01T23:59:60Z',
  '2026-01-01T12:00:00.000+25:00',
];
const impossibleDateArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...IMPOSSIBLE_DATES) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
      .filter(([y, m, d]) => !isRealDate(y, m, d))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(20260101), fc.constant(1767225600000), fc.double({ noNaN: true, noDefaultInfinity: true })) },
  { weight: 1, arbitrary: fc.constantFrom(true, false, [], ['2026-01-01'], {}, { year: 2026, month: 1, day: 1 }) },
);

function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const days = at([31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], m - 1);
  return d <= days;
}

function hasLoneSurrogate(s: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

// ------------------------------------------------------------------ the platform and its fixtures

let t: TestPlatform;
let url: string;
let schema: GraphQLSchema;
let ops: Op[];
const today = todayInLondon();
const PARTNERS = ['CHILDRENS_SOCIAL_CARE', 'HEALTH', 'POLICE'];

interface Caller {
  name: string;
  token?: string;
  board?: string;
}
const callers: Record<string, Caller> = {};
// Every caller the tests name is set up in beforeAll; a missing one is a broken fixture, not a finding.
function callerOf(name: string): Caller {
  const c = callers[name];
  if (!c) throw new Error(`no caller ${name} set up`);
  return c;
}
/**
 * LEEDS's records. A, B and D are the secrets other boards must never see: no property writes to
 * them. W is where hostile writes go; records a write uses up are in `slots`.
 */
const fx = {
  leedsAgency: '',
  leedsAgency2: '',
  bradfordAgency: '',
  reviewer1: '',
  reviewer2: '',
  outsideReviewer: '',
  A: { incident: '', incidentRef: '', review: '', reviewRef: '', plan: '', action: '', ir: '', ir2: '', notifiedOn: '' },
  W: { incident: '', incidentRef: '', review: '', reviewRef: '', plan: '', action: '', ir: '', ir2: '', notifiedOn: '' },
  B: { incident: '', incidentRef: '', review: '', reviewRef: '', pc: '' },
  D: { incident: '', incidentRef: '', review: '', reviewRef: '' },
  /** A published LEEDS review: publishedReviews lists it to anyone. */
  P: { review: '', reviewRef: '' },
};
/** Texts stored on LEEDS's case A: none may appear in an answer to another board. */
const MARK = {
  fullName: 'Peregrine Zanzibar-Quill',
  pseudonym: 'Child PZQ-7731',
  summary: 'Secret summary 7f3e9c: found at home by a neighbour',
  methodology: 'Secret method 41b7',
  findings: 'Secret findings c0ffee-5a1e',
  action: 'Secret action 9d2b: weekly visits',
};

async function gqlData<T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return mutate<T>(t, token, query, variables);
}

async function setUp(): Promise<void> {
  t = await startTestPlatform({
    env: { RATE_LIMIT_PER_PRINCIPAL_PER_MINUTE: '100000', RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100000' },
  });
  url = `http://127.0.0.1:${t.platform.gateway.port}/graphql`;

  const admin = await t.token({ subject: 'admin', roles: ['ADMIN'] });
  callers.admin = { name: 'admin', token: admin };
  callers.anonymous = { name: 'anonymous' };
  callers.analyst = { name: 'analyst', token: await t.token({ subject: 'analyst', roles: ['ANALYST'] }) };
  callers.panel = { name: 'panel', token: await t.token({ subject: 'panel', roles: ['PANEL'] }) };
  for (const board of ['BRADFORD', 'CALDERDALE', 'KIRKLEES', 'LEEDS', 'WAKEFIELD']) {
    const { manager, chair } = await boardTokens(t, board);
    callers[`${board}.manager`] = { name: `${board} manager`, token: manager, board };
    callers[`${board}.chair`] = { name: `${board} chair`, token: chair, board };
  }
  const leedsManager = callerOf('LEEDS.manager').token!;
  const leedsChair = callerOf('LEEDS.chair').token!;

  const agency = async (name: string, boards: string[]) =>
    (
      await gqlData<{ registerAgency: { id: string } }>(admin, 'mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { id } }', {
        i: { name, sector: 'HEALTH', boardCodes: boards },
      })
    ).registerAgency.id;
  const reviewer = async (name: string) =>
    (
      await gqlData<{ registerReviewer: { id: string } }>(admin, 'mutation($i: RegisterReviewerInput!) { registerReviewer(input: $i) { id } }', {
        i: { name, qualifications: ['Social work'] },
      })
    ).registerReviewer.id;
  fx.leedsAgency = await agency('Leeds Community Health (hostile suite)', ['LEEDS']);
  fx.leedsAgency2 = await agency('Leeds Police Division (hostile suite)', ['LEEDS']);
  fx.bradfordAgency = await agency('Bradford District Care (hostile suite)', ['BRADFORD']);
  fx.reviewer1 = await reviewer('Reviewer One');
  fx.reviewer2 = await reviewer('Reviewer Two');
  fx.outsideReviewer = await reviewer('Outside Reviewer');
  callers['LEEDS.contributor'] = {
    name: 'LEEDS agency contributor',
    token: await t.token({ subject: 'leeds-health', roles: ['AGENCY_CONTRIBUTOR'], agency: fx.leedsAgency }),
  };
  callers['BRADFORD.contributor'] = {
    name: 'BRADFORD agency contributor',
    token: await t.token({ subject: 'bradford-care', roles: ['AGENCY_CONTRIBUTOR'], agency: fx.bradfordAgency }),
  };
  callers['LEEDS.reviewer'] = {
    name: 'reviewer appointed to LEEDS case A',
    token: await t.token({ subject: 'reviewer-one', roles: ['REVIEWER'], reviewer: fx.reviewer1 }),
  };
  callers.outsideReviewer = {
    name: 'reviewer of no LEEDS case',
    token: await t.token({ subject: 'outside-reviewer', roles: ['REVIEWER'], reviewer: fx.outsideReviewer }),
  };
  // Tokens combining roles: each record is read only as a role that reaches it would read it.
  callers['LEEDS.contributor+BRADFORD.manager'] = {
    name: "LEEDS agency's contributor who is also BRADFORD's manager",
    token: await t.token({ subject: 'multi-ac-bm', roles: ['AGENCY_CONTRIBUTOR', 'BOARD_MANAGER'], agency: fx.leedsAgency, board: 'BRADFORD' }),
  };
  callers['LEEDS.reviewer+BRADFORD.chair'] = {
    name: "LEEDS case A's reviewer who is also BRADFORD's chair",
    token: await t.token({ subject: 'multi-rv-bc', roles: ['REVIEWER', 'BOARD_CHAIR'], reviewer: fx.reviewer1, board: 'BRADFORD' }),
  };

  const decide = (reviewId: string) =>
    gqlData(leedsChair, 'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }', {
      i: { reviewId, outcome: 'INITIATE_REVIEW', criteriaMet: true, partnersAgreed: PARTNERS, rationale: 'Criteria met.', decidedOn: today },
    });
  const appoint = (reviewId: string, reviewerId: string) =>
    gqlData(leedsManager, 'mutation($i: AppointReviewerInput!) { appointReviewer(input: $i) { id } }', {
      i: { reviewId, reviewerId, lead: true, appointedOn: today, independenceStatement: 'Independent of the board and agencies.' },
    });
  const requestInformation = async (reviewId: string) =>
    (
      await gqlData<{ requestInformation: { id: string } }>(leedsManager, 'mutation($i: RequestInformationInput!) { requestInformation(input: $i) { id } }', {
        i: { reviewId, agencyId: fx.leedsAgency, purpose: 'Chronology', necessity: 'Needed', proportionality: 'Limited to 2025', dueOn: addDays(today, 30) },
      })
    ).requestInformation.id;

  /** An initiated review with a method, a lead, an involved agency, two information requests, findings, and a plan with an action. */
  const fullCase = async (texts: { summary: string; pseudonym: string; fullName: string; methodology: string; findings: string; action: string }) => {
    const c = await notifiedCase(t, leedsManager, 'LEEDS', {
      summary: texts.summary,
      children: [{ pseudonym: texts.pseudonym, fullName: texts.fullName, dateOfBirth: addDays(today, -900), sex: 'MALE', socialCareStatus: 'CHILD_IN_NEED' }],
    });
    await decide(c.review.id);
    await gqlData(leedsManager, 'mutation($i: SetMethodologyInput!) { setMethodology(input: $i) { id } }', {
      i: { reviewId: c.review.id, name: texts.methodology, dataCollection: 'Interviews', analysis: 'Systems' },
    });
    await appoint(c.review.id, fx.reviewer1);
    await gqlData(leedsManager, 'mutation($i: InvolveAgencyInput!) { involveAgency(input: $i) { id } }', {
      i: { reviewId: c.review.id, agencyId: fx.leedsAgency },
    });
    const ir = await requestInformation(c.review.id);
    const ir2 = await requestInformation(c.review.id);
    await gqlData(leedsManager, 'mutation($i: RecordFindingsInput!) { recordFindings(input: $i) { id } }', {
      i: { reviewId: c.review.id, findings: texts.findings },
    });
    const plan = (
      await gqlData<{ createActionPlan: { id: string } }>(leedsManager, `mutation { createActionPlan(input: { reviewId: "${c.review.id}" }) { id } }`)
    ).createActionPlan.id;
    const action = (
      await gqlData<{ addAction: { id: string } }>(leedsManager, 'mutation($i: AddActionInput!) { addAction(input: $i) { id } }', {
        i: {
          actionPlanId: plan,
          recommendation: 'Share information',
          description: texts.action,
          ownerAgencyId: fx.leedsAgency,
          dueOn: addDays(today, 60),
          successCriteria: ['Audit'],
        },
      })
    ).addAction.id;
    return {
      incident: c.incident.id,
      incidentRef: c.incident.reference,
      review: c.review.id,
      reviewRef: c.review.reference as string,
      plan,
      action,
      ir,
      ir2,
      notifiedOn: c.notifiedOn,
    };
  };

  // Case A: the secret one, never written to by the properties.
  fx.A = await fullCase(MARK);
  // Case W: the workbench the hostile writes go to (texts, methods, findings, actions...).
  fx.W = await fullCase({
    summary: 'Workbench',
    pseudonym: 'Child W',
    fullName: 'Wendy Workbench',
    methodology: 'SILP',
    findings: 'Interim findings.',
    action: 'Weekly visits',
  });

  // Case B: a review whose chair asked KIRKLEES for a peer challenge.
  const b = await notifiedCase(t, leedsManager, 'LEEDS');
  await decide(b.review.id);
  const pc = (
    await gqlData<{ requestPeerChallenge: { id: string } }>(leedsChair, 'mutation($i: RequestPeerChallengeInput!) { requestPeerChallenge(input: $i) { id } }', {
      i: {
        reviewId: b.review.id,
        challengerBoardCode: 'KIRKLEES',
        question: 'Was the decision sound?',
        accessUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      },
    })
  ).requestPeerChallenge.id;
  fx.B = { incident: b.incident.id, incidentRef: b.incident.reference, review: b.review.id, reviewRef: b.review.reference as string, pc };

  // Case D: a review awaiting its decision.
  const d = await notifiedCase(t, leedsManager, 'LEEDS');
  fx.D = { incident: d.incident.id, incidentRef: d.incident.reference, review: d.review.id, reviewRef: d.review.reference as string };

  // Case P: published, its dates spaced so every publication rule is met.
  const p = await notifiedCase(t, leedsManager, 'LEEDS', {}, 40);
  await gqlData(leedsChair, 'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }', {
    i: {
      reviewId: p.review.id,
      outcome: 'INITIATE_REVIEW',
      criteriaMet: true,
      partnersAgreed: PARTNERS,
      rationale: 'Criteria met.',
      decidedOn: addDays(today, -35),
    },
  });
  await gqlData(leedsManager, 'mutation($i: AppointReviewerInput!) { appointReviewer(input: $i) { id } }', {
    i: {
      reviewId: p.review.id,
      reviewerId: fx.reviewer2,
      lead: true,
      appointedOn: addDays(today, -35),
      independenceStatement: 'Independent of the board and agencies.',
    },
  });
  await gqlData(leedsManager, 'mutation($i: SetMethodologyInput!) { setMethodology(input: $i) { id } }', {
    i: { reviewId: p.review.id, name: 'SILP', dataCollection: 'Interviews', analysis: 'Systems' },
  });
  await gqlData(leedsManager, 'mutation($i: CompleteReviewInput!) { completeReview(input: $i) { id } }', {
    i: { reviewId: p.review.id, completedOn: addDays(today, -25), findings: 'Published case findings.' },
  });
  await gqlData(leedsChair, 'mutation($i: PublishReviewInput!) { publishReview(input: $i) { id } }', {
    i: {
      reviewId: p.review.id,
      url: 'https://example.org/reports/leeds-p.pdf',
      sentToPanelOn: addDays(today, -20),
      publishedOn: today,
      plainEnglishSummary: 'Agencies must share information sooner.',
      welfareImpactConsidered: true,
      dataProtectionChecked: true,
      courtRestrictionsChecked: true,
    },
  });
  fx.P = { review: p.review.id, reviewRef: p.review.reference as string };

  schema = await servedSchema(admin);
  ops = operationsOf(schema);
  await settle();
}

// ------------------------------------------------------------------ operations, read from the schema

/** The schema the gateway serves (introspection), or the committed public schema if introspection is refused. */
async function servedSchema(token: string): Promise<GraphQLSchema> {
  const answer = await gql(token, getIntrospectionQuery());
  if (answer.json?.data?.__schema) return buildClientSchema(answer.json.data as IntrospectionQuery);
  return buildSchema(fs.readFileSync(path.join(__dirname, '..', '..', 'gateway', 'schema.graphql'), 'utf8'));
}

interface Op {
  /** "Mutation.reportIncident", "Query.incidents", or "Board.incidentStats" (asked through `board(code: "LEEDS")`). */
  label: string;
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  /** The top-level field of the answer's data. */
  dataField: string;
  wrap?: (inner: string) => string;
  selection: string;
}

interface Leaf {
  /** Path from the argument: ["input", "children", 0, "pseudonym"]. */
  path: (string | number)[];
  type: GraphQLNamedType;
  name: string;
  inList: boolean;
}

function operationsOf(s: GraphQLSchema): Op[] {
  const result: Op[] = [];
  for (const [kind, root] of [
    ['query', s.getQueryType()],
    ['mutation', s.getMutationType()],
  ] as const) {
    for (const field of Object.values(root!.getFields())) {
      if (field.name.startsWith('__') || field.name === '_service' || field.name === '_entities') continue;
      result.push({ label: `${root!.name}.${field.name}`, kind, field, dataField: field.name, selection: selectionOf(field.type, 3) ?? '' });
    }
  }
  // Fields with arguments below the root: Board's statistics, asked for LEEDS.
  const board = s.getType('Board') as GraphQLObjectType;
  for (const field of Object.values(board.getFields())) {
    if (!field.args.length) continue;
    result.push({
      label: `Board.${field.name}`,
      kind: 'query',
      field,
      dataField: 'board',
      wrap: (inner) => `board(code: "LEEDS") { ${inner} }`,
      selection: selectionOf(field.type, 2) ?? '',
    });
  }
  return result;
}

/** Every field without required arguments, `depth` levels down. */
function selectionOf(type: GraphQLOutputType, depth: number): string | null {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (depth === 0 || !isObjectType(named)) return isObjectType(named) ? null : '__typename';
  const parts: string[] = [];
  for (const field of Object.values(named.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const sub = selectionOf(field.type, depth - 1);
    if (sub === null) continue;
    parts.push(sub === '' ? field.name : `${field.name} { ${sub} }`);
  }
  return parts.length ? parts.join(' ') : null;
}

function leavesOf(op: Op): Leaf[] {
  const out: Leaf[] = [];
  const walk = (type: GraphQLInputType, path: (string | number)[], name: string, inList: boolean, depth: number) => {
    if (isNonNullType(type)) return walk(type.ofType, path, name, inList, depth);
    if (isListType(type)) return walk(type.ofType, [...path, 0], name, true, depth);
    if (isInputObjectType(type)) {
      if (depth > 4) return;
      for (const f of Object.values(type.getFields())) walk(f.type, [...path, f.name], f.name, inList, depth + 1);
      return;
    }
    out.push({ path, type: type as GraphQLNamedType, name, inList });
  };
  for (const arg of op.field.args) walk(arg.type, [arg.name], arg.name, false, 0);
  return out;
}

const isStringLike = (leaf: Leaf) => ['String', 'ID', 'Date', 'DateTime'].includes(leaf.type.name);
const isDateLike = (leaf: Leaf) => ['Date', 'DateTime'].includes(leaf.type.name);
const isText = (leaf: Leaf) => leaf.type.name === 'String' && !['after', 'idempotencyKey', 'url'].includes(leaf.name);

/** Which caller can reach deepest into an operation (its permission row in DOMAIN.md). */
function bestCaller(op: Op): Caller {
  const name = op.field.name;
  if (['registerAgency', 'registerReviewer', 'updateBoard', 'panelWebhookDeliveries', 'retryPanelWebhookDelivery', 'auditEvents'].includes(name))
    return callerOf('admin');
  if (name === 'panelNotifications') return callerOf('panel');
  if (name === 'respondToPeerChallenge') return callerOf('KIRKLEES.chair');
  if (name === 'respondToInformationRequest') return callerOf('LEEDS.contributor');
  return callerOf('LEEDS.chair');
}

/** Valid arguments for the operation (so a hostile leaf is what decides), for the caller's own board. */
async function baseArgs(op: Op, caller: Caller): Promise<Record<string, unknown>> {
  const board = caller.board ?? 'LEEDS';
  const A = fx.A;
  const W = fx.W;
  const inDays = (n: number) => addDays(today, n);
  switch (op.label) {
    case 'Query.incident':
      return { id: A.incident };
    case 'Query.review':
      return { id: A.review };
    case 'Query.actionPlan':
      return { id: A.plan };
    case 'Query.agency':
      return { id: fx.leedsAgency };
    case 'Query.board':
      return { code: board };
    case 'Query.informationRequests':
      return { filter: { reviewId: A.review } };
    case 'Mutation.reportIncident':
      return { input: incidentInput(board) };
    case 'Mutation.correctIncident':
      return { input: { incidentId: W.incident, expectedVersion: await incidentVersion(), summary: 'Corrected by the hostile-input suite.' } };
    case 'Mutation.recordNotification':
      return { incidentId: W.incident, notifiedOn: W.notifiedOn };
    case 'Mutation.recordDecision':
      return {
        input: {
          reviewId: await slot('awaitingDecision'),
          outcome: 'INITIATE_REVIEW',
          criteriaMet: true,
          partnersAgreed: PARTNERS,
          rationale: 'Criteria met.',
          decidedOn: today,
        },
      };
    case 'Mutation.requestPeerChallenge':
      return {
        input: {
          reviewId: fx.B.review,
          challengerBoardCode: 'KIRKLEES',
          question: 'Was the decision sound?',
          accessUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        },
      };
    case 'Mutation.respondToPeerChallenge':
      return { input: { peerChallengeId: await slot('challengeToAnswer'), response: 'The decision was sound.' } };
    case 'Mutation.revokePeerChallenge':
      return { peerChallengeId: await slot('challengeToRevoke') };
    case 'Mutation.setMethodology':
      return { input: { reviewId: W.review, name: 'SILP', dataCollection: 'Interviews', analysis: 'Systems' } };
    case 'Mutation.appointReviewer':
      return { input: { reviewId: W.review, reviewerId: fx.reviewer2, lead: false, appointedOn: today, independenceStatement: 'Independent.' } };
    case 'Mutation.involveAgency':
      return { input: { reviewId: W.review, agencyId: fx.leedsAgency2 } };
    case 'Mutation.requestInformation':
      return {
        input: { reviewId: W.review, agencyId: fx.leedsAgency, purpose: 'Chronology', necessity: 'Needed', proportionality: 'Limited', dueOn: inDays(30) },
      };
    case 'Mutation.respondToInformationRequest':
      return { input: { informationRequestId: await slot('requestToAnswer'), response: 'Records attached.' } };
    case 'Mutation.withdrawInformationRequest':
      return { input: { informationRequestId: await slot('requestToWithdraw'), reason: 'No longer needed.' } };
    case 'Mutation.extendTimescale':
      return {
        input: { reviewId: await slot('toComplete'), reason: 'Criminal trial', completionDueOn: inDays(400), interimLearning: ['Share concerns earlier'] },
      };
    case 'Mutation.linkParallelProcess':
      return { input: { reviewId: W.review, kind: 'CORONER_INQUEST', reference: 'INQ-2026-1', leadOrganisation: 'HM Coroner' } };
    case 'Mutation.recordFamilyEngagement':
      return { input: { reviewId: W.review, participant: 'Mother', engagedOn: today, contributed: true, note: 'Met at home.' } };
    case 'Mutation.setThemes':
      return { input: { reviewId: W.review, themes: ['NEGLECT'] } };
    case 'Mutation.recordFindings':
      return { input: { reviewId: W.review, findings: 'Interim findings.' } };
    case 'Mutation.completeReview':
      return { input: { reviewId: await slot('toComplete'), completedOn: today, findings: 'Final findings.' } };
    case 'Mutation.publishReview':
      return {
        input: {
          reviewId: await slot('toPublish'),
          url: 'https://example.org/review.pdf',
          sentToPanelOn: inDays(-21),
          publishedOn: today,
          plainEnglishSummary: 'What the partners learnt.',
          welfareImpactConsidered: true,
          dataProtectionChecked: true,
          courtRestrictionsChecked: true,
        },
      };
    case 'Mutation.closeReview':
      return { reviewId: await slot('toClose') };
    case 'Mutation.createActionPlan':
      return { input: { reviewId: W.review } };
    case 'Mutation.addAction':
      return {
        input: {
          actionPlanId: W.plan,
          recommendation: 'Share information',
          description: 'Weekly visits',
          ownerAgencyId: fx.leedsAgency,
          dueOn: inDays(60),
          successCriteria: ['Audit'],
        },
      };
    case 'Mutation.updateAction':
      return { input: { actionId: W.action, status: 'IN_PROGRESS', note: 'Started.', expectedVersion: await actionVersion() } };
    case 'Mutation.assessImpact':
      // Impact is assessed only on a completed action.
      return { input: { actionId: await slot('completedAction'), rating: 'PARTIAL', evidence: 'Audit results.', assessedOn: today } };
    case 'Mutation.recordProgrammeAudit':
      return { input: { actionPlanId: W.plan, auditedOn: today, findings: 'Audit findings.' } };
    case 'Mutation.registerAgency':
      return { input: { name: 'Agency (hostile suite)', sector: 'HEALTH', boardCodes: ['LEEDS'] } };
    case 'Mutation.registerReviewer':
      return { input: { name: 'Reviewer (hostile suite)', qualifications: ['Social work'] } };
    case 'Mutation.updateBoard':
      return { input: { code: 'WAKEFIELD', name: 'Wakefield Safeguarding Children Partnership' } };
    case 'Board.incidentStats':
    case 'Board.themeStats':
    case 'Board.reviewTimeliness':
      return { from: inDays(-365), to: today };
    case 'Board.annualReport': {
      const start = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) >= 4 ? 0 : 1);
      return { financialYear: `${start}-${String((start + 1) % 100).padStart(2, '0')}` };
    }
    default: {
      // Anything new in the schema: its required arguments, filled generically.
      const args: Record<string, unknown> = {};
      for (const arg of op.field.args) if (isNonNullType(arg.type) && arg.defaultValue === undefined) args[arg.name] = defaultFor(arg.type, arg.name);
      return args;
    }
  }
}

function defaultFor(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return defaultFor(type.ofType, name);
  if (isListType(type)) return [defaultFor(type.ofType, name)];
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) if (isNonNullType(f.type) && f.defaultValue === undefined) value[f.name] = defaultFor(f.type, f.name);
    return value;
  }
  if (isEnumType(type)) return at(type.getValues(), 0).value;
  switch (type.name) {
    case 'Int':
      return 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'Date':
      return today;
    case 'DateTime':
      return new Date().toISOString();
    case 'ID':
      return /board|code/i.test(name) ? 'LEEDS' : randomUUID();
    default:
      return 'Text from the hostile-input suite';
  }
}

/**
 * Records that one accepted call uses up (a decision, an answer, a withdrawal,
 * a revocation, the end of a review): made afresh once used, so hostile input
 * keeps reaching past the stage checks. All belong to LEEDS.
 */
type SlotName =
  | 'awaitingDecision'
  | 'challengeToAnswer'
  | 'challengeToRevoke'
  | 'requestToAnswer'
  | 'requestToWithdraw'
  | 'toComplete'
  | 'toPublish'
  | 'toClose'
  | 'completedAction';
const slots = new Map<SlotName, string>();
const SLOT_OF: Record<string, SlotName> = {
  'Mutation.recordDecision': 'awaitingDecision',
  'Mutation.respondToPeerChallenge': 'challengeToAnswer',
  'Mutation.revokePeerChallenge': 'challengeToRevoke',
  'Mutation.respondToInformationRequest': 'requestToAnswer',
  'Mutation.withdrawInformationRequest': 'requestToWithdraw',
  'Mutation.completeReview': 'toComplete',
  'Mutation.publishReview': 'toPublish',
  'Mutation.closeReview': 'toClose',
};

async function slot(name: SlotName): Promise<string> {
  const existing = slots.get(name);
  if (existing) return existing;
  const made = await makeSlot(name);
  slots.set(name, made);
  unsettled = true; // its events may still be crossing between subgraphs
  return made;
}

/** After an accepted call, the record it used up is replaced on next use. */
function consumed(op: Op): void {
  const name = SLOT_OF[op.label];
  if (name) slots.delete(name);
}

async function makeSlot(name: SlotName): Promise<string> {
  const manager = callerOf('LEEDS.manager').token!;
  const chair = callerOf('LEEDS.chair').token!;
  switch (name) {
    case 'challengeToAnswer':
    case 'challengeToRevoke':
      return (
        await gqlData<{ requestPeerChallenge: { id: string } }>(chair, 'mutation($i: RequestPeerChallengeInput!) { requestPeerChallenge(input: $i) { id } }', {
          i: {
            reviewId: fx.B.review,
            challengerBoardCode: 'KIRKLEES',
            question: 'Was the decision sound?',
            accessUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(),
          },
        })
      ).requestPeerChallenge.id;
    case 'requestToAnswer':
    case 'requestToWithdraw':
      return (
        await gqlData<{ requestInformation: { id: string } }>(manager, 'mutation($i: RequestInformationInput!) { requestInformation(input: $i) { id } }', {
          i: {
            reviewId: fx.W.review,
            agencyId: fx.leedsAgency,
            purpose: 'Chronology',
            necessity: 'Needed',
            proportionality: 'Limited',
            dueOn: addDays(today, 30),
          },
        })
      ).requestInformation.id;
    case 'completedAction': {
      const { addAction } = await gqlData<{ addAction: { id: string } }>(manager, 'mutation($i: AddActionInput!) { addAction(input: $i) { id } }', {
        i: {
          actionPlanId: fx.W.plan,
          recommendation: 'Share information',
          description: 'Completed action',
          ownerAgencyId: fx.leedsAgency,
          dueOn: addDays(today, 60),
          successCriteria: ['Audit'],
        },
      });
      await gqlData(manager, 'mutation($i: UpdateActionInput!) { updateAction(input: $i) { id } }', {
        i: { actionId: addAction.id, status: 'COMPLETED', note: 'Done.', expectedVersion: 1 },
      });
      return addAction.id;
    }
    default:
      break;
  }
  // Notified 30 days ago and decided 25 days ago, so a report completed 21 days ago can be sent to the panel then.
  const { review } = await notifiedCase(t, manager, 'LEEDS', {}, 30);
  if (name === 'awaitingDecision') return review.id;
  await gqlData(chair, 'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }', {
    i: {
      reviewId: review.id,
      outcome: 'INITIATE_REVIEW',
      criteriaMet: true,
      partnersAgreed: PARTNERS,
      rationale: 'Criteria met.',
      decidedOn: addDays(today, -25),
    },
  });
  await gqlData(manager, 'mutation($i: SetMethodologyInput!) { setMethodology(input: $i) { id } }', {
    i: { reviewId: review.id, name: 'Systems approach', dataCollection: 'Interviews', analysis: 'Thematic' },
  });
  await gqlData(manager, 'mutation($i: AppointReviewerInput!) { appointReviewer(input: $i) { id } }', {
    i: { reviewId: review.id, reviewerId: fx.reviewer1, lead: true, appointedOn: today, independenceStatement: 'Independent.' },
  });
  if (name === 'toComplete') return review.id;
  await gqlData(manager, 'mutation($i: CompleteReviewInput!) { completeReview(input: $i) { id } }', {
    i: { reviewId: review.id, completedOn: addDays(today, -21), findings: 'Final findings.' },
  });
  if (name === 'toPublish') return review.id;
  await gqlData(chair, 'mutation($i: PublishReviewInput!) { publishReview(input: $i) { id } }', {
    i: {
      reviewId: review.id,
      url: 'https://example.org/review.pdf',
      sentToPanelOn: addDays(today, -21),
      publishedOn: today,
      plainEnglishSummary: 'What the partners learnt.',
      welfareImpactConsidered: true,
      dataProtectionChecked: true,
      courtRestrictionsChecked: true,
    },
  });
  return review.id;
}

async function incidentVersion(): Promise<number> {
  const d = await gqlData<{ incident: { version: number } }>(callerOf('LEEDS.manager').token!, `{ incident(id: "${fx.W.incident}") { version } }`);
  return d.incident.version;
}
async function actionVersion(): Promise<number> {
  const d = await gqlData<{ actionPlan: { actions: { id: string; version: number }[] } }>(
    callerOf('LEEDS.manager').token!,
    `{ actionPlan(id: "${fx.W.plan}") { actions { id version } } }`,
  );
  return d.actionPlan.actions.find((a) => a.id === fx.W.action)!.version;
}

/** A copy of args with the value at path replaced (containers created as needed). */
function withValue(args: Record<string, unknown>, path: (string | number)[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(args);
  let node: Record<string | number, unknown> = copy;
  for (let i = 0; i < path.length - 1; i++) {
    const key = at(path, i);
    if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object') node[key] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[at(path, path.length - 1)] = value;
  return copy;
}

type Form = 'variables' | 'literal';

/** The operation as a document, with its arguments as variables or as literals in the text. */
function documentOf(op: Op, args: Record<string, unknown>, form: Form): { query: string; variables: Record<string, unknown> } {
  const present = op.field.args.filter((a) => args[a.name] !== undefined);
  const call = present.length
    ? `${op.field.name}(${present.map((a) => `${a.name}: ${form === 'variables' ? `$${a.name}` : literal(args[a.name], a.type)}`).join(', ')})`
    : op.field.name;
  const body = op.selection ? `${call} { ${op.selection} }` : call;
  const defs = form === 'variables' && present.length ? `(${present.map((a) => `$${a.name}: ${String(a.type)}`).join(', ')})` : '';
  return {
    query: `${op.kind}${defs} { ${op.wrap ? op.wrap(body) : body} }`,
    variables: form === 'variables' ? Object.fromEntries(present.map((a) => [a.name, args[a.name]])) : {},
  };
}

function literal(value: unknown, type?: GraphQLInputType): string {
  if (value === null || value === undefined) return 'null';
  const inner = type && isNonNullType(type) ? type.ofType : type;
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, inner && isListType(inner) ? inner.ofType : inner)).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = inner && isInputObjectType(inner) ? inner.getFields() : {};
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${k}: ${literal(v, fields[k]?.type)}`).join(', ')}}`;
  }
  if (typeof value === 'string') {
    if (inner && isEnumType(inner) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value) && !['true', 'false', 'null'].includes(value)) return value;
    return JSON.stringify(value);
  }
  return String(value);
}

/** Every string in a value (what the caller supplied, which answers may quote back). */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  return [];
}

// ------------------------------------------------------------------ sending, and what every answer must satisfy

interface Answer {
  status: number;
  text: string;

  json?: any;
  ms: number;
}

async function send(
  body: string | Uint8Array,
  options: { token?: string; headers?: Record<string, string>; method?: string; search?: string } = {},
): Promise<Answer> {
  const started = Date.now();
  const method = options.method ?? 'POST';
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let res: Response;
  let text: string;
  try {
    res = await fetch(`${url}${options.search ?? ''}`, {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' ? undefined : body,
      signal: AbortSignal.timeout(ANSWER_DEADLINE_MS),
    });
    text = await res.text();
  } catch (error) {
    // Says how long it waited: a reset at once (a closing keep-alive socket) and one after a long stall have different causes.
    const size = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
    throw new Error(`${method} of ${size} bytes: no answer after ${Date.now() - started} ms (${causeOf(error)})`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json, ms: Date.now() - started };
}

/** The chain of causes of a failed fetch ("fetch failed: read ECONNRESET"), which jest would show only in part. */
function causeOf(error: unknown): string {
  const parts: string[] = [];
  for (let e = error as { message?: string; code?: string; cause?: unknown } | undefined; e && parts.length < 4; e = e.cause as typeof e)
    parts.push(e.code ? `${e.message} [${e.code}]` : String(e.message ?? e));
  return parts.join(': ');
}

const gql = (token: string | undefined, query: string, variables: Record<string, unknown> = {}) => send(JSON.stringify({ query, variables }), { token });

/** The answer with the caller's own input (and the starts of it, which messages may quote cut short) taken out. */
function scrub(text: string, supplied: string[]): string {
  const forms = new Set<string>();
  for (const s of supplied) {
    for (const f of [s, s.trim(), JSON.stringify(s).slice(1, -1), JSON.stringify(JSON.stringify(s).slice(1, -1)).slice(1, -1)]) {
      if (f.length < 4) continue;
      forms.add(f);
      for (let n = Math.min(f.length - 1, 64); n >= 6; n--) forms.add(f.slice(0, n));
    }
  }
  for (const f of storedLookalikes) forms.add(f);
  let out = text;
  for (const f of [...forms].sort((a, b) => b.length - a.length)) if (out.includes(f)) out = out.split(f).join('«input»');
  return out;
}

/**
 * Accepted text that itself looks like a leak (an injection string with
 * "SELECT", say), in the forms answers show it: later answers may quote it
 * back as stored data, which is no leak.
 */
const storedLookalikes = new Set<string>();
function remember(supplied: string[]): void {
  for (const s of supplied) {
    if (s.length > 2_000 || !LEAK_PATTERNS.some(([, pattern]) => pattern.test(s) || pattern.test(JSON.stringify(s)))) continue;
    for (const f of [s, s.trim(), JSON.stringify(s).slice(1, -1), JSON.stringify(s.trim()).slice(1, -1)]) if (f.length >= 4) storedLookalikes.add(f);
  }
}

function problemsOf(answer: Answer, supplied: string[]): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`HTTP ${answer.status}`);
  const body = answer.json;
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    problems.push(`the answer is not a JSON object: ${JSON.stringify(answer.text.slice(0, 200))}`);
    return problems;
  }
  if (!('data' in body) && !('errors' in body)) problems.push('the answer has neither data nor errors');
  for (const error of Array.isArray(body.errors) ? body.errors : []) {
    const code = error?.extensions?.code;
    if (!ALLOWED_CODES.has(code)) problems.push(`error code ${String(code)}: ${JSON.stringify(String(error?.message).slice(0, 200))}`);
    const extra = Object.keys(error?.extensions ?? {}).filter((k) => k !== 'code' && k !== 'field');
    if (extra.length) problems.push(`error extensions carry ${extra.join(', ')}`);
    if (typeof error?.message !== 'string' || error.message.trim() === '') problems.push('an error without a message');
  }
  const scrubbed = scrub(answer.text, supplied);
  for (const [what, pattern] of LEAK_PATTERNS) {
    const m = pattern.exec(scrubbed);
    if (m) problems.push(`the answer shows ${what}: ${JSON.stringify(scrubbed.slice(Math.max(0, m.index - 80), m.index + 80))}`);
  }
  return problems;
}

const codesOf = (answer: Answer): string[] =>
  Array.isArray(answer.json?.errors) ? answer.json.errors.map((e: { extensions?: { code?: string } }) => e?.extensions?.code) : [];

async function alive(): Promise<string[]> {
  const a = await gql(callerOf('admin').token, '{ boards { code } }');
  const codes = a.json?.data?.boards?.map((b: { code: string }) => b.code) ?? [];
  return a.status === 200 && codes.includes('LEEDS') ? [] : [`the follow-up { boards { code } } failed: HTTP ${a.status} ${a.text.slice(0, 200)}`];
}

// ------------------------------------------------------------------ the databases

const AUDIT_TABLES = new Set(['audit_events', 'audit_event_targets', 'outbox_events']);
type Snapshot = Record<string, string>;

async function tableLists(): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const [service, server] of t.platform.services) {
    const db = server.db;
    if (!db) continue;
    const tablesSql = db.kind === 'mysql' ? 'SHOW TABLES' : "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
    out[`${service} tables`] = ((await db.manager.query(tablesSql)) as Record<string, string>[])
      .map((r) => Object.values(r)[0])
      .sort()
      .join(',');
  }
  return out;
}

/** Per table of every subgraph but the audit trail: row count and a checksum of every row; and each database's table list. */
async function snapshot(): Promise<Snapshot> {
  const out: Snapshot = await tableLists();
  for (const [service, server] of t.platform.services) {
    const db = server.db;
    if (!db) continue;
    const tables = [...new Set(db.dataSource.entityMetadatas.map((m) => m.tableName))].filter((name) => !AUDIT_TABLES.has(name)).sort();
    for (const table of tables) {
      const quoted = db.kind === 'mysql' ? `\`${table}\`` : `"${table}"`;
      const rows = (await db.manager.query(`SELECT * FROM ${quoted}`)) as Record<string, unknown>[];
      const lines = rows.map((r) => JSON.stringify(r)).sort();
      out[`${service}.${table}`] = `${rows.length} rows, sha256 ${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
    }
  }
  return out;
}

function changes(before: Snapshot, after: Snapshot): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => before[k] !== after[k]).map((k) => `${k}: ${before[k]} -> ${after[k]}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until background work (outbox relays, event consumers) has stopped changing the databases. */
async function settle(timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let previous = await snapshot();
  for (;;) {
    await sleep(150);
    const next = await snapshot();
    if (changes(previous, next).length === 0 || Date.now() > deadline) return;
    previous = next;
  }
}

/** Set after an accepted write: the next probe first waits for its background work to finish. */
let unsettled = false;

interface Probe {
  answer: Answer;
  problems: string[];
  refused: boolean;
  /** What the platform logged while answering (its unexpected failures). */
  logged?: string[];
}

/**
 * The platform logs unexpected failures with logger.error (pino); they are kept
 * here (first lines only) and shown with a failing probe instead of flooding
 * the output.
 */
const serverLog: string[] = [];
const loggerError = logger.error;
function captureServerLog(): void {
  // Replaced outright rather than spied on: a jest spy would keep every logged error in memory.
  logger.error = ((...args: unknown[]) => {
    const text = args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : typeof a === 'string' ? a : safeJson(a))).join(' ');
    serverLog.push(at(text.split('\n'), 0).slice(0, 300));
    if (serverLog.length > 500) serverLog.splice(0, serverLog.length - 500);
  }) as typeof logger.error;
}
function safeJson(value: unknown): string {
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 300);
  } catch {
    return String(value);
  }
}

/**
 * Sends one request and checks what every answer must satisfy; a refused
 * request (and any query) must leave the databases as they were.
 */
async function probe(
  request: () => Promise<Answer>,
  options: { supplied: string[]; dataField?: string; kind?: 'query' | 'mutation'; expectAccepted?: boolean },
): Promise<Probe> {
  // A write the caller expects to be accepted skips the full comparison (only the table lists are compared).
  const light = options.expectAccepted === true;
  if (unsettled && !light) {
    await settle();
    unsettled = false;
  }
  const before = light ? await tableLists() : await snapshot();
  const logStart = serverLog.length;
  const answer = await request();
  const problems = problemsOf(answer, options.supplied);
  const refused = isRefusal(answer, options.dataField);
  const after = light ? await tableLists() : await snapshot();
  const changed = changes(before, after);
  if (light && refused) problems.push('a write expected to be accepted was refused');
  if (changed.some((c) => c.includes(' tables:'))) problems.push(`tables disappeared: ${changed.join('; ')}`);
  if ((refused || options.kind !== 'mutation') && changed.length) {
    problems.push(`a ${refused ? 'refused call' : 'query'} changed the database: ${changed.join('; ')}`);
  }
  if (!refused && options.kind === 'mutation') unsettled = true;
  // Accepted text is stored, and the audit trail keeps the ids even of refused calls: later answers may quote either.
  remember(options.supplied);
  problems.push(...(await alive()));
  return { answer, problems, refused, logged: serverLog.slice(logStart) };
}

/**
 * Whether the operation itself was refused: an error for the whole request or
 * for the operation's own field. (An error deeper down, such as a field the
 * caller may not read in the answer, means the operation ran.)
 */
function isRefusal(answer: Answer, dataField?: string): boolean {
  const errors: { path?: unknown[] }[] = Array.isArray(answer.json?.errors) ? answer.json.errors : [];
  if (answer.status >= 400) return true;
  if (errors.some((e) => !Array.isArray(e?.path) || e.path.length === 0 || (e.path.length === 1 && e.path[0] === dataField))) return true;
  if (errors.some((e) => Array.isArray(e?.path) && e.path.length > 1)) return false;
  return errors.length > 0 && answer.json?.data?.[dataField ?? ''] == null;
}

function report(p: Probe, context: Record<string, unknown>): void {
  if (p.problems.length === 0) return;
  const shown = JSON.stringify(context, (_k, v) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 120)}… (${v.length} chars)` : v));
  const logged = p.logged?.length ? `\n  the platform logged: ${[...new Set(p.logged)].slice(0, 4).join(' | ')}` : '';
  throw new Error(`${p.problems.join('\n')}\n  request: ${shown}\n  answer: HTTP ${p.answer.status} ${p.answer.text.slice(0, 600)}${logged}`);
}

/** Finds the value under a key anywhere in an answer. */
function valuesUnder(value: unknown, key: string): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => valuesUnder(v, key));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (k === key ? [v, ...valuesUnder(v, key)] : valuesUnder(v, key)));
  }
  return [];
}

// ------------------------------------------------------------------ the suite

/** HOSTILE_DEBUG=1 prints how often each outcome happened (to see that hostile input reaches past the first checks). */
const tally = new Map<string, number>();
const debugTally = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);
afterEach(() => {
  if (process.env.HOSTILE_DEBUG)
    process.stdout.write(`heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB after ${expect.getState().currentTestName}\n`);
});
afterAll(() => {
  if (process.env.HOSTILE_DEBUG)
    process.stdout.write(
      `${[...tally]
        .sort()
        .map(([k, n]) => `${n}\t${k}`)
        .join('\n')}\n`,
    );
});

beforeAll(async () => {
  captureServerLog();
  await setUp();
}, HANG_GUARD_MS);
afterAll(async () => {
  await t?.stop();
  logger.error = loggerError;
});

/** One operation with a value at one argument leaf, sent by the caller; the probe's checks, and what was sent. */
async function sendWith(op: Op, caller: Caller, leaf: Leaf | null, value: unknown, form: Form) {
  const base = await baseArgs(op, caller);
  const args = leaf ? withValue(base, leaf.path, value) : base;
  const { query, variables } = documentOf(op, args, form);
  const p = await probe(() => gql(caller.token, query, variables), {
    supplied: [...stringsIn(args), ...stringsIn(value)],
    dataField: op.dataField,
    kind: op.kind,
  });
  if (!p.refused && op.kind === 'mutation') consumed(op);
  return { p, args, query, variables, context: { op: op.label, caller: caller.name, leaf: leaf?.path.join('.'), form, value } };
}

interface OpLeaf {
  op: Op;
  leaf: Leaf;
}
const labelOf = (ol: OpLeaf) => `${ol.op.label}(${ol.leaf.path.join('.')})`;
/** Operation leaves; a counterexample shows one as "Mutation.addAction(input.successCriteria.0)". */
const opLeaves = (filter: (ol: OpLeaf) => boolean): OpLeaf[] =>
  ops
    .flatMap((op) => leavesOf(op).map((leaf) => ({ op, leaf })))
    .filter(filter)
    .map((ol) => Object.assign(ol, { [fc.toStringMethod]: () => labelOf(ol) }));
const opLeafArb = (filter: (ol: OpLeaf) => boolean): fc.Arbitrary<OpLeaf> => fc.constantFrom(...opLeaves(filter));

/** What the answer holds under the key, anywhere: strings, and the strings in lists. */
const echoed = (data: unknown, key: string): string[] =>
  valuesUnder(data, key)
    .flatMap((v) => (Array.isArray(v) ? v : [v]))
    .filter((v): v is string => typeof v === 'string');

/** The single fetch that answers what a mutation returned, to read accepted text back from the database. */
function rereadQuery(op: Op, id: string): string | undefined {
  const type = getNamedType(op.field.type).name;
  const root = { Incident: 'incident', Review: 'review', ActionPlan: 'actionPlan', Agency: 'agency' }[type];
  const selection = selectionOf(op.field.type, 3);
  return root && selection ? `{ ${root}(id: ${JSON.stringify(id)}) { ${selection} } }` : undefined;
}

/**
 * For an accepted write of text: the text, trimmed, is what the answer and a
 * fresh read hold under the field's name (when they show that field at all).
 */
async function roundTripProblems(op: Op, caller: Caller, leaf: Leaf, value: string, answer: Answer): Promise<string[]> {
  const expected = value.trim();
  if (expected === '') return [];
  const problems: string[] = [];
  const returned = answer.json?.data?.[op.dataField];
  const inAnswer = echoed(returned, leaf.name);
  if (inAnswer.length && !inAnswer.includes(expected))
    problems.push(`the answer holds ${JSON.stringify(inAnswer.slice(0, 3))} for ${leaf.name}, not the text sent`);
  const id = returned && typeof returned === 'object' ? (returned as { id?: unknown }).id : undefined;
  const query = typeof id === 'string' ? rereadQuery(op, id) : undefined;
  if (query) {
    const reread = await gql(caller.token, query);
    const stored = echoed(reread.json?.data, leaf.name);
    if (stored.length && !stored.includes(expected))
      problems.push(`a fresh read holds ${JSON.stringify(stored.slice(0, 3))} for ${leaf.name}, not the text sent`);
  }
  return problems;
}

// ------------------------------------------------------------------ properties

describe('malformed requests', () => {
  it(
    'never answer 5xx, always answer JSON errors with a DOMAIN.md code, and change nothing',
    async () => {
      const validBody = JSON.stringify({ query: '{ boards { code } }' });
      const bodyArb = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.nat({ max: validBody.length - 1 }).map((n) => validBody.slice(0, n)),
        fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
        fc
          .record(
            {
              query: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string(), injectionArb, fc.constant('{ boards { code } }')),
              variables: fc.jsonValue({ maxDepth: 2 }),
              operationName: fc.jsonValue({ maxDepth: 1 }),
              extensions: fc.jsonValue({ maxDepth: 2 }),
            },
            { requiredKeys: [] },
          )
          .map((v) => JSON.stringify(v)),
        fc.constantFrom(
          '{"query":"{ boards { code } }","variables":{"__proto__":{"admin":true}}}',
          '{"__proto__":{"query":"{ boards { code } }"}}',
          '{"query":"{ boards { code } }","extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}}',
          '{"query":"{ boards { code } }","query":"mutation { updateBoard(input: {code: \\"NO-SUCH-BOARD\\", name: \\"x\\"}) { code } }"}',
          '[{"query":"{ boards { code } }"},{"query":"{ boards { code } }"}]',
          '{"query":"{ boards { code } }"}\u0000',
          '\ufeff{"query":"{ boards { code } }"}',
          '{"query":"{ boards { code } }"',
          '{"query":"\\ud800"}',
          '{"query":"query { boards { code } } mutation { registerAgency(input: {name: \\"x\\", sector: HEALTH, boardCodes: [\\"LEEDS\\"]}) { id } }"}',
        ),
      );
      const bytesArb = fc.uint8Array({ maxLength: 200 });
      const contentTypeArb = fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'application/json; charset=utf-16',
        'application/json; charset=latin1',
        'text/plain',
        'application/graphql',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=xyz',
        'application/graphql-response+json',
        '',
      );
      const methodArb = fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'PATCH');
      const tokenArb = fc.constantFrom<string | undefined>(undefined, 'admin', 'LEEDS.chair', 'garbage');
      await fc.assert(
        fc.asyncProperty(fc.oneof(bodyArb, bytesArb), contentTypeArb, methodArb, tokenArb, fc.boolean(), async (body, contentType, method, who, preflight) => {
          const token = who === 'garbage' ? 'not.a.token' : who ? callerOf(who).token : undefined;
          const headers: Record<string, string> = { 'content-type': contentType };
          if (!contentType) delete headers['content-type'];
          if (preflight) headers['apollo-require-preflight'] = 'true';
          let search = '';
          if (method === 'GET' && typeof body === 'string') {
            let parsed: Record<string, unknown> = {};
            try {
              const value = JSON.parse(body);
              if (value && typeof value === 'object' && !Array.isArray(value)) parsed = value;
            } catch {
              parsed = { query: body };
            }
            search = `?${new URLSearchParams(Object.entries(parsed).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : String(JSON.stringify(v))])).toString()}`;
          }
          const p = await probe(() => send(body, { token, headers, method, search }), {
            supplied: typeof body === 'string' ? [body, ...stringsIn(safeParse(body))] : [],
          });
          report(p, { body: typeof body === 'string' ? body : `bytes ${Buffer.from(body).toString('hex')}`, contentType, method, who, preflight });
          if (p.answer.status >= 400) expect(codesOf(p.answer).length).toBeGreaterThan(0);
        }),
        fcOptions(RUNS.malformedBodies),
      );
    },
    HANG_GUARD_MS,
  );

  it(
    'refuses a bad bearer token with HTTP 401 UNAUTHENTICATED (none, forged, expired, wrong secret, alg none)',
    async () => {
      const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
      const sign = (header: unknown, payload: unknown, secret: string) => {
        const head = `${b64(header)}.${b64(payload)}`;
        return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
      };
      const now = Math.floor(Date.now() / 1000);
      const admin = { sub: 'mallory', roles: ['ADMIN'], iat: now, exp: now + 3600 };
      const devSecret = t.config.auth.devSecret ?? '';
      const tokenArb = fc.oneof(
        fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 200 }).filter((s) => s.trim() !== ''),
        injectionArb,
        fc.constant(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(admin)}.`),
        fc.constant(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(admin)}`),
        fc.constant(sign({ alg: 'HS256', typ: 'JWT' }, admin, 'not-the-secret')),
        fc.constant(sign({ alg: 'HS256', typ: 'JWT' }, { ...admin, exp: now - 60 }, devSecret)),
        fc.constant(sign({ alg: 'HS512', typ: 'JWT' }, admin, devSecret)),
        fc.constant(sign({ alg: 'HS256', typ: 'JWT' }, { ...admin, roles: ['ADMIN', 'SUPERUSER'] }, devSecret)),
        fc.constant(sign({ alg: 'HS256', typ: 'JWT' }, { ...admin, sub: '' }, devSecret)),
        fc.constant(sign({ alg: 'HS256', typ: 'JWT' }, { ...admin, roles: 'ADMIN' }, devSecret)),
        fc.constant(sign({ alg: 'HS256', typ: 'JWT' }, { ...admin, roles: [] }, devSecret)),
        fc.constant(sign({ alg: 'HS256', typ: 'JWT' }, { sub: 'x', roles: ['BOARD_MANAGER'], iat: now, exp: now + 60 }, devSecret)),
        fc.constant(sign({ alg: 'RS256', typ: 'JWT', jku: 'http://127.0.0.1:1/jwks' }, admin, devSecret)),
      );
      const schemeArb = fc.constantFrom('Bearer ', 'bearer ', 'Bearer  ', 'Basic ', 'Token ', '');
      // What an HTTP client can put in a header at all (no CR, LF, NUL or characters beyond Latin-1).
      const sendable = (token: string) => /^[\x20-\x7e]+$/.test(token);
      await fc.assert(
        fc.asyncProperty(tokenArb.filter(sendable), schemeArb, async (token, scheme) => {
          const p = await probe(
            () => send(JSON.stringify({ query: '{ me { subject roles } boards { code } }' }), { headers: { authorization: `${scheme}${token}` } }),
            {
              supplied: [token],
            },
          );
          report(p, { authorization: `${scheme}${token}` });
          expect({ status: p.answer.status, codes: codesOf(p.answer) }).toEqual({ status: 401, codes: ['UNAUTHENTICATED'] });
        }),
        fcOptions(40),
      );
    },
    HANG_GUARD_MS,
  );
});

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

describe('oversized requests', () => {
  it(
    'answer a body over 1 MB with HTTP 413 and a DOMAIN.md code; a body just under it is refused normally',
    async () => {
      const placeArb = fc.constantFrom('variable', 'query-comment', 'query-string', 'extensions', 'whitespace', 'many-fields');
      const sizeArb = fc.oneof(fc.integer({ min: ONE_MIB + 1, max: 3 * ONE_MIB }), fc.integer({ min: 900_000, max: 999_000 }));
      await fc.assert(
        fc.asyncProperty(sizeArb, placeArb, fc.constantFrom('LEEDS.manager', 'anonymous'), async (size, place, who) => {
          const filler = (n: number) => 'x'.repeat(Math.max(0, n));
          const base = JSON.stringify({
            query: 'mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }',
            variables: { i: incidentInput('LEEDS') },
          });
          const room = size - base.length - 40;
          let body: string;
          switch (place) {
            case 'variable':
              body = JSON.stringify({
                query: 'mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }',
                variables: { i: incidentInput('LEEDS', { summary: filler(room) }) },
              });
              break;
            case 'query-comment':
              body = JSON.stringify({ query: `# ${filler(room)}\n{ boards { code } }` });
              break;
            case 'query-string':
              body = JSON.stringify({
                query: `mutation { correctIncident(input: { incidentId: "${fx.W.incident}", expectedVersion: 1, summary: "${filler(room)}" }) { id } }`,
              });
              break;
            case 'extensions':
              body = JSON.stringify({ query: '{ boards { code } }', extensions: { pad: filler(room) } });
              break;
            case 'whitespace':
              body = `{"query": "{ boards { code } }"${' '.repeat(Math.max(0, room))}}`;
              break;
            default:
              body = JSON.stringify({ query: `{ ${'boards { code } '.repeat(Math.max(1, Math.floor(room / 17)))}}` });
          }
          const p = await probe(() => send(body, { token: callerOf(who).token }), {
            supplied: [],
            kind: place === 'variable' || place === 'query-string' ? 'mutation' : 'query',
            dataField: place === 'variable' ? 'reportIncident' : 'correctIncident',
          });
          report(p, { size: body.length, place, who });
          if (Buffer.byteLength(body) > ONE_MIB) {
            expect(p.answer.status).toBe(413);
            expect(codesOf(p.answer)).toEqual(['BAD_USER_INPUT']);
          } else if (Buffer.byteLength(body) <= 1_000_000) {
            expect(p.answer.status).not.toBe(413);
            // Text far over 20,000 characters: refused (for that, or for a stale version), not for the body's size.
            if (place === 'variable' || place === 'query-string') expect(p.refused).toBe(true);
          }
        }),
        fcOptions(RUNS.oversizedBodies),
      );
    },
    HANG_GUARD_MS,
  );
});

/** Values of the wrong type for a leaf: never coercible to it. */
function wrongValueArb(leaf: Leaf): fc.Arbitrary<unknown> {
  const objects = fc.constantFrom<unknown>({}, { value: 1 }, [[]], [{}]);
  const fraction = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).filter((d) => !Number.isInteger(d));
  if (isEnumType(leaf.type)) return fc.oneof(fc.integer(), fc.boolean(), objects);
  switch (leaf.type.name) {
    case 'String':
      return fc.oneof(fc.integer(), fraction, fc.boolean(), objects);
    case 'ID':
      return fc.oneof(fraction, fc.boolean(), objects);
    case 'Int':
      return fc.oneof(fraction, fc.constantFrom<unknown>(2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e300), fc.string({ maxLength: 6 }), fc.boolean(), objects);
    case 'Float':
      return fc.oneof(fc.string({ maxLength: 6 }), fc.boolean(), objects);
    case 'Boolean':
      return fc.oneof(fc.constantFrom<unknown>('true', 'false', 0, 1, 'yes', ''), objects);
    default:
      return fc.oneof(fc.integer(), fc.boolean(), objects); // Date, DateTime
  }
}

describe('wrong types for variables', () => {
  it(
    'are refused with BAD_USER_INPUT (a literal also with GRAPHQL_VALIDATION_FAILED) and change nothing',
    async () => {
      const structural = fc.constantFrom('null-for-required', 'unknown-field', 'proto-field', 'scalar-for-object', 'missing-required');
      await fc.assert(
        fc.asyncProperty(
          opLeafArb(() => true).chain((ol) =>
            fc.tuple(
              fc.constant(ol),
              fc.oneof(
                { weight: 3, arbitrary: wrongValueArb(ol.leaf).map((v) => ({ value: v })) },
                { weight: 1, arbitrary: structural.map((kind) => ({ kind })) },
              ),
            ),
          ),
          fc.constantFrom<Form>('variables', 'variables', 'literal'),
          async ([ol, change], form) => {
            const { op, leaf } = ol;
            const caller = bestCaller(op);
            const base = await baseArgs(op, caller);
            let args: Record<string, unknown>;
            if ('value' in change) {
              args = withValue(base, leaf.path, change.value);
            } else {
              // The input object that holds the leaf's field (none for a top-level argument).
              const lastKey = leaf.path.map((k) => typeof k === 'string').lastIndexOf(true);
              const parentPath = leaf.path.slice(0, lastKey);
              switch (change.kind) {
                case 'null-for-required': {
                  const arg = op.field.args.find((a) => a.name === leaf.path[0])!;
                  if (!isNonNullType(arg.type)) return; // nothing required here
                  args = withValue(base, [arg.name], null);
                  break;
                }
                case 'unknown-field':
                  args = parentPath.length ? withValue(base, [...parentPath, 'notAField'], 'x') : { ...base, notAnArgument: 'x' };
                  break;
                case 'proto-field': {
                  if (!parentPath.length) return;
                  args = withValue(base, [...parentPath, '__proto__'], { admin: true });
                  // structuredClone drops __proto__ keys; define it as an own property, as JSON.parse would.
                  let node: Record<string | number, unknown> = args;
                  for (const key of parentPath) node = node[key] as Record<string | number, unknown>;
                  Object.defineProperty(node, '__proto__', { value: { admin: true }, enumerable: true, configurable: true, writable: true });
                  break;
                }
                case 'scalar-for-object':
                  if (!parentPath.length) return; // the argument itself is a scalar
                  args = withValue(base, parentPath, 'not an object');
                  break;
                default: {
                  const arg = op.field.args.find((a) => a.name === leaf.path[0])!;
                  const inner = isNonNullType(arg.type) ? arg.type.ofType : arg.type;
                  if (!isInputObjectType(inner)) return;
                  const required = Object.values(inner.getFields()).find((f) => isNonNullType(f.type) && f.defaultValue === undefined);
                  if (!required) return;
                  args = structuredClone(base);
                  delete (args[arg.name] as Record<string, unknown>)[required.name];
                }
              }
            }
            if (form === 'literal' && change && 'kind' in change && change.kind === 'unknown-field' && !leaf.path.slice(0, -1).length) return; // an unknown argument
            const { query, variables } = documentOf(op, args, form);
            const unknownArg = 'notAnArgument' in args;
            const name = op.field.name;
            const doc = unknownArg
              ? {
                  query: query.replace(new RegExp(`\\b${name}\\b(\\()?`), (_m, paren) =>
                    paren ? `${name}(notAnArgument: "x", ` : `${name}(notAnArgument: "x")`,
                  ),
                  variables,
                }
              : { query, variables };
            const p = await probe(() => gql(caller.token, doc.query, doc.variables), { supplied: stringsIn(args), dataField: op.dataField, kind: op.kind });
            report(p, { op: op.label, leaf: leaf.path.join('.'), change, form });
            expect(p.refused).toBe(true);
            const allowed = form === 'variables' && !unknownArg ? ['BAD_USER_INPUT'] : ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'];
            expect(codesOf(p.answer).filter((c) => !allowed.includes(c))).toEqual([]);
          },
        ),
        fcOptions(RUNS.wrongTypes),
      );
    },
    HANG_GUARD_MS,
  );
});

describe('unknown enum values', () => {
  it(
    'are refused (BAD_USER_INPUT; GRAPHQL_VALIDATION_FAILED as literals) and change nothing',
    async () => {
      const valueArb = (type: GraphQLEnumType) => {
        const valid = type.getValues().map((v) => v.name);
        return fc
          .oneof(
            fc.constantFrom(...valid).map((v) => v.toLowerCase()),
            fc.constantFrom(...valid).map((v) => `${v}_X`),
            fc.constantFrom(...valid).map((v) => ` ${v}`),
            fc.constantFrom(...valid).map((v) => `${v}' OR 1=1 --`),
            fc.constantFrom('ADMIN', 'LEEDS', 'UNKNOWN_VALUE', 'true', 'null', '', 'CHILD_DIED', 'HEALTH', 'COMPLETED', 'NEGLECT'),
            injectionArb,
            fc.string({ maxLength: 12 }),
          )
          .filter((v) => !valid.includes(v));
      };
      await fc.assert(
        fc.asyncProperty(
          opLeafArb(({ leaf }) => isEnumType(leaf.type)).chain((ol) => fc.tuple(fc.constant(ol), valueArb(ol.leaf.type as GraphQLEnumType))),
          fc.constantFrom<Form>('variables', 'literal'),
          async ([{ op, leaf }, value], form) => {
            const { p } = await sendWith(op, bestCaller(op), leaf, value, form).then((r) => {
              report(r.p, r.context);
              return r;
            });
            expect(p.refused).toBe(true);
            const allowed = form === 'variables' ? ['BAD_USER_INPUT'] : ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED'];
            expect(codesOf(p.answer).filter((c) => !allowed.includes(c))).toEqual([]);
          },
        ),
        fcOptions(RUNS.unknownEnums),
      );
    },
    HANG_GUARD_MS,
  );
});

const isValidDateValue = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && isRealDate(+v.slice(0, 4), +v.slice(5, 7), +v.slice(8, 10));
const isValidInstantValue = (v: unknown) =>
  typeof v === 'string' &&
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(v) &&
  isValidDateValue(v.slice(0, 10)) &&
  !Number.isNaN(new Date(v).getTime());

describe('impossible dates', () => {
  it(
    'are refused with BAD_USER_INPUT wherever a Date or DateTime is taken, and change nothing',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          opLeafArb(({ leaf }) => isDateLike(leaf)),
          impossibleDateArb,
          fc.constantFrom<Form>('variables', 'literal'),
          async ({ op, leaf }, value, form) => {
            if (leaf.type.name === 'Date' ? isValidDateValue(value) : isValidInstantValue(value)) return;
            const r = await sendWith(op, bestCaller(op), leaf, value, form);
            report(r.p, r.context);
            expect(r.p.refused).toBe(true);
            expect(codesOf(r.p.answer).filter((c) => c !== 'BAD_USER_INPUT')).toEqual([]);
          },
        ),
        fcOptions(RUNS.impossibleDates),
      );
    },
    HANG_GUARD_MS,
  );
});

describe('SQL and script injection in every string argument', () => {
  it(
    'is refused cleanly or stored as plain text; ids, codes, cursors and dates are never accepted',
    async () => {
      const targets = opLeaves(({ leaf }) => isStringLike(leaf));
      // One example per string leaf of every operation, each with an injection string, then random runs.
      const examples = targets.map((ol, i): [OpLeaf, string, Form, string | null] => [
        ol,
        at(INJECTIONS, i % INJECTIONS.length),
        i % 3 === 2 ? 'literal' : 'variables',
        null,
      ]);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...targets),
          hostileStringArb,
          fc.constantFrom<Form>('variables', 'variables', 'literal'),
          // Mostly the caller who reaches deepest; sometimes anyone else.
          fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...Object.keys(callers)) }),
          async (ol, value, form, who) => {
            const { op, leaf } = ol;
            const caller = who ? callerOf(who) : bestCaller(op);
            const r = await sendWith(op, caller, leaf, value, form);
            const problems = [...r.p.problems];
            if (!r.p.refused && op.kind === 'mutation') {
              if (leaf.type.name !== 'String') problems.push(`an accepted ${leaf.type.name} that names nothing that exists: ${leaf.path.join('.')}`);
              if (value.trim().length > MAX_TEXT) problems.push(`accepted text of ${value.trim().length} characters (at most ${MAX_TEXT})`);
              if (isText(leaf) && !hasLoneSurrogate(value)) problems.push(...(await roundTripProblems(op, caller, leaf, value, r.p.answer)));
            }
            if (process.env.HOSTILE_DEBUG) debugTally(`${r.p.refused ? 'refused ' + codesOf(r.p.answer)[0] : 'accepted'} ${op.kind} ${leaf.type.name}`);
            report({ ...r.p, problems }, { ...r.context, caller: caller.name });
          },
        ),
        { ...fcOptions(RUNS.hostileStrings + examples.length), examples },
      );
    },
    HANG_GUARD_MS,
  );
});

describe('ids that break a URL path, and text that is not valid Unicode', () => {
  it(
    "('', '.', '..', 20,000 characters, lone surrogates) in any id or text argument are refused cleanly or stored, never an internal error",
    async () => {
      const targets = opLeaves(({ leaf }) => isStringLike(leaf));
      const oddArb = fc.oneof(
        fc.constantFrom('', '.', '..', '../..', '/', '?', '#', '%', '%2e%2e', '..%2F', '\\..\\', 'x'.repeat(20_000)),
        fc
          .tuple(fc.string({ maxLength: 6 }), fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', '\udfff\ud800'), fc.string({ maxLength: 6 }))
          .map(([a, b, c]) => `${a}${b}${c}`),
      );
      // Every id first with each of the likeliest breakers (ids end up in internal URLs), then anything at random.
      const ids = targets.filter((ol) => ol.leaf.type.name === 'ID');
      const examples = ['', '..', 'id-\ud800', 'x'.repeat(20_000)].flatMap((value) => ids.map((ol): [OpLeaf, string] => [ol, value]));
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...targets), oddArb, async (ol, value) => {
          const { op, leaf } = ol;
          const r = await sendWith(op, bestCaller(op), leaf, value, 'variables');
          const problems = [...r.p.problems];
          if (!r.p.refused && op.kind === 'mutation' && leaf.type.name !== 'String')
            problems.push(`an accepted ${leaf.type.name} that names nothing that exists: ${leaf.path.join('.')}`);
          report({ ...r.p, problems }, r.context);
        }),
        { ...fcOptions(RUNS.oddIds + examples.length), examples },
      );
    },
    HANG_GUARD_MS,
  );
});

/** A string of n UTF-16 units of the character (an emoji is two), never ending half-way through one. */
const textOf = (n: number, unit: string) => longString(n, unit);
const LENGTH_BOUNDARIES = [1, 99, 100, 101, 199, 200, 201, 255, 256, 299, 300, 301, 1_999, 2_000, 2_001, 19_999, 20_000, 20_001];
const TEXT_UNITS = ['a', 'é', '中', '😀', "'", '"', '\\', '\u0000', '\u0001', '<'];

describe('huge and boundary-length text', () => {
  it(
    'in a text field: over 20,000 characters is BAD_USER_INPUT; otherwise stored unchanged or refused with BAD_USER_INPUT',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          opLeafArb(({ op, leaf }) => op.kind === 'mutation' && leaf.type.name === 'String' && !leaf.inList),
          fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...LENGTH_BOUNDARIES) }, { weight: 1, arbitrary: fc.integer({ min: MAX_TEXT + 1, max: 300_000 }) }),
          fc.constantFrom(...TEXT_UNITS),
          async ({ op, leaf }, length, unit) => {
            const value = textOf(length, unit);
            const caller = bestCaller(op);
            const r = await sendWith(op, caller, leaf, value, 'variables');
            const problems = [...r.p.problems];
            if (value.length > MAX_TEXT && !r.p.refused) problems.push(`accepted ${value.length} characters (at most ${MAX_TEXT})`);
            if (value.length > MAX_TEXT && r.p.refused && !codesOf(r.p.answer).includes('BAD_USER_INPUT'))
              problems.push(`${value.length} characters refused with ${codesOf(r.p.answer)}, not BAD_USER_INPUT`);
            if (!r.p.refused) problems.push(...(await roundTripProblems(op, caller, leaf, value, r.p.answer)));
            report({ ...r.p, problems }, { ...r.context, value: `${JSON.stringify(unit)} x ${length}` });
          },
        ),
        fcOptions(RUNS.textLengths),
      );
    },
    HANG_GUARD_MS,
  );

  it(
    'in a list of texts (success criteria, interim learning, qualifications): stored unchanged or refused with BAD_USER_INPUT',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          opLeafArb(({ op, leaf }) => op.kind === 'mutation' && isText(leaf) && leaf.inList),
          fc.integer({ min: 1, max: 40 }),
          fc.oneof(fc.constantFrom(...LENGTH_BOUNDARIES.filter((n) => n <= MAX_TEXT)), fc.integer({ min: 1, max: MAX_TEXT })),
          fc.constantFrom(...TEXT_UNITS),
          async ({ op, leaf }, count, wanted, unit) => {
            // Stay well under the 1 MB body limit even when every character is escaped in JSON ("\u0001"),
            // and keep each run quick on SQLite (every call snapshots every table).
            const length = Math.max(1, Math.min(wanted, Math.floor(400_000 / (6 * count))));
            const items = Array.from({ length: count }, (_, i) => `${i}${textOf(length - 1, unit)}`);
            const caller = bestCaller(op);
            const base = await baseArgs(op, caller);
            const args = withValue(base, leaf.path.slice(0, -1), items);
            const { query, variables } = documentOf(op, args, 'variables');
            const p = await probe(() => gql(caller.token, query, variables), { supplied: items, dataField: op.dataField, kind: op.kind });
            const problems = [...p.problems];
            if (p.refused) {
              if (!codesOf(p.answer).every((c) => ['BAD_USER_INPUT', 'INVALID_STAGE', 'CONFLICT'].includes(c)))
                problems.push(`refused with ${codesOf(p.answer)}`);
            } else {
              consumed(op);
              const lists = valuesUnder(p.answer.json?.data?.[op.dataField], leaf.name);
              if (lists.length && !lists.some((l) => JSON.stringify(l) === JSON.stringify(items))) problems.push(`${leaf.name} came back changed`);
            }
            report(
              { ...p, problems },
              { op: op.label, leaf: leaf.path.join('.'), items: `${count} x ${JSON.stringify(unit)} x ${length}`, caller: caller.name },
            );
          },
        ),
        fcOptions(RUNS.listTextLengths),
      );
    },
    HANG_GUARD_MS,
  );
});

describe('injection strings stored as plain text', () => {
  const INCIDENT_FIELDS = 'id reference summary occurredInArea children { pseudonym identity { fullName } }';

  it(
    'round-trip unchanged through report, correction, findings, actions and agencies, and every table stays',
    async () => {
      const manager = callerOf('LEEDS.manager').token!;
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            summary: injectionTextArb(2_000),
            occurredInArea: injectionTextArb(150),
            pseudonym: injectionTextArb(90),
            fullName: injectionTextArb(250),
            idempotencyKey: injectionTextArb(150),
            correction: injectionTextArb(2_000),
            findings: injectionTextArb(2_000),
            description: injectionTextArb(2_000),
            criterion: injectionTextArb(2_000),
            agencyName: injectionTextArb(150),
          }),
          async (v) => {
            const problems: string[] = [];
            const check = (what: string, actual: unknown, sent: string) => {
              if (actual !== sent.trim()) problems.push(`${what}: sent ${JSON.stringify(sent)}, stored ${JSON.stringify(actual)}`);
            };
            const input = incidentInput('LEEDS', {
              summary: v.summary,
              occurredInArea: v.occurredInArea,
              idempotencyKey: `${v.idempotencyKey}|${randomUUID()}`,
              children: [
                { pseudonym: v.pseudonym, fullName: v.fullName, dateOfBirth: addDays(today, -1000), sex: 'FEMALE', socialCareStatus: 'CHILD_IN_NEED' },
              ],
            });
            const reported = await probe(
              () => gql(manager, `mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { ${INCIDENT_FIELDS} } }`, { i: input }),
              {
                supplied: stringsIn(input),
                dataField: 'reportIncident',
                kind: 'mutation',
                expectAccepted: true,
              },
            );
            report(reported, { step: 'reportIncident', input });
            expect(reported.refused).toBe(false);
            const id = reported.answer.json.data.reportIncident.id as string;
            const read = async () => (await gql(manager, `{ incident(id: ${JSON.stringify(id)}) { ${INCIDENT_FIELDS} version } }`)).json?.data?.incident;
            const stored = await read();
            check('summary', stored?.summary, v.summary);
            check('occurredInArea', stored?.occurredInArea, v.occurredInArea);
            check('pseudonym', stored?.children?.[0]?.pseudonym, v.pseudonym);
            check('fullName', stored?.children?.[0]?.identity?.fullName, v.fullName);

            const corrected = await probe(
              () =>
                gql(manager, 'mutation($i: CorrectIncidentInput!) { correctIncident(input: $i) { id summary } }', {
                  i: { incidentId: id, expectedVersion: stored.version, summary: v.correction },
                }),
              { supplied: [v.correction], dataField: 'correctIncident', kind: 'mutation', expectAccepted: true },
            );
            report(corrected, { step: 'correctIncident', summary: v.correction });
            check('corrected summary', (await read())?.summary, v.correction);

            const findings = await probe(
              () =>
                gql(manager, 'mutation($i: RecordFindingsInput!) { recordFindings(input: $i) { id } }', { i: { reviewId: fx.W.review, findings: v.findings } }),
              {
                supplied: [v.findings],
                dataField: 'recordFindings',
                kind: 'mutation',
                expectAccepted: true,
              },
            );
            report(findings, { step: 'recordFindings', findings: v.findings });
            check('findings', (await gql(manager, `{ review(id: "${fx.W.review}") { findings } }`)).json?.data?.review?.findings, v.findings);

            const action = await probe(
              () =>
                gql(manager, 'mutation($i: AddActionInput!) { addAction(input: $i) { id } }', {
                  i: {
                    actionPlanId: fx.W.plan,
                    recommendation: 'Share information',
                    description: v.description,
                    ownerAgencyId: fx.leedsAgency,
                    dueOn: addDays(today, 60),
                    successCriteria: [v.criterion],
                  },
                }),
              { supplied: [v.description, v.criterion], dataField: 'addAction', kind: 'mutation', expectAccepted: true },
            );
            report(action, { step: 'addAction', description: v.description, criterion: v.criterion });
            const actionId = action.answer.json?.data?.addAction?.id;
            const actions =
              (await gql(manager, `{ actionPlan(id: "${fx.W.plan}") { actions { id description successCriteria } } }`)).json?.data?.actionPlan?.actions ?? [];
            const storedAction = actions.find((a: { id: string }) => a.id === actionId);
            check('description', storedAction?.description, v.description);
            check('success criterion', storedAction?.successCriteria?.[0], v.criterion);

            const agency = await probe(
              () =>
                gql(callerOf('admin').token, 'mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { id } }', {
                  i: { name: v.agencyName, sector: 'OTHER', boardCodes: ['LEEDS'] },
                }),
              { supplied: [v.agencyName], dataField: 'registerAgency', kind: 'mutation', expectAccepted: true },
            );
            report(agency, { step: 'registerAgency', name: v.agencyName });
            check(
              'agency name',
              (await gql(manager, `{ agency(id: "${agency.answer.json?.data?.registerAgency?.id}") { name } }`)).json?.data?.agency?.name,
              v.agencyName,
            );

            const count = await gql(manager, '{ incidents(first: 0) { totalCount } }');
            if (!(count.json?.data?.incidents?.totalCount > 0)) problems.push(`incidents no longer answer: ${count.text.slice(0, 200)}`);
            expect(problems).toEqual([]);
          },
        ),
        fcOptions(RUNS.roundTrip),
      );
    },
    HANG_GUARD_MS,
  );

  it(
    'distinct idempotency keys (differing in case, accents or emoji) never stand for one another',
    async () => {
      const manager = callerOf('LEEDS.manager').token!;
      const variant = fc.constantFrom(
        (k: string) => k.toUpperCase(),
        (k: string) => k.toLowerCase(),
        (k: string) => `${k}é`,
        (k: string) => `${k}e`,
        (k: string) => `${k}😀`,
        (k: string) => `${k}🙈`,
        (k: string) => `${k}ß`,
        (k: string) => `${k}ss`,
      );
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: 'grapheme-ascii', minLength: 3, maxLength: 12 }), variant, variant, async (stem, f, g) => {
          const nonce = randomUUID().slice(0, 8);
          const first = `${f(stem)}-${nonce}`;
          const second = `${g(stem)}-${nonce}`;
          if (first.trim() === second.trim() || first.trim() === '' || second.trim() === '') return;
          const input = incidentInput('LEEDS', { summary: `Idempotency ${nonce}` });
          const one = await probe(
            () => gql(manager, 'mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }', { i: { ...input, idempotencyKey: first } }),
            {
              supplied: [first],
              dataField: 'reportIncident',
              kind: 'mutation',
              expectAccepted: true,
            },
          );
          report(one, { key: first });
          const two = await probe(
            () => gql(manager, 'mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }', { i: { ...input, idempotencyKey: second } }),
            {
              supplied: [second],
              dataField: 'reportIncident',
              kind: 'mutation',
              expectAccepted: true,
            },
          );
          report(two, { key: second });
          expect({
            first,
            second,
            sameIncident: one.answer.json?.data?.reportIncident?.id === two.answer.json?.data?.reportIncident?.id,
            errors: codesOf(two.answer),
          }).toEqual({
            first,
            second,
            sameIncident: false,
            errors: [],
          });
        }),
        fcOptions(RUNS.idempotencyKeys),
      );
    },
    HANG_GUARD_MS,
  );
});

// ------------------------------------------------------------------ other boards' records

/** Staff and others who hold no grant on LEEDS's cases A, B and D (KIRKLEES's chair, who holds B's peer challenge, is left out). */
const OUTSIDERS = [
  'BRADFORD.manager',
  'BRADFORD.chair',
  'CALDERDALE.manager',
  'CALDERDALE.chair',
  'KIRKLEES.manager',
  'WAKEFIELD.manager',
  'WAKEFIELD.chair',
  'BRADFORD.contributor',
  'outsideReviewer',
  'analyst',
  'anonymous',
];
const secretIds = () => [
  fx.A.incident,
  fx.A.review,
  fx.A.plan,
  fx.A.action,
  fx.A.ir,
  fx.A.ir2,
  fx.B.incident,
  fx.B.review,
  fx.B.pc,
  fx.D.incident,
  fx.D.review,
];
const secretTexts = () => [fx.A.incidentRef, fx.A.reviewRef, fx.B.incidentRef, fx.B.reviewRef, fx.D.incidentRef, fx.D.reviewRef, ...Object.values(MARK)];

/** LEEDS's records in an answer to an outsider: in the data at all, or in errors beyond what the caller sent. */
function leaksOf(answer: Answer, supplied: string[], withIds: boolean): string[] {
  const markers = [...secretTexts(), ...(withIds ? secretIds() : [])];
  const data = JSON.stringify(answer.json?.data ?? null);
  const errors = scrub(JSON.stringify(answer.json?.errors ?? []), supplied);
  return markers.filter((m) => data.includes(m) || errors.includes(m)).map((m) => `LEEDS's ${JSON.stringify(m)} is in the answer`);
}

describe("other boards' records", () => {
  it(
    "are answered to other boards' staff exactly as records that do not exist, and never shown",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...OUTSIDERS),
          opLeafArb(({ op, leaf }) => leaf.type.name === 'ID' && op.field.name !== 'auditEvents'),
          fc.constantFrom(...secretIds()),
          fc.constantFrom<Form>('variables', 'literal'),
          async (who, { op, leaf }, secret, form) => {
            const caller = callerOf(who);
            const base = await baseArgs(op, caller);
            const missing = randomUUID();
            const send1 = async (id: string) => {
              const args = withValue(base, leaf.path, id);
              const { query, variables } = documentOf(op, args, form);
              return probe(() => gql(caller.token, query, variables), { supplied: stringsIn(args), dataField: op.dataField, kind: op.kind });
            };
            const other = await send1(secret);
            const none = await send1(missing);
            const problems = [...other.problems, ...none.problems, ...leaksOf(other.answer, stringsIn(withValue(base, leaf.path, secret)), true)];
            if (!other.refused && op.kind === 'mutation') problems.push(`${caller.name} changed LEEDS's record through ${op.label}`);
            // Both answers with every LEEDS id and the made-up one written as <id>.
            const normal = (a: Answer) => ({ status: a.status, body: [...secretIds(), missing].reduce((text, id) => text.split(id).join('<id>'), a.text) });
            if (JSON.stringify(normal(other.answer)) !== JSON.stringify(normal(none.answer))) {
              problems.push(
                `LEEDS's id is answered unlike a missing one:\n    LEEDS's: ${normal(other.answer).body.slice(0, 300)}\n    missing: ${normal(none.answer).body.slice(0, 300)}`,
              );
            }
            report({ ...other, problems }, { op: op.label, leaf: leaf.path.join('.'), caller: caller.name, secret, form });
          },
        ),
        fcOptions(RUNS.otherBoardsIds),
      );
    },
    HANG_GUARD_MS,
  );

  it(
    'are in no list, fetch or statistic answered to an outsider, even when filtered by LEEDS',
    async () => {
      for (const who of OUTSIDERS) {
        const caller = callerOf(who);
        for (const op of ops.filter((o) => o.kind === 'query')) {
          for (const leedsFilter of [false, true]) {
            let args = await baseArgs(op, caller);
            if (leedsFilter) {
              const boardLeaf = leavesOf(op).find((l) => /^board(Code|Codes)?$|^code$/.test(l.name));
              if (!boardLeaf) continue;
              args = withValue(args, boardLeaf.path, 'LEEDS');
            }
            const { query, variables } = documentOf(op, args, 'variables');
            const answer = await gql(caller.token, query, variables);
            const problems = [...problemsOf(answer, stringsIn(args)), ...leaksOf(answer, stringsIn(args), op.field.name !== 'auditEvents')];
            if (problems.length)
              throw new Error(
                `${problems.join('\n')}\n  ${op.label} as ${caller.name}${leedsFilter ? ' filtered by LEEDS' : ''}: ${answer.text.slice(0, 400)}`,
              );
          }
        }
      }
      expect(await alive()).toEqual([]);
    },
    HANG_GUARD_MS,
  );
});

// ------------------------------------------------------------------ query shape: depth, aliases, directives

describe('deeply nested and alias-flooded queries', () => {
  it(
    'are answered or refused (GRAPHQL_VALIDATION_FAILED / GRAPHQL_PARSE_FAILED) within seconds, never 5xx, changing nothing',
    async () => {
      const range = (n: number) => Array.from({ length: n }, (_, i) => i);
      const build = (kind: string, n: number): { query: string; kind: 'query' | 'mutation' } => {
        switch (kind) {
          case 'review-incident':
            return { query: `{ review(id: "${fx.A.review}") { ${'incident { reviews { '.repeat(n)}id${' } }'.repeat(n)} } }`, kind: 'query' };
          case 'plan-review':
            return { query: `{ actionPlan(id: "${fx.A.plan}") { ${'review { actionPlan { '.repeat(n)}id${' } }'.repeat(n)} } }`, kind: 'query' };
          case 'inline-fragments':
            return { query: `{ ${'... on Query { '.repeat(n)}boards { code }${' }'.repeat(n)} }`, kind: 'query' };
          case 'fragment-chain':
            return {
              query: `{ review(id: "${fx.A.review}") { ...F0 } } ${range(n)
                .map((i) => `fragment F${i} on Review { id ${i + 1 < n ? `incident { reviews { ...F${i + 1} } }` : ''} }`)
                .join(' ')}`,
              kind: 'query',
            };
          case 'fragment-cycle':
            return {
              query: `{ boards { ...F0 } } ${range(n)
                .map((i) => `fragment F${i} on Board { code ...F${(i + 1) % n} }`)
                .join(' ')}`,
              kind: 'query',
            };
          case 'aliases':
            return {
              query: `{ ${range(n)
                .map((i) => `a${i}: boards { code name }`)
                .join(' ')} }`,
              kind: 'query',
            };
          case 'typename-aliases':
            return {
              query: `{ ${range(n)
                .map((i) => `t${i}: __typename`)
                .join(' ')} }`,
              kind: 'query',
            };
          case 'record-aliases':
            return {
              query: `{ ${range(n)
                .map((i) => `r${i}: review(id: "${fx.A.review}") { id incident { children { identity { fullName } } } }`)
                .join(' ')} }`,
              kind: 'query',
            };
          case 'duplicate-fields':
            return { query: `{ ${'boards { code } '.repeat(n)}}`, kind: 'query' };
          case 'directives':
            return { query: `{ boards ${'@include(if: true) '.repeat(n)}{ code } }`, kind: 'query' };
          case 'unknown-directives':
            return {
              query: `{ boards ${range(n)
                .map((i) => `@d${i}`)
                .join(' ')} { code } }`,
              kind: 'query',
            };
          case 'many-operations':
            return {
              query: range(n)
                .map((i) => `query Q${i} { boards { code } }`)
                .join(' '),
              kind: 'query',
            };
          case 'nested-list-literal':
            return { query: `{ incidents(filter: { boardCodes: ${'['.repeat(n)}"LEEDS"${']'.repeat(n)} }) { totalCount } }`, kind: 'query' };
          case 'nested-object-literal':
            return { query: `{ incidents(filter: ${'{ boardCodes: '.repeat(n)}"LEEDS"${' }'.repeat(n)}) { totalCount } }`, kind: 'query' };
          case 'variables-flood':
            return {
              query: `query(${range(n)
                .map((i) => `$v${i}: String`)
                .join(', ')}) { boards { code } }`,
              kind: 'query',
            };
          default:
            // Many refused writes in one request (a stale version each): aliases must not multiply writes.
            return {
              query: `mutation { ${range(Math.min(n, 200))
                .map((i) => `m${i}: correctIncident(input: { incidentId: "${fx.A.incident}", expectedVersion: 999999, summary: "alias ${i}" }) { id }`)
                .join(' ')} }`,
              kind: 'mutation',
            };
        }
      };
      // Chains here are one-to-one (review -> incident -> reviews...); lists nested in lists have a property of their own below.
      const kinds = [
        'review-incident',
        'plan-review',
        'inline-fragments',
        'fragment-chain',
        'fragment-cycle',
        'aliases',
        'typename-aliases',
        'record-aliases',
        'duplicate-fields',
        'directives',
        'unknown-directives',
        'many-operations',
        'nested-list-literal',
        'nested-object-literal',
        'variables-flood',
        'mutation-aliases',
      ];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...kinds),
          fc.oneof(
            { weight: 2, arbitrary: fc.integer({ min: 1, max: 30 }) },
            { weight: 2, arbitrary: fc.integer({ min: 31, max: 1_500 }) },
            { weight: 1, arbitrary: fc.integer({ min: 1_500, max: 20_000 }) },
          ),
          fc.constantFrom('LEEDS.chair', 'anonymous', 'BRADFORD.chair'),
          async (kind, n, who) => {
            const { query, kind: opKind } = build(kind, n);
            const p = await probe(() => gql(callerOf(who).token, query), { supplied: [], kind: opKind });
            const problems = [...p.problems];
            if (p.answer.ms > 15_000) problems.push(`took ${p.answer.ms} ms`);
            if (who !== 'LEEDS.chair') problems.push(...leaksOf(p.answer, secretIds(), true));
            report({ ...p, problems }, { kind, n, who, length: query.length });
          },
        ),
        fcOptions(RUNS.deepAndAliasFlood),
      );
    },
    HANG_GUARD_MS,
  );

  /**
   * Lists nested in lists multiply: CALDERDALE is given 30 agencies, so
   * `board { agencies { boards { agencies ... } } }` holds 30^levels agencies.
   * An answer over 10,000 records (twenty of DOMAIN.md's largest 500-record
   * pages) must be refused before it runs. (Levels whose answer would exceed
   * 100,000 records are not sent: with 40 agencies, four levels exhaust the
   * memory of the process that serves the platform.)
   */
  it(
    'lists nested in lists: an answer over 10,000 records is refused before it runs (GRAPHQL_VALIDATION_FAILED)',
    async () => {
      const FANOUT = 30;
      const admin = callerOf('admin').token!;
      const existing = (await gqlData<{ agencies: { id: string }[] }>(admin, '{ agencies(boardCode: "CALDERDALE") { id } }')).agencies.length;
      for (let i = existing; i < FANOUT; i++) {
        await gqlData(admin, 'mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { id } }', {
          i: { name: `Calderdale fan-out agency ${i}`, sector: 'VOLUNTARY', boardCodes: ['CALDERDALE'] },
        });
      }
      const agencies = (
        await gqlData<{ agencies: { id: string; boards: { code: string }[] }[] }>(admin, '{ agencies(boardCode: "CALDERDALE") { id boards { code } } }')
      ).agencies;
      expect(agencies.every((a) => a.boards.length === 1)).toBe(true);
      const perLevel = agencies.length;
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.constantFrom('CALDERDALE.manager', 'BRADFORD.chair', 'analyst', 'admin'), async (levels, who) => {
          const records = perLevel ** levels;
          if (records > 100_000) return; // would take the test process down with it
          const query = `{ board(code: "CALDERDALE") { ${'agencies { boards { '.repeat(levels - 1)}agencies { id name }${' } }'.repeat(levels - 1)} } }`;
          const p = await probe(() => gql(callerOf(who).token, query), { supplied: [], kind: 'query' });
          const problems = [...p.problems];
          if (records > 10_000 && !(p.refused && codesOf(p.answer).every((c) => c === 'GRAPHQL_VALIDATION_FAILED'))) {
            problems.push(
              `an answer of ${records} agencies (${p.answer.text.length} bytes, ${p.answer.ms} ms) was not refused; one more level holds ${records * perLevel}`,
            );
          }
          report({ ...p, problems }, { levels, records, who });
        }),
        fcOptions(RUNS.fanOut),
      );
    },
    HANG_GUARD_MS,
  );

  it(
    'deeply nested JSON in variables, extensions and scalars is refused with BAD_USER_INPUT (or ignored), never an internal error',
    async () => {
      const nested = (depth: number, kind: 'array' | 'object', leafValue: string) =>
        kind === 'array' ? `${'['.repeat(depth)}${leafValue}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}${leafValue}${'}'.repeat(depth)}`;
      // listLevels: how many arrays the variable's type itself takes ([ID!]: one), so ["2026-01-01"]
      // there is a valid list, not nesting; the nesting starts beneath it.
      const places: Record<string, { query: string; variable: string; used: boolean; who: string; listLevels?: number }> = {
        'Date variable': {
          query: 'query($v: Date) { board(code: "LEEDS") { actionProgress(asOf: $v) { total } } }',
          variable: 'v',
          used: true,
          who: 'LEEDS.manager',
        },
        'DateTime variable': { query: 'query($v: DateTime) { panelNotifications(since: $v) { edges { cursor } } }', variable: 'v', used: true, who: 'panel' },
        'String variable': { query: 'query($v: String) { incidents(after: $v) { totalCount } }', variable: 'v', used: true, who: 'LEEDS.manager' },
        'ID list variable': {
          query: 'query($v: [ID!]) { incidents(filter: { boardCodes: $v }) { totalCount } }',
          variable: 'v',
          used: true,
          who: 'LEEDS.manager',
          listLevels: 1,
        },
        'input object variable': {
          query: 'query($v: IncidentFilter) { incidents(filter: $v) { totalCount } }',
          variable: 'v',
          used: true,
          who: 'LEEDS.manager',
        },
        'mutation input variable': {
          query: 'mutation($v: CorrectIncidentInput!) { correctIncident(input: $v) { id } }',
          variable: 'v',
          used: true,
          who: 'LEEDS.manager',
        },
        'unused variable': { query: '{ boards { code } }', variable: 'unused', used: false, who: 'LEEDS.manager' },
      };
      await fc.assert(
        fc.asyncProperty(
          // Custom scalars (Date, DateTime) take any JSON at the gateway, so they are tried most.
          fc.constantFrom('Date variable', 'DateTime variable', ...Object.keys(places), 'extensions'),
          fc.oneof({ weight: 1, arbitrary: fc.integer({ min: 1, max: 100 }) }, { weight: 4, arbitrary: fc.integer({ min: 1, max: 200_000 }) }),
          fc.constantFrom<'array' | 'object'>('array', 'object'),
          async (place, depth, shape) => {
            const spec = places[place] ?? places['unused variable']!;
            const value = nested(shape === 'array' ? depth + (spec.listLevels ?? 0) : depth, shape, '"2026-01-01"');
            const body =
              place === 'extensions'
                ? `{"query":${JSON.stringify(spec.query)},"extensions":${value}}`
                : `{"query":${JSON.stringify(spec.query)},"variables":{${JSON.stringify(spec.variable)}:${value}}}`;
            const p = await probe(() => send(body, { token: callerOf(spec.who).token }), {
              supplied: ['2026-01-01'],
              kind: spec.query.startsWith('mutation') ? 'mutation' : 'query',
              dataField: 'correctIncident',
            });
            const problems = [...p.problems];
            if (place !== 'extensions' && spec.used && !(p.refused && codesOf(p.answer).every((c) => c === 'BAD_USER_INPUT')))
              problems.push(`not refused with BAD_USER_INPUT: ${codesOf(p.answer)}`);
            report({ ...p, problems }, { place, depth, shape, bytes: body.length });
          },
        ),
        fcOptions(RUNS.deepJsonVariables),
      );
    },
    HANG_GUARD_MS,
  );
});

// ------------------------------------------------------------------ token claims

/** An HS256 token signed with the development secret, with any claims at all. */
function devToken(claims: Record<string, unknown>): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const head = `${b64({ alg: 'HS256' })}.${b64({ iat: now, exp: now + 3600, ...claims })}`;
  return `${head}.${createHmac('sha256', t.config.auth.devSecret ?? '')
    .update(head)
    .digest('base64url')}`;
}

const CLAIM_QUERIES: { query: string; dataField: string; kind: 'query' | 'mutation'; variables?: () => Record<string, unknown> }[] = [
  { query: '{ me { subject roles board { code } agency { id } reviewer { id } } }', dataField: 'me', kind: 'query' },
  {
    query: '{ incidents { totalCount edges { node { id reference summary children { pseudonym identity { fullName } } } } } }',
    dataField: 'incidents',
    kind: 'query',
  },
  { query: '{ reviews { totalCount edges { node { id reference findings } } } }', dataField: 'reviews', kind: 'query' },
  { query: '{ informationRequests { totalCount edges { node { id review { reference } } } } }', dataField: 'informationRequests', kind: 'query' },
  { query: '{ actions { totalCount edges { node { id description } } } }', dataField: 'actions', kind: 'query' },
  { query: '{ auditEvents(first: 5) { totalCount } }', dataField: 'auditEvents', kind: 'query' },
  {
    query: 'mutation($i: CorrectIncidentInput!) { correctIncident(input: $i) { id } }',
    dataField: 'correctIncident',
    kind: 'mutation',
    variables: () => ({ i: { incidentId: randomUUID(), expectedVersion: 1, summary: 'x' } }),
  },
  {
    query: 'mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }',
    dataField: 'reportIncident',
    kind: 'mutation',
    variables: () => ({ i: incidentInput('LEEDS') }),
  },
];

describe('hostile token claims (signed with the development secret, as an identity provider would sign whatever it holds)', () => {
  const roleOf = { board: 'BOARD_MANAGER', agency: 'AGENCY_CONTRIBUTOR', reviewer: 'REVIEWER' } as const;
  const validClaims = (claim: 'board' | 'agency' | 'reviewer') =>
    ({
      board: { roles: ['BOARD_MANAGER'], board: 'LEEDS' },
      agency: { roles: ['AGENCY_CONTRIBUTOR'], agency: fx.leedsAgency },
      reviewer: { roles: ['REVIEWER'], reviewer: fx.reviewer1 },
    })[claim];

  it(
    'a long or hostile subject, board, agency, reviewer or role list never makes anything fail inside',
    async () => {
      const longOrHostile = fc.oneof(
        { weight: 1, arbitrary: fc.oneof(injectionArb, fc.constantFrom('.', '..', '../admin', '%2e%2e', '?x=1', '#')) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).filter((v) => !hasLoneSurrogate(v)) },
        { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 3_000 }), fc.constantFrom('s', '😀', "'", 'L')).map(([n, c]) => longString(n, c)) },
      );
      const claimArb = fc.oneof(
        ...(['sub', 'board', 'agency', 'reviewer'] as const).map((field) =>
          fc.record({ field: fc.constant<string>(field), value: longOrHostile as fc.Arbitrary<unknown> }),
        ),
        // Every role is real, but repeated: the list itself grows without bound.
        fc.record({
          field: fc.constant<string>('roles'),
          value: fc.integer({ min: 1, max: 400 }).map((n): unknown => Array.from({ length: n }, (_, i) => (i % 2 ? 'ANALYST' : 'BOARD_MANAGER'))),
        }),
      );
      await fc.assert(
        fc.asyncProperty(claimArb, fc.integer({ min: 0, max: CLAIM_QUERIES.length - 1 }), async ({ field, value }, q) => {
          const { query, dataField, kind, variables } = at(CLAIM_QUERIES, q);
          const base: Record<string, unknown> =
            field === 'sub' || field === 'roles'
              ? { sub: 'claims-test', roles: ['BOARD_MANAGER'], board: 'LEEDS' }
              : { sub: 'claims-test', ...validClaims(field as 'board') };
          const token = devToken({ ...base, [field]: value });
          const supplied = stringsIn(value);
          const p = await probe(() => gql(token, query, variables?.() ?? {}), { supplied, dataField, kind });
          const problems = [...p.problems];
          if (field === 'sub' && dataField === 'me' && !p.refused && p.answer.json?.data?.me?.subject !== value)
            problems.push(`me.subject is ${JSON.stringify(p.answer.json?.data?.me?.subject)}`);
          if (field !== 'sub' && field !== 'roles') {
            problems.push(...leaksOf(p.answer, supplied, true));
            if (!p.refused) problems.push(`a token naming ${field} ${JSON.stringify(value)}, which does not exist, was answered`);
          }
          report({ ...p, problems }, { claim: field, value: Array.isArray(value) ? `${value.length} roles` : value, query });
        }),
        fcOptions(RUNS.longClaims),
      );
    },
    HANG_GUARD_MS,
  );

  it(
    'a board, agency or reviewer that differs from a real one only in case, spacing or accents is FORBIDDEN and sees no LEEDS record',
    async () => {
      const boardVariants = ['leeds', 'Leeds', 'LEEDS ', ' LEEDS', 'LEEDS\t', 'LEEDS\u0000', 'LEEDS\u200b', 'LÉEDS', 'LEÉDS', 'ＬＥＥＤＳ'];
      const idVariants = (id: string) => [id.toUpperCase(), ` ${id}`, `${id} `, `${id}\u0000`, `${id.slice(0, -1)}%`, `${id.slice(0, -1)}_`];
      const variantArb = fc.oneof(
        fc.record({ field: fc.constant<'board'>('board'), value: fc.constantFrom(...boardVariants) }),
        fc.record({ field: fc.constant<'agency'>('agency'), value: fc.constantFrom(...idVariants(fx.leedsAgency)) }),
        fc.record({ field: fc.constant<'reviewer'>('reviewer'), value: fc.constantFrom(...idVariants(fx.reviewer1)) }),
      );
      await fc.assert(
        fc.asyncProperty(variantArb, fc.integer({ min: 0, max: CLAIM_QUERIES.length - 1 }), async ({ field, value }, q) => {
          const { query, dataField, kind, variables } = at(CLAIM_QUERIES, q);
          const token = devToken({ sub: `variant-${field}`, roles: [roleOf[field]], [field]: value });
          const p = await probe(() => gql(token, query, variables?.() ?? {}), { supplied: [value], dataField, kind });
          const problems = [...p.problems, ...leaksOf(p.answer, [value], true)];
          if (!p.refused) problems.push(`a token naming ${field} ${JSON.stringify(value)}, which does not exist, was answered`);
          else if (!codesOf(p.answer).every((c) => c === 'FORBIDDEN' || c === 'UNAUTHENTICATED'))
            problems.push(`refused with ${codesOf(p.answer)}, not FORBIDDEN`);
          report({ ...p, problems }, { claim: field, value, query });
        }),
        fcOptions(RUNS.claimVariants),
      );
    },
    HANG_GUARD_MS,
  );
});

// ------------------------------------------------------------------ however an operation is written

/**
 * Ways to write the same selection set: every rule must answer a rewritten
 * operation exactly as the plain one (DOMAIN.md: fragments, inline fragments,
 * @include/@skip, aliases and variables change nothing).
 */
const SHAPES = ['plain', 'namedFragment', 'inlineFragment', 'typedInlineFragment', 'include', 'includeVariable', 'skip', 'alias', 'typename'] as const;
type Shape = (typeof SHAPES)[number];
/** Aliases the rewrite gives; an answer is compared with the prefix taken off. */
const ALIAS = 'shaped_';

/**
 * Rewrites an operation: the n-th selection set (depth first) is written in
 * shapes[n % shapes.length]. Types come from the served schema, so fragments
 * name the right type conditions.
 */
function reshape(source: string, shapes: Shape[]): { query: string; variables: Record<string, unknown> } {
  const doc = parse(source);
  const op = doc.definitions[0] as OperationDefinitionNode;
  const fragments: FragmentDefinitionNode[] = [];
  const name = (value: string) => ({ kind: Kind.NAME, value }) as const;
  const named = (value: string) => ({ kind: Kind.NAMED_TYPE, name: name(value) }) as const;
  const directive = (n: 'include' | 'skip', value: ValueNode): DirectiveNode => ({
    kind: Kind.DIRECTIVE,
    name: name(n),
    arguments: [{ kind: Kind.ARGUMENT, name: name('if'), value }],
  });
  const yes: ValueNode = { kind: Kind.BOOLEAN, value: true };
  let n = 0;
  let usesVariable = false;
  const rewrite = (set: SelectionSetNode, type: GraphQLObjectType): SelectionSetNode => {
    const shape = at(shapes, n++ % shapes.length);
    const selections = set.selections.map((sel): SelectionNode => {
      if (sel.kind !== Kind.FIELD || !sel.selectionSet) return sel;
      const field = type.getFields()[sel.name.value];
      if (!field) throw new Error(`${type.name} has no field ${sel.name.value}`);
      const child = getNamedType(field.type) as GraphQLObjectType;
      return { ...sel, selectionSet: rewrite(sel.selectionSet, child) };
    });
    const inner: SelectionSetNode = { kind: Kind.SELECTION_SET, selections };
    const only = (selection: SelectionNode): SelectionSetNode => ({ kind: Kind.SELECTION_SET, selections: [selection] });
    const [first, ...rest] = selections as FieldNode[];
    // GraphQL has no empty selection sets; the field-rewriting shapes rely on that.
    if (!first) throw new Error('a selection set with no selections');
    switch (shape) {
      case 'plain':
        return inner;
      case 'inlineFragment':
        return only({ kind: Kind.INLINE_FRAGMENT, directives: [], selectionSet: inner });
      case 'typedInlineFragment':
        return only({ kind: Kind.INLINE_FRAGMENT, typeCondition: named(type.name), directives: [], selectionSet: inner });
      case 'namedFragment': {
        const fragment = `Shape${fragments.length}`;
        fragments.push({ kind: Kind.FRAGMENT_DEFINITION, name: name(fragment), typeCondition: named(type.name), directives: [], selectionSet: inner });
        return only({ kind: Kind.FRAGMENT_SPREAD, name: name(fragment), directives: [] });
      }
      case 'include':
        return only({ kind: Kind.INLINE_FRAGMENT, directives: [directive('include', yes)], selectionSet: inner });
      case 'includeVariable':
        usesVariable = true;
        return only({ kind: Kind.INLINE_FRAGMENT, directives: [directive('include', { kind: Kind.VARIABLE, name: name('shapeYes') })], selectionSet: inner });
      case 'skip':
        return {
          ...inner,
          selections: [{ ...first, directives: [...(first.directives ?? []), directive('skip', { kind: Kind.BOOLEAN, value: false })] }, ...rest],
        };
      case 'alias':
        return { ...inner, selections: [{ ...first, alias: name(`${ALIAS}${(first.alias ?? first.name).value}`) }, ...rest] };
      case 'typename':
        return { ...inner, selections: [{ kind: Kind.FIELD, name: name('__typename') }, ...selections] };
    }
  };
  const selectionSet = rewrite(op.selectionSet, schema.getQueryType()!);
  const variableDefinitions = [
    ...(op.variableDefinitions ?? []),
    ...(usesVariable
      ? [
          {
            kind: Kind.VARIABLE_DEFINITION,
            variable: { kind: Kind.VARIABLE, name: name('shapeYes') },
            type: { kind: Kind.NON_NULL_TYPE, type: named('Boolean') },
          } as const,
        ]
      : []),
  ];
  const operation: OperationDefinitionNode = { ...op, operation: op.operation, variableDefinitions, selectionSet };
  return { query: print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments] }), variables: usesVariable ? { shapeYes: true } : {} };
}

/** An answer with the rewrite's marks taken off: __typename and alias prefixes; errors as path and code. */
function unshaped(answer: Answer) {
  const key = (k: string | number) => (typeof k === 'string' && k.startsWith(ALIAS) ? k.slice(ALIAS.length) : k);
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (!v || typeof v !== 'object') return v;
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => k !== '__typename')
        .map(([k, x]) => [key(k), strip(x)]),
    );
  };
  const errors: { path?: (string | number)[]; extensions?: { code?: string } }[] = Array.isArray(answer.json?.errors) ? answer.json.errors : [];
  return {
    status: answer.status,
    data: strip(answer.json?.data ?? null),
    errors: errors.map((e) => `${(e.path ?? []).map(key).join('.')} ${e.extensions?.code}`).sort(),
  };
}

/** Operations whose answer depends on who reaches which record and which field: the path- and field-sensitive rules. */
const shapeCases = () => [
  {
    label: 'publishedReviews',
    query:
      '{ publishedReviews(first: 500) { totalCount edges { node { id reference kind themes board { code name kind } publication { url publishedOn availableUntil } } } } }',
  },
  {
    label: 'review A in full',
    query:
      'query($id: ID!) { review(id: $id) { reference stage kind board { code } decision { rationale } findings methodology { name } informationRequests { response agency { id } } familyEngagement { note } appointments { reviewer { name } } incident { reference children { pseudonym identity { fullName } } } } }',
    variables: { id: fx.A.review },
  },
  {
    label: 'review B challenges',
    query: 'query($id: ID!) { review(id: $id) { reference peerChallenges { question challengerBoard { code } } } }',
    variables: { id: fx.B.review },
  },
  {
    label: 'informationRequests',
    query: '{ informationRequests(first: 500) { edges { node { id response review { reference stage findings decision { rationale } } } } } }',
  },
  {
    label: 'incident A',
    query: 'query($id: ID!) { incident(id: $id) { reference summary children { pseudonym identity { fullName } } reviews { reference findings } } }',
    variables: { id: fx.A.incident },
  },
  { label: 'reviews', query: '{ reviews(first: 500) { edges { node { reference stage findings } } } }' },
  { label: 'actions', query: '{ actions(first: 500) { edges { node { id description plan { id actions { description } } } } } }' },
  { label: 'action plan A', query: 'query($id: ID!) { actionPlan(id: $id) { id actions { description ownerAgency { id } } } }', variables: { id: fx.A.plan } },
  { label: 'me', query: '{ me { roles reviewer { id name qualifications } } }' },
];

describe('however an operation is written', () => {
  const shapesArb = fc.array(fc.constantFrom(...SHAPES), { minLength: 1, maxLength: 4 });

  it(
    'answers a rewritten operation (fragments, @include/@skip, aliases, __typename) exactly as the plain one, for every caller',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...Object.keys(callers)), fc.integer({ min: 0, max: shapeCases().length - 1 }), shapesArb, async (who, i, shapes) => {
          const { label, query, variables = {} } = at(shapeCases(), i);
          const caller = callerOf(who);
          const shaped = reshape(query, shapes);
          const plain = unshaped(await gql(caller.token, query, variables));
          const other = unshaped(await gql(caller.token, shaped.query, { ...variables, ...shaped.variables }));
          debugTally(`shape ${label}: ${plain.errors.length ? plain.errors.join(',') : 'answered'}`);
          if (!isDeepStrictEqual(plain, other)) {
            throw new Error(
              `${label} as ${caller.name} answered differently when written as\n  ${shaped.query}\n  plain: ${JSON.stringify(plain).slice(0, 600)}\n  shaped: ${JSON.stringify(other).slice(0, 600)}`,
            );
          }
        }),
        fcOptions(RUNS.shapes),
      );
    },
    HANG_GUARD_MS,
  );

  it(
    'never answers a confidential review field under publishedReviews, however it is asked for',
    async () => {
      const attacks = [
        '{ publishedReviews { edges { node { reference findings } } } }',
        '{ publishedReviews { edges { node { reference stage } } } }',
        '{ publishedReviews { edges { node { reference ... on Review { findings } } } } }',
        '{ publishedReviews { edges { node { reference incident { id } } } } }',
      ];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...Object.keys(callers)), fc.constantFrom(...attacks), shapesArb, async (who, attack, shapes) => {
          const caller = callerOf(who);
          const shaped = attack.includes('incident') ? { query: attack, variables: {} } : reshape(attack, shapes);
          const answer = await gql(caller.token, shaped.query, shaped.variables);
          if (!isDeepStrictEqual(codesOf(answer), ['GRAPHQL_VALIDATION_FAILED']) || answer.json?.data !== undefined) {
            throw new Error(`publishedReviews answered ${caller.name} ${answer.text.slice(0, 400)}\n  to ${shaped.query}`);
          }
        }),
        fcOptions(RUNS.shapeAttacks),
      );
    },
    HANG_GUARD_MS,
  );
});

// ------------------------------------------------------------------ the harness itself

describe('every operation with its base arguments', () => {
  it(
    'is answered without an internal error, a leak or a stray change (the base arguments are valid: hostile leaves decide)',
    async () => {
      for (const op of ops) {
        const caller = bestCaller(op);
        const r = await sendWith(op, caller, null, undefined, 'variables');
        report(r.p, r.context);
      }
      expect(ops.map((o) => o.label)).toEqual(
        expect.arrayContaining(['Query.incident', 'Mutation.reportIncident', 'Mutation.publishReview', 'Board.incidentStats']),
      );
    },
    HANG_GUARD_MS,
  );
});
