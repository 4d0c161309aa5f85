/**
 * Rounding against differencing. Suppression hides a small count in one
 * table, but overlapping questions (a year and its quarters, two windows,
 * another dimension's totals) let a reader subtract their way back to it:
 * Q1 = year - Q2 - Q3 - Q4. Rounding every shown count to a multiple of 5
 * makes such differences wrong by up to ±2 per count, so they no longer
 * reveal the hidden one.
 */
import type { StatCell } from './suppression';

/** Counts are rounded to a multiple of this. */
export const ROUNDING_BASE = 5;

/**
 * The nearest multiple of 5, halves up: 6 and 7 give 5, 8 gives 10, 13 gives
 * 15, 0 stays 0 (a known zero reveals nobody). Integers never fall on a
 * half of 5, but the rule is stated for any count so it has one meaning.
 */
export function roundToBase(count: number): number {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new Error(`Only whole counts of at least 0 are rounded, got ${String(count)}`);
  }
  return Math.floor((count + ROUNDING_BASE / 2) / ROUNDING_BASE) * ROUNDING_BASE;
}

/** A published table with every shown count rounded; suppressed cells stay suppressed. */
export function roundTable(cells: readonly StatCell[]): StatCell[] {
  return cells.map((cell) => (cell.count === null ? { ...cell } : { ...cell, count: roundToBase(cell.count) }));
}
