import { spawn } from 'node:child_process';
import { constants } from 'node:os';

export interface CommandResult {
  /** Exit code, or 128 + signal number when the command was killed by a signal. */
  exitCode: number;
  signal?: NodeJS.Signals;
}

export interface CommandOptions {
  script: string;
  shell: string;
  env: NodeJS.ProcessEnv;
  cwd?: string;
}

/** The same invocations the runner uses for `run:` steps, so a script behaves as it would there. */
export const SHELLS: Record<string, (script: string) => [string, string[]]> = {
  bash: (s) => ['bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', s]],
  sh: (s) => ['sh', ['-e', '-c', s]],
};

/**
 * Runs the step's command with its own environment. Output is inherited, not piped, so it
 * streams live and the runner's masker (already told every secret) sees it. SIGINT and
 * SIGTERM from a cancelled job are forwarded, so the command can stop and we can still
 * close the grant before the runner's 7.5 s grace runs out.
 */
export function runCommand(options: CommandOptions): Promise<CommandResult> {
  const make = SHELLS[options.shell];
  if (!make) throw new Error(`unknown shell ${options.shell}`);
  const [file, args] = make(options.script);
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env: options.env, cwd: options.cwd, stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const s of signals) process.on(s, forward);
    const done = () => {
      for (const s of signals) process.off(s, forward);
    };
    child.on('error', (err) => {
      done();
      reject(err);
    });
    child.on('close', (code, signal) => {
      done();
      if (signal) {
        resolve({ exitCode: 128 + (constants.signals[signal] ?? 0), signal });
      } else {
        resolve({ exitCode: code ?? 1 });
      }
    });
  });
}
