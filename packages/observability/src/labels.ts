/**
 * Label values must stay few, or every new value is a new time series and
 * Prometheus runs out of memory. Operation names are chosen by clients, so
 * only the first MAX_OPERATIONS distinct well-formed names get their own
 * series; later ones, and anything not a GraphQL name, count as "other".
 */
export const MAX_OPERATIONS = 200;

export class OperationLabels {
  private readonly seen = new Set<string>();
  constructor(private readonly max = MAX_OPERATIONS) {}

  label(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,79}$/.test(name)) return 'other';
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.max) return 'other';
    this.seen.add(name);
    return name;
  }
}

/** An error code as DOMAIN.md writes them (UPPER_SNAKE); anything else is "OTHER". "OK" when there was none. */
export function outcomeLabel(codes: readonly string[] | undefined): string {
  const first = codes?.[0];
  if (!first) return 'OK';
  return /^[A-Z][A-Z_]{0,39}$/.test(first) ? first : 'OTHER';
}

/** The route pattern Express matched (never the path itself, which may hold ids), or "unmatched". */
export function routeLabel(baseUrl: string, routePath: unknown): string {
  if (typeof routePath !== 'string') return baseUrl && /^\/[a-z/-]*$/.test(baseUrl) ? baseUrl : 'unmatched';
  return `${baseUrl}${routePath === '/' && baseUrl ? '' : routePath}` || '/';
}
