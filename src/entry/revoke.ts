import {
  closeJobGrants,
  emptyEveryCloudVariable,
  type JobClose,
  startProxy,
  worthShowing,
} from '../grant/close-job.js';
import { closedLine } from '../grant/close.js';
import { summaryBlock } from '../grant/render.js';
import { displayStates } from '../grant/targets.js';
import { errorMessage } from '../errors.js';
import { Inputs } from '../runner/inputs.js';
import { lazyIdTokenSource } from '../runner/lazy-id-token.js';
import type { IdTokenSource } from '../runner/oidc.js';
import { actionsRunner, type Runner } from '../runner/runner.js';

export async function main(): Promise<void> {
  await runRevoke(actionsRunner(), process.env, () => new Date(), lazyIdTokenSource);
}

/**
 * Closes grants now, mid-job: the named ones, or every one of the job. Closing twice is harmless.
 * Without names, every cloud variable still set is emptied as well, whatever the ledger names:
 * its lines are anyone's to delete. A ledger this step could not read whole fails the step.
 */
export async function runRevoke(
  runner: Runner,
  env: NodeJS.ProcessEnv,
  now: () => Date,
  idToken: IdTokenSource,
): Promise<void> {
  try {
    const proxyProblem = startProxy(runner, env);
    const only = new Inputs(runner).list('grant-id');
    const job = await closeJobGrants(
      { runner, env, now, idToken, by: 'revoke' },
      only.length ? only : undefined,
    );
    const leftOver = only.length ? [] : emptyEveryCloudVariable(runner, env);
    const { states, contradicted } = displayStates(job.events, job.before, job.results);
    // Grants the ledger already showed closed were scrubbed again, silently: only news is reported.
    const closed = worthShowing(job, contradicted);
    runner.setOutput('closed', [...closed].join(','));
    for (const r of job.results) runner.log.info(closedLine(r));
    const notes = [
      ...leftOverNote(leftOver),
      ...[...contradicted].map(
        (id) =>
          `⚠️ The ledger said grant \`${id}\` ended otherwise than this step found; the table shows what this step found.`,
      ),
    ];
    const failures = [...(proxyProblem ? [proxyProblem] : []), ...revokeFailures(job)];
    if (leftOver.length) runner.log.warning(leftOverNote(leftOver).join(' '));
    if (closed.size === 0 && !notes.length && !failures.length) {
      runner.log.info('No open grants to close.');
      return;
    }
    await runner.appendSummary(
      summaryBlock(
        '🔒 jit-credentials · revoke',
        states.filter((g) => closed.has(g.id)),
        [...failures.map((f) => `⚠️ ${f}`), ...notes],
        now(),
        { ledgerPath: job.ledgerPath },
      ),
    );
    if (failures.length) runner.fail(failures.join('\n'));
  } catch (err) {
    runner.fail(`jit-credentials revoke could not close grants: ${errorMessage(err)}`);
  }
}

/** The cloud variables that no grant closed here accounted for, emptied anyway. */
function leftOverNote(names: readonly string[]): string[] {
  if (!names.length) return [];
  return [
    `Emptied ${names.map((n) => `\`${n}\``).join(', ')}: still set in this step's environment though no grant of the ledger held them (the ledger's lines may have been removed, or another tool exported them).`,
  ];
}

/**
 * Why the step fails: an id the job never issued, a ledger this step could not read whole (what
 * it did not read may name grants still open), or a revocation that was asked for and not made.
 */
function revokeFailures(job: JobClose): string[] {
  const failures = job.unknown.map(
    (id) =>
      `No grant '${id}' in this job's ledger (${job.ledgerPath}); nothing was closed for it. Pass a \`grant-id\` output of a jit-credentials step of this job.`,
  );
  for (const problem of job.ledgerProblems) {
    failures.push(`The ledger ${job.ledgerPath} ${problem}: a step of this job tampered with it.`);
  }
  if (job.skipped || job.truncated) {
    failures.push(
      `The ledger ${job.ledgerPath} holds ${job.skipped} line(s) that are not jit-credentials events${job.truncated ? ' and was cut at its size limit' : ''}: a step of this job wrote them, and grants they hide may still be open until the post step.`,
    );
  }
  for (const r of job.results.filter((x) => x.revocationFailed)) {
    failures.push(`Grant ${r.id}: ${r.problems.join('; ')}`);
  }
  return failures;
}
