/**
 * What the AWS emulator tests share: a clock, the OIDC issuer, an emulator with two roles and a
 * bucket, and clients built the way the project and its users build them (the real SDKs).
 */
import { S3Client } from '@aws-sdk/client-s3';
import {
  AssumeRoleWithWebIdentityCommand,
  STSClient,
  type AssumeRoleWithWebIdentityCommandInput,
} from '@aws-sdk/client-sts';
import { Clock } from '../clock.ts';
import { startOidcIssuer, type OidcIssuer } from '../oidc.ts';
import { startAwsEmulator, type AwsEmulator, type AwsEmulatorOptions } from './index.ts';

export const ACCOUNT = '123456789012';
export const DEPLOY_ROLE = `arn:aws:iam::${ACCOUNT}:role/deploy`;
export const READER_ROLE = `arn:aws:iam::${ACCOUNT}:role/ci/reader`;
export const AUDIENCE = 'sts.amazonaws.com';

export interface Env {
  clock: Clock;
  oidc: OidcIssuer;
  aws: AwsEmulator;
  close(): Promise<void>;
}

export async function startEnv(overrides: Partial<AwsEmulatorOptions> = {}): Promise<Env> {
  const clock = new Clock();
  const oidc = await startOidcIssuer({
    clock,
    claims: { repository: 'acme/site', ref: 'refs/heads/main' },
  });
  const aws = await startAwsEmulator({
    clock,
    issuer: oidc.issuer,
    roles: {
      [DEPLOY_ROLE]: {
        trust: { aud: AUDIENCE, sub: ['repo:acme/site:*'] },
        maxSessionDuration: 3600,
        permissions: [{ Effect: 'Allow', Action: ['s3:*'], Resource: '*' }],
      },
      [READER_ROLE]: {
        trust: { aud: [AUDIENCE], sub: 'repo:acme/site:ref:refs/heads/main' },
        maxSessionDuration: 7200,
        permissions: [
          { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::site' },
          { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' },
        ],
      },
    },
    buckets: ['site', 'logs'],
    ...overrides,
  });
  return {
    clock,
    oidc,
    aws,
    async close() {
      await aws.close();
      await oidc.close();
    },
  };
}

export function sts(
  env: Env,
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
): STSClient {
  return new STSClient({ endpoint: env.aws.url, region: 'us-east-1', maxAttempts: 1, credentials });
}

export function s3(
  env: Env,
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
): S3Client {
  return new S3Client({
    endpoint: env.aws.url,
    region: 'us-east-1',
    forcePathStyle: true,
    maxAttempts: 1,
    credentials,
  });
}

/** Mints a GitHub-shaped token for STS and assumes `role` with it. */
export async function assume(
  env: Env,
  input: Partial<AssumeRoleWithWebIdentityCommandInput> = {},
  claims: Record<string, unknown> = {},
) {
  const token = await env.oidc.mint(claims, { audience: AUDIENCE });
  const out = await sts(env).send(
    new AssumeRoleWithWebIdentityCommand({
      RoleArn: DEPLOY_ROLE,
      RoleSessionName: 'gha-1',
      WebIdentityToken: token,
      ...input,
    }),
  );
  const c = out.Credentials!;
  return {
    out,
    credentials: {
      accessKeyId: c.AccessKeyId!,
      secretAccessKey: c.SecretAccessKey!,
      sessionToken: c.SessionToken!,
    },
  };
}

/** The error an SDK call rejected with, for asserting its name and HTTP status. */
export async function failure(
  p: Promise<unknown>,
): Promise<{ name: string; message: string; status: number | undefined }> {
  try {
    await p;
  } catch (err) {
    const e = err as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail, and it succeeded');
}
