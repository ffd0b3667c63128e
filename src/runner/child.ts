import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import type { Writable } from 'node:stream';

/**
 * The command waits on fd 3 until its process group is on record (`onStart`), then becomes the
 * shell (exec: same pid, same group). A command that killed this process at once would otherwise
 * outrun the record, and the post step would not know which group to end. Should this process
 * die before opening the gate, the pipe closes unread and the command never starts.
 */
const GATE = 'read -r _ <&3 || exit 125; exec 3<&-; exec "$@"';

export interface CommandResult {
  /** Exit code, or 128 + signal number when the command was killed by a signal. */
  exitCode: number;
  signal?: NodeJS.Signals;
}

export interface CommandOptions {
  script: string;
  shell: string;
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** Called with the command's process group id as soon as it exists (before it can run far). */
  onStart?: (processGroup: number) => void;
}

/** The same invocations the runner uses for `run:` steps, so a script behaves as it would there. */
export const SHELLS: Record<string, (script: string) => [string, string[]]> = {
  bash: (s) => ['bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', s]],
  sh: (s) => ['sh', ['-e', '-c', s]],
};

/**
 * Runs the step's command in its own process group with its own environment. Output is
 * inherited, not piped, so it streams live and the runner's masker (already told every secret)
 * sees it. SIGINT and SIGTERM from a cancelled job are forwarded to the whole group, so the
 * command can stop and the grant still be closed within the runner's 7.5 s grace. The group is
 * its own so that, should this process die, the post step can end whatever the command left.
 */
export function runCommand(options: CommandOptions): Promise<CommandResult> {
  const make = SHELLS[options.shell];
  if (!make) throw new Error(`unknown shell ${options.shell}`);
  const [file, args] = make(options.script);
  return new Promise((resolve, reject) => {
    // node:child_process only in a step that runs a command (post and revoke never do).
    const { spawn } = process.getBuiltinModule('node:child_process');
    const child = spawn('/bin/sh', ['-c', GATE, 'jit-credentials', file, ...args], {
      env: options.env,
      cwd: options.cwd,
      stdio: ['inherit', 'inherit', 'inherit', 'pipe'],
      detached: true,
    });
    const gate = child.stdio[3] as Writable | null;
    gate?.on('error', () => undefined);
    try {
      if (child.pid !== undefined) options.onStart?.(child.pid);
    } catch (err) {
      // Not on record, so not started: the gate closes unread and the shell exits 125.
      gate?.destroy();
      reject(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    // Only now, with the group on record, may the command begin.
    gate?.end('go\n');
    const forward = (signal: NodeJS.Signals) => signalGroup(child.pid, signal);
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const s of signals) process.on(s, forward);
    const done = () => {
      for (const s of signals) process.off(s, forward);
    };
    child.on('error', (err) => {
      done();
      reject(err);
    });
    child.on('exit', (code, signal) => {
      done();
      // Whatever the command started in its group and left behind ends with it.
      signalGroup(child.pid, 'SIGKILL');
      if (signal) {
        resolve({ exitCode: 128 + (constants.signals[signal] ?? 0), signal });
      } else {
        resolve({ exitCode: code ?? 1 });
      }
    });
  });
}

/** Signals a process group; one that is already gone is not an error. */
export function signalGroup(pgid: number | undefined, signal: NodeJS.Signals): boolean {
  if (pgid === undefined || pgid <= 1) return false;
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Put in the command's environment only, with a fresh random value per command (128 bits, hex):
 * whatever still carries it once the command ended was started by the command.
 */
export const COMMAND_MARKER = 'JIT_CREDENTIALS_COMMAND';
export const MARKER_VALUE = /^[0-9a-f]{32}$/;

/** Bounds on one look for the command's processes: passes, processes per pass, bytes per environment. */
const MAX_PASSES = 10;
const MAX_PROCESSES = 100_000;
const MAX_ENVIRON_BYTES = 1 << 20;

/** What marks a process as the command's: any one of these in its environment. */
export interface CommandMarks {
  /** The command's COMMAND_MARKER value. */
  readonly marker: string;
  /** The grant's secret values (post has none: it never holds them). */
  readonly secrets: readonly string[];
  /** The command's process group: already killed, its members are ending, not escaped. */
  readonly processGroup: number | undefined;
}

/**
 * Kills every process of this user, other than this one, whose environment carries the
 * command's marker or one of the grant's secrets: what the command started outside its process
 * group (`setsid`, bash job control) and so outlived the group's kill. Looks again until a pass
 * finds nothing new, since such a process may fork while it is looked for. A process that
 * re-executed itself with a scrubbed environment is not found. Linux only (/proc); elsewhere it
 * finds nothing. Returns how many processes were killed.
 */
export function killMarkedProcesses(marks: CommandMarks): number {
  const uid = process.getuid?.();
  if (uid === undefined) return 0;
  const needles = [
    `${COMMAND_MARKER}=${marks.marker}`,
    ...marks.secrets.filter((s) => s.length >= 8),
  ].map((s) => Buffer.from(s));
  const buffer = Buffer.allocUnsafe(MAX_ENVIRON_BYTES);
  const killed = new Set<number>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let found = 0;
    for (const pid of sameUserPids(uid)) {
      if (killed.has(pid) || !outsideGroup(pid, marks.processGroup)) continue;
      const environ = readEnviron(pid, buffer);
      if (!environ || !needles.some((n) => environ.includes(n))) continue;
      try {
        process.kill(pid, 'SIGKILL');
        killed.add(pid);
        found++;
      } catch {
        // Gone meanwhile.
      }
    }
    if (found === 0) break;
  }
  return killed.size;
}

function sameUserPids(uid: number): number[] {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const name of names) {
    if (pids.length >= MAX_PROCESSES) break;
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    if (pid === process.pid) continue;
    try {
      if (statSync(`/proc/${name}`).uid === uid) pids.push(pid);
    } catch {
      // Ended meanwhile.
    }
  }
  return pids;
}

/** A live process not in `group` (/proc/<pid>/stat: state is field 3, process group field 5). */
function outsideGroup(pid: number, group: number | undefined): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return false;
  }
  const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return state !== 'Z' && state !== 'X' && Number(pgrp) !== group;
}

/** Up to MAX_ENVIRON_BYTES of a process's environment; undefined when it cannot be read. */
function readEnviron(pid: number, buffer: Buffer): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(`/proc/${pid}/environ`, 'r');
  } catch {
    return undefined;
  }
  try {
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) {
      n = readSync(fd, buffer, length, buffer.length - length, null);
    }
    return buffer.subarray(0, length);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
