import { chartsByKey, humanise } from '../series';

const cell = (period: string, key: string, count: number | null) => ({ period, key, count, suppressed: count === null });

describe('chartsByKey', () => {
  const charts = chartsByKey([
    {
      code: 'LEEDS',
      cells: [
        cell('2026-Q1', 'CHILD_DIED', 10),
        cell('2026-Q1', 'CHILD_SERIOUSLY_HARMED', null),
        cell('2026-Q2', 'CHILD_DIED', 0),
        cell('2026-Q2', 'CHILD_SERIOUSLY_HARMED', 15),
      ],
    },
    { code: 'WAKEFIELD', cells: [cell('2026-Q2', 'CHILD_DIED', null), cell('2026-Q2', 'CHILD_SERIOUSLY_HARMED', 5)] },
  ]);

  it('gives one chart per key with a series per board over every period', () => {
    expect(charts.map((c) => c.key)).toEqual(['CHILD_DIED', 'CHILD_SERIOUSLY_HARMED']);
    expect(charts[0].periods).toEqual(['2026-Q1', '2026-Q2']);
    expect(charts[0].series).toEqual([
      { board: 'LEEDS', counts: [10, 0] },
      { board: 'WAKEFIELD', counts: [null, null] },
    ]);
  });

  it('leaves suppressed cells as gaps and names them for the note', () => {
    expect(charts[1].series[0].counts).toEqual([null, 15]);
    expect(charts[1].suppressed).toEqual(['LEEDS: 2026-Q1']);
    expect(charts[0].suppressed).toEqual(['WAKEFIELD: 2026-Q2']);
  });
});

it('humanises enum keys for headings', () => {
  expect(humanise('LOOKED_AFTER_CHILD_DIED')).toBe('Looked after child died');
});
