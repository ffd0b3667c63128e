import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors.ts';
import {
  appendLine,
  PRIVATE_DIR,
  privateDir,
  privateSubdir,
  readCapped,
  UnsafePathError,
  writePrivateFile,
} from '../../src/runner/temp.ts';

const made: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'runner-temp-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const mode = (path: string) => lstatSync(path).mode & 0o777;
const isRoot = process.getuid?.() === 0;
/** A uid that is not ours: chown needs root, as a same-user attacker could not do it either. */
const OTHER_UID = 65534;
const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

function refusal(fn: () => unknown): UnsafePathError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UnsafePathError);
    return err as UnsafePathError;
  }
  throw new Error('expected a refusal, got none');
}

describe('RUNNER_TEMP itself', () => {
  it.each([
    [undefined, /RUNNER_TEMP is not set: run this action on a GitHub Actions runner/],
    ['', /RUNNER_TEMP is not set/],
    ['relative/tmp', /RUNNER_TEMP is 'relative\/tmp', not an absolute path: run this action/],
  ])('%j is one ConfigurationError', (value, message) => {
    expect(() => privateDir(value)).toThrow(ConfigurationError);
    expect(() => privateDir(value)).toThrow(message);
  });
});

describe('privateDir', () => {
  it('creates RUNNER_TEMP/jit-credentials private to the user', () => {
    const root = temp();
    const dir = privateDir(root);
    expect(dir).toBe(join(root, PRIVATE_DIR));
    expect(mode(dir)).toBe(0o700);
    expect(privateDir(root)).toBe(dir);
  });

  it('refuses a symlink planted in its place, and writes nothing where it points', () => {
    const root = temp();
    const workspace = temp();
    chmodSync(workspace, 0o755);
    symlinkSync(workspace, join(root, PRIVATE_DIR));
    const err = refusal(() => privateDir(root));
    expect(err.message).toContain(
      `Refusing to use ${join(root, PRIVATE_DIR)}: it is a symbolic link`,
    );
    expect(err.message).toContain('The job may be compromised');
    expect(mode(workspace)).toBe(0o755);
    expect(existsSync(join(workspace, 'ledger.jsonl'))).toBe(false);
  });

  it('refuses a symlink to a directory that would otherwise pass every check', () => {
    const root = temp();
    const decoy = join(temp(), 'decoy');
    mkdirSync(decoy, { mode: 0o700 });
    symlinkSync(decoy, join(root, PRIVATE_DIR));
    expect(refusal(() => privateDir(root)).message).toContain('symbolic link');
  });

  it('refuses a file in its place', () => {
    const root = temp();
    writeFileSync(join(root, PRIVATE_DIR), 'x');
    expect(refusal(() => privateDir(root)).message).toContain('it is not a directory');
  });

  it('tightens a world-writable directory to 0700', () => {
    const root = temp();
    mkdirSync(join(root, PRIVATE_DIR));
    chmodSync(join(root, PRIVATE_DIR), 0o777);
    expect(privateDir(root)).toBe(join(root, PRIVATE_DIR));
    expect(mode(join(root, PRIVATE_DIR))).toBe(0o700);
  });

  it.skipIf(!isRoot)('refuses a directory owned by another user', () => {
    const root = temp();
    mkdirSync(join(root, PRIVATE_DIR), { mode: 0o700 });
    chownSync(join(root, PRIVATE_DIR), OTHER_UID, OTHER_UID);
    expect(refusal(() => privateDir(root)).message).toContain(
      `it belongs to uid ${OTHER_UID}, not ${process.getuid!()}`,
    );
  });
});

describe('privateSubdir', () => {
  it('creates a grant directory 0700 and refuses one planted as a symlink', () => {
    const parent = privateDir(temp());
    expect(mode(privateSubdir(parent, 'aws-1'))).toBe(0o700);
    symlinkSync(temp(), join(parent, 'aws-2'));
    expect(refusal(() => privateSubdir(parent, 'aws-2')).message).toContain('symbolic link');
  });

  it.each(['', '.', '..', 'a/b', '../x'])('refuses the name %j', (name) => {
    expect(() => privateSubdir(temp(), name)).toThrow(/one path component/);
  });
});

