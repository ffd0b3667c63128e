/**
 * revoke-role end to end, through the built bundles: the session is denied through a separate
 * revoker role, AWS is shown refusing it with an explicit deny before its expiry, and the
 * ledger and summary say "revoked and verified" only when that was seen.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDenyingTrap } from '../emulators/aws/trap.ts';
import { fakeRevocation } from '../emulators/aws/fake-revocation.ts';
import { createTestCa } from '../emulators/entra/ca.ts';
import { startProxy } from '../emulators/proxy.ts';
import { findLeaks, jobChannels, leaksOutside } from '../harness/canary.ts';
import { createJob, type StepResult } from '../harness/job.ts';
import {
  awsInputs,
  awsJob,
  issuedSecrets,
  ledgerEvents,
  REVOKER_ROLE,
  runnerClock,
  ROLE,
  s3GetWith,
  startAwsWorld,
  toolResult,
  UNTRUSTING_REVOKER_ROLE,
  USE_AWS,
  type AwsWorld,
} from './aws-setup.ts';

let world: AwsWorld;
let scratch: string;
beforeAll(async () => {
  world = await startAwsWorld();
  scratch = mkdtempSync(path.join(tmpdir(), 'jit-aws-revoke-'));
});
afterAll(async () => {
  await world?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Index in world.aws.issued of the latest session of the deploy role (the revoker's come after it). */
function lastDeploySession(): number {
  return world.aws.issued.findLastIndex((c) => c.roleArn === ROLE);
}

function closedEvent(step: StepResult): Record<string, unknown> {
  return ledgerEvents(step).findLast(
    (e) => e['phase'] === 'closed' || e['phase'] === 'close-failed',
  )!;
}

/** Shows AWS refusing the session with the revoker's deny, while STS would still accept it. */
async function expectRefusedBeforeExpiry(index: number): Promise<void> {
  const session = world.aws.issued[index]!;
  expect(world.clock.now().getTime()).toBeLessThan(session.expiration.getTime());
  expect(await s3GetWith(world, index)).toMatch(
    /^AccessDenied: .*explicit deny in an identity-based policy$/,
  );
}

/** The grant ids of the per-session revocation policies (`jit-revoke.<grant>.<end>`) on the role. */
function revokedGrants(): string[] {
  return world.aws
    .listRolePolicies(ROLE)
    .filter((n) => n.startsWith('jit-revoke.'))
    .map((n) => n.split('.')[1]!);
}

