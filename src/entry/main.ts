import { closeOpenGrants } from '../grant/close.js';
import { issueGrant } from '../grant/engine.js';
import { policyGate, type PolicyGate } from '../grant/policy-gate.js';
import { defaultLedgerPath, Ledger } from '../grant/ledger.js';
import { summaryBlock } from '../grant/render.js';
import { readCommonSettings, type EngineSettings } from '../grant/settings.js';
import { ConfigurationError } from '../errors.js';
import { loadProvider } from '../providers/provider.js';
import { frontRunner, type Front } from '../fronts/front.js';
import { Inputs } from '../runner/inputs.js';
import { checkIdTokenAvailable, githubIdTokenSource, type IdTokenSource } from '../runner/oidc.js';
import { actionsRunner, type Runner } from '../runner/runner.js';
import { reportFailure } from './report.js';

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
  let ledger: Ledger | undefined;
  let settings: EngineSettings | undefined;
  let policy: PolicyGate | undefined;
  try {
    const inputs = new Inputs(runner);
    settings = readCommonSettings(inputs, env);
    const provider = await loadProvider(settings.provider);
    const providerSettings = provider.parse(inputs, settings, env);
    const runnerTemp = env['RUNNER_TEMP'];
    if (!runnerTemp) {
      throw new ConfigurationError(
        'RUNNER_TEMP is not set: run this action on a GitHub Actions runner.',
      );
    }
    const described = provider.describe(providerSettings);
    // Endpoint overrides the provider's settings found (the GitHub token goes there): named in a
    // warning (Google's provider warns in its own issue()) and in the policy record.
    const overridden = (providerSettings as { overridden?: readonly string[] }).overridden ?? [];
    if (provider.id !== 'gcp') {
      for (const o of overridden)
        runner.log.warning(
          `${o}: the GitHub OIDC token for this grant is sent there, not to ${provider.id}'s own endpoint.`,
        );
    }
    policy = await policyGate(
      settings,
      {
        provider: provider.id,
        principal: described.principal,
        duration: described.duration ?? settings.duration ?? 3600,
      },
      env,
      runner,
      overridden,
    );
    checkIdTokenAvailable(env);
    ledger = new Ledger(defaultLedgerPath(runnerTemp));
    const result = await issueGrant(
      settings,
      provider,
      providerSettings,
      { runner, ledger, idToken: deps.idToken, now: deps.now, runnerTemp, baseEnv: env },
      policy?.gate,
    );
    await runner.appendSummary(
      summaryBlock(title(settings, env), [result.grant], extras(policy?.rendered())),
    );
    if (result.exitCode !== undefined && result.exitCode !== 0) {
      runner.fail(
        `The command given in 'run' exited with code ${result.exitCode}; the grant is closed.`,
      );
      process.exitCode = result.exitCode;
    } else if (settings.mode === 'env') {
      runner.log.info(
        `Credentials exported to the job's environment until actions/revoke or the end of the job; grant ${result.grant.id}.`,
      );
    }
  } catch (err) {
    reportFailure(runner, err);
    if (ledger && settings) {
      // Whatever made it onto the ledger in this step is shown, denials included.
      const mine = ledger.grants().filter((g) => g.step === (env['GITHUB_ACTION'] ?? ''));
      const last = mine.at(-1);
      if (last) {
        const block = summaryBlock(title(settings, env), [last], extras(policy?.rendered()));
        await runner.appendSummary(block).catch(() => undefined);
      }
      // Nothing half-delivered stays behind: close whatever this step left open.
      await closeOpenGrants(
        { runner, ledger, now: deps.now, idToken: deps.idToken, env },
        last ? [last.id] : [],
      ).catch(() => undefined);
    }
  }
}

function title(settings: EngineSettings, env: NodeJS.ProcessEnv): string {
  const step = env['GITHUB_ACTION'] ? ` · step \`${env['GITHUB_ACTION']}\`` : '';
  return `🔑 jit-credentials · ${settings.provider} · ${settings.mode}${step}`;
}

const extras = (text: string | undefined): string[] => (text ? [text] : []);
