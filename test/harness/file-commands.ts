/**
 * The runner's file commands: after a step ends, the runner reads the files it named in
 * GITHUB_ENV, GITHUB_OUTPUT and GITHUB_STATE as `name=value` lines and `name<<DELIMITER` heredocs,
 * and GITHUB_PATH as one directory per line.
 *
 *   parseKeyValueFile(text)  // → { values: Record<string,string>, errors: string[] }
 *   parsePathFile(text)      // → string[] (in file order; the runner prepends them to PATH)
 *   isBlockedEnvName(name)   // names GITHUB_ENV cannot set (NODE_OPTIONS, GITHUB_*, RUNNER_*)
 *
 * Parsing follows the runner's rules: lines split on `\n` or `\r\n`; empty lines skipped; a line is
 * `name=value` when its first `=` comes before any `<<`, else a heredoc whose value runs to the first
 * line exactly equal to the delimiter (the line breaks inside it kept as written); a later write of
 * a name wins. A malformed line, an empty name or delimiter, or a missing closing delimiter fails
 * the step on the runner: here it is reported in `errors` and parsing stops, as the runner stops.
 */

export interface ParsedFile {
  values: Record<string, string>;
  errors: string[];
}

export function parseKeyValueFile(text: string): ParsedFile {
  const values: Record<string, string> = {};
  const errors: string[] = [];
  let index = 0;

  const readLine = (): { line: string; newline: string } | undefined => {
    if (index >= text.length) return undefined;
    const nl = text.indexOf('\n', index);
    if (nl < 0) {
      const line = text.slice(index);
      index = text.length;
      return { line, newline: '' };
    }
    const crlf = nl > index && text[nl - 1] === '\r';
    const line = text.slice(index, crlf ? nl - 1 : nl);
    index = nl + 1;
    return { line, newline: crlf ? '\r\n' : '\n' };
  };

  for (let l = readLine(); l !== undefined; l = readLine()) {
    const { line } = l;
    if (line === '') continue;
    const eq = line.indexOf('=');
    const hd = line.indexOf('<<');
    if (eq >= 0 && (hd < 0 || eq < hd)) {
      const name = line.slice(0, eq);
      if (name === '') {
        errors.push(`Invalid format '${line}'. Name must not be empty`);
        break;
      }
      values[name] = line.slice(eq + 1);
    } else if (hd >= 0) {
      const name = line.slice(0, hd);
      const delimiter = line.slice(hd + 2);
      if (name === '' || delimiter === '') {
        errors.push(
          `Invalid format '${line}'. Name must not be empty and delimiter must not be empty`,
        );
        break;
      }
      const start = index;
      let end = index;
      let closed = false;
      for (let v = readLine(); v !== undefined; v = readLine()) {
        if (v.line === delimiter) {
          closed = true;
          break;
        }
        if (v.newline === '') break; // the value's last line must end in a newline before the delimiter
        end = index - v.newline.length;
      }
      if (!closed) {
        errors.push(`Invalid value. Matching delimiter not found '${delimiter}'`);
        break;
      }
      values[name] = end > start ? text.slice(start, end) : '';
    } else {
      errors.push(`Invalid format '${line}'`);
      break;
    }
  }
  return { values, errors };
}

export function parsePathFile(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export function isBlockedEnvName(name: string): boolean {
  return name === 'NODE_OPTIONS' || name.startsWith('GITHUB_') || name.startsWith('RUNNER_');
}
