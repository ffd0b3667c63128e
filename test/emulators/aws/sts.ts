/**
 * STS (query protocol, version 2011-06-15): AssumeRoleWithWebIdentity with the real limits and
 * error codes, and GetCallerIdentity for a signed session.
 */
import { deflateRawSync } from 'node:zlib';
import type { PolicyDocument, PolicyStatement } from './iam-policy.ts';
import { policyProblem, statements, wildcardMatch } from './iam-policy.ts';
import {
  newAccessKeyId,
  newSecretAccessKey,
  newSessionToken,
  type ClockLike,
  type IssuedCredential,
  type RoleState,
} from './state.ts';
import { StsFault, type WebIdentityVerifier } from './web-identity.ts';
import { STS_XMLNS, xmlDocument } from './xml.ts';

export const MIN_DURATION = 900;
export const MAX_DURATION = 43200;
export const MAX_POLICY_CHARS = 2048;
export const MAX_POLICY_ARNS = 10;
/**
 * Made-up packed-size rule (AWS does not publish its own): the inline policy with the JSON
 * whitespace removed, followed by the managed policy ARNs, deflated; at most this many bytes.
 * Ordinary session policies pack to well under that (the project's window deny plus an
 * allow: about 150 bytes); large, poorly compressible ones (dozens of distinct random
 * resource names) that still fit in 2048 characters go over.
 */
export const PACKED_POLICY_LIMIT_BYTES = 700;

const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

function validation(message: string): StsFault {
  return new StsFault('ValidationError', `1 validation error detected: ${message}`);
}

function accessDenied(): StsFault {
  return new StsFault(
    'AccessDenied',
    'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    403,
  );
}

export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface AssumeDeps {
  clock: ClockLike;
  verifier: WebIdentityVerifier;
  account: string;
  roles: Map<string, RoleState>;
  managedPolicies: Map<string, PolicyDocument>;
  packedPolicyLimit: number;
}

/** Packed size in bytes under the rule above. */
export function packedPolicyBytes(policy: string | undefined, arns: string[]): number {
  const compact = policy === undefined ? '' : JSON.stringify(JSON.parse(policy));
  return deflateRawSync(Buffer.from([compact, ...arns].join('\n'))).length;
}

