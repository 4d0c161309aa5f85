import { buildTable, suppress, type Cell, type StatCell } from './suppression';

/** Counts from SQL -> the published table: whole periods, every key, zeros, then disclosure control. */
export function disclosedTable(rows: readonly Cell[], periods: readonly string[], keys: readonly string[]): StatCell[] {
  return suppress(buildTable(rows, periods, keys), keys);
}
