import { addDays, todayInLondon } from '@scr/calendar';
import { boardTokens, errorCode, mutate, notifiedCase, startTestPlatform, type TestPlatform } from '@scr/testing';

let t: TestPlatform;
let admin: string;
let leeds: { manager: string; chair: string };
let bradford: { manager: string; chair: string };
let leedsAgency: string;
let bradfordAgency: string;
let contributor: string;
const today = todayInLondon();

const PLAN_FIELDS = `id board { code } review { id reference } progress { total completed inProgress overdue impactEvidenced }
  publicationSummary { actionsTaken impact furtherActions }
  actions { id recommendation description dueOn successCriteria status rag overdue completedOn version ownerAgency { id name } impact { rating evidence assessedOn } updates { by status note at } }`;
const ADD = 'mutation($i: AddActionInput!) { addAction(input: $i) { id status rag overdue version successCriteria ownerAgency { name } } }';
const UPDATE = 'mutation($i: UpdateActionInput!) { updateAction(input: $i) { id status version completedOn updates { by status note } } }';

beforeAll(async () => {
  t = await startTestPlatform();
  admin = await t.token({ subject: 'admin', roles: ['ADMIN'] });
  leeds = await boardTokens(t, 'LEEDS');
  bradford = await boardTokens(t, 'BRADFORD');
  const reg = (name: string, boards: string[]) =>
    mutate<{ registerAgency: { id: string } }>(t, admin, 'mutation($i: RegisterAgencyInput!) { registerAgency(input: $i) { id } }', {
      i: { name, sector: 'HEALTH', boardCodes: boards },
    }).then((d) => d.registerAgency.id);
  leedsAgency = await reg('Leeds Community Health', ['LEEDS']);
  bradfordAgency = await reg('Bradford District Care', ['BRADFORD']);
  contributor = await t.token({ subject: 'health-lead', roles: ['AGENCY_CONTRIBUTOR'], agency: leedsAgency });
});
afterAll(() => t.stop());

async function initiatedReview(tokens = leeds, board = 'LEEDS') {
  const { review } = await notifiedCase(t, tokens.manager, board);
  await mutate(t, tokens.chair, 'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }', {
    i: { reviewId: review.id, outcome: 'INITIATE_REVIEW', criteriaMet: true, partnersAgreed: ['CHILDRENS_SOCIAL_CARE', 'HEALTH', 'POLICE'], rationale: 'Met.', decidedOn: today },
  });
  return review.id;
}

async function plan(reviewId?: string) {
  const id = reviewId ?? (await initiatedReview());
  return (await mutate<{ createActionPlan: { id: string } }>(t, leeds.manager, `mutation { createActionPlan(input: { reviewId: "${id}" }) { id } }`, {})).createActionPlan.id;
}

const action = (actionPlanId: string, overrides: Record<string, unknown> = {}) => ({
  i: {
    actionPlanId,
    recommendation: 'Improve information sharing',
    description: 'Health visitors share concerns with social care within 24 hours',
    ownerAgencyId: leedsAgency,
    dueOn: addDays(today, 60),
    successCriteria: ['Audit shows 90% of concerns shared within 24 hours'],
    ...overrides,
  },
});

describe('createActionPlan', () => {
  it('creates one plan for an initiated review of the own board, visible through the review', async () => {
    const reviewId = await initiatedReview();
    const planId = await plan(reviewId);
    const res = await t.gql<{ review: { actionPlan: { id: string; board: { code: string }; review: { id: string } } } }>(
      leeds.chair,
      `{ review(id: "${reviewId}") { actionPlan { id board { code } review { id } } } }`,
    );
    expect(res.data!.review.actionPlan).toEqual({ id: planId, board: { code: 'LEEDS' }, review: { id: reviewId } });
    expect(errorCode(await t.gql(leeds.manager, `mutation { createActionPlan(input: { reviewId: "${reviewId}" }) { id } }`))).toBe('CONFLICT');
  });

  it('refuses a review awaiting decision (INVALID_STAGE), another board\'s review (NOT_FOUND) and other roles (FORBIDDEN)', async () => {
    const { review } = await notifiedCase(t, leeds.manager, 'LEEDS');
    expect(errorCode(await t.gql(leeds.manager, `mutation { createActionPlan(input: { reviewId: "${review.id}" }) { id } }`))).toBe('INVALID_STAGE');
    const initiated = await initiatedReview();
    expect(errorCode(await t.gql(bradford.manager, `mutation { createActionPlan(input: { reviewId: "${initiated}" }) { id } }`))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(contributor, `mutation { createActionPlan(input: { reviewId: "${initiated}" }) { id } }`))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(leeds.manager, 'mutation { createActionPlan(input: { reviewId: "no-such-review" }) { id } }'))).toBe('NOT_FOUND');
  });
});

