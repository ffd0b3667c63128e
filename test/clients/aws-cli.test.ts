/**
 * The real AWS CLI (Debian's awscli, v2.9) uses what the action delivers, through the committed
 * bundles: in `run:` from the environment and from the grant's credentials file, and with
 * `export: env` in a later step, until AWS refuses the session after its window.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLeaks, jobChannels } from '../harness/canary.ts';
import {
  awsInputs,
  awsJob,
  issuedSecrets,
  startAwsWorld,
  type AwsWorld,
} from '../e2e/aws-setup.ts';

function debianAws(): string | undefined {
  try {
    return execFileSync('dpkg', ['-L', 'awscli'], { encoding: 'utf8' })
      .split('\n')
      .find((f) => /\/bin\/aws$/.test(f));
  } catch {
    return undefined;
  }
}

const AWS = debianAws();
if (!AWS) console.warn("Skipping: Debian's awscli is not installed (apt-get install -y awscli).");

describe.skipIf(!AWS)('AWS CLI with delivered credentials', () => {
  let world: AwsWorld;
  beforeAll(async () => {
    world = await startAwsWorld();
  });
  afterAll(async () => {
    await world?.close();
  });
  const cli = `${AWS} --endpoint-url "$AWS_ENDPOINT_URL" --no-cli-pager`;

  it('run: the CLI works from the environment and from the grant file, which is gone afterwards', async () => {
    const job = await awsJob(world);
    const script = [
      `echo payload > /tmp/jit-cli-payload.txt`,
      `${cli} s3 cp /tmp/jit-cli-payload.txt s3://site/cli/payload.txt`,
      `${cli} s3 ls s3://site/cli/`,
      // Without the variables, the CLI reads the grant's shared credentials file.
      `env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN ${cli} sts get-caller-identity --query Arn --output text`,
      `echo "FILE=$AWS_SHARED_CREDENTIALS_FILE"`,
    ].join('\n');
    const main = await job.runStep({
      action: 'action.yml',
      id: 'cli',
      inputs: awsInputs({ run: script, duration: '5m' }),
    });
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);
    expect(main.stdout).toMatch(/upload: .*jit-cli-payload\.txt to s3:\/\/site\/cli\/payload\.txt/);
    expect(main.stdout).toContain('payload.txt');
    expect(main.stdout).toMatch(/arn:aws:sts::123456789012:assumed-role\/deploy\/gh\./);
    const file = /FILE=(\S+)/.exec(main.stdout)![1]!;
    const after = await job.runStep({
      entry: 'test/e2e/fixtures/shell-step.mjs',
      id: 'after',
      env: { STEP_SCRIPT: `test ! -e "${file}" && echo gone` },
    });
    expect(after.stdout).toContain('gone');
    expect(findLeaks(issuedSecrets(world), await jobChannels(job))).toEqual([]);
    await job.cleanup();
  });

  it('export env: a later step uses the CLI; AWS refuses it once the window has passed', async () => {
    const job = await awsJob(world);
    const main = await job.runStep({
      action: 'action.yml',
      id: 'creds',
      inputs: awsInputs({ export: 'env', duration: '2m' }),
    });
    expect(main.exitCode, main.stderr).toBe(0);
    const use = await job.runStep({
      entry: 'test/e2e/fixtures/shell-step.mjs',
      id: 'use',
      env: { STEP_SCRIPT: `${cli} s3 ls s3://site/` },
    });
    expect(use.exitCode, use.stderr).toBe(0);
    // One second past the window's end as the action recorded it (by the runner's clock, which
    // the emulator's does not follow), so still within the CLI's clock-skew tolerance: an explicit deny.
    world.clock.advanceTo(main.outputs['expires-at']!, 1);
    const late = await job.runStep({
      entry: 'test/e2e/fixtures/shell-step.mjs',
      id: 'late',
      env: { STEP_SCRIPT: `${cli} s3 ls s3://site/` },
    });
    expect(late.exitCode).not.toBe(0);
    expect(late.stderr).toMatch(/AccessDenied/);
    expect(late.stderr).toMatch(/explicit deny/);
    const post = await job.runPost(main);
    expect(post.envWrites['AWS_SESSION_TOKEN']).toBe('');
    expect(post.summary).toMatch(/already expired|expires/);
    await job.cleanup();
  });
});
