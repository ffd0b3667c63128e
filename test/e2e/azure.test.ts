import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLeaks, jobChannels, leaksOutside } from '../harness/canary.ts';
import type { StepResult } from '../harness/job.ts';
import {
  azureInputs,
  azureJob,
  CLIENT,
  issuedSecrets,
  startAzureWorld,
  SUBSCRIPTION,
  TENANT,
  toolResult,
  useAzure,
  type AzureWorld,
} from './azure-setup.ts';

let world: AzureWorld;
beforeAll(async () => {
  world = await startAzureWorld();
});
afterAll(async () => {
  await world?.close();
});

function ledger(step: StepResult): Array<Record<string, unknown>> {
  const file = step.outputs['ledger'];
  if (!file || !existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('Azure, run: delivery', () => {
  it('gets a normal token, hands the command a token and an empty az dir of its own, and closes in the same step', async () => {
    const job = await azureJob(world);
    const before = world.entra.tokens.length;
    const main = await job.runStep({
      action: 'action.yml',
      id: 'deploy',
      inputs: azureInputs(world, { run: useAzure(job, world) }),
    });
    expect(main.exitCode, main.stderr + main.stdout).toBe(0);
    const tool = toolResult(main);
    expect(tool).toMatchObject({ status: 200, appid: CLIENT, error: null });
    const env = tool['env'] as Record<string, string | null>;
    expect(env).toMatchObject({
      AZURE_IDENTITY_DISABLE_CP1: '1',
      AZURE_TENANT_ID: TENANT,
      AZURE_CLIENT_ID: CLIENT,
      AZURE_SUBSCRIPTION_ID: SUBSCRIPTION,
      AZURE_AUTHORITY_HOST: world.entra.authority,
      // Terraform is pointed at az only when az is signed in; the command cannot mint OIDC tokens.
      ARM_USE_CLI: null,
      AZURE_TOKEN_CREDENTIALS: null,
      ACTIONS_ID_TOKEN_REQUEST_URL: null,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: null,
    });
    expect(env['AZURE_CONFIG_DIR']).toMatch(/jit-credentials\/azure-[0-9a-f]{10}\/az$/);
    expect(tool['configDirEntries']).toEqual([]);
    expect(existsSync(env['AZURE_CONFIG_DIR']!)).toBe(false);

    // One exchange, one normal (non-CAE) token.
    expect(world.entra.tokens.length - before).toBe(1);
    const issued = world.entra.tokens.at(-1)!;
    expect(issued.cae).toBe(false);

    const events = ledger(main);
    expect(events.map((e) => e['phase'])).toEqual([
      'requested',
      'allowed',
      'issued',
      'delivered',
      'used',
      'closed',
    ]);
    expect(events.at(-1)).toMatchObject({ method: 'expires', verified: false });
    expect(String(events.at(-1)!['note'])).toContain('Entra ID access tokens cannot be revoked');
    expect(main.outputs['expires-at']).toBe(issued.expiresAt.toISOString());
    expect(main.outputs['principal']).toBe(CLIENT);
    expect(main.summary).toContain('cannot be revoked');
    expect(main.envWrites).toEqual({});

    // Not revocable: Entra's token still works after closing, and not after its recorded expiry.
    expect(world.entra.check(issued.token).ok).toBe(true);
    const post = await job.runPost(main);
    expect(post.exitCode).toBe(0);

    expect(findLeaks(issuedSecrets(world), await jobChannels(job))).toEqual([]);
    await job.cleanup();
  });

  it('passes the exit code through and still closes', async () => {
    const job = await azureJob(world);
    const main = await job.runStep({
      action: 'action.yml',
      id: 'fails',
      inputs: azureInputs(world, { run: 'exit 3' }),
    });
    expect(main.exitCode).toBe(3);
    expect(ledger(main).at(-1)).toMatchObject({ phase: 'closed' });
    await job.cleanup();
  });
});

describe('Azure, export delivery', () => {
  it('export: outputs gives a masked token output only, closed by the post step', async () => {
    const job = await azureJob(world);
    const main = await job.runStep({
      action: 'action.yml',
      id: 'token',
      inputs: azureInputs(world, { export: 'outputs' }),
    });
    expect(main.exitCode, main.stderr + main.stdout).toBe(0);
    const token = main.outputs['azure-access-token']!;
    expect(world.entra.check(token, 'https://management.azure.com').ok).toBe(true);
    expect(main.masks).toContain(token);
    expect(main.envWrites).toEqual({});
    const post = await job.runPost(main);
    expect(post.exitCode).toBe(0);
    expect(post.summary).toContain('cannot be revoked');
    expect(ledger(main).at(-1)).toMatchObject({ phase: 'closed', method: 'expires' });
    const leaks = leaksOutside(findLeaks(issuedSecrets(world), await jobChannels(job)), [
      'main:token:outputs',
    ]);
    expect(leaks).toEqual([]);
    await job.cleanup();
  });

  it('export: env writes the variables for later steps, and the post step empties them', async () => {
    const job = await azureJob(world);
    const main = await job.runStep({
      action: 'action.yml',
      id: 'login',
      inputs: azureInputs(world, { export: 'env', 'az-login': 'false' }),
    });
    expect(main.exitCode, main.stderr + main.stdout).toBe(0);
    expect(Object.keys(main.envWrites).sort()).toEqual(
      [
        'AZURE_ACCESS_TOKEN',
        'AZURE_AUTHORITY_HOST',
        'AZURE_CLIENT_ID',
        'AZURE_CONFIG_DIR',
        'AZURE_IDENTITY_DISABLE_CP1',
        'AZURE_SUBSCRIPTION_ID',
        'AZURE_TENANT_ID',
      ].sort(),
    );
    expect(world.entra.check(main.envWrites['AZURE_ACCESS_TOKEN']!).ok).toBe(true);
    const later = await job.runStep({
      id: 'later',
      entry: 'dist/main.js',
      inputs: azureInputs(world, { run: useAzure(job, world) }),
    });
    expect(later.exitCode, later.stderr).toBe(0);
    const post = await job.runPost(main);
    expect(post.exitCode).toBe(0);
    for (const name of Object.keys(main.envWrites)) expect(post.envWrites[name]).toBe('');
    expect(existsSync(main.envWrites['AZURE_CONFIG_DIR']!)).toBe(false);
    const leaks = leaksOutside(findLeaks(issuedSecrets(world), await jobChannels(job)), [
      'main:login:envWrites',
    ]);
    expect(leaks).toEqual([]);
    await job.cleanup();
  });

  it('the azure/login front door takes its input names and exports to the job, as azure/login does', async () => {
    const job = await azureJob(world);
    const main = await job.runStep({
      action: 'actions/azure/action.yml',
      id: 'front',
      inputs: {
        'client-id': CLIENT,
        'tenant-id': TENANT,
        'subscription-id': SUBSCRIPTION,
        environment: world.entra.authority,
        scope: 'https://management.azure.com/.default',
        'az-login': 'false',
        'oidc-issuer': world.oidc.issuer,
      },
    });
    expect(main.exitCode, main.stderr + main.stdout).toBe(0);
    expect(world.entra.check(main.envWrites['AZURE_ACCESS_TOKEN']!).ok).toBe(true);
    const post = await job.runPost(main);
    expect(post.envWrites['AZURE_ACCESS_TOKEN']).toBe('');
    await job.cleanup();
  });
});

describe('Azure, a lost connection', () => {
  it('retries the token request after a reset, says so in the log, and issues once', async () => {
    const job = await azureJob(world);
    const before = world.entra.tokens.length;
    world.entra.faults.next('reset', 1, `/${TENANT}/oauth2/v2.0/token`);
    const main = await job.runStep({
      action: 'action.yml',
      id: 'retry',
      inputs: azureInputs(world, { export: 'outputs' }),
    });
    expect(main.exitCode, main.stderr + main.stdout).toBe(0);
    expect(world.entra.faults.pending()).toEqual([]);
    expect(world.entra.tokens.length - before).toBe(1);
    expect(main.stdout).toMatch(/Entra ID attempt 1 failed \(socket hang up\); retrying in \d+ ms/);
    await job.cleanup();
  });
});

describe('Azure, a certificate the runner does not trust', () => {
  it('fails after one attempt, says which CA to trust, and exports nothing', async () => {
    // The job without the emulator's CA, as a runner without a corporate CA installed.
    const job = await azureJob(world, { env: { NODE_EXTRA_CA_CERTS: '', REQUESTS_CA_BUNDLE: '' } });
    const before = world.entra.tokens.length;
    const main = await job.runStep({
      action: 'action.yml',
      id: 'untrusted',
      inputs: azureInputs(world, { export: 'env' }),
    });
    expect(main.exitCode).toBe(1);
    const said = main.annotations.map((a) => a.message).join('\n');
    expect(said).toMatch(/Could not reach Entra ID's token endpoint .*, 1 attempt: .*certificate/);
    expect(said).toContain('NODE_EXTRA_CA_CERTS');
    expect(main.stdout).not.toMatch(/retrying/);
    expect(world.entra.tokens.length).toBe(before);
    expect(main.envWrites).toEqual({});
    await job.cleanup();
  });
});

describe('Azure refusals', () => {
  it.each([
    [{ 'client-id': 'my-app' }, "Invalid client-id 'my-app'"],
    [
      { scope: 'https://management.azure.com' },
      "Did you mean 'https://management.azure.com/.default'?",
    ],
    [{ authority: 'http://127.0.0.1:1' }, "Invalid authority 'http://127.0.0.1:1'"],
    [{ duration: '15m' }, "Invalid duration '900s' for Azure"],
  ])('%o is refused before any request, with nothing exported', async (bad, message) => {
    const job = await azureJob(world);
    const entraBefore = world.entra.requests.length;
    const oidcBefore = world.oidc.issued.length;
    const main = await job.runStep({
      action: 'action.yml',
      id: 'bad',
      inputs: azureInputs(world, { export: 'env', ...bad }),
    });
    expect(main.exitCode).toBe(1);
    expect(main.annotations.map((a) => a.message).join('\n')).toContain(message);
    expect(world.entra.requests.length).toBe(entraBefore);
    expect(world.oidc.issued.length).toBe(oidcBefore);
    expect(main.envWrites).toEqual({});
    await job.cleanup();
  });

  it('without id-token: write, says what to add', async () => {
    const job = await azureJob(world, { idToken: false });
    const main = await job.runStep({
      action: 'action.yml',
      id: 'noperm',
      inputs: azureInputs(world, { export: 'env' }),
    });
    expect(main.exitCode).toBe(1);
    expect(main.annotations.map((a) => a.message).join('\n')).toContain('id-token: write');
    await job.cleanup();
  });

  it('a subject Entra does not trust is explained with the token’s subject, and recorded as denied', async () => {
    const job = await azureJob(world);
    world.oidc.setClaims({ environment: 'staging' });
    try {
      const main = await job.runStep({
        action: 'action.yml',
        id: 'denied',
        inputs: azureInputs(world, { export: 'env' }),
      });
      expect(main.exitCode).toBe(1);
      const text = main.annotations.map((a) => a.message).join('\n');
      expect(text).toContain('AADSTS700213');
      expect(text).toContain(':environment:staging');
      expect(text).toContain('az ad app federated-credential create');
      // A job in an environment gets its review history read first: here the run has none.
      expect(ledger(main).map((e) => e['phase'])).toEqual([
        'requested',
        'approved',
        'allowed',
        'denied',
      ]);
      expect(ledger(main)[1]!['approval']).toMatchObject({
        status: 'none',
        environment: 'staging',
      });
      expect(main.envWrites).toEqual({});
      expect(findLeaks(issuedSecrets(world), await jobChannels(job))).toEqual([]);
    } finally {
      world.oidc.setClaims({ environment: undefined });
    }
    await job.cleanup();
  });
});
