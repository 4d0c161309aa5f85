import YAML from 'yaml';

/**
 * The part of Helm's template language the chart in infra/helm uses, so a
 * test can render it where no helm binary is installed: `{{ expr }}` with
 * `{{-`/`-}}` trimming, `if`/`else`/`end`, `range $k, $v := expr` (maps in
 * key order, as Go does), pipelines, and the functions toYaml, nindent,
 * indent, quote and default. Anything else in a template fails the render,
 * so the chart cannot drift outside what is checked here; `helm template
 * infra/helm` is the full check where helm exists.
 */
type Scope = { dot: unknown; vars: Record<string, unknown> };
type Node =
  | { kind: 'text'; text: string }
  | { kind: 'out'; pipeline: string }
  | { kind: 'if'; cond: string; then: Node[]; otherwise: Node[] }
  | { kind: 'range'; key?: string; value?: string; expr: string; body: Node[] };

const ACTION = /\{\{(-?)\s*([\s\S]*?)\s*(-?)\}\}/g;

function tokenize(template: string): ({ text: string } | { action: string })[] {
  const out: ({ text: string } | { action: string })[] = [];
  let last = 0;
  let trimNext = false;
  for (const match of template.matchAll(ACTION)) {
    let text = template.slice(last, match.index);
    if (trimNext) text = text.replace(/^\s+/, '');
    if (match[1] === '-') text = text.replace(/\s+$/, '');
    out.push({ text });
    out.push({ action: match[2]! }); // groups 1-3 are not optional: a match always has them
    trimNext = match[3] === '-';
    last = match.index! + match[0].length;
  }
  let rest = template.slice(last);
  if (trimNext) rest = rest.replace(/^\s+/, '');
  out.push({ text: rest });
  return out;
}

function parse(template: string): Node[] {
  const tokens = tokenize(template);
  let i = 0;
  const block = (ends: string[]): { nodes: Node[]; end: string } => {
    const nodes: Node[] = [];
    while (i < tokens.length) {
      const token = tokens[i++]!; // i < tokens.length
      if ('text' in token) {
        if (token.text) nodes.push({ kind: 'text', text: token.text });
        continue;
      }
      const action = token.action;
      if (action.startsWith('/*')) continue;
      if (ends.includes(action)) return { nodes, end: action };
      let m: RegExpMatchArray | null;
      if ((m = action.match(/^if\s+(.+)$/))) {
        const then = block(['else', 'end']);
        const otherwise = then.end === 'else' ? block(['end']).nodes : [];
        nodes.push({ kind: 'if', cond: m[1]!, then: then.nodes, otherwise });
      } else if ((m = action.match(/^range\s+(?:(\$\w+)\s*,\s*(\$\w+)\s*:=\s*)?(.+)$/))) {
        nodes.push({ kind: 'range', key: m[1], value: m[2], expr: m[3]!, body: block(['end']).nodes });
      } else if (/^(with|define|template|include|block|else if)\b/.test(action)) {
        throw new Error(`the test renderer does not support {{ ${action} }}`);
      } else {
        nodes.push({ kind: 'out', pipeline: action });
      }
    }
    if (ends.length) throw new Error(`missing {{ ${ends.join(' or ')} }}`);
    return { nodes, end: '' };
  };
  return block([]).nodes;
}

function words(command: string): string[] {
  return command.match(/"(?:[^"\\]|\\.)*"|\S+/g) ?? [];
}

function value(word: string, scope: Scope): unknown {
  if (word.startsWith('"')) return JSON.parse(word);
  if (/^-?\d+(\.\d+)?$/.test(word)) return Number(word);
  if (word === 'true' || word === 'false') return word === 'true';
  let base: unknown;
  let path: string[];
  if (word.startsWith('$')) {
    const [name, ...rest] = word.split('.') as [string, ...string[]]; // split always gives at least one part
    if (name === '$') base = scope.vars.$;
    else if (name in scope.vars) base = scope.vars[name];
    else throw new Error(`undefined variable ${name}`);
    path = rest;
  } else if (word.startsWith('.')) {
    base = scope.dot;
    path = word.slice(1).split('.').filter(Boolean);
  } else {
    throw new Error(`cannot read "${word}"`);
  }
  return path.reduce<unknown>((v, key) => (v == null ? undefined : (v as Record<string, unknown>)[key]), base);
}

const FUNCTIONS: Record<string, (...args: unknown[]) => unknown> = {
  toYaml: (v) => YAML.stringify(v).trimEnd(),
  nindent: (n, s) => `\n${indent(Number(n), String(s))}`,
  indent: (n, s) => indent(Number(n), String(s)),
  quote: (v) => JSON.stringify(v == null ? '' : String(v)),
  default: (fallback, v) => (truthy(v) ? v : fallback),
};

function indent(n: number, s: string): string {
  return s
    .split('\n')
    .map((line) => ' '.repeat(n) + line)
    .join('\n');
}

function pipeline(source: string, scope: Scope): unknown {
  let result: unknown;
  source.split('|').forEach((command, index) => {
    const [head, ...args] = words(command.trim());
    if (head === undefined) throw new Error(`empty command in {{ ${source} }}`);
    const fn = FUNCTIONS[head];
    if (!fn) {
      if (index > 0 || args.length) throw new Error(`unknown function "${head}"`);
      result = value(head, scope);
      return;
    }
    const values = args.map((a) => value(a, scope));
    result = fn(...(index > 0 ? [...values, result] : values));
  });
  return result;
}

function truthy(v: unknown): boolean {
  if (v == null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

function render(nodes: Node[], scope: Scope): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'out') {
      const v = pipeline(node.pipeline, scope);
      if (v === undefined) throw new Error(`{{ ${node.pipeline} }} has no value`);
      out += typeof v === 'object' ? JSON.stringify(v) : String(v);
    } else if (node.kind === 'if') {
      out += render(truthy(pipeline(node.cond, scope)) ? node.then : node.otherwise, scope);
    } else {
      const collection = pipeline(node.expr, scope);
      const entries: [unknown, unknown][] = Array.isArray(collection)
        ? collection.map((v, i) => [i, v])
        : Object.keys((collection as Record<string, unknown>) ?? {})
            .sort()
            .map((k) => [k, (collection as Record<string, unknown>)[k]]);
      for (const [k, v] of entries) {
        const vars = { ...scope.vars, ...(node.key ? { [node.key]: k } : {}), ...(node.value ? { [node.value]: v } : {}) };
        out += render(node.body, { dot: v, vars });
      }
    }
  }
  return out;
}

/** Renders one template file against values, as `helm template` would for this subset. */
export function renderTemplate(template: string, root: { Values: unknown; Release: { Name: string; Namespace: string } }): string {
  return render(parse(template), { dot: root, vars: { $: root } });
}
