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
    const runnerTemp = env['RUNNER_TEMP'];
    if (!runnerTemp) {
      runner.fail('RUNNER_TEMP is not set: run this action on a GitHub Actions runner.');
      return;
    }
    const ledger = new Ledger(defaultLedgerPath(runnerTemp));
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
