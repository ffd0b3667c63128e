/**
 * The `run:` command's containment, in process with real bash and the fake runner: what it writes
 * to its own file commands is filtered, what it writes to the step's real ones is taken back, and
 * nothing of it that carries its marker or the credential is left running.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runIsolated, type IsolatedCommand } from '../../src/runner/command.ts';
import { FakeRunner } from '../fakes/runner.ts';

const dirs: string[] = [];
const leftovers: number[] = [];
afterEach(() => {
  for (const pid of leftovers.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone, as it should be */
    }
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function scratch(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'jit-command-'));
  dirs.push(d);
  return d;
}

/** A fresh secret per test, as the cloud would issue: base64-ish, with '/', '+' and '='. */
function newSecret(): string {
  return `${randomBytes(30).toString('base64')}/k+Ey=x`;
}

interface Run {
  readonly script: string;
  readonly secret?: string;
  readonly baseEnv?: NodeJS.ProcessEnv;
  readonly onStart?: IsolatedCommand['onStart'];
}

async function run(options: Run) {
  const root = scratch();
  const dir = path.join(root, 'grant');
  mkdirSync(dir, { mode: 0o700 });
  const secret = options.secret ?? newSecret();
  const runner = new FakeRunner();
  const result = await runIsolated(
    {
      script: options.script,
      shell: 'bash',
      cwd: root,
      baseEnv: { PATH: process.env['PATH'], ...options.baseEnv },
      grantEnv: { S: secret },
      unset: [],
      dir,
      secrets: [secret],
      onStart: options.onStart,
    },
    runner,
  );
  const log = runner.log.text();
  return { result, runner, secret, root, log };
}

/** Never prints the secret itself: a failing expectation would put it in the test's output. */
function holds(text: string, secret: string): boolean {
  return text.includes(secret);
}

describe('A. an entry whose name holds the secret', () => {
  it('is dropped, and its name appears in neither `dropped` nor any message', async () => {
    const { result, runner, secret, log } = await run({
      script: 'echo "${S}=1" >> "$GITHUB_ENV"; echo "/opt/${S}" >> "$GITHUB_PATH"',
    });
    expect(runner.exported).toEqual({});
    expect(runner.paths).toEqual([]);
    expect(result.dropped).toEqual([
      'GITHUB_ENV:(an entry whose name holds it)',
      'GITHUB_PATH:(an entry whose name holds it)',
    ]);
    expect(holds(JSON.stringify(result), secret)).toBe(false);
    expect(holds(log, secret)).toBe(false);
    expect(log).toContain(
      'error: The command wrote an issued credential to GITHUB_ENV in the name of an entry; that line was not passed on.',
    );
  });

  it('a malformed line that holds it is not quoted in the error', async () => {
    const { runner, secret, log } = await run({
      script: 'printf "%s\\n" "$S" | od -An -tx1 | tr -d " \\n" >> "$GITHUB_ENV"',
    });
    expect(runner.exported).toEqual({});
    expect(holds(log, Buffer.from(secret).toString('hex'))).toBe(false);
    expect(log).toContain("error: The command's GITHUB_ENV file could not be read:");
  });

  it('an entry whose value holds it is still named, so the user can find the line', async () => {
    const { result, runner, log } = await run({
      script: 'echo "STOLEN=$S" >> "$GITHUB_ENV"; echo "BUILD=42" >> "$GITHUB_ENV"',
    });
    expect(runner.exported).toEqual({ BUILD: '42' });
    expect(result.dropped).toEqual(['GITHUB_ENV:STOLEN']);
    expect(log).toContain("to GITHUB_ENV as 'STOLEN'; that line was not passed on.");
  });
});

