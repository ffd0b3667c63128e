import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  awsInputs,
  awsJob,
  HANG_TEST_ENV,
  ledgerEvents,
  READ_ROLE,
  ROLE,
  startAwsWorld,
  type AwsWorld,
} from './aws-setup.ts';

let world: AwsWorld;
beforeAll(async () => {
  world = await startAwsWorld();
});
afterAll(async () => {
  await world?.close();
});
beforeEach(() => {
  world.aws.faults.clear();
});

const stsCalls = () =>
  world.aws.requests.filter((r) => r.service === 'sts' || r.action === 'AssumeRoleWithWebIdentity')
    .length;
const errorsOf = (step: { annotations: Array<{ level: string; message: string }> }) =>
  step.annotations
    .filter((a) => a.level === 'error')
    .map((a) => a.message)
    .join('\n');

describe('bad input: a clear error, no network call, nothing exported', () => {
  const bigPolicy = JSON.stringify({
    Version: '2012-10-17',
    Statement: Array.from({ length: 40 }, (_, i) => ({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: `arn:aws:s3:::bucket-${i}/*`,
    })),
  });
  it.each([
    [{ provider: '' }, /Input 'provider' is required: set it to one of aws, azure, gcp/],
    [{ provider: 'aws-cn' }, /Invalid provider 'aws-cn'/],
    [{ role: '' }, /Input 'role' is required/],
    [
      { role: 'arn:aws:iam::123456789012:deploy' },
      /Invalid role 'arn:aws:iam::123456789012:deploy'/,
    ],
    [{ region: 'eu-west' }, /Invalid region 'eu-west'/],
    [
      { duration: '5 min' },
      /Invalid duration '5 min'. Use seconds \(900\) or a duration such as 90s, 15m, 1h/,
    ],
    [{ duration: '20h' }, /Invalid duration '20h' for AWS/],
    [{ duration: '10s' }, /Invalid duration '10s' for AWS/],
    [{ 'session-policy': '{"Statement":[{"Effect":"Allow"' }, /'session-policy' is not valid JSON/],
    [
      { 'session-policy': bigPolicy },
      /The session policy is \d+ characters; STS accepts at most 2048/,
    ],
    [{ 'managed-policies': 'arn:aws:iam::aws:role/ReadOnly' }, /Invalid managed policy ARN/],
    [{ 'session-name': 'a' }, /Invalid session-name 'a'/],
    [{ export: 'file', run: '' }, /Invalid export 'file'. Expected one of: env, outputs/],
    [{ export: 'env' }, /exclude each other/],
    [{ run: '', export: '' }, /Say how the credentials are delivered/],
    [{ shell: 'fish' }, /Invalid shell 'fish'/],
    [{ 'working-directory': 'no/such/dir' }, /Invalid working-directory 'no\/such\/dir'/],
    [
      { run: '', export: 'env', 'working-directory': '.' },
      /'working-directory' applies only to 'run'/,
    ],
  ])('%j', async (override, message) => {
    const job = await awsJob(world);
    const oidcBefore = world.oidc.requests.length;
    const awsBefore = world.aws.requests.length;
    const step = await job.runStep({
      action: 'action.yml',
      id: 'bad',
      inputs: { ...awsInputs({ run: 'echo should-not-run' }), ...override },
    });
    expect(step.exitCode).toBe(1);
    expect(errorsOf(step)).toMatch(message);
    expect(step.stdout).not.toContain('should-not-run');
    expect(world.oidc.requests.length).toBe(oidcBefore);
    expect(world.aws.requests.length).toBe(awsBefore);
    expect(step.envWrites).toEqual({});
    expect(Object.keys(step.outputs)).toEqual([]);
    await job.cleanup();
  });

  it('a job without id-token: write is told what to add, before any request', async () => {
    const job = await awsJob(world, { idToken: false });
    const oidcBefore = world.oidc.requests.length;
    const awsBefore = world.aws.requests.length;
    const step = await job.runStep({
      action: 'action.yml',
      id: 'noperm',
      inputs: awsInputs({ run: 'true' }),
    });
    expect(step.exitCode).toBe(1);
    expect(errorsOf(step)).toContain('Add `permissions: { id-token: write, contents: read }`');
    expect(world.oidc.requests.length).toBe(oidcBefore);
    expect(world.aws.requests.length).toBe(awsBefore);
    await job.cleanup();
  });
});

