import type { GraphQLResolveInfo } from 'graphql';
import { rule } from 'graphql-shield';
import type { Rule } from 'graphql-shield/typings/rules';

/** The name of the root field (not its alias) under which this field is being resolved. */
export function rootFieldName(info: GraphQLResolveInfo): string | undefined {
  let path = info.path;
  while (path.prev) path = path.prev;
  const key = String(path.key);
  for (const selection of info.operation.selectionSet.selections) {
    if (selection.kind === 'Field' && (selection.alias?.value ?? selection.name.value) === key) return selection.name.value;
  }
  return undefined;
}

const underRules = new Map<string, Rule>();

/** True when the field is being answered under one of the named root fields (e.g. a public listing). */
export function underRootField(...names: string[]): Rule {
  const name = `underRootField:${names.join(',')}`;
  let existing = underRules.get(name);
  if (!existing) {
    existing = rule(name, { cache: 'no_cache' })(async (_parent, _args, _ctx, info: GraphQLResolveInfo) => {
      const root = rootFieldName(info);
      return !!root && names.includes(root);
    });
    underRules.set(name, existing);
  }
  return existing;
}
