import type { Connection } from 'mysql2/promise';
import { addCalendarMonths, addDays, addWorkingDays, daysBetween, type IsoDate } from '@scr/calendar';
import { regimeAt, type RegimeName } from '@scr/graphql-kit';
import { rebuildIncidentCountsSql } from '@scr/incidents-service';
import { BulkInsert } from './bulk-insert';
import { benchId, Random } from './random';
import { BOARDS, directoryRows, REVIEWER_COUNT, type DirectoryRows } from './directory';

/** The four subgraph databases, each its own connection. */
export interface Databases {
  agencies: Connection;
  incidents: Connection;
  reviews: Connection;
  actionPlans: Connection;
}

export interface GenerateOptions {
  incidents: number;
  today: IsoDate;
  seed?: number;
  /** Told after every 10,000 incidents. */
  progress?: (done: number) => void;
}

/** What the scenarios need to find in the data. */
export interface GeneratedFacts {
  /** A LEEDS review at REPORT_FINAL or later: it has appointments, agencies and an action plan with actions and updates. */
  richReviewId: string;
  incidents: number;
  reviews: number;
  actions: number;
}

// Kinds of generated id (first hex digit); see benchId.
const ID = { incident: 1, review: 2, plan: 3, action: 4 } as const;

const FIRST_DAY: IsoDate = '2015-01-01';
const CRITERIA = ['CHILD_SERIOUSLY_HARMED', 'CHILD_SERIOUSLY_HARMED', 'CHILD_SERIOUSLY_HARMED', 'CHILD_DIED', 'LOOKED_AFTER_CHILD_DIED'];
const BANDS = ['UNDER_1', 'UNDER_1', 'AGE_1_TO_5', 'AGE_6_TO_10', 'AGE_11_TO_15', 'AGE_16_PLUS', 'UNKNOWN'];
const SEXES = ['FEMALE', 'MALE', 'FEMALE', 'MALE', 'UNKNOWN'];
const ETHNICITIES = ['WHITE', 'WHITE', 'WHITE', 'ASIAN_OR_ASIAN_BRITISH', 'MIXED', 'BLACK_OR_BLACK_BRITISH', 'OTHER_ETHNIC_GROUP', 'NOT_KNOWN'];
const STATUSES = ['CHILD_IN_NEED', 'CHILD_PROTECTION_PLAN', 'NOT_KNOWN_TO_SOCIAL_CARE', 'LOOKED_AFTER'];
const ABUSE_TYPES = ['NEGLECT', 'PHYSICAL', 'EMOTIONAL', 'SEXUAL', 'EXTRA_FAMILIAL_HARM', 'OTHER'];
const THEMES = ['DOMESTIC_ABUSE', 'PARENTAL_MENTAL_HEALTH', 'NEGLECT', 'SAFE_SLEEPING', 'INFORMATION_SHARING', 'VOICE_OF_THE_CHILD'];
const PARTNERS = JSON.stringify(['CHILDRENS_SOCIAL_CARE', 'POLICE', 'HEALTH']);
const BY = 'bench-generator';

const stamp = (day: IsoDate, time = '10:00:00.000') => `${day} ${time}`;

/** A later stage for an older review (a report and its publication take up to 300 days); the newest still await a decision. */
function stageFor(random: Random, ageInDays: number): string {
  if (ageInDays < 20) return 'AWAITING_DECISION';
  const r = random.next();
  if (r < 0.5) return 'NOT_PROCEEDING';
  if (ageInDays < 400 || r < 0.58) return 'IN_PROGRESS';
  if (r < 0.7) return 'REPORT_FINAL';
  if (r < 0.95) return 'PUBLISHED';
  return 'CLOSED';
}

/**
 * Writes a realistic platform straight into the four subgraph databases
 * (already migrated, empty): the directory, `incidents` incidents over
 * 2015-today with children and abuse types, the review each notification
 * or referral opened in every stage with decisions, appointments, agencies
 * and themes, and action plans with actions and updates for reviews past
 * their report. Every row follows from the incident's index and one seeded
 * random source, so the data set is the same on every run.
 *
 * It keeps the invariants the services keep when they write: reference
 * numbers and their counters, notification deadlines, regimes and panel
 * recipients, the reviews subgraph's incident_facts, review references and
 * kinds from the review-opening rules. A new derived table (e.g. pre-aggregated
 * statistics) gets its rows where the rows it derives from are written below,
 * or from one INSERT ... SELECT after the loop (see `afterIncidents`).
 */
