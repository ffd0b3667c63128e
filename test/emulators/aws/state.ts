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
  inlinePolicies: Map<string, PolicyStatement[]>;
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
  for (const [name, doc] of Object.entries(config.denyPolicies ?? {}))
    inline.set(name, statements(doc));
  return {
    arn,
    name: m[2]!,
    roleId: roleIdFor(arn),
    trust: config.trust,
    maxSessionDuration: config.maxSessionDuration ?? 3600,
    permissions: config.permissions ?? [],
    inlinePolicies: inline,
  };
}

export function accountOf(roleArn: string): string | undefined {
  return ROLE_ARN.exec(roleArn)?.[1];
}
