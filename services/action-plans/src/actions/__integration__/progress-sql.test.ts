/**
 * The progress counts are SQL (one GROUP BY for many boards) and must say
 * exactly what the rules say in TypeScript: isOverdue for "overdue", and the
 * latest append-only update before a moment for "the status as at" that
 * moment (the annual report's action progress at 31 March). Checked on
 * MySQL/MariaDB and on SQLite.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { loadConfig } from '@scr/config';
import { databaseName, dropMysqlDatabase, type Database } from '@scr/db';
import { openDatabase } from '../../database';
import { ActionPlan } from '../../plans/action-plan.entity';
import { ProgrammeAudit } from '../../plans/programme-audit.entity';
import { toProgress } from '../../plans/plan.loaders';
import { ActionUpdate } from '../action-update.entity';
import { Action } from '../action.entity';
import { ActionStatus, ImpactRating } from '../action.enums';
import { isClosed, isOverdue } from '../action.rules';
import { progressQuery, statusAsAtSql } from '../progress.query';

const MYSQL_URL = process.env.TEST_DATABASE_URL || 'mysql://root@127.0.0.1:3306';
const DUE_DATES = ['2026-03-30', '2026-03-31', '2026-04-01', '2026-06-30'];
const STATUSES = Object.values(ActionStatus);
const AS_OF = ['2026-03-30', '2026-03-31', '2026-04-01', '2026-07-01'];
/** Each action's history: [instant, status]; the moments straddle 31 March in London (23:00 UTC, BST). */
const HISTORIES: [string, ActionStatus][][] = [
  [],
  [['2026-03-31T22:59:59.000Z', ActionStatus.IN_PROGRESS]],
  [['2026-03-31T23:00:00.000Z', ActionStatus.IN_PROGRESS]],
  [
    ['2026-03-01T10:00:00.000Z', ActionStatus.IN_PROGRESS],
    ['2026-03-31T12:00:00.000Z', ActionStatus.COMPLETED],
  ],
  [
    ['2026-03-01T10:00:00.000Z', ActionStatus.IN_PROGRESS],
    ['2026-04-02T09:00:00.000Z', ActionStatus.DROPPED],
  ],
];
/** Action n's history: the histories repeat, so every n has one. */
const historyOf = (n: number): [string, ActionStatus][] => HISTORIES[n % HISTORIES.length]!;
const CUTOFFS = ['2026-03-31T23:00:00.000Z', '2026-04-01T00:00:00.000Z', '2026-03-01T10:00:00.000Z'];

