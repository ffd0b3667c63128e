import { join } from 'node:path';
import { errorMessage } from '../errors.js';
import { Inputs } from '../runner/inputs.js';
import type { Runner } from '../runner/runner.js';
import type { ProviderId } from '../providers/provider.js';
import { LEDGER_DIR } from './ledger.js';
import type { Gate } from './engine.js';
import type { EngineSettings } from './settings.js';

export interface PolicyGate {
  gate: Gate;
  /** Markdown for the summary once the decision is made (or the policy failed to apply). */
  rendered: () => string | undefined;
}

/**
 * Every grant passes the gate: the first OIDC token is verified, the policy is read from the
 * repository its claims name (src/policy/source.ts), and decided on before any request reaches
 * a cloud. The inputs are read here, before any request, so that a mistake costs nothing.
 */
export async function policyGate(
  settings: EngineSettings,
  request: { provider: ProviderId; principal: string; duration: number },
  env: NodeJS.ProcessEnv,
  runner: Runner,
  endpointOverrides: readonly string[] = [],
): Promise<PolicyGate> {
  const [
    { judge, refusalError, trustedIssuer },
    { readPolicySourceSettings },
    { renderPolicyFailure },
  ] = await Promise.all([
    import('../policy/gate.js'),
    import('../policy/source.js'),
    import('../policy/render.js'),
  ]);
  const issuer = trustedIssuer(settings.oidcIssuer, env);
  const source = readPolicySourceSettings(new Inputs(runner), env);
  if (source.githubToken) runner.mask(source.githubToken);
  const cacheDir = env['RUNNER_TEMP'] ? join(env['RUNNER_TEMP'], LEDGER_DIR) : undefined;
  let rendered: string | undefined;
  return {
    rendered: () => rendered,
    gate: async (token, audience) => {
      try {
        const judgement = await judge(
          { source, issuer, cacheDir },
          { ...request, delivery: settings.mode },
          token,
          audience,
          { log: runner.log },
        );
        rendered = judgement.rendered;
        if (!judgement.allowed) throw refusalError(judgement);
        return endpointOverrides.length
          ? { ...judgement.record, endpointOverrides }
          : judgement.record;
      } catch (err) {
        rendered ??= renderPolicyFailure(errorMessage(err));
        throw err;
      }
    },
  };
}
