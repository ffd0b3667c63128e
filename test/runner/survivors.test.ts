/**
 * What a `run:` command leaves running with its marker or credential is killed, or the step says
 * it could not be verified: never a clean end with the credential still held. Each case starts a
 * process the old look missed: one that keeps changing its pid, one with more than 1 MiB of
 * environment before the marker, and one that made itself non-dumpable (ssh-agent). Bounded: every
 * process here ends by itself within 20 s, and each test has 30 s.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runIsolated } from '../../src/runner/command.ts';
import { FakeRunner } from '../fakes/runner.ts';

const dirs: string[] = [];
const leftovers: number[] = [];
afterEach(() => {
  for (const pid of leftovers.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone.
    }
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** /proc/<pid>/stat after the name: state (field 3) and session (field 6). */
function stat(pid: number): { state: string; session: number } | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { state: f[0]!, session: Number(f[3]) };
  } catch {
    return undefined;
  }
}
const alive = (pid: number) => !['Z', 'X', undefined].includes(stat(pid)?.state);
const liveInSession = (session: number) =>
  readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .map(Number)
    .filter((pid) => stat(pid)?.session === session && alive(pid));

function grantDir(): { root: string; dir: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'jit-survivors-'));
  dirs.push(root);
  const dir = path.join(root, 'grant');
  mkdirSync(dir, { mode: 0o700 });
  return { root, dir };
}

const run = (script: string, root: string, dir: string, secret: string) =>
  runIsolated(
    {
      script,
      shell: 'bash',
      cwd: root,
      baseEnv: { PATH: process.env['PATH'] },
      grantEnv: { S: secret },
      unset: [],
      dir,
      secrets: [secret],
    },
    new FakeRunner(),
  );

// Decoys that make each pass of the look slow (a scrubbed environment of ~1 MiB each, which the
// look reads whole): they carry no marker and no credential, and end by themselves.
const DECOYS =
  'pad=$(head -c 120000 /dev/zero | tr "\\0" x)\n' +
  'for i in $(seq 40); do setsid env -i P0="$pad" P1="$pad" P2="$pad" P3="$pad" P4="$pad" P5="$pad" P6="$pad" P7="$pad" sleep 5 </dev/null >/dev/null 2>&1 & done\n';

describe.runIf(existsSync('/proc/self/environ'))('what the command leaves running', () => {
  it(
    'a process that keeps changing its pid (fork, then the parent exits) is killed with its session',
    { timeout: 30_000 },
    async () => {
      const { root, dir } = grantDir();
      const started = path.join(root, 'started');
      const secret = `${randomBytes(30).toString('base64')}/k+Ey=x`;
      // Its own session (setsid): each copy forks the next and exits, 150 times, then sleeps.
      const hopper =
        `setsid bash -c 'st=$0 n=0; h() { n=$((n+1)); if [ $n -ge 150 ]; then exec sleep 20; fi; ` +
        `[ $n = 3 ] && echo $$ > "$st"; h & exit 0; }; h' "${started}" </dev/null >/dev/null 2>&1 &\n` +
        `until [ -s "${started}" ]; do sleep 0.005; done`;
      const result = await run(DECOYS + hopper, root, dir, secret);
      expect(result.exitCode).toBe(0);
      // Some copy of it is alive at every moment until its session is killed.
      const session = Number(readFileSync(started, 'utf8'));
      const left = liveInSession(session);
      leftovers.push(...left);
      expect({ left, dropped: result.dropped }).toEqual({ left: [], dropped: [] });
    },
  );

  it(
    'a process with more than 1 MiB of environment before its marker and credential is killed',
    { timeout: 30_000 },
    async () => {
      const { root, dir } = grantDir();
      const ready = path.join(root, 'ready');
      const secret = `${randomBytes(30).toString('base64')}/k+Ey=x`;
      const pads = Array.from({ length: 9 }, (_, i) => `P${i}="$pad"`).join(' ');
      const script = [
        'pad=$(head -c 126000 /dev/zero | tr "\\0" x)',
        // env execs sleep with the variables in this order (a shell would reorder them).
        `setsid env -i ${pads} JIT_CREDENTIALS_COMMAND="$JIT_CREDENTIALS_COMMAND" S="$S" sleep 20 </dev/null >/dev/null 2>&1 &`,
        `echo $! > "${ready}"`,
        `until grep -q "^sleep" /proc/$!/comm 2>/dev/null; do sleep 0.01; done`,
      ].join('\n');
      const result = await run(script, root, dir, secret);
      const pid = Number(readFileSync(ready, 'utf8'));
      leftovers.push(pid);
      expect({
        exitCode: result.exitCode,
        killed: result.killedOutsideGroup,
        alive: alive(pid),
      }).toEqual({
        exitCode: 0,
        killed: 1,
        alive: false,
      });
    },
  );

  const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
  const asRoot = process.getuid?.() === 0;
  // The job's user cannot read a non-dumpable process's environment; root can, so the look runs
  // as another user (GitHub-hosted runners run steps as a user of their own).
  it.runIf(has('ssh-agent') && (!asRoot || has('setpriv')))(
    'ssh-agent started by the command (non-dumpable, its own session) is killed or said, never passed over',
    { timeout: 30_000 },
    () => {
      // Not under the suite's private temp root, which the other user cannot enter.
      const home = mkdtempSync('/tmp/jit-survivors-home-');
      dirs.push(home);
      chmodSync(home, 0o777);
      const pidFile = path.join(home, 'agent.pid');
      const secret = randomBytes(24).toString('base64');
      const driver = path.join(import.meta.dirname, 'fixtures/survivor-look-driver.mts');
      const script = `eval "$(ssh-agent -s)" >/dev/null; echo "$SSH_AGENT_PID" > "${pidFile}"`;
      const args = [process.execPath, driver, script, secret];
      const options = {
        env: { PATH: process.env['PATH'], HOME: home },
        timeout: 20_000,
        encoding: 'utf8' as const,
      };
      const r = asRoot
        ? spawnSync(
            'setpriv',
            ['--reuid=65534', '--regid=65534', '--clear-groups', ...args],
            options,
          )
        : spawnSync(args[0]!, args.slice(1), options);
      expect(r.status, r.stderr).toBe(0);
      const { exitCode, killed, unverified } = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
        exitCode: number;
        killed: number;
        unverified: string[];
      };
      const agent = Number(readFileSync(pidFile, 'utf8'));
      leftovers.push(agent);
      expect(exitCode).toBe(0);
      expect(alive(agent) && killed === 0 && unverified.length === 0).toBe(false);
      // Said, it says what to change.
      if (killed === 0) expect(unverified.join('\n')).toContain('`ssh-agent -k`');
    },
  );
});