describe.each([['mysql'], ['sqlite']])('action progress SQL on %s', (kind) => {
  let db: Database;
  let dataDir: string;
  const prefix = `scrp_${randomBytes(4).toString('hex')}`;
  const config = () => (kind === 'mysql' ? loadConfig({ DATABASE_URL: MYSQL_URL, DATABASE_PREFIX: prefix }) : loadConfig({ DATA_DIR: dataDir }));
  const actions: Action[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scr-plans-'));
    db = await openDatabase(config());
    const plan = { id: randomUUID(), reviewId: randomUUID(), boardCode: 'LEEDS', createdBy: 'test', createdAt: new Date() };
    await db.manager.insert(ActionPlan, plan);
    let n = 0;
    for (const dueOn of DUE_DATES) {
      for (const status of STATUSES) {
        const evidenced = n % 3 === 0;
        const action: Action = Object.assign(new Action(), {
          id: randomUUID(),
          planId: plan.id,
          reviewId: plan.reviewId,
          boardCode: n % 4 === 0 ? 'BRADFORD' : 'LEEDS',
          recommendation: 'r',
          description: 'd',
          ownerAgencyId: 'agency',
          dueOn,
          successCriteria: ['c'],
          status,
          completedOn: null,
          impactAssessedOn: evidenced ? AS_OF[n % AS_OF.length] : null,
          impactRating: evidenced ? ImpactRating.EVIDENCED : null,
          impactEvidence: null,
          version: 1,
          createdAt: new Date('2026-01-01T00:00:00.000Z'),
        });
        await db.manager.insert(Action, action);
        for (const [at, s] of historyOf(n)) await db.manager.insert(ActionUpdate, { actionId: action.id, at: new Date(at), by: 'test', status: s, note: '' });
        actions.push(action);
        n++;
      }
    }
  });
  afterAll(async () => {
    await db?.close();
    if (kind === 'mysql') await dropMysqlDatabase(MYSQL_URL, databaseName(config(), 'action-plans'));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(AS_OF)('counts what the rules count as of %s, per board in one GROUP BY', async (asOf) => {
    const rows = await progressQuery(db, 'a.board_code', asOf)
      .where('a.board_code IN (:...b)', { b: ['LEEDS', 'BRADFORD'] })
      .getRawMany();
    for (const board of ['LEEDS', 'BRADFORD']) {
      const mine = actions.filter((a) => a.boardCode === board);
      expect(toProgress(rows.find((r: { groupKey: string }) => r.groupKey === board))).toEqual({
        total: mine.length,
        completed: mine.filter((a) => a.status === ActionStatus.COMPLETED).length,
        inProgress: mine.filter((a) => a.status === ActionStatus.IN_PROGRESS).length,
        overdue: mine.filter((a) => isOverdue(a, asOf)).length,
        impactEvidenced: mine.filter((a) => a.impactRating === ImpactRating.EVIDENCED && a.impactAssessedOn! <= asOf).length,
      });
    }
  });

  it.each(CUTOFFS)('gives each action the status of its latest update before %s (NOT_STARTED before any)', async (cutoff) => {
    const rows = await db.manager
      .createQueryBuilder(Action, 'a')
      .select('a.id', 'id')
      .addSelect(statusAsAtSql(db, 'cutoff'), 'status')
      .setParameter('cutoff', new Date(cutoff))
      .getRawMany<{ id: string; status: string }>();
    const expected = (_action: Action, i: number) =>
      historyOf(i)
        .filter(([at]) => at < cutoff)
        .at(-1)?.[1] ?? ActionStatus.NOT_STARTED;
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual(Object.fromEntries(actions.map((a, i) => [a.id, expected(a, i)])));
  });

  it('counts overdue as at a date with the status of then: an action completed later was still overdue', async () => {
    const cutoff = new Date('2026-03-31T23:00:00.000Z'); // end of 31 March in London
    const rows = await progressQuery(db, 'a.board_code', '2026-03-31', statusAsAtSql(db, 'cutoff')).setParameter('cutoff', cutoff).getRawMany();
    const statusThen = (i: number) =>
      historyOf(i)
        .filter(([at]) => new Date(at) < cutoff)
        .at(-1)?.[1] ?? ActionStatus.NOT_STARTED;
    const leeds = actions.map((a, i) => ({ ...a, status: statusThen(i) })).filter((a) => a.boardCode === 'LEEDS');
    expect(toProgress(rows.find((r: { groupKey: string }) => r.groupKey === 'LEEDS'))).toMatchObject({
      completed: leeds.filter((a) => a.status === ActionStatus.COMPLETED).length,
      inProgress: leeds.filter((a) => a.status === ActionStatus.IN_PROGRESS).length,
      overdue: leeds.filter((a) => !isClosed(a.status) && a.dueOn < '2026-03-31').length,
    });
  });

  it('keeps programme audits append-only in the database itself', async () => {
    const plan = await db.manager.findOneByOrFail(ActionPlan, {});
    await db.manager.insert(ProgrammeAudit, { planId: plan.id, auditedOn: '2026-03-01', findings: 'On track', recordedBy: 'test', recordedAt: new Date() });
    await expect(db.manager.update(ProgrammeAudit, { planId: plan.id }, { findings: 'Rewritten' })).rejects.toThrow(/append-only/);
    await expect(db.manager.delete(ProgrammeAudit, { planId: plan.id })).rejects.toThrow(/append-only/);
  });
});
