/**
 * The real Azure CLI (Debian's azure-cli 2.45) signs in with what the action delivers, against
 * the Entra emulator, and its state is gone once the grant is closed. CI installs the package;
 * elsewhere the suite is skipped with the reason.
 */
import { execFile } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLeaks, jobChannels, leaksOutside } from '../harness/canary.ts';
import type { Job } from '../harness/job.ts';
import {
  azureInputs,
  azureJob,
  CLIENT,
  issuedSecrets,
  registerCloud as registerCloudFor,
  startAzureWorld,
  SUBSCRIPTION,
  type AzureWorld,
} from '../e2e/azure-setup.ts';
import { findOnPath } from '../../src/providers/azure/settings.ts';

const run = promisify(execFile);
const AZ = findOnPath('az', process.env);
if (!AZ)
  console.warn(
    'SKIPPED test/clients/azure-cli.test.ts: the Azure CLI (az) is not on PATH. Install it with `apt-get install -y azure-cli`.',
  );

let world: AzureWorld;

const registerCloud = (job: Job) => registerCloudFor(job, world, AZ!);

const SECRET_FILES = [
  'msal_token_cache.json',
  'service_principal_entries.json',
  'msal_http_cache.bin',
];

describe.skipIf(!AZ)('Azure CLI with the delivered login', () => {
  beforeAll(async () => {
    world = await startAzureWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('run: az signs in for the grant alone, gets a normal token, keeps no GitHub token, and leaves nothing behind', async () => {
    const job = await azureJob(world);
    const shared = await registerCloud(job);
    const before = world.entra.tokens.length;
    const script = [
      'az account show --query "{id:id, user:user.type, cloud:environmentName}" -o json',
      'az group list -o json',
      'echo "CONFIG=$AZURE_CONFIG_DIR"',
      'echo "ENTRIES=$(cat "$AZURE_CONFIG_DIR/service_principal_entries.json")"',
      // Only the Resource Manager token az already holds: it cannot mint one for another resource.
      'if az account get-access-token --resource https://storage.azure.com/ -o none 2>/dev/null; then echo OTHER=yes; else echo OTHER=refused; fi',
    ].join('\n');
    const main = await job.runStep({
      action: 'action.yml',
      id: 'az',
      inputs: azureInputs(world, { run: script, authority: world.entra.authority }),
    });
    expect(main.exitCode, main.stderr + main.stdout).toBe(0);
    expect(main.stdout).toContain(`"id": "${SUBSCRIPTION}"`);
    expect(main.stdout).toContain('"user": "servicePrincipal"');
    expect(main.stdout).toContain('"cloud": "Emulated"');
    expect(main.stdout).toContain('OTHER=refused');
    const entries = /ENTRIES=(.*)/.exec(main.stdout)![1]!;
    expect(JSON.parse(entries)).toEqual([
      { tenant: azureInputs(world)['tenant-id'], client_id: CLIENT },
    ]);

    // Two exchanges (ours and az login's), both normal tokens thanks to AZURE_IDENTITY_DISABLE_CP1.
    const fresh = world.entra.tokens.slice(before);
    expect(fresh.map((t) => t.cae)).toEqual([false, false]);
    expect(fresh.every((t) => t.clientId === CLIENT)).toBe(true);

    // Closed: the grant's config dir is gone; the shared ~/.azure never held a credential.
    const configDir = /CONFIG=(.*)/.exec(main.stdout)![1]!;
    expect(configDir.startsWith(job.runnerTemp)).toBe(true);
    expect(existsSync(configDir)).toBe(false);
    expect(readdirSync(shared).filter((f) => SECRET_FILES.includes(f))).toEqual([]);
    const after = await run(AZ!, ['account', 'show'], {
      env: { ...process.env, AZURE_CONFIG_DIR: configDir },
    }).catch((e: { stderr: string }) => e);
    expect(String((after as { stderr: string }).stderr)).toMatch(/az login/);

    expect(findLeaks(issuedSecrets(world), await jobChannels(job))).toEqual([]);
    await job.cleanup();
  });

  it('az login takes the GitHub token on stdin: no az command line holds it, and the login works', async () => {
    const job = await azureJob(world);
    await registerCloud(job);
    // The real az behind a wrapper that records each command line as /proc shows it to any user.
    const bin = join(job.root, 'az-wrapper');
    mkdirSync(bin);
    const log = join(job.root, 'az-cmdlines.log');
    writeFileSync(
      join(bin, 'az'),
      `#!/bin/sh\ntr '\\0' ' ' < /proc/$$/cmdline >> "${log}"\necho >> "${log}"\nexec "${AZ!}" "$@"\n`,
    );
    chmodSync(join(bin, 'az'), 0o755);
    const before = world.oidc.issued.length;
    const main = await job.runStep({
      action: 'action.yml',
      id: 'az',
      env: { PATH: `${bin}:${process.env['PATH']}` },
      inputs: azureInputs(world, {
        run: 'az account show --query user.type -o tsv',
        authority: world.entra.authority,
        'az-login': 'true',
      }),
    });
    expect(main.exitCode, main.stderr + main.stdout).toBe(0);
    expect(main.stdout).toContain('servicePrincipal');
    const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    const login = lines.filter((l) => / login --service-principal /.test(l));
    expect(login).toHaveLength(1);
    expect(login[0]).toContain(' --federated-token @- ');
    const tokens = world.oidc.issued.slice(before);
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) for (const line of lines) expect(line).not.toContain(token);
    expect(findLeaks(issuedSecrets(world), await jobChannels(job))).toEqual([]);
    await job.cleanup();
  });

  it('export: env: later steps use az through the grant’s config dir until the post step deletes it', async () => {
    const job = await azureJob(world);
    await registerCloud(job);
    const main = await job.runStep({
      action: 'action.yml',
      id: 'login',
      inputs: azureInputs(world, { export: 'env' }),
    });
    expect(main.exitCode, main.stderr + main.stdout).toBe(0);
    const configDir = main.envWrites['AZURE_CONFIG_DIR']!;
    expect(main.envWrites['ARM_USE_CLI']).toBe('true');
    expect(main.envWrites['ARM_SUBSCRIPTION_ID']).toBe(SUBSCRIPTION);
    expect(existsSync(join(configDir, 'msal_token_cache.json'))).toBe(true);

    // A later `run:` step of the workflow: the job's environment with what GITHUB_ENV now holds.
    const later = await run(AZ!, ['group', 'list', '-o', 'json'], {
      env: {
        ...process.env,
        REQUESTS_CA_BUNDLE: world.entra.caPath,
        HOME: job.home,
        ...main.envWrites,
      },
    });
    expect(JSON.parse(later.stdout)).toEqual([]);

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
