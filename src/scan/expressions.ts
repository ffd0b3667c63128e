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
}

export interface ExpressionSpan {
  /** Offset of `${{` in the scanned string, and of the character after `}}`. */
  start: number;
  end: number;
  source: string;
  refs: ContextRef[];
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

/** Every `${{ ... }}` in `text`, with the contexts each one reads. Never throws. */
export function expressionsIn(text: string): ExpressionSpan[] {
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

function analyse(source: string): { refs: ContextRef[]; functions: string[] } {
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
    return { refs, functions };
  }
  try {
    const lexed = new Lexer(source).lex();
    const tree = new Parser(lexed.tokens, CONTEXTS, []).parse() as unknown as Node;
    walk(tree, refs, functions);
  } catch {
    // GitHub rejects an expression that does not parse; still see which secrets it names.
    for (const m of source.matchAll(
      /\b(secrets|inputs|env|steps|vars)\s*(?:\.\s*([\w-]+)|\[\s*'([^']*)'\s*\])/gi,
    )) {
      refs.push({ context: m[1]!.toLowerCase(), path: [m[2] ?? m[3] ?? ''], whole: false });
    }
  }
  return { refs, functions };
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
