import type { DeliveryMode, ProviderId } from '../providers/provider.js';
import { claimText, RECORDED_CLAIMS } from './claims.js';
import { formatDuration } from './duration.js';
import { describeMatcher } from './describe.js';
import type { ApprovalRecord, TeamMembers } from './approvals.js';
import type { Decision, LoadedPolicy, PolicyRequest, Rule } from './types.js';

/**
 * What the run's reviewers did, read from GitHub before deciding and handed in as a value:
 * the approval of the token's environment (undefined when the token names none) and the
 * members of every team a matching rule names.
 */
export interface ApprovalEvidence {
  readonly approval: ApprovalRecord | undefined;
  readonly teams: Readonly<Record<string, TeamMembers>>;
}

/** Why one rule did not allow the request: each failed condition, in file order. */
export interface RuleMismatch {
  readonly rule: string;
  readonly failures: readonly string[];
}

/** Claim conditions of one rule that do not hold; empty when all do. */
export function claimFailures(rule: Rule, claims: Record<string, unknown>): string[] {
  const failures: string[] = [];
  for (const c of rule.when) {
    const value = claimText(claims[c.claim]);
    const wanted = c.anyOf.map(describeMatcher).join(' or ');
    if (value === undefined) failures.push(`${c.claim} is absent from the token, wants ${wanted}`);
    else if (!c.anyOf.some((m) => m.test(value)))
      failures.push(`${c.claim} is '${value}', wants ${wanted}`);
  }
  return failures;
}

/**
 * Default deny: the first rule whose claims, provider, principal, duration and delivery
 * all hold allows the request; otherwise every rule's mismatches are the reasons.
 * Pure and synchronous so it costs microseconds and can be table-tested.
 */
export function decide(
  policy: LoadedPolicy,
  claims: Record<string, unknown>,
  request: PolicyRequest,
  evidence?: ApprovalEvidence,
): Decision {
  return evaluate(policy, claims, request, evidence);
}

/** Like decide, but request fields left out are not checked (the CLI's `policy test`). */
export function decidePartial(
  policy: LoadedPolicy,
  claims: Record<string, unknown>,
  request: { provider: ProviderId; principal?: string; duration?: number; delivery?: DeliveryMode },
  evidence?: ApprovalEvidence,
): Decision {
  return evaluate(policy, claims, request, evidence);
}

function evaluate(
  policy: LoadedPolicy,
  claims: Record<string, unknown>,
  request: Partial<PolicyRequest>,
  evidence: ApprovalEvidence | undefined,
): Decision {
  const mismatches: RuleMismatch[] = [];
  for (const rule of policy.rules) {
    const failures = requestFailures(rule, request);
    const otherCloud = request.provider !== undefined && request.provider !== rule.allow.provider;
    failures.push(...claimFailures(rule, claims));
    const approval = otherCloud ? undefined : approvalCheck(rule, evidence);
    failures.push(...(approval?.failures ?? []));
    if (failures.length === 0) {
      return {
        allowed: true,
        rule: rule.name,
        maxDuration: rule.allow.maxDuration,
        delivery: rule.allow.delivery,
        reasons: [...allowReasons(rule, claims, request), ...(approval?.reasons ?? [])],
        record: record(policy, claims, request, {
          decision: 'allowed',
          rule: rule.name,
          ruleClaims: rule.when.map((c) => c.claim),
          ...(approval?.record ? { approval: approval.record } : {}),
        }),
      };
    }
    mismatches.push({ rule: rule.name, failures });
  }
  const reasons =
    policy.rules.length === 0
      ? ['the policy has no rules, so nothing is allowed']
      : mismatches.map((m) => `rule ${m.rule}: ${m.failures.join('; ')}`);
  return {
    allowed: false,
    reasons,
    record: record(policy, claims, request, { decision: 'denied', mismatches }),
  };
}

function requestFailures(rule: Rule, request: Partial<PolicyRequest>): string[] {
  const a = rule.allow;
  const failures: string[] = [];
  if (request.provider !== undefined && request.provider !== a.provider) {
    failures.push(`provider is ${request.provider}, rule is for ${a.provider}`);
    return failures; // the other fields mean nothing for another cloud
  }
  if (request.principal !== undefined && !a.principal.test(request.principal)) {
    failures.push(
      `${a.principalKey} is '${request.principal}', wants ${describeMatcher(a.principal)}`,
    );
  }
  if (request.duration !== undefined && request.duration > a.maxDuration) {
    failures.push(
      `duration ${request.duration} s (${formatDuration(request.duration)}) is above max-duration ${a.maxDuration} s (${a.maxDurationText})`,
    );
  }
  if (request.delivery !== undefined && !a.delivery.includes(request.delivery)) {
    failures.push(`delivery is ${request.delivery}, rule requires ${a.delivery.join(' or ')}`);
  }
  return failures;
}

