import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetSecrets } from '../../src/runner/redact.ts';
import { actionsRunner } from '../../src/runner/runner.ts';
import { stdoutSink, writeStdout } from '../../src/runner/workflow-commands.ts';
import { parseKeyValueFile } from '../harness/file-commands.ts';

// The runner module writes the commands itself rather than through @actions/core: every line and
// file it writes is compared here with what @actions/core writes for the same call.

const TRICKY = 'a%b\r\nc:d,e %0A ::warning::x';
const NAMES = ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY'];

// The runner module writes stdout straight to fd 1, @actions/core through process.stdout: while a
// test captures, `capture` stands in for fd 1.
let capture: ((bytes: Uint8Array) => number) | undefined;
const realFd = stdoutSink.writeFd;
beforeEach(() => {
  stdoutSink.viaStream = false;
  stdoutSink.writeFd = (bytes, offset) =>
    capture ? capture(bytes.subarray(offset)) : realFd(bytes, offset);
});
afterEach(() => {
  stdoutSink.writeFd = realFd;
  stdoutSink.viaStream = false;
});

let dir: string;
let saved: NodeJS.ProcessEnv;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'workflow-commands-'));
  saved = { ...process.env };
});
afterEach(() => {
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
  // A masked value is also redacted from what this process writes next: not across tests.
  forgetSecrets();
});

/** What `fn` writes to stdout, through process.stdout or straight to fd 1. */
function stdout(fn: () => void): string {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  capture = (bytes) => {
    out += Buffer.from(bytes).toString('utf8');
    return bytes.length;
  };
  try {
    fn();
  } finally {
    capture = undefined;
    vi.restoreAllMocks();
  }
  return out;
}

/** Fresh, empty file-command files; returns a reader with the random delimiters made equal. */
function files(tag: string): () => Record<string, string> {
  for (const name of NAMES) {
    const path = join(dir, `${tag}-${name}`);
    writeFileSync(path, '');
    process.env[name] = path;
  }
  return () =>
    Object.fromEntries(
      NAMES.map((name) => [
        name,
        readFileSync(join(dir, `${tag}-${name}`), 'utf8').replace(
          /ghadelimiter_[0-9a-f-]{36}/g,
          'ghadelimiter_UUID',
        ),
      ]),
    );
}

