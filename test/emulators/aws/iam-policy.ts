/**
 * A small IAM policy evaluator: enough of AWS's evaluation logic to show a session credential
 * allowed inside its window and refused after it. Explicit Deny anywhere wins; otherwise the
 * role's identity policies must allow, and, when the session was given session policies, so
 * must one of them (the session's permissions are the intersection).
 */

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
  Version?: string;
  Statement: PolicyStatement | PolicyStatement[];
}

export interface RequestContext {
  action: string;
  resource: string;
  /** Condition keys, e.g. aws:CurrentTime (ISO), aws:userid, aws:PrincipalArn, aws:TokenIssueTime. */
  keys: Record<string, string | undefined>;
}

export type Decision =
  | { effect: 'allow' }
  | { effect: 'explicit-deny'; by: 'identity' | 'session'; sid: string | undefined }
  | { effect: 'implicit-deny'; missing: 'identity' | 'session' };

const OPERATORS = new Set([
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Bool',
]);

const NEGATED = new Set([
  'StringNotEquals',
  'StringNotEqualsIgnoreCase',
  'StringNotLike',
  'DateNotEquals',
  'ArnNotEquals',
  'ArnNotLike',
]);

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export function statements(doc: PolicyDocument): PolicyStatement[] {
  return Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
}

/** IAM's wildcards: `*` any run of characters, `?` exactly one. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}

/** IAM accepts ISO 8601 or epoch seconds wherever a date is compared. */
function parseDate(value: string): number | undefined {
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

function compare(operator: string, actual: string, expected: string): boolean {
  switch (operator) {
    case 'StringEquals':
    case 'StringNotEquals':
    case 'ArnEquals':
    case 'ArnNotEquals':
      return actual === expected;
    case 'StringEqualsIgnoreCase':
    case 'StringNotEqualsIgnoreCase':
      return actual.toLowerCase() === expected.toLowerCase();
    case 'StringLike':
    case 'StringNotLike':
    case 'ArnLike':
    case 'ArnNotLike':
      return wildcardMatch(expected, actual);
    case 'Bool':
      return actual.toLowerCase() === expected.toLowerCase();
    default: {
      const a = parseDate(actual);
      const e = parseDate(expected);
      if (a === undefined || e === undefined) return false;
      if (operator === 'DateEquals' || operator === 'DateNotEquals') return a === e;
      if (operator === 'DateLessThan') return a < e;
      if (operator === 'DateLessThanEquals') return a <= e;
      if (operator === 'DateGreaterThan') return a > e;
      return a >= e;
    }
  }
}

function conditionHolds(
  condition: PolicyStatement['Condition'],
  keys: RequestContext['keys'],
): boolean {
  if (!condition) return true;
  // Operators AND together, keys within an operator AND together, values of one key OR together.
  return Object.entries(condition).every(([rawOperator, block]) => {
    const ifExists = rawOperator.endsWith('IfExists');
    const operator = ifExists ? rawOperator.slice(0, -'IfExists'.length) : rawOperator;
    const negated = NEGATED.has(operator);
    return Object.entries(block).every(([key, expected]) => {
      const actual = lookup(keys, key);
      if (actual === undefined) return ifExists || negated;
      const matched = list(expected).some((e) => compare(operator, actual, e));
      return negated ? !matched : matched;
    });
  });
}

/** Condition keys are case-insensitive in IAM. */
function lookup(keys: RequestContext['keys'], key: string): string | undefined {
  const lower = key.toLowerCase();
  for (const [k, v] of Object.entries(keys)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

function matchesAction(s: PolicyStatement, action: string): boolean {
  if (s.Action !== undefined) return list(s.Action).some((p) => wildcardMatch(p, action, true));
  return !list(s.NotAction).some((p) => wildcardMatch(p, action, true));
}

function matchesResource(s: PolicyStatement, resource: string): boolean {
  if (s.Resource !== undefined) return list(s.Resource).some((p) => wildcardMatch(p, resource));
  if (s.NotResource !== undefined)
    return !list(s.NotResource).some((p) => wildcardMatch(p, resource));
  return false;
}

export function statementApplies(s: PolicyStatement, req: RequestContext): boolean {
  return (
    matchesAction(s, req.action) &&
    matchesResource(s, req.resource) &&
    conditionHolds(s.Condition, req.keys)
  );
}

export interface PolicySet {
  /** The role's permission statements plus any inline policies an admin added. */
  identity: PolicyStatement[];
  /** Session policies sent at AssumeRole time; undefined when none were sent (no intersection). */
  session: PolicyStatement[] | undefined;
}

export function evaluate(policies: PolicySet, req: RequestContext): Decision {
  const deny = (list: PolicyStatement[]) =>
    list.find((s) => s.Effect === 'Deny' && statementApplies(s, req));
  const identityDeny = deny(policies.identity);
  if (identityDeny) return { effect: 'explicit-deny', by: 'identity', sid: identityDeny.Sid };
  const sessionDeny = policies.session && deny(policies.session);
  if (sessionDeny) return { effect: 'explicit-deny', by: 'session', sid: sessionDeny.Sid };
  const allows = (list: PolicyStatement[]) =>
    list.some((s) => s.Effect === 'Allow' && statementApplies(s, req));
  if (!allows(policies.identity)) return { effect: 'implicit-deny', missing: 'identity' };
  if (policies.session && !allows(policies.session))
    return { effect: 'implicit-deny', missing: 'session' };
  return { effect: 'allow' };
}

/** AWS's wording of an AccessDenied, which tells the reader which kind of policy decided. */
export function denialMessage(
  principalArn: string,
  req: RequestContext,
  decision: Decision,
): string {
  const head = `User: ${principalArn} is not authorized to perform: ${req.action} on resource: "${req.resource}"`;
  if (decision.effect === 'explicit-deny') {
    return `${head} with an explicit deny in ${decision.by === 'session' ? 'a session policy' : 'an identity-based policy'}`;
  }
  if (decision.effect === 'implicit-deny') {
    return `${head} because no ${decision.missing === 'session' ? 'session policy' : 'identity-based policy'} allows the ${req.action} action`;
  }
  return head;
}

/**
 * Checks a policy document the way STS does before accepting it; returns what is wrong, or
 * undefined. Only the grammar this evaluator understands is accepted, so a test can never
 * silently get a policy evaluated differently from what it wrote.
 */
export function policyProblem(doc: unknown): string | undefined {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    return 'The policy is not a JSON object.';
  const d = doc as Record<string, unknown>;
  if (d.Version !== undefined && d.Version !== '2012-10-17' && d.Version !== '2008-10-17') {
    return `The policy has an unsupported Version '${String(d.Version)}'.`;
  }
  if (d.Statement === undefined) return 'Syntax errors in policy: the policy has no Statement.';
  const list = Array.isArray(d.Statement) ? d.Statement : [d.Statement];
  for (const [i, raw] of list.entries()) {
    const s = raw as Record<string, unknown> | null;
    const where = `Statement ${i + 1}`;
    if (!s || typeof s !== 'object') return `Syntax errors in policy: ${where} is not an object.`;
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny')
      return `Syntax errors in policy: ${where} has an invalid Effect.`;
    if ((s.Action === undefined) === (s.NotAction === undefined)) {
      return `Syntax errors in policy: ${where} needs exactly one of Action or NotAction.`;
    }
    if ((s.Resource === undefined) === (s.NotResource === undefined)) {
      return `Syntax errors in policy: ${where} needs exactly one of Resource or NotResource.`;
    }
    if (s.Principal !== undefined || s.NotPrincipal !== undefined) {
      return `Syntax errors in policy: ${where} has a Principal, which a session policy may not have.`;
    }
    if (s.Condition !== undefined) {
      if (!s.Condition || typeof s.Condition !== 'object')
        return `Syntax errors in policy: ${where} has an invalid Condition.`;
      for (const op of Object.keys(s.Condition)) {
        const base = op.replace(/IfExists$/, '');
        if (!OPERATORS.has(base))
          return `Syntax errors in policy: ${where} uses unknown condition operator '${op}'.`;
      }
    }
  }
  return undefined;
}