describe('addAction', () => {
  it('adds a SMART action: NOT_STARTED, GREEN when due in more than 30 days, AMBER within 30, RED when overdue', async () => {
    const planId = await plan();
    const green = await mutate<{ addAction: Record<string, unknown> }>(t, leeds.manager, ADD, action(planId));
    expect(green.addAction).toMatchObject({ status: 'NOT_STARTED', rag: 'GREEN', overdue: false, version: 1, ownerAgency: { name: 'Leeds Community Health' } });
    const amber = await mutate<{ addAction: Record<string, unknown> }>(t, leeds.manager, ADD, action(planId, { dueOn: addDays(today, 30) }));
    expect(amber.addAction).toMatchObject({ rag: 'AMBER', overdue: false });
    const red = await mutate<{ addAction: Record<string, unknown> }>(t, leeds.manager, ADD, action(planId, { dueOn: addDays(today, -1) }));
    expect(red.addAction).toMatchObject({ rag: 'RED', overdue: true });
  });

  it.each([
    ['no success criterion', { successCriteria: [] }, 'successCriteria'],
    ['only blank success criteria', { successCriteria: ['  ', ''] }, 'successCriteria'],
    ['a blank recommendation', { recommendation: ' ' }, 'recommendation'],
    ['a blank description', { description: '' }, 'description'],
    ['an owner agency that does not exist', { ownerAgencyId: '00000000-0000-4000-8000-000000000000' }, 'ownerAgencyId'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_name, overrides, field) => {
    const planId = await plan();
    const res = await t.gql(leeds.manager, ADD, action(planId, overrides));
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions?.field).toBe(field);
  });

  it("refuses an owner agency that is not a member of the plan's board", async () => {
    const planId = await plan();
    const res = await t.gql(leeds.manager, ADD, action(planId, { ownerAgencyId: bradfordAgency }));
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions?.field).toBe('ownerAgencyId');
  });

  it('refuses another board (NOT_FOUND) and an agency contributor (FORBIDDEN)', async () => {
    const planId = await plan();
    expect(errorCode(await t.gql(bradford.chair, ADD, action(planId)))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(contributor, ADD, action(planId)))).toBe('FORBIDDEN');
  });
});

