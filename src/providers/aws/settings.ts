import { ConfigurationError } from '../../errors.js';
import type { Inputs } from '../../runner/inputs.js';
import { formatDuration } from '../../runner/inputs.js';
import type { CommonSettings } from '../provider.js';
import { httpTimeoutMs } from '../retry.js';
import { POLICY_ARN, ROLE_ARN } from './arn.js';
import { endpointProblem } from './endpoint.js';
import type { EndpointVariant } from './client-config.js';
import { checkPolicySize, parseSessionPolicy, STS_MIN_DURATION } from './session-policy.js';

export const AWS_INPUT = {
  role: 'role',
  region: 'region',
  sessionPolicy: 'session-policy',
  managedPolicies: 'managed-policies',
  revokeRole: 'revoke-role',
  allowedAccountIds: 'allowed-account-ids',
  roleChaining: 'role-chaining',
  externalId: 'external-id',
  stsEndpoint: 'sts-endpoint',
  retryMaxAttempts: 'retry-max-attempts',
} as const;

export const DEFAULT_AUDIENCE = 'sts.amazonaws.com';
export const DEFAULT_DURATION = 900;
export const MAX_DURATION = 43_200;
/** Below this, clock skew between the runner and AWS would eat the window. */
export const MIN_DURATION = 60;
/** AWS caps a session assumed with another session's credentials at one hour. */
export const MAX_CHAINED_DURATION = 3600;
export const DEFAULT_ATTEMPTS = 3;
export const MAX_ATTEMPTS = 12;

/** The session of an earlier step that assumes the next role (role chaining). */
export interface ChainSource {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
}

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
  /** The IAM endpoint override in effect when revoke-role is set, checked like `endpoint`. */
  readonly iamEndpoint?: string;
  /**
   * A separate role that may write the target role's inline policies: when set, closing denies
   * this one session (aws:userid) and checks that AWS refuses it.
   */
  readonly revokeRole: string | undefined;
  /** Per attempt. */
  readonly timeoutMs: number;
  /** AWS_USE_FIPS_ENDPOINT / AWS_USE_DUALSTACK_ENDPOINT; both off when absent. */
  readonly variant?: EndpointVariant;
  /**
   * The endpoint variables in effect (`AWS_ENDPOINT_URL_STS=https://...`): the GitHub token goes
   * there, not to AWS, so they are named in a warning and in the record.
   */
  readonly overridden?: readonly string[];
  // Optional, so that the revoker's own settings (revoke.ts) need not spell them out.
  /** Attempts of a call that failed for a reason another attempt can fix (never a denial); default 3. */
  readonly attempts?: number;
  /** When not empty, the session must be in one of these accounts: checked before and after the call. */
  readonly allowedAccountIds?: readonly string[];
  /** Role chaining: AssumeRole signed with an earlier session's credentials, not the GitHub token. */
  readonly chain?: { readonly source: ChainSource; readonly externalId: string | undefined };
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
  const sts =
    stsEndpointInput(inputs.optional(AWS_INPUT.stsEndpoint)) ??
    endpointOverride(env, 'STS', STS_ENDPOINT_VARIABLES);
  const allowedAccountIds = parseAllowedAccounts(inputs.list(AWS_INPUT.allowedAccountIds), role);
  const chain = parseChain(inputs, env, duration);
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
    ...(iam ? { iamEndpoint: iam.value } : {}),
    revokeRole,
    timeoutMs: httpTimeoutMs(env),
    variant: endpointVariant(env),
    attempts: parseAttempts(inputs.optional(AWS_INPUT.retryMaxAttempts)),
    allowedAccountIds,
    chain,
    overridden: [...new Set(overridden)],
  });
}

export const accountOf = (arn: string): string | undefined => arn.split(':')[4];

const ACCOUNT_ID = /^\d{12}$/;

/**
 * The account is part of the role ARN, so a role outside the list is refused before any token is
 * asked for; the session STS returns is checked again (issue) before it is delivered.
 */
