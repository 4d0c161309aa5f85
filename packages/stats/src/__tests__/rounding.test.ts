import { roundTable, roundToBase } from '../rounding';

describe('roundToBase', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 5],
    [5, 5],
    [6, 5],
    [7, 5],
    [8, 10],
    [12, 10],
    [13, 15],
    [17, 15],
    [18, 20],
    [123, 125],
    [1002, 1000],
  ])('%i -> %i', (count, rounded) => {
    expect(roundToBase(count)).toBe(rounded);
  });

  it('refuses counts that are not whole numbers of at least 0', () => {
    for (const bad of [-1, 2.5, Number.NaN, Infinity]) expect(() => roundToBase(bad)).toThrow(/whole counts/);
  });
});

describe('roundTable', () => {
  it('rounds shown counts, keeps suppressed cells suppressed, and leaves the input alone', () => {
    const cells = [
      { period: '2025', key: 'A', count: 8, suppressed: false },
      { period: '2025', key: 'B', count: null, suppressed: true },
      { period: '2025', key: 'C', count: 0, suppressed: false },
      { period: '2025', key: 'D', count: 13, suppressed: false },
    ];
    expect(roundTable(cells)).toEqual([
      { period: '2025', key: 'A', count: 10, suppressed: false },
      { period: '2025', key: 'B', count: null, suppressed: true },
      { period: '2025', key: 'C', count: 0, suppressed: false },
      { period: '2025', key: 'D', count: 15, suppressed: false },
    ]);
    expect(cells[0]?.count).toBe(8);
  });

  it('defeats differencing: the year minus the other quarters no longer gives the suppressed quarter', () => {
    // Q1 = 3 (suppressed), Q2 = 8, Q3 = 7, Q4 = 6: year 24. Unrounded, 24 - 8 - 7 - 6 = 3.
    const quarters = roundTable([
      { period: 'Q2', key: 'K', count: 8, suppressed: false },
      { period: 'Q3', key: 'K', count: 7, suppressed: false },
      { period: 'Q4', key: 'K', count: 6, suppressed: false },
    ]).map((c) => c.count as number);
    const [year] = roundTable([{ period: 'Y', key: 'K', count: 24, suppressed: false }]).map((c) => c.count as number);
    expect(year).toBeDefined();
    expect(year! - quarters.reduce((a, b) => a + b, 0)).toBe(25 - 10 - 5 - 5);
    expect(year! - quarters.reduce((a, b) => a + b, 0)).not.toBe(3);
  });
});
