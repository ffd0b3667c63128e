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
  /** Called with the command's process group id as soon as it exists (before it can run far). */
  onStart?: (processGroup: number) => void;
}

/** The same invocations the runner uses for `run:` steps, so a script behaves as it would there. */
export const SHELLS: Record<string, (script: string) => [string, string[]]> = {
  bash: (s) => ['bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', s]],
  sh: (s) => ['sh', ['-e', '-c', s]],
};

/**
 * Runs the step's command in its own process group with its own environment. Output is
 * inherited, not piped, so it streams live and the runner's masker (already told every secret)
 * sees it. SIGINT and SIGTERM from a cancelled job are forwarded to the whole group, so the
 * command can stop and the grant still be closed within the runner's 7.5 s grace. The group is
 * its own so that, should this process die, the post step can end whatever the command left.
 */
export function runCommand(options: CommandOptions): Promise<CommandResult> {
  const make = SHELLS[options.shell];
  if (!make) throw new Error(`unknown shell ${options.shell}`);
  const [file, args] = make(options.script);
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      env: options.env,
      cwd: options.cwd,
      stdio: 'inherit',
      detached: true,
    });
    if (child.pid !== undefined) options.onStart?.(child.pid);
    const forward = (signal: NodeJS.Signals) => signalGroup(child.pid, signal);
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const s of signals) process.on(s, forward);
    const done = () => {
      for (const s of signals) process.off(s, forward);
    };
    child.on('error', (err) => {
      done();
      reject(err);
    });
    child.on('exit', (code, signal) => {
      done();
      // Whatever the command started in its group and left behind ends with it.
      signalGroup(child.pid, 'SIGKILL');
      if (signal) {
        resolve({ exitCode: 128 + (constants.signals[signal] ?? 0), signal });
      } else {
        resolve({ exitCode: code ?? 1 });
      }
    });
  });
}

/** Signals a process group; one that is already gone is not an error. */
export function signalGroup(pgid: number | undefined, signal: NodeJS.Signals): boolean {
  if (pgid === undefined || pgid <= 1) return false;
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}
