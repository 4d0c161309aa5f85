/** A condition in SQL over some alias, with TypeORM's `:name` / `:...list` parameters. */
export interface SqlCondition {
  sql: string;
  parameters: Record<string, unknown>;
}

/**
 * Rows matching any of the clauses. With none, no row at all: a caller whose
 * roles open nothing sees nothing, never everything.
 */
export function anyOf(clauses: string[], parameters: Record<string, unknown>): SqlCondition {
  return clauses.length ? { sql: `(${clauses.join(' OR ')})`, parameters } : { sql: '1 = 0', parameters: {} };
}
