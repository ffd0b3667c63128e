import {
  closeSync,
  constants as fs,
  fstatSync,
  lstatSync,
  chmodSync,
  mkdirSync,
  openSync,
  readSync,
  writeSync,
} from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { ConfigurationError } from '../errors.js';

/** The action's own directory under RUNNER_TEMP: ledger, grant directories, caches. */
export const PRIVATE_DIR = 'jit-credentials';

/** The one RUNNER_TEMP rule: set by the runner, absolute. */
export function runnerTemp(env: NodeJS.ProcessEnv): string {
  const temp = env['RUNNER_TEMP'];
  if (!temp || !isAbsolute(temp)) {
    throw new ConfigurationError(
      `RUNNER_TEMP is ${temp ? `'${temp}', not an absolute path` : 'not set'}: run this action on a GitHub Actions runner.`,
    );
  }
  return temp;
}

/**
 * RUNNER_TEMP/jit-credentials, created 0700; an existing one must be a real directory of ours
 * (any step of the job could have put a symlink or an open directory there first).
 */
export function privateDir(temp: string): string {
  const dir = join(temp, PRIVATE_DIR);
  secureDir(dir);
  return dir;
}

/** Creates `dir` 0700 without following a symlink, or checks and tightens the one that is there. */
export function secureDir(dir: string): void {
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const st = lstatSync(dir);
  if (st.isSymbolicLink() || !st.isDirectory()) {
    throw new Error(
      `${dir} is ${st.isSymbolicLink() ? 'a symbolic link' : 'not a directory'}: another step of this job put it there, ` +
        'so nothing is written into it. Find the step that created it; the job may be compromised.',
    );
  }
  if (process.getuid && st.uid !== process.getuid()) {
    throw new Error(
      `${dir} belongs to user ${st.uid}, not to this job's user: nothing is written into it.`,
    );
  }
  if ((st.mode & 0o777) !== 0o700) chmodSync(dir, 0o700);
}

/** Appends one line without following a symlink; a torn last line is ended first so it cannot swallow this one. */
export function appendLine(path: string, line: string): void {
  const fd = openSync(path, fs.O_WRONLY | fs.O_APPEND | fs.O_CREAT | fs.O_NOFOLLOW, 0o600);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new Error(`${path} is not a regular file`);
    let prefix = '';
    if (st.size > 0) {
      const last = Buffer.alloc(1);
      const rfd = openSync(path, fs.O_RDONLY | fs.O_NOFOLLOW);
      try {
        readSync(rfd, last, 0, 1, st.size - 1);
      } finally {
        closeSync(rfd);
      }
      if (last[0] !== 0x0a) prefix = '\n';
    }
    writeSync(fd, prefix + line + '\n');
  } finally {
    closeSync(fd);
  }
}

/** Reads at most `max` bytes of a regular file, never through a symlink; undefined when absent. */
export function readCapped(
  path: string,
  max: number,
): { text: string; truncated: boolean } | undefined {
  let fd: number;
  try {
    fd = openSync(path, fs.O_RDONLY | fs.O_NOFOLLOW);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    if (!fstatSync(fd).isFile()) throw new Error(`${path} is not a regular file`);
    const buf = Buffer.alloc(max + 1);
    let n = 0;
    for (let r = 1; r > 0 && n < buf.length; n += r) r = readSync(fd, buf, n, buf.length - n, n);
    return { text: buf.subarray(0, Math.min(n, max)).toString('utf8'), truncated: n > max };
  } finally {
    closeSync(fd);
  }
}

/** Writes a new 0600 file; an existing file or a symlink in its place is refused. */
export function writePrivateFile(path: string, content: string): void {
  const fd = openSync(path, fs.O_WRONLY | fs.O_CREAT | fs.O_EXCL | fs.O_NOFOLLOW, 0o600);
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
}
