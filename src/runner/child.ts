import { constants } from 'node:os';
import type { Writable } from 'node:stream';

/**
 * The command waits on fd 3 until its process group is on record (`onStart`), then becomes the
 * shell (exec: same pid, same group). A command that killed this process at once would otherwise
 * outrun the record, and the post step would not know which group to end. Should this process
 * die before opening the gate, the pipe closes unread and the command never starts.
 */
const GATE = 'read -r _ <&3 || exit 125; exec 3<&-; exec "$@"';

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
    // node:child_process only in a step that runs a command (post and revoke never do).
    const { spawn } = process.getBuiltinModule('node:child_process');
    const child = spawn('/bin/sh', ['-c', GATE, 'jit-credentials', file, ...args], {
      env: options.env,
      cwd: options.cwd,
      stdio: ['inherit', 'inherit', 'inherit', 'pipe'],
      detached: true,
    });
    const gate = child.stdio[3] as Writable | null;
    gate?.on('error', () => undefined);
    try {
      if (child.pid !== undefined) options.onStart?.(child.pid);
    } catch (err) {
      // Not on record, so not started: the gate closes unread and the shell exits 125.
      gate?.destroy();
      reject(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    // Only now, with the group on record, may the command begin.
    gate?.end('go\n');
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
