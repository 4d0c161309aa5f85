/**
 * Whether a peer challenge grants access, and its status, are decided in SQL
 * for the row scope, the /grants answer and the status filter, and by
 * functions for single records: both must say the same on each engine,
 * including at the very instant access ends.
 */
import { randomUUID } from 'node:crypto';
import { ENGINES, throwawayReviewsDatabase } from '../../__integration__/throwaway-database';
import { PeerChallenge, PeerChallengeStatus } from '../peer-challenge.entity';
import { challengeStatusSql, grantsAccess, grantsAccessSql, peerChallengeStatus } from '../peer-challenge.rules';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);

/** Revoked or not, answered or not, access ending before, at, or after now. */
function challenges(): PeerChallenge[] {
  const out: PeerChallenge[] = [];
  for (const revokedAt of [null, at(-60_000)]) {
    for (const respondedAt of [null, at(-30_000)]) {
      for (const accessUntil of [at(-1), NOW, at(1), at(86_400_000)]) {
        out.push(
          Object.assign(new PeerChallenge(), {
            id: randomUUID(),
            reviewId: randomUUID(),
            boardCode: 'LEEDS',
            challengerBoardCode: 'BRADFORD',
            question: 'Why?',
            requestedAt: at(-86_400_000),
            accessUntil,
            response: respondedAt ? 'Because.' : null,
            respondedAt,
            revokedAt,
          }),
        );
      }
    }
  }
  return out;
}

describe.each(ENGINES)('peer-challenge access and status on %s', (kind) => {
  const database = throwawayReviewsDatabase(kind);
  const rows = challenges();

  beforeAll(async () => {
    await database().transaction((m) => m.insert(PeerChallenge, rows));
  });

  const idsWhere = async (sql: string) =>
    (await database().manager.createQueryBuilder(PeerChallenge, 'pc').select('pc.id', 'id').where(sql, { now: NOW }).getRawMany<{ id: string }>())
      .map((r) => r.id)
      .sort();
  const idsOf = (keep: (c: PeerChallenge) => boolean) =>
    rows
      .filter(keep)
      .map((c) => c.id)
      .sort();

  it('grants access in SQL exactly where grantsAccess does', async () => {
    const granting = idsOf((c) => grantsAccess(c, NOW));
    expect(granting.length).toBeGreaterThan(0);
    expect(await idsWhere(grantsAccessSql('pc', 'now'))).toEqual(granting);
  });

  it.each(Object.values(PeerChallengeStatus))('filters %s in SQL exactly as peerChallengeStatus names it', async (status) => {
    const expected = idsOf((c) => peerChallengeStatus(c, NOW) === status);
    expect(expected.length).toBeGreaterThan(0);
    expect(await idsWhere(challengeStatusSql('pc', status))).toEqual(expected);
  });
});
