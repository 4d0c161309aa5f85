/**
 * A seeded pseudo-random source (mulberry32): the same seed gives the same
 * data set on every machine, so two benchmark runs measure the same rows.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(list: readonly T[]): T {
    const item = list[this.int(list.length)];
    if (item === undefined) throw new Error('Cannot pick from an empty list');
    return item;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/**
 * A deterministic id in UUID form: one hex digit says which kind of row (so
 * ids of different tables never meet), the last twelve count.
 */
export function benchId(kind: number, n: number): string {
  return `${kind.toString(16)}0000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}
