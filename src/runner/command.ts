import { join } from 'node:path';
import { runCommand, type CommandResult } from './child.js';
import { COMMAND_MARKER, lookForCommandProcesses, startTimeOf } from './survivors.js';
import { parseKeyValues, parsePaths } from './file-commands.js';
import { codeBlock } from './markdown.js';
import type { Runner } from './runner.js';
import { holdsSecret } from './secret-forms.js';
import { recordStepFiles, takeBackStepWrites, type StepFileRecord } from './step-files.js';
import { readCapped, writePrivateFile, type CappedRead } from './temp.js';
import { withoutRunnerSecrets } from './withheld.js';

/** The command's own file commands, read back and filtered before they reach the step's. */
const FILES = {
  GITHUB_ENV: 'env',
  GITHUB_OUTPUT: 'output',
  GITHUB_PATH: 'path',
  GITHUB_STEP_SUMMARY: 'summary',
} as const;

/** A command may write at most this much to each file; more is dropped with an error. */
const MAX_FILE_BYTES = 1 << 20;

/**
 * At most this much of the step summary is the command's, as shown. The runner uploads no step
 * summary over 1 MiB, dropping the action's record with it, so the command gets a fraction and
 * the action's own blocks keep the rest. Over it, nothing of the command's is shown.
 */
const MAX_SUMMARY_BYTES = 128 << 10;

/** What `dropped` says in place of a name: a name is user text and may itself be the secret. */
const DROPPED = {
  nameHoldsIt: '(an entry whose name holds it)',
  direct: "(written directly to the step's file)",
  notRegular: '(not a regular file)',
  over: `(over ${MAX_FILE_BYTES} bytes)`,
  unverified: '(what the command left running could not be verified)',
} as const;

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
  /**
   * Called once the command's process group exists, before the command starts, with the value of
   * its COMMAND_MARKER variable: what the post step needs to end it should this process die.
   */
  readonly onStart?: (processGroup: number, marker: string) => void;
}

export interface IsolatedResult extends CommandResult {
  /**
   * File-command entries refused, as `FILE:name`, or `FILE:(why)` where the name is not shown
   * (it holds the secret, or the command wrote to the step's own file directly).
   */
  readonly dropped: readonly string[];
  /** Processes the command left running outside its process group, killed after it ended. */
  readonly killedOutsideGroup: number;
  /**
   * What the command wrote to its step summary, as inert Markdown under a heading that says whose
   * it is (or a note that it was too long to show), for the caller to append after the action's
   * own record: the record comes first, whatever the command wrote. Undefined when it wrote none.
   */
  readonly summary?: string;
}

/**
 * Runs the command with the grant and nothing that lets it outlive the step, then passes on
 * what it wrote to GITHUB_ENV, GITHUB_OUTPUT and GITHUB_PATH, except any entry that carries an
 * issued secret, and returns what it wrote to its step summary for the caller to append.
 */
export async function runIsolated(cmd: IsolatedCommand, runner: Runner): Promise<IsolatedResult> {
  const marker = process.getBuiltinModule('node:crypto').randomBytes(16).toString('hex');
  const env = withoutRunnerSecrets(cmd.baseEnv);
  for (const name of cmd.unset) delete env[name];
  for (const [variable, file] of Object.entries(FILES)) {
    const path = join(cmd.dir, `command-${file}`);
    writePrivateFile(path, '');
    env[variable] = path;
  }
  Object.assign(env, cmd.grantEnv);
  env[COMMAND_MARKER] = marker;
  let group: number | undefined;
  let since: number | undefined;
  let stepFiles: StepFileRecord[] = [];
  const result = await runCommand({
    script: cmd.script,
    shell: cmd.shell,
    env,
    cwd: cmd.cwd,
    onStart: (pgid) => {
      group = pgid;
      since = startTimeOf(pgid);
      cmd.onStart?.(pgid, marker);
      // After onStart's own write to the state, before the command may run.
      stepFiles = recordStepFiles(cmd.baseEnv);
    },
  });
  // Before the step's files are checked: nothing of the command may write to them after.
  const look = lookForCommandProcesses({
    marker,
    secrets: cmd.secrets,
    processGroup: group,
    ...(since === undefined ? {} : { since }),
  });
  const killedOutsideGroup = look.killed;
  if (killedOutsideGroup > 0) runner.log.warning(outsideGroupWarning(killedOutsideGroup));
  for (const why of look.unverified)
    runner.log.error(
      `Whether the command left a process running with its credential could not be verified: ${why}.`,
    );
  const dropped = takeBackDirectWrites(stepFiles, runner);
  if (look.unverified.length) dropped.push(`PROCESSES:${DROPPED.unverified}`);
  const summary = forwardFileCommands(cmd, runner, dropped);
  for (const d of dropped) runner.log.error(droppedMessage(d));
  return { ...result, dropped, killedOutsideGroup, ...(summary ? { summary } : {}) };
}

