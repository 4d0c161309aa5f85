import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { decodeNumericCursor, pageSize, toPage } from './pagination';

export interface SeqPageOptions {
  /** The query's alias; rows are ordered by `<alias>.seq`, the cursor carries it. */
  alias: string;
  first: number | null | undefined;
  after: string | null | undefined;
  /** Page size when `first` is not given. */
  fallback?: number;
  /** Newest first (DESC, the default) or oldest first (ASC). */
  order?: 'ASC' | 'DESC';
}

/**
 * A page of a filtered, scoped query by its auto-increment `seq`: the total
 * counts the same rows, the cursor never shifts when rows are added, and one
 * extra row tells whether a next page exists.
 */
export async function seqPage<T extends ObjectLiteral & { seq: number }>(qb: SelectQueryBuilder<T>, options: SeqPageOptions) {
  const { alias, order = 'DESC' } = options;
  const size = pageSize(options.first, options.fallback ?? 50);
  const afterSeq = decodeNumericCursor(options.after);
  const totalCount = await qb.clone().getCount();
  const page = qb
    .clone()
    .orderBy(`${alias}.seq`, order)
    .take(size + 1);
  if (afterSeq !== undefined) page.andWhere(`${alias}.seq ${order === 'DESC' ? '<' : '>'} :afterSeq`, { afterSeq });
  const rows = size === 0 ? [] : await page.getMany();
  return { ...toPage(rows, size, (row) => row.seq), totalCount };
}
