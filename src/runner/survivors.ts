import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';

// What a `run:` command left running outside its process group. Apart from child.ts: the post
// step loads it only when its main step died while the command ran.

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
