/**
 * STS AssumeRole signed (SigV4) with an issued session's credentials: role chaining. As AWS
 * decides it: the caller's own policies (role permissions, inline policies, its session
 * policy) must allow `sts:AssumeRole` on the target role; the target's trust policy must name
 * the caller's role (or its account root) as an AWS principal, and match `sts:ExternalId`
 * when it sets one; a chained session lives at most one hour.
 */
import type { PolicyStatement } from './iam-policy.ts';
import {
  newAccessKeyId,
  newSecretAccessKey,
  newSessionToken,
  type ClockLike,
  type IssuedCredential,
  type RoleState,
} from './state.ts';
import {
  isoSeconds,
  MAX_POLICY_ARNS,
  MAX_POLICY_CHARS,
  MIN_DURATION,
  packedPolicyBytes,
} from './sts.ts';
import { policyProblem, statements, type PolicyDocument } from './iam-policy.ts';
import { StsFault } from './web-identity.ts';
import { STS_XMLNS, xmlDocument } from './xml.ts';

/** AWS's cap on a session assumed with another role session's credentials. */
export const MAX_CHAINED_DURATION = 3600;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

export interface AssumeRoleDeps {
  clock: ClockLike;
  account: string;
  roles: Map<string, RoleState>;
  managedPolicies: Map<string, PolicyDocument>;
  packedPolicyLimit: number;
  /** The IAM evaluation of the caller's session: undefined when allowed, else the denial message. */
  authorize(session: IssuedCredential, action: string, resource: string): string | undefined;
}

function validation(message: string): StsFault {
  return new StsFault('ValidationError', `1 validation error detected: ${message}`);
}

function policyArnsFrom(params: URLSearchParams): string[] {
  const arns: [number, string][] = [];
  for (const [key, value] of params) {
    const m = /^PolicyArns\.member\.(\d+)\.arn$/.exec(key);
    if (m) arns.push([Number(m[1]), value]);
  }
  return arns.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

function sessionStatementsFrom(
  policy: string | undefined,
  arns: string[],
  deps: AssumeRoleDeps,
): PolicyStatement[] | undefined {
  let out: PolicyStatement[] | undefined;
  if (policy !== undefined) {
    if (policy.length > MAX_POLICY_CHARS) {
      throw new StsFault(
        'MalformedPolicyDocument',
        `The session policy is ${policy.length} characters long; the limit is ${MAX_POLICY_CHARS}.`,
      );
    }
    let doc: unknown;
    try {
      doc = JSON.parse(policy);
    } catch {
      throw new StsFault('MalformedPolicyDocument', 'The policy is not in the valid JSON format.');
    }
    const problem = policyProblem(doc);
    if (problem) throw new StsFault('MalformedPolicyDocument', problem);
    out = statements(doc as PolicyDocument);
  }
  if (arns.length > MAX_POLICY_ARNS) {
    throw validation(
      `Value '[${arns.join(', ')}]' at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to ${MAX_POLICY_ARNS}`,
    );
  }
  for (const arn of arns) {
    const doc = deps.managedPolicies.get(arn);
    if (!doc)
      throw new StsFault(
        'MalformedPolicyDocument',
        `Policy ${arn} does not exist or is not attachable.`,
      );
    out = [...(out ?? []), ...statements(doc)];
  }
  if (
    (policy !== undefined || arns.length) &&
    packedPolicyBytes(policy, arns) > deps.packedPolicyLimit
  ) {
    throw new StsFault(
      'PackedPolicyTooLarge',
      'Packed policy consumes more than 100% of allotted space, please use smaller policy.',
    );
  }
  return out;
}

/** Whether the target role's trust policy lets the caller's session assume it. */
function trusts(role: RoleState, caller: IssuedCredential, account: string): boolean {
  const principals = role.trust.assumeRoleFrom ?? [];
  return principals.some(
    (p) => p === caller.roleArn || p === caller.arn || p === `arn:aws:iam::${account}:root`,
  );
}

/** Validates and answers one signed AssumeRole; throws StsFault with STS's code. */
export function assumeRoleChained(
  params: URLSearchParams,
  caller: IssuedCredential,
  deps: AssumeRoleDeps,
  requestId: string,
): { xml: string; credential: IssuedCredential } {
  const roleArn = params.get('RoleArn');
  const sessionName = params.get('RoleSessionName');
  const durationText = params.get('DurationSeconds');
  const externalId = params.get('ExternalId') ?? undefined;
  const policy = params.get('Policy') ?? undefined;
  const policyArns = policyArnsFrom(params);
  if (roleArn === null)
    throw validation(
      "Value null at 'roleArn' failed to satisfy constraint: Member must not be null",
    );
  if (sessionName === null || !SESSION_NAME.test(sessionName)) {
    throw validation(
      `Value '${String(sessionName)}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length between 2 and 64`,
    );
  }
  if (externalId !== undefined && !EXTERNAL_ID.test(externalId)) {
    throw validation(
      "Value at 'externalId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@:/-]*",
    );
  }
  let duration = 3600;
  if (durationText !== null) {
    duration = Number(durationText);
    if (!Number.isInteger(duration) || duration < MIN_DURATION) {
      throw validation(
        `Value '${durationText}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to ${MIN_DURATION}`,
      );
    }
  }
  const sessionStatements = sessionStatementsFrom(policy, policyArns, deps);

  // The caller's own policies first: an identity that may not call sts:AssumeRole is refused
  // whatever the target trusts.
  const denied = deps.authorize(caller, 'sts:AssumeRole', roleArn);
  const role = deps.roles.get(roleArn);
  const message = `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`;
  if (denied || !role || !trusts(role, caller, deps.account)) {
    throw new StsFault('AccessDenied', message, 403);
  }
  if (role.trust.externalId !== undefined && role.trust.externalId !== externalId) {
    throw new StsFault('AccessDenied', message, 403);
  }
  if (duration > MAX_CHAINED_DURATION) {
    throw new StsFault(
      'ValidationError',
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
  }
  if (duration > role.maxSessionDuration) {
    throw new StsFault(
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
  }

  const now = deps.clock.now();
  const issuedAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const assumedRoleId = `${role.roleId}:${sessionName}`;
  const credential: IssuedCredential = {
    accessKeyId: newAccessKeyId(),
    secretAccessKey: newSecretAccessKey(),
    sessionToken: newSessionToken(),
    issuedAt,
    expiration: new Date(issuedAt.getTime() + duration * 1000),
    roleArn: role.arn,
    sessionName,
    assumedRoleId,
    arn: `arn:aws:sts::${deps.account}:assumed-role/${role.name}/${sessionName}`,
    subject: caller.arn,
    audience: '',
    sessionPolicies: sessionStatements,
  };
  const xml = xmlDocument(
    'AssumeRoleResponse',
    {
      AssumeRoleResult: {
        Credentials: {
          AccessKeyId: credential.accessKeyId,
          SecretAccessKey: credential.secretAccessKey,
          SessionToken: credential.sessionToken,
          Expiration: isoSeconds(credential.expiration),
        },
        AssumedRoleUser: { AssumedRoleId: assumedRoleId, Arn: credential.arn },
        ...(sessionStatements ? { PackedPolicySize: 1 } : {}),
      },
      ResponseMetadata: { RequestId: requestId },
    },
    STS_XMLNS,
  );
  return { xml, credential };
}
