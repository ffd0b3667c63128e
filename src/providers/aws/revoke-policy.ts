/**
 * The inline policies that deny revoked sessions on a role: one policy per revoked session.
 *
 * Why one per session. IAM's PutRolePolicy replaces a whole named document and has no
 * condition (no ETag, no version check), so two writers of one document lose each other's
 * entries: eight matrix legs closing at once through a read-modify-write of one shared policy
 * lost one or two denies in every run, and a leg could see its deny, record "verified", and
 * have it overwritten a moment later. With a name of its own per session no writer ever
 * rewrites another's document, so nothing needs a lock IAM does not have. What is shared is
 * only deletion, and the name says when a policy may go: a pruner deletes a policy only after
 * reading it and seeing that every statement in it has ended by IAM's own clock, which can
 * never be true of a live session's deny (its end is the session's STS expiry, and nobody
 * rewrites a policy with that name to something longer-lived). Two pruners deleting the same
 * expired policy is harmless. The cost is ~40 characters of envelope per session out of the
 * role's 10,240 and a ListRolePolicies per close.
 *
 * The single policy of earlier versions (`jit-credentials-revoked`) is read, never written or
 * deleted: an older version may still be doing its read-modify-write on it, and deleting it
 * between that version's read and write would drop a live deny without anyone noticing. It
 * is reported when the budget is full, with what to do.
 */
/** Names of the per-session policies: prefix, grant id, session end (UTC, whole seconds). */
export const REVOKE_POLICY_PREFIX = 'jit-revoke.';
/** The one shared document earlier versions wrote; left to them. */
export const LEGACY_POLICY_NAME = 'jit-credentials-revoked';
/** IAM's limit for all inline policies of one role together, whitespace not counted. */
export const ROLE_INLINE_POLICY_LIMIT = 10_240;

const NAME = /^jit-revoke\.([\w+=,@-]{1,80})\.(\d{8}T\d{6}Z)$/;
const POLICY_NAME = /^[\w+=,.@-]{1,128}$/;

export interface Statement {
  Sid?: string;
  Effect: string;
  Condition?: Record<string, Record<string, string | string[]>>;
  [key: string]: unknown;
}

export interface PolicyDoc {
  Version: string;
  Statement: Statement[];
}

/** Rounded up: the deny never ends before the session does. */
function wholeSeconds(t: Date): Date {
  return new Date(Math.ceil(t.getTime() / 1000) * 1000);
}

function compact(t: Date): string {
  return t
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/**
 * `jit-revoke.<grant id>.<end>`: unique per grant, and the end lets a pruner skip reading the
 * policies of live sessions. The end in the name is only a hint: deletion reads the document.
 */
export function revokePolicyName(grantId: string, sessionEnd: Date): string {
  const name = `${REVOKE_POLICY_PREFIX}${grantId}.${compact(wholeSeconds(sessionEnd))}`;
  if (!NAME.test(name) || !POLICY_NAME.test(name)) {
    throw new Error(`grant id '${grantId}' cannot name an IAM policy`);
  }
  return name;
}

/** The end a per-session policy's name claims, or undefined for any other policy name. */
export function revokePolicyEnd(name: string): number | undefined {
  const m = NAME.exec(name);
  if (!m) return undefined;
  const s = m[2]!;
  const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}

/**
 * Denies everything to one session until its STS expiry. The DateLessThan makes the
 * statement inert once the session would be refused anyway, which is what lets a later
 * close delete it without reopening anything. No Sid: the policy's name identifies it.
 */
export function sessionDeny(assumedRoleId: string, sessionEnd: Date): Statement {
  return {
    Effect: 'Deny',
    Action: '*',
    Resource: '*',
    Condition: {
      StringEquals: { 'aws:userid': assumedRoleId },
      DateLessThan: {
        'aws:CurrentTime': wholeSeconds(sessionEnd).toISOString().replace('.000Z', 'Z'),
      },
    },
  };
}

export function sessionDenyDocument(assumedRoleId: string, sessionEnd: Date): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [sessionDeny(assumedRoleId, sessionEnd)],
  });
}