describe('B, C. forms of the secret the filter must still see', () => {
  it('split over the lines of one heredoc value', async () => {
    const { result, runner } = await run({
      script: [
        '{ echo "SPLIT<<EOF"',
        '  printf "%s\\n" "${S:0:20}" "${S:20}"',
        '  echo EOF; } >> "$GITHUB_ENV"',
      ].join('\n'),
    });
    expect(runner.exported).toEqual({});
    expect(result.dropped).toEqual(['GITHUB_ENV:SPLIT']);
  });

  it("split between an entry's name and value", async () => {
    const { result, runner } = await run({ script: 'echo "${S:0:20}=${S:20}" >> "$GITHUB_ENV"' });
    expect(runner.exported).toEqual({});
    expect(result.dropped).toEqual(['GITHUB_ENV:(an entry whose name holds it)']);
  });

  it("split at an '=' of the secret itself", async () => {
    // The first '=' ends the name: name and value, joined with '\n', no longer hold the secret.
    const secret = `${randomBytes(24).toString('base64url')}=${randomBytes(24).toString('base64url')}`;
    const { runner } = await run({ secret, script: 'echo "$S" >> "$GITHUB_OUTPUT"' });
    expect(runner.outputs).toEqual({});
  });

  it('hex-encoded, lower and upper case', async () => {
    const { result, runner } = await run({
      script: [
        'echo "HEX=$(printf %s "$S" | od -An -tx1 | tr -d " \\n")" >> "$GITHUB_ENV"',
        'echo "UPPER=$(printf %s "$S" | od -An -tx1 | tr -d " \\n" | tr a-f A-F)" >> "$GITHUB_OUTPUT"',
      ].join('\n'),
    });
    expect(runner.exported).toEqual({});
    expect(runner.outputs).toEqual({});
    expect(result.dropped).toEqual(['GITHUB_ENV:HEX', 'GITHUB_OUTPUT:UPPER']);
  });
});

/** The step's real file-command files, as the runner creates them, with what the step wrote so far. */
function stepFiles(root: string) {
  const dir = path.join(root, '_runner_file_commands');
  mkdirSync(dir);
  const files = {
    GITHUB_ENV: path.join(dir, 'set_env'),
    GITHUB_OUTPUT: path.join(dir, 'set_output'),
    GITHUB_PATH: path.join(dir, 'add_path'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'step_summary'),
    GITHUB_STATE: path.join(dir, 'save_state'),
  };
  for (const [name, file] of Object.entries(files)) writeFileSync(file, `before ${name}\n`);
  return files;
}

describe("the command's own file-command files", () => {
  it('a FIFO in place of one is refused at once, not waited on', async () => {
    // Only so that a reader that waits (as one did) ends at all: a writer from outside the
    // command's group and marker, 10 s on. Nothing here times anything.
    const writer =
      'env -u JIT_CREDENTIALS_COMMAND -u S setsid timeout 20 sh -c \'sleep 10; echo X=1 > "$0"\' "$f" </dev/null >/dev/null 2>&1 &';
    const { result, runner } = await run({
      script: `f="$GITHUB_ENV"; rm -f "$f"; mkfifo "$f"; ${writer}`,
    });
    expect(result.dropped).toEqual(['GITHUB_ENV:(not a regular file)']);
    expect(runner.exported).toEqual({});
  });
});