describe('refusals and faults from STS', () => {
  it('a trust-policy denial fails at once, with the claims to put in the trust policy', async () => {
    const job = await awsJob(world);
    const before = stsCalls();
    const started = Date.now();
    const step = await job.runStep({
      action: 'action.yml',
      id: 'denied',
      inputs: { ...awsInputs({ run: 'true' }), role: READ_ROLE },
    });
    const elapsed = Date.now() - started;
    expect(step.exitCode).toBe(1);
    const error = errorsOf(step);
    expect(error).toContain(`refused AssumeRoleWithWebIdentity for ${READ_ROLE}`);
    expect(error).toContain('sub="repo:acme/site:ref:refs/heads/main"');
    expect(error).toContain('aud="sts.amazonaws.com"');
    expect(error).toContain('environment=(none)');
    expect(stsCalls() - before).toBe(1); // never retried
    expect(elapsed).toBeLessThan(10_000); // generous bound for a loaded machine; bench/ measures it
    expect(step.summary).toContain('refused');
    expect(ledgerEvents(step).map((e) => e['phase'])).toEqual(['requested', 'allowed', 'denied']);
    await job.cleanup();
  });

  it('a role whose maximum is below the duration says which to change', async () => {
    const job = await awsJob(world);
    const step = await job.runStep({
      action: 'action.yml',
      id: 'long',
      inputs: awsInputs({ run: 'true', duration: '2h' }),
    });
    expect(step.exitCode).toBe(1);
    expect(errorsOf(step)).toMatch(
      /MaxSessionDuration[\s\S]*Lower 'duration' \(asked 7200 s\) or raise the role's MaxSessionDuration/,
    );
    await job.cleanup();
  });

  it.each([
    ['throttle', 2],
    ['status500', 2],
    ['reset', 2],
  ] as const)('%s is retried and then succeeds', async (fault, failures) => {
    world.aws.faults.add(fault, failures);
    const job = await awsJob(world);
    const before = stsCalls();
    const step = await job.runStep({
      action: 'action.yml',
      id: 'retry',
      inputs: awsInputs({ run: 'true' }),
    });
    expect(step.exitCode, errorsOf(step)).toBe(0);
    expect(stsCalls() - before).toBe(3);
    expect(step.stdout).toMatch(/STS attempt 1 failed .*retrying in \d+ ms/);
    await job.cleanup();
  });

  it('gives up after 3 attempts, with the last error', async () => {
    world.aws.faults.add('status500', 5);
    const job = await awsJob(world);
    const before = stsCalls();
    const step = await job.runStep({
      action: 'action.yml',
      id: 'down',
      inputs: awsInputs({ run: 'true' }),
    });
    expect(step.exitCode).toBe(1);
    expect(errorsOf(step)).toMatch(
      /failed 3 times for arn:aws:iam::123456789012:role\/deploy; the last error/,
    );
    expect(stsCalls() - before).toBe(3);
    await job.cleanup();
  });

  it('a hanging STS times out per attempt', async () => {
    world.aws.faults.add('hang', 3);
    const job = await awsJob(world);
    const step = await job.runStep({
      action: 'action.yml',
      id: 'hang',
      inputs: awsInputs({ run: 'true' }),
      env: HANG_TEST_ENV,
    });
    expect(step.exitCode).toBe(1);
    expect(errorsOf(step)).toMatch(/failed 3 times/);
    await job.cleanup();
  });

  it('an answer that is not STS XML fails at once and says where to look', async () => {
    world.aws.faults.add('malformed', 1);
    const job = await awsJob(world);
    const before = stsCalls();
    const step = await job.runStep({
      action: 'action.yml',
      id: 'garbled',
      inputs: awsInputs({ run: 'true' }),
    });
    expect(step.exitCode).toBe(1);
    expect(errorsOf(step)).toMatch(
      /answered with something that is not STS XML[\s\S]*Check AWS_ENDPOINT_URL_STS/,
    );
    expect(stsCalls() - before).toBe(1);
    await job.cleanup();
  });

  it('the role is reached under its own name in the record', async () => {
    const job = await awsJob(world);
    const step = await job.runStep({
      action: 'action.yml',
      id: 'named',
      inputs: awsInputs({ export: 'outputs', 'session-name': 'release-42' }),
    });
    expect(step.outputs['principal']).toBe(
      'arn:aws:sts::123456789012:assumed-role/deploy/release-42',
    );
    const issued = ledgerEvents(step).find((e) => e['phase'] === 'issued')!;
    expect(issued['facts']).toMatchObject({
      roleArn: ROLE,
      assumedRoleId: expect.stringMatching(/^AROA\w+:release-42$/),
    });
    expect(issued['tokenSha256']).toMatch(/^[0-9a-f]{64}$/);
    expect(issued['claims']).toMatchObject({
      sub: 'repo:acme/site:ref:refs/heads/main',
      aud: 'sts.amazonaws.com',
    });
    await job.runPost(step);
    await job.cleanup();
  });
});