export async function generate(dbs: Databases, options: GenerateOptions): Promise<GeneratedFacts> {
  const random = new Random(options.seed ?? 20261201);
  // Tables fill in batches, a child table's batch sometimes before its parent's: the rows agree by construction.
  for (const db of Object.values(dbs)) await db.query('SET SESSION foreign_key_checks = 0');
  const directory = directoryRows();
  await writeDirectory(dbs, directory);

  const t = tables(dbs);
  const counters = new Map<string, number>();
  const lastDay = addDays(options.today, -3);
  const span = daysBetween(FIRST_DAY, lastDay);
  let reviews = 0;
  let actions = 0;
  let richReviewId = '';

  for (let i = 0; i < options.incidents; i++) {
    // The index is taken modulo the length of a constant, non-empty list.
    const board = BOARDS[i % BOARDS.length]!;
    // Chronological: reference numbers follow the dates, as reporting them in order would.
    const awareOn = addDays(FIRST_DAY, Math.floor((i * span) / options.incidents));
    const occurredOn = addDays(awareOn, -random.int(4));
    const year = Number(awareOn.slice(0, 4));
    const counterKey = `${board.code}|${year}`;
    const number = (counters.get(counterKey) ?? 0) + 1;
    counters.set(counterKey, number);
    const reference = `${board.code}-${year}-${String(number).padStart(4, '0')}`;
    const incidentId = benchId(ID.incident, i + 1);

    const referral = random.chance(0.03);
    const criterion = referral ? 'CHILD_SERIOUSLY_HARMED' : random.pick(CRITERIA);
    const abuse = referral
      ? 'NOT_KNOWN'
      : criterion === 'LOOKED_AFTER_CHILD_DIED' && random.chance(0.3)
        ? 'NOT_KNOWN'
        : random.chance(0.4)
          ? 'KNOWN'
          : 'SUSPECTED';
    const notifiable = !referral;
    const dueOn = notifiable ? addWorkingDays(awareOn, 5) : null;
    const notifiedOn = notifiable && random.chance(0.97) ? addDays(awareOn, 1 + random.int(8)) : null;
    const regime: RegimeName | null = notifiedOn ? regimeAt(notifiedOn, board.from) : null;
    const toPanel = !!regime && regime === 'PARTNERSHIP' && !(criterion === 'LOOKED_AFTER_CHILD_DIED' && abuse === 'NOT_KNOWN');
    const version = notifiedOn ? 2 : 1;

    await t.incidents.add([
      incidentId,
      reference,
      year,
      number,
      board.code,
      criterion,
      abuse,
      random.chance(0.05),
      notifiable,
      occurredOn,
      null,
      awareOn,
      dueOn,
      notifiedOn,
      notifiedOn ? stamp(notifiedOn) : null,
      `Generated incident ${i + 1} for the benchmark.`,
      version,
      BY,
      stamp(awareOn, '09:00:00.000'),
      regime,
      toPanel,
      toPanel && notifiedOn ? stamp(notifiedOn) : null,
    ]);
    const children = 1 + (random.chance(0.2) ? 1 : 0) + (random.chance(0.05) ? 1 : 0);
    for (let k = 0; k < children; k++) {
      await t.children.add([
        incidentId,
        k,
        `Child ${String.fromCharCode(65 + ((i + k) % 26))}`,
        `Generated Child ${i + 1}-${k + 1}`,
        null,
        random.pick(BANDS),
        false,
        random.pick(SEXES),
        random.pick(ETHNICITIES),
        random.chance(0.1) ? random.chance(0.5) : null,
        random.pick(STATUSES),
      ]);
    }
    if (abuse !== 'NOT_KNOWN') {
      const first = random.int(ABUSE_TYPES.length);
      const types = random.chance(0.3) ? [first, (first + 1 + random.int(ABUSE_TYPES.length - 1)) % ABUSE_TYPES.length] : [first];
      for (const [position, type] of types.entries()) await t.abuseTypes.add([incidentId, ABUSE_TYPES[type], position]);
    }

    // The reviews subgraph heard of it: an incident.notified or incident.referred event.
    if (!notifiedOn && !referral) continue;
    await t.facts.add([incidentId, criterion, abuse, notifiedOn, toPanel, version, stamp(notifiedOn ?? awareOn)]);
    const openedOn = notifiedOn ?? awareOn;
    const reviewRegime = regime ?? regimeAt(openedOn, board.from);
    const lscb = reviewRegime === 'LSCB';
    const decisionDueOn = lscb ? addCalendarMonths(openedOn, 1) : addWorkingDays(openedOn, 15);
    const stage = referral && daysBetween(openedOn, options.today) >= 20 ? 'NOT_PROCEEDING' : stageFor(random, daysBetween(openedOn, options.today));
    const decided = stage !== 'AWAITING_DECISION';
    const initiated = decided && stage !== 'NOT_PROCEEDING';
    const reported = stage === 'REPORT_FINAL' || stage === 'PUBLISHED' || stage === 'CLOSED';
    const published = stage === 'PUBLISHED' || stage === 'CLOSED';
    const openingKind = lscb ? 'SERIOUS_CASE_REVIEW' : 'RAPID_REVIEW';
    const kind = initiated && !lscb ? 'LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW' : openingKind;
    const decidedOn = decided ? addDays(openedOn, 3 + random.int(10)) : null;
    const initiatedOn = initiated ? decidedOn : null;
    const completionDue = initiatedOn ? addCalendarMonths(initiatedOn, 6) : null;
    const completedOn = reported ? addDays(initiatedOn!, 120 + random.int(120)) : null;
    const sentToPanelOn = published ? addDays(completedOn!, 5) : null;
    const publishedOn = published ? addDays(sentToPanelOn!, 20 + random.int(30)) : null;
    const reviewId = benchId(ID.review, i + 1);
    reviews += 1;
    await t.reviews.add([
      reviewId,
      `${reference}-REV`,
      incidentId,
      board.code,
      reviewRegime,
      kind,
      stage,
      openedOn,
      decisionDueOn,
      decided ? (initiated ? 'INITIATE_REVIEW' : 'NO_FURTHER_REVIEW') : null,
      decided ? initiated : null,
      decided ? PARTNERS : null,
      decided ? 'Generated decision rationale.' : null,
      decidedOn,
      decided ? 'bench-chair' : null,
      initiatedOn,
      completionDue,
      reported ? 'Appreciative inquiry' : null,
      reported ? 'Practitioner interviews and case records.' : null,
      reported ? 'Systems analysis.' : null,
      reported ? 'Generated findings for the benchmark.' : null,
      completedOn,
      published ? `https://example.org/reviews/${reference}` : null,
      sentToPanelOn,
      publishedOn,
      publishedOn ? addCalendarMonths(publishedOn, 12) : null,
      published ? 'A generated plain-English summary.' : null,
      published ? true : null,
      published ? true : null,
      published ? true : null,
      decided ? 2 + (initiated ? 1 : 0) + (reported ? 1 : 0) + (published ? 1 : 0) : 1,
      stamp(openedOn),
      referral ? 'REFERRAL' : 'NOTIFICATION',
    ]);
    const boardAgencies = directory.agencyIdsByBoard.get(board.code)!;
    for (const [position, agencyId] of boardAgencies.slice(0, 2 + (i % 2)).entries()) await t.reviewAgencies.add([reviewId, agencyId, position]);
    if (!initiated) continue;
    await t.themes.add([reviewId, THEMES[i % THEMES.length], 0]);
    await t.themes.add([reviewId, THEMES[(i + 2) % THEMES.length], 1]);
    const lead = directory.reviewerIds[i % REVIEWER_COUNT];
    const second = directory.reviewerIds[(i + 7) % REVIEWER_COUNT];
    await t.appointments.add([reviewId, lead, true, initiatedOn, 'I have had no part in this case.']);
    await t.appointments.add([reviewId, second, false, initiatedOn, 'I have had no part in this case.']);
    if (!reported) continue;

    const planId = benchId(ID.plan, i + 1);
    await t.plans.add([planId, reviewId, board.code, BY, stamp(completedOn!)]);
    for (let a = 0; a < 3; a++) {
      actions += 1;
      const actionId = benchId(ID.action, (i + 1) * 4 + a);
      const dueOnAction = addCalendarMonths(completedOn!, 3 + a * 3);
      const done = daysBetween(dueOnAction, options.today) > 0 && random.chance(0.7);
      const status = done ? 'COMPLETED' : a === 0 ? 'IN_PROGRESS' : 'NOT_STARTED';
      const assessed = done && random.chance(0.5);
      await t.actions.add([
        actionId,
        planId,
        reviewId,
        board.code,
        `Recommendation ${a + 1}`,
        `Generated action ${a + 1} of review ${reference}-REV.`,
        boardAgencies[a % boardAgencies.length],
        dueOnAction,
        JSON.stringify(['Audit shows the change', 'Practitioners report it']),
        status,
        done ? dueOnAction : null,
        assessed ? dueOnAction : null,
        assessed ? 'PARTIAL' : null,
        assessed ? 'Audit of ten cases.' : null,
        1 + (status === 'NOT_STARTED' ? 0 : 1) + (done ? 1 : 0),
        stamp(completedOn!),
      ]);
      if (status !== 'NOT_STARTED') await t.updates.add([actionId, stamp(addDays(completedOn!, 10)), BY, 'IN_PROGRESS', 'Work has started.']);
      if (done) await t.updates.add([actionId, stamp(dueOnAction), BY, 'COMPLETED', 'Done and evidenced.']);
    }
    if (board.code === 'LEEDS' && published) richReviewId = reviewId;
    if ((i + 1) % 10_000 === 0) options.progress?.(i + 1);
  }
  for (const table of Object.values(t)) await table.flush();

  const counterRows = [...counters].map(([key, last]) => [...key.split('|'), last]);
  await dbs.incidents.query('INSERT INTO incident_reference_counters (board_code, year, last_number) VALUES ?', [counterRows]);
  await afterIncidents(dbs);
  return { richReviewId, incidents: options.incidents, reviews, actions };
}

