/**
 * `~/.aws/config` written by an earlier step of the job (same user, same HOME), through the built
 * dist/: the action's AWS clients read nothing from it. An `endpoint_url` there would otherwise
 * take the GitHub token to a server of the step's choosing, past the checks the endpoint
 * variables get, and have that server's answer recorded as AWS's. Build first: npm run build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy, type TestProxy } from '../emulators/proxy.ts';
import { createJob, type Job } from '../harness/job.ts';
import {
  awsInputs,
  awsJob,
  errorsOf,
  startAwsWorld,
  stsCalls as stsCallsOf,
  type AwsWorld,
} from './aws-setup.ts';

/** AWS's own STS endpoint of awsInputs()'s region, where the token must go without an override. */
const REAL_STS = 'sts.eu-west-1.amazonaws.com:443';

let world: AwsWorld;
let proxy: TestProxy;
const jobs: Job[] = [];
beforeAll(async () => {
  world = await startAwsWorld();
  // Stands in for the network: the one way out, which turns the real STS away and says so.
  proxy = await startProxy({ refuse: [REAL_STS] });
});
afterAll(async () => {
  for (const j of jobs) await j.cleanup();
  await proxy?.close();
  await world?.close();
});

const stsCalls = () => stsCallsOf(world);

function plantConfig(job: Job, text: string): void {
  mkdirSync(path.join(job.home, '.aws'), { recursive: true });
  writeFileSync(path.join(job.home, '.aws', 'config'), text);
}

describe('~/.aws/config planted by an earlier step', () => {
  it('its endpoint_url does not get the token: with no endpoint variable, the call goes to AWS STS', async () => {
    const job = await createJob({
      idToken: world.oidc.forJob,
      env: { ...world.github.env, HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url },
    });
    jobs.push(job);
    // The emulator issues to whoever asks it: as an attacker's server would, with its own answer.
    plantConfig(job, `[default]\nendpoint_url = ${world.aws.url}\n`);
    const before = stsCalls();
    const step = await job.runStep({
      action: 'action.yml',
      id: 'creds',
      inputs: awsInputs({ export: 'env' }),
    });
    expect(stsCalls() - before).toBe(0);
    expect(proxy.refused).toContain(REAL_STS);
    expect(step.exitCode).toBe(1);
    expect(errorsOf(step)).toContain(`refused CONNECT to ${REAL_STS}`);
    expect(step.envWrites).toEqual({});
  });

  it('settings there that would change or break the call are not read', async () => {
    const job = await awsJob(world);
    jobs.push(job);
    plantConfig(
      job,
      '[default]\nuse_fips_endpoint = true\nretry_mode = planted\ndefaults_mode = planted\nregion = planted-1\n',
    );
    const before = stsCalls();
    const step = await job.runStep({
      action: 'action.yml',
      id: 'creds',
      inputs: awsInputs({ export: 'env' }),
    });
    expect(errorsOf(step)).toBe('');
    expect(step.exitCode).toBe(0);
    expect(stsCalls() - before).toBe(1);
    expect(step.envWrites['AWS_ACCESS_KEY_ID']).toMatch(/^ASIA/);
  });
});
