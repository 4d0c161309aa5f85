/**
 * The row scope (which reviews a caller sees, in SQL) and the reach (which of
 * its roles reach each of them, for field rules) must agree: a review is in
 * scope exactly when some role reaches it, and each role reaches exactly the
 * reviews its own grant opens. Checked on both engines.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '@scr/auth';
import type { Database } from '@scr/db';
import { ENGINES, throwawayReviewsDatabase } from '../../__integration__/throwaway-database';
import { ReviewerAppointment } from '../../appointments/appointment.entity';
import { InformationRequest, InformationRequestStatus } from '../../information-requests/information-request.entity';
import { PeerChallenge } from '../../peer-challenges/peer-challenge.entity';
import { Review } from '../review.entity';
import { Regime, ReviewKind, ReviewStage } from '../review.enums';
import { createReviewReach } from '../review.reach';
import { reviewScope, whereReviewInScope } from '../review.scope';

const DAY = 86_400_000;

describe.each(ENGINES)('review scope and reach on %s', (kind) => {
  const database = throwawayReviewsDatabase(kind);
  let db: Database;
  /** Reviews by name: L1, L2 of LEEDS; W1 (challenged by BRADFORD, reviewer R, agency A asked), W2 (expired challenge, agency B asked), W3 (revoked challenge). */
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = database();
    let seq = 0;
    for (const [name, board] of [
      ['L1', 'LEEDS'],
      ['L2', 'LEEDS'],
      ['W1', 'WAKEFIELD'],
      ['W2', 'WAKEFIELD'],
      ['W3', 'WAKEFIELD'],
    ] as const) {
      const id = randomUUID();
      ids[name] = id;
      await db.manager.insert(Review, {
        id,
        reference: `${board}-2026-${++seq}-REV`,
        incidentId: randomUUID(),
        boardCode: board,
        regime: Regime.PARTNERSHIP,
        kind: ReviewKind.RAPID_REVIEW,
        stage: ReviewStage.IN_PROGRESS,
        openedOn: '2026-01-05',
        version: 1,
        createdAt: new Date(),
      } as Partial<Review> as Review);
    }
    const challenge = (review: string, accessUntil: Date, revokedAt: Date | null) =>
      db.manager.insert(PeerChallenge, {
        id: randomUUID(),
        reviewId: ids[review],
        boardCode: 'WAKEFIELD',
        challengerBoardCode: 'BRADFORD',
        question: 'Sound?',
        requestedAt: new Date(Date.now() - DAY),
        accessUntil,
        response: null,
        respondedAt: null,
        revokedAt,
      } as Partial<PeerChallenge> as PeerChallenge);
    await challenge('W1', new Date(Date.now() + DAY), null);
    await challenge('W2', new Date(Date.now() - 1000), null);
    await challenge('W3', new Date(Date.now() + DAY), new Date());
    await db.manager.insert(ReviewerAppointment, { reviewId: ids.W1, reviewerId: 'R', lead: true, appointedOn: '2026-01-06', independenceStatement: 'x' });
    const ask = (review: string, agencyId: string) =>
      db.manager.insert(InformationRequest, {
        id: randomUUID(),
        reviewId: ids[review],
        boardCode: 'WAKEFIELD',
        agencyId,
        purpose: 'p',
        necessity: 'n',
        proportionality: 'q',
        statutory: true,
        requestedOn: '2026-01-06',
        dueOn: '2026-02-06',
        storedStatus: InformationRequestStatus.OPEN,
        response: null,
        respondedOn: null,
        withdrawnReason: null,
        createdBy: 'm',
      });
    await ask('W1', 'A');
    await ask('W2', 'B');
  }, 60_000);

  const principals: [string, Principal, Record<string, string[]>][] = [
    ['LEEDS manager', { subject: 'm', roles: ['BOARD_MANAGER'], board: 'LEEDS' }, { L1: ['BM'], L2: ['BM'] }],
    ['BRADFORD chair (live challenge on W1 only)', { subject: 'c', roles: ['BOARD_CHAIR'], board: 'BRADFORD' }, { W1: ['PC'] }],
    ['BRADFORD manager (a manager holds no challenge)', { subject: 'bm', roles: ['BOARD_MANAGER'], board: 'BRADFORD' }, {}],
    ['reviewer R', { subject: 'r', roles: ['REVIEWER'], reviewer: 'R' }, { W1: ['RV'] }],
    ['agency A', { subject: 'a', roles: ['AGENCY_CONTRIBUTOR'], agency: 'A' }, { W1: ['AC'] }],
    [
      'agency B and LEEDS manager and chair',
      { subject: 'x', roles: ['AGENCY_CONTRIBUTOR', 'BOARD_MANAGER', 'BOARD_CHAIR'], agency: 'B', board: 'LEEDS' },
      { L1: ['BM', 'BC'], L2: ['BM', 'BC'], W2: ['AC'] },
    ],
    [
      'reviewer R, agency A and BRADFORD chair',
      { subject: 'y', roles: ['REVIEWER', 'AGENCY_CONTRIBUTOR', 'BOARD_CHAIR'], reviewer: 'R', agency: 'A', board: 'BRADFORD' },
      { W1: ['PC', 'RV', 'AC'] },
    ],
    ['analyst', { subject: 'n', roles: ['ANALYST'], board: 'LEEDS', agency: 'A', reviewer: 'R' }, {}],
  ];

  it.each(principals)('%s: scope and reach name the same reviews, each reached by the right roles', async (_name, principal, expected) => {
    const scope = reviewScope(principal, new Date());
    const inScope = await whereReviewInScope(db.manager.createQueryBuilder(Review, 'r'), 'r', scope).getMany();
    const reachOf = createReviewReach(db, principal, scope);
    const all = await db.manager.find(Review);
    const reached: Record<string, string[]> = {};
    for (const review of all) {
      const reach = [...(await reachOf(review))].sort();
      if (reach.length) reached[Object.keys(ids).find((k) => ids[k] === review.id)!] = reach;
    }
    const sorted = Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, [...v].sort()]));
    expect(reached).toEqual(sorted);
    expect(inScope.map((r) => r.id).sort()).toEqual(
      Object.keys(expected)
        .map((k) => ids[k])
        .sort(),
    );
  });
});
