import type { ValueTransformer } from 'typeorm';

/**
 * A list kept as JSON text in one column, read and written as an array.
 * Null stays null and undefined stays undefined (an insert or update that
 * leaves the column out). Local to reviews until @scr/db has the shared one.
 */
export function jsonArrayTransformer<T>(): ValueTransformer {
  return {
    to: (value: readonly T[] | null | undefined) => (value == null ? value : JSON.stringify(value)),
    from: (value: string | null): T[] | null => (value == null ? null : (JSON.parse(value) as T[])),
  };
}