describe('updateAction', () => {
  it('appends an update per change, sets completedOn on completion, and then refuses any further status', async () => {
    const planId = await plan();
    const { addAction } = await mutate<{ addAction: { id: string } }>(t, leeds.manager, ADD, action(planId));
    const started = await mutate<{ updateAction: { version: number; status: string } }>(t, contributor, UPDATE, { i: { actionId: addAction.id, status: 'IN_PROGRESS', note: 'Training booked', expectedVersion: 1 } });
    expect(started.updateAction).toMatchObject({ status: 'IN_PROGRESS', version: 2 });
    const done = await mutate<{ updateAction: Record<string, unknown> }>(t, leeds.manager, UPDATE, { i: { actionId: addAction.id, status: 'COMPLETED', note: 'All staff trained', expectedVersion: 2 } });
    expect(done.updateAction).toMatchObject({
      status: 'COMPLETED',
      completedOn: today,
      updates: [
        { by: 'health-lead', status: 'IN_PROGRESS', note: 'Training booked' },
        { by: 'manager-LEEDS', status: 'COMPLETED', note: 'All staff trained' },
      ],
    });
    const reopen = await t.gql(leeds.manager, UPDATE, { i: { actionId: addAction.id, status: 'IN_PROGRESS', note: 'Reopen', expectedVersion: 3 } });
    expect(errorCode(reopen)).toBe('INVALID_STAGE');
  });

  it('needs a note to drop an action, and a dropped action is final', async () => {
    const planId = await plan();
    const { addAction } = await mutate<{ addAction: { id: string } }>(t, leeds.manager, ADD, action(planId));
    expect(errorCode(await t.gql(leeds.manager, UPDATE, { i: { actionId: addAction.id, status: 'DROPPED', note: ' ', expectedVersion: 1 } }))).toBe('BAD_USER_INPUT');
    await mutate(t, leeds.manager, UPDATE, { i: { actionId: addAction.id, status: 'DROPPED', note: 'Superseded by a national change', expectedVersion: 1 } });
    expect(errorCode(await t.gql(leeds.manager, UPDATE, { i: { actionId: addAction.id, status: 'COMPLETED', note: 'x', expectedVersion: 2 } }))).toBe('INVALID_STAGE');
  });

  it('refuses a stale version with CONFLICT; of two concurrent updates with one version exactly one wins', async () => {
    const planId = await plan();
    const { addAction } = await mutate<{ addAction: { id: string } }>(t, leeds.manager, ADD, action(planId));
    const results = await Promise.all(
      ['first', 'second'].map((note, i) => t.gql(i ? contributor : leeds.manager, UPDATE, { i: { actionId: addAction.id, status: 'IN_PROGRESS', note, expectedVersion: 1 } })),
    );
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT').length).toBe(1);
    const now = await t.gql<{ actions: { edges: { node: { version: number; updates: unknown[] } }[] } }>(
      leeds.manager,
      `{ actions(filter: { boardCode: "LEEDS" }) { edges { node { id version updates { note } } } } }`,
    );
    const node = now.data!.actions.edges.map((e) => e.node as { id?: string; version: number; updates: unknown[] }).find((n) => n.id === addAction.id)!;
    expect(node.version).toBe(2);
    expect(node.updates.length).toBe(1);
  });

  it("lets an agency contributor update only its own agency's actions", async () => {
    const planId = await plan();
    const other = await mutate<{ registerAgency: { id: string } }>(t, admin, 'mutation { registerAgency(input: { name: "Leeds Schools", sector: EDUCATION, boardCodes: ["LEEDS"] }) { id } }', {});
    const { addAction } = await mutate<{ addAction: { id: string } }>(t, leeds.manager, ADD, action(planId, { ownerAgencyId: other.registerAgency.id }));
    expect(errorCode(await t.gql(contributor, UPDATE, { i: { actionId: addAction.id, status: 'IN_PROGRESS', note: 'x', expectedVersion: 1 } }))).toBe('NOT_FOUND');
    const mine = await t.gql<{ actions: { edges: { node: { ownerAgency: { id: string } } }[] } }>(contributor, '{ actions { edges { node { ownerAgency { id } } } } }');
    expect(mine.data!.actions.edges.every((e) => e.node.ownerAgency.id === leedsAgency)).toBe(true);
    expect(errorCode(await t.gql(contributor, `{ actionPlan(id: "${planId}") { id } }`))).toBe('FORBIDDEN');
  });

  it('never lets an update be edited or deleted', async () => {
    const planId = await plan();
    const { addAction } = await mutate<{ addAction: { id: string } }>(t, leeds.manager, ADD, action(planId));
    await mutate(t, leeds.manager, UPDATE, { i: { actionId: addAction.id, status: 'IN_PROGRESS', note: 'original', expectedVersion: 1 } });
    const db = t.platform.services.get('action-plans')!.db!;
    await expect(db.manager.query("UPDATE action_updates SET note = 'rewritten'")).rejects.toThrow(/append-only/);
    await expect(db.manager.query('DELETE FROM action_updates')).rejects.toThrow(/append-only/);
  });
});

