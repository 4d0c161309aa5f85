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
