import type { DeliveryMode, ProviderId } from '../providers/provider.js';

/** Where a value came from in the policy file, for messages that say file:line:col. */
export interface SourcePos {
  readonly line: number;
  readonly col: number;
}

/** One claim value test: exact string, `*`/`?` glob, or an anchored `^...$` regular expression. */
export interface Matcher {
  readonly kind: 'exact' | 'glob' | 'regex';
  /** As written in the policy file. */
  readonly source: string;
  readonly test: (value: string) => boolean;
}

/** A claim condition: the claim must match any one of the matchers. */
export interface Condition {
  readonly claim: string;
  readonly anyOf: readonly Matcher[];
  readonly pos: SourcePos;
}

export interface RuleAllow {
  readonly provider: ProviderId;
  /** Role ARN, service account email, workload identity provider name or client id: matched against the request. */
  readonly principal: Matcher;
  /** Policy key the principal came from (role, service-account, workload-identity-provider, client-id). */
  readonly principalKey: string;
  /** Seconds. */
  readonly maxDuration: number;
  /** As written, for messages ("15m"). */
  readonly maxDurationText: string;
  /** Delivery modes this rule allows; all three when the rule does not say. */
  readonly delivery: readonly DeliveryMode[];
}

/** `require-approval`: a deployment review of the token's environment must have approved the run. */
export interface ApprovalRequirement {
  /** Logins whose approval counts, lower-cased; with `teams` empty too, anyone's does. */
  readonly reviewers: readonly string[];
  /** `org/team-slug`: members' approvals count, read through the API when judged. */
  readonly teams: readonly string[];
}

export interface Rule {
  readonly name: string;
  readonly description?: string;
  readonly when: readonly Condition[];
  readonly allow: RuleAllow;
  readonly requireApproval?: ApprovalRequirement;
  readonly pos: SourcePos;
}

export interface PolicyWarning {
  readonly rule: string;
  readonly message: string;
  readonly pos: SourcePos;
}

export interface LoadedPolicy {
  readonly path: string;
  /** SHA-256 of the file's bytes, hex. */
  readonly digest: string;
  readonly version: 1;
  readonly rules: readonly Rule[];
  /** Rules that are valid but too broad; the caller shows them as warnings. */
  readonly warnings: readonly PolicyWarning[];
}

export interface PolicyRequest {
  readonly provider: ProviderId;
  /** Role ARN | service-account email (or WIF provider name when direct) | Azure client id. */
  readonly principal: string;
  /** Seconds. */
  readonly duration: number;
  readonly delivery: DeliveryMode;
}

export interface Decision {
  readonly allowed: boolean;
  /** The rule that allowed the request. */
  readonly rule?: string;
  /** The allowing rule's ceiling, seconds. */
  readonly maxDuration?: number;
  readonly delivery?: readonly DeliveryMode[];
  /** Claim by claim why each rule did not match, or what the allowing rule required. */
  readonly reasons: readonly string[];
  /** For the ledger: rule, policy digest and the deciding claims. Never a token. */
  readonly record: Record<string, unknown>;
}
