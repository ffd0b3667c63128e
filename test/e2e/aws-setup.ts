/**
 * One emulated AWS account and GitHub issuer for the AWS end-to-end tests, and helpers to run
 * the committed bundles against them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Clock } from '../emulators/clock.ts';
import { startOidcIssuer, type JobClaimsInput, type OidcIssuer } from '../emulators/oidc.ts';
import { startAwsEmulator, type AwsEmulator } from '../emulators/aws/index.ts';
import { startGitHubApi, type GitHubApi } from '../emulators/github/index.ts';
import { createJob, type Job, type StepResult } from '../harness/job.ts';
import { nodeBinary, REPO_ROOT } from '../harness/node.ts';

export const ROLE = 'arn:aws:iam::123456789012:role/deploy';
export const READ_ROLE = 'arn:aws:iam::123456789012:role/read';
/** May write ROLE's inline policies (revoke-role); trusts the same workflows as ROLE. */
export const REVOKER_ROLE = 'arn:aws:iam::123456789012:role/jit-revoker';
/** Same permissions, but its trust policy accepts another repository only: assuming it fails. */
export const UNTRUSTING_REVOKER_ROLE = 'arn:aws:iam::123456789012:role/jit-revoker-other';
/** What the README tells users to allow the revoker on the deploy role. */
const REVOKER_ACTIONS = [
  'iam:GetRolePolicy',
  'iam:PutRolePolicy',
  'iam:ListRolePolicies',
  'iam:DeleteRolePolicy',
];
export const FIXTURE = path.join(REPO_ROOT, 'test/e2e/fixtures/aws-use.mjs');
/** The step's tool, as a `run:` command: Node 24 running the real SDK. */
export const USE_AWS = `"${nodeBinary()}" "${FIXTURE}"`;

export interface AwsWorld {
  clock: Clock;
  oidc: OidcIssuer;
  aws: AwsEmulator;
  /** The repository's REST API: where the policy is read (the default branch has none unless a test commits one). */
  github: GitHubApi;
  close(): Promise<void>;
}

/** The issuer of the world started last in this test file: every step verifies its token against it. */
let issuer: string | undefined;

export async function startAwsWorld(): Promise<AwsWorld> {
  const clock = new Clock();
  const oidc = await startOidcIssuer({ clock });
  issuer = oidc.issuer;
  const github = await startGitHubApi({ clock });
  github.repo(oidc.claims().repository, { id: oidc.claims().repository_id });
  const aws = await startAwsEmulator({
    clock,
    issuer: oidc.issuer,
    buckets: ['site', 'other'],
    roles: {
      [ROLE]: {
        trust: { aud: 'sts.amazonaws.com', sub: ['repo:acme/site:*'] },
        maxSessionDuration: 3600,
        permissions: [
          { Effect: 'Allow', Action: ['s3:*', 'sts:GetCallerIdentity'], Resource: '*' },
        ],
      },
      [READ_ROLE]: {
        trust: { aud: 'sts.amazonaws.com', sub: ['repo:acme/site:environment:production'] },
        maxSessionDuration: 3600,
        permissions: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
      },
      [REVOKER_ROLE]: {
        trust: { aud: 'sts.amazonaws.com', sub: ['repo:acme/site:*'] },
        permissions: [{ Effect: 'Allow', Action: REVOKER_ACTIONS, Resource: ROLE }],
      },
      [UNTRUSTING_REVOKER_ROLE]: {
        trust: { aud: 'sts.amazonaws.com', sub: ['repo:acme/other:*'] },
        permissions: [{ Effect: 'Allow', Action: REVOKER_ACTIONS, Resource: ROLE }],
      },
    },
  });
  return {
    clock,
    oidc,
    aws,
    github,
    close: async () => {
      await github.close();
      await aws.close();
      await oidc.close();
    },
  };
}

