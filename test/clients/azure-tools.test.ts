/**
 * What a new user runs after the grant's az login, with the real clients against the Entra
 * emulator: az with every Resource Manager resource form (`--scope` and `--resource`, with and
 * without a trailing slash), the exact call Terraform's azurerm makes with ARM_USE_CLI, and
 * @azure/identity's DefaultAzureCredential and AzureCliCredential from Node inside the command.
 * Each token is shown to the Resource Manager stand-in, which accepts only tokens the emulator
 * issued for Resource Manager and not yet expired. Skipped, with the reason, without az.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { findLeaks, jobChannels, leaksOutside } from '../harness/canary.ts';
import type { StepResult } from '../harness/job.ts';
import {
  azureInputs,
  azureJob,
  CLIENT,
  issuedSecrets,
  registerCloud,
  sdkResults,
  startAzureWorld,
  useAzureSdk,
  type AzureWorld,
  type SdkCredential,
} from '../e2e/azure-setup.ts';
import { findOnPath } from '../../src/providers/azure/settings.ts';

const AZ = findOnPath('az', process.env);
if (!AZ)
  console.warn(
    'SKIPPED test/clients/azure-tools.test.ts: the Azure CLI (az) is not on PATH. Install it with `apt-get install -y azure-cli`.',
  );

/** Every way a tool names Resource Manager to az; the first is Terraform azurerm's (ARM_USE_CLI). */
const AZ_FORMS: Array<[label: string, args: string]> = [
  ['azurerm', '--scope https://management.azure.com/.default --tenant $ARM_TENANT_ID'],
  ['scope azure.com', '--scope https://management.azure.com/.default'],
  ['scope azure.com/', '--scope https://management.azure.com//.default'],
  ['scope core', '--scope https://management.core.windows.net//.default'],
  ['resource azure.com', '--resource https://management.azure.com'],
  ['resource azure.com/', '--resource https://management.azure.com/'],
  ['resource core/', '--resource https://management.core.windows.net/'],
  ['resource core', '--resource https://management.core.windows.net'],
  [
    'resource azure.com tenant',
    '--resource https://management.azure.com --tenant $AZURE_TENANT_ID',
  ],
];

/** What @azure/identity is asked for: the `.default` forms a Resource Manager client library uses. */
const SDK_REQUESTS: Array<[SdkCredential, string]> = [
  ['DefaultAzureCredential', 'https://management.azure.com/.default'],
  ['DefaultAzureCredential', 'https://management.azure.com//.default'],
  ['DefaultAzureCredential', 'https://management.core.windows.net//.default'],
  ['AzureCliCredential', 'https://management.azure.com/.default'],
  ['AzureCliCredential(tenantId)', 'https://management.azure.com/.default'],
];

/** A bash script: each az form, its token shown to the ARM stand-in; prints `AZ|label|ok|status` or `AZ|label|failed|why`. */
function azScript(): string {
  return [
    'form() {',
    '  label=$1; shift',
    '  if tok=$(eval "az account get-access-token $* --query accessToken -o tsv" 2>az.err); then',
    '    code=$(curl -s -o /dev/null -w "%{http_code}" --cacert "$REQUESTS_CA_BUNDLE" -H "Authorization: Bearer $tok" "$ARM/subscriptions")',
    '    echo "AZ|$label|ok|$code"',
    '  else',
    '    echo "AZ|$label|failed|$(tail -c 400 az.err | tr "\\n" " ")"',
    '  fi',
    '}',
    ...AZ_FORMS.map(([label, args]) => `form '${label}' '${args}'`),
    // Narrowness: az holds Resource Manager only and can mint nothing else.
    "form 'storage' '--resource https://storage.azure.com/'",
    'az group list -o none && echo "AZ|group list|ok|200"',
  ].join('\n');
}

