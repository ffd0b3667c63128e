import { lstatSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { GetAccessKeyInfoCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { errorMessage } from '../../errors.js';
import { readCapped, UnsafePathError, type CappedRead } from '../../runner/temp.js';
import { awsClientConfig, type EndpointVariant } from './client-config.js';

/** Default bound on waiting for IAM to apply the deny; JIT_CREDENTIALS_REVOKE_VERIFY_SECONDS overrides it. */
export const DEFAULT_VERIFY_SECONDS = 60;

/**
 * Three keys and a [default] line: a few KiB even with the longest session tokens STS issues
 * (a packed session policy makes them grow). Anything larger was not written by deliver.
 */
export const MAX_CREDENTIALS_FILE_BYTES = 16 << 10;

export interface SessionKeys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
}

/** The keys of a credentials file, or why there are none to probe with. */
export type CredentialsRead =
  | { readonly keys: SessionKeys; readonly problem?: undefined }
  | { readonly keys?: undefined; readonly problem: string };

/**
 * The [default] profile of the grant's own credentials file (written by deliver), for the post
 * step, which holds no keys of its own. The directory is the `run:` command's and every later
 * step's to change: a FIFO in the file's place would block the step until the job's timeout, a
 * link to /dev/zero would be read until memory runs out. readCapped opens no link and blocks on
 * no FIFO, takes a regular file of the job's user only, and no more than a credentials file holds.
 */
export function readCredentialsFile(dir: string): CredentialsRead {
  const path = join(dir, 'credentials');
  const said = (what: string): CredentialsRead => ({
    problem: `the grant's credentials file ${path} ${what}`,
  });
  let file: CappedRead | undefined;
  try {
    file = readCapped(path, MAX_CREDENTIALS_FILE_BYTES);
  } catch (err) {
    return said(
      err instanceof UnsafePathError ? whatItIs(path) : `could not be read (${errorMessage(err)})`,
    );
  }
  if (!file) return said('was not there');
  if (file.truncated) return said(`is larger than ${MAX_CREDENTIALS_FILE_BYTES} bytes`);
  const keys = parseCredentials(file.text);
  return keys ? { keys } : said('holds no session keys');
}

/** Why readCapped refused the path, for the record: what is there instead of the file. */
function whatItIs(path: string): string {
  const st = lstatSync(path, { throwIfNoEntry: false });
  if (!st) return 'was not there';
  if (st.isSymbolicLink()) return 'is a symbolic link';
  if (!st.isFile()) return `is not a regular file (${fileKind(st)})`;
  return `belongs to uid ${st.uid}, not the job's user`;
}

function fileKind(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isDirectory()) return 'a directory';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a file';
}

function parseCredentials(text: string): SessionKeys | undefined {
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
  | {
      readonly refused: 'explicit-deny';
      /** 'before': the call was refused so before the deny was written: no proof of it. */
      readonly by: 'identity' | 'session' | 'unknown' | 'before';
    }
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
