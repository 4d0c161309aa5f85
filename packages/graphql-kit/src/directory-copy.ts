import { ask, directoryNames, type InternalTransport } from '@scr/internal-api';

/** How long a copy is used before it is read again, should a change notice have been missed (a replica restarting, say). */
export const DIRECTORY_COPY_FRESH_MS = 30_000;
/**
 * A code or id the copy lacks makes it read the directory again, but not
 * sooner than this after its last read (the request waits for the rest): an
 * agency registered where the notice did not arrive still shows, and an id
 * the directory does not hold costs at most one read a second.
 */
export const DIRECTORY_MISS_RELOAD_MS = 1_000;

interface Snapshot {
  loadedAt: number;
  boards: Map<string, string>;
  agencies: Map<string, { name: string; sector: string }>;
}

/**
 * This subgraph's copy of the directory's display facts: board names, agency
 * names and sectors. Showing them beside the subgraph's own records (an
 * incident's board, a review's agencies) then needs no call through the
 * gateway to the directory. The directory tells every copy when a name
 * changes or an agency is added (`directoryChanged`), and the copy reads
 * everything again on the next use; a notice that did not arrive is made good
 * within DIRECTORY_COPY_FRESH_MS.
 */
export class DirectoryCopy {
  private snapshot?: Snapshot;
  private loading?: Promise<Snapshot>;

  constructor(
    private readonly transport: InternalTransport,
    private readonly clock: () => number = Date.now,
    private readonly wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /** Drops the copy, and any read already under way, which may have started before the change. */
  drop(): void {
    this.snapshot = undefined;
    this.loading = undefined;
  }

  async boardName(code: string): Promise<string> {
    const name = await this.find((s) => s.boards.get(code));
    if (name === undefined) throw new Error(`The directory has no board "${code}".`);
    return name;
  }

  /**
   * Every board's code, in code order. The consortium's boards are fixed (the
   * directory changes their names and dates, never the list), so a code the
   * copy lacks is no board, and is not read again for.
   */
  async boardCodes(): Promise<string[]> {
    return [...(await this.current()).boards.keys()].sort();
  }

  async agency(id: string): Promise<{ name: string; sector: string }> {
    const agency = await this.find((s) => s.agencies.get(id));
    if (!agency) throw new Error(`The directory has no agency "${id}".`);
    return agency;
  }

  private async find<T>(pick: (s: Snapshot) => T | undefined): Promise<T | undefined> {
    const current = await this.current();
    const found = pick(current);
    if (found !== undefined) return found;
    const age = this.clock() - current.loadedAt;
    if (age < DIRECTORY_MISS_RELOAD_MS) await this.wait(DIRECTORY_MISS_RELOAD_MS - age);
    // Requests that missed together share one read: the first to get here drops the copy they all saw.
    if (this.snapshot === current) this.snapshot = undefined;
    return pick(await this.current());
  }

  private current(): Promise<Snapshot> {
    const s = this.snapshot;
    if (s && this.clock() - s.loadedAt < DIRECTORY_COPY_FRESH_MS) return Promise.resolve(s);
    if (!this.loading) {
      const attempt: Promise<Snapshot> = this.load()
        .then((snapshot) => {
          // Kept only if nothing dropped the copy while it was read.
          if (this.loading === attempt) this.snapshot = snapshot;
          return snapshot;
        })
        .finally(() => {
          if (this.loading === attempt) this.loading = undefined;
        });
      this.loading = attempt;
    }
    return this.loading;
  }

  private async load(): Promise<Snapshot> {
    const loadedAt = this.clock();
    const { boards, agencies } = await ask(this.transport, directoryNames, {});
    return {
      loadedAt,
      boards: new Map(boards.map((b) => [b.code, b.name])),
      agencies: new Map(agencies.map((a) => [a.id, { name: a.name, sector: a.sector }])),
    };
  }
}
