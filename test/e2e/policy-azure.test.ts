import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { azureInputs, azureJob, CLIENT, startAzureWorld, type AzureWorld } from './azure-setup.ts';

/** Entra alone decides how long a token lives (60 to 90 minutes): the policy judges the longest. */
const policy = (maxDuration: string) => `version: 1
rules:
  - name: azure-deploy
    when:
      repository: acme/site
    allow:
      provider: azure
      client-id: ${CLIENT}
      max-duration: ${maxDuration}
`;

let world: AzureWorld;
beforeAll(async () => {
  world = await startAzureWorld();
});
afterAll(async () => {
  await world?.close();
});

async function stepWith(maxDuration: string) {
  const job = await azureJob(world);
  mkdirSync(path.join(job.workspace, '.github'));
  writeFileSync(path.join(job.workspace, '.github/jit-policy.yml'), policy(maxDuration));
  const before = world.entra.requests.length;
  const step = await job.runStep({
    action: 'action.yml',
    id: 'azure',
    inputs: azureInputs(world, {
      run: 'true',
      'az-login': 'false',
      'oidc-issuer': world.oidc.issuer,
      'policy-source': 'workspace',
    }),
  });
  const entraCalls = world.entra.requests.length - before;
  await job.cleanup();
  return { step, entraCalls };
}

describe('policy max-duration against what Entra may issue', () => {
  it('refuses an Azure grant under max-duration 1h, since Entra may issue 90 minutes, with 0 Entra calls', async () => {
    const { step, entraCalls } = await stepWith('1h');
    expect(step.exitCode).not.toBe(0);
    const errors = step.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    expect(errors.join('\n')).toMatch(/5400 s \(1h30m\) is above max-duration 3600 s/);
    expect(errors.join('\n')).toMatch(/max-duration/);
    expect(entraCalls).toBe(0);
  });

  it('allows it under max-duration 90m', async () => {
    const { step, entraCalls } = await stepWith('90m');
    expect(step.exitCode, step.stderr).toBe(0);
    expect(entraCalls).toBeGreaterThan(0);
  });
});
