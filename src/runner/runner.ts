import { EOL } from 'node:os';
import type { Logger } from './logger.js';
import { redact, rememberSecret } from './redact.js';
import * as commands from './workflow-commands.js';

/**
 * Everything the actions do to the runner goes through this interface: the one place
 * that knows about workflow commands and GITHUB_* files. Tests substitute a fake.
 */
export interface Runner {
  readonly log: Logger;
  /** `''` when unset, as the runner passes unset inputs. */
  input(name: string): string;
  /**
   * Masks `value` from now on: the runner's masker for the log and the summary, and this
   * process's own redaction of whatever else it writes (src/runner/redact.ts).
   */
  mask(value: string): void;
  setOutput(name: string, value: string): void;
  /** For the job's later steps, and this process's own environment too (as @actions/core does). */
  exportVariable(name: string, value: string): void;
  /**
   * What a `run:` command wrote to its GITHUB_ENV and GITHUB_PATH, for the job's later steps only:
   * never this process's environment, where it could move the step's own files (its summary, its
   * state) or its endpoints before the record is written.
   */
  passOnVariable(name: string, value: string): void;
  passOnPath(dir: string): void;
  saveState(name: string, value: string): void;
  getState(name: string): string;
  appendSummary(markdown: string): Promise<void>;
  fail(message: string): void;
  env(name: string): string | undefined;
}

// Every message is redacted: cloud errors quote what they were sent, and the runner's masker
// works line by line (a secret split over two lines would pass it). An info message is one line:
// text it quotes (an error code a cloud, or whatever answers at an endpoint a step set, sent)
// cannot start a line of its own, which the runner would read as a workflow command
// (`::add-mask::` of the true closing line) or which would pass for the action's own words.
export const coreLogger: Logger = {
  debug: (m) => commands.issueCommand('debug', {}, redact(m)),
  info: (m) => commands.writeStdout(redact(m).replace(/[\r\n]+/g, ' ') + EOL),
  warning: (m) => commands.issueCommand('warning', {}, redact(m)),
  error: (m) => commands.issueCommand('error', {}, redact(m)),
};

export function actionsRunner(): Runner {
  return {
    log: coreLogger,
    input: (name) => commands.getInput(name),
    mask: maskSecret,
    setOutput: (name, value) => commands.setOutput(name, value),
    exportVariable: (name, value) => commands.exportVariable(name, value),
    passOnVariable: (name, value) => commands.passOnVariable(name, value),
    passOnPath: (dir) => commands.passOnPath(dir),
    saveState: (name, value) => commands.saveState(name, value),
    getState: (name) => commands.getState(name),
    appendSummary: async (markdown) => {
      // The summary file passes through the runner's masker, but write nothing secret anyway.
      if (!process.env['GITHUB_STEP_SUMMARY']) return;
      commands.appendSummary(redact(markdown));
    },
    fail: (message) => commands.setFailed(redact(message)),
    env: (name) => process.env[name],
  };
}

/**
 * The runner masks a registered value and its base64, JSON- and URL-escaped forms, and a
 * multi-line value whole and per line; we produce no other derived form, so registering the
 * value is enough. A very short value is skipped: masking it would blank unrelated output.
 */
function maskSecret(value: string): void {
  if (value.trim().length < 4 || masked.has(value)) return;
  masked.add(value);
  rememberSecret(value);
  commands.setSecret(value);
}

/** Masked once: a provider masks a token as it arrives, and the engine masks what issue returned. */
const masked = new Set<string>();
