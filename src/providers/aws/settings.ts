import { ConfigurationError } from '../../errors.js';
import { isLoopbackHost } from '../../policy/issuer.js';
import type { Inputs } from '../../runner/inputs.js';
import { formatDuration } from '../../runner/inputs.js';
import type { CommonSettings } from '../provider.js';
import { httpTimeoutMs } from '../retry.js';
import { POLICY_ARN, ROLE_ARN } from './arn.js';
import { checkPolicySize, parseSessionPolicy, STS_MIN_DURATION } from './session-policy.js';

export const AWS_INPUT = {
  role: 'role',
  region: 'region',
  sessionPolicy: 'session-policy',
  managedPolicies: 'managed-policies',
  revokeRole: 'revoke-role',
} as const;

export const DEFAULT_AUDIENCE = 'sts.amazonaws.com';
export const DEFAULT_DURATION = 900;
export const MAX_DURATION = 43_200;
/** Below this, clock skew between the runner and AWS would eat the window. */
export const MIN_DURATION = 60;

export interface AwsSettings {
  readonly role: string;
  readonly region: string;
  /** Effective lifetime in seconds. */
  readonly duration: number;
  /** DurationSeconds sent to STS: never below its 900 s minimum. */
  readonly stsDuration: number;
  /** True when the session policy must end the session before STS would. */
  readonly needsWindow: boolean;
  readonly sessionPolicy: ReturnType<typeof parseSessionPolicy> | undefined;
  readonly managedPolicies: readonly string[];
  readonly sessionName: string;
  readonly audience: string;
  readonly endpoint: string | undefined;
  /**
   * A separate role that may write the target role's inline policies: when set, closing denies
   * this one session (aws:userid) and checks that AWS refuses it.
   */
  readonly revokeRole: string | undefined;
  /** Per attempt; three attempts at most. */
  readonly timeoutMs: number;
  /**
   * The endpoint variables in effect (`AWS_ENDPOINT_URL_STS=https://...`): the GitHub token goes
   * there, not to AWS, so they are named in a warning and in the record.
   */
  readonly overridden?: readonly string[];
}

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

export function parseAwsSettings(
  inputs: Inputs,
  common: CommonSettings,
  env: NodeJS.ProcessEnv,
): AwsSettings {
  const role = inputs.required(
    AWS_INPUT.role,
    'the ARN of the IAM role to assume, e.g. arn:aws:iam::123456789012:role/deploy.',
  );
  if (!ROLE_ARN.test(role)) {
    throw new ConfigurationError(
      `Invalid role '${role}'. Expected an IAM role ARN such as arn:aws:iam::123456789012:role/deploy ` +
        '(a 12-digit account id; the role name, not the role id).',
    );
  }
  const region =
    inputs.optional(AWS_INPUT.region) ?? env['AWS_REGION'] ?? env['AWS_DEFAULT_REGION'];
  if (region === undefined) {
    throw new ConfigurationError("Input 'region' is required for AWS (e.g. region: eu-west-1).");
  }
  if (!REGION.test(region)) {
    throw new ConfigurationError(
      `Invalid region '${region}'. Expected an AWS region such as eu-west-1 or us-gov-west-1.`,
    );
  }
  const duration = common.duration ?? DEFAULT_DURATION;
  if (duration < MIN_DURATION || duration > MAX_DURATION) {
    throw new ConfigurationError(
      `Invalid duration '${formatDuration(duration)}' for AWS. Use between ${MIN_DURATION}s and 12h ` +
        '(below 15m the session is ended early by a session policy; above 1h the role must allow it).',
    );
  }
  const policyText = inputs.raw(AWS_INPUT.sessionPolicy);
  const sessionPolicy = policyText === undefined ? undefined : parseSessionPolicy(policyText);
  const managedPolicies = inputs.list(AWS_INPUT.managedPolicies);
  for (const arn of managedPolicies) {
    if (!POLICY_ARN.test(arn)) {
      throw new ConfigurationError(
        `Invalid managed policy ARN '${arn}' in 'managed-policies'. Expected e.g. arn:aws:iam::aws:policy/ReadOnlyAccess.`,
      );
    }
  }
  if (managedPolicies.length > 10) {
    throw new ConfigurationError(
      `'managed-policies' lists ${managedPolicies.length} ARNs; STS accepts at most 10 session policy ARNs.`,
    );
  }
  const needsWindow = duration < STS_MIN_DURATION;
  checkPolicySize(sessionPolicy, needsWindow);
  const sts = endpointOverride(env, 'STS', STS_ENDPOINT_VARIABLES);
  const revokeRole = parseRevokeRole(inputs.optional(AWS_INPUT.revokeRole), role);
  const iam = revokeRole ? endpointOverride(env, 'IAM', IAM_ENDPOINT_VARIABLES) : undefined;
  const overridden = [sts, iam].flatMap((o) => (o ? [`${o.name}=${o.value}`] : []));
  return Object.freeze({
    role,
    region,
    duration,
    stsDuration: Math.max(duration, STS_MIN_DURATION),
    needsWindow,
    sessionPolicy,
    managedPolicies,
    sessionName:
      revokeRole === undefined ? common.sessionName : grantSessionName(common.sessionName, common),
    audience: common.audience ?? DEFAULT_AUDIENCE,
    endpoint: sts?.value,
    revokeRole,
    timeoutMs: httpTimeoutMs(env),
    overridden: [...new Set(overridden)],
  });
}

