import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';

// What a `run:` command left running outside its process group. Apart from child.ts: the post
// step loads it only when its main step died while the command ran.

/**
 * Put in the command's environment only, with a fresh random value per command (128 bits, hex):
 * whatever still carries it once the command ended was started by the command.
 */
export const COMMAND_MARKER = 'JIT_CREDENTIALS_COMMAND';
export const MARKER_VALUE = /^[0-9a-f]{32}$/;

/** Bounds on one look: time, processes per pass, bytes per environment (the kernel's own limit is lower). */
const MAX_LOOK_MS = 3_000;
const MAX_PROCESSES = 100_000;
const MAX_ENVIRON_BYTES = 16 << 20;
const CHUNK = 1 << 20;

/** What marks a process as the command's: any one of these in its environment. */
export interface CommandMarks {
  /** The command's COMMAND_MARKER value. */
  readonly marker: string;
  /** The grant's secret values (post has none: it never holds them). */
  readonly secrets: readonly string[];
  /** The command's process group: already killed, its members are ending, not escaped. */
  readonly processGroup: number | undefined;
  /**
   * When the command started (/proc/<pid>/stat starttime, clock ticks since boot): a process of
   * this user started since then whose environment cannot be read (non-dumpable, as ssh-agent
   * makes itself) may be the command's and cannot be told apart: it is reported, not trusted.
   */
  readonly since?: number;
}

export interface LookResult {
  /** Processes killed (each found with the marker or a secret). */
  readonly killed: number;
  /**
   * Why the look could not show that nothing of the command is left (empty when it could):
   * processes it could not read, /proc that could not be listed, or processes still coming and
   * going when its time ran out (a process that keeps changing its pid).
   */
  readonly unverified: readonly string[];
}

interface Stat {
  readonly state: string;
  readonly pgrp: number;
  readonly session: number;
  readonly starttime: number;
}

/**
 * Kills every process of this user, other than this one, whose environment carries the
 * command's marker or one of the grant's secrets, with its process group and session (a kill
 * of a group is atomic: a member forking meanwhile cannot escape it). Newest processes are read
 * first, and the look goes on until a pass in which nothing was killed and no process ended or
 * became a zombie (a process that forks and lets its parent exit is always already gone when its
 * listed pid is reached); if that never comes within MAX_LOOK_MS, or a process started since the
 * command cannot be read, it says so instead of reporting a clean end. Linux only (/proc).
 */
export function lookForCommandProcesses(marks: CommandMarks): LookResult {
  const uid = process.getuid?.();
  if (uid === undefined) return { killed: 0, unverified: [] };
  const needles = [
    `${COMMAND_MARKER}=${marks.marker}`,
    ...marks.secrets.filter((s) => s.length >= 8),
  ].map((s) => Buffer.from(s));
  const overlap = Math.max(...needles.map((n) => n.length));
  const buffer = Buffer.allocUnsafe(CHUNK + overlap);
  const own = ownGroupAndSession();
  const killed = new Set<number>();
  const unreadable = new Set<number>();
  let lastZombies = new Set<number>();
  const deadline = Date.now() + MAX_LOOK_MS;
  // Only what may be the command's counts against a clean end: a process started since it began,
  // in no session older than it (an earlier step's daemon and the workers it starts are not).
  const mayBeCommands = (s: Stat): boolean =>
    marks.since === undefined ||
    (s.starttime >= marks.since && !olderSession(s.session, marks.since));
  for (;;) {
    const pids = sameUserPids(uid);
    if (pids === undefined)
      return { killed: killed.size, unverified: ['/proc could not be listed'] };
    pids.sort((a, b) => b - a);
    let found = 0;
    let churn = false;
    const zombies = new Set<number>();
    for (const pid of pids) {
      const stat = readStat(pid);
      if (!stat) {
        churn = true;
        continue;
      }
      if (stat.state === 'Z' || stat.state === 'X') {
        zombies.add(pid);
        if (!lastZombies.has(pid) && !killed.has(pid) && mayBeCommands(stat)) churn = true;
        continue;
      }
      if (stat.pgrp === marks.processGroup || killed.has(pid)) continue;
      const marked = environHolds(pid, needles, overlap, buffer);
      if (marked === undefined) {
        if (marks.since !== undefined && mayBeCommands(stat)) unreadable.add(pid);
        continue;
      }
      if (!marked) continue;
      // The process first, so that it is counted: once its group is killed it may be gone (reaped)
      // before a kill of its own could be sent.
      try {
        process.kill(pid, 'SIGKILL');
        killed.add(pid);
        found++;
      } catch {
        churn = true;
      }
      // Then its group and session, which hold only processes the command started (a group or
      // session is inherited by fork, and joined only from within the same session): a member
      // forking meanwhile goes too.
      for (const g of [stat.pgrp, stat.session]) {
        if (g > 1 && g !== own.pgrp && g !== own.session && g !== marks.processGroup)
          signalGroupOf(g);
      }
    }
    lastZombies = zombies;
    if (found === 0 && !churn) break;
    if (Date.now() > deadline) {
      return {
        killed: killed.size,
        unverified: [
          ...unreadableNote(unreadable),
          `processes of this user were still starting and ending after ${MAX_LOOK_MS / 1000} s of looking (a process that keeps changing its pid)`,
        ],
      };
    }
  }
  return { killed: killed.size, unverified: unreadableNote(unreadable) };
}