function outsideGroupWarning(n: number): string {
  const them = n === 1 ? '1 process' : `${n} processes`;
  return (
    `The command left ${them} outside its process group running (setsid or job control); ` +
    `${n === 1 ? 'it was' : 'they were'} killed.`
  );
}

function takeBackDirectWrites(records: readonly StepFileRecord[], runner: Runner): string[] {
  const { written, problems } = takeBackStepWrites(records);
  for (const p of problems) runner.log.error(p);
  return written.map((file) => `${file}:${DROPPED.direct}`);
}

/**
 * Passes on the command's GITHUB_ENV, GITHUB_OUTPUT and GITHUB_PATH entries, adding what it
 * refuses to `dropped`; returns its step summary as it is to be shown, if it wrote one.
 */
function forwardFileCommands(
  cmd: IsolatedCommand,
  runner: Runner,
  dropped: string[],
): string | undefined {
  // Said by the variable the command was given (GITHUB_ENV), not by the file's name.
  const read = (variable: keyof typeof FILES) =>
    textOf(
      readBounded(join(cmd.dir, `command-${FILES[variable]}`), variable, dropped),
      variable,
      dropped,
    );
  const holds = (text: string) => holdsSecret(text, cmd.secrets);
  const pass = (file: string, name: string, value: string) => {
    // Joined both ways: split at the '=' the runner splits at, or at a line of a heredoc.
    if (!holds(name + '=' + value) && !holds(name + '\n' + value)) return true;
    // The name is shown only when the value alone holds the secret and the name no piece of it.
    const shown = holds(value) && !holds(name) && !holdsPieceOf(name, cmd.secrets);
    dropped.push(`${file}:${shown ? name : DROPPED.nameHoldsIt}`);
    return false;
  };
  for (const [kind, set] of [
    ['GITHUB_ENV', (n: string, v: string) => runner.passOnVariable(n, v)],
    ['GITHUB_OUTPUT', (n: string, v: string) => runner.setOutput(n, v)],
  ] as const) {
    const { entries, error } = parseKeyValues(read(kind));
    if (error) {
      const said = holds(error) ? 'a line that holds an issued credential is malformed' : error;
      runner.log.error(`The command's ${kind} file could not be read: ${said}.`);
    }
    for (const e of entries) if (pass(kind, e.name, e.value)) set(e.name, e.value);
  }
  for (const dir of parsePaths(read('GITHUB_PATH'))) {
    if (pass('GITHUB_PATH', dir, '')) runner.passOnPath(dir);
  }
  const summary = readBounded(
    join(cmd.dir, `command-${FILES.GITHUB_STEP_SUMMARY}`),
    'GITHUB_STEP_SUMMARY',
    dropped,
    MAX_SUMMARY_BYTES,
  );
  if ('oversize' in summary) return summaryNotShown(summary.oversize, runner);
  if (summary.text.trim() === '' || !pass('GITHUB_STEP_SUMMARY', 'summary', summary.text)) return;
  const shown = commandSummary(summary.text);
  if (Buffer.byteLength(shown) > MAX_SUMMARY_BYTES)
    return summaryNotShown(Buffer.byteLength(summary.text), runner);
  return shown;
}

/**
 * The command's summary as text in a code block, under a heading that says whose it is: it
 * cannot pass for the action's record, hide it (an open `<!--`), or restyle the page.
 */
