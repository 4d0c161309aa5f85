import type { GraphQLFormattedError } from 'graphql';

/**
 * The gateway asks a subgraph for one entity per parent row, repeats
 * included: a 50-row incident list asks the agencies subgraph for the same
 * `{ __typename: "Board", code: "LEEDS" }` 50 times, which the subgraph then
 * resolves, checks and serialises 50 times. These functions send each
 * distinct representation once and give every row its answer back, errors
 * included, so the caller sees exactly what it would have without them.
 */
export interface DedupedRepresentations {
  unique: unknown[];
  /** For each representation asked for, the index of its answer among `unique`. */
  positions: number[];
}

/** The distinct representations of an entity fetch's variables; undefined when none repeats (or it is no entity fetch). */
export function dedupeRepresentations(variables: Record<string, unknown> | undefined): DedupedRepresentations | undefined {
  const representations = variables?.representations;
  if (!Array.isArray(representations)) return undefined;
  const indexOf = new Map<string, number>();
  const unique: unknown[] = [];
  const positions = representations.map((representation) => {
    const key = JSON.stringify(representation);
    let index = indexOf.get(key);
    if (index === undefined) {
      index = unique.push(representation) - 1;
      indexOf.set(key, index);
    }
    return index;
  });
  return unique.length < representations.length ? { unique, positions } : undefined;
}

interface EntitiesResponse {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

/**
 * Spreads the answers to the distinct representations back over every
 * representation asked for. A repeated answer is a copy: the gateway merges
 * later fetches into each row's entity, which must not show through another.
 * An error at `_entities[j]` is reported at every row that asked for j, as
 * the subgraph would have reported it once per row.
 */
export function expandEntities<T extends EntitiesResponse>(response: T, positions: readonly number[]): T {
  const answers = response.data?._entities;
  const given = new Set<number>();
  const expanded = Array.isArray(answers)
    ? positions.map((j) => {
        if (!given.has(j)) {
          given.add(j);
          return answers[j];
        }
        return structuredClone(answers[j]);
      })
    : answers;
  const errors = response.errors?.flatMap((error) => {
    const [head, j, ...rest] = error.path ?? [];
    if (head !== '_entities' || typeof j !== 'number') return [error];
    return positions.flatMap((p, i) => (p === j ? [{ ...error, path: ['_entities', i, ...rest] }] : []));
  });
  return {
    ...response,
    ...(response.data ? { data: { ...response.data, _entities: expanded } } : {}),
    ...(errors ? { errors } : {}),
  };
}
