/**
 * The one rule for what the actions keep under RUNNER_TEMP. Every step of the job runs as the
 * same user and can write there, so nothing found there is taken on trust: our directory must be
 * a real directory of ours, private (0700), and files are opened without following symlinks.
 * What an earlier step planted (a symlink into the workspace, a world-writable directory, a
 * FIFO) is refused or tightened before anything secret is written.
 */
import {
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { ConfigurationError } from '../errors.js';

/** RUNNER_TEMP/jit-credentials: the ledger, the grants' directories, the caches. */
export const PRIVATE_DIR = 'jit-credentials';

const { O_APPEND, O_CREAT, O_EXCL, O_RDONLY, O_WRONLY } = constants;
// Absent on Windows; there the lstat checks alone apply.
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const O_DIRECTORY = constants.O_DIRECTORY ?? 0;
// A FIFO would block open() until someone reads or writes its other end.
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;

/** Something in RUNNER_TEMP is not what this action made: a sign that another step tampered with it. */
export class UnsafePathError extends Error {
  override name = 'UnsafePathError';
}

function refuse(path: string, what: string): never {
  throw new UnsafePathError(
    `Refusing to use ${path}: ${what}. jit-credentials creates it itself, private to the job's user, ` +
      'so something else in this job (an earlier step, or a process it left running) put this there. ' +
      'The job may be compromised: nothing was written there. Find the step that touched RUNNER_TEMP; ' +
      'on a self-hosted runner, check that RUNNER_TEMP is not shared between jobs or users.',
  );
}

/** The job's RUNNER_TEMP, or the one error every entry point gives when it is unusable. */
export function runnerTempOf(value: string | undefined): string {
  if (!value || !isAbsolute(value)) {
    throw new ConfigurationError(
      `RUNNER_TEMP is ${value ? `'${value}', not an absolute path` : 'not set'}: ` +
        'run this action on a GitHub Actions runner, which sets it to the job’s own temporary directory.',
    );
  }
  return value;
}

/** RUNNER_TEMP/jit-credentials, created 0700 or checked and tightened. */
export function privateDir(runnerTemp: string | undefined): string {
  return ensurePrivateDir(join(runnerTempOf(runnerTemp), PRIVATE_DIR));
}

/** A directory inside a private one (a grant's, a tool's config dir), held to the same rule. */
export function privateSubdir(parent: string, name: string): string {
  if (name === '' || name === '.' || name === '..' || name !== basename(name)) {
    throw new Error(`Invalid private directory name '${name}': one path component expected.`);
  }
  return ensurePrivateDir(join(parent, name));
}

const uid = (): number | undefined => process.getuid?.();

function checkOwner(path: string, st: Stats): void {
  const me = uid();
  if (me !== undefined && st.uid !== me) refuse(path, `it belongs to uid ${st.uid}, not ${me}`);
}

function ensurePrivateDir(path: string): string {
  try {
    // mkdir never follows a symlink in the last component: a planted one gives EEXIST.
    mkdirSync(path, { mode: 0o700 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const st = lstatSync(path);
  if (st.isSymbolicLink()) refuse(path, 'it is a symbolic link');
  if (!st.isDirectory()) refuse(path, 'it is not a directory');
  checkOwner(path, st);
  if (uid() !== undefined && (st.mode & 0o777) !== 0o700) {
    // Through a descriptor that cannot be a symlink, and the same directory lstat saw.
    const fd = openSync(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
    try {
      const now = fstatSync(fd);
      if (now.ino !== st.ino || now.dev !== st.dev) refuse(path, 'it was replaced while checked');
      fchmodSync(fd, 0o700);
    } finally {
      closeSync(fd);
    }
  }
  return path;
}

/** Opens a file for writing without following a symlink; refuses anything but our own regular file. */
function openOwnFile(path: string, flags: number): number {
  let fd: number;
  try {
    fd = openSync(path, flags | O_NOFOLLOW | O_NONBLOCK, 0o600);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') refuse(path, 'it is a symbolic link');
    if (code === 'ENXIO') refuse(path, 'it is a FIFO, not a file');
    if (code === 'EEXIST') refuse(path, 'it already exists');
    throw err;
  }
  try {
    checkOwnFile(path, fstatSync(fd));
    return fd;
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

function checkOwnFile(path: string, st: Stats): void {
  if (!st.isFile()) refuse(path, 'it is not a regular file');
  checkOwner(path, st);
  // A hard link would put our lines into another file as well.
  if (st.nlink > 1) refuse(path, `it has ${st.nlink} hard links`);
}

function writeAll(fd: number, data: Buffer): void {
  for (let off = 0; off < data.length;) off += writeSync(fd, data, off, data.length - off);
}

/**
 * Appends one line to a job file (the ledger) that other steps can also write. A last line left
 * without its newline (a writer killed mid-line) is ended first, so that it cannot swallow ours.
 */
export function appendLine(path: string, line: string): void {
  if (line.includes('\n')) throw new Error('appendLine: the line holds a newline');
  const fd = openOwnFile(path, O_APPEND | O_CREAT | O_WRONLY);
  try {
    const st = fstatSync(fd);
    if (uid() !== undefined && (st.mode & 0o777) !== 0o600) fchmodSync(fd, 0o600);
    let prefix = '';
    if (st.size > 0) {
      const last = Buffer.alloc(1);
      // O_APPEND descriptors cannot read: look at the last byte through a second one.
      const rfd = openSync(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
      try {
        readSync(rfd, last, 0, 1, st.size - 1);
      } finally {
        closeSync(rfd);
      }
      if (last[0] !== 0x0a) prefix = '\n';
    }
    writeAll(fd, Buffer.from(`${prefix}${line}\n`, 'utf8'));
  } finally {
    closeSync(fd);
  }
}

export interface CappedRead {
  readonly text: string;
  /** True when the file held more than the cap: `text` is only its beginning. */
  readonly truncated: boolean;
  readonly size: number;
}

/** Reads at most `maxBytes` of a regular file, never through a symlink; undefined when absent. */
export function readCapped(path: string, maxBytes: number): CappedRead | undefined {
  let fd: number;
  try {
    fd = openSync(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP') refuse(path, 'it is a symbolic link');
    throw err;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) refuse(path, 'it is not a regular file');
    checkOwner(path, st);
    const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let got = 0;
    // One byte past the cap tells a file that grew since fstat from one that fits.
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
    }
    const truncated = got > maxBytes;
    return {
      text: buf.subarray(0, Math.min(got, maxBytes)).toString('utf8'),
      truncated,
      size: Math.max(st.size, got),
    };
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a credential file that must not exist yet, 0600, into a directory this action made
 * private (privateDir / privateSubdir): never through a symlink, never into someone's file.
 */
export function writePrivateFile(path: string, content: string | Uint8Array): void {
  const dir = dirname(path);
  const st = lstatSync(dir);
  if (st.isSymbolicLink()) refuse(dir, 'it is a symbolic link');
  if (!st.isDirectory()) refuse(dir, 'it is not a directory');
  checkOwner(dir, st);
  if (uid() !== undefined && (st.mode & 0o077) !== 0) {
    refuse(dir, `it is open to others (mode ${(st.mode & 0o777).toString(8)})`);
  }
  const fd = openOwnFile(path, O_CREAT | O_EXCL | O_WRONLY);
  try {
    writeAll(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content));
  } finally {
    closeSync(fd);
  }
}
