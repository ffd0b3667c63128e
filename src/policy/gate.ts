import { ConfigurationError } from '../errors.js';
import type { Logger } from '../runner/logger.js';
import {
  readApproval,
  readTeamMembers,
  type ApprovalRecord,
  type TeamMembers,
} from './approvals.js';
import { decide, teamsToRead, type ApprovalEvidence } from './decide.js';
import { GitHubApi } from './github-api.js';
import { checkIssuer, defaultIssuer } from './issuer.js';
import { renderDecision, renderNoPolicy } from './render.js';
import {
  loadTrustedPolicy,
  originRecord,
  type PolicySourceDeps,
  type PolicySourceSettings,
} from './source.js';
import type { PolicyRequest } from './types.js';
import { verifyGitHubToken } from './verify.js';

export { prefetchKeys } from './verify.js';

export interface PolicyJudgeSettings {
  readonly source: PolicySourceSettings;
  /** Checked issuer URL the token must come from. */
  readonly issuer: string;
  /** Where discovery and keys are kept for later steps (RUNNER_TEMP/jit-credentials). */
  readonly cacheDir: string | undefined;
}

/** The `oidc-issuer` input, or the runner's own issuer; checked before any request. */
export function trustedIssuer(input: string | undefined, env: NodeJS.ProcessEnv): string {
  return checkIssuer(input ?? defaultIssuer(env));
}

export interface Judgement {
  /** Allowed by a rule, or no policy on the trusted ref (and none required). */
  readonly allowed: boolean;
  /** For the ledger: decision, rule, deciding claims, where the policy came from. No token. */
  readonly record: Record<string, unknown>;
  /** Markdown for the job summary. */
  readonly rendered: string;
  /** The refusal, claim by claim, when not allowed. */
  readonly refusal?: string;
  /** The deployment review of the token's environment, as read; undefined when it names none. */
  readonly approval?: ApprovalRecord;
}

/**
 * Judges one request with the job's first OIDC token, before any cloud sees it: the token is
 * verified, its claims name the repository (and workflow) whose policy applies, that policy is
 * read from GitHub at a commit and decided on. Throws when the token does not verify or the
 * policy cannot be read: both refuse the grant.
 */
export async function judge(
  settings: PolicyJudgeSettings,
  request: PolicyRequest,
  token: string,
  audience: string,
  deps: PolicySourceDeps & {
    readonly log: Logger;
    readonly now?: Date;
    /** Told once the token has verified, before the policy is read: its claims may then be recorded. */
    readonly onVerified?: () => void;
  },
): Promise<Judgement> {
  const claims = await verifyGitHubToken(token, {
    issuer: settings.issuer,
    audience,
    ...(settings.cacheDir ? { cacheDir: settings.cacheDir } : {}),
    timeoutMs: settings.source.timeoutMs,
    ...(deps.now ? { now: deps.now } : {}),
  });
  deps.onVerified?.();
  const trusted = await loadTrustedPolicy(settings.source, claims, deps);
  for (const w of trusted.warnings) deps.log.warning(w);
  const origin = originRecord(trusted);
  // Read whatever the policy says: a reviewer wants the approval next to every issuance.
  const api = approvalsApi(settings.source, deps);
  const approval = await readApproval(claims, { api, now: () => deps.now ?? new Date() });
  const withApproval = approval ? { approval } : {};
  if (!trusted.policy) {
    return {
      allowed: true,
      record: { decision: 'no-policy', ...origin },
      rendered: renderNoPolicy(trusted.origin.location, trusted.origin.source, trusted.warnings),
      ...withApproval,
    };
  }
  for (const w of trusted.policy.warnings) {
    deps.log.warning(`${trusted.origin.location}:${w.pos.line}:${w.pos.col}: ${w.message}`);
  }
  const evidence = await approvalEvidence(approval, trusted.policy, claims, request, api);
  const decision = decide(trusted.policy, claims, request, evidence);
  const record = { ...decision.record, ...origin };
  const rendered = renderDecision({ ...decision, record }, trusted.warnings);
  if (decision.allowed) return { allowed: true, record, rendered, ...withApproval };
  return {
    ...withApproval,
    allowed: false,
    record,
    rendered,
    refusal:
      `The policy ${trusted.origin.location} (${trusted.origin.source}, ${trusted.digest}) allows no grant for this request ` +
      `(${request.provider} ${request.principal}, ${request.delivery}, ${request.duration}s), so nothing was asked of the cloud.\n` +
      decision.reasons.map((r) => `- ${r}`).join('\n'),
  };
}

/** The API client for review history and teams, or undefined when no token was given. */
function approvalsApi(source: PolicySourceSettings, deps: PolicySourceDeps): GitHubApi | undefined {
  if (source.githubToken === undefined) return undefined;
  return new GitHubApi({
    apiUrl: source.apiUrl,
    token: source.githubToken,
    timeoutMs: source.timeoutMs,
    // One retry at most: the wait for a review history stays bounded by two deadlines.
    attempts: 2,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
  });
}

/** Team members are read only when an approval exists and a rule that could allow names teams. */
async function approvalEvidence(
  approval: ApprovalRecord | undefined,
  policy: NonNullable<Awaited<ReturnType<typeof loadTrustedPolicy>>['policy']>,
  claims: Record<string, unknown>,
  request: PolicyRequest,
  api: GitHubApi | undefined,
): Promise<ApprovalEvidence> {
  const teams: Record<string, TeamMembers> = {};
  if (approval?.status === 'approved') {
    for (const team of teamsToRead(policy, claims, request.provider).slice(0, 10))
      teams[team] = await readTeamMembers(team, api);
  }
  return { approval, teams };
}

/** A refusal as the error the step fails with. */
export function refusalError(j: Judgement): ConfigurationError {
  return new ConfigurationError(j.refusal ?? 'The policy refused this request.');
}
