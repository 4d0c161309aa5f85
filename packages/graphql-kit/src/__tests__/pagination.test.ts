// pagination.ts declares type-graphql classes; the package entry (index.ts) loads this polyfill first.
import 'reflect-metadata';
import { GraphQLError } from 'graphql';
import { decodeCursor, decodeNumericCursor, encodeCursor, MAX_PAGE_SIZE, pageSize, toPage } from '../pagination';

function badInputOf(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    return error as GraphQLError;
  }
  throw new Error('expected a BAD_USER_INPUT error, nothing was thrown');
}

describe('pageSize', () => {
  it('uses the fallback when `first` is null or absent', () => {
    expect(pageSize(null, 50)).toBe(50);
    expect(pageSize(undefined, 25)).toBe(25);
  });

  it('keeps a size within the limit', () => {
    expect(pageSize(20, 50)).toBe(20);
    expect(pageSize(500, 50)).toBe(500);
  });

  it('clamps a larger `first` to 500', () => {
    expect(MAX_PAGE_SIZE).toBe(500);
    expect(pageSize(501, 50)).toBe(500);
    expect(pageSize(1000, 50)).toBe(500);
  });

  it('allows 0', () => {
    expect(pageSize(0, 50)).toBe(0);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %p with BAD_USER_INPUT on `first`', (first) => {
    const error = badInputOf(() => pageSize(first, 50));
    expect(error.extensions.field).toBe('first');
  });
});

describe('cursors', () => {
  it('round-trips a numeric key and a string key', () => {
    expect(decodeCursor(encodeCursor(42))).toBe('42');
    expect(decodeNumericCursor(encodeCursor(42))).toBe(42);
    expect(decodeCursor(encodeCursor('LEEDS-2026-0007'))).toBe('LEEDS-2026-0007');
  });

  it('is opaque: the key does not appear in the cursor', () => {
    expect(encodeCursor('LEEDS-2026-0007')).not.toContain('LEEDS');
  });

  it('no cursor means from the start', () => {
    expect(decodeCursor(null)).toBeUndefined();
    expect(decodeCursor(undefined)).toBeUndefined();
    expect(decodeNumericCursor(null)).toBeUndefined();
  });

  it.each(['garbage', '', 'Yzo', '!!!'])('refuses %p with BAD_USER_INPUT on `after`', (cursor) => {
    const error = badInputOf(() => decodeCursor(cursor));
    expect(error.extensions.field).toBe('after');
  });

  it('refuses a well-formed cursor whose key is not a number where a number is expected', () => {
    badInputOf(() => decodeNumericCursor(encodeCursor('abc')));
  });
});

describe('toPage', () => {
  const rows = [{ id: 1 }, { id: 2 }, { id: 3 }];
  const key = (row: { id: number }) => row.id;

  it('has a next page only when the extra row came back', () => {
    const page = toPage(rows, 2, key);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.edges.map((e) => e.node.id)).toEqual([1, 2]);
  });

  it('has no next page when exactly `size` rows came back', () => {
    const page = toPage(rows, 3, key);
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.edges).toHaveLength(3);
  });

  it('has no next page when fewer rows came back', () => {
    expect(toPage(rows, 10, key).pageInfo.hasNextPage).toBe(false);
  });

  it('endCursor is the cursor of the last edge and continues after it', () => {
    const page = toPage(rows, 2, key);
    expect(page.pageInfo.endCursor).toBe(page.edges[1]?.cursor);
    expect(decodeNumericCursor(page.pageInfo.endCursor)).toBe(2);
    expect(page.edges.map((e) => decodeNumericCursor(e.cursor))).toEqual([1, 2]);
  });

  it('endCursor is null for an empty page', () => {
    const page = toPage([], 10, key);
    expect(page.edges).toEqual([]);
    expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});
