import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetAccessKeyInfoCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { errorMessage } from '../../errors.js';
import { awsClientConfig, type EndpointVariant } from './client-config.js';

/** Default bound on waiting for IAM to apply the deny; JIT_CREDENTIALS_REVOKE_VERIFY_SECONDS overrides it. */
export const DEFAULT_VERIFY_SECONDS = 60;

export interface SessionKeys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
}

/** The [default] profile of the grant's own credentials file (written by deliver). */
export function readCredentialsFile(dir: string): SessionKeys | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, 'credentials'), 'utf8');
  } catch {
    return undefined;
  }
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\s*([a-z_]+)\s*=\s*(\S+)\s*$/.exec(line);
    if (m) values.set(m[1]!, m[2]!);
  }
  const accessKeyId = values.get('aws_access_key_id');
  const secretAccessKey = values.get('aws_secret_access_key');
  const sessionToken = values.get('aws_session_token');
  return accessKeyId && secretAccessKey && sessionToken
    ? { accessKeyId, secretAccessKey, sessionToken }
    : undefined;
}

export function verifySeconds(env: NodeJS.ProcessEnv): number {
  const v = Number(env['JIT_CREDENTIALS_REVOKE_VERIFY_SECONDS']);
  return Number.isFinite(v) && v >= 0 ? v : DEFAULT_VERIFY_SECONDS;
}

export type ProbeOutcome =
  | { readonly refused: 'explicit-deny'; readonly by: 'identity' | 'session' | 'unknown' }
  | { readonly refused: 'expired' }
  /** The keys on the runner are another session's than the one denied: they prove nothing about it. */
  | { readonly refused: 'other-session'; readonly userId: string }
  | { readonly refused: false; readonly last: string };

export interface ProbeOptions {
  /** The AssumedRoleId that was denied: the keys must be that session's. */
  readonly assumedRoleId: string;
  readonly region: string;
  readonly endpoint: string | undefined;
  readonly variant?: EndpointVariant;
  readonly timeoutMs: number;
  /** Total time to keep trying, in milliseconds. */
  readonly boundMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
}

/**
 * First asks whose keys these are (sts:GetCallerIdentity answers even under a deny, and its
 * UserId is the session's AssumedRoleId): the deny was written for the id on record, so the
 * probe must be made with that session's keys, not whatever the runner's files hold now.
 * Then calls sts:GetAccessKeyInfo with them until AWS answers with an explicit deny. It needs
 * a permission, so a deny refuses it (GetCallerIdentity would still answer); and an implicit
 * deny (the role never allowed it) is told apart from the explicit one by AWS's wording, so
 * the probe works whether or not the role grants the action.
 */
export async function probeUntilDenied(
  keys: SessionKeys,
  options: ProbeOptions,
): Promise<ProbeOutcome> {
  const client = new STSClient(
    awsClientConfig({
      region: options.region,
      endpoint: options.endpoint,
      variant: options.variant,
      credentials: keys,
      timeoutMs: options.timeoutMs,
    }),
  );
  const deadline = options.now() + options.boundMs;
  let delay = 500;
  let last: string;
  let identified = false;
  try {
    for (;;) {
      try {
        if (!identified) {
          const who = await client.send(new GetCallerIdentityCommand({}));
          if (who.UserId !== options.assumedRoleId) {
            return { refused: 'other-session', userId: who.UserId ?? '(none)' };
          }
          identified = true;
        }
        await client.send(new GetAccessKeyInfoCommand({ AccessKeyId: keys.accessKeyId }));
        last = 'the session was still accepted';
      } catch (err) {
        const e = err as { name?: string; message?: string };
        const message = e.message ?? errorMessage(err);
        if (identified && /explicit deny/i.test(message)) {
          const by = /identity-based policy/i.test(message)
            ? 'identity'
            : /session policy/i.test(message)
              ? 'session'
              : 'unknown';
          return { refused: 'explicit-deny', by };
        }
        if (e.name === 'ExpiredToken' || e.name === 'ExpiredTokenException')
          return { refused: 'expired' };
        // An implicit deny, a skewed clock or a network error: IAM may not have applied the deny yet.
        last = `${e.name ?? 'Error'}: ${message}`;
      }
      const left = deadline - options.now();
      if (left <= 0) return { refused: false, last };
      await options.sleep(Math.min(delay, left));
      delay = Math.min(delay * 2, 8000);
    }
  } finally {
    client.destroy();
  }
}
