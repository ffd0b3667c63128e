/**
 * Migrating from azure/login: the input sets of the peer's README, run through actions/azure
 * (dist/azure.js, as the runner runs it) against the Entra ID emulator. The emulator's authority
 * comes from the job's AZURE_AUTHORITY_HOST and `scope` names its resource (a custom authority
 * has no default one); everything else is the peer's inputs. Build first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLeaks, jobChannels, leaksOutside } from '../harness/canary.ts';
import type { Job, StepResult } from '../harness/job.ts';
import {
  azureJob,
  CLIENT,
  issuedSecrets,
  startAzureWorld,
  SUBSCRIPTION,
  TENANT,
  type AzureWorld,
} from './azure-setup.ts';

const ACTION = 'actions/azure/action.yml';
/** Beyond the peer's inputs: the emulator's resource, no az, and the emulated GitHub issuer. */
const plumbing = () => ({
  scope: 'https://management.azure.com/.default',
  'az-login': 'false',
  'oidc-issuer': world.oidc.issuer,
});
let world: AzureWorld;
const jobs: Job[] = [];

beforeAll(async () => {
  world = await startAzureWorld();
});
afterAll(async () => {
  for (const j of jobs) await j.cleanup();
  await world?.close();
});

async function job(): Promise<Job> {
  const j = await azureJob(world, { env: { AZURE_AUTHORITY_HOST: world.entra.authority } });
  jobs.push(j);
  return j;
}

const failure = (step: StepResult) => step.annotations.map((a) => a.message).join('\n');

async function login(inputs: Record<string, string>): Promise<{ j: Job; step: StepResult }> {
  const j = await job();
  const step = await j.runStep({
    action: ACTION,
    id: 'login',
    inputs: { ...plumbing(), ...inputs },
  });
  return { j, step };
}

async function refusedBeforeAnyRequest(inputs: Record<string, string>): Promise<StepResult> {
  const tokens = world.oidc.issued.length;
  const requests = world.entra.requests.length;
  const { step } = await login(inputs);
  expect(step.exitCode).toBe(1);
  expect(world.oidc.issued.length).toBe(tokens);
  expect(world.entra.requests.length).toBe(requests);
  expect(step.envWrites).toEqual({});
  return step;
}

describe('README examples of azure/login through actions/azure', () => {
  it('login with OpenID Connect: a token for later steps, with the subscription; post empties it', async () => {
    const { j, step } = await login({
      'client-id': CLIENT,
      'tenant-id': TENANT,
      'subscription-id': SUBSCRIPTION,
    });
    expect(step.exitCode, failure(step)).toBe(0);
    const token = step.envWrites['AZURE_ACCESS_TOKEN']!;
    expect(world.entra.check(token).ok).toBe(true);
    expect(step.envWrites).toMatchObject({
      AZURE_CLIENT_ID: CLIENT,
      AZURE_TENANT_ID: TENANT,
      AZURE_SUBSCRIPTION_ID: SUBSCRIPTION,
    });
    const later = await j.runStep({
      entry: 'test/fronts/fixtures/bearer-get.mjs',
      env: { URL: `${world.entra.authority}/protected`, TOKEN: token },
    });
    expect(later.stdout).toContain('RESULT {"status":200');
    const post = await j.runPost(step);
    expect(post.envWrites['AZURE_ACCESS_TOKEN']).toBe('');
    const leaks = findLeaks(issuedSecrets(world), await jobChannels(j));
    expect(leaksOutside(leaks, [/^main:login:envWrites$/, /^main:step\d+:/])).toEqual([]);
  });

  it('creds without a secret is taken as client-id, tenant-id and subscription-id', async () => {
    const { step } = await login({
      creds: JSON.stringify({ clientId: CLIENT, tenantId: TENANT, subscriptionId: SUBSCRIPTION }),
      'enable-AzPSSession': 'false',
      'auth-type': 'service_principal',
    });
    expect(step.exitCode, failure(step)).toBe(0);
    expect(world.entra.check(step.envWrites['AZURE_ACCESS_TOKEN']!).ok).toBe(true);
    expect(step.envWrites['AZURE_SUBSCRIPTION_ID']).toBe(SUBSCRIPTION);
  });

  it('login with a service principal secret (creds) is refused, the secret masked, pointing at jit-credentials fix', async () => {
    const secret = 'Q~8example.client-secret.value';
    const step = await refusedBeforeAnyRequest({
      creds: JSON.stringify({
        clientSecret: secret,
        subscriptionId: SUBSCRIPTION,
        tenantId: TENANT,
        clientId: CLIENT,
      }),
    });
    expect(failure(step)).toMatch(/refuses 'creds'.*clientSecret.*jit-credentials fix/s);
    expect(step.masks).toContain(secret);
    expect(step.stdoutWithoutMaskCommands).not.toContain(secret);
  });

  it('login without a subscription needs allow-no-subscriptions, as azure/login does', async () => {
    const refused = await refusedBeforeAnyRequest({ 'client-id': CLIENT, 'tenant-id': TENANT });
    expect(failure(refused)).toContain("Ensure 'subscription-id' is supplied");
    const { step } = await login({
      'client-id': CLIENT,
      'tenant-id': TENANT,
      'allow-no-subscriptions': 'true',
    });
    expect(step.exitCode, failure(step)).toBe(0);
    expect(step.envWrites).not.toHaveProperty('AZURE_SUBSCRIPTION_ID');
  });

  it.each([
    [{ 'enable-AzPSSession': 'true' }, /refuses 'enable-AzPSSession'.*Connect-AzAccount/s],
    [{ 'auth-type': 'IDENTITY' }, /managed identity of the runner's VM/],
    [{ environment: 'AzureStack' }, /no fixed authority/],
    [{ client_id: CLIENT }, /'client_id': did you mean 'client-id'\?/],
  ])('%o is refused before any request, with the reason', async (extra, reason) => {
    const step = await refusedBeforeAnyRequest({
      'client-id': CLIENT,
      'tenant-id': TENANT,
      'subscription-id': SUBSCRIPTION,
      ...extra,
    });
    expect(failure(step)).toMatch(reason);
  });
});
