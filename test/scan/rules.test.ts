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
  '.github/actions/azure-login/action.yml',
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

  it('keeps an unknown callee unknown: inherit to a callee that only inherits onwards stays medium', () => {
    const chain = result.findings.find(
      (f) => f.file === '.github/workflows/call-chain.yml' && f.rule === 'JIT106',
    )!;
    expect(chain.severity).toBe('medium');
    expect(chain.message).toMatch(/cannot be checked from here/);
    const known = result.findings.find(
      (f) => f.file === '.github/workflows/handoff.yml' && f.rule === 'JIT106' && f.line === 13,
    )!;
    expect(known.message).toMatch(/which uses long-lived cloud keys/);
  });

  it('a key in a pull_request_target workflow is critical wherever it was found', () => {
    const gcp = result.findings.filter((f) => f.file === '.github/workflows/flow-gcp.yml');
    expect(gcp.length).toBeGreaterThan(10);
    for (const f of gcp) {
      expect(f.severity).toBe('critical');
      expect(f.message).toMatch(/pull_request_target/);
    }
  });

  it('says where a followed value was put on its way to the use', () => {
    const via = result.findings.find(
      (f) => f.file === '.github/workflows/flow-azure.yml' && f.line === 20,
    )!;
    expect(via.rule).toBe('JIT103');
    expect(via.message).toBe(
      'The secret API_CLIENT_SECRET is put in env SP_SECRET here, and reaches a use as a long-lived Azure key on line 24.',
    );
    expect(via.cloud).toBe('azure');
  });

  it('writes English: "an AWS key", no escaped newlines in fix texts', () => {
    for (const f of result.findings) {
      expect(f.message).not.toMatch(/\ba (AWS|Azure)\b/);
      expect(f.help).not.toMatch(/\\n/);
    }
    const jit201 = result.findings.find((f) => f.rule === 'JIT201')!;
    expect(jit201.help).toMatch(/^Add `id-token: write` to this job's `permissions:`/);
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