describe('appendLine', () => {
  it('creates the file 0600 and appends whole lines', () => {
    const file = join(privateDir(temp()), 'ledger.jsonl');
    appendLine(file, '{"a":1}');
    appendLine(file, '{"a":2}');
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}\n{"a":2}\n');
    expect(mode(file)).toBe(0o600);
  });

  it('ends a torn last line first, so that it cannot swallow the next one', () => {
    const file = join(privateDir(temp()), 'ledger.jsonl');
    writeFileSync(file, '{"a":1}\n{"grant":"g2","pha', { mode: 0o600 });
    appendLine(file, '{"a":3}');
    expect(readFileSync(file, 'utf8').split('\n')).toEqual([
      '{"a":1}',
      '{"grant":"g2","pha',
      '{"a":3}',
      '',
    ]);
  });

  it('refuses a symlink in place of the file, and the target is untouched', () => {
    const dir = privateDir(temp());
    const target = join(temp(), 'elsewhere.jsonl');
    writeFileSync(target, 'before\n');
    symlinkSync(target, join(dir, 'ledger.jsonl'));
    expect(refusal(() => appendLine(join(dir, 'ledger.jsonl'), 'x')).message).toContain(
      'symbolic link',
    );
    expect(readFileSync(target, 'utf8')).toBe('before\n');
  });

  it('refuses a FIFO without blocking on it', () => {
    const file = join(privateDir(temp()), 'ledger.jsonl');
    mkfifo(file);
    expect(refusal(() => appendLine(file, 'x')).message).toContain('FIFO');
  });

  it('refuses a hard link to another file', () => {
    const dir = privateDir(temp());
    const other = join(dir, 'other');
    writeFileSync(other, '', { mode: 0o600 });
    linkSync(other, join(dir, 'ledger.jsonl'));
    expect(refusal(() => appendLine(join(dir, 'ledger.jsonl'), 'x')).message).toContain(
      '2 hard links',
    );
    expect(readFileSync(other, 'utf8')).toBe('');
  });

  it('tightens a file left readable by others', () => {
    const file = join(privateDir(temp()), 'ledger.jsonl');
    writeFileSync(file, '', { mode: 0o666 });
    chmodSync(file, 0o666);
    appendLine(file, 'x');
    expect(mode(file)).toBe(0o600);
  });

  it.skipIf(!isRoot)('refuses a file owned by another user', () => {
    const file = join(privateDir(temp()), 'ledger.jsonl');
    writeFileSync(file, '', { mode: 0o600 });
    chownSync(file, OTHER_UID, OTHER_UID);
    expect(refusal(() => appendLine(file, 'x')).message).toContain(`uid ${OTHER_UID}`);
  });

  it('takes one line only', () => {
    expect(() => appendLine(join(temp(), 'f'), 'a\nb')).toThrow(/newline/);
  });
});

describe('readCapped', () => {
  it('reads a file whole, and says so when it holds more than the cap', () => {
    const file = join(temp(), 'f');
    writeFileSync(file, 'abcdef');
    expect(readCapped(file, 100)).toEqual({ text: 'abcdef', truncated: false, size: 6 });
    expect(readCapped(file, 6)).toEqual({ text: 'abcdef', truncated: false, size: 6 });
    expect(readCapped(file, 4)).toEqual({ text: 'abcd', truncated: true, size: 6 });
  });

  it('returns undefined for a file that does not exist', () => {
    expect(readCapped(join(temp(), 'absent'), 10)).toBeUndefined();
  });

  it('refuses a symlink and a FIFO', () => {
    const dir = temp();
    writeFileSync(join(dir, 'real'), 'secret');
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    expect(refusal(() => readCapped(join(dir, 'link'), 10)).message).toContain('symbolic link');
    mkfifo(join(dir, 'fifo'));
    expect(refusal(() => readCapped(join(dir, 'fifo'), 10)).message).toContain(
      'not a regular file',
    );
  });
});

describe('writePrivateFile', () => {
  it('writes a new file 0600 inside a private directory', () => {
    const dir = privateSubdir(privateDir(temp()), 'g1');
    writePrivateFile(join(dir, 'credentials'), 'k=v\n');
    expect(readFileSync(join(dir, 'credentials'), 'utf8')).toBe('k=v\n');
    expect(mode(join(dir, 'credentials'))).toBe(0o600);
  });

  it('refuses a file that already exists, or a symlink in its place', () => {
    const dir = privateSubdir(privateDir(temp()), 'g1');
    writeFileSync(join(dir, 'credentials'), 'planted', { mode: 0o600 });
    expect(refusal(() => writePrivateFile(join(dir, 'credentials'), 'k')).message).toContain(
      'already exists',
    );
    const target = join(temp(), 'target');
    symlinkSync(target, join(dir, 'config'));
    refusal(() => writePrivateFile(join(dir, 'config'), 'k'));
    expect(existsSync(target)).toBe(false);
  });

  it('refuses a directory that is not private, or a symlinked one', () => {
    const open = join(temp(), 'open');
    mkdirSync(open, { mode: 0o755 });
    chmodSync(open, 0o755);
    expect(refusal(() => writePrivateFile(join(open, 'f'), 'k')).message).toContain(
      'open to others (mode 755)',
    );
    const parent = privateDir(temp());
    const workspace = temp();
    chmodSync(workspace, 0o700);
    symlinkSync(workspace, join(parent, 'g2'));
    refusal(() => writePrivateFile(join(parent, 'g2', 'credentials'), 'k'));
    expect(existsSync(join(workspace, 'credentials'))).toBe(false);
  });
});
