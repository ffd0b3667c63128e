/**
 * The runner's file commands as the runner reads them after a step: `name=value` lines and
 * `name<<DELIMITER` heredocs (GITHUB_ENV, GITHUB_OUTPUT), one directory a line (GITHUB_PATH).
 * Used to read what a `run:` command wrote to its own files before any of it is passed on.
 */
export interface KeyValueEntry {
  readonly name: string;
  readonly value: string;
}

export function parseKeyValues(text: string): { entries: KeyValueEntry[]; error?: string } {
  const lines = text.split('\n');
  const entries: KeyValueEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = stripCr(lines[i]!);
    if (line === '') continue;
    const eq = line.indexOf('=');
    const hd = line.indexOf('<<');
    if (eq > 0 && (hd < 0 || eq < hd)) {
      entries.push({ name: line.slice(0, eq), value: line.slice(eq + 1) });
      continue;
    }
    if (hd <= 0 || hd + 2 >= line.length) return { entries, error: `malformed line '${line}'` };
    const name = line.slice(0, hd);
    const delimiter = line.slice(hd + 2);
    const end = lines.findIndex((l, j) => j > i && stripCr(l) === delimiter);
    if (end < 0) return { entries, error: `no closing delimiter for '${name}'` };
    entries.push({
      name,
      value: lines
        .slice(i + 1, end)
        .map(stripCr)
        .join('\n'),
    });
    i = end;
  }
  return { entries };
}

export function parsePaths(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

const stripCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);
