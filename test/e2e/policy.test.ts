import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOidcIssuer, type OidcIssuer } from '../emulators/oidc.ts';
import {
  awsInputs,
  awsJob,
  ledgerEvents,
  ROLE,
  startAwsWorld,
  USE_AWS,
  type AwsWorld,
} from './aws-setup.ts';

const POLICY = `version: 1
rules:
  - name: deploy-main
    when:
      repository: acme/site
      ref: refs/heads/main
      event_name: [push, workflow_dispatch]
    allow:
      provider: aws
      role: ${ROLE}
      max-duration: 15m
      delivery: run
`;

let world: AwsWorld;
let workspace: string;
let other: OidcIssuer;
let commit: string;
beforeAll(async () => {
  world = await startAwsWorld();
  other = await startOidcIssuer({ clock: world.clock });
  commit = world.github.commit('acme/site', { '.github/jit-policy.yml': POLICY });
  // The checkout holds the same file: no warning about a difference.
  workspace = mkdtempSync(path.join(tmpdir(), 'policy-ws-'));
  mkdirSync(path.join(workspace, '.github'));
  writeFileSync(path.join(workspace, '.github/jit-policy.yml'), POLICY);
});
afterAll(async () => {
  await other?.close();
  await world?.close();
});
beforeEach(() => world.oidc.resetClaims());

const errorsOf = (step: { annotations: Array<{ level: string; message: string }> }) =>
  step.annotations
    .filter((a) => a.level === 'error')
    .map((a) => a.message)
    .join('\n');
const stsCalls = () =>
  world.aws.requests.filter((r) => r.action === 'AssumeRoleWithWebIdentity').length;

describe("policy before issuance (the default branch's .github/jit-policy.yml)", () => {
  it('allows what a rule allows, and records the rule, where the policy came from and its digest', async () => {
    const job = await awsJob(world, { workspace });
    const step = await job.runStep({
      action: 'action.yml',
      id: 'deploy',
      inputs: awsInputs({ run: USE_AWS, duration: '10m', 'oidc-issuer': world.oidc.issuer }),
    });
    expect(step.exitCode, errorsOf(step)).toBe(0);
    expect(step.summary).toContain('**Policy: allowed** by rule <code>deploy-main</code>');
    expect(step.summary).toContain(`acme/site@${commit}:.github/jit-policy.yml (default-branch)`);
    const allowed = ledgerEvents(step).find((e) => e['phase'] === 'allowed')!;
    expect(allowed['policy']).toMatchObject({
      rule: 'deploy-main',
      policyDigest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      policySource: 'default-branch',
      policyRepository: 'acme/site',
      policyRef: 'refs/heads/main',
      policyCommit: commit,
      policyPath: `acme/site@${commit}:.github/jit-policy.yml`,
    });
    expect(step.summary).toContain(
      String((allowed['policy'] as Record<string, unknown>)['policyDigest']),
    );
    expect(step.annotations.filter((a) => a.level === 'warning')).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^AWS_ENDPOINT_URL_STS=http:\/\/127/),
      }),
    ]);
    await job.cleanup();
  });

  it.each([
    [
      'a longer duration than the rule allows',
      { duration: '30m', run: 'true' },
      {},
      /max-duration|15m/,
    ],
    ['a delivery the rule does not allow', { export: 'env', run: '' }, {}, /delivery/],
    ['another event', { run: 'true' }, { event_name: 'pull_request' }, /event_name/],
  ])(
    'refuses %s before any request to AWS, claim by claim',
    async (_what, extra, claims, reason) => {
      world.oidc.setClaims(claims);
      const job = await awsJob(world, { workspace });
      const before = stsCalls();
      const step = await job.runStep({
        action: 'action.yml',
        id: 'refused',
        inputs: { ...awsInputs({ 'oidc-issuer': world.oidc.issuer }), ...extra },
      });
      expect(step.exitCode).toBe(1);
      expect(errorsOf(step)).toMatch(
        /The policy acme\/site@[0-9a-f]{40}:.github\/jit-policy.yml \(default-branch, sha256:[0-9a-f]{64}\) allows no grant for this request/,
      );
      expect(errorsOf(step)).toMatch(reason);
      expect(stsCalls()).toBe(before);
      expect(step.summary).toContain('**Policy: denied**');
      expect(ledgerEvents(step).map((e) => e['phase'])).toEqual(['requested', 'denied']);
      expect(step.envWrites).toEqual({});
      await job.cleanup();
    },
  );

  it('refuses a token that does not verify against the configured issuer', async () => {
    const job = await awsJob(world, { workspace });
    const before = stsCalls();
    const step = await job.runStep({
      action: 'action.yml',
      id: 'wrong-issuer',
      inputs: awsInputs({ run: 'true', 'oidc-issuer': other.issuer }),
    });
    expect(step.exitCode).toBe(1);
    expect(errorsOf(step)).toMatch(/issuer|iss/i);
    expect(stsCalls()).toBe(before);
    await job.cleanup();
  });

  it('an explicit policy path that does not exist on the default branch refuses before any request to AWS', async () => {
    const job = await awsJob(world, { workspace });
    const before = stsCalls();
    const step = await job.runStep({
      action: 'action.yml',
      id: 'missing',
      inputs: awsInputs({ run: 'true', policy: 'nope.yml' }),
    });
    expect(step.exitCode).toBe(1);
    expect(errorsOf(step)).toMatch(
      /No policy file at acme\/site@[0-9a-f]{40}:nope.yml, and the 'policy' input names it: nothing was asked of the cloud/,
    );
    expect(stsCalls()).toBe(before);
    await job.cleanup();
  });

  it('a plain-http issuer off loopback is refused', async () => {
    const job = await awsJob(world, { workspace });
    const step = await job.runStep({
      action: 'action.yml',
      id: 'http',
      inputs: awsInputs({ run: 'true', 'oidc-issuer': 'http://issuer.example.com' }),
    });
    expect(step.exitCode).toBe(1);
    expect(errorsOf(step)).toMatch(/oidc-issuer/);
    await job.cleanup();
  });
});
