import type { Matcher } from './types.js';

/** How a matcher reads in reasons and the summary; apart from matcher.ts so that deciding never loads the regex engine. */
export function describeMatcher(m: Matcher): string {
  return m.kind === 'exact'
    ? `'${m.source}'`
    : m.kind === 'glob'
      ? `glob '${m.source}'`
      : `pattern '${m.source}'`;
}
