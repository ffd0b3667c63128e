/**
 * IAM (query protocol, version 2010-05-08): the four inline role-policy calls a revoker makes
 * (Get, Put, List, Delete),
 * each authorised by the IAM evaluator against the caller's own role, with IAM's XML answers,
 * error codes and the 10,240-character limit shared by all inline policies of a role.
 */
import { policyProblem, type PolicyDocument } from './iam-policy.ts';
import { writeRolePolicy, type RoleState } from './state.ts';
import { StsFault } from './web-identity.ts';
import { IAM_XMLNS, xmlDocument } from './xml.ts';

/** IAM's limit on the combined size of a role's inline policies; whitespace is not counted. */
export const ROLE_INLINE_POLICY_LIMIT = 10_240;
const POLICY_NAME = /^[\w+=,.@-]{1,128}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const SID = /^[0-9A-Za-z]*$/;

/** IAM counts a policy's characters without whitespace (outside and inside strings alike). */
export function iamPolicySize(text: string): number {
  return text.replace(/\s/g, '').length;
}

export interface IamDeps {
  nowMs: number;
  roles: Map<string, RoleState>;
  account: string;
  /** How long a write takes to be in force (IAM propagation), in emulator milliseconds. */
  propagationMs: number;
  /** Throws an AccessDenied StsFault when the caller may not do `action` on `resource`. */
  authorize(action: string, resource: string): void;
}

function fault(code: string, message: string, status: number): StsFault {
  return new StsFault(code, message, status);
}

function required(params: URLSearchParams, name: string): string {
  const v = params.get(name);
  if (v === null || v === '') {
    throw fault(
      'ValidationError',
      `1 validation error detected: Value null at '${name[0]!.toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`,
      400,
    );
  }
  return v;
}

function findRole(params: URLSearchParams, deps: IamDeps): RoleState {
  const name = required(params, 'RoleName');
  if (!ROLE_NAME.test(name)) {
    throw fault(
      'ValidationError',
      `1 validation error detected: Value '${name}' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`,
      400,
    );
  }
  for (const role of deps.roles.values()) {
    if (role.name === name && role.arn.split(':')[4] === deps.account) return role;
  }
  throw fault('NoSuchEntity', `The role with name ${name} cannot be found.`, 404);
}

function policyName(params: URLSearchParams): string {
  const name = required(params, 'PolicyName');
  if (!POLICY_NAME.test(name)) {
    throw fault(
      'ValidationError',
      `1 validation error detected: Value '${name}' at 'policyName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`,
      400,
    );
  }
  return name;
}

/** The checks IAM makes on an identity policy beyond the grammar the evaluator understands. */
function documentProblem(text: string): string | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return 'Syntax errors in policy.';
  }
  const problem = policyProblem(doc);
  if (problem) return problem;
  const list = (doc as PolicyDocument).Statement;
  const sids = (Array.isArray(list) ? list : [list])
    .map((s) => s.Sid)
    .filter((s) => s !== undefined);
  if (sids.some((s) => typeof s !== 'string' || !SID.test(s))) {
    return 'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*';
  }
  if (new Set(sids).size !== sids.length)
    return 'Statement IDs (SID) in a single policy must be unique.';
  return undefined;
}

/**
 * One page of names in IAM's order (sorted), `MaxItems` 1–1000 (default 100); the Marker is
 * opaque to clients: here the last name given, base64url.
 */
