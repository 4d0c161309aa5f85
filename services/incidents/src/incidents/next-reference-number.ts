import type { EntityManager } from 'typeorm';
import { ReferenceCounter } from './reference-counter.entity';

/**
 * The next reference number for the board and year, inside the caller's
 * transaction. The UPDATE holds the counter row's lock until commit, so
 * concurrent reports for one board take numbers one after another instead of
 * colliding; the first report of a year inserts the row (a racing twin fails
 * on the primary key and its caller retries).
 */
export async function nextReferenceNumber(manager: EntityManager, boardCode: string, year: number): Promise<number> {
  const { affected } = await manager
    .createQueryBuilder()
    .update(ReferenceCounter)
    .set({ lastNumber: () => 'last_number + 1' })
    .where('board_code = :boardCode AND year = :year', { boardCode, year })
    .execute();
  if (!affected) {
    await manager.insert(ReferenceCounter, { boardCode, year, lastNumber: 1 });
    return 1;
  }
  const row = await manager.findOneByOrFail(ReferenceCounter, { boardCode, year });
  return row.lastNumber;
}
