/**
 * RE2 is loaded only for a policy that has `^...$` patterns (src/policy/matcher.ts): each test
 * takes fresh copies of the policy modules, so that no other test's loading counts. The same
 * copies show what warming the reader on the checkout's copy (warmPolicyReader) compiled.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PolicySourceSettings } from '../../src/policy/source.ts';

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
let source: typeof import('../../src/policy/source.ts');
beforeEach(async () => {
  vi.resetModules();
  load = await import('../../src/policy/load.ts');
  matcher = await import('../../src/policy/matcher.ts');
  source = await import('../../src/policy/source.ts');
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

describe("warming the reader on the checkout's copy", () => {
  const FILE = '.github/jit-policy.yml';
  let workspace: string;
  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'jit-warm-'));
    mkdirSync(join(workspace, '.github'));
    return () => rmSync(workspace, { recursive: true, force: true });
  });
  const settings = { mode: 'default-branch', path: FILE } as PolicySourceSettings;
  const warm = () => source.warmPolicyReader({ ...settings, workspace });
  const stillCold = () =>
    expect(() => load.parsePolicy(PATTERN, 'policy.yml')).toThrow(matcher.PatternEngineNeeded);

  it('parses the copy: one with a pattern leaves RE2 loaded for the policy that decides', async () => {
    writeFileSync(join(workspace, FILE), PATTERN);
    await warm();
    expect(load.parsePolicy(PATTERN, 'policy.yml').rules).toHaveLength(1);
  });

  it('never fails, whatever the checkout holds', async () => {
    await expect(warm()).resolves.toBeUndefined(); // no copy
    mkdirSync(join(workspace, FILE)); // not a regular file
    await expect(warm()).resolves.toBeUndefined();
    rmSync(join(workspace, FILE), { recursive: true });
    writeFileSync(join(workspace, FILE), 'version: 1\nrules: [\n'); // not YAML
    await expect(warm()).resolves.toBeUndefined();
    writeFileSync(join(workspace, FILE), `# ${'x'.repeat(300 * 1024)}\n${PATTERN}`); // too large
    await expect(warm()).resolves.toBeUndefined();
    stillCold();
  });
});
