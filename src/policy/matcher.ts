import type { Matcher } from './types.js';

/**
 * A claim value in a rule is one of:
 * - an anchored regular expression: starts with `^` and ends with `$`;
 * - a glob: contains `*` (any run of characters, `/` and `:` included) or `?` (one character),
 *   the same meaning AWS `StringLike` and Azure `matches` give them, so rules export faithfully;
 * - otherwise an exact, case-sensitive string.
 * Returns an error message (without position) when the value cannot be used.
 */
export function compileMatcher(source: string): Matcher | string {
  if (source.startsWith('^')) {
    if (!source.endsWith('$') || source.endsWith('\\$')) {
      return `pattern '${source}' starts with ^ but does not end with $: patterns must be anchored at both ends (write '${source}$' or use a glob)`;
    }
    let re: RegExp;
    try {
      re = new RegExp(source, 'u');
    } catch (err) {
      return `pattern '${source}' is not a valid regular expression: ${(err as Error).message}`;
    }
    return { kind: 'regex', source, test: (v) => re.test(v) };
  }
  if (source.includes('*') || source.includes('?')) {
    const re = globToRegExp(source);
    return { kind: 'glob', source, test: (v) => re.test(v) };
  }
  return { kind: 'exact', source, test: (v) => v === source };
}

export function globToRegExp(glob: string): RegExp {
  let out = '^';
  for (const ch of glob) {
    if (ch === '*') out += '[\\s\\S]*';
    else if (ch === '?') out += '[\\s\\S]';
    else out += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(out + '$', 'u');
}

/** True when the matcher would accept any value: such a condition restricts nothing. */
export function matchesAnything(m: Matcher): boolean {
  if (m.kind === 'exact') return false;
  return ['', 'x', 'o/r', 'repo:o/r:ref:refs/heads/main', '0', ' ', 'a\nb'].every((probe) =>
    m.test(probe),
  );
}

export function describeMatcher(m: Matcher): string {
  return m.kind === 'exact'
    ? `'${m.source}'`
    : m.kind === 'glob'
      ? `glob '${m.source}'`
      : `pattern '${m.source}'`;
}
