/**
 * The question a statistics export asks, read from its URL: the same
 * arguments as `Board.incidentStats`, for one or more boards. Only presence
 * and shape are checked here; the rules (window, interval, dimension,
 * suppression, who may ask) are the GraphQL operation's, so there is one
 * definition of them.
 */
export interface StatisticsQuestion {
  boards: string[];
  from: string;
  to: string;
  interval: string;
  by: string;
}

export type QueryParams = Record<string, unknown>;

/** At most as many boards as a list argument may hold (DOMAIN.md "Limits"). */
export const MAX_BOARDS = 100;

export class QuestionError extends Error {}

const single = (params: QueryParams, name: string): string | undefined => {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new QuestionError(`Give "${name}" once.`);
  return value;
};

/** Reads ?board=LEEDS,BRADFORD&from=...&to=...&interval=QUARTER&by=CRITERION (interval and by default as in the API). */
export function readStatisticsQuestion(params: QueryParams): StatisticsQuestion {
  const board = single(params, 'board');
  const from = single(params, 'from');
  const to = single(params, 'to');
  const missing = [!board && 'board', !from && 'from', !to && 'to'].filter(Boolean);
  if (missing.length) {
    throw new QuestionError(
      `Missing ${missing.join(', ')}: ask like /exports/statistics.csv?board=LEEDS&from=2025-04-01&to=2026-03-31&interval=QUARTER&by=CRITERION.`,
    );
  }
  const boards = [
    ...new Set(
      board!
        .split(',')
        .map((code) => code.trim())
        .filter(Boolean),
    ),
  ];
  if (!boards.length) throw new QuestionError('Name at least one board in "board", e.g. board=LEEDS or board=LEEDS,BRADFORD.');
  if (boards.length > MAX_BOARDS) throw new QuestionError(`Name at most ${MAX_BOARDS} boards in "board".`);
  return {
    boards,
    from: from!,
    to: to!,
    interval: (single(params, 'interval') ?? 'QUARTER').toUpperCase(),
    by: (single(params, 'by') ?? 'CRITERION').toUpperCase(),
  };
}

/** The incidentStats operation for the question: one aliased `board` field per board, so one request answers them all. */
export function statisticsOperation(question: StatisticsQuestion): { query: string; variables: Record<string, unknown> } {
  const fields = question.boards.map(
    (_, i) => `b${i}: board(code: $b${i}) { code incidentStats(from: $from, to: $to, interval: $interval, by: $by) { period key count suppressed } }`,
  );
  const boardVariables = question.boards.map((_, i) => `$b${i}: ID!`).join(', ');
  return {
    query: `query IncidentStatisticsExport(${boardVariables}, $from: Date!, $to: Date!, $interval: Interval!, $by: IncidentDimension!) { ${fields.join(' ')} }`,
    variables: {
      ...Object.fromEntries(question.boards.map((code, i) => [`b${i}`, code])),
      from: question.from,
      to: question.to,
      interval: question.interval,
      by: question.by,
    },
  };
}

/** A file name that says what the file holds, with nothing from the URL but letters, digits and dashes. */
export function exportFileName(question: StatisticsQuestion): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 40);
  const boards = question.boards.length > 3 ? `${question.boards.length}-boards` : question.boards.map(safe).join('-');
  return `incident-statistics_${boards}_${safe(question.from)}_to_${safe(question.to)}_${safe(question.interval).toLowerCase()}_by_${safe(question.by).toLowerCase()}.csv`;
}
