/**
 * Migrating from aws-actions/configure-aws-credentials: the input sets of the peer's README
 * examples, run through actions/aws (dist/aws.js, as the runner runs it) against the STS/S3
 * emulator. Each reaches what the peer's README promises (variables, outputs, a later tool that
 * works), or fails with the refusal the README documents, before any request. Build first.
 */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../emulators/clock.ts';
import { startAwsEmulator, type AwsEmulator } from '../emulators/aws/index.ts';
import { startGitHubApi, type GitHubApi } from '../emulators/github/index.ts';
import { startOidcIssuer, type OidcIssuer } from '../emulators/oidc.ts';
import { findLeaks, jobChannels, leaksOutside } from '../harness/canary.ts';
import { createJob, type Job, type StepResult } from '../harness/job.ts';
import { nodeBinary, REPO_ROOT } from '../harness/node.ts';

const ACCOUNT = '123456789012';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/my-github-actions-role`;
const SECOND = `arn:aws:iam::${ACCOUNT}:role/my-second-role`;
/** A role ARN of another account, which this emulator answers with a session of its own account. */
const ODD = 'arn:aws:iam::222222222222:role/odd';
/** Trusts tokens of a custom audience only. */
const CUSTOM_AUDIENCE = `arn:aws:iam::${ACCOUNT}:role/custom-audience`;
const ACTION = 'actions/aws/action.yml';
const TOOL = `"${nodeBinary()}" "${REPO_ROOT}/test/e2e/fixtures/aws-use.mjs"`;

let clock: Clock;
let oidc: OidcIssuer;
let aws: AwsEmulator;
/** The repository's REST API, where every step reads the policy (its default branch has none). */
let github: GitHubApi;
const jobs: Job[] = [];

beforeAll(async () => {
  clock = new Clock();
  oidc = await startOidcIssuer({ clock });
  github = await startGitHubApi({ clock });
  github.repo(oidc.claims().repository, { id: oidc.claims().repository_id });
  const trust = { aud: 'sts.amazonaws.com', sub: ['repo:acme/site:*'] };
  aws = await startAwsEmulator({
    clock,
    issuer: oidc.issuer,
    accountId: ACCOUNT,
    buckets: ['site'],
    roles: {
      [ROLE]: {
        trust,
        permissions: [
          { Effect: 'Allow', Action: ['s3:*', 'sts:GetCallerIdentity'], Resource: '*' },
          { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: SECOND },
        ],
      },
      [SECOND]: {
        trust: { aud: 'sts.amazonaws.com', sub: [], assumeRoleFrom: [ROLE], externalId: 'ext-42' },
        permissions: [{ Effect: 'Allow', Action: ['s3:*'], Resource: '*' }],
      },
      [ODD]: { trust, permissions: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] },
      [CUSTOM_AUDIENCE]: {
        trust: { aud: 'my-custom-audience', sub: ['repo:acme/site:*'] },
        permissions: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
      },
    },
  });
});
afterAll(async () => {
  for (const j of jobs) await j.cleanup();
  await github?.close();
  await aws.close();
  await oidc.close();
});

/**
 * A job whose front-door steps verify the GitHub token against the emulated issuer: the one input
 * beyond the peer's, as a GitHub Enterprise with its own issuer URL sets it.
 */
async function job(): Promise<Job> {
  const j = await createJob({
    idToken: oidc.forJob,
    env: {
      ...github.env,
      AWS_ENDPOINT_URL: aws.url,
      AWS_ENDPOINT_URL_STS: aws.url,
      AWS_EC2_METADATA_DISABLED: 'true',
    },
  });
  jobs.push(j);
  const runStep = j.runStep.bind(j);
  j.runStep = (step) =>
    runStep(
      step.action ? { ...step, inputs: { 'oidc-issuer': oidc.issuer, ...step.inputs } } : step,
    );
  return j;
}

const secrets = () => [
  ...oidc.issued,
  oidc.requestToken,
  github.token,
  ...aws.issued.flatMap((c) => [c.secretAccessKey, c.sessionToken]),
];

function toolResult(step: StepResult): Record<string, unknown> {
  const line = step.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`no RESULT line:\n${step.stdout}\n${step.stderr}`);
  return JSON.parse(line.slice('RESULT '.length)) as Record<string, unknown>;
}

const failure = (step: StepResult) => step.annotations.map((a) => a.message).join('\n');

/** A refusal made before anything was asked: no GitHub token minted, no AWS request, nothing exported. */
async function refusedBeforeAnyRequest(inputs: Record<string, string>): Promise<StepResult> {
  const j = await job();
  const tokens = oidc.issued.length;
  const requests = aws.requests.length;
  const step = await j.runStep({ action: ACTION, id: 'configure', inputs });
  expect(step.exitCode).toBe(1);
  expect(oidc.issued.length).toBe(tokens);
  expect(aws.requests.length).toBe(requests);
  expect(Object.values(step.envWrites).filter((v) => v !== '')).toEqual([]);
  return step;
}

describe('README examples of configure-aws-credentials through actions/aws', () => {
  it('AssumeRoleWithWebIdentity with a custom audience: the token carries it, and a role that trusts only it answers', async () => {
    const j = await job();
    const inputs = { 'aws-region': 'us-east-2', 'role-to-assume': CUSTOM_AUDIENCE };
    const custom = await j.runStep({
      action: ACTION,
      inputs: { ...inputs, audience: 'my-custom-audience' },
    });
    expect(custom.exitCode, failure(custom)).toBe(0);
    expect(decodeJwt(oidc.issued.at(-1)!).aud).toBe('my-custom-audience');
    expect(custom.envWrites['AWS_ACCESS_KEY_ID']).toBe(aws.issued.at(-1)!.accessKeyId);
    // Without it, the token is for sts.amazonaws.com, which this role's trust policy refuses.
    const plain = await j.runStep({ action: ACTION, inputs });
    expect(plain.exitCode).toBe(1);
    expect(decodeJwt(oidc.issued.at(-1)!).aud).toBe('sts.amazonaws.com');
    expect(Object.values(plain.envWrites).filter((v) => v !== '')).toEqual([]);
  });

  it('AssumeRoleWithWebIdentity: the keys and region reach later steps, the outputs name the account, post empties them', async () => {
    const j = await job();
    const main = await j.runStep({
      action: ACTION,
      id: 'creds',
      inputs: {
        'aws-region': 'us-east-2',
        'role-to-assume': ROLE,
        'role-session-name': 'MySessionName',
      },
    });
    expect(main.exitCode, failure(main)).toBe(0);
    const session = aws.issued.at(-1)!;
    expect(main.envWrites).toMatchObject({
      AWS_ACCESS_KEY_ID: session.accessKeyId,
      AWS_SECRET_ACCESS_KEY: session.secretAccessKey,
      AWS_SESSION_TOKEN: session.sessionToken,
      AWS_REGION: 'us-east-2',
      AWS_DEFAULT_REGION: 'us-east-2',
    });
    expect(main.outputs['aws-account-id']).toBe(ACCOUNT);
    expect(main.outputs['authenticated-arn']).toBe(
      `arn:aws:sts::${ACCOUNT}:assumed-role/my-github-actions-role/MySessionName`,
    );
    expect(Date.parse(main.outputs['aws-expiration']!)).toBe(session.expiration.getTime());
    // The peer's README: "Your commands that require AWS credentials" in a later step.
    const later = await j.runStep({ entry: 'test/e2e/fixtures/aws-use.mjs', id: 'use' });
    expect(toolResult(later)).toMatchObject({ put: 'ok', get: 'hello' });
    const post = await j.runPost(main);
    expect(post.envWrites['AWS_SESSION_TOKEN']).toBe('');
    const leaks = findLeaks(secrets(), await jobChannels(j));
    expect(leaksOutside(leaks, [/^main:creds:envWrites$/])).toEqual([]);
  });

  it('AssumeRole with the role previously assumed in the same job (role-chaining, role-external-id)', async () => {
    const j = await job();
    const first = await j.runStep({
      action: ACTION,
      id: 'first',
      inputs: { 'aws-region': 'us-east-2', 'role-to-assume': ROLE },
    });
    expect(first.exitCode, failure(first)).toBe(0);
    const second = await j.runStep({
      action: ACTION,
      id: 'second',
      inputs: {
        'aws-region': 'us-east-2',
        'role-to-assume': SECOND,
        'role-session-name': 'MySessionName',
        'role-chaining': 'true',
        'role-external-id': 'ext-42',
      },
    });
    expect(second.exitCode, failure(second)).toBe(0);
    const chained = aws.issued.at(-1)!;
    expect(chained.roleArn).toBe(SECOND);
    // The emulator recorded which session signed the AssumeRole: the first step's.
    expect(chained.subject).toBe(aws.issued.at(-2)!.arn);
    expect(aws.requests.at(-1)).toMatchObject({ action: 'AssumeRole', status: 200 });
    expect(second.envWrites['AWS_ACCESS_KEY_ID']).toBe(chained.accessKeyId);
    expect(second.outputs['authenticated-arn']).toMatch(/assumed-role\/my-second-role\//);
    expect(second.summary).toMatch(/Role chaining/);
    const use = await j.runStep({ entry: 'test/e2e/fixtures/aws-use.mjs' });
    expect(toolResult(use)['identity']).toBe(chained.arn);
    // Both grants are closed at the end of the job.
    const post = await j.runPost(second);
    expect(post.envWrites['AWS_ACCESS_KEY_ID']).toBe('');
  });

  it('role-chaining with a wrong external id is refused by AWS, and nothing is exported', async () => {
    const j = await job();
    await j.runStep({
      action: ACTION,
      inputs: { 'aws-region': 'us-east-2', 'role-to-assume': ROLE },
    });
    const second = await j.runStep({
      action: ACTION,
      inputs: {
        'aws-region': 'us-east-2',
        'role-to-assume': SECOND,
        'role-chaining': 'true',
        'role-external-id': 'ext-41',
      },
    });
    expect(second.exitCode).toBe(1);
    expect(failure(second)).toMatch(/trust policy must allow sts:AssumeRole/);
    expect(second.envWrites).toEqual({});
  });

  it('static keys from repository secrets are refused, pointing at jit-credentials fix', async () => {
    const step = await refusedBeforeAnyRequest({
      'aws-access-key-id': 'AKIAIOSFODNN7EXAMPLE',
      'aws-secret-access-key': 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'aws-region': 'us-east-2',
      'role-to-assume': ROLE,
      'role-external-id': 'x',
      'role-duration-seconds': '1200',
      'role-session-name': 'MySessionName',
    });
    expect(failure(step)).toMatch(/refuses 'aws-access-key-id'.*jit-credentials fix/s);
    expect(step.masks).toEqual(
      expect.arrayContaining(['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY']),
    );
    expect(step.stdoutWithoutMaskCommands).not.toContain(
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    );
  });

  it('credentials as step outputs (output-credentials), and the keys copied into a second step are refused', async () => {
    const j = await job();
    const creds = await j.runStep({
      action: ACTION,
      id: 'creds',
      inputs: { 'aws-region': 'us-east-2', 'role-to-assume': ROLE, 'output-credentials': 'true' },
    });
    expect(creds.exitCode, failure(creds)).toBe(0);
    const session = aws.issued.at(-1)!;
    expect(creds.outputs).toMatchObject({
      'aws-access-key-id': session.accessKeyId,
      'aws-secret-access-key': session.secretAccessKey,
      'aws-session-token': session.sessionToken,
    });
    expect(creds.masks).toEqual(expect.arrayContaining([session.secretAccessKey]));
    expect(creds.envWrites['AWS_SESSION_TOKEN']).toBe(session.sessionToken);
    expect(creds.summary).toMatch(/also in the step outputs/);
    const second = await j.runStep({
      action: ACTION,
      inputs: {
        'aws-region': 'us-east-2',
        'aws-access-key-id': creds.outputs['aws-access-key-id']!,
        'aws-secret-access-key': creds.outputs['aws-secret-access-key']!,
        'aws-session-token': creds.outputs['aws-session-token']!,
        'role-to-assume': SECOND,
      },
    });
    expect(second.exitCode).toBe(1);
    expect(failure(second)).toMatch(/role-chaining: true/);
  });

  it('outputs only (output-credentials with output-env-credentials: false), after unsetting earlier keys', async () => {
    const j = await job();
    const step = await j.runStep({
      action: ACTION,
      id: 'creds',
      inputs: {
        'aws-region': 'us-east-2',
        'role-to-assume': ROLE,
        'output-credentials': 'true',
        'output-env-credentials': 'false',
        'unset-current-credentials': 'true',
      },
    });
    expect(step.exitCode, failure(step)).toBe(0);
    expect(step.outputs['aws-session-token']).toBe(aws.issued.at(-1)!.sessionToken);
    expect(step.envWrites).toEqual({
      AWS_ACCESS_KEY_ID: '',
      AWS_SECRET_ACCESS_KEY: '',
      AWS_SESSION_TOKEN: '',
      AWS_REGION: '',
      AWS_DEFAULT_REGION: '',
    });
  });

  it('named profiles (aws-profile) are refused with the reason', async () => {
    const step = await refusedBeforeAnyRequest({
      'aws-region': 'us-east-1',
      'role-to-assume': ROLE,
      'aws-profile': 'dev',
    });
    expect(failure(step)).toMatch(/refuses 'aws-profile'.*outlive the step/s);
  });
});

describe('allowed-account-ids and mask-aws-account-id', () => {
  it('a role of an unlisted account is refused before the GitHub token is even asked for', async () => {
    const step = await refusedBeforeAnyRequest({
      'aws-region': 'us-east-2',
      'role-to-assume': ROLE,
      'allowed-account-ids': '111111111111, 222222222222',
    });
    expect(failure(step)).toContain(
      `is in account ${ACCOUNT}, which 'allowed-account-ids' does not list`,
    );
  });

  it('a session STS returns in another account than listed is dropped before delivery', async () => {
    const j = await job();
    const step = await j.runStep({
      action: ACTION,
      id: 'odd',
      inputs: {
        'aws-region': 'us-east-2',
        'role-to-assume': ODD,
        'allowed-account-ids': '222222222222',
      },
    });
    expect(step.exitCode).toBe(1);
    expect(aws.issued.at(-1)!.roleArn).toBe(ODD);
    expect(failure(step)).toMatch(/returned a session in account 123456789012/);
    expect(step.envWrites).toEqual({});
    expect(step.outputs['aws-access-key-id']).toBeUndefined();
    const leaks = findLeaks(secrets(), await jobChannels(j));
    expect(leaksOutside(leaks, [])).toEqual([]);
  });

  it('a listed account passes, and with mask-aws-account-id the account never shows unmasked', async () => {
    const j = await job();
    const step = await j.runStep({
      action: ACTION,
      id: 'masked',
      inputs: {
        'aws-region': 'us-east-2',
        'role-to-assume': ROLE,
        'allowed-account-ids': ACCOUNT,
        'mask-aws-account-id': 'true',
      },
    });
    expect(step.exitCode, failure(step)).toBe(0);
    expect(step.masks).toContain(ACCOUNT);
    expect(step.outputs['aws-account-id']).toBe(ACCOUNT);
    expect(step.stdout + step.summary).not.toContain(ACCOUNT);
  });

  it('a misspelt allowed-account-ids fails the step instead of being ignored', async () => {
    const step = await refusedBeforeAnyRequest({
      'aws-region': 'us-east-2',
      'role-to-assume': ROLE,
      'allowed-acount-ids': '111111111111',
    });
    expect(failure(step)).toContain("'allowed-acount-ids': did you mean 'allowed-account-ids'?");
  });
});

describe('run: and the peer knobs', () => {
  it('with run:, only the command has the keys; sts-endpoint and retry-max-attempts are taken', async () => {
    const j = await createJob({
      idToken: oidc.forJob,
      env: { ...github.env, AWS_ENDPOINT_URL: aws.url, AWS_EC2_METADATA_DISABLED: 'true' },
    });
    jobs.push(j);
    const step = await j.runStep({
      action: ACTION,
      inputs: {
        'oidc-issuer': oidc.issuer,
        'aws-region': 'us-east-2',
        'role-to-assume': ROLE,
        'sts-endpoint': aws.url,
        'retry-max-attempts': '2',
        'disable-retry': 'false',
        run: TOOL,
      },
    });
    expect(step.exitCode, failure(step)).toBe(0);
    expect(toolResult(step)).toMatchObject({ put: 'ok', oidcRequestVisible: false });
    expect(step.envWrites).toEqual({});
    expect(step.outputs['aws-account-id']).toBe(ACCOUNT);
  });

  it('output-credentials with run: is refused (an output would outlive the command)', async () => {
    const step = await refusedBeforeAnyRequest({
      'aws-region': 'us-east-2',
      'role-to-assume': ROLE,
      'output-credentials': 'true',
      run: 'true',
    });
    expect(failure(step)).toMatch(/output would outlive it/);
  });

  it('action-timeout-s stops a command that runs too long and closes the grant', async () => {
    const j = await job();
    const step = await j.runStep({
      action: ACTION,
      id: 'slow',
      inputs: {
        'aws-region': 'us-east-2',
        'role-to-assume': ROLE,
        'action-timeout-s': '2',
        run: 'exec sleep 60',
      },
    });
    expect(step.exitCode).not.toBe(0);
    expect(failure(step)).toMatch(/action-timeout-s \(2s\) ran out/);
    expect(step.timedOut).toBe(false);
    expect(step.summary).toMatch(/closed/i);
  });
});

describe('the policy on the default branch judges the front door as it judges the root action', () => {
  const FILE = '.github/jit-policy.yml';
  const POLICY = `version: 1
