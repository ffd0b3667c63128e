import { expressionsIn, type ExpressionSpan } from '../expressions.js';

/**
 * Just enough of a shell reader to follow values through a `run:` script: logical commands
 * (continuation lines joined, comments dropped), here-documents, words with their quotes, and the
 * atoms a value is built from (`${{ }}`, `$VAR`, `$(...)`). Bash first; PowerShell's `$env:X` and
 * `Out-File`/`Add-Content` writes where they differ. Never throws; bounded by the script's size.
 */
export interface ScriptLine {
  line: number;
  text: string;
}

export interface Command {
  /** Text with continuations joined by a space and comments removed. */
  text: string;
  /** Source line of each character of `text`. */
  lineOf: (offset: number) => number;
  /** Source column (1-based) of each character of `text`. */
  columnOf: (offset: number) => number;
  /** Where the next source line starts in `text` (the end of `text` on the last line). */
  lineEndOf: (offset: number) => number;
  first: number;
  /** A here-document fed to the command, if any. */
  heredoc?: ScriptLine[];
}

export type Atom =
  | { kind: 'expr'; span: ExpressionSpan; at: number }
  | { kind: 'var'; name: string; at: number }
  | { kind: 'subst'; text: string; at: number };

const MAX_LINES = 5000;

/** Splits a script into commands. */
export function commands(lines: ScriptLine[]): Command[] {
  const out: Command[] = [];
  let parts: Array<{ line: number; text: string; col: number }> = [];
  for (let i = 0; i < lines.length && i < MAX_LINES; i++) {
    const { line, text } = lines[i]!;
    const code = stripComment(text);
    const trimmed = code.trimEnd();
    const lead = code.length - code.trimStart().length;
    const continued = /(?:^|[^\\])\\$/.test(trimmed) || /\s`$/.test(trimmed);
    parts.push({
      line,
      text: continued ? trimmed.slice(lead, -1) : trimmed.slice(lead),
      col: lead + 1,
    });
    if (continued && i + 1 < lines.length) continue;
    const cmd = build(parts);
    parts = [];
    const doc = heredocDelimiter(cmd.text);
    if (doc) {
      const body: ScriptLine[] = [];
      while (i + 1 < lines.length) {
        const next = lines[i + 1]!;
        i++;
        if (next.text.trim() === doc) break;
        body.push(next);
      }
      cmd.heredoc = body;
    }
    if (cmd.text.trim() !== '' || cmd.heredoc) out.push(cmd);
  }
  return out;
}

function build(parts: Array<{ line: number; text: string; col: number }>): Command {
  const starts: number[] = [];
  let text = '';
  for (const p of parts) {
    if (text !== '') text += ' ';
    starts.push(text.length);
    text += p.text;
  }
  // The part holding `offset`: the last start at or before it (a command may join 5000 lines).
  const index = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    text,
    first: parts[0]?.line ?? 0,
    lineOf: (o) => parts[index(o)]?.line ?? parts[0]?.line ?? 0,
    columnOf: (o) => {
      const k = index(o);
      return (parts[k]?.col ?? 1) + (o - (starts[k] ?? 0));
    },
    lineEndOf: (o) => {
      const k = index(o);
      return k + 1 < starts.length ? starts[k + 1]! : text.length;
    },
  };
}

function heredocDelimiter(text: string): string | undefined {
  const m = /<<-?\s*(['"]?)([A-Za-z_][\w-]*)\1/.exec(text.replace(/<<</g, '   '));
  return m?.[2];
}

/** Removes a `#` comment that starts a word outside quotes and expressions. */
export function stripComment(text: string): string {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (text.startsWith('${{', i)) {
      const end = text.indexOf('}}', i + 3);
      if (end < 0) return text;
      i = end + 1;
      continue;
    }
    if (quote) {
      if (ch === quote) quote = '';
      else if (ch === '\\' && quote === '"') i++;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '\\') i++;
    else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) return text.slice(0, i);
  }
  return text;
}

