import 'reflect-metadata';
import { ObjectType, Field, Directive } from 'type-graphql';
import { badInput } from './errors';

export const MAX_PAGE_SIZE = 500;

@ObjectType()
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/** Page size as DOMAIN.md says: larger than 500 is clamped, negative refused (0 answers only totalCount). */
export function pageSize(first: number | null | undefined, fallback: number): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 0) throw badInput('first', '`first` must be a whole number, 0 or more.');
  return Math.min(size, MAX_PAGE_SIZE);
}

/** Cursors are opaque to callers; inside they carry the row's ordering key. */
export function encodeCursor(key: number | string): string {
  return Buffer.from(`c:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): string | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!raw.startsWith('c:') || raw.length < 3) throw badInput('after', '`after` is not a cursor this API gave out.');
  return raw.slice(2);
}

export function decodeNumericCursor(cursor: string | null | undefined): number | undefined {
  const key = decodeCursor(cursor);
  if (key === undefined) return undefined;
  const n = Number(key);
  if (!Number.isSafeInteger(n)) throw badInput('after', '`after` is not a cursor this API gave out.');
  return n;
}

/** Builds a page from rows fetched with limit size + 1 (the extra row says a next page exists). */
export function toPage<T>(rows: T[], size: number, keyOf: (row: T) => number | string) {
  const hasNextPage = rows.length > size;
  const items = rows.slice(0, size);
  const edges = items.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) }));
  return {
    edges,
    pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
