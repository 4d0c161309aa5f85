import type { ValueTransformer } from 'typeorm';

/** A stored value the code cannot read as what its column holds: the row was written by something else, or damaged. */
export class MalformedColumnError extends Error {
  constructor(
    readonly column: string,
    problem: string,
  ) {
    // Never the stored text itself: these columns hold what users wrote, and the message reaches the logs.
    super(`${column}: ${problem}`);
    this.name = 'MalformedColumnError';
  }
}

/** One kind of list item: a check, and how it is named in errors. */
export interface ItemKind<T> {
  is(value: unknown): value is T;
  name: string;
}

export const stringItem: ItemKind<string> = { is: (value): value is string => typeof value === 'string', name: 'string' };

/**
 * Reads a list stored as JSON text, refusing anything but an array whose every
 * item is of the kind: a malformed value fails loudly here, not later in a
 * rule that trusted the type.
 */
export function parseJsonArray<T>(column: string, kind: ItemKind<T>, text: unknown): T[] {
  if (typeof text !== 'string') throw new MalformedColumnError(column, `the stored value is a ${text === null ? 'null' : typeof text}, not JSON text`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new MalformedColumnError(column, `the stored text (${text.length} characters) is not JSON`);
  }
  if (!Array.isArray(value)) throw new MalformedColumnError(column, `the stored JSON is not a list (${value === null ? 'null' : typeof value})`);
  const bad = value.findIndex((item) => !kind.is(item));
  if (bad >= 0) throw new MalformedColumnError(column, `item ${bad} of the stored list is not a ${kind.name}`);
  return value as T[];
}

/**
 * A column holding a list as JSON text (the format these columns always had,
 * so no migration): the entity sees a typed array and no caller parses. A
 * list read only whole, never searched, needs no table of its own.
 * `column` names it in errors, as "table.column".
 */
export function jsonArray<T>(column: string, kind: ItemKind<T>): ValueTransformer {
  return {
    to(value: unknown): unknown {
      // undefined: the property is not being written (a partial update, a find condition on other columns).
      if (value === undefined || value === null) return value;
      if (!Array.isArray(value) || !value.every((item) => kind.is(item))) {
        throw new MalformedColumnError(column, `the value to store is not a list of ${kind.name}s`);
      }
      return JSON.stringify(value);
    },
    from(value: unknown): unknown {
      // null: a nullable column, or an entity absent from an outer join.
      if (value === undefined || value === null) return value;
      return parseJsonArray(column, kind, value);
    },
  };
}

/** A list of strings kept as JSON text in one column. */
export const stringList = (column: string): ValueTransformer => jsonArray(column, stringItem);
