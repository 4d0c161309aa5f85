import { buildTable, suppress, SUPPRESSION_THRESHOLD, type Cell, type StatCell } from '../suppression';

/** A dimension in its enum order, deliberately not alphabetical. */
const AGE_BANDS = ['UNDER_1', 'AGE_1_TO_4', 'AGE_5_TO_9', 'AGE_10_TO_15', 'AGE_16_TO_17'] as const;

function band(i: number): string {
  const b = AGE_BANDS[i];
  if (!b) throw new Error(`${i + 1} counts given for ${AGE_BANDS.length} age bands`);
  return b;
}

/** One period's cells, counts given in AGE_BANDS order. */
function period(name: string, counts: number[]): Cell[] {
  return counts.map((count, i) => ({ period: name, key: band(i), count }));
}

/** The published cells expected for one period: null marks a suppressed count. */
function shown(name: string, counts: (number | null)[]): StatCell[] {
  return counts.map((count, i) => ({ period: name, key: band(i), count, suppressed: count === null }));
}

describe('buildTable', () => {
  it('gives every key of the dimension in enum order, zeros as 0', () => {
    const rows = [
      { period: '2026-03', key: 'AGE_16_TO_17', count: 4 },
      { period: '2026-03', key: 'UNDER_1', count: 7 },
    ];
    expect(buildTable(rows, ['2026-03'], AGE_BANDS)).toEqual(period('2026-03', [7, 0, 0, 0, 4]));
  });

  it('keeps the order of the periods given, not the order of the rows', () => {
    const rows = [
      { period: '2026-Q2', key: 'AGE_5_TO_9', count: 2 },
      { period: '2026-Q1', key: 'AGE_1_TO_4', count: 9 },
    ];
    expect(buildTable(rows, ['2026-Q1', '2026-Q2'], AGE_BANDS)).toEqual([...period('2026-Q1', [0, 9, 0, 0, 0]), ...period('2026-Q2', [0, 0, 2, 0, 0])]);
  });

  it('leaves out periods with no records', () => {
    const rows = [
      { period: '2026-01', key: 'UNDER_1', count: 1 },
      { period: '2026-03', key: 'UNDER_1', count: 3 },
    ];
    const cells = buildTable(rows, ['2026-01', '2026-02', '2026-03'], AGE_BANDS);
    expect([...new Set(cells.map((cell) => cell.period))]).toEqual(['2026-01', '2026-03']);
  });

  it('leaves out a period whose only rows are zero', () => {
    const rows = [
      { period: '2026-01', key: 'UNDER_1', count: 0 },
      { period: '2026-01', key: 'AGE_5_TO_9', count: 0 },
      { period: '2026-02', key: 'AGE_5_TO_9', count: 6 },
    ];
    expect(buildTable(rows, ['2026-01', '2026-02'], AGE_BANDS)).toEqual(period('2026-02', [0, 0, 6, 0, 0]));
  });

  it('gives an empty table when there are no records at all', () => {
    expect(buildTable([], ['2026-01', '2026-02'], AGE_BANDS)).toEqual([]);
    expect(buildTable([], [], AGE_BANDS)).toEqual([]);
  });

  it('adds up repeated rows for the same period and key', () => {
    const rows = [
      { period: '2026', key: 'AGE_10_TO_15', count: 1 },
      { period: '2026', key: 'AGE_10_TO_15', count: 1 },
      { period: '2026', key: 'AGE_10_TO_15', count: 5 },
    ];
    expect(buildTable(rows, ['2026'], AGE_BANDS)).toEqual(period('2026', [0, 0, 0, 7, 0]));
  });

  it('throws for a key outside the dimension', () => {
    const rows = [{ period: '2026', key: 'ADULT', count: 3 }];
    expect(() => buildTable(rows, ['2026'], AGE_BANDS)).toThrow(/unknown key "ADULT"/);
  });

  it('throws for a period outside the window', () => {
    const rows = [{ period: '2027', key: 'UNDER_1', count: 3 }];
    expect(() => buildTable(rows, ['2026'], AGE_BANDS)).toThrow(/outside the window/);
  });

  it('throws for counts that cannot come from COUNT(*)', () => {
    for (const count of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => buildTable([{ period: '2026', key: 'UNDER_1', count }], ['2026'], AGE_BANDS)).toThrow(/whole number/);
    }
  });

  it('throws when a key or a period is listed twice', () => {
    expect(() => buildTable([], ['2026'], ['A', 'B', 'A'])).toThrow(/listed twice/);
    expect(() => buildTable([], ['2026', '2026'], AGE_BANDS)).toThrow(/listed twice/);
  });
});