/** A document as IAM returns it (already URL-decoded); undefined when it is not a policy. */
export function parsePolicy(text: string | undefined): PolicyDoc | undefined {
  if (text === undefined) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  const d = doc as { Version?: unknown; Statement?: unknown } | null;
  if (!d || typeof d !== 'object' || d.Statement === undefined) return undefined;
  const list = Array.isArray(d.Statement) ? d.Statement : [d.Statement];
  if (list.some((s) => !s || typeof s !== 'object')) return undefined;
  return {
    Version: typeof d.Version === 'string' ? d.Version : '2012-10-17',
    Statement: list as Statement[],
  };
}

/**
 * When a statement stops applying for good: the latest of its `DateLessThan aws:CurrentTime`
 * values (several values OR together). Undefined when it has no such end: it never ends.
 * With several such conditions the first is taken; conditions AND together, so the true end
 * is no later than that: the answer is never too early.
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

/** True when no statement of the document can apply at `nowMs` or ever after. */
export function isInert(doc: PolicyDoc, nowMs: number): boolean {
  return doc.Statement.every((s) => {
    const end = statementEnd(s);
    return end !== undefined && end < nowMs;
  });
}

/** Whether the document still holds the deny of this session until `sessionEnd` at least. */
export function deniesSession(
  doc: PolicyDoc | undefined,
  assumedRoleId: string,
  sessionEnd: Date,
): boolean {
  const want = JSON.stringify(sessionDeny(assumedRoleId, sessionEnd));
  return !!doc && doc.Statement.some((s) => JSON.stringify(s) === want);
}

/** As IAM counts it against the 10,240: characters other than whitespace. */
export function iamPolicySize(text: string): number {
  return text.replace(/\s/g, '').length;
}

export interface InlineUsage {
  /** Every inline policy of the role with its size; a policy unreadable here counts 0. */
  readonly policies: ReadonlyArray<{ name: string; size: number; inert: boolean }>;
  readonly total: number;
}

const n = (x: number) => x.toLocaleString('en-US');

/**
 * What to tell the user when IAM refuses the deny for size: the role's usage, what is ours
 * and live (it will go by itself), what is stale, and what they can delete or change.
 */
export function budgetAdvice(
  roleArn: string,
  needed: number,
  usage: InlineUsage | undefined,
): string {
  const role = roleArn.slice(roleArn.lastIndexOf('/') + 1);
  const head = usage
    ? `the inline policies of ${roleArn} use ${n(usage.total)} of ${n(ROLE_INLINE_POLICY_LIMIT)} characters, and this deny needs ${needed} more.`
    : `the inline policies of ${roleArn} are at IAM's limit of ${n(ROLE_INLINE_POLICY_LIMIT)} characters (the revoker could not list them), and this deny needs ${needed} more.`;
  const parts = [head];
  if (usage) {
    const ours = usage.policies.filter((p) => p.name.startsWith(REVOKE_POLICY_PREFIX));
    if (ours.length) {
      parts.push(
        `${ours.length} are live revocations of jit-credentials (${n(ours.reduce((a, p) => a + p.size, 0))} characters), each deleted by a later close once its session has expired.`,
      );
    }
    const legacy = usage.policies.find((p) => p.name === LEGACY_POLICY_NAME);
    if (legacy) {
      parts.push(
        `'${LEGACY_POLICY_NAME}' (${n(legacy.size)} characters, written by an earlier version) is ${legacy.inert ? 'inert: all its sessions have expired' : 'still live'}; delete it (aws iam delete-role-policy --role-name ${role} --policy-name ${LEGACY_POLICY_NAME}) once no older version of jit-credentials revokes sessions of this role.`,
      );
    }
    const others = usage.policies.filter(
      (p) => !p.name.startsWith(REVOKE_POLICY_PREFIX) && p.name !== LEGACY_POLICY_NAME,
    );
    if (others.length) {
      parts.push(
        `Other inline policies: ${others.map((p) => `${p.name} (${n(p.size)})`).join(', ')}.`,
      );
    }
  }
  parts.push(
    `Delete stale inline policies from ${roleArn} or move them into managed policies (which do not count), ` +
      "shorten 'duration' so revocations expire sooner, or revoke fewer sessions of this role at once.",
  );
  return parts.join(' ');
}
