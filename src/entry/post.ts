import { closeOpenGrants } from '../grant/close.js';
import { STATE } from '../grant/names.js';
import { defaultLedgerPath, Ledger } from '../grant/ledger.js';
import { summaryBlock, timeline, verdict } from '../grant/render.js';
import { errorMessage } from '../errors.js';
import { githubIdTokenSource } from '../runner/oidc.js';
import { actionsRunner, type Runner } from '../runner/runner.js';

export async function main(): Promise<void> {
  await runPost(actionsRunner(), process.env, () => new Date());
}

/**
 * End of job: close every grant the job still holds open, whichever step opened it. It
 * never fails the job (cleanup problems are warnings), and writes a block only when it
 * closed something, since a job shows at most 20 step summaries.
 */
export async function runPost(
  runner: Runner,
  env: NodeJS.ProcessEnv,
  now: () => Date,
): Promise<void> {
  try {
    const path =
      runner.getState(STATE.ledger) ||
      (env['RUNNER_TEMP'] ? defaultLedgerPath(env['RUNNER_TEMP']) : '');
    if (!path) return;
    const ledger = new Ledger(path);
    const { closed } = await closeOpenGrants({
      runner,
      ledger,
      now,
      idToken: githubIdTokenSource,
      env,
    });
    if (closed.length === 0) {
      runner.log.info('jit-credentials: no open grants left to close.');
      return;
    }
    for (const g of closed)
      runner.log.info(
        `Closed grant ${g.id} (${g.provider}, ${g.principal ?? ''}): ${g.closeMethod ?? g.phase}.`,
      );
    const all = ledger.grants().filter((g) => g.phase !== 'requested');
    await runner.appendSummary(
      summaryBlock('🔒 jit-credentials · end of job', closed, [
        `Every grant of this job: **${verdict(all)}**`,
        timeline(all),
      ]),
    );
  } catch (err) {
    runner.log.warning(`jit-credentials could not close the job's grants: ${errorMessage(err)}`);
  }
}
