import { closeSync, openSync, readSync, fstatSync, constants as fs } from 'node:fs';
import { join } from 'node:path';
import { runCommand, type CommandResult } from './child.js';
import { parseKeyValues, parsePaths } from './file-commands.js';
import type { Runner } from './runner.js';
import { holdsSecret } from './secret-forms.js';
import { writePrivateFile } from './temp.js';

/**
 * What a `run:` command must never receive: the action's inputs and state, the runner's tokens
 * (OIDC minting, artifact, cache and results services) and the step's own file commands.
 */
const WITHHELD =
  /^(INPUT_|STATE_|ACTIONS_ID_TOKEN_REQUEST_|ACTIONS_RUNTIME_|ACTIONS_CACHE_|ACTIONS_RESULTS_)/;
const WITHHELD_NAMES = ['GITHUB_STATE'];

/** The command's own file commands, read back and filtered before they reach the step's. */
const FILES = {
  GITHUB_ENV: 'env',
  GITHUB_OUTPUT: 'output',
  GITHUB_PATH: 'path',
  GITHUB_STEP_SUMMARY: 'summary',
} as const;

/** A command may write at most this much to each file; more is dropped with an error. */
const MAX_FILE_BYTES = 1 << 20;

export interface IsolatedCommand {
  readonly script: string;
  readonly shell: string;
  readonly cwd: string | undefined;
  /** The step's environment, before the grant's own variables. */
  readonly baseEnv: NodeJS.ProcessEnv;
  /** The grant's variables, and inherited ones it must not see. */
  readonly grantEnv: Readonly<Record<string, string>>;
  readonly unset: readonly string[];
  /** Private 0700 directory where the command's file-command files live. */
  readonly dir: string;
  /** Every value issued for the grant: a file-command line holding one is dropped. */
  readonly secrets: readonly string[];
  readonly onStart?: (processGroup: number) => void;
}

export interface IsolatedResult extends CommandResult {
  /** File-command entries dropped because they held an issued secret, by file and name. */
  readonly dropped: readonly string[];
}

/**
 * Runs the command with the grant and nothing that lets it outlive the step, then passes on
 * what it wrote to GITHUB_ENV, GITHUB_OUTPUT, GITHUB_PATH and the step summary, except any entry
 * that carries an issued secret.
 */
export async function runIsolated(cmd: IsolatedCommand, runner: Runner): Promise<IsolatedResult> {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(cmd.baseEnv)) {
    if (!WITHHELD.test(name) && !WITHHELD_NAMES.includes(name)) env[name] = value;
  }
  for (const name of cmd.unset) delete env[name];
  for (const [variable, file] of Object.entries(FILES)) {
    const path = join(cmd.dir, `command-${file}`);
    writePrivateFile(path, '');
    env[variable] = path;
  }
  Object.assign(env, cmd.grantEnv);
  const result = await runCommand({
    script: cmd.script,
    shell: cmd.shell,
    env,
    cwd: cmd.cwd,
    onStart: cmd.onStart,
  });
  const dropped = await forwardFileCommands(cmd, runner);
  return { ...result, dropped };
}

async function forwardFileCommands(cmd: IsolatedCommand, runner: Runner): Promise<string[]> {
  const dropped: string[] = [];
  const read = (file: string) => readBounded(join(cmd.dir, `command-${file}`), file, dropped);
  const pass = (file: string, name: string, value: string) => {
    if (!holdsSecret(name + '\n' + value, cmd.secrets)) return true;
    dropped.push(`${file}:${name}`);
    return false;
  };
  for (const [kind, set] of [
    ['GITHUB_ENV', (n: string, v: string) => runner.exportVariable(n, v)],
    ['GITHUB_OUTPUT', (n: string, v: string) => runner.setOutput(n, v)],
  ] as const) {
    const { entries, error } = parseKeyValues(read(FILES[kind]));
    if (error) runner.log.error(`The command's ${kind} file could not be read: ${error}.`);
    for (const e of entries) if (pass(kind, e.name, e.value)) set(e.name, e.value);
  }
  for (const dir of parsePaths(read(FILES.GITHUB_PATH))) {
    if (pass('GITHUB_PATH', dir, '')) runner.addPath(dir);
  }
  const summary = read(FILES.GITHUB_STEP_SUMMARY);
  if (summary.trim() !== '') {
    // Headed as the command's, so that it cannot pass for the action's own record.
    if (pass('GITHUB_STEP_SUMMARY', 'summary', summary))
      await runner.appendSummary(`#### Written by the \`run:\` command\n\n${summary}\n`);
  }
  for (const d of dropped) {
    runner.log.error(
      `The command wrote an issued credential to ${d.replace(':', " as '")}'; that line was not passed on. ` +
        'A credential must not outlive the command: use it inside the command only.',
    );
  }
  return dropped;
}

/** Reads at most MAX_FILE_BYTES of a regular file, never through a symlink. */
function readBounded(path: string, file: string, dropped: string[]): string {
  let fd: number;
  try {
    fd = openSync(path, fs.O_RDONLY | fs.O_NOFOLLOW);
  } catch (err) {
    // Gone is nothing written; replaced by a link is refused and said.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
      dropped.push(`${file}:(not a regular file)`);
    return '';
  }
  try {
    if (!fstatSync(fd).isFile()) {
      dropped.push(`${file}:(not a regular file)`);
      return '';
    }
    const buf = Buffer.alloc(MAX_FILE_BYTES + 1);
    const n = readSync(fd, buf, 0, buf.length, 0);
    if (n > MAX_FILE_BYTES) {
      dropped.push(`${file}:(over ${MAX_FILE_BYTES} bytes)`);
      return '';
    }
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
