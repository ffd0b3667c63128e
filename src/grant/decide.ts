import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { GrantRequest } from '../providers/provider.js';
import type { Runner } from '../runner/runner.js';
import type { EngineSettings } from './settings.js';

/** Matches src/policy's default; repeated here so that a job without a policy never loads that code. */
const DEFAULT_POLICY_PATH = '.github/jit-policy.yml';

/** The policy's answer for one request: a plain value, recorded whatever it says. */
export interface Decision {
  readonly allowed: boolean;
  /** Why not, one line per reason; empty when allowed. */
  readonly reasons: readonly string[];
  /** What the ledger keeps: rule, policy digest, the claims that decided. */
  readonly record: Record<string, unknown>;
  /** Markdown for the summary. */
  readonly rendered: string;
}

/** A loaded policy, ready to judge a request with the job's verified GitHub token. */
export interface Judge {
  /** Where the policy came from, for messages. */
  readonly source: string;
  judge(request: GrantRequest, token: string): Promise<Decision>;
}

/**
 * With a policy file present (the `policy` input, or the default path), every grant needs a
 * rule that allows it, judged on the verified GitHub token before any request reaches a cloud.
 * Without one there is no judge: the cloud's trust policy alone decides.
 */
export async function loadJudge(
  settings: EngineSettings,
  env: NodeJS.ProcessEnv,
  runner: Runner,
): Promise<Judge | undefined> {
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
  return {
    source: relative,
    judge: async (request, token) => {
      const claims = await policyLib.verifyGitHubToken(token, {
        issuer,
        audience: request.audience,
      });
      const decision = policyLib.decide(policy, claims, {
        provider: request.provider,
        principal: request.principal,
        duration: request.lifetime,
        delivery: settings.mode,
      });
      return {
        allowed: decision.allowed,
        reasons: decision.reasons,
        record: decision.record,
        rendered: policyLib.renderDecision(decision),
      };
    },
  };
}
