import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { PolicyDocument, PolicyStatement } from './iam-policy.ts';
import { statements } from './iam-policy.ts';

/** The slice of test/emulators/clock.ts the emulator needs: every time check reads it. */
export interface ClockLike {
  now(): Date;
}

export interface RoleTrust {
  /** StringEquals on the token's `aud`; any of. */
  aud: string | string[];
  /** StringLike on the token's `sub` (`*`, `?`); any of. */
  sub: string | string[];
  /** Further StringLike conditions on other claims (e.g. `job_workflow_ref`), each any of. */
  claims?: Record<string, string | string[]>;
  /** AWS principals (role ARNs, `arn:aws:iam::ACCOUNT:root`) allowed sts:AssumeRole: role chaining. */
  assumeRoleFrom?: string[];
  /** StringEquals on `sts:ExternalId` for AssumeRole. */
  externalId?: string;
}

export interface RoleConfig {
  trust: RoleTrust;
  /** Seconds, 3600 unless set (AWS's default). */
  maxSessionDuration?: number;
  /** The role's permission statements (identity-based policy). */
  permissions?: PolicyStatement[];
  /** Inline policies present from the start, by name (e.g. a deny an admin already put). */
  denyPolicies?: Record<string, PolicyDocument>;
}

export interface RoleState {
  arn: string;
  name: string;
  /** AROA…, stable per role as in IAM. */
  roleId: string;
  trust: RoleTrust;
  maxSessionDuration: number;
  permissions: PolicyStatement[];
  /** The inline policies in force, by name: what evaluation reads. */
  inlinePolicies: Map<string, PolicyStatement[]>;
  /** The inline policies' text as last written, by name: what GetRolePolicy returns at once. */
  policyDocuments: Map<string, string>;
  /** Writes not yet in force (IAM propagation), applied in order once the clock reaches them. */
  pending: PendingPolicy[];
}

export interface PendingPolicy {
  effectiveAtMs: number;
  name: string;
  /** undefined: the policy is deleted. */
  statements: PolicyStatement[] | undefined;
}

/** One AssumeRoleWithWebIdentity result; secrets included, so tests can hunt for leaks. */
export interface IssuedCredential {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  issuedAt: Date;
  roleArn: string;
  sessionName: string;
  /** AROA…:<session name>: what `aws:userid` matches. */
  assumedRoleId: string;
  /** arn:aws:sts::<acct>:assumed-role/<role>/<session>. */
  arn: string;
  subject: string;
  audience: string;
  /** Inline and managed session policies together; undefined when none were sent. */
  sessionPolicies: PolicyStatement[] | undefined;
}

const ALNUM_UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function randomFrom(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export function newAccessKeyId(): string {
  return `ASIA${randomFrom(ALNUM_UPPER, 16)}`;
}

export function newSecretAccessKey(): string {
  return randomFrom(SECRET_CHARS, 40);
}

/** Real session tokens are long opaque base64 (several hundred characters); so is this one. */
export function newSessionToken(): string {
  return `IQoJb3JpZ2luX2VjE${randomBytes(420).toString('base64')}`;
}

export function roleIdFor(arn: string): string {
  const digest = createHash('sha256').update(arn).digest();
  let id = 'AROA';
  for (let i = 0; id.length < 21; i++) id += ALNUM_UPPER[digest[i]! % ALNUM_UPPER.length];
  return id;
}

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;

export function roleState(arn: string, config: RoleConfig): RoleState {
  const m = ROLE_ARN.exec(arn);
  if (!m)
    throw new Error(
      `AWS emulator: '${arn}' is not a role ARN (arn:aws:iam::<12 digits>:role/<name>).`,
    );
  const inline = new Map<string, PolicyStatement[]>();
  const documents = new Map<string, string>();
  for (const [name, doc] of Object.entries(config.denyPolicies ?? {})) {
    inline.set(name, statements(doc));
    documents.set(name, JSON.stringify(doc));
  }
  return {
    arn,
    name: m[2]!,
    roleId: roleIdFor(arn),
    trust: config.trust,
    maxSessionDuration: config.maxSessionDuration ?? 3600,
    permissions: config.permissions ?? [],
    inlinePolicies: inline,
    policyDocuments: documents,
    pending: [],
  };
}

/**
 * Writes an inline policy: readable at once, in force after `delayMs` of the emulator clock
 * (IAM's propagation). A later write of the same name waits behind an earlier one.
 */
export function writeRolePolicy(
  role: RoleState,
  name: string,
  text: string | undefined,
  nowMs: number,
  delayMs: number,
): void {
  const parsed = text === undefined ? undefined : statements(JSON.parse(text) as PolicyDocument);
  if (text === undefined) role.policyDocuments.delete(name);
  else role.policyDocuments.set(name, text);
  role.pending.push({ effectiveAtMs: nowMs + delayMs, name, statements: parsed });
  settlePolicies(role, nowMs);
}

/** Applies the writes whose time has come, oldest first. */
export function settlePolicies(role: RoleState, nowMs: number): void {
  while (role.pending.length && role.pending[0]!.effectiveAtMs <= nowMs) {
    const next = role.pending.shift()!;
    if (next.statements === undefined) role.inlinePolicies.delete(next.name);
    else role.inlinePolicies.set(next.name, next.statements);
  }
}

/** The role's identity-based statements in force at `nowMs`: its permissions and inline policies. */
export function identityStatements(role: RoleState, nowMs: number): PolicyStatement[] {
  settlePolicies(role, nowMs);
  return [...role.permissions, ...[...role.inlinePolicies.values()].flat()];
}

export function accountOf(roleArn: string): string | undefined {
  return ROLE_ARN.exec(roleArn)?.[1];
}
