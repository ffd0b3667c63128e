import { LineCounter, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

/**
 * A fast path for the YAML that workflows are made of: block mappings and sequences, plain and
 * single-line quoted scalars, literal and simple folded block scalars, comments. It builds the
 * same node classes, values and source ranges as `yaml` does, about five times faster, so the
 * scan of a large tree stays within its time budget. Anything else (flow collections, anchors,
 * aliases, tags, multi-line plain or quoted scalars, escapes, tabs, several documents, and every
 * syntax error) makes it give up and return undefined; the caller then parses with `yaml`, which
 * stays the reference (test/scan/fast-yaml.test.ts checks both agree).
 */
export function fastParse(
  text: string,
): { contents: Node | null; counter: LineCounter } | undefined {
  const r = attempt(text);
  return typeof r === 'number' ? undefined : r;
}

/** The 1-based line where the fast path gives up, or 0 when it does not (for tests and tuning). */
export function declinedAt(text: string): number {
  const r = attempt(text);
  return typeof r === 'number' ? r : 0;
}

function attempt(text: string): ReturnType<FastParser['parse']> | number {
  // JavaScript's trim() and YAML disagree on these; the fast path does not meet them in workflows.
  if (ODD_CHARACTERS.test(text)) return 1;
  let parser: FastParser | undefined;
  try {
    parser = new FastParser(text);
    return parser.parse();
  } catch (err) {
    if (err instanceof Unsupported) return (parser?.i ?? 0) + 1;
    throw err;
  }
}

class Unsupported extends Error {}

// Control characters are exactly what this pattern is for.
const ODD_CHARACTERS =
  // eslint-disable-next-line no-control-regex
  /[\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

const fail = (): never => {
  throw new Unsupported();
};

interface Line {
  start: number;
  /** Offset of the line's end (its `\n`, or the end of the text). */
  end: number;
  indent: number;
  /** Blank, or only a comment: skipped between nodes (but part of block scalars). */
  empty: boolean;
}

/** Characters that cannot start a plain scalar or key here, or start syntax the fast path leaves to `yaml`. */
const SPECIAL_START = /^[[\]{}&*!|>%@`?,#]/;

class FastParser {
  private readonly lines: Line[] = [];
  /** Index of the line being parsed. */
  i = 0;
  readonly counter = new LineCounter();

  constructor(private readonly text: string) {
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      const end = nl < 0 ? text.length : nl;
      this.counter.addNewLine(start);
      let indent = 0;
      while (text.charCodeAt(start + indent) === 32) indent++;
      const first = text[start + indent];
      // A tab after the indentation: leave it to `yaml`.
      if (first === '\t') fail();
      const empty = start + indent >= end || first === '#';
      this.lines.push({ start, end, indent, empty });
      if (nl < 0) break;
      start = nl + 1;
    }
  }

  parse(): { contents: Node | null; counter: LineCounter } {
    this.skipEmpty();
    const first = this.lines[this.i];
    if (first && first.indent === 0 && /^---(\s|$)/.test(this.content(first))) {
      if (this.content(first).slice(3).trim().replace(/^#.*/, '') !== '') fail();
      this.i++;
    }
    for (const l of this.lines) {
      if (l.indent === 0 && !l.empty && /^(---|\.\.\.)(\s|$)/.test(this.content(l)) && l !== first)
        fail();
    }
    this.skipEmpty();
    const line = this.lines[this.i];
    const contents = line ? this.block(line.indent, -1) : null;
    this.skipEmpty();
    if (this.i < this.lines.length) fail();
    return { contents, counter: this.counter };
  }

  private content(l: Line, col = l.indent): string {
    return this.text.slice(l.start + col, l.end);
  }

  private skipEmpty(): void {
    while (this.i < this.lines.length && this.lines[this.i]!.empty) this.i++;
  }

  /** The next non-empty line, without consuming it. */
  private peek(): Line | undefined {
    let j = this.i;
    while (j < this.lines.length && this.lines[j]!.empty) j++;
    return this.lines[j];
  }

  /** A block node whose first line is the current one, at `indent`. */
  private block(indent: number, parent: number): Node {
    const line = this.lines[this.i]!;
    if (line.indent !== indent) fail();
    if (isDash(this.content(line))) return this.seq(indent);
    if (this.key(line, indent)) return this.map(line, indent);
    // A scalar on the line after its key (`runs-on:` then `ubuntu-latest`).
    return this.value(line, line.start + indent, parent) as Node;
  }

  private map(firstLine: Line, col: number): YAMLMap {
    const map = new YAMLMap();
    let line: Line | undefined = firstLine;
    let keyCol = col;
    for (;;) {
      const key = this.key(line, keyCol);
      if (!key) fail();
      const { node: keyNode, after } = key!;
      const value = this.value(line, after, col);
      map.items.push(new Pair(keyNode, value));
      const next = this.peek();
      if (!next || next.indent < col) break;
      if (next.indent > col || isDash(this.content(next))) fail();
      this.skipEmpty();
      line = next;
      keyCol = next.indent;
    }
    const firstKey = map.items[0]!.key as Scalar;
    const last = map.items[map.items.length - 1]!;
    const end = ((last.value as Node | null)?.range ?? (last.key as Node).range!)[2];
    map.range = [firstKey.range![0], end, end];
    return map;
  }

  private seq(indent: number): YAMLSeq {
    const seq = new YAMLSeq();
    let line = this.lines[this.i]!;
    const start = line.start + indent;
    for (;;) {
      const text = this.content(line);
      let off = 1;
      while (text[off] === ' ') off++;
      const rest = text.slice(off);
      const col = indent + off;
      let item: Node | null;
      if (rest === '' || rest.startsWith('#')) {
        this.i++;
        const next = this.peek();
        if (next && next.indent > indent) {
          this.skipEmpty();
          item = this.block(next.indent, indent);
        } else {
          item = nullScalar(line.start + col);
        }
      } else if (isDash(rest)) {
        item = fail();
      } else if (this.key(line, col)) {
        item = this.map(line, col);
      } else {
        item = this.value(line, line.start + col, indent);
      }
      seq.items.push(item);
      const next = this.peek();
      // A key at the dash's own indentation ends a sequence that is that mapping's value.
      if (!next || next.indent < indent || (next.indent === indent && !isDash(this.content(next))))
        break;
      if (next.indent > indent) fail();
      this.skipEmpty();
      line = next;
    }
    const last = seq.items[seq.items.length - 1] as Node | null;
    const end = last?.range?.[2] ?? start + 1;
    seq.range = [start, end, end];
    return seq;
  }

  /** A key at `col` of `line`: plain or single-line quoted, followed by `:` and a space or the end. */
  private keyMemo: { line?: Line; col: number; result?: { node: Scalar; after: number } } = {
    col: -1,
  };

  /** Memoised: a line is asked "is this a key?" by the block, then parsed by the mapping. */
  private key(line: Line, col: number): { node: Scalar; after: number } | undefined {
    const memo = this.keyMemo;
    if (memo.line === line && memo.col === col) return memo.result;
    const result = this.readKey(line, col);
    this.keyMemo = { line, col, result };
    return result;
  }

  private readKey(line: Line, col: number): { node: Scalar; after: number } | undefined {
    const text = this.content(line, col);
    const at = line.start + col;
    if (text.startsWith("'") || text.startsWith('"')) {
      const q = quoted(text);
      if (!q) return undefined;
      let k = q.length;
      while (text[k] === ' ') k++;
      if (text[k] !== ':' || (k + 1 < text.length && text[k + 1] !== ' ')) return undefined;
      const node = new Scalar(q.value);
      node.type = text[0] === "'" ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE';
      node.range = [at, at + q.length, at + q.length];
      return { node, after: at + k + 1 };
    }
    if (SPECIAL_START.test(text) || isDash(text) || text.startsWith(':')) return undefined;
    let colon = -1;
    for (let k = 0; k < text.length; k++) {
      const c = text[k];
      if (c === '#' && text[k - 1] === ' ') return undefined;
      if (c === ':' && (k + 1 === text.length || text[k + 1] === ' ')) {
        colon = k;
        break;
      }
    }
    if (colon <= 0) return undefined;
    const raw = text.slice(0, colon).trimEnd();
    if (raw.includes('\t')) fail();
    const node = plain(raw);
    node.range = [at, at + raw.length, at + raw.length];
    return { node, after: at + colon + 1 };
  }

  /** The value after a key or a dash, starting at offset `from` of `line`; `parent` is the owner's indent. */
  private value(line: Line, from: number, parent: number): Node | null {
    const rest = this.text.slice(from, line.end);
    const lead = rest.length - rest.trimStart().length;
    const body = rest.trimStart();
    const at = from + lead;
    if (body === '' || body.startsWith('#')) {
      this.i++;
      const next = this.peek();
      if (next && next.indent > parent) {
        this.skipEmpty();
        return this.block(next.indent, parent);
      }
      // `key:` followed by `- item` at the key's own indentation is a sequence value.
      if (next && next.indent === parent && isDash(this.content(next))) {
        this.skipEmpty();
        return this.seq(parent);
      }
      return nullScalar(at);
    }
    if (body.includes('\t')) fail();
    if (body[0] === '|' || body[0] === '>') return this.blockScalar(line, at, body, parent);
    if (body[0] === "'" || body[0] === '"') {
      const q = readQuoted(this.text, at);
      if (!q) fail();
      // Find the line the closing quote is on; the rest of it may only hold a comment.
      let j = this.i;
      while (this.lines[j]!.end < q!.end) {
        j++;
        const l = this.lines[j]!;
        if (l.start + l.indent < l.end && l.indent <= parent) fail();
      }
      const tail = this.text.slice(q!.end, this.lines[j]!.end);
      if (tail.trim() !== '' && !/^\s+#/.test(tail)) fail();
      this.i = j;
      this.finishLine(parent);
      const node = new Scalar(q!.value);
      node.type = body[0] === "'" ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE';
      node.range = [at, q!.end, q!.end];
      return node;
    }
    if (body[0] === '[' || body[0] === '{') {
      const node = flow(body, at);
      this.finishLine(parent);
      return node;
    }
    if (SPECIAL_START.test(body) || isDash(body)) fail();
    const hash = body.search(/\s#/);
    const raw = (hash < 0 ? body : body.slice(0, hash)).trimEnd();
    if (/:(\s|$)/.test(raw)) fail();
    let value = raw;
    let end = at + raw.length;
    if (hash < 0) ({ value, end } = this.continuation(raw, end, parent));
    this.finishLine(parent);
    const node = value === raw ? plain(raw) : new Scalar(value);
    node.type = 'PLAIN';
    node.range = [at, end, end];
    return node;
  }

  /**
   * A plain scalar that goes on over more-indented lines: each line break folds to a space, each
   * blank line in between to a newline. Leaves `this.i` on the scalar's last line.
   */
  private continuation(
    first: string,
    firstEnd: number,
    parent: number,
  ): { value: string; end: number } {
    let value = first;
    let end = firstEnd;
    let blanks = 0;
    for (let j = this.i + 1; j < this.lines.length; j++) {
      const l = this.lines[j]!;
      if (l.start + l.indent >= l.end) {
        blanks++;
        continue;
      }
      if (l.indent <= parent || this.text[l.start + l.indent] === '#') break;
      const text = this.text.slice(l.start + l.indent, l.end).replace(/ +$/, '');
      if (text.includes('\t') || /:(\s|$)/.test(text) || /\s#/.test(text) || isDash(text)) fail();
      value += blanks > 0 ? '\n'.repeat(blanks) + text : ' ' + text;
      end = l.start + l.indent + text.length;
      blanks = 0;
      this.i = j;
    }
    return { value, end };
  }

  /** After a one-line value: the next content line must not continue it (multi-line scalars go to `yaml`). */
  private finishLine(parent: number): void {
    this.i++;
    const next = this.peek();
    if (next && next.indent > parent) fail();
  }

  private blockScalar(line: Line, at: number, header: string, parent: number): Scalar {
    const m = /^([|>])([+-]?)(\s+#.*)?\s*$/.exec(header);
    if (!m) fail();
    const folded = m![1] === '>';
    const chomp = m![2];
    // Kept trailing newlines depend on blank lines up to the next node: leave `|+` to `yaml`.
    if (chomp === '+') fail();
    let j = this.i + 1;
    const body: string[] = [];
    let contentIndent = -1;
    let lastEnd = line.end;
    for (; j < this.lines.length; j++) {
      const l = this.lines[j]!;
      const raw = this.text.slice(l.start, l.end);
      const blank = raw.trim() === '';
      if (blank) {
        // Spaces beyond the indentation on a blank line are content, or an error: leave both to `yaml`.
        if (contentIndent >= 0 && raw.length > contentIndent) fail();
        if (contentIndent < 0 && raw.length > parent + 1) fail();
        body.push('');
        continue;
      }
      if (contentIndent < 0) {
        if (l.indent <= parent) break;
        contentIndent = l.indent;
      }
      if (l.indent < contentIndent) {
        if (l.indent > parent) fail();
        break;
      }
      body.push(raw.slice(contentIndent));
      lastEnd = l.end;
    }
    // Trailing blank lines are not part of the scalar's last content line.
    let trailing = 0;
    while (body.length > 0 && body[body.length - 1] === '') {
      body.pop();
      trailing++;
    }
    if (body.length === 0) fail();
    if (folded && body.some((b) => b === '' || b.startsWith(' ') || b.startsWith('\t'))) fail();
    let value = folded ? body.join(' ') : body.join('\n');
    if (chomp === '') value += '\n';
    const node = new Scalar(value);
    node.type = folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
    // Like `yaml`: the range runs to the start of the line after the last content line.
    const end = Math.min(lastEnd + 1, this.text.length);
    node.range = [at, end, end];
    // Resume after the scalar's content lines; blank lines after it are skipped by peek().
    this.i = j - trailing;
    const next = this.peek();
    if (next && next.indent > parent) fail();
    return node;
  }
}

/**
 * One-line flow collections of scalars (`[push]`, `[ 'main', 'release-*' ]`, `{}`), the only
 * flow style common in workflows; nested or multi-line flow and non-empty flow maps go to `yaml`.
 */
function flow(body: string, at: number): Node {
  const close = body[0] === '[' ? ']' : '}';
  let k = 1;
  const items: Scalar[] = [];
  const skip = () => {
    while (body[k] === ' ') k++;
  };
  skip();
  if (close === '}') {
    if (body[k] !== '}') fail();
  } else {
    while (body[k] !== ']') {
      if (k >= body.length) fail();
      let item: Scalar;
      if (body[k] === "'" || body[k] === '"') {
        const q = quoted(body.slice(k));
        if (!q) fail();
        item = new Scalar(q!.value);
        item.type = body[k] === "'" ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE';
        item.range = [at + k, at + k + q!.length, at + k + q!.length];
        k += q!.length;
      } else {
        const m = /^[^,[\]{}#]*/.exec(body.slice(k))![0];
        const raw = m.trimEnd();
        if (
          raw === '' ||
          SPECIAL_START.test(raw) ||
          /^-(\s|$)/.test(raw) ||
          /:(\s|$)/.test(raw) ||
          raw.includes('\t')
        )
          fail();
        item = plain(raw);
        item.type = 'PLAIN';
        item.range = [at + k, at + k + raw.length, at + k + raw.length];
        k += raw.length;
      }
      items.push(item);
      skip();
      if (body[k] === ',') {
        k++;
        skip();
      } else if (body[k] !== ']') fail();
    }
  }
  k++;
  const tail = body.slice(k);
  if (tail.trim() !== '' && !/^\s+#/.test(tail)) fail();
  const node = close === ']' ? new YAMLSeq() : new YAMLMap();
  if (node instanceof YAMLSeq) node.items.push(...items);
  node.flow = true;
  node.range = [at, at + k, at + k];
  return node;
}

function isDash(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

function nullScalar(at: number): Scalar {
  const node = new Scalar(null);
  node.range = [at, at, at];
  return node;
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};

function unescape(text: string): string {
  return text.replace(
    /\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[^])/g,
    (_m, e: string) => {
      if (e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
      return ESCAPES[e] ?? fail();
    },
  );
}

/**
 * A quoted scalar starting at offset `start` of `text`, possibly over several lines: line breaks
 * fold to a space, blank lines to newlines, an escaped break (double quotes) to nothing.
 */
function readQuoted(text: string, start: number): { value: string; end: number } | undefined {
  const double = text[start] === '"';
  let k = start + 1;
  for (;;) {
    if (k >= text.length) return undefined;
    const c = text[k];
    if (double && c === '\\') k += 2;
    else if (c === (double ? '"' : "'")) {
      if (!double && text[k + 1] === "'") k += 2;
      else break;
    } else k++;
  }
  const lines = text.slice(start + 1, k).split('\n');
  let out = '';
  for (let i = 0; ;) {
    let line = lines[i]!;
    if (i > 0) line = line.replace(/^[ \t]+/, '');
    if (i === lines.length - 1) {
      out += line;
      break;
    }
    if (/\\[ \t]+$/.test(line)) fail();
    if (double && /(^|[^\\])(\\\\)*\\$/.test(line)) {
      // An escaped line break joins the lines with nothing between them.
      out += line.slice(0, -1);
      if ((lines[i + 1] ?? '').trim() === '' && i + 1 < lines.length - 1) fail();
      i++;
      continue;
    }
    out += line.replace(/[ \t]+$/, '');
    let j = i + 1;
    let empties = 0;
    while (j < lines.length - 1 && lines[j]!.trim() === '') {
      empties++;
      j++;
    }
    out += empties > 0 ? '\n'.repeat(empties) : ' ';
    i = j;
  }
  return { value: double ? unescape(out) : out.replace(/''/g, "'"), end: k + 1 };
}

/** A single-line quoted scalar at the start of `text` (keys and flow items); undefined if it does not close there. */
function quoted(text: string): { value: string; length: number } | undefined {
  const q = readQuoted(text, 0);
  return q ? { value: q.value, length: q.end } : undefined;
}

/** Plain scalars resolve as YAML 1.2's core schema does: null, booleans, numbers, else strings. */
function plain(raw: string): Scalar {
  let value: unknown = raw;
  // Only these first characters can start a null, boolean or number.
  if (!/^[-+.0-9~nNtTfF]?$/.test(raw[0] ?? '')) {
    const node = new Scalar(value);
    node.type = 'PLAIN';
    return node;
  }
  if (/^(?:~|[Nn]ull|NULL)?$/.test(raw)) value = null;
  else if (/^(?:[Tt]rue|TRUE)$/.test(raw)) value = true;
  else if (/^(?:[Ff]alse|FALSE)$/.test(raw)) value = false;
  else if (/^[-+]?[0-9]+$/.test(raw) || /^0o[0-7]+$/.test(raw) || /^0x[0-9a-fA-F]+$/.test(raw)) {
    value = raw.startsWith('0o') ? parseInt(raw.slice(2), 8) : Number(raw);
  } else if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(raw))
    value = Number(raw);
  else if (/^[-+]?\.(?:inf|Inf|INF)$/.test(raw) || /^\.(?:nan|NaN|NAN)$/.test(raw)) fail();
  const node = new Scalar(value);
  node.type = 'PLAIN';
  return node;
}
