import type { BoardCount } from '@scr/graphql-kit';
import { CountsAnswerCache } from '../counts-answer-cache';

const row = (board: string, count: number): BoardCount => ({ board, period: '2025', key: 'UNDER_1', count });

/** A read of the counts that says how often it ran and answers what the database holds now. */
function database(initial: BoardCount[]) {
  const db = { holds: initial, reads: 0 };
  const read = async () => {
    db.reads++;
    return db.holds;
  };
  return { db, read };
}

describe('CountsAnswerCache', () => {
  it('reads a question once while the counts keep their version', async () => {
    const cache = new CountsAnswerCache();
    const { db, read } = database([row('LEEDS', 3)]);
    expect(await cache.rows('q', '7', read)).toEqual([row('LEEDS', 3)]);
    expect(await cache.rows('q', '7', read)).toEqual([row('LEEDS', 3)]);
    expect(db.reads).toBe(1);
  });

  it('reads again, and answers the new counts, once a write has moved the version', async () => {
    const cache = new CountsAnswerCache();
    const { db, read } = database([row('LEEDS', 3)]);
    await cache.rows('q', '7', read);
    db.holds = [row('LEEDS', 4)];
    expect(await cache.rows('q', '8', read)).toEqual([row('LEEDS', 4)]);
    expect(await cache.rows('q', '8', read)).toEqual([row('LEEDS', 4)]);
    expect(db.reads).toBe(2);
  });

  it('keeps each question apart', async () => {
    const cache = new CountsAnswerCache();
    const leeds = database([row('LEEDS', 3)]);
    const wakefield = database([row('WAKEFIELD', 1)]);
    expect(await cache.rows('LEEDS|q', '7', leeds.read)).toEqual([row('LEEDS', 3)]);
    expect(await cache.rows('WAKEFIELD|q', '7', wakefield.read)).toEqual([row('WAKEFIELD', 1)]);
  });

  it('lets requests that miss together share one read', async () => {
    const cache = new CountsAnswerCache();
    const { db, read } = database([row('LEEDS', 3)]);
    const answers = await Promise.all([cache.rows('q', '7', read), cache.rows('q', '7', read), cache.rows('q', '7', read)]);
    expect(answers).toEqual([[row('LEEDS', 3)], [row('LEEDS', 3)], [row('LEEDS', 3)]]);
    expect(db.reads).toBe(1);
  });

  it('keeps nothing from a read that failed', async () => {
    const cache = new CountsAnswerCache();
    const { db, read } = database([row('LEEDS', 3)]);
    await expect(cache.rows('q', '7', () => Promise.reject(new Error('the database went away')))).rejects.toThrow('went away');
    expect(await cache.rows('q', '7', read)).toEqual([row('LEEDS', 3)]);
    expect(db.reads).toBe(1);
  });

  it('drops the least recently asked answers beyond its budget of rows', async () => {
    const cache = new CountsAnswerCache(3);
    const { db, read } = database([row('LEEDS', 1), row('LEEDS', 2)]);
    await cache.rows('a', '7', read);
    await cache.rows('b', '7', read);
    await cache.rows('b', '7', read);
    expect(db.reads).toBe(2);
    await cache.rows('a', '7', read);
    expect(db.reads).toBe(3);
  });
});