function allowReasons(
  rule: Rule,
  claims: Record<string, unknown>,
  request: Partial<PolicyRequest>,
): string[] {
  const a = rule.allow;
  const reasons = rule.when.map(
    (c) =>
      `${c.claim} '${claimText(claims[c.claim])}' matches ${c.anyOf.map(describeMatcher).join(' or ')}`,
  );
  if (request.principal !== undefined)
    reasons.push(
      `${a.principalKey} '${request.principal}' matches ${describeMatcher(a.principal)}`,
    );
  if (request.duration !== undefined) {
    reasons.push(
      `duration ${formatDuration(request.duration)} is within max-duration ${a.maxDurationText}`,
    );
  }
  if (request.delivery !== undefined && a.delivery.length < 3) {
    reasons.push(`delivery ${request.delivery} is one of ${a.delivery.join(', ')}`);
  }
  return reasons;
}

function record(
  policy: LoadedPolicy,
  claims: Record<string, unknown>,
  request: Partial<PolicyRequest>,
  extra: {
    decision: 'allowed' | 'denied';
    rule?: string;
    ruleClaims?: string[];
    mismatches?: RuleMismatch[];
    approval?: Record<string, unknown>;
  },
): Record<string, unknown> {
  const keep = new Set([...RECORDED_CLAIMS, ...(extra.ruleClaims ?? [])]);
  const deciding: Record<string, string> = {};
  for (const name of keep) {
    const v = claimText(claims[name]);
    if (v !== undefined) deciding[name] = v;
  }
  return {
    decision: extra.decision,
    ...(extra.rule ? { rule: extra.rule } : {}),
    policyPath: policy.path,
    policyDigest: `sha256:${policy.digest}`,
    request: {
      provider: request.provider,
      principal: request.principal,
      duration: request.duration,
      delivery: request.delivery,
    },
    claims: deciding,
    ...(extra.mismatches ? { mismatches: extra.mismatches } : {}),
    ...(extra.approval ? { approval: extra.approval } : {}),
  };
}

interface ApprovalCheck {
  readonly failures: string[];
  readonly reasons: string[];
  readonly record?: Record<string, unknown>;
}

/** Whether a rule's `require-approval` holds on the evidence; nothing is assumed that was not read. */
export function approvalCheck(rule: Rule, evidence: ApprovalEvidence | undefined): ApprovalCheck {
  const req = rule.requireApproval;
  if (!req) return { failures: [], reasons: [] };
  const fail = (why: string): ApprovalCheck => ({
    failures: [`require-approval: ${why}`],
    reasons: [],
  });
  if (!evidence)
    return fail("not checked without the run's review history (policy test: --approvals FILE)");
  const a = evidence.approval;
  if (!a) {
    return fail(
      "the token has no 'environment' claim, so no deployment was reviewed; run the job in a GitHub environment with required reviewers",
    );
  }
  if (a.status === 'unavailable')
    return fail(`the review history of run ${a.runId} could not be read: ${a.error ?? 'unknown'}`);
  const rejected = a.reviews.filter((r) => r.state === 'rejected').map((r) => r.login);
  if (rejected.length)
    return fail(`${rejected.join(', ')} rejected the deployment to '${a.environment}'`);
  const approvers = a.reviews.filter((r) => r.state === 'approved').map((r) => r.login);
  if (!approvers.length)
    return fail(`no one approved the deployment to '${a.environment}' in run ${a.runId}`);
  const teamLogins = (team: string) => {
    const t = evidence.teams[team];
    return t && 'logins' in t ? t.logins : [];
  };
  const anyone = req.reviewers.length === 0 && req.teams.length === 0;
  const counted = approvers.filter(
    (l) =>
      anyone ||
      req.reviewers.includes(l.toLowerCase()) ||
      req.teams.some((t) => teamLogins(t).includes(l.toLowerCase())),
  );
  if (!counted.length) {
    const unread = req.teams.flatMap((t) => {
      const e = evidence.teams[t];
      return !e ? [`team ${t} was not read`] : 'error' in e ? [`team ${t}: ${e.error}`] : [];
    });
    const allowed = [...req.reviewers, ...req.teams.map((t) => `members of ${t}`)].join(', ');
    return fail(
      `approved by ${approvers.join(', ')}, none of them an allowed reviewer (${allowed})${unread.length ? `; ${unread.join('; ')}` : ''}`,
    );
  }
  return {
    failures: [],
    reasons: [`deployment to '${a.environment}' approved by ${counted.join(', ')}`],
    record: { environment: a.environment, approvedBy: counted },
  };
}

/** Teams named by the rules that could allow this request: only those are read. */
export function teamsToRead(
  policy: LoadedPolicy,
  claims: Record<string, unknown>,
  provider: ProviderId,
): string[] {
  const teams = new Set<string>();
  for (const rule of policy.rules) {
    if (rule.allow.provider !== provider || !rule.requireApproval) continue;
    if (claimFailures(rule, claims).length) continue;
    for (const t of rule.requireApproval.teams) teams.add(t);
  }
  return [...teams];
}

/** Rules whose claim conditions hold, whatever the request: for `policy test` without a request. */
export function matchingRules(
  policy: LoadedPolicy,
  claims: Record<string, unknown>,
): { matched: Rule[]; mismatches: RuleMismatch[] } {
  const matched: Rule[] = [];
  const mismatches: RuleMismatch[] = [];
  for (const rule of policy.rules) {
    const failures = claimFailures(rule, claims);
    if (failures.length === 0) matched.push(rule);
    else mismatches.push({ rule: rule.name, failures });
  }
  return { matched, mismatches };
}
