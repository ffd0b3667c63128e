import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTargets } from '../../src/scan/files.ts';

// The built bundle, run as the runner runs it: catches ESM/CJS bundling mistakes that tests of
// the TypeScript sources cannot. Skipped until `npm run build` has produced dist/.
const root = join(import.meta.dirname, '../..');
const repo = join(import.meta.dirname, 'fixtures/repo');
const built = existsSync(join(root, 'dist/scan.js')) && existsSync(join(root, 'dist/cli.js'));

describe.skipIf(!built)('scan bundle', () => {
  it('dist/scan.js annotates, writes outputs, SARIF and summary, and fails at the threshold', () => {
    const temp = mkdtempSync(join(tmpdir(), 'scan-bundle-'));
    const files = {
      GITHUB_OUTPUT: join(temp, 'output'),
      GITHUB_STEP_SUMMARY: join(temp, 'summary'),
    };
    for (const f of Object.values(files)) writeFileSync(f, '');
    const r = spawnSync(process.execPath, [join(root, 'dist/scan.js')], {
      cwd: repo,
      encoding: 'utf8',
      env: {
        PATH: process.env['PATH'],
        GITHUB_WORKSPACE: repo,
        RUNNER_TEMP: temp,
        ...files,
        INPUT_PATH: '.github/workflows/aws.yml',
        'INPUT_FAIL-ON': 'high',
      },
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /^::error file=\.github\/workflows\/aws\.yml,line=6,endLine=6,col=3,/m,
    );
    expect(r.stdout).toMatch(/^::error::\d+ findings at or above 'high'/m);
    const output = readFileSync(files.GITHUB_OUTPUT, 'utf8');
    expect(output).toMatch(/sarif-file<<.*\n.*jit-credentials\.sarif\n/);
    expect(
      JSON.parse(readFileSync(join(temp, 'jit-credentials.sarif'), 'utf8')).runs[0].results.length,
    ).toBeGreaterThan(5);
    expect(readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')).toMatch(
      /\| long-lived key uses \| AWS \d+/,
    );
  });

  it('dist/cli.js fix --diff prints the OIDC rewrite and writes nothing', () => {
    const fixtures = join(import.meta.dirname, 'fixtures/fix');
    const before = readFileSync(join(fixtures, 'aws-keys.yml'), 'utf8');
    const r = spawnSync(
      process.execPath,
      [join(root, 'dist/cli.js'), 'fix', '--diff', 'aws-keys.yml'],
      {
        cwd: fixtures,
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^\+ {10}role-to-assume: arn:aws:iam::<ACCOUNT_ID>:role\/<ROLE_NAME>/m,
    );
    expect(readFileSync(join(fixtures, 'aws-keys.yml'), 'utf8')).toBe(before);
  });

  it('dist/cli.js scan runs the same engine from a terminal', () => {
    const r = spawnSync(
      process.execPath,
      [join(root, 'dist/cli.js'), 'scan', '-f', 'json', '--fail-on', 'none'],
      { cwd: repo, encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    const files = findTargets(['.github'], repo).length;
    expect(JSON.parse(r.stdout).summary.files).toBe(files);
    expect(JSON.parse(r.stdout).summary.notChecked).toBe(1);
  });
});
