import { ConfigurationError, errorMessage } from '../errors.js';
import type { Runner } from '../runner/runner.js';

/** Main-step failures: a user mistake is shown as-is; anything else also gets its stack in the debug log. */
export function reportFailure(runner: Runner, err: unknown): void {
  if (!(err instanceof ConfigurationError) && err instanceof Error && err.stack) {
    runner.log.debug(err.stack);
  }
  runner.fail(errorMessage(err));
}
