import { CloudError } from '../../errors.js';

/** The one inline policy, on the target role, that holds every session this project revoked. */
export const REVOKE_POLICY_NAME = 'jit-credentials-revoked';
/** IAM's limit for all inline policies of one role together, whitespace not counted. */
export const ROLE_INLINE_POLICY_LIMIT = 10_240;
const SID_PREFIX = 'JitRevoke';

export interface Statement {
  Sid?: string;
  Effect: string;
  Condition?: Record<string, Record<string, string | string[]>>;
  [key: string]: unknown;
}

export interface RevokeDocument {
  Version: string;
  Statement: Statement[];
}

/** IAM allows only [0-9A-Za-z] in a Sid; grant ids are `aws-<hex>`. */
export function revokeSid(grantId: string): string {
  return `${SID_PREFIX}${grantId.replace(/[^0-9A-Za-z]/g, '')}`;
}

/**
 * Denies everything to one session until its STS expiry. The DateLessThan makes the
 * statement inert once the session would be refused anyway, which is what lets a later
 * close drop it without reopening anything.
 */
export function sessionDeny(sid: string, assumedRoleId: string, sessionExpiry: Date): Statement {
  return {
    Sid: sid,
    Effect: 'Deny',
    Action: '*',
    Resource: '*',
    Condition: {
      StringEquals: { 'aws:userid': assumedRoleId },
      DateLessThan: { 'aws:CurrentTime': sessionExpiry.toISOString() },
    },
  };
}

/** The document IAM returned (already URL-decoded), or an empty one when there is none yet. */
export function parseRevokeDocument(text: string | undefined): RevokeDocument {
  if (text === undefined || text.trim() === '') return { Version: '2012-10-17', Statement: [] };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new CloudError(
      `The inline policy '${REVOKE_POLICY_NAME}' is not JSON; delete it (aws iam delete-role-policy) and close again.`,
    );
  }
  const d = doc as { Version?: unknown; Statement?: unknown };
  if (!d || typeof d !== 'object' || d.Statement === undefined) {
    throw new CloudError(
      `The inline policy '${REVOKE_POLICY_NAME}' has no Statement; delete it and close again.`,
    );
  }
  const list = Array.isArray(d.Statement) ? d.Statement : [d.Statement];
  return {
    Version: typeof d.Version === 'string' ? d.Version : '2012-10-17',
    Statement: list as Statement[],
  };
}

/**
 * When a statement stops applying for good: the latest of its `DateLessThan aws:CurrentTime`
 * values (several values OR together). Undefined when it has no such end: kept forever.
 */
export function statementEnd(s: Statement): number | undefined {
  for (const [operator, block] of Object.entries(s.Condition ?? {})) {
    if (operator !== 'DateLessThan' && operator !== 'DateLessThanEquals') continue;
    for (const [key, value] of Object.entries(block)) {
      if (key.toLowerCase() !== 'aws:currenttime') continue;
      const times = (Array.isArray(value) ? value : [value]).map((v) =>
        /^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v),
      );
      if (times.some((t) => Number.isNaN(t))) return undefined;
      return Math.max(...times);
    }
  }
  return undefined;
}

/**
 * Drops statements that can never apply again at `nowMs` (AWS's clock, as far as it is
 * known). Conditions AND together, so a passed DateLessThan disables the statement whoever
 * wrote it; statements without such an end are kept.
 */
export function pruneExpired(
  doc: RevokeDocument,
  nowMs: number,
): { doc: RevokeDocument; dropped: number } {
  const kept = doc.Statement.filter((s) => {
    const end = statementEnd(s);
    return end === undefined || end > nowMs;
  });
  return { doc: { ...doc, Statement: kept }, dropped: doc.Statement.length - kept.length };
}

/** Adds (or replaces, when closing again) the statement with the same Sid. */
export function withStatement(doc: RevokeDocument, statement: Statement): RevokeDocument {
  return {
    ...doc,
    Statement: [...doc.Statement.filter((s) => s.Sid !== statement.Sid), statement],
  };
}

export function hasStatement(doc: RevokeDocument, sid: string): boolean {
  return doc.Statement.some((s) => s.Sid === sid);
}

/** As IAM counts it against the 10,240: characters other than whitespace. */
export function iamPolicySize(text: string): number {
  return text.replace(/\s/g, '').length;
}

export function serialize(doc: RevokeDocument): string {
  return JSON.stringify(doc);
}

/** What to do when the role's inline policies are full: said before IAM says LimitExceeded. */
export function sizeAdvice(roleArn: string, live: number): string {
  return (
    `IAM allows ${ROLE_INLINE_POLICY_LIMIT} characters for all inline policies of ${roleArn} together, and ` +
    `'${REVOKE_POLICY_NAME}' already holds ${live} revoked sessions that have not expired. Each entry is dropped ` +
    "automatically after its session's expiry: shorten 'duration' (entries then expire sooner), close fewer " +
    'sessions with revoke-role in the same window, or move other inline policies of the role into managed policies.'
  );
}

/** Refuses a document that cannot fit even alone; the other inline policies are IAM's to count. */
export function checkSize(text: string, roleArn: string, live: number): void {
  const size = iamPolicySize(text);
  if (size > ROLE_INLINE_POLICY_LIMIT) {
    throw new CloudError(
      `The revocation policy would be ${size} characters. ${sizeAdvice(roleArn, live)}`,
    );
  }
}
