/**
 * Claim values such as head_ref are chosen by whoever pushes a branch, and patterns and globs
 * are matched against them before anything else happens: matching must take time linear in the
 * value, whatever the policy says. The bounds are generous (the figures were 3.7 s and
 * more; the linear matcher takes well under 10 ms): they catch a backtracking engine, not a
 * slow machine.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPatternEngine } from '../../src/policy/matcher.ts';
import { compileMatcher, globMatches } from '../../src/policy/matcher.ts';
import { decide, parsePolicy } from '../../src/policy/index.ts';
import type { Matcher } from '../../src/policy/types.ts';

// Policies here have ^...$ patterns, which a step loads the engine for (readPolicy).
beforeAll(loadPatternEngine);

const BOUND_MS = 500;

function timed<T>(fn: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = fn();
  return { value, ms: performance.now() - started };
}

const compile = (source: string): Matcher => {
  const m = compileMatcher(source);
  if (typeof m === 'string') throw new Error(m);
  return m;
};

describe('matching time', () => {
  it('an exponential pattern against a crafted branch name decides within the bound', () => {
    const policy = parsePolicy(
      `version: 1
rules:
  - name: features
    when:
      repository: acme/site
      head_ref: '^feature/([a-z0-9]+-?)+$'
    allow: { provider: aws, role: arn:aws:iam::123456789012:role/deploy, max-duration: 15m }
`,
      'p.yml',
    );
    const claims = { repository: 'acme/site', head_ref: `feature/${'a'.repeat(28)}!` };
    const request = {
      provider: 'aws' as const,
      principal: 'arn:aws:iam::123456789012:role/deploy',
      duration: 900,
      delivery: 'run' as const,
    };
    const { value, ms } = timed(() => decide(policy, claims, request));
    expect(value.allowed).toBe(false);
    expect(value.reasons.join('\n')).toMatch(/head_ref is 'feature\/a+!'/);
    expect(ms).toBeLessThan(BOUND_MS);
    // The same pattern still does its job.
    expect(decide(policy, { ...claims, head_ref: 'feature/new-login-form' }, request).allowed).toBe(
      true,
    );
  });

  it('a glob with many stars against a long value decides within the bound', () => {
    const m = compile('*a*a*a*a*b');
    const { value, ms } = timed(() => m.test('a'.repeat(200)));
    expect(value).toBe(false);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(m.test('xaxaxaxayb')).toBe(true);
  });

  it('values longer than any claim GitHub writes never match a pattern or a glob', () => {
    expect(compile('^a+$').test('a'.repeat(5000))).toBe(false);
    expect(compile('a*').test('a'.repeat(5000))).toBe(false);
    expect(compile('^a+$').test('a'.repeat(4096))).toBe(true);
  });
});

describe('patterns are RE2', () => {
  it.each([
    ['^(?=refs/heads/)refs/.*$', /lookaround and backreferences are not supported/],
    ['^(a)\\1$', /not a valid RE2 regular expression/],
    ['^a{1001}$', /not a valid RE2/],
  ])('refuses %s at load time, with the reason', (source, why) => {
    const m = compileMatcher(source);
    expect(typeof m).toBe('string');
    expect(m).toMatch(why);
    expect(m).toContain(source);
  });

  it('keeps the meaning patterns had: anchored, no newline for ., alternation', () => {
    const m = compile('^refs/heads/(main|release/[0-9]+)$');
    expect(m.test('refs/heads/main')).toBe(true);
    expect(m.test('refs/heads/release/12')).toBe(true);
    expect(m.test('refs/heads/main\n')).toBe(false);
    expect(m.test('xrefs/heads/main')).toBe(false);
    expect(compile('^a.b$').test('a\nb')).toBe(false);
    expect(compile('^é+$').test('éé')).toBe(true);
  });
});

describe('globMatches', () => {
  const g = (p: string, v: string) => globMatches([...p], [...v]);
  it.each([
    ['*', '', true],
    ['*', 'anything/at:all', true],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['repo:acme/*:ref:refs/heads/*', 'repo:acme/site:ref:refs/heads/main', true],
    ['repo:acme/*:ref:refs/heads/*', 'repo:evil/site:ref:refs/heads/main', false],
    ['*.yml@refs/heads/main', 'acme/wf/.github/workflows/deploy.yml@refs/heads/main', true],
    ['*.yml@refs/heads/main', 'acme/wf/.github/workflows/deploy.yml@refs/heads/mainx', false],
    ['a*b*c', 'aXbYc', true],
    ['a*b*c', 'aXcYb', false],
    ['**', 'x', true],
    ['?', '😀', true],
  ])('%s against %s is %s', (p, v, want) => expect(g(p, v)).toBe(want));
});
