import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanTargets } from '../../src/scan/engine.ts';
import { findTargets } from '../../src/scan/files.ts';

// Every fixture marks the findings it must produce with `# expect: RULE [RULE...]` on the
// reported line; any finding elsewhere, or any marker without a finding, fails the test.
const repo = join(import.meta.dirname, 'fixtures/repo');
const result = scanTargets(findTargets(['.github'], repo), repo);

function expected(rel: string): string[] {
  const out: string[] = [];
  readFileSync(join(repo, rel), 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const m = /# expect: ((?:JIT\d{3}\s*)+)/.exec(line);
      if (m) for (const id of m[1]!.trim().split(/\s+/)) out.push(`${i + 1} ${id}`);
    });
  return out.sort();
}

function actual(rel: string): string[] {
  return result.findings
    .filter((f) => f.file === rel)
    .map((f) => `${f.line} ${f.rule}`)
    .sort();
}

const files = [
  ...readdirSync(join(repo, '.github/workflows')).map((f) => `.github/workflows/${f}`),
  '.github/actions/setup/action.yml',
].filter((f) => !f.endsWith('broken.yml'));

describe('rules against marked fixtures', () => {
  for (const rel of files) {
    it(`${rel}: exactly the marked findings`, () => {
      expect(actual(rel)).toEqual(expected(rel));
    });
  }

  it('reports a file that does not parse, without crashing, and still scans the others', () => {
    const broken = result.findings.filter((f) => f.file === '.github/workflows/broken.yml');
    expect(broken.map((f) => f.rule)).toEqual(['JIT001']);
    expect(broken[0]!.line).toBeGreaterThan(1);
    expect(broken[0]!.message).toMatch(/not valid YAML/);
  });

  it('raises credential findings under risky triggers to critical and says why', () => {
    const inherit = result.findings.filter(
      (f) => f.file === '.github/workflows/handoff.yml' && f.rule === 'JIT106',
    );
    expect(inherit).toHaveLength(2);
    for (const f of inherit) {
      expect(f.severity).toBe('critical');
      expect(f.message).toMatch(/issue_comment/);
    }
  });

  it('keeps normal severities elsewhere', () => {
    const f = result.findings.find(
      (x) => x.file === '.github/workflows/aws.yml' && x.rule === 'JIT101',
    );
    expect(f?.severity).toBe('high');
    expect(f?.cloud).toBe('aws');
    expect(f?.help).toMatch(/role-to-assume/);
  });

  it('points at the exact column of an expression inside a script', () => {
    const f = result.findings.find(
      (x) => x.file === '.github/workflows/aws.yml' && x.rule === 'JIT104',
    )!;
    const line = readFileSync(join(repo, f.file), 'utf8').split('\n')[f.line - 1]!;
    expect(line.slice(f.column - 1, f.endColumn - 1)).toBe('${{ secrets.AWS_ACCESS_KEY_ID }}');
  });

  it('counts suppressed findings and records the posture', () => {
    expect(result.suppressed).toBe(1);
    const oidc = result.files.find((p) => p.file === '.github/workflows/oidc.yml')!;
    expect(oidc.oidcSteps).toBe(4);
    expect(oidc.longestTtlSeconds).toBe(3600);
    const gcp = result.files.find((p) => p.file === '.github/workflows/gcp.yml')!;
    expect(gcp.longestTtlSeconds).toBe(1200);
  });

  it('gives every finding a distinct, stable fingerprint', () => {
    const prints = result.findings.map((f) => f.fingerprint);
    expect(new Set(prints).size).toBe(prints.length);
    const again = scanTargets(findTargets(['.github'], repo), repo);
    expect(again.findings.map((f) => f.fingerprint)).toEqual(prints);
  });
});
