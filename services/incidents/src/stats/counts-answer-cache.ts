import { LRUCache } from 'lru-cache';
import type { Database } from '@scr/db';
import type { BoardCount } from '@scr/graphql-kit';

/** What a statistics question answered at one version of the counts. */
interface Kept {
  version: string;
  rows: BoardCount[];
}

/**
 * Grouped statistics rows kept while the counts they came from are unchanged.
 * Every change to incident_counts moves its version in the same transaction
 * (BUMP_COUNTS_VERSION_SQL), and every request reads the version first, so a
 * kept answer is given only while no write has committed since: the next
 * request after a report or correction reads afresh. Under load this turns
 * each trends request's grouped read (4,320 monthly cells for five boards
 * over twelve years, the largest part of its database time) into a
 * primary-key read. Requests that miss at the same version share one read.
 */
export class CountsAnswerCache {
  private readonly kept: LRUCache<string, Kept>;
  private readonly reading = new Map<string, Promise<BoardCount[]>>();

  /** maxRows bounds the memory: about 150 bytes a row. */
  constructor(maxRows = 50_000) {
    this.kept = new LRUCache<string, Kept>({ maxSize: maxRows, sizeCalculation: (kept) => Math.max(1, kept.rows.length) });
  }

  /** The rows for a question at the counts' current version: kept ones, or read (once) and kept. */
  rows(question: string, version: string, read: () => Promise<BoardCount[]>): Promise<BoardCount[]> {
    const kept = this.kept.get(question);
    if (kept?.version === version) return Promise.resolve(kept.rows);
    const key = `${version}|${question}`;
    let pending = this.reading.get(key);
    if (!pending) {
      pending = read()
        .then((rows) => {
          // An answer larger than the whole budget is given but not kept (LRUCache refuses it).
          this.kept.set(question, { version, rows });
          return rows;
        })
        .finally(() => this.reading.delete(key));
      this.reading.set(key, pending);
    }
    return pending;
  }
}

/** The counts' version now; read before the counts, so rows kept under it are never older than it says. */
export async function readCountsVersion(db: Database): Promise<string> {
  const rows: { version: string | number }[] = await db.manager.query('SELECT version FROM incident_counts_version WHERE id = 1');
  return String(rows[0]?.version ?? 0);
}

const caches = new WeakMap<Database, CountsAnswerCache>();

/** One cache per database (a process, or one test platform of several in a process). */
export function countsAnswerCacheFor(db: Database): CountsAnswerCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new CountsAnswerCache()));
  return cache;
}
