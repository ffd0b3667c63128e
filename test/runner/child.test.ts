import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/runner/child.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function scratch(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'jit-child-'));
  dirs.push(d);
  return d;
}
function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}
const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin' };

describe('runCommand', () => {
  it("puts the process group on record before the command's first instruction", async () => {
    const dir = scratch();
    const recorded = path.join(dir, 'recorded');
    let group: number | undefined;
    const result = await runCommand({
      // Exits 3 when the record is not there yet: a command that killed the step at once would
      // otherwise outrun it, and the post step could not end what it left behind.
      script: `test -f "${recorded}" || exit 3; test "$(ps -o pgid= -p $$ | tr -d ' ')" = "$(cat "${recorded}")"`,
      shell: 'bash',
      env,
      onStart: (g) => {
        group = g;
        writeFileSync(recorded, String(g));
      },
    });
    expect(result).toEqual({ exitCode: 0 });
    expect(group).toBeGreaterThan(1);
  });

  it('never starts the command when the record cannot be written', async () => {
    const dir = scratch();
    const ran = path.join(dir, 'ran');
    let group = 0;
    await expect(
      runCommand({
        script: `touch "${ran}"`,
        shell: 'sh',
        env,
        onStart: (g) => {
          group = g;
          throw new Error('state not writable');
        },
      }),
    ).rejects.toThrow('state not writable');
    // Waited for as a condition (bounded by the test's timeout): the group is gone, then nothing ran.
    while (groupAlive(group)) await new Promise((r) => setImmediate(r));
    expect(existsSync(ran)).toBe(false);
  });

  it('runs the shell the runner would, with its exit code and arguments intact', async () => {
    const result = await runCommand({
      script: '[[ -o pipefail ]] && false | true; exit 7',
      shell: 'bash',
      env,
    });
    expect(result.exitCode).toBe(1);
    expect((await runCommand({ script: 'exit 7', shell: 'sh', env })).exitCode).toBe(7);
  });
});
