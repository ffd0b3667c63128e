import { closeOpenGrants } from '../grant/close.js';
import { defaultLedgerPath, Ledger } from '../grant/ledger.js';
import { summaryBlock } from '../grant/render.js';
import { errorMessage } from '../errors.js';
import { Inputs } from '../runner/inputs.js';
import { githubIdTokenSource } from '../runner/oidc.js';
import { actionsRunner, type Runner } from '../runner/runner.js';

export async function main(): Promise<void> {
  await runRevoke(actionsRunner(), process.env, () => new Date());
}

/** Closes grants now, mid-job: the named ones, or every open one. Closing twice is a no-op. */
export async function runRevoke(
  runner: Runner,
  env: NodeJS.ProcessEnv,
  now: () => Date,
): Promise<void> {
  try {
    const only = new Inputs(runner).list('grant-id');
    let path: string;
    try {
      path = defaultLedgerPath(env['RUNNER_TEMP']);
    } catch (err) {
      // No usable ledger: nothing can be closed, and the workflow must hear of it.
      runner.fail(errorMessage(err));
      return;
    }
    const ledger = new Ledger(path);
    const { closed, unknown } = await closeOpenGrants(
      { runner, ledger, now, idToken: githubIdTokenSource, env },
      only.length ? only : undefined,
    );
    for (const id of unknown) {
      runner.log.warning(
        `No grant '${id}' in this job's ledger (${ledger.path}); nothing to close for it.`,
      );
    }
    runner.setOutput('closed', closed.map((g) => g.id).join(','));
    if (closed.length === 0) {
      runner.log.info('No open grants to close.');
      return;
    }
    for (const g of closed) runner.log.info(`Closed grant ${g.id}: ${g.closeMethod ?? g.phase}.`);
    await runner.appendSummary(summaryBlock('🔒 jit-credentials · revoke', closed));
  } catch (err) {
    runner.log.warning(`jit-credentials revoke could not close grants: ${errorMessage(err)}`);
  }
}
