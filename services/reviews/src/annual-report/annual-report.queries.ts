import type { Database } from '@scr/db';
import { PeerChallenge } from '../peer-challenges/peer-challenge.entity';
import { Review } from '../reviews/review.entity';

/** Reports published in the window (and not after today: a date set ahead is not yet a publication), for many boards in one GROUP BY. */
export async function publishedCounts(db: Database, boards: string[], window: { from: string; to: string }, today: string) {
  const rows = await db.manager
    .createQueryBuilder(Review, 'r')
    .select('r.board_code', 'board')
    .addSelect('COUNT(*)', 'n')
    .where('r.board_code IN (:...boards)', { boards })
    .andWhere('r.published_on >= :from AND r.published_on <= :to AND r.published_on <= :today', { ...window, today })
    .groupBy('r.board_code')
    .getRawMany<{ board: string; n: string | number }>();
  return new Map(rows.map((r) => [r.board, Number(r.n)]));
}

/**
 * Peer challenges requested between two instants that the boards asked for
 * (their reviews) or were asked to give (as challenger), in one statement.
 */
export async function peerChallengeCounts(db: Database, boards: string[], from: Date, until: Date) {
  const rows = await db.manager
    .createQueryBuilder(PeerChallenge, 'pc')
    .select('pc.board_code', 'asker')
    .addSelect('pc.challenger_board_code', 'challenger')
    .addSelect('COUNT(*)', 'n')
    .where('(pc.board_code IN (:...boards) OR pc.challenger_board_code IN (:...boards))', { boards })
    .andWhere('pc.requested_at >= :from AND pc.requested_at < :until', { from, until })
    .groupBy('pc.board_code')
    .addGroupBy('pc.challenger_board_code')
    .getRawMany<{ asker: string; challenger: string; n: string | number }>();
  const count = (board: string, side: 'asker' | 'challenger') => rows.filter((r) => r[side] === board).reduce((sum, r) => sum + Number(r.n), 0);
  return new Map(boards.map((b) => [b, { asked: count(b, 'asker'), received: count(b, 'challenger') }]));
}
