/**
 * `require-approval` through the built dist/: the deployment review of the job's environment is
 * read from the GitHub API emulator with the job's token; without an allowed approval the step
 * is refused and AWS is never asked. With one, the summary and the ledger say who approved.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
  - name: production
    when:
      repository: acme/site
      environment: production
    require-approval:
      reviewers: [alice]
    allow:
      provider: aws
      role: ${ROLE}
      max-duration: 15m
      delivery: run
`;

let world: AwsWorld;
let runId: string;
beforeAll(async () => {
  world = await startAwsWorld();
  world.github.commit('acme/site', { '.github/jit-policy.yml': POLICY });
  runId = world.oidc.claims().run_id;
});
afterAll(async () => {
  await world?.close();
});
beforeEach(() => {
  world.oidc.resetClaims();
  world.oidc.setClaims({ environment: 'production' });
});

const errorsOf = (step: { annotations: Array<{ level: string; message: string }> }) =>
  step.annotations
    .filter((a) => a.level === 'error')
    .map((a) => a.message)
    .join('\n');
const stsCalls = () => world.aws.requests.filter((r) => r.service === 'sts').length;

describe('require-approval (dist/, against the GitHub API and AWS emulators)', () => {
  it.each([
    ['no review at all', [], /no one approved the deployment to 'production'/],
    [
      'an approval by someone not allowed',
      [{ login: 'bob', state: 'approved', comment: 'lgtm', environments: ['production'] }],
      /approved by bob, none of them an allowed reviewer \(alice\)/,
    ],
  ])('refuses with %s, before any request to AWS', async (_what, reviews, reason) => {
    world.github.approvals('acme/site', runId, reviews);
    const job = await awsJob(world);
    const before = stsCalls();
    const step = await job.runStep({
      action: 'action.yml',
      id: 'deploy',
      inputs: awsInputs({ run: 'true' }),
    });
    expect(step.exitCode).toBe(1);
    expect(stsCalls()).toBe(before);
    expect(errorsOf(step)).toMatch(/allows no grant for this request/);
    expect(errorsOf(step)).toMatch(reason);
    expect(ledgerEvents(step).map((e) => e['phase'])).toEqual(['requested', 'approved', 'denied']);
    expect(step.summary).toContain('**Policy: denied**');
    expect(step.envWrites).toEqual({});
    await job.cleanup();
  });

  it("allows alice's approval, and the summary and ledger say who approved, with what comment", async () => {
    world.github.approvals('acme/site', runId, [
      { login: 'alice', state: 'approved', comment: 'Ship *it*', environments: ['production'] },
    ]);
    const job = await awsJob(world);
    const before = stsCalls();
    const step = await job.runStep({
      action: 'action.yml',
      id: 'deploy',
      inputs: awsInputs({ run: USE_AWS }),
    });
    expect(step.exitCode, errorsOf(step)).toBe(0);
    // The same count that stays put on a refusal moves here: it measures real requests.
    expect(stsCalls()).toBeGreaterThan(before);
    const events = ledgerEvents(step);
    expect(events.map((e) => e['phase'])).toEqual([
      'requested',
      'approved',
      'allowed',
      'issued',
      'delivered',
      'used',
      'closed',
    ]);
    expect(events[1]!['approval']).toMatchObject({
      status: 'approved',
      environment: 'production',
      reviews: [{ login: 'alice', state: 'approved', comment: 'Ship *it*' }],
    });
    expect(step.summary).toContain(
      'Approval of <code>production</code>: <code>alice</code> approved (“Ship \\*it\\*”)',
    );
    expect(step.summary).toContain("deployment to 'production' approved by alice");
    const approvalsRead = world.github.requests.filter((r) =>
      r.path.endsWith(`/actions/runs/${runId}/approvals`),
    );
    expect(approvalsRead.at(-1)?.headers['authorization']).toBe(`Bearer ${world.github.token}`);
    await job.cleanup();
  });
});
