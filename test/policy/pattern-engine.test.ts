/**
 * RE2 is loaded only for a policy that has `^...$` patterns (src/policy/matcher.ts): each test
 * takes fresh copies of the policy modules, so that no other test's loading counts.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const RULE = (ref: string) => `version: 1
rules:
  - name: release
    when: { repository: acme/site, ref: '${ref}' }
    allow: { provider: aws, role: arn:aws:iam::123456789012:role/deploy, max-duration: 15m }
`;
const PATTERN = RULE('^refs/tags/v[0-9]+$');
const GLOB = RULE('refs/tags/v*');

let load: typeof import('../../src/policy/load.ts');
let matcher: typeof import('../../src/policy/matcher.ts');
beforeEach(async () => {
  vi.resetModules();
  load = await import('../../src/policy/load.ts');
  matcher = await import('../../src/policy/matcher.ts');
});

const refMatcher = (policy: Awaited<ReturnType<typeof load.readPolicy>>) =>
  policy.rules[0]!.when.find((c) => c.claim === 'ref')!.anyOf[0]!;

describe('the pattern engine', () => {
  it('is not loaded for a policy of exact values and globs, which still matches', async () => {
    const policy = await load.readPolicy(GLOB, 'policy.yml');
    expect(refMatcher(policy).test('refs/tags/v12')).toBe(true);
    // Still not loaded: a pattern now needs it.
    expect(() => load.parsePolicy(PATTERN, 'policy.yml')).toThrow(matcher.PatternEngineNeeded);
  });

  it('is loaded by readPolicy when the policy has a pattern, which then matches as RE2 does', async () => {
    const policy = await load.readPolicy(PATTERN, 'policy.yml');
    const ref = refMatcher(policy);
    expect(ref.kind).toBe('regex');
    expect(ref.test('refs/tags/v12')).toBe(true);
    expect(ref.test('refs/tags/v12-rc')).toBe(false);
    expect(load.parsePolicy(PATTERN, 'policy.yml').rules).toHaveLength(1);
  });

  it('a pattern RE2 refuses is refused with the reason, once loaded', async () => {
    await expect(load.readPolicy(RULE('^(a)\\1$'), 'policy.yml')).rejects.toThrow(
      /not a valid RE2 regular expression/,
    );
  });
});