describe("D. the step's real file-command files", () => {
  it('what the command appended, overwrote or replaced is taken back, and the step is told', async () => {
    const root = scratch();
    const files = stepFiles(root);
    const { result, log } = await run({
      baseEnv: files,
      script: [
        // The real paths are one read of /proc/$PPID/environ away; here they are simply known.
        `echo "STOLEN=$S" >> "${files.GITHUB_ENV}"`,
        `echo "stolen=$S" >> "${files.GITHUB_OUTPUT}"`,
        `echo "/tmp/$S" >> "${files.GITHUB_PATH}"`,
        `echo "# $S" >> "${files.GITHUB_STEP_SUMMARY}"`,
        // Overwritten in place at the same size: a forged state for the post step.
        `printf 'forged GITHUB_STATE\\n' 1<> "${files.GITHUB_STATE}"`,
      ].join('\n'),
    });
    for (const [name, file] of Object.entries(files)) {
      expect(readFileSync(file, 'utf8'), name).toBe(`before ${name}\n`);
    }
    expect([...result.dropped].sort()).toEqual(
      Object.keys(files)
        .map((f) => `${f}:(written directly to the step's file)`)
        .sort(),
    );
    expect(log).toContain(
      "error: The command wrote to the step's own GITHUB_ENV file directly (not to the $GITHUB_ENV it was given); what it wrote was removed.",
    );
  });

  it('a file replaced by another file or a symbolic link is put back as it was', async () => {
    const root = scratch();
    const files = stepFiles(root);
    const elsewhere = path.join(root, 'elsewhere');
    writeFileSync(elsewhere, 'ELSEWHERE=1\n');
    const { result } = await run({
      baseEnv: files,
      script: [
        `rm "${files.GITHUB_ENV}"; ln -s "${elsewhere}" "${files.GITHUB_ENV}"`,
        `echo "NEW=$S" > "${files.GITHUB_OUTPUT}.new"; mv "${files.GITHUB_OUTPUT}.new" "${files.GITHUB_OUTPUT}"`,
        `rm "${files.GITHUB_PATH}"`,
      ].join('\n'),
    });
    for (const name of ['GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_PATH'] as const) {
      expect(readFileSync(files[name], 'utf8'), name).toBe(`before ${name}\n`);
    }
    expect(readFileSync(elsewhere, 'utf8')).toBe('ELSEWHERE=1\n');
    expect([...result.dropped].sort()).toEqual([
      "GITHUB_ENV:(written directly to the step's file)",
      "GITHUB_OUTPUT:(written directly to the step's file)",
      "GITHUB_PATH:(written directly to the step's file)",
    ]);
  });

  it("the step's own writes before the command starts (its state) and a file the step lacks are not the command's", async () => {
    const root = scratch();
    const files = stepFiles(root);
    rmSync(files.GITHUB_STEP_SUMMARY);
    const { result, runner } = await run({
      baseEnv: files,
      // As the engine saves the process group to the state once it exists.
      onStart: (group) => writeFileSync(files.GITHUB_STATE, `grant=${group}\n`, { flag: 'a' }),
      script: 'echo "BUILD=42" >> "$GITHUB_ENV"',
    });
    expect(result.dropped).toEqual([]);
    expect(runner.exported).toEqual({ BUILD: '42' });
    expect(readFileSync(files.GITHUB_STATE, 'utf8')).toMatch(/^before GITHUB_STATE\ngrant=\d+\n$/);
    expect(existsSync(files.GITHUB_STEP_SUMMARY)).toBe(false);
  });
});

/** Alive and not a zombie: /proc/<pid>/stat field 3. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0] !== 'Z';
  } catch {
    return false;
  }
}

async function gone(pid: number): Promise<void> {
  // The kill is sent before runIsolated returns; the kernel ends the process just after.
  while (alive(pid)) await new Promise((r) => setImmediate(r));
}

describe.runIf(existsSync('/proc/self/environ'))(
  'E. processes the command left outside its group',
  () => {
    /** Starts a survivor and waits (bounded by the test's timeout) until it is running. */
    const survivor = (start: string, ready: string) =>
      `${start} 'echo $$ > "${ready}.tmp"; mv "${ready}.tmp" "${ready}"; while :; do sleep 0.05; done' </dev/null >/dev/null 2>&1 &\n` +
      `until [ -e "${ready}" ]; do sleep 0.01; done`;

    it.each([
      ['setsid', 'setsid bash -c'],
      ['job control (set -m)', 'set -m; bash -c'],
      ['a scrubbed environment that keeps the credential', 'setsid env -i S="$S" bash -c'],
    ])('%s: killed, and the step warned', async (_, start) => {
      const root = scratch();
      const ready = path.join(root, 'ready');
      const { result, log } = await run({ script: survivor(start, ready) });
      const pid = Number(readFileSync(ready, 'utf8'));
      leftovers.push(pid);
      expect(result.exitCode).toBe(0);
      expect(result.killedOutsideGroup).toBeGreaterThanOrEqual(1);
      await gone(pid);
      expect(log).toMatch(
        /warning: The command left \d+ process(es)? outside its process group running \(setsid or job control\); (they were|it was) killed\./,
      );
    });

    it('a command that leaves nothing behind: no warning, nothing else killed', async () => {
      const bystander = path.join(scratch(), 'bystander');
      const { spawn } = await import('node:child_process');
      const other = spawn('sh', ['-c', `touch "${bystander}"; exec sleep 30`], { detached: true });
      leftovers.push(other.pid!);
      while (!existsSync(bystander)) await new Promise((r) => setImmediate(r));
      const { result, log } = await run({ script: 'true' });
      expect(result.killedOutsideGroup).toBe(0);
      expect(log).not.toContain('outside its process group');
      expect(alive(other.pid!)).toBe(true);
    });
  },
);