/**
 * Tables derived wholesale from the rows above: add an INSERT ... SELECT here
 * for a summary table a service keeps in step with its writes (e.g.
 * pre-aggregated incident statistics), so the generated data looks as if the
 * service had written every incident itself.
 */
async function afterIncidents(dbs: Databases): Promise<void> {
  // The incidents subgraph's pre-aggregated statistics, built by its own rebuild statements.
  await dbs.incidents.beginTransaction();
  for (const sql of rebuildIncidentCountsSql('mysql')) await dbs.incidents.query(sql);
  await dbs.incidents.commit();
}

function tables(dbs: Databases) {
  return {
    incidents: new BulkInsert(dbs.incidents, 'incidents', [
      'id',
      'reference',
      'reference_year',
      'reference_number',
      'board_code',
      'criterion',
      'abuse_or_neglect',
      'suspected_suicide',
      'notifiable',
      'occurred_on',
      'occurred_in_area',
      'aware_on',
      'notification_due_on',
      'notified_on',
      'notification_recorded_at',
      'summary',
      'version',
      'created_by',
      'created_at',
      'notification_regime',
      'notified_to_panel',
      'panel_recorded_at',
    ]),
    children: new BulkInsert(dbs.incidents, 'incident_children', [
      'incident_id',
      'position',
      'pseudonym',
      'full_name',
      'date_of_birth',
      'age_band',
      'age_band_derived',
      'sex',
      'ethnicity',
      'disability',
      'social_care_status',
    ]),
    abuseTypes: new BulkInsert(dbs.incidents, 'incident_abuse_types', ['incident_id', 'abuse_type', 'position']),
    facts: new BulkInsert(dbs.reviews, 'incident_facts', [
      'incident_id',
      'criterion',
      'abuse_or_neglect',
      'notified_on',
      'notified_to_panel',
      'incident_version',
      'updated_at',
    ]),
    reviews: new BulkInsert(dbs.reviews, 'reviews', [
      'id',
      'reference',
      'incident_id',
      'board_code',
      'regime',
      'kind',
      'stage',
      'opened_on',
      'decision_due_on',
      'decision_outcome',
      'decision_criteria_met',
      'decision_partners_agreed',
      'decision_rationale',
      'decided_on',
      'decided_by',
      'initiated_on',
      'completion_due_on',
      'methodology_name',
      'methodology_data_collection',
      'methodology_analysis',
      'findings',
      'completed_on',
      'publication_url',
      'sent_to_panel_on',
      'published_on',
      'available_until',
      'plain_english_summary',
      'welfare_impact_considered',
      'data_protection_checked',
      'court_restrictions_checked',
      'version',
      'created_at',
      'origin',
    ]),
    reviewAgencies: new BulkInsert(dbs.reviews, 'review_agencies', ['review_id', 'agency_id', 'position']),
    themes: new BulkInsert(dbs.reviews, 'review_themes', ['review_id', 'theme', 'position']),
    appointments: new BulkInsert(dbs.reviews, 'review_appointments', ['review_id', 'reviewer_id', 'lead', 'appointed_on', 'independence_statement']),
    plans: new BulkInsert(dbs.actionPlans, 'action_plans', ['id', 'review_id', 'board_code', 'created_by', 'created_at']),
    actions: new BulkInsert(dbs.actionPlans, 'actions', [
      'id',
      'plan_id',
      'review_id',
      'board_code',
      'recommendation',
      'description',
      'owner_agency_id',
      'due_on',
      'success_criteria',
      'status',
      'completed_on',
      'impact_assessed_on',
      'impact_rating',
      'impact_evidence',
      'version',
      'created_at',
    ]),
    updates: new BulkInsert(dbs.actionPlans, 'action_updates', ['action_id', 'at', 'by', 'status', 'note']),
  };
}

async function writeDirectory(dbs: Databases, d: DirectoryRows): Promise<void> {
  await dbs.agencies.query('INSERT INTO agencies (id, name, sector, created_at) VALUES ?', [d.agencies]);
  await dbs.agencies.query('INSERT INTO agency_boards (agency_id, board_code) VALUES ?', [d.agencyBoards]);
  await dbs.reviews.query('INSERT INTO reviewers (id, name, qualifications, affiliated_agency_ids, affiliated_board_codes, created_at) VALUES ?', [
    d.reviewers,
  ]);
}
