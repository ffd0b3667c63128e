/**
 * The Azure CLI the action runs for `az-login`, played by a fake `az` on PATH that records the
 * environment it was started with and does what az does on the way to a failure:
 * FAKE_AZ_MODE=fail saves its service-principal entry (whose client_assertion is the GitHub OIDC
 * token) and exits 1, as when listing subscriptions fails after the token request succeeded;
 * FAKE_AZ_MODE=other-subscription signs in (az's own Resource Manager token in its cache) but
 * shows another subscription than the one asked for. The real az is in test/clients.
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLeaks, jobChannels } from '../harness/canary.ts';
import { azureInputs, azureJob, startAzureWorld, type AzureWorld } from './azure-setup.ts';

const FAKE_AZ = `#!/bin/sh
assertion=$(cat)
# The environment az was started with, as exec gave it (sh itself drops names such as INPUT_GITHUB-TOKEN).
tr '\\0' '\\n' < /proc/$$/environ > "$FAKE_AZ_DUMP"
if [ "$FAKE_AZ_MODE" = other-subscription ]; then
  # Signed in (az's own Resource Manager token in its cache), but the app sees another subscription.
  printf '{"AccessToken": {"k": {"credential_type": "AccessToken", "secret": "%s", "target": "https://management.core.windows.net//.default"}}}' "$FAKE_AZ_TOKEN" > "$AZURE_CONFIG_DIR/msal_token_cache.json"
  printf '{"subscriptions": [{"id": "99999999-9999-9999-9999-999999999999", "isDefault": true}]}' > "$AZURE_CONFIG_DIR/azureProfile.json"
  exit 0
fi
if [ "$FAKE_AZ_MODE" = fail ]; then
  printf '[{"client_id": "x", "tenant": "t", "client_assertion": "%s"}]' "$assertion" > "$AZURE_CONFIG_DIR/service_principal_entries.json"
  echo "ERROR: could not list subscriptions" >&2
  exit 1
fi
exit 0
`;

let world: AzureWorld;
let bin: string;
beforeAll(async () => {
  world = await startAzureWorld();
  bin = mkdtempSync(path.join(tmpdir(), 'fake-az-'));
  writeFileSync(path.join(bin, 'az'), FAKE_AZ);
  chmodSync(path.join(bin, 'az'), 0o755);
});
afterAll(async () => {
  await world?.close();
});

function jobFor(extra: Record<string, string> = {}) {
  return azureJob(world, {
    env: {
      PATH: `${bin}:${process.env['PATH']}`,
      // On the runner, a JavaScript action gets the job's access token twice: as
      // ACTIONS_RUNTIME_TOKEN and as ACTIONS_ID_TOKEN_REQUEST_TOKEN (the same value).
      ACTIONS_RUNTIME_TOKEN: world.oidc.requestToken,
      ACTIONS_RUNTIME_URL: 'https://pipelines.example/abc/',
      FAKE_AZ_DUMP: path.join(bin, `env-${Math.random().toString(36).slice(2)}`),
      ...extra,
    },
  });
}

describe('run: when az login fails before the command starts, the grant is closed in the step', () => {
  it('leaves no file holding the GitHub OIDC token once the main step has ended', async () => {
    const job = await jobFor({ FAKE_AZ_MODE: 'fail' });
    const main = await job.runStep({
      action: 'action.yml',
      id: 'deploy',
      inputs: azureInputs(world, { run: 'az account show', 'az-login': 'true' }),
    });
    expect(main.exitCode).not.toBe(0);
    expect(main.stdout).toMatch(/az login for app .* failed/);
    // What a later step (if: always(), continue-on-error) can read before the post step runs.
    const files = Object.fromEntries(
      Object.entries(await jobChannels(job)).filter(([k]) => k.startsWith('file:')),
    );
    const leaks = findLeaks(world.oidc.issued, files);
    expect(leaks.map((l) => l.channel)).toEqual([]);
    await job.cleanup();
  });

  it("leaves no copy of az's own token once the main step has ended (subscription-id not visible to the app)", async () => {
    const azToken = 'eyJ0eXAiOiJKV1QifQ.az-own-arm-token-' + Math.random().toString(36).slice(2);
    const job = await jobFor({ FAKE_AZ_MODE: 'other-subscription', FAKE_AZ_TOKEN: azToken });
    const main = await job.runStep({
      action: 'action.yml',
      id: 'deploy',
      inputs: azureInputs(world, { run: 'az account show', 'az-login': 'true' }),
    });
    expect(main.exitCode).not.toBe(0);
    expect(main.stdout).toMatch(/is not visible to app/);
    const files = Object.fromEntries(
      Object.entries(await jobChannels(job)).filter(([k]) => k.startsWith('file:')),
    );
    expect(findLeaks([azToken], files).map((l) => l.channel)).toEqual([]);
    await job.cleanup();
  });

  it('control: the same failure with export: env closes the grant and leaves nothing', async () => {
    const job = await jobFor({ FAKE_AZ_MODE: 'fail' });
    const main = await job.runStep({
      action: 'action.yml',
      id: 'deploy',
      inputs: azureInputs(world, { export: 'env', 'az-login': 'true' }),
    });
    expect(main.exitCode).not.toBe(0);
    const files = Object.fromEntries(
      Object.entries(await jobChannels(job)).filter(([k]) => k.startsWith('file:')),
    );
    expect(findLeaks(world.oidc.issued, files)).toEqual([]);
    await job.cleanup();
  });
});

describe('the az login the action runs', () => {
  it('is not handed the runtime token, the inputs or the state file, as the run: command is not', async () => {
    const dump = path.join(bin, 'env-login');
    const job = await jobFor({ FAKE_AZ_DUMP: dump });
    const main = await job.runStep({
      action: 'action.yml',
      id: 'login',
      inputs: azureInputs(world, {
        export: 'env',
        'az-login': 'true',
        'github-token': world.github.token,
      }),
    });
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);
    expect(existsSync(dump)).toBe(true);
    const environ = readFileSync(dump, 'utf8');
    // The job's access token, under whatever name.
    expect(environ.includes(world.oidc.requestToken)).toBe(false);
    const names = environ.split('\n').map((l) => l.slice(0, l.indexOf('=')));
    const handedOn = names.filter((n) =>
      /^(ACTIONS_ID_TOKEN_REQUEST_|ACTIONS_RUNTIME_|ACTIONS_CACHE_|ACTIONS_RESULTS_|INPUT_|STATE_)|^GITHUB_STATE$/.test(
        n,
      ),
    );
    expect(handedOn).toEqual([]);
    await job.cleanup();
  });
});
