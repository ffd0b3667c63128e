import { closeJobGrants, worthShowing } from '../grant/close-job.js';
import { exposureLine, summaryBlock, timeline, verdict } from '../grant/render.js';
import { displayStates } from '../grant/targets.js';
import { errorMessage } from '../errors.js';
import { lazyIdTokenSource } from '../runner/lazy-id-token.js';
import type { IdTokenSource } from '../runner/oidc.js';
import { actionsRunner, type Runner } from '../runner/runner.js';
import { initProxy } from '../runner/proxy.js';

export async function main(): Promise<void> {
  await runPost(actionsRunner(), process.env, () => new Date(), lazyIdTokenSource);
}

/**
 * End of job: close every grant of the job again, whichever step opened it and whatever the
 * ledger says. A block is written only when there is news: a grant left open, this action's own
 * export, or a ledger claim this step's own check contradicts (a job shows 20 step summaries).
 */
export async function runPost(
  runner: Runner,
  env: NodeJS.ProcessEnv,
  now: () => Date,
  idToken: IdTokenSource,
): Promise<void> {
  try {
    initProxy(env, (secret) => runner.mask(secret));
    const job = await closeJobGrants({ runner, env, now, idToken, by: 'post' });
    const { states, contradicted } = displayStates(job.events, job.before, job.results);
    const shown = worthShowing(job, contradicted);
    for (const r of job.results)
      runner.log.info(
        `Closed grant ${r.id} (${r.provider}): ${r.method}${r.verified ? ', verified' : ''}.`,
      );
    const failed = job.results.filter((r) => r.revocationFailed);
    if (shown.size === 0) {
      runner.log.info(
        `jit-credentials: no open grants left to close; ${job.results.length} closed grant(s) of this job were checked again.`,
      );
    } else {
      const all = states.filter((g) => g.issuedAt !== undefined || g.phase === 'denied');
      await runner.appendSummary(
        summaryBlock(
          '🔒 jit-credentials · end of job',
          states.filter((g) => shown.has(g.id)),
          [
            ...job.notes,
            ...[...contradicted].map(
              (id) =>
                `⚠️ The ledger said grant \`${id}\` ended otherwise than this step found; the table shows what this step found.`,
            ),
            `Every grant of this job: **${verdict(all)}**`,
            exposureLine(all, now()),
            timeline(all),
          ],
          now(),
        ),
      );
    }
    if (failed.length) {
      runner.fail(failed.map((r) => `Grant ${r.id}: ${r.problems.join('; ')}`).join('\n'));
    }
  } catch (err) {
    runner.log.warning(`jit-credentials could not close the job's grants: ${errorMessage(err)}`);
  }
}