function listPage(all: string[], params: URLSearchParams): { names: string[]; marker?: string } {
  const rawMax = params.get('MaxItems');
  const max = rawMax === null ? 100 : Number(rawMax);
  if (!Number.isInteger(max) || max < 1 || max > 1000) {
    throw fault(
      'ValidationError',
      `1 validation error detected: Value '${rawMax}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000`,
      400,
    );
  }
  const rawMarker = params.get('Marker');
  const after = rawMarker === null ? undefined : Buffer.from(rawMarker, 'base64url').toString();
  if (rawMarker !== null && (after === '' || !POLICY_NAME.test(after!))) {
    throw fault('ValidationError', 'Invalid Marker.', 400);
  }
  const sorted = all.sort();
  const from = after === undefined ? 0 : sorted.findIndex((n) => n > after);
  const rest = from < 0 ? [] : sorted.slice(from);
  const names = rest.slice(0, max);
  return rest.length > max
    ? { names, marker: Buffer.from(names.at(-1)!).toString('base64url') }
    : { names };
}

function metadataOnly(root: string, requestId: string): string {
  return xmlDocument(root, { ResponseMetadata: { RequestId: requestId } }, IAM_XMLNS);
}

/** Answers one IAM action; errors are StsFaults the caller renders in the query-protocol shape. */
export function handleIamAction(
  action: string | undefined,
  params: URLSearchParams,
  deps: IamDeps,
  requestId: string,
): string {
  switch (action) {
    case 'GetRolePolicy': {
      const role = findRole(params, deps);
      const name = policyName(params);
      deps.authorize('iam:GetRolePolicy', role.arn);
      const text = role.policyDocuments.get(name);
      if (text === undefined) {
        throw fault('NoSuchEntity', `The role policy with name ${name} cannot be found.`, 404);
      }
      return xmlDocument(
        'GetRolePolicyResponse',
        {
          // IAM returns the document URL-encoded (RFC 3986); clients decode it themselves.
          GetRolePolicyResult: {
            RoleName: role.name,
            PolicyName: name,
            PolicyDocument: encodeURIComponent(text),
          },
          ResponseMetadata: { RequestId: requestId },
        },
        IAM_XMLNS,
      );
    }
    case 'PutRolePolicy': {
      const role = findRole(params, deps);
      const name = policyName(params);
      const text = required(params, 'PolicyDocument');
      deps.authorize('iam:PutRolePolicy', role.arn);
      const problem = documentProblem(text);
      if (problem) throw fault('MalformedPolicyDocument', problem, 400);
      let total = iamPolicySize(text);
      for (const [other, otherText] of role.policyDocuments) {
        if (other !== name) total += iamPolicySize(otherText);
      }
      if (total > ROLE_INLINE_POLICY_LIMIT) {
        throw fault(
          'LimitExceeded',
          `Maximum policy size of ${ROLE_INLINE_POLICY_LIMIT} bytes exceeded for role ${role.name}`,
          409,
        );
      }
      writeRolePolicy(role, name, text, deps.nowMs, deps.propagationMs);
      return metadataOnly('PutRolePolicyResponse', requestId);
    }
    case 'ListRolePolicies': {
      const role = findRole(params, deps);
      deps.authorize('iam:ListRolePolicies', role.arn);
      const { names, marker } = listPage([...role.policyDocuments.keys()], params);
      return xmlDocument(
        'ListRolePoliciesResponse',
        {
          ListRolePoliciesResult: {
            PolicyNames: { member: names },
            IsTruncated: marker !== undefined,
            Marker: marker,
          },
          ResponseMetadata: { RequestId: requestId },
        },
        IAM_XMLNS,
      );
    }
    case 'DeleteRolePolicy': {
      const role = findRole(params, deps);
      const name = policyName(params);
      deps.authorize('iam:DeleteRolePolicy', role.arn);
      if (!role.policyDocuments.has(name)) {
        throw fault('NoSuchEntity', `The role policy with name ${name} cannot be found.`, 404);
      }
      writeRolePolicy(role, name, undefined, deps.nowMs, deps.propagationMs);
      return metadataOnly('DeleteRolePolicyResponse', requestId);
    }
    case undefined:
      throw fault('MissingAction', 'Missing Action', 400);
    default:
      throw fault(
        'InvalidAction',
        `Could not find operation ${action} for version 2010-05-08`,
        400,
      );
  }
}
