/**
 * azure/login's own promise, kept through actions/azure: after the login step, `az` in later
 * steps works with the subscription, and the post step signs it out. The real Azure CLI (Debian's
 * azure-cli) against the Entra emulator, registered as the job's cloud; elsewhere skipped with
 * the reason.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLeaks, jobChannels, leaksOutside } from '../harness/canary.ts';
import {
  azureJob,
  CLIENT,
  issuedSecrets,
  registerCloud,
  startAzureWorld,
  SUBSCRIPTION,
  TENANT,
  type AzureWorld,
} from '../e2e/azure-setup.ts';
import { findOnPath } from '../../src/providers/azure/settings.ts';

const run = promisify(execFile);
const AZ = findOnPath('az', process.env);
if (!AZ)
  console.warn(
    'SKIPPED test/clients/fronts-azure-cli.test.ts: the Azure CLI (az) is not on PATH. Install it with `apt-get install -y azure-cli`.',
  );

let world: AzureWorld;

describe.skipIf(!AZ)('azure/login README example through actions/azure, then az', () => {
  beforeAll(async () => {
    world = await startAzureWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('client-id, tenant-id, subscription-id: a later az step uses the subscription; post signs az out', async () => {
    const job = await azureJob(world);
    await registerCloud(job, world, AZ!);
    const main = await job.runStep({
      action: 'actions/azure/action.yml',
      id: 'login',
      inputs: {
        'client-id': CLIENT,
        'tenant-id': TENANT,
        'subscription-id': SUBSCRIPTION,
        // The emulator's authority host, as a sovereign cloud's is given; its resource named.
        environment: world.entra.authority,
        scope: 'https://management.azure.com/.default',
        'oidc-issuer': world.oidc.issuer,
      },
    });
    expect(main.exitCode, main.stderr + main.stdout).toBe(0);
    const configDir = main.envWrites['AZURE_CONFIG_DIR']!;
    expect(configDir).toBeTruthy();

    // Later `run:` steps, as after azure/login: the job's environment with what GITHUB_ENV holds.
    const az = (...args: string[]) =>
      run(AZ!, args, {
        env: {
          ...process.env,
          REQUESTS_CA_BUNDLE: world.entra.caPath,
          AZURE_CORE_COLLECT_TELEMETRY: 'false',
          HOME: job.home,
          ...job.env,
        },
      });
    const account = JSON.parse((await az('account', 'show', '-o', 'json')).stdout) as {
      id: string;
      tenantId: string;
      user: { name: string; type: string };
    };
    expect(account).toMatchObject({
      id: SUBSCRIPTION,
      tenantId: TENANT,
      user: { name: CLIENT, type: 'servicePrincipal' },
    });
    expect(JSON.parse((await az('group', 'list', '-o', 'json')).stdout)).toEqual([]);

    const post = await job.runPost(main);
    expect(post.exitCode).toBe(0);
    expect(post.envWrites['AZURE_CONFIG_DIR']).toBe('');
    expect(existsSync(configDir)).toBe(false);
    expect(
      leaksOutside(findLeaks(issuedSecrets(world), await jobChannels(job)), [
        'main:login:envWrites',
      ]),
    ).toEqual([]);
    await job.cleanup();
  });
});
