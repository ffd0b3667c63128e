import {
  LineCounter,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Document,
  type Node,
} from 'yaml';
import { expressionsIn, type ExpressionSpan } from './expressions.js';
import type { Location } from './types.js';

/**
 * Why `yaml` and not @actions/workflow-parser: the scanner needs exact line and column of every
 * key and of every line inside a `run:` block, and must keep going on files GitHub rejects
 * (duplicate keys, expressions in `uses:`, unknown keys). `yaml` keeps source ranges on every
 * node, resolves anchors, aliases and merge keys, tolerates duplicate keys, and is already in the
 * bundle for the policy file. workflow-parser is schema-driven (it drops what it does not
 * validate), adds ~1.6 MB with its JSON schema, and cannot even be imported by plain Node 24
 * (it imports JSON without an import attribute), so it would cost bundle size and start-up time on
 * every pull request for no gain in precision here.
 */
export class YamlSource {
  readonly doc: Document.Parsed;
  readonly contents: unknown;
  readonly errors: ReadonlyArray<{ code: string; message: string; pos: [number, number] }>;
  private readonly counter: LineCounter;
  readonly lines: string[];

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    this.counter = new LineCounter();
    this.doc = parseDocument(text, {
      lineCounter: this.counter,
      uniqueKeys: false,
      merge: true,
      prettyErrors: false,
      strict: false,
    });
    this.contents = this.doc.contents;
    this.errors = this.doc.errors;
    this.lines = text.split(/\r?\n/);
  }

  /** 1-based line and column of a character offset. */
  pos(offset: number): { line: number; column: number } {
    const p = this.counter.linePos(offset);
    return { line: p.line, column: p.col };
  }

  loc(start: number, end: number): Location {
    const a = this.pos(start);
    const b = this.pos(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  nodeLoc(node: Node | undefined | null): Location {
    const range = node?.range;
    if (!range) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
    return this.loc(range[0], range[1]);
  }

  private aliasTargets?: Map<unknown, Node | undefined>;

  /** Each alias's anchor, as `yaml` finds it (the last one before it), for all aliases in one walk. */
  private target(alias: unknown): Node | undefined {
    if (!this.aliasTargets) {
      const targets = new Map<unknown, Node | undefined>();
      const last = new Map<string, Node>();
      visit(this.doc, {
        Node: (_k, node) => {
          if (isAlias(node)) targets.set(node, last.get(node.source));
          else if ((node as { anchor?: string }).anchor)
            last.set((node as { anchor: string }).anchor, node as Node);
        },
      });
      this.aliasTargets = targets;
    }
    return this.aliasTargets.get(alias);
  }

  resolve(node: unknown): Node | undefined {
    let cur = node;
    for (let i = 0; i < 20 && isAlias(cur) && this.doc; i++) cur = this.target(cur);
    if (isAlias(cur)) return undefined;
    return (cur ?? undefined) as Node | undefined;
  }

  private readonly entryCache = new WeakMap<object, Entry[]>();

  /** Key/value pairs of a mapping, with merge keys (`<<: *x`) expanded and aliases resolved. */
  entries(node: unknown, depth = 0): Entry[] {
    const map = this.resolve(node);
    if (!isMap(map) || depth > 10) return [];
    // Rules ask for the same mapping many times (a step's `uses`, `with`, `env`, `run`).
    const cached = this.entryCache.get(map);
    if (cached) return cached;
    const out: Entry[] = [];
    const merged = new Set<string>();
    for (const pair of map.items) {
      const keyNode = this.resolve(pair.key);
      // With `merge: true` the parser marks `<<` with a symbol; its source is still `<<`.
      const key = isScalar(keyNode)
        ? typeof keyNode.value === 'symbol'
          ? (keyNode.source ?? '<<')
          : String(keyNode.value)
        : '';
      const value = this.resolve(pair.value);
      if (key === '<<') {
        const sources = isSeq(value) ? value.items : [value];
        // A merged key only adds what the mapping does not have yet (YAML's merge rule), so a
        // merge of merges stays as small as its distinct keys: no alias bomb through `<<`.
        for (const s of sources)
          for (const e of this.entries(s, depth + 1)) {
            if (merged.has(e.key)) continue;
            merged.add(e.key);
            out.push(e);
          }
        continue;
      }
      out.push(new Entry(this, key, (pair.key ?? undefined) as Node | undefined, value));
    }
    this.entryCache.set(map, out);
    return out;
  }

  /** First value under `key` (case-sensitive, as GitHub reads keys). */
  get(node: unknown, key: string): Node | undefined {
    return this.entries(node).find((e) => e.key === key)?.value;
  }

  /** All values under `key`: a duplicated key (which GitHub rejects) is still scanned. */
  getAll(node: unknown, key: string): Entry[] {
    return this.entries(node).filter((e) => e.key === key);
  }

  items(node: unknown): Node[] {
    const seq = this.resolve(node);
    if (!isSeq(seq)) return [];
    return seq.items.map((i) => this.resolve(i)).filter((i): i is Node => i !== undefined);
  }

  scalar(node: unknown): string | undefined {
    const n = this.resolve(node);
    if (!isScalar(n) || n.value === null || n.value === undefined) return undefined;
    return String(n.value);
  }

  /** Source lines covered by a node, with their 1-based numbers (for `run:` scripts). */
  sourceLines(node: Node | undefined): Array<{ line: number; text: string }> {
    if (!node?.range) return [];
    const first = this.pos(node.range[0]).line;
    const last = this.pos(Math.max(node.range[0], node.range[1] - 1)).line;
    const out: Array<{ line: number; text: string }> = [];
    for (let l = first; l <= last; l++) out.push({ line: l, text: this.lines[l - 1] ?? '' });
    return out;
  }
}

export class Entry {
  private spansCache?: ExpressionSpan[];
  private textCache?: { v: string | undefined };
  constructor(
    private readonly src: YamlSource,
    readonly key: string,
    readonly keyNode: Node | undefined,
    readonly value: Node | undefined,
  ) {}

  get text(): string | undefined {
    this.textCache ??= { v: this.src.scalar(this.value) };
    return this.textCache.v;
  }

  get spans(): ExpressionSpan[] {
    this.spansCache ??= expressionsIn(this.text ?? '');
    return this.spansCache;
  }

  /** From the key to the end of the value: what an annotation should underline. */
  get loc(): Location {
    const start = this.keyNode?.range?.[0] ?? this.value?.range?.[0] ?? 0;
    const end = this.value?.range?.[1] ?? this.keyNode?.range?.[1] ?? start;
    const l = this.src.loc(start, end);
    // A block scalar's range ends at the start of the next line; keep to the value's last line.
    if (l.endLine > l.line && l.endColumn === 1) {
      l.endLine -= 1;
      l.endColumn = (this.src.lines[l.endLine - 1] ?? '').length + 1;
    }
    return l;
  }
}