/**
 * With revoke-role the session name must end in the grant's id: the deny matches
 * `aws:userid` = role id + session name, so two jobs giving the same custom `session-name`
 * would otherwise deny each other's sessions. The default name already ends in it; a custom
 * one gets `.<id>` appended, shortened from its end to stay within STS's 64 characters.
 */
export function grantSessionName(name: string, common: CommonSettings): string {
  const grantId = common.grantId;
  const id = grantId.replace(/^[a-z]+-/, '').replace(/[^\w+=,.@-]/g, '-');
  if (name.endsWith(id)) return name;
  const suffix = `.${id}`;
  return `${name.slice(0, 64 - suffix.length)}${suffix}`;
}

/**
 * The STS endpoint as the SDK picks it, checked: the GitHub token is sent there in clear text
 * unless it is https, so plain http is accepted only on loopback (a local emulator).
 */
export function stsEndpoint(env: NodeJS.ProcessEnv): string | undefined {
  return endpointOverride(env, 'STS', STS_ENDPOINT_VARIABLES)?.value;
}

const STS_ENDPOINT_VARIABLES = ['AWS_ENDPOINT_URL_STS', 'AWS_ENDPOINT_URL'];
const IAM_ENDPOINT_VARIABLES = ['AWS_ENDPOINT_URL_IAM', 'AWS_ENDPOINT_URL'];

/** The variable in effect for a service (the first of `names` that is set), checked; undefined when none. */
function endpointOverride(
  env: NodeJS.ProcessEnv,
  service: string,
  names: readonly string[],
): { name: string; value: string } | undefined {
  const name = names.find((n) => env[n]);
  if (name === undefined) return undefined;
  const value = env[name]!;
  const url = URL.parse(value) ?? undefined;
  if (!url || !/^https?:$/.test(url.protocol)) {
    throw new ConfigurationError(
      `Invalid ${service} endpoint '${value}' in ${names.join('/')}: expected an https URL.`,
    );
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new ConfigurationError(
      `Invalid ${service} endpoint '${value}' in ${name}: plain http is accepted only on loopback (127.0.0.1, ::1, localhost), ` +
        `because the GitHub OIDC token${service === 'IAM' ? "'s credentials" : ''} would cross the network in clear text. Use https, or unset ${name}.`,
    );
  }
  return { name, value };
}

/** As the SDK reads it: the service's own variable first, then the general one. */
export function iamEndpoint(env: NodeJS.ProcessEnv): string | undefined {
  return env['AWS_ENDPOINT_URL_IAM'] || env['AWS_ENDPOINT_URL'] || undefined;
}

/**
 * The revoker must be another role of the same account: IAM writes only its own account's
 * roles, and a role allowed to edit its own policies could lift any deny put on it.
 */
function parseRevokeRole(value: string | undefined, role: string): string | undefined {
  if (value === undefined) return undefined;
  if (!ROLE_ARN.test(value)) {
    throw new ConfigurationError(
      `Invalid revoke-role '${value}'. Expected an IAM role ARN such as arn:aws:iam::123456789012:role/jit-revoker ` +
        '(a 12-digit account id; the role name, not the role id).',
    );
  }
  if (value === role) {
    throw new ConfigurationError(
      `revoke-role '${value}' is the role itself. Use a separate revoker role that may call iam:PutRolePolicy on ` +
        `${role}: a role that can edit its own policies could remove the deny that ends its sessions.`,
    );
  }
  const account = (arn: string) => arn.split(':')[4];
  if (account(value) !== account(role)) {
    throw new ConfigurationError(
      `revoke-role '${value}' is in account ${account(value)}, the role in ${account(role)}. IAM changes a role's ` +
        'policies only through its own account: create the revoker role in the same account as the role.',
    );
  }
  return value;
}