describe('workflow commands as @actions/core writes them', () => {
  it('logs, annotations, masks and failure', () => {
    const runner = actionsRunner();
    for (const message of [TRICKY, '', 'plain']) {
      expect(stdout(() => runner.log.debug(message))).toBe(stdout(() => core.debug(message)));
      if (!/[\r\n]/.test(message))
        expect(stdout(() => runner.log.info(message))).toBe(stdout(() => core.info(message)));
      expect(stdout(() => runner.log.warning(message))).toBe(stdout(() => core.warning(message)));
      expect(stdout(() => runner.log.error(message))).toBe(stdout(() => core.error(message)));
      expect(stdout(() => runner.fail(message))).toBe(stdout(() => core.setFailed(message)));
    }
    expect(stdout(() => runner.mask(`secret-${TRICKY}`))).toBe(
      stdout(() => core.setSecret(`secret-${TRICKY}`)),
    );
    expect(stdout(() => runner.mask('abc'))).toBe('');
    // A token masked as it arrives, then again with what issue returned: told to the runner once.
    const once = `once-${TRICKY}`;
    expect(stdout(() => runner.mask(once))).toBe(stdout(() => core.setSecret(once)));
    expect(stdout(() => runner.mask(once))).toBe('');
    process.exitCode = undefined;
  });

  it('an info message is one line: what it quotes cannot start a line the runner would read as a command', () => {
    const runner = actionsRunner();
    const quoted =
      'Throttling\n::add-mask::Closed grant aws-0123456789 (aws): expires.\r##[add-mask]x\r\nok';
    expect(stdout(() => runner.log.info(`IAM attempt 1 failed (${quoted}); retrying`))).toBe(
      'IAM attempt 1 failed (Throttling ::add-mask::Closed grant aws-0123456789 (aws): expires. ##[add-mask]x ok); retrying\n',
    );
  });

  it('file commands: outputs, variables, state, path and summary', async () => {
    const runner = actionsRunner();
    const ours = files('ours');
    runner.setOutput('out-1', TRICKY);
    runner.exportVariable('VAR_1', TRICKY);
    runner.saveState('state 1', TRICKY);
    runner.passOnVariable('VAR_2', TRICKY);
    runner.passOnPath('/opt/tool/bin');
    await runner.appendSummary(`# ${TRICKY}`);
    const ourPath = process.env['PATH'];
    const ourVar = process.env['VAR_1'];
    const passedOn = process.env['VAR_2'];

    process.env = { ...saved };
    const theirs = files('core');
    core.setOutput('out-1', TRICKY);
    core.exportVariable('VAR_1', TRICKY);
    core.saveState('state 1', TRICKY);
    core.exportVariable('VAR_2', TRICKY);
    core.addPath('/opt/tool/bin');
    await core.summary.addRaw(`# ${TRICKY}`, true).write();
    core.summary.emptyBuffer();

    expect(ours()).toEqual(theirs());
    expect(ours()['GITHUB_OUTPUT']).toContain('out-1<<ghadelimiter_UUID\n');
    expect(ourVar).toBe(TRICKY);
    // What a run: command wrote is for later steps: this process's environment stays as it was.
    expect(passedOn).toBeUndefined();
    expect(ourPath).toBe(saved['PATH']);
    expect(process.env['PATH']).not.toBe(saved['PATH']);
  });

  it("empties a variable, output or state with the runner's one-line form, which the runner reads as empty", () => {
    const runner = actionsRunner();
    const ours = files('ours');
    runner.exportVariable('AWS_SESSION_TOKEN', '');
    runner.setOutput('aws-session-token', '');
    runner.saveState('grant', '');
    runner.exportVariable('KEPT', 'x');
    const written = ours();
    expect(written['GITHUB_ENV']).toBe(
      'AWS_SESSION_TOKEN=\nKEPT<<ghadelimiter_UUID\nx\nghadelimiter_UUID\n',
    );
    expect(parseKeyValueFile(written['GITHUB_ENV']!).values).toEqual({
      AWS_SESSION_TOKEN: '',
      KEPT: 'x',
    });
    expect(parseKeyValueFile(written['GITHUB_OUTPUT']!).values).toEqual({
      'aws-session-token': '',
    });
    expect(parseKeyValueFile(written['GITHUB_STATE']!).values).toEqual({ grant: '' });
  });

  it('without the files, the stdout commands', () => {
    const runner = actionsRunner();
    for (const name of NAMES) delete process.env[name];
    const pairs: Array<[() => void, () => void]> = [
      [() => runner.setOutput('o', TRICKY), () => core.setOutput('o', TRICKY)],
      [() => runner.exportVariable('V', TRICKY), () => core.exportVariable('V', TRICKY)],
      [() => runner.saveState('s', TRICKY), () => core.saveState('s', TRICKY)],
      [() => runner.passOnVariable('V', TRICKY), () => core.exportVariable('V', TRICKY)],
      [() => runner.passOnPath('/x'), () => core.addPath('/x')],
      [() => runner.setOutput('', 'v'), () => core.setOutput('', 'v')],
      [() => runner.setOutput(TRICKY, 'v'), () => core.setOutput(TRICKY, 'v')],
    ];
    for (const [ours, theirs] of pairs) expect(stdout(ours)).toBe(stdout(theirs));
  });

  it('inputs and state: the INPUT_ and STATE_ names, trimmed inputs', () => {
    const runner = actionsRunner();
    process.env['INPUT_ROLE-TO-ASSUME'] = '  arn:aws:iam::1:role/x \n';
    process.env['INPUT_TWO_WORDS'] = 'v';
    process.env['STATE_grant'] = ' kept ';
    for (const name of ['role-to-assume', 'Role-To-Assume', 'two words', 'missing']) {
      expect(runner.input(name)).toBe(core.getInput(name));
    }
    expect(runner.input('role-to-assume')).toBe('arn:aws:iam::1:role/x');
    expect(runner.getState('grant')).toBe(core.getState('grant'));
    expect(runner.getState('grant')).toBe(' kept ');
  });

  it('refuses a file command whose file is gone, as @actions/core does', () => {
    const runner = actionsRunner();
    process.env['GITHUB_OUTPUT'] = join(dir, 'gone');
    expect(() => runner.setOutput('a', 'b')).toThrow(`Missing file at path: ${join(dir, 'gone')}`);
    expect(() => core.setOutput('a', 'b')).toThrow(`Missing file at path: ${join(dir, 'gone')}`);
  });
});

describe('stdout straight to fd 1', () => {
  it('writes every byte in order when the pipe takes a few at a time, without process.stdout', () => {
    const streamed = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const got: Buffer[] = [];
    capture = (bytes) => {
      const n = Math.min(3, bytes.length);
      got.push(Buffer.from(bytes.subarray(0, n)));
      return n;
    };
    try {
      writeStdout('grüße 🔒 line one\n');
      writeStdout('two\n');
    } finally {
      capture = undefined;
    }
    expect(Buffer.concat(got).toString('utf8')).toBe('grüße 🔒 line one\ntwo\n');
    expect(streamed).not.toHaveBeenCalled();
  });

  it('hands the rest to process.stdout, and keeps to it, once the pipe refuses with EAGAIN', () => {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out += Buffer.from(chunk as Uint8Array).toString('utf8');
      return true;
    });
    let calls = 0;
    capture = (bytes) => {
      calls++;
      if (calls === 1) {
        out += Buffer.from(bytes.subarray(0, 4)).toString('utf8');
        return 4;
      }
      throw Object.assign(new Error('EAGAIN: resource temporarily unavailable, write'), {
        code: 'EAGAIN',
      });
    };
    try {
      writeStdout('first line\n');
      writeStdout('second line\n');
    } finally {
      capture = undefined;
    }
    expect(out).toBe('first line\nsecond line\n');
    expect(calls).toBe(2);
  });
});
