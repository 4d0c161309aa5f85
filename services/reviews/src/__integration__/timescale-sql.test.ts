/**
 * "Decided on time" and "completed within timescale" are counted in SQL for
 * statistics and read through functions elsewhere: both must say the same on
 * each engine. Also: the migration that moves the one extension a review
 * could hold into review_extensions never lets a late one extend the date.
 */
import { randomUUID } from 'node:crypto';
import { ENGINES, throwawayReviewsDatabase } from './throwaway-database';
import { ReviewsExtensionsGoodPractice1764000005000 } from '../migrations/1764000005000-extensions-good-practice';
import { ReviewExtensionRow } from '../progress/progress.entities';
import { Review } from '../reviews/review.entity';
import { Regime, ReviewKind, ReviewStage } from '../reviews/review.enums';
import { completedWithinTimescale, completedWithinTimescaleSql, decidedOnTime, decidedOnTimeSql } from '../reviews/review.rules';

type Dates = Pick<Review, 'decisionDueOn' | 'completionDueOn' | 'extendedCompletionDueOn' | 'completedOn'> & { decidedOn: string | null };

/** Every combination of on, before and after the dates, with and without each. */
function cases(): Dates[] {
  const out: Dates[] = [];
  for (const decidedOn of [null, '2026-01-30', '2026-01-31', '2026-02-01']) {
    for (const decisionDueOn of [null, '2026-01-31']) {
      for (const completionDueOn of [null, '2026-06-30']) {
        for (const extendedCompletionDueOn of [null, '2026-08-31']) {
          for (const completedOn of [null, '2026-06-29', '2026-06-30', '2026-07-01', '2026-08-31', '2026-09-01']) {
            out.push({ decidedOn, decisionDueOn, completionDueOn, extendedCompletionDueOn, completedOn });
          }
        }
      }
    }
  }
  return out;
}

function reviewRow({ decidedOn, ...dates }: Dates): Partial<Review> {
  const id = randomUUID();
  return {
    id,
    reference: `TEST-${id}`,
    incidentId: randomUUID(),
    boardCode: 'LEEDS',
    regime: Regime.PARTNERSHIP,
    kind: ReviewKind.LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW,
    stage: ReviewStage.IN_PROGRESS,
    openedOn: '2026-01-01',
    version: 1,
    createdAt: new Date(),
    ...dates,
    decision: { outcome: null, criteriaMet: null, partnersAgreed: null, rationale: null, decidedOn, decidedBy: null },
  };
}

describe.each(ENGINES)('review timeliness on %s', (kind) => {
  const database = throwawayReviewsDatabase(kind);

  it('counts decisions on time and reviews completed within timescale exactly as the functions do', async () => {
    const db = database();
    const rows = cases().map(reviewRow);
    await db.transaction((m) => m.insert(Review, rows));
    const answers = await db.manager
      .createQueryBuilder(Review, 'r')
      .select('r.id', 'id')
      .addSelect(`CASE WHEN ${decidedOnTimeSql('r')} THEN 1 ELSE 0 END`, 'onTime')
      .addSelect(`CASE WHEN ${completedWithinTimescaleSql('r')} THEN 1 ELSE 0 END`, 'within')
      .where('r.id IN (:...ids)', { ids: rows.map((r) => r.id) })
      .getRawMany<{ id: string; onTime: number | string; within: number | string }>();
    const sql = new Map(answers.map((a) => [a.id, { onTime: Number(a.onTime) === 1, within: Number(a.within) === 1 }]));
    const stored = await db.manager.find(Review, { where: rows.map((r) => ({ id: r.id! })) });
    expect(stored).toHaveLength(rows.length);
    for (const review of stored) {
      expect({ dates: review, ...sql.get(review.id) }).toEqual({
        dates: review,
        onTime: decidedOnTime({ decidedOn: review.decision.decidedOn, decisionDueOn: review.decisionDueOn }),
        within: completedWithinTimescale(review),
      });
    }
  });

  it('moves an old extension into review_extensions, dated from the audit trail, and drops one agreed late', async () => {
    const db = database();
    const inTime = reviewRow({ decidedOn: null, decisionDueOn: null, completionDueOn: '2026-06-30', extendedCompletionDueOn: '2026-08-31', completedOn: null });
    const late = reviewRow({
      decidedOn: null,
      decisionDueOn: null,
      completionDueOn: '2026-06-30',
      extendedCompletionDueOn: '2026-09-30',
      completedOn: '2026-09-15',
    });
    const unknown = reviewRow({
      decidedOn: null,
      decisionDueOn: null,
      completionDueOn: '2026-06-30',
      extendedCompletionDueOn: '2026-07-31',
      completedOn: null,
    });
    await db.transaction(async (m) => {
      await m.query('DELETE FROM reviews');
      await m.insert(Review, [inTime, late, unknown]);
      for (const id of [inTime.id, late.id, unknown.id]) {
        await m.query('UPDATE reviews SET extension_reason = ?, extension_interim_learning = ? WHERE id = ?', ['Trial', '["Learning"]', id]);
      }
      const audit = (id: string, at: string) =>
        m.query(
          "INSERT INTO audit_events (id, at, service, subject, roles, operation, target_ids, outcome) VALUES (?, ?, 'reviews', 'bm', 'BOARD_MANAGER', 'extendTimescale', ?, 'OK')",
          [randomUUID(), kind === 'mysql' ? new Date(at) : at.replace('T', ' ').replace('Z', ''), JSON.stringify([id])],
        );
      await audit(inTime.id!, '2026-06-20T10:00:00.000Z');
      // 23:30 UTC on 30 June is 1 July in London: a day late.
      await audit(late.id!, '2026-06-30T23:30:00.000Z');
      await m.query('DROP TABLE review_good_practice');
      await m.query('DROP TABLE review_extensions');
    });
    const runner = db.dataSource.createQueryRunner();
    try {
      await new ReviewsExtensionsGoodPractice1764000005000().up(runner);
    } finally {
      await runner.release();
    }
    const extension = async (id: string) => db.manager.findOneByOrFail(ReviewExtensionRow, { reviewId: id });
    const review = async (id: string) => db.manager.findOneByOrFail(Review, { id });
    expect(await extension(inTime.id!)).toMatchObject({
      agreedOn: '2026-06-20',
      completionDueOn: '2026-08-31',
      reason: 'Trial',
      interimLearning: ['Learning'],
    });
    expect((await review(inTime.id!)).extendedCompletionDueOn).toBe('2026-08-31');
    expect(await extension(late.id!)).toMatchObject({ agreedOn: '2026-07-01', completionDueOn: '2026-09-30' });
    const lateReview = await review(late.id!);
    expect(lateReview.extendedCompletionDueOn).toBeNull();
    expect(completedWithinTimescale(lateReview)).toBe(false);
    expect(await extension(unknown.id!)).toMatchObject({ agreedOn: '2026-06-30', completionDueOn: '2026-07-31' });
    expect((await review(unknown.id!)).extendedCompletionDueOn).toBe('2026-07-31');
  });
});
