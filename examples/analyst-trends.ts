/**
 * An analyst's script, with @scr/client: incidents by period and one
 * dimension for every board, as CSV on standard output. Suppressed cells
 * (counts of 1 to 5, and the cells that would give them away) are written
 * as `c`, as the Department for Education does; other boards' counts come
 * rounded to 5.
 *
 *   ANALYST_TOKEN=$(pnpm -s token --role ANALYST) pnpm example:analyst --from 2024-04-01 --to 2026-03-31 --interval QUARTER --by ABUSE_TYPE
 */
import { parseArgs } from 'node:util';
import { createClient, IncidentTrendsDocument, MeDocument, type Client, type IncidentDimension, type Interval } from '@scr/client';

export interface TrendRow {
  board: string;
  period: string;
  key: string;
  /** null when suppressed. */
  count: number | null;
}

/** One row a board, period and key, boards in the order the API lists them. */
export async function boardTrends(client: Client, question: { from: string; to: string; interval: Interval; by: IncidentDimension }): Promise<TrendRow[]> {
  const { boards } = await client.request(MeDocument);
  const answers = await Promise.all(boards.map((board) => client.request(IncidentTrendsDocument, { boardCode: board.code, ...question })));
  return answers.flatMap((answer) =>
    (answer.board?.incidentStats ?? []).map((cell) => ({
      board: answer.board!.code,
      period: cell.period,
      key: cell.key,
      count: cell.suppressed ? null : cell.count,
    })),
  );
}

export function toCsv(rows: TrendRow[]): string {
  return ['board,period,key,count', ...rows.map((row) => `${row.board},${row.period},${row.key},${row.count ?? 'c'}`)].join('\n') + '\n';
}

async function main() {
  const { values } = parseArgs({
    options: {
      from: { type: 'string', default: `${new Date().getFullYear() - 1}-01-01` },
      to: { type: 'string', default: new Date().toISOString().slice(0, 10) },
      interval: { type: 'string', default: 'QUARTER' },
      by: { type: 'string', default: 'CRITERION' },
    },
  });
  const token = process.env.ANALYST_TOKEN;
  if (!token) throw new Error('set ANALYST_TOKEN (pnpm -s token --role ANALYST)');
  const client = createClient({ url: process.env.API_URL ?? 'http://localhost:4000/graphql', token });
  const rows = await boardTrends(client, { from: values.from!, to: values.to!, interval: values.interval as Interval, by: values.by as IncidentDimension });
  process.stdout.write(toCsv(rows));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    process.exit(1);
  });
}