function unreadableNote(pids: Set<number>): string[] {
  const alive = [...pids].filter((p) => readStat(p)?.state?.match(/^[^ZX]$/));
  return alive.length
    ? [
        `${alive.length} process(es) started since the command whose environment cannot be read (pid ${alive.join(', ')}), ` +
          'as an agent that made itself non-dumpable: end it before the command ends (`ssh-agent -k`, `gpgconf --kill gpg-agent`)',
      ]
    : [];
}

/** Whether a session's leader is alive and started before `since`: then it is not the command's. */
function olderSession(session: number, since: number): boolean {
  const leader = readStat(session);
  return leader !== undefined && leader.state !== 'Z' && leader.starttime < since;
}

function signalGroupOf(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // No such group (a session id that is no group's): its members are killed one by one.
  }
}

function ownGroupAndSession(): { pgrp: number; session: number } {
  const s = readStat(process.pid);
  return { pgrp: s?.pgrp ?? -1, session: s?.session ?? -1 };
}

/** The start time of a process, in clock ticks since boot (/proc/<pid>/stat field 22). */
export function startTimeOf(pid: number): number | undefined {
  return readStat(pid)?.starttime;
}

function sameUserPids(uid: number): number[] | undefined {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return undefined;
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

/** /proc/<pid>/stat after the command name: state is field 3, pgrp 5, session 6, starttime 22. */
function readStat(pid: number): Stat | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return undefined;
  }
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state: f[0]!, pgrp: Number(f[2]), session: Number(f[3]), starttime: Number(f[19]) };
}

/**
 * Whether a process's whole environment (read in chunks, up to MAX_ENVIRON_BYTES) holds a
 * needle; undefined when it cannot be read.
 */
function environHolds(
  pid: number,
  needles: readonly Buffer[],
  overlap: number,
  buffer: Buffer,
): boolean | undefined {
  let fd: number;
  try {
    fd = openSync(`/proc/${pid}/environ`, 'r');
  } catch {
    return undefined;
  }
  try {
    let kept = 0;
    let total = 0;
    for (;;) {
      const n = readSync(fd, buffer, kept, CHUNK, null);
      if (n <= 0) return false;
      const view = buffer.subarray(0, kept + n);
      if (needles.some((x) => view.includes(x))) return true;
      total += n;
      if (total >= MAX_ENVIRON_BYTES) return true;
      kept = Math.min(overlap, view.length);
      view.copy(buffer, 0, view.length - kept);
    }
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
