/**
 * Symbolic links in the checkout (git stores them; actions/checkout makes them) and `..` in a
 * local `uses:`: the scan action runs on pull requests, so `.github/` may point anywhere on the
 * runner. Nothing outside the checkout is read, walked or written. The child processes are killed
 * after 20 s: a bound for a hang, not for speed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixCli } from '../../src/cli/fix.ts';
import { runScanAction } from '../../src/entry/scan.ts';
import { FakeRunner } from '../fakes/runner.ts';
import { nodeBinary, REPO_ROOT } from '../harness/node.ts';

const KEYED = `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
          aws-region: us-east-1
`;

function layout() {
  const root = mkdtempSync(join(tmpdir(), 'scan-links-'));
  const workspace = join(root, 'workspace');
  const outside = join(root, 'outside');
  mkdirSync(join(workspace, '.github/workflows'), { recursive: true });
  mkdirSync(join(outside, '.github/workflows'), { recursive: true });
  // Not part of the checkout: another repository of the runner, or any file of it.
  writeFileSync(join(outside, '.github/workflows/prod.yml'), KEYED);
  writeFileSync(join(workspace, '.github/workflows/ci.yml'), 'on: push\njobs: {}\n');
  return { root, workspace, outside };
}

/** The scan action in process, as a pull request's check runs it. */
function scanAction(workspace: string) {
  return new FakeRunner(
    { 'fail-on': 'none' },
    { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'scan-temp-')) },
  );
}

/** The bundled CLI on the checkout, killed after 20 s: a bound for a hang, not for speed. */
function scanInChild(workspace: string) {
  return spawnSync(
    nodeBinary(),
    [join(REPO_ROOT, 'dist/cli.js'), 'scan', '--fail-on', 'none', '-f', 'json'],
    { cwd: workspace, encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL' },
  );
}

describe('symbolic links in the scanned checkout', () => {
  it('a workflow file that links out of the workspace is not read', async () => {
    const { workspace, outside } = layout();
    symlinkSync(
      join(outside, '.github/workflows/prod.yml'),
      join(workspace, '.github/workflows/linked.yml'),
    );
    const r = scanAction(workspace);
    await runScanAction(r);
    expect(Number(r.outputs['findings'])).toBe(0);
  });

  it('a directory link to / is not walked (it was the whole runner, and /proc loops)', () => {
    const { workspace } = layout();
    symlinkSync('/', join(workspace, '.github/root'));
    const started = performance.now();
    const r = scanInChild(workspace);
    expect(r.signal, `killed after ${Math.round(performance.now() - started)} ms`).toBeNull();
  }, 30_000);

  it('a workflow linked to /dev/urandom is not read (it was read without a size bound)', () => {
    const { workspace } = layout();
    symlinkSync('/dev/urandom', join(workspace, '.github/workflows/random.yml'));
    const r = scanInChild(workspace);
    expect(r.signal).toBeNull();
  }, 30_000);

  it('fix writes through no workflow link to a file outside the repository', async () => {
    const { workspace, outside } = layout();
    const target = join(outside, '.github/workflows/prod.yml');
    symlinkSync(target, join(workspace, '.github/workflows/linked.yml'));
    let out = '';
    await fixCli([], {
      stdout: (s) => (out += s),
      stderr: (s) => (out += s),
      cwd: workspace,
    });
    // The other repository's workflow must be left alone.
    expect(readFileSync(target, 'utf8'), out).toBe(KEYED);
  });
});

describe('`uses: ./..` names a file outside the repository (no symbolic link needed)', () => {
  it('a reusable workflow path with .. is not read from outside the checkout', async () => {
    const { workspace } = layout();
    writeFileSync(
      join(workspace, '.github/workflows/ci.yml'),
      'on: push\njobs:\n  a:\n    uses: ./../outside/.github/workflows/prod.yml\n    secrets: inherit\n',
    );
    const r = scanAction(workspace);
    await runScanAction(r);
    // Had the callee outside been read, JIT106 would say "which uses long-lived cloud keys".
    const annotation = r.log.lines.find((l) => l.message.startsWith('::'))!.message;
    expect(annotation).not.toMatch(/which uses long-lived cloud keys/);
  });

  it('`uses: ./../../../../../../../../dev/urandom` with secrets: inherit reads nothing', () => {
    const { workspace } = layout();
    writeFileSync(
      join(workspace, '.github/workflows/ci.yml'),
      'on: push\njobs:\n  a:\n    uses: ./../../../../../../../../../../dev/urandom\n    secrets: inherit\n',
    );
    const r = scanInChild(workspace);
    expect(r.signal).toBeNull();
  }, 30_000);
});
