import { Lexer, Parser } from '@actions/expressions';

/**
 * `${{ }}` expressions are parsed with GitHub's own lexer and parser (@actions/expressions), so
 * `secrets.X`, `SECRETS.X`, `secrets['X']`, `format('{0}', secrets.X)` and `toJSON(secrets)` are
 * all seen as the same context access, which text matching gets wrong. Only the lexer and parser
 * are used (about 30 kB), not the evaluator.
 */
export interface ContextRef {
  /** Lower-cased context name: secrets, inputs, steps, env, vars, github, ... */
  context: string;
  /** Property names after the context, as written (`['AWS_KEY']`, `['build', 'outputs', 'x']`). */
  path: string[];
  /** The whole context is used (`toJSON(secrets)`), not one property of it. */
  whole: boolean;
  /** Properties read from a value built from it: `fromJSON(inputs.creds).clientSecret` → ['clientSecret']. */
  fields?: string[];
}

export interface ExpressionSpan {
  /** Offset of `${{` in the scanned string, and of the character after `}}`. */
  start: number;
  end: number;
  source: string;
  refs: ContextRef[];
  /**
   * The references whose value can become the expression's result: `secrets.X != ''`,
   * `!secrets.X`, `contains(secrets.X, 'a')` and the condition of `c && 'a' || 'b'` carry none,
   * `format('{0}', secrets.X)` and `a || secrets.X` carry theirs.
   */
  flows: ContextRef[];
  /** Names of functions called in the expression, lower-cased. */
  functions: string[];
}

const CONTEXTS = [
  'github',
  'env',
  'vars',
  'job',
  'jobs',
  'steps',
  'runner',
  'secrets',
  'strategy',
  'matrix',
  'needs',
  'inputs',
];

const spanCache = new Map<string, ExpressionSpan[]>();

/**
 * Every `${{ ... }}` in `text`, with the contexts each one reads. Never throws. The same line is
 * read by several rules, so results are cached (bounded); callers must not change them.
 */
export function expressionsIn(text: string): ExpressionSpan[] {
  if (!text.includes('${{')) return [];
  const hit = spanCache.get(text);
  if (hit) return hit;
  if (spanCache.size > 5000) spanCache.clear();
  const spans = parseSpans(text);
  if (text.length < 4096) spanCache.set(text, spans);
  return spans;
}

function parseSpans(text: string): ExpressionSpan[] {
  const spans: ExpressionSpan[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf('${{', from);
    if (start < 0) break;
    const end = closingBraces(text, start + 3);
    if (end < 0) break;
    const source = text.slice(start + 3, end).trim();
    spans.push({ start, end: end + 2, source, ...analyse(source) });
    from = end + 2;
  }
  return spans;
}

/** Finds `}}` outside single-quoted strings (the only string literal in the language). */
function closingBraces(text: string, from: number): number {
  let inString = false;
  for (let i = from; i < text.length - 1; i++) {
    const ch = text[i];
    if (ch === "'") inString = !inString;
    else if (!inString && ch === '}' && text[i + 1] === '}') return i;
  }
  return -1;
}

type Node = Record<string, unknown>;

