/**
 * The step's own file-command files while its `run:` command runs. The command is given private
 * copies, but the real paths are one read of `/proc/$PPID/environ` (or a listing of
 * `RUNNER_TEMP/_runner_file_commands`) away; whatever it writes there directly would reach later
 * steps without passing the check for credentials. So each file is recorded just before the
 * command may start and, once nothing of the command is left running, put back as it was.
 * Nothing in this process writes to them in between: the state that records the process group
 * is saved before the record is taken.
 */
import {
  closeSync,
  constants as fs,
  fstatSync,
  ftruncateSync,
  lstatSync,
  openSync,
  readSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { errorMessage } from '../errors.js';

export const STEP_FILES = [
  'GITHUB_ENV',
  'GITHUB_OUTPUT',
  'GITHUB_PATH',
  'GITHUB_STEP_SUMMARY',
  'GITHUB_STATE',
] as const;
export type StepFile = (typeof STEP_FILES)[number];

/** The files hold only what this step wrote so far; a larger one is checked by size alone. */
const MAX_KEPT_BYTES = 1 << 20;
// A FIFO planted at the path would block open() until someone opened its other end.
const READ = fs.O_RDONLY | fs.O_NOFOLLOW | fs.O_NONBLOCK;

interface Recorded {
  readonly dev: number;
  readonly ino: number;
  readonly mode: number;
  readonly size: number;
  /** The contents, unless over MAX_KEPT_BYTES. */
  readonly content: Buffer | undefined;
}

export interface StepFileRecord {
  readonly name: StepFile;
  readonly path: string;
  /** Undefined when there was no file. */
  readonly before: Recorded | undefined;
}

export interface TakenBack {
  /** Files the command wrote to (created, appended to, overwrote, replaced or removed). */
  readonly written: StepFile[];
  /** Files that could not be put back, and why. */
  readonly problems: string[];
}

/** Records each file-command file named in the step's environment. */
export function recordStepFiles(env: NodeJS.ProcessEnv): StepFileRecord[] {
  const records: StepFileRecord[] = [];
  for (const name of STEP_FILES) {
    const path = env[name];
    if (!path) continue;
    const before = readRegular(path);
    // Something that is not a regular file of its own (a link, a FIFO) is not the runner's: leave it.
    if (before === 'other') continue;
    records.push({ name, path, before });
  }
  return records;
}

/** Puts back each recorded file the command wrote to, and says which they were. */
export function takeBackStepWrites(records: readonly StepFileRecord[]): TakenBack {
  const written: StepFile[] = [];
  const problems: string[] = [];
  for (const r of records) {
    const now = readRegular(r.path, r.before?.size);
    if (unchanged(r.before, now)) continue;
    written.push(r.name);
    try {
      putBack(r, now);
    } catch (err) {
      problems.push(`${r.name} (${r.path}) could not be put back as it was: ${errorMessage(err)}`);
    }
  }
  return { written, problems };
}

function unchanged(before: Recorded | undefined, now: Recorded | 'other' | undefined): boolean {
  if (before === undefined || now === undefined || now === 'other') return before === now;
  return (
    now.dev === before.dev &&
    now.ino === before.ino &&
    now.size === before.size &&
    (before.content === undefined || now.content?.equals(before.content) === true)
  );
}

function putBack(r: StepFileRecord, now: Recorded | 'other' | undefined): void {
  const { before } = r;
  if (before === undefined) {
    // The command created it: there was none.
    unlinkSync(r.path);
    return;
  }
  if (now !== undefined && now !== 'other' && now.dev === before.dev && now.ino === before.ino) {
    rewrite(r.path, before, fs.O_WRONLY | fs.O_NOFOLLOW | fs.O_NONBLOCK);
    return;
  }
  // Replaced or removed: a link is removed itself, never followed, and the file made anew.
  if (now !== undefined) unlinkSync(r.path);
  rewrite(r.path, before, fs.O_WRONLY | fs.O_NOFOLLOW | fs.O_CREAT | fs.O_EXCL);
}

function rewrite(path: string, before: Recorded, flags: number): void {
  if (before.content === undefined) {
    throw new Error(`its ${before.size} bytes were more than this action keeps`);
  }
  const fd = openSync(path, flags, before.mode);
  try {
    if (!fstatSync(fd).isFile()) throw new Error('it is not a regular file');
    writeSync(fd, before.content, 0, before.content.length, 0);
    ftruncateSync(fd, before.size);
  } finally {
    closeSync(fd);
  }
}

/**
 * A regular file's identity, size and (up to `limit` bytes) contents; undefined when there is
 * none, 'other' when the path is a link or not a regular file.
 */
function readRegular(path: string, limit = MAX_KEPT_BYTES): Recorded | 'other' | undefined {
  let fd: number;
  try {
    fd = openSync(path, READ);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    // ELOOP is a symbolic link; anything else that cannot be opened is not the runner's file.
    return lstatSync(path, { throwIfNoEntry: false }) ? 'other' : undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return 'other';
    const size = st.size;
    let content: Buffer | undefined;
    if (size <= Math.min(limit, MAX_KEPT_BYTES)) {
      content = Buffer.alloc(size);
      let off = 0;
      for (let n = 1; off < size && n > 0; off += n)
        n = readSync(fd, content, off, size - off, off);
      content = content.subarray(0, off);
    }
    return { dev: st.dev, ino: st.ino, mode: st.mode & 0o7777, size, content };
  } finally {
    closeSync(fd);
  }
}
