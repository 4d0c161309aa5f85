import { DIMENSIONS, type CountedFacts, type IncidentDimension } from './incident-dimension';

/** One cell of the pre-aggregated counts: a board's month (its first day) and one key of one dimension. */
export interface CountCell {
  dimension: IncidentDimension;
  boardCode: string;
  month: string;
  key: string;
}

export interface CountChange extends CountCell {
  delta: number;
}

/** The month an incident is counted in: counts go by awareOn, and every interval is made of whole months. */
export const countMonth = (awareOn: string) => `${awareOn.slice(0, 7)}-01`;

const cellId = (c: CountCell) => `${c.dimension}|${c.boardCode}|${c.month}|${c.key}`;

/** What one incident adds to the counts: nothing for a referral, else one per thing each dimension counts. */
export function countContributions(facts: CountedFacts): CountCell[] {
  if (!facts.notifiable) return [];
  const month = countMonth(facts.awareOn);
  return (Object.keys(DIMENSIONS) as IncidentDimension[]).flatMap((dimension) =>
    DIMENSIONS[dimension].valuesOf(facts).map((key) => ({ dimension, boardCode: facts.boardCode, month, key })),
  );
}

/**
 * The changes that take the counts from `before` (undefined for a new
 * incident) to `after`, net of cells that did not move, in one fixed order so
 * that concurrent writers lock counter rows in the same order (no deadlock
 * between two of them).
 */
export function countChanges(before: CountedFacts | undefined, after: CountedFacts): CountChange[] {
  const changes = new Map<string, CountChange>();
  const add = (cells: CountCell[], delta: number) => {
    for (const cell of cells) {
      const id = cellId(cell);
      const change = changes.get(id) ?? { ...cell, delta: 0 };
      change.delta += delta;
      changes.set(id, change);
    }
  };
  if (before) add(countContributions(before), -1);
  add(countContributions(after), +1);
  return [...changes.entries()]
    .filter(([, change]) => change.delta !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, change]) => change);
}
