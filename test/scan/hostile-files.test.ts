/**
 * Workflow files a pull request writes (the scan action runs on pull requests), made to keep the
 * scanner running for minutes or walking without end. Each case runs the committed dist/cli.js in
 * a child process killed after BOUND_MS, a bound for a hang, not for speed: the scanner reads each
 * of these (a few kB to ~480 kB) in a second or two; before its bounds, from 40 s to forever.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeBinary, REPO_ROOT } from '../harness/node.ts';

const BOUND_MS = 20_000;
const cli = join(REPO_ROOT, 'dist/cli.js');

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-files-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function scan(cwd: string, ...args: string[]) {
  const started = performance.now();
  const r = spawnSync(nodeBinary(), [cli, 'scan', '--fail-on', 'none', '-f', 'json', ...args], {
    cwd,
    encoding: 'utf8',
    timeout: BOUND_MS,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
    env: { PATH: process.env['PATH'] },
  });
  return { ...r, ms: Math.round(performance.now() - started) };
}

const T = { timeout: BOUND_MS + 10_000 };
const HEAD = 'on: push\njobs:\n  j:\n    runs-on: ubuntu-latest\n';

describe('the scanner is bounded on hostile workflow files', () => {
  it('merge-key bomb: a 1.5 kB file (64,000 merged env entries per step, 20 steps)', T, () => {
    const l = ['on: push', 'm0: &m0 {X: "1"}'];
    for (let i = 1; i <= 3; i++)
      l.push(`m${i}: &m${i} {<<: [${Array.from({ length: 40 }, () => `*m${i - 1}`).join(', ')}]}`);
    l.push('jobs:', '  j:', '    runs-on: ubuntu-latest', '    steps:');
    for (let s = 0; s < 20; s++) l.push('      - run: echo', '        env: {<<: *m3}');
    const text = l.join('\n') + '\n';
    expect(text.length).toBeLessThan(2000);
    const r = scan(repo({ '.github/workflows/bomb.yml': text }));
    expect(r.signal, `killed after ${r.ms} ms`).toBeNull();
    expect(r.status).toBe(0);
  });

  it(
    '8,000 aliases of one anchor (~120 kB): each resolved without walking the whole document',
    T,
    () => {
      const l = [HEAD + '    steps:'];
      for (let i = 0; i < 8000; i++) l.push('      - run: *a');
      const text = `x: &a "echo hi"\n${l.join('\n')}\n`;
      const r = scan(repo({ '.github/workflows/aliases.yml': text }));
      expect(r.signal, `killed after ${r.ms} ms`).toBeNull();
    },
  );

  it('one run: line of 80,000 `a=1;` (320 kB), read in linear time', T, () => {
    const text = `${HEAD}    steps:\n      - run: |\n          ${'a=1;'.repeat(80_000)}\n`;
    const r = scan(repo({ '.github/workflows/line.yml': text }));
    expect(r.signal, `killed after ${r.ms} ms`).toBeNull();
  });

  it('one run: line of 40,000 `$env:x = 1 ;` (480 kB), read in linear time', T, () => {
    const text = `${HEAD}    steps:\n      - run: |\n          ${'$env:x = 1 ;'.repeat(40_000)}\n`;
    const r = scan(repo({ '.github/workflows/line.yml': text }));
    expect(r.signal, `killed after ${r.ms} ms`).toBeNull();
  });

  it('two symlinks to their own directory: not followed (it was 2^30 directories)', T, () => {
    const dir = repo({ '.github/workflows/ci.yml': `${HEAD}    steps:\n      - run: echo\n` });
    symlinkSync('.', join(dir, '.github/l1'));
    symlinkSync('.', join(dir, '.github/l2'));
    const r = scan(dir);
    expect(r.signal, `killed after ${r.ms} ms`).toBeNull();
  });

  it('one symlink to its own directory: the workflow is counted once', T, () => {
    const dir = repo({ '.github/workflows/ci.yml': `${HEAD}    steps:\n      - run: echo\n` });
    symlinkSync('.', join(dir, '.github/loop'));
    const r = scan(dir);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.stdout).summary.files).toBe(1);
  });
});
