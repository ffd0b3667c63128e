import type { RE2JS } from 're2js';
import type { Matcher } from './types.js';

/**
 * RE2 (re2js, about 140 KiB) is loaded only for a policy that has patterns: most have exact
 * values and globs only, and loading it costs the step that reads the policy about 25 M
 * instructions (bench/FIRST-STEP.md).
 */
let re2: typeof RE2JS | undefined;

/** Loads the pattern engine that compileMatcher needs for `^...$` values. */
export async function loadPatternEngine(): Promise<void> {
  re2 ??= (await import('re2js')).RE2JS;
}

/** compileMatcher met a pattern before loadPatternEngine had run: load it and compile again. */
export class PatternEngineNeeded extends Error {
  override name = 'PatternEngineNeeded';
  constructor() {
    super('A pattern was compiled before the pattern engine was loaded (loadPatternEngine).');
  }
}

/** Longer claim values are not GitHub's; refusing them keeps every match cheap. */
export const MAX_MATCHED_LENGTH = 4096;

/**
 * A claim value in a rule is one of:
 * - an anchored regular expression: starts with `^` and ends with `$`, in RE2 syntax and
 *   matched by RE2 (re2js), in time linear in the value: claims such as `head_ref` are chosen
 *   by whoever pushes a branch, and a backtracking engine takes seconds on a 28-character
 *   branch name against `^feature/([a-z0-9]+-?)+$`. RE2 is also what Google's attribute
 *   conditions use, so an exported pattern means the same thing there;
 * - a glob: contains `*` (any run of characters, `/` and `:` included) or `?` (one character),
 *   the same meaning AWS `StringLike` and Azure `matches` give them, so rules export faithfully;
 * - otherwise an exact, case-sensitive string.
 * Returns an error message (without position) when the value cannot be used. Throws
 * PatternEngineNeeded for a pattern when the engine is not loaded yet.
 */
export function compileMatcher(source: string): Matcher | string {
  if (source.startsWith('^')) {
    if (!source.endsWith('$') || source.endsWith('\\$')) {
      return `pattern '${source}' starts with ^ but does not end with $: patterns must be anchored at both ends (write '${source}$' or use a glob)`;
    }
    if (!re2) throw new PatternEngineNeeded();
    let re: RE2JS;
    try {
      re = re2.compile(source);
    } catch (err) {
      const why = (err as Error).message.replace(/^error parsing regexp: /, '');
      return `pattern '${source}' is not a valid RE2 regular expression (${why}); lookaround and backreferences are not supported, as they cannot be matched in linear time`;
    }
    return {
      kind: 'regex',
      source,
      test: (v) => v.length <= MAX_MATCHED_LENGTH && re.testExact(v),
    };
  }
  if (source.includes('*') || source.includes('?')) {
    const pattern = [...source];
    return {
      kind: 'glob',
      source,
      test: (v) => v.length <= MAX_MATCHED_LENGTH && globMatches(pattern, [...v]),
    };
  }
  return { kind: 'exact', source, test: (v) => v === source };
}

/**
 * `*` and `?` against a value, by code point, in O(pattern × value) at worst: on a mismatch
 * only the most recent `*` is widened, never earlier ones, so nothing is tried twice. (A
 * regular expression with several `[\s\S]*` backtracks polynomially in the stars.)
 */
export function globMatches(pattern: readonly string[], value: readonly string[]): boolean {
  let p = 0;
  let v = 0;
  let star = -1;
  let resume = 0;
  while (v < value.length) {
    const c = pattern[p];
    if (c === '*') {
      star = p++;
      resume = v;
    } else if (c !== undefined && (c === '?' || c === value[v])) {
      p++;
      v++;
    } else if (star >= 0) {
      p = star + 1;
      v = ++resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/** The glob as an anchored regular expression: for exports to clouds whose matching is regex-based. */
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

export { describeMatcher } from './describe.js';
