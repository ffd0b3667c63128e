import { closeJobGrants, type JobClose, startProxy, worthShowing } from '../grant/close-job.js';
import { closedLine } from '../grant/close.js';
import { exposureLine, summaryBlock, timeline, verdict } from '../grant/render.js';
import { displayStates } from '../grant/targets.js';
import { errorMessage } from '../errors.js';
import { lazyIdTokenSource } from '../runner/lazy-id-token.js';
import type { IdTokenSource } from '../runner/oidc.js';
import { actionsRunner, type Runner } from '../runner/runner.js';

export async function main(): Promise<void> {
  await runPost(actionsRunner(), process.env, () => new Date(), lazyIdTokenSource);
}

/**
 * End of job: close every grant of the job again, whichever step opened it and whatever the
 * ledger says. A block is written only when there is news: a grant left open, this action's own
 * export, a ledger claim this step's own check contradicts, or a ledger that could not be read or
 * written (a job shows 20 step summaries). A tampered ledger fails the step, after the closing.
 */
export async function runPost(
  runner: Runner,
  env: NodeJS.ProcessEnv,
  now: () => Date,
  idToken: IdTokenSource,
): Promise<void> {
  try {
    const proxyProblem = startProxy(runner, env);
    const job = await closeJobGrants({ runner, env, now, idToken, by: 'post' });
    const { states, contradicted } = displayStates(job.events, job.before, job.results, job.own);
    const shown = worthShowing(job, contradicted);
    for (const r of job.results) runner.log.info(closedLine(r));
    const tampered = tamperedLedger(job);
    const warnings = [job.stateProblem, tampered].filter((w) => w !== undefined);
    if (shown.size === 0 && !warnings.length) {
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
            ...warnings.map((w) => `⚠️ ${w}`),
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
          { own: job.own?.id, ledgerPath: job.ledgerPath },
        ),
      );
    }
    const failures = [
      ...(proxyProblem ? [proxyProblem] : []),
      ...warnings,
      ...job.results
        .filter((r) => r.revocationFailed)
        .map((r) => `Grant ${r.id}: ${r.problems.join('; ')}`),
    ];
    if (failures.length) runner.fail(failures.join('\n'));
  } catch (err) {
    // Grants may be left open: never a pass.
    runner.fail(`jit-credentials could not close the job's grants: ${errorMessage(err)}`);
  }
}

/**
 * What was wrong with a ledger that could not be read or written, or undefined. This action
 * makes the file itself, a regular file private to the job's user: anything else is a step's doing.
 */
function tamperedLedger(job: JobClose): string | undefined {
  if (!job.ledgerProblems.length) return undefined;
  const own = job.own
    ? `This step closed its own grant ${job.own.id} from the action's state; `
    : '';
  return (
    `The ledger ${job.ledgerPath} was tampered with: it ${job.ledgerProblems.join('; and ')}. ` +
    `${own}grants known only from the ledger may not have been closed, and this step's closing records are only in this summary. ` +
    'Find the step of this job that changed RUNNER_TEMP/jit-credentials.'
  );
}
