/**
 * revoke-role through the built bundles as a busy organisation runs it: eight matrix legs
 * closing at once against one role, two jobs giving the same custom session name, and a role
 * whose 10,240 characters of inline policies are full. Each session is asked with its own
 * keys, through the real SDK, whether AWS still accepts it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job, StepResult } from '../harness/job.ts';
import type { PolicyDocument } from '../emulators/aws/index.ts';
import {
  awsInputs,
  awsJob,
  ledgerEvents,
  REVOKER_ROLE,
  ROLE,
  s3GetWith,
  startAwsWorld,
  type AwsWorld,
} from './aws-setup.ts';

const LIMIT = 10_240;
/** Held IAM answers wait for the slowest of eight processes on a busy machine: no 1 s timeouts here. */
const PATIENT = { JIT_CREDENTIALS_HTTP_TIMEOUT_MS: '60000' };

let world: AwsWorld;
beforeAll(async () => {
  world = await startAwsWorld();
});
afterAll(async () => {
  await world?.close();
});

function closingEvent(step: StepResult): Record<string, unknown> | undefined {
  return ledgerEvents(step).findLast(
    (e) => e['phase'] === 'closed' || e['phase'] === 'close-failed',
  );
}

/** Index in world.aws.issued of the deploy session a main step was issued. */
function sessionOf(main: StepResult): number {
  const issued = ledgerEvents(main).find((e) => e['phase'] === 'issued')!;
  const id = (issued['facts'] as Record<string, string>)['assumedRoleId'];
  const index = world.aws.issued.findIndex((c) => c.assumedRoleId === id);
  expect(index, `no session ${id}`).toBeGreaterThanOrEqual(0);
  return index;
}

/** Every aws:userid any inline policy of the role denies, whatever the policy is called. */
function deniedUserIds(): string[] {
  return world.aws.listRolePolicies(ROLE).flatMap((name) => {
    const doc = JSON.parse(world.aws.getRolePolicy(ROLE, name)!) as PolicyDocument;
    return [doc.Statement]
      .flat()
      .map((s) => s.Condition?.['StringEquals']?.['aws:userid'])
      .filter((id): id is string => typeof id === 'string');
  });
}

const refusedByDeny = /^AccessDenied: .*explicit deny in an identity-based policy$/;
const accepted = /^(allowed|NoSuchKey)/;

async function exportWithRevoker(
  job: Job,
  extra: Record<string, string> = {},
): Promise<StepResult> {
  const main = await job.runStep({
    action: 'action.yml',
    id: 'creds',
    inputs: awsInputs({ export: 'env', 'revoke-role': REVOKER_ROLE, ...extra }),
  });
  expect(main.exitCode, main.stderr + main.stdout).toBe(0);
  return main;
}

function revokeStep(job: Job, main: StepResult): Promise<StepResult> {
  return job.runStep({
    action: 'actions/revoke/action.yml',
    id: 'revoke',
    inputs: { 'grant-id': main.outputs['grant-id']! },
    env: PATIENT,
  });
}