describe('AWS revoke-role', () => {
  it('run: revokes the session as soon as the command ends, and verifies AWS refuses it', async () => {
    const job = await awsJob(world);
    const main = await job.runStep({
      action: 'action.yml',
      id: 'deploy',
      inputs: awsInputs({ run: USE_AWS, 'revoke-role': REVOKER_ROLE }),
    });
    expect(main.exitCode, main.stderr + main.stdout).toBe(0);
    expect(toolResult(main)['put']).toBe('ok');
    const index = lastDeploySession();
    expect(closedEvent(main)).toMatchObject({ phase: 'closed', method: 'revoked', verified: true });
    expect(closedEvent(main)['note']).toMatch(/explicit deny/);
    expect(main.summary).toMatch(/1 grant: 1 revoked and verified/);
    expect(main.summary).toContain('the cloud refuses it (verified)');
    await expectRefusedBeforeExpiry(index);
    // The revoker was assumed with the job's token, and nothing of its keys reached the runner.
    expect(world.aws.issued.at(-1)!.roleArn).toBe(REVOKER_ROLE);
    expect(revokedGrants()).toContain(main.outputs['grant-id']);
    expect(findLeaks(issuedSecrets(world), await jobChannels(job))).toEqual([]);
    await job.cleanup();
  });

  it('export env: actions/revoke denies it mid-job; later steps are refused before the session expires', async () => {
    const job = await awsJob(world);
    const main = await job.runStep({
      action: 'action.yml',
      id: 'creds',
      inputs: awsInputs({ export: 'env', 'revoke-role': REVOKER_ROLE }),
    });
    expect(main.exitCode, main.stderr + main.stdout).toBe(0);
    const index = lastDeploySession();
    expect(await s3GetWith(world, index)).toMatch(/^(allowed|NoSuchKey)/);

    const revoke = await job.runStep({
      action: 'actions/revoke/action.yml',
      id: 'revoke',
      inputs: { 'grant-id': main.outputs['grant-id']! },
    });
    expect(revoke.exitCode, revoke.stderr + revoke.stdout).toBe(0);
    expect(revoke.outputs['closed']).toBe(main.outputs['grant-id']);
    expect(revoke.summary).toMatch(/1 grant: 1 revoked and verified/);
    expect(closedEvent(main)).toMatchObject({ phase: 'closed', method: 'revoked', verified: true });
    for (const name of Object.keys(main.envWrites)) expect(job.env[name]).toBe('');
    await expectRefusedBeforeExpiry(index);

    // Post shows its own grant whatever the ledger says (a `closed` line could be forged): the
    // deny is still in place, and revoke deleted the keys post would have probed with.
    const post = await job.runPost(main);
    expect(post.exitCode, post.summary + post.stderr).toBe(0);
    expect(post.summary).toMatch(/1 grant: 1 revoked, not verified/);
    const leaks = leaksOutside(findLeaks(issuedSecrets(world), await jobChannels(job)), [
      /^main:creds:envWrites$/,
    ]);
    expect(leaks).toEqual([]);
    await job.cleanup();
  });

  it('export outputs: the post step revokes and verifies with the keys kept in the private directory', async () => {
    const job = await awsJob(world);
    const main = await job.runStep({
      action: 'action.yml',
      id: 'creds',
      inputs: awsInputs({ export: 'outputs', 'revoke-role': REVOKER_ROLE }),
    });
    expect(main.exitCode, main.stderr).toBe(0);
    expect(main.envWrites).toEqual({});
    const dir = ledgerEvents(main).find((e) => e['phase'] === 'issued')!['dir'] as string;
    expect(existsSync(path.join(dir, 'credentials'))).toBe(true);
    const index = lastDeploySession();

    const post = await job.runPost(main);
    expect(post.exitCode).toBe(0);
    expect(post.summary).toMatch(/1 grant: 1 revoked and verified/);
    expect(closedEvent(main)).toMatchObject({ phase: 'closed', method: 'revoked', verified: true });
    expect(existsSync(dir)).toBe(false);
    await expectRefusedBeforeExpiry(index);
    const leaks = leaksOutside(findLeaks(issuedSecrets(world), await jobChannels(job)), [
      /^main:creds:outputs$/,
    ]);
    expect(leaks).toEqual([]);
    await job.cleanup();
  });

  it('a later step that points the endpoint variables at a server of its own: post closes through the endpoint the grant was issued through', async () => {
    // Only the general variable in the workflow: the services' own, set later, would come first.
    const job = await createJob({
      idToken: world.oidc.forJob,
      env: { ...world.github.env, AWS_ENDPOINT_URL: world.aws.url },
    });
    const main = await job.runStep({
      action: 'action.yml',
      id: 'creds',
      inputs: awsInputs({ export: 'env', 'revoke-role': REVOKER_ROLE }),
    });
    expect(main.exitCode, main.stderr).toBe(0);
    const index = lastDeploySession();
    const trap = await startDenyingTrap();
    const url = trap.url;
    try {
      const later = await job.runStep({
        entry: 'test/e2e/fixtures/shell-step.mjs',
        id: 'later',
        env: {
          STEP_SCRIPT: `printf 'AWS_ENDPOINT_URL_STS=${url}\nAWS_ENDPOINT_URL_IAM=${url}\n' >> "$GITHUB_ENV"`,
        },
      });
      expect(later.exitCode).toBe(0);
      const post = await job.runPost(main);
      expect(post.exitCode).toBe(0);
      expect(trap.requests).toEqual([]);
      for (const service of ['STS', 'IAM']) {
        expect(post.stdout).toContain(
          `the environment now names ${url} for ${service}, but the session was issued through ${world.aws.url}`,
        );
      }
      expect(closedEvent(main)).toMatchObject({
        phase: 'closed',
        method: 'revoked',
        verified: true,
      });
      expect(post.summary).toContain(
        "1 grant: 1 revoked and verified (by an endpoint override, not the cloud's own)",
      );
      expect(String(closedEvent(main)['note'])).toContain(
        `(answered by IAM and STS at ${world.aws.url}: the endpoint it was issued through)`,
      );
      await expectRefusedBeforeExpiry(index);
    } finally {
      await trap.close();
    }
  });

  it('a later step exports a proxy that fakes the revocation, and a CA of its own: post still denies, says "not verified" and names the proxy', async () => {
    const job = await awsJob(world);
    const main = await job.runStep({
      action: 'action.yml',
      id: 'creds',
      inputs: awsInputs({ export: 'env', 'revoke-role': REVOKER_ROLE }),
    });
    expect(main.exitCode, main.stderr).toBe(0);
    const index = lastDeploySession();
    const liar = fakeRevocation();
    const proxy = await startProxy({ intercept: liar.intercept });
    const ca = createTestCa("a later step's CA", 'ec');
    try {
      // For AWS's https endpoints the CA is what would let the proxy answer in AWS's name.
      const later = await job.runStep({
        entry: 'test/e2e/fixtures/shell-step.mjs',
        id: 'later',
        env: {
          STEP_SCRIPT: `printf 'http_proxy=${proxy.url}\nNODE_EXTRA_CA_CERTS=${ca.caPath}\n' >> "$GITHUB_ENV"`,
        },
      });
      expect(later.exitCode).toBe(0);
      const post = await job.runPost(main);
      expect(post.exitCode, post.stderr + post.stdout).toBe(0);
      expect(liar.faked).toEqual(expect.arrayContaining(['PutRolePolicy', 'GetAccessKeyInfo']));
      const closed = closedEvent(main);
      expect(closed).toMatchObject({ phase: 'closed', method: 'revoked', verified: false });
      expect(String(closed['note'])).toContain(
        `revoked, not verified: the proxy/CA settings changed since issue (STS proxy: none at issue, ${proxy.url} (http_proxy) now; ` +
          `IAM proxy: none at issue, ${proxy.url} (http_proxy) now; extra CA certificates (NODE_EXTRA_CA_CERTS): none at issue, SHA-256 `,
      );
      expect(closed['answeredBy']).toBe(
        `IAM and STS at ${world.aws.url} through the proxy ${proxy.url} (http_proxy)`,
      );
      expect(post.summary).toMatch(/1 grant: 1 revoked, not verified/);
      expect(post.summary).not.toMatch(/verified \(|\(verified/);
      expect(post.stdout).toContain('the proxy/CA settings changed since issue');
      // AWS never got the deny, and the record does not say it did.
      expect(await s3GetWith(world, index)).toMatch(/^(allowed|NoSuchKey)/);
    } finally {
      await proxy.close();
      rmSync(ca.dir, { recursive: true, force: true });
    }
    await job.cleanup();
  });

  it('a revoker whose trust policy refuses the job: close-failed, a warning that says what to fix, the runner still scrubbed', async () => {
    const job = await awsJob(world);
    const main = await job.runStep({
      action: 'action.yml',
      // Its own step id: aws:userid is the role id plus the session name, which other tests' steps share.
      id: 'untrusted',
      inputs: awsInputs({ export: 'env', 'revoke-role': UNTRUSTING_REVOKER_ROLE }),
    });
    expect(main.exitCode, main.stderr).toBe(0);
    const dir = ledgerEvents(main).find((e) => e['phase'] === 'issued')!['dir'] as string;
    const post = await job.runPost(main);
    // A revocation that was asked for and not made fails the step that tried, saying what to fix.
    expect(post.exitCode).not.toBe(0);
    const closed = closedEvent(main);
    expect(closed).toMatchObject({ phase: 'close-failed', method: 'expires', verified: false });
    expect(String(closed['note'])).toMatch(/^not revoked — expires /);
    expect(String(closed['error'])).toMatch(
      /revoker role .*jit-revoker-other could not be assumed/,
    );
    const errors = post.annotations
      .filter((a) => a.level === 'error')
      .map((a) => a.message)
      .join('\n');
    expect(errors).toMatch(/not revoked: .*jit-revoker-other could not be assumed/);
    expect(errors).toMatch(/The revoker's trust policy must accept this workflow's GitHub token/);
    expect(post.summary).toMatch(/not revoked/);
    expect(post.envWrites['AWS_SECRET_ACCESS_KEY']).toBe('');
    expect(existsSync(dir)).toBe(false);
    // Nothing was denied: the session still works until it expires.
    expect(await s3GetWith(world, lastDeploySession())).not.toMatch(/explicit deny/);
    const leaks = leaksOutside(findLeaks(issuedSecrets(world), await jobChannels(job)), [
      /^main:untrusted:envWrites$/,
    ]);
    expect(leaks).toEqual([]);
    await job.cleanup();
  });

  it('when IAM has not applied the deny within the bound: revoked, not verified, and the summary says so', async () => {
    world.aws.iamPropagationSeconds = 120;
    try {
      const job = await awsJob(world);
      const main = await job.runStep({
        action: 'action.yml',
        id: 'slow',
        inputs: awsInputs({ run: 'true', 'revoke-role': REVOKER_ROLE }),
        env: { JIT_CREDENTIALS_REVOKE_VERIFY_SECONDS: '1' },
      });
      expect(main.exitCode, main.stderr).toBe(0);
      expect(closedEvent(main)).toMatchObject({
        phase: 'closed',
        method: 'revoked',
        verified: false,
      });
      expect(closedEvent(main)['note']).toMatch(
        /denies aws:userid AROA\w+:\S+ until .*, but AWS did not refuse the session within 1s/,
      );
      expect(main.summary).toMatch(/1 grant: 1 revoked, not verified/);
      const index = lastDeploySession();
      expect(await s3GetWith(world, index)).not.toMatch(/explicit deny/);
      world.clock.advance(120);
      await expectRefusedBeforeExpiry(index);
      await job.cleanup();
    } finally {
      world.aws.iamPropagationSeconds = 0;
    }
  });

  it("a later job drops the entries of sessions that have expired (by AWS's clock) and keeps the live ones", async () => {
    const first = await awsJob(world);
    const one = await first.runStep({
      action: 'action.yml',
      id: 'one',
      inputs: awsInputs({ run: 'true', 'revoke-role': REVOKER_ROLE }),
    });
    expect(closedEvent(one)).toMatchObject({ method: 'revoked', verified: true });
    const before = revokedGrants();
    expect(before).toContain(one.outputs['grant-id']);
    const live = before.length;
    const oneIssued = ledgerEvents(one).find((e) => e['phase'] === 'issued')!;
    const oneExpiry = (oneIssued['facts'] as Record<string, string>)['stsExpiration']!;
    await first.cleanup();

    // Past the STS expiry the action recorded for `one`, the latest session revoked so far: every
    // entry in the policy has expired by AWS's clock; the runner's clock has not moved.
    const deploySessions = world.aws.issued.filter((c) => c.roleArn === ROLE);
    expect(Math.max(...deploySessions.map((c) => c.expiration.getTime()))).toBe(
      Date.parse(oneExpiry),
    );
    world.clock.advanceTo(oneExpiry, 1);
    const second = await awsJob(world);
    const two = await second.runStep({
      action: 'action.yml',
      id: 'two',
      inputs: awsInputs({ run: 'true', 'revoke-role': REVOKER_ROLE }),
      env: runnerClock(world),
    });
    expect(two.exitCode, two.stderr).toBe(0);
    expect(closedEvent(two)).toMatchObject({ method: 'revoked', verified: true });
    expect(closedEvent(two)['note']).toMatch(
      new RegExp(`\\(1 live revocation on the role, ${live} expired deleted\\)`),
    );
    expect(revokedGrants()).toEqual([two.outputs['grant-id']]);
    expect(findLeaks(issuedSecrets(world), await jobChannels(second))).toEqual([]);
    await second.cleanup();
  });

  it('an AWS step without revoke-role loads no IAM code; with it, the IAM chunk is loaded', async () => {
    const trace = path.join(scratch, 'trace-loads.mjs');
    writeFileSync(
      trace,
      `import { registerHooks } from 'node:module';\nimport { appendFileSync } from 'node:fs';\n` +
        `registerHooks({ load(url, context, next) { if (url.includes('/dist/')) appendFileSync(process.env.TRACE_FILE, url + '\\n'); return next(url, context); } });\n`,
    );
    const chunksLoaded = async (extra: Record<string, string>, name: string): Promise<string[]> => {
      const file = path.join(scratch, `${name}.txt`);
      writeFileSync(file, '');
      const job = await awsJob(world);
      const main = await job.runStep({
        action: 'action.yml',
        id: name,
        inputs: awsInputs({ run: 'true', ...extra }),
        env: { ...runnerClock(world, [pathToFileURL(trace).href]), TRACE_FILE: file },
      });
      expect(main.exitCode, main.stderr).toBe(0);
      await job.cleanup();
      return readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((u) => path.basename(new URL(u).pathname));
    };
    const plain = await chunksLoaded({}, 'plain');
    const revoking = await chunksLoaded({ 'revoke-role': REVOKER_ROLE }, 'revoking');
    expect(plain.length).toBeGreaterThan(0);
    const iamChunks = readdirChunksWith('GetRolePolicyCommand');
    expect(iamChunks.length).toBeGreaterThan(0);
    expect(plain.filter((c) => iamChunks.includes(c))).toEqual([]);
    expect(revoking.filter((c) => iamChunks.includes(c)).sort()).toEqual(iamChunks.sort());
  });
});

/** The bundle's chunks whose code holds `needle` (the IAM client's command names). */
function readdirChunksWith(needle: string): string[] {
  const dist = path.join(import.meta.dirname, '../../dist');
  return readdirSync(dist)
    .filter((f) => /\.c?js$/.test(f))
    .filter((f) => readFileSync(path.join(dist, f), 'utf8').includes(needle));
}