rules:
  - name: deploy-main-run-only
    when:
      repository: acme/site
      ref: refs/heads/main
    allow:
      provider: aws
      role: ${ROLE}
      max-duration: 15m
      delivery: run
`;

  it("the peer's export to the job is refused before any AWS request; with run: it is allowed", async () => {
    github.commit('acme/site', { [FILE]: POLICY });
    try {
      const before = aws.requests.length;
      const j = await job();
      const exported = await j.runStep({
        action: ACTION,
        inputs: { 'aws-region': 'us-east-2', 'role-to-assume': ROLE },
      });
      expect(exported.exitCode).toBe(1);
      expect(failure(exported)).toMatch(
        /rule deploy-main-run-only: delivery is env, rule requires run/,
      );
      expect(aws.requests.length).toBe(before);
      expect(Object.values(exported.envWrites).filter((v) => v !== '')).toEqual([]);

      const run = await j.runStep({
        action: ACTION,
        inputs: { 'aws-region': 'us-east-2', 'role-to-assume': ROLE, run: TOOL },
      });
      expect(run.exitCode, failure(run)).toBe(0);
      expect(toolResult(run)).toMatchObject({ put: 'ok' });
      expect(run.summary).toContain('deploy-main-run-only');
    } finally {
      github.commit('acme/site', { [FILE]: null });
    }
  });
});
