import { accessSync, appendFileSync, constants, existsSync, writeSync } from 'node:fs';
import { EOL } from 'node:os';

/**
 * The runner's workflow and file commands, written exactly as @actions/core writes them (its
 * command.js, file-command.js, core.js and summary.js). Not imported from it: @actions/core loads
 * @actions/http-client, https and tls for getIDToken, which a post step pays for and never uses.
 */

/**
 * Where stdout goes: straight to file descriptor 1 until that fails once, then process.stdout.
 * Creating process.stdout (a net.Socket on the runner's pipe, with the stream machinery behind
 * it) costs a short step several milliseconds, and a direct write cannot be lost when the step
 * ends. A pipe that another writer made non-blocking refuses a full write with EAGAIN: the
 * stream, which waits for the reader, then takes the rest in order (and any other failure is the
 * stream's to report, as before). An object, so that tests can stand in for fd 1.
 */
export const stdoutSink = {
  viaStream: false,
  writeFd: (bytes: Uint8Array, offset: number): number => writeSync(1, bytes, offset),
};

export function writeStdout(text: string): void {
  if (stdoutSink.viaStream) {
    process.stdout.write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  try {
    while (done < bytes.length) done += stdoutSink.writeFd(bytes, done);
  } catch {
    stdoutSink.viaStream = true;
    process.stdout.write(bytes.subarray(done));
  }
}

function toCommandValue(input: unknown): string {
  if (input === null || input === undefined) return '';
  if (typeof input === 'string' || input instanceof String) return String(input);
  return JSON.stringify(input);
}

export function escapeData(s: unknown): string {
  return toCommandValue(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: unknown): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::name key=value,key=value::message` on stdout; empty values are left out, not their space. */
export function issueCommand(
  command: string,
  properties: Readonly<Record<string, string | undefined>>,
  message: unknown,
): void {
  let line = `::${command || 'missing.command'}`;
  const props = Object.entries(properties)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${escapeProperty(v)}`);
  if (Object.keys(properties).length > 0) line += ` ${props.join(',')}`;
  writeStdout(`${line}::${escapeData(message)}${EOL}`);
}

/**
 * `name<<ghadelimiter_<uuid>` block; refused if the name or value holds the delimiter. An empty
 * value is the runner's one-line `name=` instead: nothing in it can end a block early, and the
 * post step, which empties variables, then never loads node:crypto (9 ms of a step) for a UUID.
 */
export function keyValueMessage(key: string, value: unknown): string {
  const converted = toCommandValue(value);
  if (converted === '' && !/[=\r\n]|<</.test(key)) return `${key}=`;
  const delim = `ghadelimiter_${process.getBuiltinModule('node:crypto').randomUUID()}`;
  if (key.includes(delim)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delim}"`);
  }
  if (converted.includes(delim)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delim}"`);
  }
  return `${key}<<${delim}${EOL}${converted}${EOL}${delim}`;
}

function issueFileCommand(command: string, message: string): void {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) throw new Error(`Unable to find environment variable for file command ${command}`);
  if (!existsSync(filePath)) throw new Error(`Missing file at path: ${filePath}`);
  appendFileSync(filePath, `${message}${EOL}`, { encoding: 'utf8' });
}

/** INPUT_ + the name with spaces as `_`, upper-cased; trimmed; `''` when unset. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}

export function setOutput(name: string, value: string): void {
  if (process.env['GITHUB_OUTPUT']) {
    issueFileCommand('OUTPUT', keyValueMessage(name, value));
    return;
  }
  writeStdout(EOL);
  issueCommand('set-output', { name }, value);
}

export function exportVariable(name: string, value: string): void {
  process.env[name] = toCommandValue(value);
  passOnVariable(name, value);
}

/** A variable for the job's later steps only, as exportVariable writes it: this process's stays. */
export function passOnVariable(name: string, value: string): void {
  if (process.env['GITHUB_ENV']) {
    issueFileCommand('ENV', keyValueMessage(name, value));
    return;
  }
  issueCommand('set-env', { name }, value);
}

/** A directory for the job's later steps' PATH, as core.addPath writes it: this process's stays. */
export function passOnPath(dir: string): void {
  if (process.env['GITHUB_PATH']) issueFileCommand('PATH', dir);
  else issueCommand('add-path', {}, dir);
}

export function saveState(name: string, value: string): void {
  if (process.env['GITHUB_STATE']) {
    issueFileCommand('STATE', keyValueMessage(name, value));
    return;
  }
  issueCommand('save-state', { name }, value);
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] || '';
}

export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

export function setFailed(message: string): void {
  process.exitCode = 1;
  issueCommand('error', {}, message);
}

let summaryPath: string | undefined;

/**
 * Appends `markdown` and a line end to the step summary, as core.summary.addRaw(m, true).write().
 * Synchronously: a step's few kilobytes are not worth starting libuv's thread pool for, which the
 * post step would otherwise do for this one write.
 */
export function appendSummary(markdown: string): void {
  if (summaryPath === undefined) {
    const fromEnv = process.env['GITHUB_STEP_SUMMARY'];
    if (!fromEnv) {
      throw new Error(
        'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.',
      );
    }
    try {
      accessSync(fromEnv, constants.R_OK | constants.W_OK);
    } catch {
      throw new Error(
        `Unable to access summary file: '${fromEnv}'. Check if the file has correct read/write permissions.`,
      );
    }
    summaryPath = fromEnv;
  }
  appendFileSync(summaryPath, markdown + EOL, { encoding: 'utf8' });
}
