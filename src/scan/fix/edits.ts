/**
 * Line edits on the file as written. Positions come from the `yaml` package's parse (every node
 * keeps its source range), and only the lines a fix touches change: comments, quoting, blank
 * lines and key order elsewhere stay byte for byte, since nothing is re-serialised.
 */
export interface LineEdit {
  /** 1-based first line replaced; for an insertion, the line the new lines go before. */
  from: number;
  /** Number of lines removed (0 for an insertion). */
  count: number;
  lines: string[];
}

export class EditBuffer {
  private readonly edits: LineEdit[] = [];
  private readonly removed = new Set<number>();

  constructor(readonly lines: string[]) {}

  /** Removes lines `from..to` (inclusive); overlapping removals are merged away. */
  remove(from: number, to: number): void {
    for (let l = from; l <= to; l++) {
      if (this.removed.has(l)) continue;
      this.removed.add(l);
      this.edits.push({ from: l, count: 1, lines: [] });
    }
  }

  /** Inserts lines before line `before` (lines.length + 1 appends). */
  insert(before: number, lines: string[]): void {
    this.edits.push({ from: before, count: 0, lines });
  }

  /** Replaces one line's text. */
  replace(line: number, text: string): void {
    this.removed.add(line);
    this.edits.push({ from: line, count: 1, lines: [text] });
  }

  isRemoved(line: number): boolean {
    return this.removed.has(line);
  }

  get empty(): boolean {
    return this.edits.length === 0;
  }

  /** The edited text, with the file's own line ending. */
  apply(eol: string): string {
    // Later lines first keep numbers valid; at one line, its removal before the insertions ahead of
    // it, and insertions in the order they were asked for.
    const order = this.edits
      .map((e, i) => ({ e, i }))
      .sort((a, b) => b.e.from - a.e.from || b.e.count - a.e.count || b.i - a.i);
    const out = [...this.lines];
    for (const { e } of order) out.splice(e.from - 1, e.count, ...e.lines);
    return out.join(eol);
  }
}

/** Leading spaces of a line. */
export function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}