function policyArnsFrom(params: URLSearchParams): string[] {
  const arns: [number, string][] = [];
  for (const [key, value] of params) {
    const m = /^PolicyArns\.member\.(\d+)\.arn$/.exec(key);
    if (m) arns.push([Number(m[1]), value]);
  }
  return arns.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

function anyLike(patterns: string | string[] | undefined, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const list = patterns === undefined ? [] : Array.isArray(patterns) ? patterns : [patterns];
  return list.some((p) => wildcardMatch(p, value));
}

function audiences(aud: unknown): string[] {
  if (typeof aud === 'string') return [aud];
  return Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : [];
}

/** Validates and answers one AssumeRoleWithWebIdentity; throws StsFault with STS's code. */
export async function assumeRoleWithWebIdentity(
  params: URLSearchParams,
  deps: AssumeDeps,
  requestId: string,
): Promise<{ xml: string; credential: IssuedCredential }> {
  const roleArn = params.get('RoleArn');
  const sessionName = params.get('RoleSessionName');
  const token = params.get('WebIdentityToken');
  const durationText = params.get('DurationSeconds');
  const policy = params.get('Policy') ?? undefined;
  const policyArns = policyArnsFrom(params);

  // Request-shape checks come first, as STS's own validation layer answers before any lookup.
  if (roleArn === null)
    throw validation(
      "Value null at 'roleArn' failed to satisfy constraint: Member must not be null",
    );
  if (sessionName === null) {
    throw validation(
      "Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null",
    );
  }
  if (token === null) {
    throw validation(
      "Value null at 'webIdentityToken' failed to satisfy constraint: Member must not be null",
    );
  }
  if (!SESSION_NAME.test(sessionName)) {
    throw validation(
      `Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length between 2 and 64`,
    );
  }
  let duration = 3600;
  if (durationText !== null) {
    duration = Number(durationText);
    if (!Number.isInteger(duration)) {
      throw validation(
        `Value '${durationText}' at 'durationSeconds' failed to satisfy constraint: Member must be an integer`,
      );
    }
    if (duration < MIN_DURATION) {
      throw validation(
        `Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to ${MIN_DURATION}`,
      );
    }
    if (duration > MAX_DURATION) {
      throw validation(
        `Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to ${MAX_DURATION}`,
      );
    }
  }
  if (policyArns.length > MAX_POLICY_ARNS) {
    throw validation(
      `Value '[${policyArns.join(', ')}]' at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to ${MAX_POLICY_ARNS}`,
    );
  }
  let sessionStatements: PolicyStatement[] | undefined;
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
    sessionStatements = statements(doc as PolicyDocument);
  }
  for (const arn of policyArns) {
    const doc = deps.managedPolicies.get(arn);
    if (!doc)
      throw new StsFault(
        'MalformedPolicyDocument',
        `Policy ${arn} does not exist or is not attachable.`,
      );
    sessionStatements = [...(sessionStatements ?? []), ...statements(doc)];
  }
  if (policy !== undefined || policyArns.length) {
    const packed = packedPolicyBytes(policy, policyArns);
    if (packed > deps.packedPolicyLimit) {
      const percent = Math.ceil((packed / deps.packedPolicyLimit) * 100);
      throw new StsFault(
        'PackedPolicyTooLarge',
        `Packed policy consumes ${percent}% of allotted space, please use smaller policy.`,
      );
    }
  }

  const claims = await deps.verifier.verify(token);

  const role = deps.roles.get(roleArn);
  if (!role) throw accessDenied();
  const tokenAud = audiences(claims.aud);
  const trustAud = Array.isArray(role.trust.aud) ? role.trust.aud : [role.trust.aud];
  if (!tokenAud.some((a) => trustAud.includes(a))) throw accessDenied();
  if (!anyLike(role.trust.sub, claims.sub)) throw accessDenied();
  for (const [claim, patterns] of Object.entries(role.trust.claims ?? {})) {
    if (!anyLike(patterns, claims[claim])) throw accessDenied();
  }
  if (duration > role.maxSessionDuration) {
    throw new StsFault(
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
  }

  const now = deps.clock.now();
  const assumedRoleId = `${role.roleId}:${sessionName}`;
  const credential: IssuedCredential = {
    accessKeyId: newAccessKeyId(),
    secretAccessKey: newSecretAccessKey(),
    sessionToken: newSessionToken(),
    issuedAt: new Date(Math.floor(now.getTime() / 1000) * 1000),
    expiration: new Date(Math.floor(now.getTime() / 1000) * 1000 + duration * 1000),
    roleArn: role.arn,
    sessionName,
    assumedRoleId,
    arn: `arn:aws:sts::${deps.account}:assumed-role/${role.name}/${sessionName}`,
    subject: String(claims.sub),
    audience: tokenAud.find((a) => trustAud.includes(a))!,
    sessionPolicies: sessionStatements,
  };
  const packedPercent =
    policy !== undefined || policyArns.length
      ? Math.max(
          1,
          Math.ceil((packedPolicyBytes(policy, policyArns) / deps.packedPolicyLimit) * 100),
        )
      : undefined;
  const xml = xmlDocument(
    'AssumeRoleWithWebIdentityResponse',
    {
      AssumeRoleWithWebIdentityResult: {
        Credentials: {
          AccessKeyId: credential.accessKeyId,
          SecretAccessKey: credential.secretAccessKey,
          SessionToken: credential.sessionToken,
          Expiration: isoSeconds(credential.expiration),
        },
        SubjectFromWebIdentityToken: credential.subject,
        AssumedRoleUser: { AssumedRoleId: assumedRoleId, Arn: credential.arn },
        PackedPolicySize: packedPercent,
        Provider: String(claims.iss),
        Audience: credential.audience,
      },
      ResponseMetadata: { RequestId: requestId },
    },
    STS_XMLNS,
  );
  return { xml, credential };
}

export function getCallerIdentityXml(
  session: IssuedCredential,
  account: string,
  requestId: string,
): string {
  return xmlDocument(
    'GetCallerIdentityResponse',
    {
      GetCallerIdentityResult: {
        Arn: session.arn,
        UserId: session.assumedRoleId,
        Account: account,
      },
      ResponseMetadata: { RequestId: requestId },
    },
    STS_XMLNS,
  );
}
