import { Kind, valueFromASTUntyped, type DocumentNode, type FieldNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * The ids an input names: fields called `id`, `code`, or ending in Id, Ids,
 * Code or Codes. Everything else in an input is text the audit must not keep.
 */
export function idsIn(value: unknown, key = ''): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v) => idsIn(v, key));
  if (typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => idsIn(v, k));
  }
  if (typeof value === 'string' && isIdKey(key)) return [value.slice(0, 100)];
  return [];
}

const isIdKey = (key: string) => key === 'id' || key === 'code' || /(Id|Ids|Code|Codes)$/.test(key);

/** The id and board of what a mutation returned, when it has them. */
export function resultFacts(result: unknown): { id?: string; board?: string } {
  if (!result || typeof result !== 'object') return {};
  const r = result as { id?: unknown; boardCode?: unknown; code?: unknown };
  return {
    id: typeof r.id === 'string' ? r.id : typeof r.code === 'string' ? r.code : undefined,
    board: typeof r.boardCode === 'string' ? r.boardCode : undefined,
  };
}

/** The ids a field's arguments name, written in the document or sent as variables. */
export function argumentIds(field: FieldNode, variables: Record<string, unknown>): string[] {
  const args = Object.fromEntries((field.arguments ?? []).map((arg) => [arg.name.value, valueFromASTUntyped(arg.value, variables)]));
  return idsIn(args);
}

/** The operation's root fields by response key (alias or name), through fragments. */
export function rootFields(operation: OperationDefinitionNode, document: DocumentNode | undefined): Map<string, FieldNode> {
  const fields = new Map<string, FieldNode>();
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        if (!fields.has(key)) fields.set(key, selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = document?.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
        if (fragment?.kind === Kind.FRAGMENT_DEFINITION) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return fields;
}

/**
 * The ids of the record an error's path is about: the root field's id
 * arguments, or for a field fetched through federation's `_entities`, the
 * representation at the path's index.
 */
export function pathTargetIds(path: readonly (string | number)[] | undefined, fields: Map<string, FieldNode>, variables: Record<string, unknown>): string[] {
  const [key, index] = path ?? [];
  const field = typeof key === 'string' ? fields.get(key) : undefined;
  if (!field) return [];
  if (field.name.value !== '_entities') return argumentIds(field, variables);
  const representations = field.arguments?.find((a) => a.name.value === 'representations');
  const list = representations ? valueFromASTUntyped(representations.value, variables) : undefined;
  return Array.isArray(list) && typeof index === 'number' ? idsIn(list[index]) : [];
}
