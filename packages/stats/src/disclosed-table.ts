import type { Disclosure } from './disclosure';
import { roundTable } from './rounding';
import { buildTable, suppress, type Cell, type StatCell } from './suppression';

/**
 * Counts from SQL -> the published table: whole periods, every key, zeros,
 * then, unless the caller sees exact counts, suppression and rounding, in
 * that order (suppression decides on the true counts; rounding then hides
 * what subtraction across tables would reveal).
 */
export function disclosedTable(rows: readonly Cell[], periods: readonly string[], keys: readonly string[], disclosure: Disclosure): StatCell[] {
  const table = buildTable(rows, periods, keys);
  if (disclosure === 'EXACT') return table.map((cell) => ({ ...cell, suppressed: false }));
  return roundTable(suppress(table, keys));
}
