/**
 * What the in-process revocation tests share: an emulated account with a deploy role and
 * revokers of various rights, grants as the engine records them (the session's keys in the
 * grant's private directory), a close context, and the emulator clock as the only clock.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { RevokeTarget } from '../../../src/providers/aws/revoke.ts';
import { networkNow, serviceUrls } from '../../../src/providers/aws/revoke-network.ts';
import type { CloseContext } from '../../../src/providers/provider.ts';
import { RecordingLogger } from '../../../src/runner/logger.ts';
import {
  ACCOUNT,
  assume,
  AUDIENCE,
  DEPLOY_ROLE,
  startEnv,
  type Env,
} from '../../emulators/aws/fixture.ts';

export { ACCOUNT, DEPLOY_ROLE };
/** May do all four inline-policy calls on the deploy role. */
export const REVOKER = `arn:aws:iam::${ACCOUNT}:role/revoker`;
/** May read and write, not list or delete: revokes, cannot prune. */
export const WRITER = `arn:aws:iam::${ACCOUNT}:role/writer-revoker`;
/** May only read. */
export const LOCKED = `arn:aws:iam::${ACCOUNT}:role/locked-revoker`;

const ALL = [
  'iam:GetRolePolicy',
  'iam:PutRolePolicy',
  'iam:ListRolePolicies',
  'iam:DeleteRolePolicy',
];

export interface World {
  e: Env;
  dirs: string[];
  close(): Promise<void>;
}

export async function startWorld(iamPropagationSeconds = 0): Promise<World> {
  const trust = { aud: AUDIENCE, sub: ['repo:acme/site:*'] };
  const e = await startEnv({
    iamPropagationSeconds,
    roles: {
      [DEPLOY_ROLE]: {
        trust,
        permissions: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
      },
      [REVOKER]: { trust, permissions: [{ Effect: 'Allow', Action: ALL, Resource: DEPLOY_ROLE }] },
      [WRITER]: {
        trust,
        permissions: [
          {
            Effect: 'Allow',
            Action: ['iam:GetRolePolicy', 'iam:PutRolePolicy'],
            Resource: DEPLOY_ROLE,
          },
        ],
      },
      [LOCKED]: {
        trust,
        permissions: [{ Effect: 'Allow', Action: 'iam:GetRolePolicy', Resource: DEPLOY_ROLE }],
      },
    },
  });
  const dirs: string[] = [];
  return {
    e,
    dirs,
    async close() {
      await e.close();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
}

export interface TestGrant {
  target: RevokeTarget;
  dir: string;
  keys: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
}

/** A deploy-role session as the engine issues it, its keys in the grant's private directory. */
export async function grantFor(
  w: World,
  grantId: string,
  options: { sessionName?: string; revokeRole?: string; durationSeconds?: number } = {},
): Promise<TestGrant> {
  const { out, credentials } = await assume(w.e, {
    RoleSessionName: options.sessionName ?? `gh.${grantId}`,
    DurationSeconds: options.durationSeconds ?? 900,
  });
  const dir = mkdtempSync(join(tmpdir(), 'jit-revoke-'));
  w.dirs.push(dir);
  writeFileSync(
    join(dir, 'credentials'),
    `[default]\naws_access_key_id = ${credentials.accessKeyId}\naws_secret_access_key = ${credentials.secretAccessKey}\naws_session_token = ${credentials.sessionToken}\n`,
  );
  return {
    dir,
    keys: credentials,
    target: {
      grantId,
      roleArn: DEPLOY_ROLE,
      revokeRole: options.revokeRole ?? REVOKER,
      assumedRoleId: out.AssumedRoleUser!.AssumedRoleId!,
      audience: AUDIENCE,
      sessionExpiresAt: out.Credentials!.Expiration!.toISOString(),
      region: 'eu-west-1',
      // As main records them when AWS_ENDPOINT_URL names the emulator (context()'s env).
      stsEndpoint: w.e.aws.url,
      iamEndpoint: w.e.aws.url,
      // And the network path, as main records it: this process's proxy and extra CAs.
      ...networkNow(serviceUrls('eu-west-1', undefined, w.e.aws.url, w.e.aws.url)).path,
    },
  };
}

export function context(
  w: World,
  grantDir: string | undefined,
  extraEnv: Record<string, string> = {},
  handleTrusted = true,
): { ctx: CloseContext; log: RecordingLogger; tokens: string[]; masked: string[] } {
  const log = new RecordingLogger();
  const tokens: string[] = [];
  const masked: string[] = [];
  return {
    log,
    tokens,
    masked,
    ctx: {
      mask: (secret) => masked.push(secret),
      log,
      grantId: 'aws-00000000a1',
      now: w.e.clock.now(),
      expiresAt: w.e.clock.now(),
      dir: grantDir,
      idToken: async (aud: string) => {
        tokens.push(aud);
        return w.e.oidc.mint({}, { audience: aud });
      },
      env: {
        AWS_ENDPOINT_URL: w.e.aws.url,
        JIT_CREDENTIALS_HTTP_TIMEOUT_MS: '2000',
        ...extraEnv,
      },
      handleTrusted,
    },
  };
}

/** Sleeps on the emulator clock: waiting for IAM propagation costs the test nothing. */
export function emulatedTime(w: World) {
  return {
    sleep: async (ms: number) => w.e.clock.advance(ms / 1000),
    clock: () => w.e.clock.nowMs(),
  };
}

/** Asks AWS with the session's own keys (an S3 call its role allows): 'accepted', or the refusal. */
export async function askWith(w: World, keys: TestGrant['keys']): Promise<string> {
  try {
    const s3 = new S3Client({
      endpoint: w.e.aws.url,
      region: 'eu-west-1',
      forcePathStyle: true,
      maxAttempts: 1,
      credentials: keys,
      // Signed by the emulator's clock, which tests move ahead of the machine's.
      systemClockOffset: w.e.clock.nowMs() - Date.now(),
    });
    await s3.send(new ListObjectsV2Command({ Bucket: 'site' }));
    return 'accepted';
  } catch (err) {
    return (err as Error).message;
  }
}

export const EXPLICIT_DENY = /explicit deny in an identity-based policy/;

/** The per-session revocation policies on the deploy role, by name. */
export function revocationPolicies(w: World): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of w.e.aws.listRolePolicies(DEPLOY_ROLE)) {
    if (name.startsWith('jit-revoke.')) out.set(name, w.e.aws.getRolePolicy(DEPLOY_ROLE, name)!);
  }
  return out;
}
