/** incidentStats cells as the API answers them (DOMAIN.md "Statistics"). */
export interface StatCell {
  period: string;
  key: string;
  count: number | null;
  suppressed: boolean;
}

export interface BoardCells {
  code: string;
  cells: StatCell[];
}

/** One chart: a value of the dimension, the periods along the x axis, one series per board. */
export interface KeyChart {
  key: string;
  periods: string[];
  /** null where the count is suppressed or the board had no record in the period: a gap in the line. */
  series: { board: string; counts: (number | null)[] }[];
  /** "LEEDS: 2026-Q1, 2026-Q2" for each board with suppressed cells, for the note beside the chart. */
  suppressed: string[];
}

/**
 * Turns the five boards' cells into one chart per key. Periods are the union
 * over boards in order; a period a board has no records in is a gap too (the
 * API leaves such periods out), not a zero the API did not say.
 */
export function chartsByKey(boards: BoardCells[]): KeyChart[] {
  const periods = [...new Set(boards.flatMap((b) => b.cells.map((c) => c.period)))].sort();
  const keys = [...new Set(boards.flatMap((b) => b.cells.map((c) => c.key)))];
  return keys.map((key) => {
    const suppressed: string[] = [];
    const series = boards.map((board) => {
      const byPeriod = new Map(board.cells.filter((c) => c.key === key).map((c) => [c.period, c]));
      const hidden = periods.filter((period) => byPeriod.get(period)?.suppressed);
      if (hidden.length) suppressed.push(`${board.code}: ${hidden.join(', ')}`);
      const counts = periods.map((period) => {
        const cell = byPeriod.get(period);
        return cell && !cell.suppressed ? cell.count : null;
      });
      return { board: board.code, counts };
    });
    return { key, periods, series, suppressed };
  });
}

/** "CHILD_SERIOUSLY_HARMED" as a heading: "Child seriously harmed". */
export function humanise(key: string): string {
  const words = key.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
