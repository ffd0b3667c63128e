import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { ConfigurationError } from '../errors.js';
import type { Runner } from '../runner/runner.js';
import type { ProviderId } from '../providers/provider.js';
import { privateDir } from '../runner/temp.js';
import type { Gate } from './engine.js';
import type { EngineSettings } from './settings.js';

/** Matches src/policy's default; repeated here so that a job without a policy never loads that code. */
const DEFAULT_POLICY_PATH = '.github/jit-policy.yml';

export interface PolicyGate {
  gate: Gate;
  /** Markdown for the summary once the decision is made. */
  rendered: () => string | undefined;
}

/**
 * With a policy file present (the `policy` input, or the default path in the workspace), every
 * grant needs a rule that allows it: the GitHub token is verified and decided on before any
 * request reaches a cloud. Without one there is no gate (the cloud's trust policy decides).
 */
export async function policyGate(
  settings: EngineSettings,
  request: { provider: ProviderId; principal: string; duration: number },
  env: NodeJS.ProcessEnv,
  runner: Runner,
): Promise<PolicyGate | undefined> {
  const workspace = env['GITHUB_WORKSPACE'] ?? process.cwd();
  const explicit = settings.policyPath !== undefined;
  const relative = settings.policyPath ?? DEFAULT_POLICY_PATH;
  const path = isAbsolute(relative) ? relative : join(workspace, relative);
  if (!explicit && !existsSync(path)) {
    if (settings.oidcIssuer !== undefined) {
      (await import('../policy/index.js')).checkIssuer(settings.oidcIssuer);
    }
    return undefined;
  }
  const policyLib = await import('../policy/index.js');
  const issuer = policyLib.checkIssuer(settings.oidcIssuer ?? policyLib.GITHUB_ISSUER);
  const policy = await policyLib.loadPolicy(path, { explicit });
  if (!policy) return undefined;
  for (const w of policy.warnings) {
    runner.log.warning(`${relative}:${w.pos.line}:${w.pos.col}: rule '${w.rule}': ${w.message}`);
  }
  let rendered: string | undefined;
  return {
    rendered: () => rendered,
    gate: async (token, audience) => {
      const cacheDir = env['RUNNER_TEMP'] ? privateDir(env['RUNNER_TEMP']) : undefined;
      const claims = await policyLib.verifyGitHubToken(token, { issuer, audience, cacheDir });
      const decision = policyLib.decide(policy, claims, { ...request, delivery: settings.mode });
      rendered = policyLib.renderDecision(decision);
      if (!decision.allowed) {
        throw new ConfigurationError(
          `The policy ${relative} allows no grant for this request (${request.provider} ${request.principal}, ` +
            `${settings.mode}, ${request.duration}s), so nothing was asked of the cloud.\n` +
            decision.reasons.map((r) => `- ${r}`).join('\n'),
        );
      }
      return decision.record;
    },
  };
}