function commandSummary(text: string): string {
  // After a blank line: a heading right after the record's closing `</details>` would be part
  // of that HTML block, not a heading.
  return (
    '\n#### Text written by the `run:` command to its step summary (shown as written, not rendered)' +
    `\n\n${codeBlock(text)}`
  );
}

/** Said in the summary and as a warning: nothing of an oversized summary is passed on. */
function summaryNotShown(bytes: number, runner: Runner): string {
  const said =
    `The \`run:\` command wrote ${bytes} bytes to its step summary; none of it is shown. At most ` +
    `${MAX_SUMMARY_BYTES} bytes of it are, so that the step's summary stays under the runner's ` +
    "1 MiB limit with the action's record in it. Write less there, or upload it as an artifact.";
  runner.log.warning(said);
  return `\n#### Text written by the \`run:\` command to its step summary: not shown\n\n${said}\n`;
}

/** Whether `text` holds 8 or more consecutive characters of a secret (a name that is half of one). */
function holdsPieceOf(text: string, secrets: readonly string[]): boolean {
  const PIECE = 8;
  return secrets.some((s) => {
    for (let i = 0; i + PIECE <= s.length; i++)
      if (text.includes(s.slice(i, i + PIECE))) return true;
    return false;
  });
}

/** A `dropped` entry as `[file, name or why]`. */
function splitDropped(entry: string): [string, string] {
  const i = entry.indexOf(':');
  return [entry.slice(0, i), entry.slice(i + 1)];
}

/** A `dropped` entry in short, for a list: `GITHUB_ENV 'NAME'` or `GITHUB_ENV (why)`. */
export function droppedInShort(entry: string): string {
  const [file, what] = splitDropped(entry);
  return what.startsWith('(') ? `${file} ${what}` : `${file} '${what}'`;
}

/** The error line for one `dropped` entry: what happened, and what to change. */
export function droppedMessage(entry: string): string {
  const [file, what] = splitDropped(entry);
  const useInside = 'A credential must not outlive the command: use it inside the command only.';
  switch (what) {
    case DROPPED.direct:
      return (
        `The command wrote to the step's own ${file} file directly (not to the $${file} it was given); ` +
        'what it wrote was removed. Write to the file the variable names: only that one is passed on, once checked for credentials.'
      );
    case DROPPED.nameHoldsIt:
      return `The command wrote an issued credential to ${file} in the name of an entry; that line was not passed on. ${useInside}`;
    case DROPPED.notRegular:
      return `The command replaced its ${file} file with something other than a regular file; nothing of it was passed on.`;
    case DROPPED.unverified:
      return 'The command may have left a process running that holds its credential (the errors above say why); treat the credential as exposed until it expires.';
    case DROPPED.over:
      return `The command wrote more than ${MAX_FILE_BYTES} bytes to ${file}; nothing of it was passed on.`;
    default:
      return `The command wrote an issued credential to ${file} as '${what}'; that line was not passed on. ${useInside}`;
  }
}

/** A command's file as read: its text, or, when it is over the limit, only its size. */
type FileRead = { readonly text: string } | { readonly oversize: number };

/** The text of a file that must fit its limit: an oversized one is dropped and said. */
function textOf(read: FileRead, file: string, dropped: string[]): string {
  if ('text' in read) return read.text;
  dropped.push(`${file}:${DROPPED.over}`);
  return '';
}

/**
 * Reads at most `max` bytes of one of the command's files through readCapped: never through a
 * link, never blocking on a FIFO the command put in its place, only a regular file of the job's
 * user. Anything else is refused and said.
 */
function readBounded(
  path: string,
  file: string,
  dropped: string[],
  max = MAX_FILE_BYTES,
): FileRead {
  let read: CappedRead | undefined;
  try {
    read = readCapped(path, max);
  } catch {
    dropped.push(`${file}:${DROPPED.notRegular}`);
    return { text: '' };
  }
  // Gone is nothing written.
  if (!read) return { text: '' };
  return read.truncated ? { oversize: read.size } : { text: read.text };
}
