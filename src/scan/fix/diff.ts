/**
 * A unified diff of two texts (`diff -u` format, 3 lines of context). The common head and tail
 * are cut first, so the LCS table only spans the changed middle: a fix touches a few lines.
 */
export function unifiedDiff(a: string, b: string, pathA: string, pathB: string): string {
  if (a === b) return '';
  const x = splitLines(a);
  const y = splitLines(b);
  const ops = lineOps(x, y);
  const hunks = group(ops, 3);
  const out = [`--- ${pathA}`, `+++ ${pathB}`];
  for (const h of hunks) {
    out.push(`@@ -${range(h.aStart, h.aLen)} +${range(h.bStart, h.bLen)} @@`);
    for (const op of h.ops) {
      const text = op.text.endsWith(NO_EOL) ? op.text.slice(0, -1) : op.text;
      out.push(`${op.kind === 'same' ? ' ' : op.kind === 'del' ? '-' : '+'}${text}`);
      // A last line without its newline is marked, as diff -u does.
      if (text !== op.text) out.push('\\ No newline at end of file');
    }
  }
  return out.join('\n') + '\n';
}

/** Lines; a last line without its newline carries a NUL, so `a` and `a\\n` differ. */
function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  else lines[lines.length - 1] += NO_EOL;
  return lines;
}

const NO_EOL = '\u0000';

interface Op {
  kind: 'same' | 'del' | 'add';
  text: string;
  /** 1-based line in a (for same/del) and b (for same/add). */
  a: number;
  b: number;
}

function lineOps(x: string[], y: string[]): Op[] {
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (
    tail < x.length - head &&
    tail < y.length - head &&
    x[x.length - 1 - tail] === y[y.length - 1 - tail]
  )
    tail++;
  const xm = x.slice(head, x.length - tail);
  const ym = y.slice(head, y.length - tail);
  const ops: Op[] = [];
  for (let i = 0; i < head; i++) ops.push({ kind: 'same', text: x[i]!, a: i + 1, b: i + 1 });
  ops.push(...middle(xm, ym, head));
  for (let k = tail; k > 0; k--) {
    const i = x.length - k;
    const j = y.length - k;
    ops.push({ kind: 'same', text: x[i]!, a: i + 1, b: j + 1 });
  }
  return ops;
}

/** LCS over the changed middle; a very large middle degrades to delete-all/add-all. */
function middle(x: string[], y: string[], offset: number): Op[] {
  const n = x.length;
  const m = y.length;
  const ops: Op[] = [];
  if (n * m > 4_000_000) {
    x.forEach((t, i) => ops.push({ kind: 'del', text: t, a: offset + i + 1, b: 0 }));
    y.forEach((t, j) => ops.push({ kind: 'add', text: t, a: 0, b: offset + j + 1 }));
    return ops;
  }
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] =
        x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      ops.push({ kind: 'same', text: x[i]!, a: offset + i + 1, b: offset + j + 1 });
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      // Removed lines first, as diff -u prints them.
      ops.push({ kind: 'del', text: x[i]!, a: offset + i + 1, b: 0 });
      i++;
    } else {
      ops.push({ kind: 'add', text: y[j]!, a: 0, b: offset + j + 1 });
      j++;
    }
  }
  return ops;
}

interface Hunk {
  aStart: number;
  aLen: number;
  bStart: number;
  bLen: number;
  ops: Op[];
}

function group(ops: Op[], context: number): Hunk[] {
  const changed = ops.map((o, i) => (o.kind === 'same' ? -1 : i)).filter((i) => i >= 0);
  const hunks: Hunk[] = [];
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, changed[k]! - context);
    let end = Math.min(ops.length - 1, changed[k]! + context);
    while (k + 1 < changed.length && changed[k + 1]! - context <= end + 1) {
      k++;
      end = Math.min(ops.length - 1, changed[k]! + context);
    }
    k++;
    const slice = ops.slice(start, end + 1);
    // Line numbers of the hunk: the first line of each side it covers.
    let aStart = 0;
    let bStart = 0;
    for (let i = start; i < ops.length && (aStart === 0 || bStart === 0); i++) {
      if (aStart === 0 && ops[i]!.kind !== 'add') aStart = ops[i]!.a;
      if (bStart === 0 && ops[i]!.kind !== 'del') bStart = ops[i]!.b;
    }
    const aLen = slice.filter((o) => o.kind !== 'add').length;
    const bLen = slice.filter((o) => o.kind !== 'del').length;
    // An empty side starts at the line before (diff -u's convention).
    if (aLen === 0) aStart = Math.max(0, (bStart || 1) - 1);
    if (bLen === 0) bStart = Math.max(0, (aStart || 1) - 1);
    hunks.push({ aStart, aLen, bStart, bLen, ops: slice });
  }
  return hunks;
}

function range(start: number, len: number): string {
  return len === 1 ? `${start}` : `${start},${len}`;
}