/**
 * The job-level environment: the emulator as every AWS endpoint. Requests keep the action's own
 * timeout (5 s): a 1 s one, meant for the hang tests, also cut off answers that were merely late
 * on a busy machine, and the retry that followed changed the request counts tests assert. A
 * test of a hanging endpoint sets `HANG_TEST_ENV` on its step.
 */
export function awsJob(
  world: AwsWorld,
  options: { idToken?: boolean; workspace?: string; context?: JobClaimsInput } = {},
): Promise<Job> {
  return createJob({
    idToken: options.idToken === false ? false : world.oidc.forJob,
    workspace: options.workspace,
    ...(options.context ? { context: options.context } : {}),
    env: {
      ...world.github.env,
      AWS_ENDPOINT_URL: world.aws.url,
      AWS_ENDPOINT_URL_STS: world.aws.url,
      AWS_EC2_METADATA_DISABLED: 'true',
    },
  });
}

/** Step env for a test of an endpoint that never answers: each attempt gives up after 1 s. */
export const HANG_TEST_ENV = { JIT_CREDENTIALS_HTTP_TIMEOUT_MS: '1000' };
/**
 * Step environment that moves the step's clock to the world's, for a test that has advanced the
 * world clock by more than GitHub's ten-minute `nbf` margin: the action verifies each token's
 * times against its own clock. `imports` are further `--import` preloads for NODE_OPTIONS.
 */
export function runnerClock(world: AwsWorld, imports: string[] = []): Record<string, string> {
  const preload = pathToFileURL(path.join(REPO_ROOT, 'test/e2e/fixtures/runner-clock.mjs')).href;
  return {
    NODE_OPTIONS: [preload, ...imports].map((i) => `--import=${i}`).join(' '),
    RUNNER_CLOCK_SHIFT_MS: String(world.clock.nowMs() - Date.now()),
  };
}

export const awsInputs = (extra: Record<string, string> = {}) => ({
  provider: 'aws',
  ...(issuer ? { 'oidc-issuer': issuer } : {}),
  role: ROLE,
  region: 'eu-west-1',
  ...extra,
});

/** Every secret the emulators handed out in this world: the canary's needles. */
export function issuedSecrets(world: AwsWorld): string[] {
  return [
    ...world.oidc.issued,
    world.oidc.requestToken,
    world.github.token,
    ...world.aws.issued.flatMap((c) => [c.secretAccessKey, c.sessionToken]),
  ];
}

export function toolResult(step: StepResult): Record<string, unknown> {
  const line = step.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`the tool printed no RESULT line:\n${step.stdout}\n${step.stderr}`);
  return JSON.parse(line.slice('RESULT '.length)) as Record<string, unknown>;
}

/** An S3 call made directly with issued credentials, to ask the cloud whether it still accepts them. */
export async function s3GetWith(world: AwsWorld, index = -1): Promise<string> {
  const c = world.aws.issued.at(index)!;
  const s3 = new S3Client({
    endpoint: world.aws.url,
    region: 'eu-west-1',
    forcePathStyle: true,
    maxAttempts: 1,
    credentials: {
      accessKeyId: c.accessKeyId,
      secretAccessKey: c.secretAccessKey,
      sessionToken: c.sessionToken,
    },
    systemClockOffset: world.clock.now().getTime() - Date.now(),
  });
  try {
    await s3.send(new GetObjectCommand({ Bucket: 'site', Key: 'probe.txt' }));
    return 'allowed';
  } catch (err) {
    return `${(err as Error).name}: ${(err as Error).message}`;
  }
}

/** AssumeRoleWithWebIdentity calls the world's STS has answered so far. */
export const stsCalls = (world: AwsWorld) =>
  world.aws.requests.filter((r) => r.action === 'AssumeRoleWithWebIdentity').length;

/** The step's error annotations, one per line. */
export const errorsOf = (step: Pick<StepResult, 'annotations'>) =>
  step.annotations
    .filter((a) => a.level === 'error')
    .map((a) => a.message)
    .join('\n');

export function ledgerEvents(step: StepResult): Array<Record<string, unknown>> {
  const file = step.outputs['ledger'];
  if (!file) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