function parseAllowedAccounts(ids: readonly string[], role: string): readonly string[] {
  for (const id of ids) {
    if (!ACCOUNT_ID.test(id)) {
      throw new ConfigurationError(
        `Invalid account id '${id}' in 'allowed-account-ids'. Expected 12-digit AWS account ids, comma-separated, such as 123456789012.`,
      );
    }
  }
  const account = accountOf(role);
  if (ids.length && !ids.includes(account!)) {
    throw new ConfigurationError(
      `The role ${role} is in account ${account}, which 'allowed-account-ids' does not list (${ids.join(', ')}). ` +
        'Nothing was asked of AWS. Use a role of an allowed account, or add the account to the list if it is meant.',
    );
  }
  return ids;
}

function parseAttempts(value: string | undefined): number {
  if (value === undefined) return DEFAULT_ATTEMPTS;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= MAX_ATTEMPTS)) {
    throw new ConfigurationError(
      `Invalid retry-max-attempts '${value}'. Use a whole number from 1 (no retry) to ${MAX_ATTEMPTS}; only throttling, ` +
        'server errors and lost connections are retried, never a denial.',
    );
  }
  return n;
}

const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

/**
 * Role chaining takes the session an earlier step exported (AWS_ACCESS_KEY_ID and friends in
 * this step's environment). Long-lived IAM user keys are refused: they are what this project
 * replaces, and `jit-credentials fix` shows the OIDC step that does.
 */
