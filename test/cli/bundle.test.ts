import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeBinary, REPO_ROOT } from '../harness/node.ts';
import { VERSION } from '../../src/version.ts';

const cli = join(REPO_ROOT, 'dist/cli.js');
const run = (node: string, ...args: string[]) =>
  spawnSync(node, [cli, ...args], { encoding: 'utf8', env: { PATH: process.env['PATH'] } });

/** An older Node than the runner's, when the machine has one (Debian's, or a system install). */
const oldNode = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => {
  if (!existsSync(p)) return false;
  const v = spawnSync(p, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
  return Number(v.split('.')[0]) < 24;
});

describe('dist/cli.js', () => {
  it('prints its version', () => {
    const r = run(nodeBinary(), '--version');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${VERSION}\n`);
  });

  it('suggests the nearest command for a typo, exit 2', () => {
    const r = run(nodeBinary(), 'scna');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Unknown command 'scna'. Did you mean 'scan'?");
  });

  it.skipIf(!oldNode)('on a Node older than 24 says so in one line, exit 2, no stack trace', () => {
    const r = run(oldNode!, '--help');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^jit-credentials needs Node 24 or later .*; this is Node \d+\./);
    expect(r.stderr).not.toMatch(/SyntaxError|at .*:\d+:\d+/);
  });
});

describe('dist/cli.js exit codes', () => {
  it('an unknown option names the nearest one, exit 2', () => {
    const r = run(nodeBinary(), 'scan', '--formt', 'sarif');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Unknown option '--formt'. Did you mean '--format'?");
  });

  it('policy check of a file that does not exist: exit 2, as the help says', () => {
    const r = run(nodeBinary(), 'policy', 'check', 'nope.yml');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Policy file 'nope.yml' does not exist.");
  });
});