describe('AWS revoke-role under concurrency (dist/)', () => {
  it('eight jobs close at once against one role: all eight denies stay, all eight sessions are refused, each ledger says verified', async () => {
    const jobs = await Promise.all(Array.from({ length: 8 }, () => awsJob(world)));
    // Matrix legs: the same run, job and step id; only the grant differs.
    const mains = await Promise.all(jobs.map((job) => exportWithRevoker(job)));
    const sessions = mains.map(sessionOf);
    for (const index of sessions) expect(await s3GetWith(world, index)).toMatch(accepted);

    // Every job's first IAM read waits until all eight have read, every write until all eight
    // have written: exactly the interleaving that loses entries in a shared document.
    const reads = world.aws.holdIam('GetRolePolicy', 8);
    const writes = world.aws.holdIam('PutRolePolicy', 8);
    const revokes = await Promise.all(jobs.map((job, i) => revokeStep(job, mains[i]!)));
    await Promise.all([reads.released, writes.released]);

    for (const [i, revoke] of revokes.entries()) {
      expect(revoke.exitCode, revoke.stderr + revoke.stdout).toBe(0);
      expect(closingEvent(mains[i]!)).toMatchObject({
        phase: 'closed',
        method: 'revoked',
        verified: true,
      });
      expect(revoke.summary).toMatch(/1 grant: 1 revoked and verified/);
    }
    const ids = sessions.map((index) => world.aws.issued[index]!.assumedRoleId);
    expect(new Set(ids).size).toBe(8);
    expect(deniedUserIds()).toEqual(expect.arrayContaining(ids));
    for (const index of sessions) expect(await s3GetWith(world, index)).toMatch(refusedByDeny);
    await Promise.all(jobs.map((job) => job.cleanup()));
  }, 180_000);

  it('two jobs giving the same custom session-name: revoking one leaves the other working', async () => {
    const [one, two] = await Promise.all([awsJob(world), awsJob(world)]);
    const a = await exportWithRevoker(one!, { 'session-name': 'release' });
    const b = await exportWithRevoker(two!, { 'session-name': 'release' });
    const revoke = await revokeStep(one!, a);
    expect(revoke.exitCode, revoke.stderr).toBe(0);
    expect(closingEvent(a)).toMatchObject({ method: 'revoked', verified: true });
    expect(await s3GetWith(world, sessionOf(a))).toMatch(refusedByDeny);
    expect(await s3GetWith(world, sessionOf(b))).toMatch(accepted);
    // Both start with the name given, and end in their own grant's id.
    expect(a.outputs['principal']).toMatch(/assumed-role\/deploy\/release\.[0-9a-f]{10}$/);
    expect(b.outputs['principal']).toMatch(/assumed-role\/deploy\/release\.[0-9a-f]{10}$/);
    expect(a.outputs['principal']).not.toBe(b.outputs['principal']);
    await Promise.all([one!.cleanup(), two!.cleanup()]);
  }, 120_000);
});

describe("AWS revoke-role when the role's inline policies are full (dist/)", () => {
  // Needs the engine to treat RevocationError as a failed close: the step fails and the record
  // says "not revoked" with the session's expiry (the provider side is what this branch built).
  it('the close fails loudly: non-zero exit, "not revoked", the usage and what to delete; the session still works', async () => {
    const admin = (n: number): PolicyDocument => ({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Deny', Action: 's3:DeleteBucket', Resource: `arn:aws:s3:::${'b'.repeat(n)}` },
      ],
    });
    const job = await awsJob(world);
    const main = await exportWithRevoker(job);
    const index = sessionOf(main);
    // Whatever else is on the role now, leave 100 characters.
    const used = world.aws
      .listRolePolicies(ROLE)
      .reduce(
        (sum, name) => sum + world.aws.getRolePolicy(ROLE, name)!.replace(/\s/g, '').length,
        0,
      );
    world.aws.putRolePolicy(
      ROLE,
      'admin-bulk',
      admin(LIMIT - 100 - used - JSON.stringify(admin(0)).length),
    );
    try {
      const revoke = await revokeStep(job, main);
      const closing = JSON.stringify(closingEvent(main));
      // The provider's part: IAM's refusal, how the budget is used, what to do, when it expires anyway.
      expect(closing).toMatch(/use 10,140 of 10,240 characters, and this deny needs \d+ more/);
      expect(closing).toMatch(
        /Delete stale inline policies from arn:aws:iam::123456789012:role\/deploy/,
      );
      expect(closing).toMatch(/The session stays valid until \d{4}-\d\d-\d\dT/);
      expect(closingEvent(main)).toMatchObject({ verified: false });
      expect(closingEvent(main)?.['method']).not.toBe('revoked');
      expect(await s3GetWith(world, index)).toMatch(accepted);
      // The engine's part.
      expect(revoke.summary).toMatch(/not revoked/);
      expect(revoke.exitCode).not.toBe(0);
    } finally {
      world.aws.deleteRolePolicy(ROLE, 'admin-bulk');
      await job.cleanup();
    }
  }, 120_000);
});
