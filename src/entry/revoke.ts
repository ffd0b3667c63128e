import { closeJobGrants, worthShowing } from '../grant/close-job.js';
import { summaryBlock } from '../grant/render.js';
import { displayStates } from '../grant/targets.js';
import { errorMessage } from '../errors.js';
import { Inputs } from '../runner/inputs.js';
import { lazyIdTokenSource } from '../runner/lazy-id-token.js';
import type { IdTokenSource } from '../runner/oidc.js';
import { actionsRunner, type Runner } from '../runner/runner.js';
import { initProxy } from '../runner/proxy.js';

export async function main(): Promise<void> {
  await runRevoke(actionsRunner(), process.env, () => new Date(), lazyIdTokenSource);
}

/** Closes grants now, mid-job: the named ones, or every one of the job. Closing twice is harmless. */
export async function runRevoke(
  runner: Runner,
  env: NodeJS.ProcessEnv,
  now: () => Date,
  idToken: IdTokenSource,
): Promise<void> {
  try {
    initProxy(env, (secret) => runner.mask(secret));
    const only = new Inputs(runner).list('grant-id');
    const job = await closeJobGrants(
      { runner, env, now, idToken, by: 'revoke' },
      only.length ? only : undefined,
    );
    for (const id of job.unknown) {
      runner.log.warning(
        `No grant '${id}' in this job's ledger (${job.ledgerPath}); nothing to close for it.`,
      );
    }
    const { states, contradicted } = displayStates(job.events, job.before, job.results);
    // Grants the ledger already showed closed were scrubbed again, silently: only news is reported.
    const closed = worthShowing(job, contradicted);
    runner.setOutput('closed', [...closed].join(','));
    for (const r of job.results)
      runner.log.info(`Closed grant ${r.id}: ${r.method}${r.verified ? ', verified' : ''}.`);
    const failed = job.results.filter((r) => r.revocationFailed);
    if (failed.length) {
      runner.fail(failed.map((r) => `Grant ${r.id}: ${r.problems.join('; ')}`).join('\n'));
    }
    if (closed.size === 0) {
      runner.log.info('No open grants to close.');
      return;
    }
    await runner.appendSummary(
      summaryBlock(
        '🔒 jit-credentials · revoke',
        states.filter((g) => closed.has(g.id)),
        [...contradicted].map(
          (id) =>
            `⚠️ The ledger said grant \`${id}\` ended otherwise than this step found; the table shows what this step found.`,
        ),
      ),
    );
  } catch (err) {
    runner.fail(`jit-credentials revoke could not close grants: ${errorMessage(err)}`);
  }
}