function parseChain(
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
  duration: number,
): AwsSettings['chain'] | undefined {
  const externalId = inputs.optional(AWS_INPUT.externalId);
  if (!inputs.boolean(AWS_INPUT.roleChaining, false)) {
    if (externalId !== undefined) {
      throw new ConfigurationError(
        `'external-id' is sent only with 'role-chaining: true': AssumeRoleWithWebIdentity, which assumes the role with the ` +
          "job's GitHub token, takes no external id. Remove it, or chain from an earlier step's session.",
      );
    }
    return undefined;
  }
  if (externalId !== undefined && !EXTERNAL_ID.test(externalId)) {
    throw new ConfigurationError(
      `Invalid external-id: use 2 to 1224 characters of letters, digits and + = , . @ : / - _ (its value is not shown).`,
    );
  }
  const accessKeyId = env['AWS_ACCESS_KEY_ID'] ?? '';
  const secretAccessKey = env['AWS_SECRET_ACCESS_KEY'] ?? '';
  const sessionToken = env['AWS_SESSION_TOKEN'] ?? '';
  if (!accessKeyId || !secretAccessKey) {
    throw new ConfigurationError(
      "'role-chaining: true' assumes the role with the session an earlier step exported, but AWS_ACCESS_KEY_ID and " +
        'AWS_SECRET_ACCESS_KEY are not set (or were emptied when that grant was closed). Put a step that exports a ' +
        'session (export: env) before this one, and do not revoke it before.',
    );
  }
  if (!accessKeyId.startsWith('ASIA') || !sessionToken) {
    throw new ConfigurationError(
      "'role-chaining: true' found long-lived IAM user keys in AWS_ACCESS_KEY_ID (no session token). Chain from the " +
        "session of an earlier step that assumed a role with the job's OIDC token instead; `jit-credentials fix` " +
        'rewrites a workflow that still hands out such keys.',
    );
  }
  if (duration > MAX_CHAINED_DURATION) {
    throw new ConfigurationError(
      `Invalid duration '${formatDuration(duration)}' with 'role-chaining': AWS limits a role session assumed with another ` +
        'session to 1h. Use 1h or less.',
    );
  }
  return { source: { accessKeyId, secretAccessKey, sessionToken }, externalId };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The input wins over the SDK's variables; plain http only on loopback, since the GitHub token goes there. */
/** The `sts-endpoint` input, checked like the variables: https, or plain http on loopback only. */
function stsEndpointInput(value: string | undefined): { name: string; value: string } | undefined {
  if (value === undefined) return undefined;
  const url = URL.parse(value) ?? undefined;
  if (
    !url ||
    !(url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
  ) {
    throw new ConfigurationError(
      `Invalid sts-endpoint '${value}': expected an https URL (plain http only on 127.0.0.1 or localhost), such as https://sts.eu-west-1.amazonaws.com.`,
    );
  }
  return { name: 'sts-endpoint', value };
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

const STS_ENDPOINT_VARIABLES = ['AWS_ENDPOINT_URL_STS', 'AWS_ENDPOINT_URL'];
const IAM_ENDPOINT_VARIABLES = ['AWS_ENDPOINT_URL_IAM', 'AWS_ENDPOINT_URL'];

/** The variable in effect for a service (the first of `names` that is set), checked; undefined when none. */
function endpointOverride(
  env: NodeJS.ProcessEnv,
  service: string,
  names: readonly string[],
): { name: string; value: string } | undefined {
  const set = variableInEffect(env, names);
  if (set === undefined) return undefined;
  const { name, value } = set;
  const problem = endpointProblem(value);
  if (problem === 'not-url') {
    throw new ConfigurationError(
      `Invalid ${service} endpoint '${value}' in ${names.join('/')}: expected an https URL.`,
    );
  }
  if (problem === 'clear-text') {
    throw new ConfigurationError(
      `Invalid ${service} endpoint '${value}' in ${name}: plain http is accepted only on loopback (127.0.0.1, ::1, localhost), ` +
        `because the GitHub OIDC token${service === 'IAM' ? "'s credentials" : ''} would cross the network in clear text. Use https, or unset ${name}.`,
    );
  }
  return { name, value };
}

/**
 * The STS and IAM endpoints the environment names now, checked as at issue: where a close goes
 * when the grant's own record of them cannot be trusted (a ledger line).
 */
export function envEndpoints(env: NodeJS.ProcessEnv): {
  stsEndpoint: string | undefined;
  iamEndpoint: string | undefined;
} {
  return {
    stsEndpoint: endpointOverride(env, 'STS', STS_ENDPOINT_VARIABLES)?.value,
    iamEndpoint: endpointOverride(env, 'IAM', IAM_ENDPOINT_VARIABLES)?.value,
  };
}

/** The same variables' values as set, unchecked: only to say that they changed. */
export function envEndpointValues(env: NodeJS.ProcessEnv): {
  stsEndpoint: string | undefined;
  iamEndpoint: string | undefined;
} {
  return {
    stsEndpoint: variableInEffect(env, STS_ENDPOINT_VARIABLES)?.value,
    iamEndpoint: variableInEffect(env, IAM_ENDPOINT_VARIABLES)?.value,
  };
}

/** As the SDK reads them: the first of `names` that is set, the service's own before the general. */
function variableInEffect(
  env: NodeJS.ProcessEnv,
  names: readonly string[],
): { name: string; value: string } | undefined {
  const name = names.find((n) => env[n]);
  return name === undefined ? undefined : { name, value: env[name]! };
}

/**
 * FIPS and dual-stack endpoints as the SDK takes them from the environment; the action's clients
 * read no configuration file (client-config.ts), so these variables are the only way to ask.
 */
export function endpointVariant(env: NodeJS.ProcessEnv): EndpointVariant {
  const flag = (name: string): boolean => {
    const value = env[name];
    if (value === undefined || value === '' || value === 'false') return false;
    if (value === 'true') return true;
    throw new ConfigurationError(`Invalid ${name} '${value}': expected true or false.`);
  };
  return { fips: flag('AWS_USE_FIPS_ENDPOINT'), dualStack: flag('AWS_USE_DUALSTACK_ENDPOINT') };
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
  if (accountOf(value) !== accountOf(role)) {
    throw new ConfigurationError(
      `revoke-role '${value}' is in account ${accountOf(value)}, the role in ${accountOf(role)}. IAM changes a role's ` +
        'policies only through its own account: create the revoker role in the same account as the role.',
    );
  }
  return value;
}
