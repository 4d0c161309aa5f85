import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { StatementTimeoutError, type Database } from '@scr/db';
import { AppError } from './errors';

/**
 * Runs a statistics statement under STATS_STATEMENT_TIMEOUT_MS. One slow
 * question must not hold a connection (and, on MySQL, the others' answers)
 * for as long as it takes: the database stops it and the caller is told, in
 * DOMAIN.md's words for "too slow, try again", what to do.
 */
export async function runStatisticsQuery<T = Record<string, unknown>>(db: Database, qb: SelectQueryBuilder<ObjectLiteral>): Promise<T[]> {
  try {
    return await db.selectWithTimeout<T>(qb);
  } catch (error) {
    if (error instanceof StatementTimeoutError) {
      throw new AppError(
        'SERVICE_UNAVAILABLE',
        'The statistics took too long to work out and were stopped. Try again in a minute, or ask for a shorter window or fewer statistics at once.',
      );
    }
    throw error;
  }
}

/** One cell of a board's statistics table before disclosure control. */
export interface BoardCount {
  board: string;
  period: string;
  key: string;
  count: number;
}

/**
 * Runs (as runStatisticsQuery) a count grouped by board, period and key whose
 * columns are aliased board, period, statKey and n; MySQL gives SUM and COUNT
 * as strings, hence the conversion.
 */
export async function runBoardCountQuery(db: Database, qb: SelectQueryBuilder<ObjectLiteral>): Promise<BoardCount[]> {
  const rows = await runStatisticsQuery<{ board: string; period: string; statKey: string; n: string | number }>(db, qb);
  return rows.map((r) => ({ board: r.board, period: String(r.period), key: r.statKey, count: Number(r.n) }));
}
