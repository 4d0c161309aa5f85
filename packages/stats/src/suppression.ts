/**
 * Statistics tables and disclosure control. Counts of children harmed are
 * small enough that a published "2" can identify a family, so small counts are
 * hidden the way the Department for Education hides them.
 */

/** One count of a table: `key` is a value of the dimension (an enum member). */
export interface Cell {
  period: string;
  key: string;
  count: number;
}

/** A cell as published: `count` is null exactly when `suppressed` is true. */
export interface StatCell {
  period: string;
  key: string;
  count: number | null;
  suppressed: boolean;
}

/** Counts from 1 to this are hidden; zero is not, as "none" discloses nobody. */
export const SUPPRESSION_THRESHOLD = 5;

/**
 * The full table for `periods` × `keys` from grouped counts. Every key of the
 * dimension is given, in enum order, zeros as 0, so a reader sees "none"
 * rather than a missing row; a period with no records at all is left out, as
 * the domain asks. Repeated (period, key) rows are added together, so rows may
 * be pre-grouped or one per record.
 */
export function buildTable(rows: readonly Cell[], periods: readonly string[], keys: readonly string[]): Cell[] {
  const keyIndex = indexOf(keys, 'key');
  const periodIndex = indexOf(periods, 'period');
  const counts = periods.map(() => keys.map(() => 0));
  for (const row of rows) {
    const p = periodIndex.get(row.period);
    const k = keyIndex.get(row.key);
    // An unknown key or period means the query and the dimension disagree;
    // dropping the row would publish a total that is silently too low.
    if (k === undefined) throw new Error(`Count for unknown key ${JSON.stringify(row.key)}; expected one of ${keys.join(', ')}`);
    if (p === undefined) throw new Error(`Count for period ${JSON.stringify(row.period)}, which is outside the window`);
    requireCount(row);
    // counts has a row per period and a column per key, the lists p and k index.
    counts[p]![k]! += row.count;
  }
  const cells: Cell[] = [];
  periods.forEach((period, p) => {
    // counts was built by mapping periods, then keys: both indices are in range.
    const periodCounts = counts[p]!;
    if (periodCounts.every((count) => count === 0)) return;
    keys.forEach((key, k) => cells.push({ period, key, count: periodCounts[k]! }));
  });
  return cells;
}

/**
 * Applies disclosure control to a table, period by period. A count from 1 to
 * 5 is suppressed (primary). A lone primary in a period could be recovered
 * from the period total minus the shown cells, so the smallest other non-zero
 * cell is suppressed too (secondary; ties go to the first key in
 * `keysOrder`). Smallest, because it hides the least information. Two or more
 * primaries already protect each other, and zeros are never suppressed: a
 * known zero reveals nothing by subtraction. Cells keep their input order.
 */
export function suppress(cells: readonly Cell[], keysOrder: readonly string[]): StatCell[] {
  const keyIndex = indexOf(keysOrder, 'key');
  const hidden = new Set<Cell>();
  for (const periodCells of groupByPeriod(cells, keyIndex)) {
    const primaries = periodCells.filter((cell) => isSmall(cell.count));
    primaries.forEach((cell) => hidden.add(cell));
    if (primaries.length !== 1) continue;
    const secondary = periodCells
      .filter((cell) => cell.count > 0 && cell !== primaries[0])
      .reduce<Cell | undefined>((best, cell) => (best === undefined || ranksBefore(cell, best, keyIndex) ? cell : best), undefined);
    // With no other non-zero cell the total equals the hidden cell's count
    // whatever we do; there is nothing left here to hide it behind.
    if (secondary) hidden.add(secondary);
  }
  return cells.map((cell) =>
    hidden.has(cell)
      ? { period: cell.period, key: cell.key, count: null, suppressed: true }
      : { period: cell.period, key: cell.key, count: cell.count, suppressed: false },
  );
}

function isSmall(count: number): boolean {
  return count >= 1 && count <= SUPPRESSION_THRESHOLD;
}

/** Smaller count first; equal counts by the dimension's enum order, so the choice is stable. */
function ranksBefore(a: Cell, b: Cell, keyIndex: Map<string, number>): boolean {
  if (a.count !== b.count) return a.count < b.count;
  return (keyIndex.get(a.key) as number) < (keyIndex.get(b.key) as number);
}

/** Cells split by period, validating each one on the way. */
function groupByPeriod(cells: readonly Cell[], keyIndex: Map<string, number>): Cell[][] {
  const groups = new Map<string, Cell[]>();
  for (const cell of cells) {
    requireCount(cell);
    // Without a rank the tie-break would be arbitrary, and a repeated key
    // would make "the other cells" of a period ambiguous.
    if (!keyIndex.has(cell.key)) throw new Error(`Cell for unknown key ${JSON.stringify(cell.key)}; expected one of ${[...keyIndex.keys()].join(', ')}`);
    const group = groups.get(cell.period) ?? [];
    if (group.some((other) => other.key === cell.key)) {
      throw new Error(`Period ${JSON.stringify(cell.period)} has two cells for key ${JSON.stringify(cell.key)}`);
    }
    group.push(cell);
    groups.set(cell.period, group);
  }
  return [...groups.values()];
}

function requireCount(cell: Cell): void {
  // Counts come from COUNT(*); anything else is a bug upstream, and a
  // fractional or negative count would slip past the 1–5 test.
  if (!Number.isSafeInteger(cell.count) || cell.count < 0) {
    throw new Error(`Count for ${cell.period} ${cell.key} must be a whole number of at least 0, got ${String(cell.count)}`);
  }
}

/** Position of each value; a repeated value would make the table ambiguous. */
function indexOf(values: readonly string[], what: string): Map<string, number> {
  const index = new Map<string, number>();
  values.forEach((value, i) => {
    if (index.has(value)) throw new Error(`The ${what} ${JSON.stringify(value)} is listed twice`);
    index.set(value, i);
  });
  return index;
}
