import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanCli } from '../../src/cli/scan.ts';

const repo = join(import.meta.dirname, 'fixtures/repo');

async function cli(args: string[], cwd = repo) {
  let stdout = '';
  let stderr = '';
  const code = await scanCli(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd,
  });
  return { code, stdout, stderr };
}

function cleanRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'scan-cli-'));
  mkdirSync(join(dir, '.github/workflows'), { recursive: true });
  writeFileSync(
    join(dir, '.github/workflows/ci.yml'),
    'on: push\npermissions:\n  id-token: write\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: arn:aws:iam::1:role/r\n          aws-region: us-east-1\n',
  );
  return dir;
}

describe('jit-credentials scan', () => {
  it('exits 1 on findings at the default threshold (high)', async () => {
    const r = await cli(['.github/workflows/aws.yml', '.github/workflows/azure.yml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\.github\/workflows\/aws\.yml:6:3: high JIT103/);
    expect(r.stdout).toMatch(/^2 files checked: /m);
  });

  it('scans .github by default; a file that cannot be parsed is not checked: exit 2, said plainly', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/\.github\/workflows\/aws\.yml:6:3: high JIT103/);
    expect(r.stdout).toMatch(/^\d+ files checked, 1 could not be checked: /m);
    expect(r.stderr).toMatch(
      /^error: \.github\/workflows\/broken\.yml was not checked: The file is not valid YAML/m,
    );
    // The broken file fails even a threshold no finding reaches; only `none` lets it pass.
    const critical = await cli(['--fail-on', 'critical', '.github/workflows/broken.yml']);
    expect(critical.code).toBe(2);
    expect((await cli(['--fail-on', 'none', '.github/workflows/broken.yml'])).code).toBe(0);
  });

  it('exits 0 on a clean repository, and says so', async () => {
    const r = await cli([], cleanRepo());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^1 file checked: 0 findings .*files on OIDC: 1\.\n$/);
  });

  it('finds workflow files in a folder not named workflows; refuses a folder with none (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-loose-'));
    mkdirSync(join(dir, 'collected'));
    writeFileSync(
      join(dir, 'collected/deploy.yml'),
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n    steps:\n      - run: aws s3 ls\n',
    );
    writeFileSync(join(dir, 'collected/compose.yml'), 'services:\n  db:\n    image: postgres\n');
    const r = await cli(['collected'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^collected\/deploy\.yml:6:7: high JIT103/m);
    expect(r.stdout).toMatch(/^1 file checked: 1 finding /m);
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'empty/compose.yml'), 'services: {}\n');
    const none = await cli(['empty'], dir);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/No workflow or action files in 'empty': nothing was checked/);
  });

  it('--fail-on none never fails; --fail-on critical only on critical findings', async () => {
    expect((await cli(['--fail-on', 'none'])).code).toBe(0);
    expect((await cli(['--fail-on', 'critical', '.github/workflows/gcp.yml'])).code).toBe(0);
    expect((await cli(['--fail-on', 'critical', '.github/workflows/aws.yml'])).code).toBe(0);
    expect((await cli(['--fail-on', 'critical', '.github/workflows/handoff.yml'])).code).toBe(1);
    expect((await cli(['--fail-on', 'low', '.github/workflows/wide.yml'])).code).toBe(1);
  });

  it('writes each format, to a file with -o', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-out-'));
    for (const format of ['json', 'sarif', 'github', 'markdown']) {
      const out = join(dir, `r.${format}`);
      const r = await cli(['-f', format, '-o', out, '--fail-on', 'none']);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/files checked, 1 could not be checked/);
      const text = readFileSync(out, 'utf8');
      if (format === 'json' || format === 'sarif') expect(() => JSON.parse(text)).not.toThrow();
      if (format === 'github') expect(text).toMatch(/^::(error|warning|notice) file=\.github\//m);
    }
  });

  it('refuses bad options with exit 2 and a message that says what is allowed', async () => {
    const bad = await cli(['--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /Invalid --format 'xml'. Expected one of: text, json, sarif, github, markdown/,
    );
    const unknown = await cli(['--nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Usage: jit-credentials scan/);
    const missing = await cli(['does-not-exist']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Path 'does-not-exist' does not exist/);
    expect((await cli(['--fail-on', 'severe'])).stderr).toMatch(
      /Expected one of: none, low, medium, high, critical/,
    );
  });

  it('reads suppressions from a config file, and refuses one without a reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-cfg-'));
    const good = join(dir, 'good.yml');
    writeFileSync(
      good,
      'ignore:\n  - rule: static-key-env\n    path: .github/workflows/aws.yml\n    line: 6\n    reason: rotated daily by the vault\n',
    );
    const r = await cli(['-c', good, '-f', 'json', '.github/workflows/aws.yml']);
    const json = JSON.parse(r.stdout);
    expect(json.findings.some((f: { line: number }) => f.line === 6)).toBe(false);
    expect(json.summary.suppressed).toBe(1);
    const bad = join(dir, 'bad.yml');
    writeFileSync(bad, 'ignore:\n  - rule: JIT103\n');
    const refused = await cli(['-c', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/has no reason/);
    writeFileSync(bad, 'ignore:\n  - rule: JIT999\n    reason: x\n');
    expect((await cli(['-c', bad])).stderr).toMatch(/'JIT999', which is not a rule/);
  });

  it('--help prints the usage', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--fail-on LEVEL/);
  });
});