/** `secrets.NAME`, `steps.x.outputs['y']`: most expressions are one property chain. */
const SIMPLE_CHAIN = /^([A-Za-z_][\w-]*)((?:\s*\.\s*[A-Za-z_][\w-]*|\s*\[\s*'[^']*'\s*\])*)$/;

function analyse(source: string): {
  refs: ContextRef[];
  flows: ContextRef[];
  functions: string[];
} {
  const refs: ContextRef[] = [];
  const functions: string[] = [];
  const simple = SIMPLE_CHAIN.exec(source);
  if (simple) {
    // Same result as the parser gives for a chain, without lexing it.
    const path = [...simple[2]!.matchAll(/\.\s*([A-Za-z_][\w-]*)|\[\s*'([^']*)'\s*\]/g)].map(
      (m) => m[1] ?? m[2]!.replace(/''/g, "'"),
    );
    const context = simple[1]!.toLowerCase();
    if (CONTEXTS.includes(context)) refs.push({ context, path, whole: path.length === 0 });
    return { refs, flows: refs, functions };
  }
  try {
    const lexed = new Lexer(source).lex();
    const tree = new Parser(lexed.tokens, CONTEXTS, []).parse() as unknown as Node;
    walk(tree, refs, functions);
    return { refs, flows: flowsOf(tree, 0), functions };
  } catch {
    // GitHub rejects an expression that does not parse; still see which secrets it names.
    for (const m of source.matchAll(
      /\b(secrets|inputs|env|steps|vars)\s*(?:\.\s*([\w-]+)|\[\s*'([^']*)'\s*\])/gi,
    )) {
      refs.push({ context: m[1]!.toLowerCase(), path: [m[2] ?? m[3] ?? ''], whole: false });
    }
    return { refs, flows: refs, functions };
  }
}

/** Functions whose result is a boolean whatever their arguments: nothing of a secret passes. */
const BOOLEAN_FUNCTIONS = new Set([
  'contains',
  'startswith',
  'endswith',
  'success',
  'failure',
  'always',
  'cancelled',
  'hashfiles',
]);

/**
 * The references whose value can reach the result. GitHub's `a && b` yields `b` or a falsy `a`
 * (an empty string, `false`, `0`, `null`: nothing of a secret), `a || b` yields either; a
 * comparison or `!` yields a boolean.
 */
function flowsOf(node: Node | undefined, depth: number): ContextRef[] {
  if (!node || typeof node !== 'object' || depth > 50) return [];
  const chain = accessChain(node);
  if (chain) return [chain];
  if ('index' in node && 'expr' in node) {
    // `fromJSON(x).clientSecret`: the value of x, narrowed to a field.
    const field = indexName(node['index'] as Node);
    return flowsOf(node['expr'] as Node, depth + 1).map((r) => ({
      ...r,
      fields: [...(r.fields ?? []), field],
    }));
  }
  if ('functionName' in node) {
    const name = String((node['functionName'] as { lexeme?: string }).lexeme ?? '').toLowerCase();
    const args = (node['args'] as Node[] | undefined) ?? [];
    if (BOOLEAN_FUNCTIONS.has(name)) return [];
    // case(pred1, value1, pred2, value2, ..., default): only the values reach the result.
    const carried =
      name === 'case' ? args.filter((_a, i) => i % 2 === 1 || i === args.length - 1) : args;
    return carried.flatMap((a) => flowsOf(a, depth + 1));
  }
  if ('group' in node) return flowsOf(node['group'] as Node, depth + 1);
  if ('args' in node && 'operator' in node) {
    const args = node['args'] as Node[];
    const op = (node['operator'] as { lexeme?: string }).lexeme;
    return (op === '&&' ? args.slice(-1) : args).flatMap((a) => flowsOf(a, depth + 1));
  }
  // Literals, comparisons (`left`/`right`) and `!` carry no value of a context.
  return [];
}

function walk(node: Node | undefined, refs: ContextRef[], functions: string[]): void {
  if (!node || typeof node !== 'object') return;
  const chain = accessChain(node);
  if (chain) {
    refs.push(chain);
    // Dynamic indexes (`secrets[format(...)]`) can read contexts of their own.
    for (const idx of indexExprs(node)) walk(idx, refs, functions);
    return;
  }
  if ('functionName' in node) {
    const fn = node['functionName'] as { lexeme?: string };
    functions.push(String(fn.lexeme ?? '').toLowerCase());
  }
  for (const key of ['args', 'left', 'right', 'expr', 'group', 'index']) {
    const child = node[key];
    if (Array.isArray(child)) for (const c of child) walk(c as Node, refs, functions);
    else if (child && typeof child === 'object') walk(child as Node, refs, functions);
  }
}

/** `a.b['c']` is IndexAccess(IndexAccess(ContextAccess a, 'b'), 'c'): unwind it. */
function accessChain(node: Node): ContextRef | undefined {
  const path: string[] = [];
  let cur: Node = node;
  while ('index' in cur && 'expr' in cur) {
    path.unshift(indexName(cur['index'] as Node));
    cur = cur['expr'] as Node;
  }
  if (!('name' in cur) || 'functionName' in cur) return undefined;
  const name = (cur['name'] as { lexeme?: string }).lexeme;
  if (typeof name !== 'string') return undefined;
  return { context: name.toLowerCase(), path, whole: path.length === 0 };
}

function indexName(index: Node): string {
  const literal = index['literal'] as { value?: unknown } | undefined;
  if (literal && (typeof literal.value === 'string' || typeof literal.value === 'number')) {
    return String(literal.value);
  }
  return '*';
}

function indexExprs(node: Node): Node[] {
  const out: Node[] = [];
  let cur: Node = node;
  while ('index' in cur && 'expr' in cur) {
    const idx = cur['index'] as Node;
    if (!('literal' in idx)) out.push(idx);
    cur = cur['expr'] as Node;
  }
  return out;
}

/** Secret names an expression reads; `*` for a dynamic index. */
export function secretNames(spans: ExpressionSpan[]): string[] {
  const out: string[] = [];
  for (const s of spans) {
    for (const r of s.refs) if (r.context === 'secrets' && !r.whole) out.push(r.path[0] ?? '*');
  }
  return out;
}

export function readsWholeSecrets(spans: ExpressionSpan[]): boolean {
  return spans.some((s) => s.refs.some((r) => r.context === 'secrets' && r.whole));
}
