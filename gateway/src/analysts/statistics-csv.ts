import { stringify } from 'csv-stringify/sync';
import type { StatisticsQuestion } from './statistics-question';

export interface StatCell {
  period: string;
  key: string;
  count: number | null;
  suppressed: boolean;
}

/** What the Department for Education writes in a suppressed cell of its published tables. */
export const SUPPRESSED = 'c';

/** One row per board, period and key, as incidentStats answered them; a suppressed count is written "c". */
export function statisticsCsv(question: StatisticsQuestion, answers: { code: string; incidentStats: StatCell[] }[]): string {
  const rows = answers.flatMap((board) =>
    board.incidentStats.map((cell) => [board.code, cell.period, question.by, cell.key, cell.suppressed ? SUPPRESSED : String(cell.count ?? 0)]),
  );
  return stringify(rows, { header: true, columns: ['board', 'period', 'dimension', 'key', 'count'] });
}
