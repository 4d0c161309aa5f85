import { addDays, todayInLondon } from '@scr/calendar';
import { boardTokens, errorCode, eventually, mutate, notifiedCase, startTestPlatform, type TestPlatform } from '@scr/testing';

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

/** Initiated 10 days ago, so an action may already be overdue (an action is never due before initiation). */
const initiatedOn = addDays(today, -10);

async function initiatedReview(tokens = leeds, board = 'LEEDS') {
  const { review } = await notifiedCase(t, tokens.manager, board, {}, 20);
  await mutate(t, tokens.chair, 'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }', {
    i: {
      reviewId: review.id,
      outcome: 'INITIATE_REVIEW',
      criteriaMet: true,
      partnersAgreed: ['CHILDRENS_SOCIAL_CARE', 'HEALTH', 'POLICE'],
      rationale: 'Met.',
      decidedOn: initiatedOn,
    },
  });
  return review.id;
}

async function plan(reviewId?: string) {
  const id = reviewId ?? (await initiatedReview());
  return (await mutate<{ createActionPlan: { id: string } }>(t, leeds.manager, `mutation { createActionPlan(input: { reviewId: "${id}" }) { id } }`, {}))
    .createActionPlan.id;
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
    // One plan per review: creating it again (a client's retry) answers the same plan.
    expect(await plan(reviewId)).toBe(planId);
  });

  it("refuses a review awaiting decision (INVALID_STAGE), another board's review (NOT_FOUND) and other roles (FORBIDDEN)", async () => {
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
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
  });

  it("refuses an owner agency that is not a member of the plan's board", async () => {
    const planId = await plan();
    const res = await t.gql(leeds.manager, ADD, action(planId, { ownerAgencyId: bradfordAgency }));
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe('ownerAgencyId');
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
    const started = await mutate<{ updateAction: { version: number; status: string } }>(t, contributor, UPDATE, {
      i: { actionId: addAction.id, status: 'IN_PROGRESS', note: 'Training booked', expectedVersion: 1 },
    });
    expect(started.updateAction).toMatchObject({ status: 'IN_PROGRESS', version: 2 });
    const done = await mutate<{ updateAction: Record<string, unknown> }>(t, leeds.manager, UPDATE, {
      i: { actionId: addAction.id, status: 'COMPLETED', note: 'All staff trained', expectedVersion: 2 },
    });
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
    expect(errorCode(await t.gql(leeds.manager, UPDATE, { i: { actionId: addAction.id, status: 'DROPPED', note: ' ', expectedVersion: 1 } }))).toBe(
      'BAD_USER_INPUT',
    );
    await mutate(t, leeds.manager, UPDATE, { i: { actionId: addAction.id, status: 'DROPPED', note: 'Superseded by a national change', expectedVersion: 1 } });
    expect(errorCode(await t.gql(leeds.manager, UPDATE, { i: { actionId: addAction.id, status: 'COMPLETED', note: 'x', expectedVersion: 2 } }))).toBe(
      'INVALID_STAGE',
    );
  });

  it('refuses a stale version with CONFLICT; of two concurrent updates with one version exactly one wins', async () => {
    const planId = await plan();
    const { addAction } = await mutate<{ addAction: { id: string } }>(t, leeds.manager, ADD, action(planId));
    const results = await Promise.all(
      ['first', 'second'].map((note, i) =>
        t.gql(i ? contributor : leeds.manager, UPDATE, { i: { actionId: addAction.id, status: 'IN_PROGRESS', note, expectedVersion: 1 } }),
      ),
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
    const other = await mutate<{ registerAgency: { id: string } }>(
      t,
      admin,
      'mutation { registerAgency(input: { name: "Leeds Schools", sector: EDUCATION, boardCodes: ["LEEDS"] }) { id } }',
      {},
    );
    const { addAction } = await mutate<{ addAction: { id: string } }>(t, leeds.manager, ADD, action(planId, { ownerAgencyId: other.registerAgency.id }));
    expect(errorCode(await t.gql(contributor, UPDATE, { i: { actionId: addAction.id, status: 'IN_PROGRESS', note: 'x', expectedVersion: 1 } }))).toBe(
      'NOT_FOUND',
    );
    const mine = await t.gql<{ actions: { edges: { node: { ownerAgency: { id: string } } }[] } }>(
      contributor,
      '{ actions { edges { node { ownerAgency { id } } } } }',
    );
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
    const a = (await mutate<{ addAction: { id: string } }>(t, leeds.manager, ADD, action(planId, { description: 'Share concerns within 24 hours' }))).addAction
      .id;
    const b = (
      await mutate<{ addAction: { id: string } }>(t, leeds.manager, ADD, action(planId, { description: 'Refresh neglect training', dueOn: addDays(today, -3) }))
    ).addAction.id;
    await mutate<{ addAction: { id: string } }>(t, leeds.manager, ADD, action(planId, { description: 'Audit safe sleeping advice' }));
    await mutate(t, leeds.manager, UPDATE, { i: { actionId: a, status: 'COMPLETED', note: 'Done', expectedVersion: 1 } });
    await mutate(t, leeds.manager, UPDATE, { i: { actionId: b, status: 'IN_PROGRESS', note: 'Started', expectedVersion: 1 } });
    await mutate(t, leeds.chair, 'mutation($i: AssessImpactInput!) { assessImpact(input: $i) { id } }', {
      i: { actionId: a, rating: 'EVIDENCED', evidence: 'Audit: 94% shared within a day', assessedOn: today },
    });
    expect(
      errorCode(
        await t.gql(contributor, 'mutation($i: AssessImpactInput!) { assessImpact(input: $i) { id } }', {
          i: { actionId: a, rating: 'PARTIAL', evidence: 'x', assessedOn: today },
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(
        await t.gql(leeds.chair, 'mutation($i: AssessImpactInput!) { assessImpact(input: $i) { id } }', {
          i: { actionId: a, rating: 'PARTIAL', evidence: ' ', assessedOn: today },
        }),
      ),
    ).toBe('BAD_USER_INPUT');

    const res = await t.gql<{ actionPlan: { progress: unknown; publicationSummary: { actionsTaken: string[]; impact: string[]; furtherActions: string[] } } }>(
      leeds.manager,
      `{ actionPlan(id: "${planId}") { ${PLAN_FIELDS} } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.actionPlan.progress).toEqual({ total: 3, completed: 1, inProgress: 1, overdue: 1, impactEvidenced: 1 });
    const summary = res.data!.actionPlan.publicationSummary;
    expect(summary.actionsTaken).toEqual([`Share concerns within 24 hours (completed ${today}).`]);
    expect(summary.impact).toEqual(['Share concerns within 24 hours: Audit: 94% shared within a day']);
    expect(summary.furtherActions).toEqual([
      `Refresh neglect training (due ${addDays(today, -3)}, overdue).`,
      `Audit safe sleeping advice (due ${addDays(today, 60)}).`,
    ]);

    const overdue = await t.gql<{ overdueActions: { edges: { node: { id: string } }[] } }>(
      admin,
      '{ overdueActions(boardCode: "LEEDS") { totalCount edges { node { id } } } }',
    );
    expect(overdue.data!.overdueActions.edges.map((e) => e.node.id)).toContain(b);
    const bradfordOverdue = await t.gql<{ overdueActions: { totalCount: number } }>(bradford.manager, '{ overdueActions { totalCount } }');
    expect(bradfordOverdue.data!.overdueActions.totalCount).toBe(0);
    const analyst = await t.token({ subject: 'an', roles: ['ANALYST'] });
    const board = await t.gql<{ board: { actionProgress: { overdue: number } } }>(
      analyst,
      `{ board(code: "LEEDS") { actionProgress(asOf: "${addDays(today, 100)}") { total overdue } } }`,
    );
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
    const reviewer = (
      await mutate<{ registerReviewer: { id: string } }>(t, admin, 'mutation { registerReviewer(input: { name: "R", qualifications: ["Q"] }) { id } }', {})
    ).registerReviewer.id;
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
    let added = 0;
    const addWithUpdate = async () => {
      // Each action its own (the same action again is a client's retry: it answers the one stored).
      const { addAction } = await mutate<{ addAction: { id: string } }>(t, leeds.manager, ADD, action(planId, { recommendation: `Recommendation ${++added}` }));
      await mutate(t, leeds.manager, UPDATE, { i: { actionId: addAction.id, status: 'IN_PROGRESS', note: 'n', expectedVersion: 1 } });
    };
    for (let i = 0; i < 5; i++) await addWithUpdate();
    const five = await count();
    for (let i = 0; i < 95; i++) await addWithUpdate();
    const hundred = await count();
    console.log(`SQL statements: ${five.statements} for ${five.rows} actions, ${hundred.statements} for ${hundred.rows}`);
    expect(hundred.rows).toBe(100);
    expect(hundred.statements).toBe(five.statements);
  }, 180_000);
});

describe('step 9: who drops, when impact is assessed, due dates', () => {
  async function actionAsBoard(id: string) {
    const res = await t.gql<{ actions: { edges: { node: Record<string, unknown> }[] } }>(
      leeds.manager,
      '{ actions(first: 500, filter: { boardCode: "LEEDS" }) { edges { node { id status version overdue rag updates { note } } } } }',
    );
    return res.data!.actions.edges.map((e) => e.node).find((n) => n.id === id)!;
  }

  it('refuses the owner agency dropping its own overdue action (FORBIDDEN): the action stays overdue, RED and unchanged', async () => {
    const planId = await plan();
    const { addAction } = await mutate<{ addAction: { id: string } }>(t, leeds.manager, ADD, action(planId, { dueOn: addDays(today, -1) }));
    const before = await actionAsBoard(addAction.id);
    expect(before).toMatchObject({ status: 'NOT_STARTED', overdue: true, rag: 'RED' });
    const res = await t.gql(contributor, UPDATE, { i: { actionId: addAction.id, status: 'DROPPED', note: 'No longer relevant to us', expectedVersion: 1 } });
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(res.errors?.[0]?.message).toMatch(/manager or chair/);
    expect(await actionAsBoard(addAction.id)).toEqual(before);
    const overdue = await t.gql<{ overdueActions: { edges: { node: { id: string } }[] } }>(
      leeds.manager,
      '{ overdueActions(first: 500) { edges { node { id } } } }',
    );
    expect(overdue.data!.overdueActions.edges.map((e) => e.node.id)).toContain(addAction.id);
    // The owner agency still records progress on it.
    await mutate(t, contributor, UPDATE, { i: { actionId: addAction.id, status: 'IN_PROGRESS', note: 'Started late', expectedVersion: 1 } });
  });

  it("refuses a token combining the owner agency with another board's manager role (FORBIDDEN)", async () => {
    const planId = await plan();
    const { addAction } = await mutate<{ addAction: { id: string } }>(t, leeds.manager, ADD, action(planId));
    const both = await t.token({ subject: 'both', roles: ['AGENCY_CONTRIBUTOR', 'BOARD_MANAGER'], agency: leedsAgency, board: 'BRADFORD' });
    expect(errorCode(await t.gql(both, UPDATE, { i: { actionId: addAction.id, status: 'DROPPED', note: 'x', expectedVersion: 1 } }))).toBe('FORBIDDEN');
    expect(await actionAsBoard(addAction.id)).toMatchObject({ status: 'NOT_STARTED', version: 1, updates: [] });
  });

  it.each([
    ['manager', () => leeds.manager],
    ['chair', () => leeds.chair],
  ])("lets the board's %s drop an action with the reason in the note", async (_who, token) => {
    const planId = await plan();
    const { addAction } = await mutate<{ addAction: { id: string } }>(t, leeds.manager, ADD, action(planId, { dueOn: addDays(today, -1) }));
    const dropped = await mutate<{ updateAction: Record<string, unknown> }>(t, token(), UPDATE, {
      i: { actionId: addAction.id, status: 'DROPPED', note: 'Superseded by the national review', expectedVersion: 1 },
    });
    expect(dropped.updateAction).toMatchObject({ status: 'DROPPED', version: 2, updates: [{ status: 'DROPPED', note: 'Superseded by the national review' }] });
    expect(await actionAsBoard(addAction.id)).toMatchObject({ overdue: false, rag: 'GREEN' });
  });

  it.each([
    ['NOT_STARTED', []],
    ['IN_PROGRESS', ['IN_PROGRESS']],
    ['DROPPED', ['DROPPED']],
  ])('refuses to assess impact on a %s action (INVALID_STAGE) and leaves it unassessed', async (status, moves) => {
    const planId = await plan();
    const { addAction } = await mutate<{ addAction: { id: string } }>(t, leeds.manager, ADD, action(planId));
    for (const [i, to] of moves.entries())
      await mutate(t, leeds.manager, UPDATE, { i: { actionId: addAction.id, status: to, note: 'Moved', expectedVersion: i + 1 } });
    const res = await t.gql(leeds.chair, 'mutation($i: AssessImpactInput!) { assessImpact(input: $i) { id } }', {
      i: { actionId: addAction.id, rating: 'EVIDENCED', evidence: 'Audit shows it worked', assessedOn: today },
    });
    expect(errorCode(res)).toBe('INVALID_STAGE');
    expect(res.errors?.[0]?.message).toContain(status);
    const after = await t.gql<{ actionPlan: { actions: { id: string; impact: unknown; version: number }[]; progress: { impactEvidenced: number } } }>(
      leeds.manager,
      `{ actionPlan(id: "${planId}") { actions { id impact { rating } version } progress { impactEvidenced } } }`,
    );
    expect(after.data!.actionPlan.actions[0]).toEqual({ id: addAction.id, impact: null, version: moves.length + 1 });
    expect(after.data!.actionPlan.progress.impactEvidenced).toBe(0);
  });

  it('assesses impact on a completed action', async () => {
    const planId = await plan();
    const { addAction } = await mutate<{ addAction: { id: string } }>(t, leeds.manager, ADD, action(planId));
    await mutate(t, contributor, UPDATE, { i: { actionId: addAction.id, status: 'COMPLETED', note: 'Done', expectedVersion: 1 } });
    const res = await mutate<{ assessImpact: unknown }>(
      t,
      leeds.manager,
      'mutation($i: AssessImpactInput!) { assessImpact(input: $i) { status impact { rating evidence assessedOn } } }',
      {
        i: { actionId: addAction.id, rating: 'EVIDENCED', evidence: 'Re-audit: 96% within a day', assessedOn: today },
      },
    );
    expect(res.assessImpact).toEqual({ status: 'COMPLETED', impact: { rating: 'EVIDENCED', evidence: 'Re-audit: 96% within a day', assessedOn: today } });
  });

  it("refuses an action due before the review's initiation (BAD_USER_INPUT on dueOn), and accepts one due on that day", async () => {
    const planId = await plan();
    for (const dueOn of [addDays(initiatedOn, -1), '2019-01-01']) {
      const res = await t.gql(leeds.manager, ADD, action(planId, { dueOn }));
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.field).toBe('dueOn');
      expect(res.errors?.[0]?.message).toContain(initiatedOn);
    }
    const count = await t.gql<{ actionPlan: { actions: unknown[] } }>(leeds.manager, `{ actionPlan(id: "${planId}") { actions { id } } }`);
    expect(count.data!.actionPlan.actions).toEqual([]);
    const onTheDay = await mutate<{ addAction: { dueOn?: string; overdue: boolean } }>(
      t,
      leeds.manager,
      'mutation($i: AddActionInput!) { addAction(input: $i) { dueOn overdue } }',
      action(planId, { dueOn: initiatedOn }),
    );
    expect(onTheDay.addAction).toEqual({ dueOn: initiatedOn, overdue: true });
  });
});

describe('recordProgrammeAudit (steps 9 and 11)', () => {
  const RECORD = 'mutation($i: RecordProgrammeAuditInput!) { recordProgrammeAudit(input: $i) { id audits { auditedOn findings recordedBy } } }';
  const audits = async (token: string, planId: string) =>
    (await t.gql<{ actionPlan: { audits: unknown[] } | null }>(token, `{ actionPlan(id: "${planId}") { audits { auditedOn findings recordedBy } } }`)).data!
      .actionPlan?.audits;

  it("keeps each audit the board's manager and chair record, oldest first, with who recorded it", async () => {
    const planId = await plan();
    const first = await mutate<{ recordProgrammeAudit: unknown }>(t, leeds.manager, RECORD, {
      i: { actionPlanId: planId, auditedOn: addDays(today, -30), findings: '  Four of six actions on track.  ' },
    });
    expect(first.recordProgrammeAudit).toEqual({
      id: planId,
      audits: [{ auditedOn: addDays(today, -30), findings: 'Four of six actions on track.', recordedBy: 'manager-LEEDS' }],
    });
    await mutate(t, leeds.chair, RECORD, { i: { actionPlanId: planId, auditedOn: today, findings: 'All actions on track.' } });
    expect(await audits(leeds.manager, planId)).toEqual([
      { auditedOn: addDays(today, -30), findings: 'Four of six actions on track.', recordedBy: 'manager-LEEDS' },
      { auditedOn: today, findings: 'All actions on track.', recordedBy: 'chair-LEEDS' },
    ]);
  });

  it.each([
    ['an audit dated tomorrow', { auditedOn: addDays(today, 1) }, 'auditedOn'],
    ['blank findings', { findings: '   ' }, 'findings'],
    ['findings over 20,000 characters', { findings: 'x'.repeat(20_001) }, 'findings'],
  ])('refuses %s with BAD_USER_INPUT and records nothing', async (_name, overrides, field) => {
    const planId = await plan();
    const res = await t.gql(leeds.manager, RECORD, { i: { actionPlanId: planId, auditedOn: today, findings: 'Fine', ...overrides } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
    expect(await audits(leeds.manager, planId)).toEqual([]);
  });

  it('refuses an agency contributor and a peer-challenge chair (FORBIDDEN), another board and an unknown plan (NOT_FOUND)', async () => {
    const reviewId = await initiatedReview();
    const planId = await plan(reviewId);
    await mutate(t, leeds.chair, 'mutation($i: RequestPeerChallengeInput!) { requestPeerChallenge(input: $i) { id } }', {
      i: { reviewId, challengerBoardCode: 'BRADFORD', question: 'Is the programme audited?', accessUntil: new Date(Date.now() + 3600_000).toISOString() },
    });
    const input = { i: { actionPlanId: planId, auditedOn: today, findings: 'Audited' } };
    expect(errorCode(await t.gql(contributor, RECORD, input))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(bradford.chair, RECORD, input))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(bradford.manager, RECORD, input))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(leeds.manager, RECORD, { i: { ...input.i, actionPlanId: 'no-such-plan' } }))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(undefined, RECORD, input))).toBe('UNAUTHENTICATED');
    // The peer-challenge chair reads the (still empty) audits through its grant.
    expect(await audits(bradford.chair, planId)).toEqual([]);
  });

  it('writes the audit trail for a recorded audit and never lets an audit be edited or deleted', async () => {
    const planId = await plan();
    await mutate(t, leeds.chair, RECORD, { i: { actionPlanId: planId, auditedOn: today, findings: 'On track' } });
    // Audit rows reach the directory's trail through the outbox: wait for it.
    const row = await eventually(
      async () => {
        const trail = await t.gql<{ auditEvents: { edges: { node: { operation: string; outcome: string; targetIds: string[] } }[] } }>(
          admin,
          'query($f: AuditEventFilter) { auditEvents(filter: $f, first: 500) { edges { node { operation outcome targetIds } } } }',
          { f: { subject: 'chair-LEEDS', outcome: 'OK' } },
        );
        return trail.data?.auditEvents.edges.map((e) => e.node).find((n) => n.operation === 'recordProgrammeAudit' && n.targetIds.includes(planId));
      },
      15_000,
      'the audit row of recordProgrammeAudit',
    );
    expect(row).toMatchObject({ outcome: 'OK' });
    const db = t.platform.services.get('action-plans')!.db!;
    await expect(db.manager.query("UPDATE programme_audits SET findings = 'rewritten'")).rejects.toThrow(/append-only/);
    await expect(db.manager.query('DELETE FROM programme_audits')).rejects.toThrow(/append-only/);
  });
});