function azLines(stdout: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    const m = /^AZ\|([^|]+)\|(.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

function expectEveryFormWorks(step: StepResult): void {
  const az = azLines(step.stdout);
  const want = Object.fromEntries(AZ_FORMS.map(([label]) => [label, 'ok|200']));
  expect(
    Object.fromEntries(AZ_FORMS.map(([label]) => [label, az[label]])),
    step.stdout + step.stderr,
  ).toEqual(want);
  expect(az['group list']).toBe('ok|200');
  expect(az['storage']).toMatch(/^failed\|/);
  const sdk = sdkResults(step.stdout);
  expect(sdk.map((r) => [r.credential, r.scope])).toEqual(SDK_REQUESTS);
  for (const r of sdk) expect(r, JSON.stringify(r)).toMatchObject({ arm: 200 });
}

let world: AzureWorld;

describe.skipIf(!AZ)('Resource Manager tools through the grant’s az login', () => {
  beforeAll(async () => {
    world = await startAzureWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('run: every resource form, azurerm’s call and @azure/identity get a Resource Manager token; nothing is minted after the login', async () => {
    const job = await azureJob(world);
    await registerCloud(job, world, AZ!);
    const before = world.entra.tokens.length;
    const script = [
      `export ARM=${world.entra.armUrl}`,
      azScript(),
      useAzureSdk(job, world, SDK_REQUESTS),
      'echo "CONFIG=$AZURE_CONFIG_DIR"',
    ].join('\n');
    const main = await job.runStep({
      action: 'action.yml',
      id: 'tools',
      inputs: azureInputs(world, { run: script }),
      timeoutMs: 200_000,
    });
    expect(main.exitCode, main.stderr + main.stdout).toBe(0);
    expectEveryFormWorks(main);

    // Two tokens in all: the grant's exchange and az login's. The command minted none.
    const fresh = world.entra.tokens.slice(before);
    expect(fresh.map((t) => [t.clientId, t.cae])).toEqual([
      [CLIENT, false],
      [CLIENT, false],
    ]);
    // The recorded expiry is the latest of every token the step could use: output, ledger, summary.
    const latest = Math.max(...fresh.map((t) => t.expiresAt.getTime()));
    expect(Date.parse(main.outputs['expires-at']!)).toBe(latest);
    const recorded = readFileSync(main.outputs['ledger']!, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { phase: string; expiresAt?: string })
      .filter((e) => (e.phase === 'issued' || e.phase === 'delivered') && e.expiresAt)
      .at(-1)!.expiresAt!;
    expect(Date.parse(recorded)).toBe(latest);
    expect(main.summary).toContain(`expires ${new Date(latest).toISOString().slice(11, 19)}Z`);

    const configDir = /CONFIG=(.*)/.exec(main.stdout)![1]!;
    expect(existsSync(configDir)).toBe(false);
    expect(findLeaks(issuedSecrets(world), await jobChannels(job))).toEqual([]);
    await job.cleanup();
  }, 360_000);

  it('run: with a scope other than Resource Manager, az and AzureCliCredential serve the grant’s own token for it, and mint nothing', async () => {
    const job = await azureJob(world);
    await registerCloud(job, world, AZ!);
    const before = world.entra.tokens.length;
    const sha = "tr -d '\\n' | sha256sum | cut -c1-64";
    const script = [
      ...[
        '--resource https://storage.azure.com',
        '--resource https://storage.azure.com/',
        '--scope https://storage.azure.com/.default',
      ].map(
        (args) =>
          `echo "STORAGE|${args}|$(az account get-access-token ${args} --query accessToken -o tsv | ${sha})"`,
      ),
      'if az account get-access-token --resource https://vault.azure.net -o none 2>/dev/null; then echo VAULT=yes; else echo VAULT=refused; fi',
      'az group list -o none && echo "ARM=ok"',
      useAzureSdk(job, world, [
        ['AzureCliCredential', 'https://storage.azure.com/.default'],
        ['DefaultAzureCredential', 'https://storage.azure.com/.default'],
      ]),
    ].join('\n');
    const main = await job.runStep({
      action: 'action.yml',
      id: 'storage',
      inputs: azureInputs(world, { run: script, scope: 'https://storage.azure.com/.default' }),
      timeoutMs: 200_000,
    });
    expect(main.exitCode, main.stderr + main.stdout).toBe(0);
    const fresh = world.entra.tokens.slice(before);
    // The grant's token for Storage, then az login's for Resource Manager; nothing after.
    expect(fresh.map((t) => t.resource)).toEqual([
      'https://storage.azure.com',
      'https://management.core.windows.net/',
    ]);
    const grantSha = createHash('sha256').update(fresh[0]!.token).digest('hex');
    const served = [...main.stdout.matchAll(/^STORAGE\|[^|]+\|(.*)$/gm)].map((m) => m[1]);
    expect(served).toEqual([grantSha, grantSha, grantSha]);
    expect(main.stdout).toContain('VAULT=refused');
    expect(main.stdout).toContain('ARM=ok');
    for (const r of sdkResults(main.stdout))
      expect(r, JSON.stringify(r)).toMatchObject({
        aud: 'https://storage.azure.com',
        sha256: grantSha,
      });
    expect(findLeaks(issuedSecrets(world), await jobChannels(job))).toEqual([]);
    await job.cleanup();
  }, 360_000);

  it('export: env: a later step gets every form through the same login, until the post step deletes it', async () => {
    const job = await azureJob(world);
    await registerCloud(job, world, AZ!);
    const before = world.entra.tokens.length;
    const main = await job.runStep({
      action: 'action.yml',
      id: 'login',
      inputs: azureInputs(world, { export: 'env' }),
    });
    expect(main.exitCode, main.stderr + main.stdout).toBe(0);
    const issued = world.entra.tokens.slice(before);
    expect(issued).toHaveLength(2);
    expect(main.envWrites['AZURE_TOKEN_CREDENTIALS']).toBe('dev');

    // A later `run:` step of the workflow: the job's environment with what GITHUB_ENV now holds.
    const later = await job.runStep({
      entry: 'test/e2e/fixtures/shell-step.mjs',
      id: 'use',
      env: {
        // A secret left in the job's env: DefaultAzureCredential's full chain would try it first.
        AZURE_CLIENT_SECRET: 'left-over-client-secret',
        STEP_SCRIPT: [
          `export ARM=${world.entra.armUrl}`,
          azScript(),
          useAzureSdk(job, world, SDK_REQUESTS),
        ].join('\n'),
      },
      timeoutMs: 200_000,
    });
    expect(later.exitCode, later.stderr + later.stdout).toBe(0);
    expectEveryFormWorks(later);
    expect(world.entra.tokens.length - before).toBe(2);
    const latest = Math.max(...issued.map((t) => decodeJwt(t.token).exp! * 1000));
    expect(Date.parse(main.outputs['expires-at']!)).toBe(latest);

    const configDir = main.envWrites['AZURE_CONFIG_DIR']!;
    const post = await job.runPost(main);
    expect(post.exitCode).toBe(0);
    expect(existsSync(configDir)).toBe(false);
    expect(
      leaksOutside(findLeaks(issuedSecrets(world), await jobChannels(job)), [
        'main:login:envWrites',
      ]),
    ).toEqual([]);
    await job.cleanup();
  }, 360_000);
});
