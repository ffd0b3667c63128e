import type { DeliveryMode, ProviderId } from '../providers/provider.js';
import { claimText, RECORDED_CLAIMS } from './claims.js';
import { formatDuration } from './duration.js';
import { describeMatcher } from './describe.js';
import type { Decision, LoadedPolicy, PolicyRequest, Rule } from './types.js';

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
): Decision {
  return evaluate(policy, claims, request);
}

/** Like decide, but request fields left out are not checked (the CLI's `policy test`). */
export function decidePartial(
  policy: LoadedPolicy,
  claims: Record<string, unknown>,
  request: { provider: ProviderId; principal?: string; duration?: number; delivery?: DeliveryMode },
): Decision {
  return evaluate(policy, claims, request);
}

function evaluate(
  policy: LoadedPolicy,
  claims: Record<string, unknown>,
  request: Partial<PolicyRequest>,
): Decision {
  const mismatches: RuleMismatch[] = [];
  for (const rule of policy.rules) {
    const failures = requestFailures(rule, request);
    failures.push(...claimFailures(rule, claims));
    if (failures.length === 0) {
      return {
        allowed: true,
        rule: rule.name,
        maxDuration: rule.allow.maxDuration,
        delivery: rule.allow.delivery,
        reasons: allowReasons(rule, claims, request),
        record: record(policy, claims, request, {
          decision: 'allowed',
          rule: rule.name,
          ruleClaims: rule.when.map((c) => c.claim),
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
  };
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