/**
 * Reads one shell word from `i`: quotes, `$(...)` and `${{ }}` kept whole. Returns the word as
 * written (quotes included) and where it ends.
 */
export function readWord(text: string, i: number): { word: string; end: number } {
  let j = i;
  let quote = '';
  let depth = 0;
  while (j < text.length) {
    const ch = text[j]!;
    if (text.startsWith('${{', j)) {
      const end = text.indexOf('}}', j + 3);
      j = end < 0 ? text.length : end + 2;
      continue;
    }
    if (quote) {
      if (ch === quote) quote = '';
      else if (ch === '\\' && quote === '"') j++;
      j++;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '\\') j++;
    else if (text.startsWith('$(', j)) {
      depth++;
      j += 2;
      continue;
    } else if (ch === ')' && depth > 0) depth--;
    else if (depth === 0 && /[\s;&|<>]/.test(ch)) break;
    j++;
  }
  return { word: text.slice(i, j), end: j };
}

/** A word without its outer quotes. */
export function unquote(word: string): string {
  const w = word.trim();
  if (w.length >= 2 && (w[0] === '"' || w[0] === "'") && w.at(-1) === w[0]) return w.slice(1, -1);
  return w;
}

/** The `${{ }}`, `$VAR`/`${VAR}`/`$env:VAR`/`%VAR%` and `$(...)` a piece of text is built from. */
export function atoms(text: string, base = 0): Atom[] {
  const out: Atom[] = [];
  const spans = expressionsIn(text);
  let s = 0;
  let double = false;
  for (let i = 0; i < text.length; i++) {
    while (spans[s] && spans[s]!.start < i) s++;
    const span = spans[s];
    if (span && i === span.start) {
      out.push({ kind: 'expr', span, at: base + i });
      i = span.end - 1;
      s++;
      continue;
    }
    if (text[i] === '"' && text[i - 1] !== '\\') double = !double;
    if (text[i] === "'" && !double) {
      // Single quotes keep `$X` literal in bash; expressions inside were handled above.
      const close = text.indexOf("'", i + 1);
      const inner = close < 0 ? '' : text.slice(i + 1, close);
      if (close > i && !inner.includes('${{')) {
        i = close;
        continue;
      }
    }
    if (text.startsWith('$(', i)) {
      const end = matchParen(text, i + 1);
      out.push({ kind: 'subst', text: text.slice(i + 2, end), at: base + i });
      i = end;
      continue;
    }
    const v =
      /^\$(?:env:([A-Za-z_]\w*)|\{([A-Za-z_]\w*)[^}]*\}|([A-Za-z_]\w*))|^%([A-Za-z_]\w*)%/.exec(
        text.slice(i, i + 200),
      );
    if (v) {
      out.push({ kind: 'var', name: (v[1] ?? v[2] ?? v[3] ?? v[4])!, at: base + i });
      i += v[0].length - 1;
    }
  }
  return out;
}

function matchParen(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === '(') depth++;
    else if (text[j] === ')' && --depth === 0) return j;
  }
  return text.length;
}

/**
 * Ranges of `text` inside a test (`[ ... ]`, `[[ ... ]]`, `test ...`, PowerShell `-eq`/`-ne`
 * comparisons): a value there is compared, not used.
 */
export function testRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(/\[\[?\s(.*?)\s\]\]?/g)) {
    if (/(?:^|\s)(?:==?|!=|-[zn]|-eq|-ne)(?:\s|$)/.test(m[1]!))
      out.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(/\btest\s+(-[zn]\s+\S+|\S+\s+!?=\s+\S+)/g))
    out.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(/\(\s*("[^"]*"|'[^']*'|\$\S+)\s+-(?:eq|ne|ceq|cne)\s+[^)]*\)/gi))
    out.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(/\[string\]::IsNullOrEmpty\(\s*("[^"]*"|'[^']*'|\$\S+)\s*\)/gi))
    out.push([m.index, m.index + m[0].length]);
  return out;
}

export function inRanges(at: number, ranges: Array<[number, number]>): boolean {
  return ranges.some(([a, b]) => at >= a && at < b);
}
