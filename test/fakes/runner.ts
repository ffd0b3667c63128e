/**
 * A fake of the runner boundary (src/runner/runner.ts), so that main, post and revoke run in
 * process without a build: it records what the action would tell the runner, and applies
 * exported variables to `env` as the runner would for later steps.
 *
 *   const runner = new FakeRunner({ provider: 'aws', run: 'true' }, env);
 *   await runMain({ runner, env, idToken, now });
 *   runner.outputs; runner.exported; runner.state; runner.summary; runner.failures; runner.log.text();
 */
import { RecordingLogger } from '../../src/runner/logger.ts';
import { forgetSecrets, rememberSecret } from '../../src/runner/redact.ts';
import type { Runner } from '../../src/runner/runner.ts';

export class FakeRunner implements Runner {
  readonly log = new RecordingLogger();
  readonly outputs: Record<string, string> = {};
  readonly exported: Record<string, string> = {};
  readonly state: Record<string, string> = {};
  readonly masks: string[] = [];
  readonly paths: string[] = [];
  readonly failures: string[] = [];
  summary = '';

  constructor(
    readonly inputs: Record<string, string> = {},
    /** The step's environment; exports are applied to it. */
    readonly environment: NodeJS.ProcessEnv = {},
    /** STATE_* as the runner hands them to a post step. */
    readonly savedState: Record<string, string> = {},
  ) {
    // A runner stands for one step, a process of its own: it starts knowing no secret. The suite
    // runs many files in one worker (isolate: false), and a value masked in one (an account id)
    // would otherwise be redacted from another's record.
    forgetSecrets();
  }

  input(name: string): string {
    return this.inputs[name] ?? '';
  }
  mask(value: string): void {
    this.masks.push(value);
    // As the real boundary does: what this process records is redacted of it from now on.
    rememberSecret(value);
  }
  setOutput(name: string, value: string): void {
    this.outputs[name] = value;
  }
  exportVariable(name: string, value: string): void {
    this.exported[name] = value;
    this.environment[name] = value;
  }
  passOnVariable(name: string, value: string): void {
    this.exportVariable(name, value);
  }
  passOnPath(dir: string): void {
    this.paths.push(dir);
  }
  saveState(name: string, value: string): void {
    this.state[name] = value;
  }
  getState(name: string): string {
    return this.savedState[name] ?? '';
  }
  async appendSummary(markdown: string): Promise<void> {
    this.summary += markdown;
  }
  fail(message: string): void {
    this.failures.push(message);
  }
  env(name: string): string | undefined {
    return this.environment[name];
  }
}
