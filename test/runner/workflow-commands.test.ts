import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { actionsRunner } from '../../src/runner/runner.ts';
import { parseKeyValueFile } from '../harness/file-commands.ts';

// The runner module writes the commands itself rather than through @actions/core: every line and
// file it writes is compared here with what @actions/core writes for the same call.

const TRICKY = 'a%b\r\nc:d,e %0A ::warning::x';
const NAMES = ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY'];

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
});

/** What `fn` writes to stdout. */
function stdout(fn: () => void): string {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  try {
    fn();
  } finally {
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
      expect(stdout(() => runner.log.info(message))).toBe(stdout(() => core.info(message)));
      expect(stdout(() => runner.log.warning(message))).toBe(stdout(() => core.warning(message)));
      expect(stdout(() => runner.log.error(message))).toBe(stdout(() => core.error(message)));
      expect(stdout(() => runner.fail(message))).toBe(stdout(() => core.setFailed(message)));
    }
    expect(stdout(() => runner.mask(`secret-${TRICKY}`))).toBe(
      stdout(() => core.setSecret(`secret-${TRICKY}`)),
    );
    expect(stdout(() => runner.mask('abc'))).toBe('');
    process.exitCode = undefined;
  });

  it('file commands: outputs, variables, state, path and summary', async () => {
    const runner = actionsRunner();
    const ours = files('ours');
    runner.setOutput('out-1', TRICKY);
    runner.exportVariable('VAR_1', TRICKY);
    runner.saveState('state 1', TRICKY);
    runner.addPath('/opt/tool/bin');
    await runner.appendSummary(`# ${TRICKY}`);
    const ourPath = process.env['PATH'];
    const ourVar = process.env['VAR_1'];

    process.env = { ...saved };
    const theirs = files('core');
    core.setOutput('out-1', TRICKY);
    core.exportVariable('VAR_1', TRICKY);
    core.saveState('state 1', TRICKY);
    core.addPath('/opt/tool/bin');
    await core.summary.addRaw(`# ${TRICKY}`, true).write();
    core.summary.emptyBuffer();

    expect(ours()).toEqual(theirs());
    expect(ours()['GITHUB_OUTPUT']).toContain('out-1<<ghadelimiter_UUID\n');
    expect(ourPath).toBe(process.env['PATH']);
    expect(ourVar).toBe(TRICKY);
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
      [() => runner.addPath('/x'), () => core.addPath('/x')],
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
