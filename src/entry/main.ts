import { closedLine } from '../grant/close.js';
import { runGrant, PolicyRefusal, type GrantOutcome } from '../grant/engine.js';
import { createJudge, PolicyUnavailable } from '../grant/decide.js';
import { Ledger, ledgerPath } from '../grant/ledger.js';
import { OUTPUT } from '../grant/names.js';
import { Recorder } from '../grant/recorder.js';
import { summaryBlock } from '../grant/render.js';
import { readCommonSettings, type EngineSettings } from '../grant/settings.js';
import { loadProvider } from '../providers/provider.js';
import { frontRunner, type Front } from '../fronts/front.js';
import { Inputs } from '../runner/inputs.js';
import { checkIdTokenAvailable, githubIdTokenSource, type IdTokenSource } from '../runner/oidc.js';
import { droppedInShort } from '../runner/command.js';
import { mdCode } from '../runner/markdown.js';
import { actionsRunner, type Runner } from '../runner/runner.js';
import { privateDir, runnerTempOf } from '../runner/temp.js';
import { watchCancel } from '../runner/cancel.js';
import { reportFailure } from './report.js';
import { errorMessage } from '../errors.js';
import { initProxy } from '../runner/proxy.js';

export interface MainDeps {
  runner: Runner;
  env: NodeJS.ProcessEnv;
  idToken: IdTokenSource;
  now: () => Date;
}

export async function main(front?: Front): Promise<void> {
  const runner = actionsRunner();
  await runMain({
    runner: front ? frontRunner(runner, front) : runner,
    env: process.env,
    idToken: githubIdTokenSource,
    now: () => new Date(),
  });
}

/** Reads and checks everything before the first request; then one grant, recorded and summarised. */
export async function runMain(deps: MainDeps): Promise<void> {
  const { runner, env } = deps;
  let recorder: Recorder | undefined;
  let settings: EngineSettings | undefined;
  let outcome: GrantOutcome | undefined;
  let rendered: string | undefined;
  try {
    initProxy(env, (secret) => runner.mask(secret));
    const inputs = new Inputs(runner);
    settings = readCommonSettings(inputs, env);
    const provider = await loadProvider(settings.provider);
    const plan = await provider.plan(inputs, settings, env);
    const temp = runnerTempOf(env['RUNNER_TEMP']);
    const judge = createJudge(settings, env, runner, plan.request.endpointOverrides);
    checkIdTokenAvailable(env);
    const dir = privateDir(temp);
    recorder = new Recorder(new Ledger(ledgerPath(dir)), deps.now);
    runner.setOutput(OUTPUT.ledger, recorder.ledger.path);
    runner.setOutput(OUTPUT.grantId, settings.grantId);
    const cancel = watchCancel();
    try {
      outcome = await runGrant(settings, provider, plan, judge, {
        runner,
        recorder,
        idToken: deps.idToken,
        now: deps.now,
        privateDir: dir,
        env,
        cancel,
      });
    } finally {
      cancel.dispose();
    }
    rendered = outcome.decision.rendered;
    await runner.appendSummary(
      summaryBlock(title(settings, env), recorder.states(), extras(rendered), deps.now()),
    );
    // The command's own summary comes after the record, so that nothing it wrote can precede,
    // imitate or hide it.
    if (outcome.commandSummary) {
      await runner
        .appendSummary(outcome.commandSummary)
        .catch((e: unknown) =>
          runner.log.warning(`The command's summary could not be written: ${errorMessage(e)}`),
        );
    }
    report(outcome, settings, runner);
  } catch (err) {
    if (err instanceof PolicyRefusal) rendered = err.decision.rendered;
    if (err instanceof PolicyUnavailable) rendered = err.rendered;
    reportFailure(runner, err);
    // Whatever this step put on the ledger is shown, refusals included.
    const states = recorder?.states() ?? [];
    if (settings && states.length) {
      await runner
        .appendSummary(summaryBlock(title(settings, env), states, extras(rendered), deps.now()))
        .catch((e: unknown) =>
          runner.log.warning(`The summary could not be written: ${errorMessage(e)}`),
        );
    }
  }
}

function report(outcome: GrantOutcome, settings: EngineSettings, runner: Runner): void {
  if (outcome.closed) runner.log.info(closedLine(outcome.closed));
  const problems = outcome.closed?.problems ?? [];
  if (outcome.closed?.revocationFailed) {
    runner.fail(`Grant ${outcome.closed.id}: ${problems.join('; ')}`);
  }
  if (outcome.dropped?.length) {
    runner.fail(
      `What the command wrote to its file commands was refused (the errors above say why): ${outcome.dropped.map(droppedInShort).join(', ')}.`,
    );
  }
  if (outcome.exitCode !== undefined && outcome.exitCode !== 0) {
    runner.fail(
      `The command given in 'run' exited with code ${outcome.exitCode}; the grant is closed.`,
    );
    process.exitCode = outcome.exitCode;
  } else if (settings.mode === 'env') {
    runner.log.info(
      `Credentials exported to the job's environment until actions/revoke or the end of the job; grant ${settings.grantId}.`,
    );
  }
}

function title(settings: EngineSettings, env: NodeJS.ProcessEnv): string {
  const step = env['GITHUB_ACTION'] ? ` · step ${mdCode(env['GITHUB_ACTION'])}` : '';
  return `🔑 jit-credentials · ${settings.provider} · ${settings.mode}${step}`;
}

const extras = (text: string | undefined): string[] => (text ? [text] : []);