describe('impact, progress and publication summary', () => {
  it('counts progress and summarises actions taken, evidenced impact and further actions', async () => {
    const reviewId = await initiatedReview();
    const planId = await plan(reviewId);
    const a = (await mutate<{ addAction: { id: string } }>(t, leeds.manager, ADD, action(planId, { description: 'Share concerns within 24 hours' }))).addAction.id;
    const b = (await mutate<{ addAction: { id: string } }>(t, leeds.manager, ADD, action(planId, { description: 'Refresh neglect training', dueOn: addDays(today, -3) }))).addAction.id;
    await mutate<{ addAction: { id: string } }>(t, leeds.manager, ADD, action(planId, { description: 'Audit safe sleeping advice' }));
    await mutate(t, leeds.manager, UPDATE, { i: { actionId: a, status: 'COMPLETED', note: 'Done', expectedVersion: 1 } });
    await mutate(t, leeds.manager, UPDATE, { i: { actionId: b, status: 'IN_PROGRESS', note: 'Started', expectedVersion: 1 } });
    await mutate(t, leeds.chair, 'mutation($i: AssessImpactInput!) { assessImpact(input: $i) { id } }', {
      i: { actionId: a, rating: 'EVIDENCED', evidence: 'Audit: 94% shared within a day', assessedOn: today },
    });
    expect(errorCode(await t.gql(contributor, 'mutation($i: AssessImpactInput!) { assessImpact(input: $i) { id } }', { i: { actionId: a, rating: 'PARTIAL', evidence: 'x', assessedOn: today } }))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(leeds.chair, 'mutation($i: AssessImpactInput!) { assessImpact(input: $i) { id } }', { i: { actionId: a, rating: 'PARTIAL', evidence: ' ', assessedOn: today } }))).toBe('BAD_USER_INPUT');

    const res = await t.gql<{ actionPlan: { progress: unknown; publicationSummary: { actionsTaken: string[]; impact: string[]; furtherActions: string[] } } }>(leeds.manager, `{ actionPlan(id: "${planId}") { ${PLAN_FIELDS} } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.actionPlan.progress).toEqual({ total: 3, completed: 1, inProgress: 1, overdue: 1, impactEvidenced: 1 });
    const summary = res.data!.actionPlan.publicationSummary;
    expect(summary.actionsTaken).toEqual([`Share concerns within 24 hours (completed ${today}).`]);
    expect(summary.impact).toEqual(['Share concerns within 24 hours: Audit: 94% shared within a day']);
    expect(summary.furtherActions).toEqual([`Refresh neglect training (due ${addDays(today, -3)}, overdue).`, `Audit safe sleeping advice (due ${addDays(today, 60)}).`]);

    const overdue = await t.gql<{ overdueActions: { edges: { node: { id: string } }[] } }>(admin, '{ overdueActions(boardCode: "LEEDS") { totalCount edges { node { id } } } }');
    expect(overdue.data!.overdueActions.edges.map((e) => e.node.id)).toContain(b);
    const bradfordOverdue = await t.gql<{ overdueActions: { totalCount: number } }>(bradford.manager, '{ overdueActions { totalCount } }');
    expect(bradfordOverdue.data!.overdueActions.totalCount).toBe(0);
    const analyst = await t.token({ subject: 'an', roles: ['ANALYST'] });
    const board = await t.gql<{ board: { actionProgress: { overdue: number } } }>(analyst, `{ board(code: "LEEDS") { actionProgress(asOf: "${addDays(today, 100)}") { total overdue } } }`);
    expect(board.errors).toBeUndefined();
    expect(board.data!.board.actionProgress.overdue).toBeGreaterThanOrEqual(3);
  });
});

describe('who sees a plan', () => {
  it('shows it to the board, an appointed reviewer and a peer-challenge chair; never to another board', async () => {
    const reviewId = await initiatedReview();
    const planId = await plan(reviewId);
    await mutate(t, leeds.manager, ADD, action(planId));
    const q = `{ actionPlan(id: "${planId}") { id actions { id } } }`;
    expect((await t.gql(bradford.chair, q)).data).toEqual({ actionPlan: null });
    await mutate(t, leeds.chair, 'mutation($i: RequestPeerChallengeInput!) { requestPeerChallenge(input: $i) { id } }', {
      i: { reviewId, challengerBoardCode: 'BRADFORD', question: 'Are the actions enough?', accessUntil: new Date(Date.now() + 3600_000).toISOString() },
    });
    const seen = await t.gql<{ actionPlan: { id: string; actions: unknown[] } }>(bradford.chair, q);
    expect(seen.data!.actionPlan).toMatchObject({ id: planId });
    expect(seen.data!.actionPlan.actions.length).toBe(1);
    expect((await t.gql(bradford.manager, q)).data).toEqual({ actionPlan: null });
    const reviewer = (await mutate<{ registerReviewer: { id: string } }>(t, admin, 'mutation { registerReviewer(input: { name: "R", qualifications: ["Q"] }) { id } }', {})).registerReviewer.id;
    await mutate(t, leeds.manager, 'mutation($i: AppointReviewerInput!) { appointReviewer(input: $i) { id } }', {
      i: { reviewId, reviewerId: reviewer, lead: true, appointedOn: today, independenceStatement: 'Independent.' },
    });
    const rv = await t.token({ subject: 'rv', roles: ['REVIEWER'], reviewer });
    expect((await t.gql<{ actionPlan: { id: string } }>(rv, q)).data!.actionPlan.id).toBe(planId);
  });

  it('lists 100 actions with owners and updates in the same number of SQL statements as 5', async () => {
    const planId = await plan();
    const q = `{ actionPlan(id: "${planId}") { actions { id ownerAgency { name } updates { note } rag } } }`;
    const count = async () => {
      await t.gql(leeds.manager, q);
      const before = t.sqlCount();
      const res = await t.gql<{ actionPlan: { actions: unknown[] } }>(leeds.manager, q);
      return { statements: t.sqlCount() - before, rows: res.data!.actionPlan.actions.length };
    };
    const addWithUpdate = async () => {
      const { addAction } = await mutate<{ addAction: { id: string } }>(t, leeds.manager, ADD, action(planId));
      await mutate(t, leeds.manager, UPDATE, { i: { actionId: addAction.id, status: 'IN_PROGRESS', note: 'n', expectedVersion: 1 } });
    };
    for (let i = 0; i < 5; i++) await addWithUpdate();
    const five = await count();
    for (let i = 0; i < 95; i++) await addWithUpdate();
    const hundred = await count();
    console.log(`SQL statements: ${five.statements} for ${five.rows} actions, ${hundred.statements} for ${hundred.rows}`);
    expect(hundred.rows).toBe(100);
    expect(hundred.statements).toBe(five.statements);
  });
});
