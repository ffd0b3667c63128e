import { ConfigurationError } from '../../errors.js';

/** STS's limit on the inline session policy, counted on the plain text. */
export const MAX_SESSION_POLICY_CHARS = 2048;
export const STS_MIN_DURATION = 900;
export const WINDOW_SID = 'JitCredentialsWindow';

interface PolicyDocument {
  Version?: string;
  Statement: unknown[];
}

/** Parses the user's inline session policy; errors say where the JSON broke and what STS expects. */
export function parseSessionPolicy(text: string): PolicyDocument {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new ConfigurationError(
      `Input 'session-policy' is not valid JSON (${(err as Error).message}). Give an IAM policy document ` +
        'such as {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}.',
    );
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ConfigurationError(
      "Input 'session-policy' must be a JSON object (an IAM policy document).",
    );
  }
  const statement = (doc as { Statement?: unknown }).Statement;
  if (statement === undefined) {
    throw new ConfigurationError(
      'Input \'session-policy\' has no "Statement": an IAM policy needs at least one.',
    );
  }
  const statements = Array.isArray(statement) ? statement : [statement];
  for (const [i, s] of statements.entries()) {
    const effect = (s as { Effect?: unknown } | null)?.Effect;
    if (effect !== 'Allow' && effect !== 'Deny') {
      throw new ConfigurationError(
        `Input 'session-policy': statement ${i + 1} has Effect ${JSON.stringify(effect)}; use "Allow" or "Deny".`,
      );
    }
  }
  return { ...(doc as object), Statement: statements } as PolicyDocument;
}

/**
 * The session policy sent to STS. When the lifetime is below STS's 900 s minimum, a deny of
 * everything after `windowEnd` (aws:CurrentTime) makes the cloud itself end the session
 * early. Without a user policy an allow-all is needed beside it: a session policy with only
 * a deny would allow nothing.
 */
export function buildSessionPolicy(
  user: PolicyDocument | undefined,
  windowEnd: Date | undefined,
): string | undefined {
  if (!windowEnd) return user ? JSON.stringify(user) : undefined;
  const statements: unknown[] = user
    ? [...user.Statement]
    : [{ Effect: 'Allow', Action: '*', Resource: '*' }];
  statements.push({
    Sid: WINDOW_SID,
    Effect: 'Deny',
    Action: '*',
    Resource: '*',
    Condition: { DateGreaterThan: { 'aws:CurrentTime': windowEnd.toISOString() } },
  });
  return JSON.stringify({ Version: user?.Version ?? '2012-10-17', Statement: statements });
}

/** Checked before any call, with a placeholder time of the same length as the real one. */
export function checkPolicySize(user: PolicyDocument | undefined, needsWindow: boolean): void {
  const policy = buildSessionPolicy(user, needsWindow ? new Date(0) : undefined);
  if (policy && policy.length > MAX_SESSION_POLICY_CHARS) {
    const extra = needsWindow
      ? ' with the time-limit statement added for a duration below 900 s'
      : '';
    throw new ConfigurationError(
      `The session policy is ${policy.length} characters${extra}; STS accepts at most ${MAX_SESSION_POLICY_CHARS}. ` +
        "Shorten it (wildcards, fewer statements) or move part of it into a managed policy listed in 'managed-policies'.",
    );
  }
}

export function policyDigest(
  policy: string | undefined,
  managed: readonly string[],
): string | undefined {
  if (!policy && managed.length === 0) return undefined;
  return process
    .getBuiltinModule('node:crypto')
    .createHash('sha256')
    .update(JSON.stringify({ policy: policy ?? null, managed }))
    .digest('hex');
}
