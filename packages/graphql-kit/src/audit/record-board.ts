import { In, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { Database } from '@scr/db';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds the board owning the first of some ids, for an audit row about them. */
export type RecordBoardOf = (ids: string[]) => Promise<string | undefined>;

/**
 * The board of the first record among the given entities (each with `id` and
 * `boardCode` columns) whose id is one of `ids`: a refused or probed request
 * is recorded with the attacked board, so that board's chair sees it.
 */
export function recordBoardOf(db: Database, entities: EntityTarget<ObjectLiteral>[]): RecordBoardOf {
  return async (ids) => {
    // Records are keyed by UUIDs: anything else names no record, and costs no query.
    const wanted = [...new Set(ids)].filter((id) => UUID.test(id)).slice(0, 20);
    if (!wanted.length) return undefined;
    for (const entity of entities) {
      const row = await db.manager.findOne(entity, { where: { id: In(wanted) }, select: { boardCode: true } as never });
      if (row?.boardCode) return String(row.boardCode);
    }
    return undefined;
  };
}