describe('suppress', () => {
  it('uses 5 as the threshold, as the Department for Education does', () => {
    expect(SUPPRESSION_THRESHOLD).toBe(5);
  });

  it('shows every count when none is from 1 to 5', () => {
    expect(suppress(period('2026-03', [6, 10, 0, 12, 40]), AGE_BANDS)).toEqual(shown('2026-03', [6, 10, 0, 12, 40]));
  });

  it('suppresses a lone small count and the smallest other non-zero count', () => {
    // 3 is primary; of 20, 8, 15, 9 the smallest is 8 (AGE_5_TO_9).
    expect(suppress(period('2026-03', [20, 3, 8, 15, 9]), AGE_BANDS)).toEqual(shown('2026-03', [20, null, null, 15, 9]));
  });

  it('chooses the secondary by count, not by position', () => {
    // 1 is primary; the smallest other non-zero is 7, the last cell.
    expect(suppress(period('2026-03', [1, 30, 12, 9, 7]), AGE_BANDS)).toEqual(shown('2026-03', [null, 30, 12, 9, null]));
  });

  it('breaks a tie for the secondary by the first key in enum order', () => {
    // 4 is primary; 9 appears at AGE_1_TO_4 and AGE_16_TO_17; AGE_1_TO_4 comes first.
    expect(suppress(period('2026-03', [11, 9, 4, 0, 9]), AGE_BANDS)).toEqual(shown('2026-03', [11, null, null, 0, 9]));
  });

  it('breaks a tie by the enum order given, even when the cells arrive in another order', () => {
    const cells = [...period('2026-03', [11, 9, 4, 0, 9])].reverse();
    const result = suppress(cells, AGE_BANDS);
    // Output keeps the input order; the suppressed tie is still AGE_1_TO_4.
    expect(result).toEqual([...shown('2026-03', [11, null, null, 0, 9])].reverse());
    // A different enum order moves the tie-break to the other 9.
    const otherOrder = ['AGE_16_TO_17', 'AGE_10_TO_15', 'AGE_5_TO_9', 'AGE_1_TO_4', 'UNDER_1'];
    expect(suppress(period('2026-03', [11, 9, 4, 0, 9]), otherOrder)).toEqual(shown('2026-03', [11, 9, null, 0, null]));
  });

  it('adds no secondary when a period already has two small counts', () => {
    expect(suppress(period('2026-03', [2, 5, 0, 30, 6]), AGE_BANDS)).toEqual(shown('2026-03', [null, null, 0, 30, 6]));
  });

  it('suppresses every small count when there are more than two, still with no secondary', () => {
    expect(suppress(period('2026-03', [1, 2, 3, 0, 6]), AGE_BANDS)).toEqual(shown('2026-03', [null, null, null, 0, 6]));
  });

  it('adds no secondary when every other cell is zero', () => {
    expect(suppress(period('2026-03', [0, 0, 2, 0, 0]), AGE_BANDS)).toEqual(shown('2026-03', [0, 0, null, 0, 0]));
  });

  it('suppresses exactly 5 and shows exactly 6', () => {
    // 5 is primary; 6 is then the smallest other non-zero and becomes secondary.
    expect(suppress(period('2026-03', [5, 6, 0, 0, 0]), AGE_BANDS)).toEqual(shown('2026-03', [null, null, 0, 0, 0]));
    // 6 alone is shown.
    expect(suppress(period('2026-03', [6, 0, 0, 0, 0]), AGE_BANDS)).toEqual(shown('2026-03', [6, 0, 0, 0, 0]));
    // 5 alone is suppressed, with nothing to add.
    expect(suppress(period('2026-03', [0, 5, 0, 0, 0]), AGE_BANDS)).toEqual(shown('2026-03', [0, null, 0, 0, 0]));
    // 1 is primary, 6 the secondary, 7 stays.
    expect(suppress(period('2026-03', [7, 0, 6, 0, 1]), AGE_BANDS)).toEqual(shown('2026-03', [7, 0, null, 0, null]));
  });

  it('never suppresses zeros, not even as the secondary', () => {
    // The zeros are smaller than 50, but a known zero reveals nothing.
    expect(suppress(period('2026-03', [0, 3, 0, 50, 0]), AGE_BANDS)).toEqual(shown('2026-03', [0, null, 0, null, 0]));
    const result = suppress(period('2026-03', [0, 3, 0, 50, 0]), AGE_BANDS);
    for (const cell of result.filter((c) => c.count === 0)) expect(cell.suppressed).toBe(false);
  });

  it('treats each period on its own', () => {
    const cells = [
      ...period('2025-26', [4, 10, 12, 0, 30]), // one primary -> secondary 10
      ...period('2026-27', [2, 3, 12, 0, 30]), // two primaries -> no secondary
      ...period('2027-28', [8, 10, 12, 0, 30]), // nothing small
      ...period('2028-29', [0, 0, 0, 1, 0]), // lone non-zero cell
    ];
    expect(suppress(cells, AGE_BANDS)).toEqual([
      ...shown('2025-26', [null, null, 12, 0, 30]),
      ...shown('2026-27', [null, null, 12, 0, 30]),
      ...shown('2027-28', [8, 10, 12, 0, 30]),
      ...shown('2028-29', [0, 0, 0, null, 0]),
    ]);
  });

  it('does not let a small count in one period trigger a secondary in another', () => {
    // Taken together A and B hold two small counts, which would need no
    // secondary; counted per period each holds one, so each gets its own.
    const cells = [...period('A', [3, 20, 0, 0, 0]), ...period('B', [2, 40, 50, 0, 0])];
    expect(suppress(cells, AGE_BANDS)).toEqual([...shown('A', [null, null, 0, 0, 0]), ...shown('B', [null, null, 50, 0, 0])]);
  });

  it('cannot be undone by subtraction in any period with one small count', () => {
    // Property: wherever something is suppressed and the period has another
    // non-zero cell, at least two cells are hidden.
    const samples = [
      [1, 0, 0, 0, 9],
      [5, 5, 5, 5, 5],
      [0, 4, 100, 100, 100],
      [6, 7, 8, 9, 1],
      [3, 3, 0, 0, 0],
    ];
    for (const counts of samples) {
      const result = suppress(period('P', counts), AGE_BANDS);
      const hidden = result.filter((cell) => cell.suppressed).length;
      const nonZero = counts.filter((count) => count > 0).length;
      if (hidden > 0 && nonZero > 1) expect(hidden).toBeGreaterThanOrEqual(2);
    }
  });

  it('returns null exactly for suppressed cells and never changes shown counts', () => {
    const counts = [5, 6, 7, 0, 40];
    const result = suppress(period('P', counts), AGE_BANDS);
    result.forEach((cell, i) => {
      expect(cell.count === null).toBe(cell.suppressed);
      if (!cell.suppressed) expect(cell.count).toBe(counts[i]);
    });
  });

  it('keeps the order of the cells given', () => {
    const cells: Cell[] = [
      { period: '2026', key: 'AGE_16_TO_17', count: 8 },
      { period: '2026', key: 'UNDER_1', count: 2 },
      { period: '2026', key: 'AGE_5_TO_9', count: 9 },
    ];
    expect(suppress(cells, AGE_BANDS).map((cell) => [cell.key, cell.count])).toEqual([
      ['AGE_16_TO_17', null],
      ['UNDER_1', null],
      ['AGE_5_TO_9', 9],
    ]);
  });

  it('works on the output of buildTable, keys in enum order', () => {
    const rows = [
      { period: '2026-Q1', key: 'AGE_10_TO_15', count: 14 },
      { period: '2026-Q1', key: 'UNDER_1', count: 2 },
      { period: '2026-Q1', key: 'AGE_5_TO_9', count: 14 },
      { period: '2026-Q3', key: 'AGE_1_TO_4', count: 6 },
    ];
    const table = buildTable(rows, ['2026-Q1', '2026-Q2', '2026-Q3'], AGE_BANDS);
    expect(suppress(table, AGE_BANDS)).toEqual([
      // 2 is primary; 14 ties at AGE_5_TO_9 and AGE_10_TO_15, the first wins.
      ...shown('2026-Q1', [null, 0, null, 14, 0]),
      // 2026-Q2 had no records and is left out.
      ...shown('2026-Q3', [0, 6, 0, 0, 0]),
    ]);
  });

  it('gives an empty result for an empty table', () => {
    expect(suppress([], AGE_BANDS)).toEqual([]);
  });

  it('throws for a key outside the enum order, a repeated cell or a bad count', () => {
    expect(() => suppress([{ period: 'P', key: 'ADULT', count: 3 }], AGE_BANDS)).toThrow(/unknown key "ADULT"/);
    expect(() =>
      suppress(
        [
          { period: 'P', key: 'UNDER_1', count: 3 },
          { period: 'P', key: 'UNDER_1', count: 8 },
        ],
        AGE_BANDS,
      ),
    ).toThrow(/two cells/);
    expect(() => suppress([{ period: 'P', key: 'UNDER_1', count: -2 }], AGE_BANDS)).toThrow(/whole number/);
    expect(() => suppress([], ['A', 'A'])).toThrow(/listed twice/);
  });

  it('does not modify its input', () => {
    const cells = period('P', [3, 9, 0, 0, 0]);
    const copy = JSON.parse(JSON.stringify(cells));
    suppress(cells, AGE_BANDS);
    expect(cells).toEqual(copy);
  });
});
