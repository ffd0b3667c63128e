import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RevocationError } from '../../../src/errors.ts';
import { startDenyingTrap } from '../../emulators/aws/trap.ts';
import { revokeSession } from '../../../src/providers/aws/revoke.ts';
import {
  ACCOUNT,
  askWith,
  context,
  DEPLOY_ROLE,
  emulatedTime,
  EXPLICIT_DENY,
  grantFor,
  LOCKED,
  revocationPolicies,
  REVOKER,
  startWorld,
  WRITER,
  type World,
} from './revoke-world.ts';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

async function world(propagation = 0): Promise<World> {
  w = await startWorld(propagation);
  return w;
}

const iamCalls = (x: World) =>
  x.e.aws.requests.filter((r) => r.service === 'iam').map((r) => `${r.action} ${r.status}`);

/** The RevocationError a call rejected with (fails the test if it resolved or threw another kind). */
async function revocationError(p: Promise<unknown>): Promise<RevocationError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RevocationError);
  return err as RevocationError;
}

describe('where a revocation goes', () => {
  it('the endpoint the session was issued through, not one a later step put in the environment', async () => {
    const x = await world();
    const g = await grantFor(x, 'aws-00000000a3');
    const trap = await startDenyingTrap();
    const url = trap.url;
    try {
      const { ctx, log } = context(x, g.dir, {
        AWS_ENDPOINT_URL_STS: url,
        AWS_ENDPOINT_URL_IAM: url,
      });
      const result = await revokeSession(g.target, ctx, emulatedTime(x));
      expect(trap.requests).toEqual([]);
      expect(result).toMatchObject({ method: 'revoked', verified: true });
      expect(await askWith(x, g.keys)).toMatch(EXPLICIT_DENY);
      expect(log.text()).toContain(
        `the environment now names ${url} for STS, but the session was issued through ${x.e.aws.url}; its revocation goes there, as recorded.`,
      );
    } finally {
      await trap.close();
    }
  });

  it('FIPS and dual-stack as chosen at issue: a variable a later step sets is not followed', async () => {
    const x = await world();
    const g = await grantFor(x, 'aws-00000000a5');
    // With the emulator as a custom endpoint, the SDK would refuse FIPS outright.
    const { ctx } = context(x, g.dir, { AWS_USE_FIPS_ENDPOINT: 'true' });
    const result = await revokeSession(g.target, ctx, emulatedTime(x));
    expect(result).toMatchObject({ method: 'revoked', verified: true });
    expect(await askWith(x, g.keys)).toMatch(EXPLICIT_DENY);
  });

  it('for a grant known only from the ledger, the environment decides: a forged line cannot name the endpoint', async () => {
    const x = await world();
    const g = await grantFor(x, 'aws-00000000a4');
    const trap = await startDenyingTrap();
    const url = trap.url;
    try {
      const { ctx } = context(x, g.dir, {}, false);
      const forged = { ...g.target, stsEndpoint: url, iamEndpoint: url };
      const result = await revokeSession(forged, ctx, emulatedTime(x));
      expect(trap.requests).toEqual([]);
      expect(result).toMatchObject({ method: 'revoked', verified: true });
      expect(result.note).toContain(
        `(answered by IAM and STS at ${x.e.aws.url}: the environment's endpoint override)`,
      );
    } finally {
      await trap.close();
    }
  });
});

describe('revokeSession against the AWS emulator', () => {
  it('denies the session in a policy of its own, verifies the explicit deny and that it stayed, and leaves other sessions alone', async () => {
    const x = await world();
    const g = await grantFor(x, 'aws-00000000a1');
    const other = await grantFor(x, 'aws-00000000a2');
    const { ctx, tokens, masked } = context(x, g.dir);
    const result = await revokeSession(g.target, ctx, emulatedTime(x));
    expect(result).toMatchObject({ method: 'revoked', verified: true });
    const name = `jit-revoke.aws-00000000a1.${g.target.sessionExpiresAt.replace(/[-:]|\.000/g, '')}`;
    expect(result.note).toBe(
      `AWS refuses the session with an explicit deny (seen after 0s), and the deny was still in place at the end: ` +
        `inline policy '${name}' on ${DEPLOY_ROLE} denies aws:userid ${g.target.assumedRoleId} until ${g.target.sessionExpiresAt} ` +
        `(1 live revocation on the role) (answered by IAM and STS at ${x.e.aws.url}: the endpoint it was issued through)`,
    );
    expect(tokens).toEqual(['sts.amazonaws.com']);
    expect([...revocationPolicies(x).keys()]).toEqual([name]);
    expect(JSON.parse(x.e.aws.getRolePolicy(DEPLOY_ROLE, name)!).Statement).toEqual([
      {
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: {
          StringEquals: { 'aws:userid': g.target.assumedRoleId },
          DateLessThan: { 'aws:CurrentTime': g.target.sessionExpiresAt.replace('.000Z', 'Z') },
        },
      },
    ]);
    expect(await askWith(x, g.keys)).toMatch(EXPLICIT_DENY);
    expect(await askWith(x, other.keys)).toBe('accepted');
    // The revoker was assumed with its own session name; it wrote, listed, and read back at the end.
    const revokerSession = x.e.aws.issued.find((c) => c.roleArn === REVOKER)!;
    expect(revokerSession.sessionName).toBe('jit-revoke.aws-00000000a1');
    // Its keys may write any deny on the role, and the probe reads the grant's own: all masked
    // (the grant's first: the probe asks once before the deny is written).
    expect(masked).toEqual([
      g.keys.secretAccessKey,
      g.keys.sessionToken,
      revokerSession.secretAccessKey,
      revokerSession.sessionToken,
    ]);
    expect(iamCalls(x)).toEqual(['PutRolePolicy 200', 'ListRolePolicies 200', 'GetRolePolicy 200']);
    // The probe first asks whose keys these are, then makes the call a deny refuses: once before
    // the deny is written (refused without an explicit deny: the role just does not allow it),
    // once after.
    const stsCalls = x.e.aws.requests
      .filter((r) => r.service === 'sts' && r.accessKeyId === g.keys.accessKeyId)
      .map((r) => `${r.action} ${r.code ?? r.status}`);
    expect(stsCalls).toEqual([
      'GetCallerIdentity 200',
      'GetAccessKeyInfo AccessDenied',
      'GetCallerIdentity 200',
      'GetAccessKeyInfo AccessDenied',
    ]);
    // The first probe is answered before the deny exists: otherwise it would see that deny.
    const order = x.e.aws.requests.map((r) =>
      r.accessKeyId === g.keys.accessKeyId ? r.action : r.action === 'PutRolePolicy' ? 'put' : '',
    );
    expect(order.indexOf('GetAccessKeyInfo')).toBeLessThan(order.indexOf('put'));
  });

  it('waits for IAM propagation with backoff, within the bound', async () => {
    const x = await world(20);
    const g = await grantFor(x, 'aws-00000000b2');
    const result = await revokeSession(g.target, context(x, g.dir).ctx, emulatedTime(x));
    expect(result.verified).toBe(true);
    // Probes at 0, 0.5, 1.5, 3.5, 7.5, 15.5, 23.5 s: the deny is first seen at 23.5 s.
    expect(result.note).toMatch(/seen after 24s/);
    // The role does not grant sts:GetAccessKeyInfo: AccessDenied all along, explicit only at the
    // end; one probe before the deny is written, seven after.
    const probes = x.e.aws.requests
      .filter((r) => r.action === 'GetAccessKeyInfo')
      .map((r) => r.code);
    expect(probes).toEqual(Array(8).fill('AccessDenied'));
  });

  it('says "written but not yet observed" when IAM is slower than the bound', async () => {
    const x = await world(300);
    const g = await grantFor(x, 'aws-00000000c3');
    const result = await revokeSession(
      g.target,
      context(x, g.dir, { JIT_CREDENTIALS_REVOKE_VERIFY_SECONDS: '10' }).ctx,
      emulatedTime(x),
    );
    expect(result).toMatchObject({ method: 'revoked', verified: false });
    expect(result.note).toMatch(
      /denies aws:userid .* \(1 live revocation on the role\), but AWS did not refuse the session within 10s \(IAM changes can take minutes/,
    );
  });

  it("deletes revocations whose sessions expired, by IAM's clock, and keeps live ones", async () => {
    const x = await world();
    const first = await grantFor(x, 'aws-00000000d4');
    await revokeSession(first.target, context(x, first.dir).ctx, emulatedTime(x));
    x.e.clock.advance(600);
    const second = await grantFor(x, 'aws-00000000e5');
    const r2 = await revokeSession(second.target, context(x, second.dir).ctx, emulatedTime(x));
    expect(r2.note).toMatch(/\(2 live revocations on the role\)/);
    x.e.clock.advance(301); // the first session's STS expiry has passed, the second's not
    const third = await grantFor(x, 'aws-00000000f6');
    // The runner's own clock is 15 minutes behind AWS's here: IAM's Date header decides, not it.
    const behind = { ...context(x, third.dir).ctx, now: new Date() };
    const r3 = await revokeSession(third.target, behind, emulatedTime(x));
    expect(r3.note, r3.note).toMatch(/\(2 live revocations on the role, 1 expired deleted\)/);
    expect([...revocationPolicies(x).keys()].map((n) => n.split('.')[1])).toEqual([
      'aws-00000000e5',
      'aws-00000000f6',
    ]);
    expect(await askWith(x, second.keys)).toMatch(EXPLICIT_DENY);
  });

  it('fails with a RevocationError that says what to fix when the revoker may not write, or cannot be assumed', async () => {
    const x = await world();
    const locked = await grantFor(x, 'aws-0000000107', { revokeRole: LOCKED });
    const refused = await revocationError(
      revokeSession(locked.target, context(x, locked.dir).ctx, emulatedTime(x)),
    );
    expect(refused.message).toMatch(
      new RegExp(
        `IAM refused iam:PutRolePolicy on ${DEPLOY_ROLE} for the revoker role ${LOCKED}.*\\nAllow the revoker iam:PutRolePolicy \\(with iam:GetRolePolicy, iam:ListRolePolicies, iam:DeleteRolePolicy\\) on ${DEPLOY_ROLE}`,
        's',
      ),
    );
    expect(refused.message).toMatch(
      new RegExp(`The session stays valid until ${locked.target.sessionExpiresAt}\\.$`),
    );
    expect(refused.sessionExpiresAt.toISOString()).toBe(locked.target.sessionExpiresAt);
    const ghost = await grantFor(x, 'aws-0000000108', {
      revokeRole: `arn:aws:iam::${ACCOUNT}:role/not-there`,
    });
    const unassumable = await revocationError(
      revokeSession(ghost.target, context(x, ghost.dir).ctx, emulatedTime(x)),
    );
    expect(unassumable.message).toMatch(
      /the revoker role arn:aws:iam::123456789012:role\/not-there could not be assumed\..*\nThe revoker's trust policy must accept this workflow's GitHub token/s,
    );
    expect(revocationPolicies(x).size).toBe(0);
    expect(await askWith(x, locked.keys)).toBe('accepted');
  });

  it('a revoker that may not list or delete still revokes and verifies, and says pruning did not run', async () => {
    const x = await world();
    const g = await grantFor(x, 'aws-0000000109', { revokeRole: WRITER });
    const { ctx, log } = context(x, g.dir);
    const result = await revokeSession(g.target, ctx, emulatedTime(x));
    expect(result).toMatchObject({ method: 'revoked', verified: true });
    expect(result.note).toMatch(
      /; expired revocations were not deleted: IAM refused iam:ListRolePolicies on .*deploy for the revoker \(allow it iam:ListRolePolicies on that role/,
    );
    expect(log.text()).toMatch(/warning.*expired revocations were not deleted/i);
  });

  it('retries IAM throttling and 5xx, not denials', async () => {
    const x = await world();
    const g = await grantFor(x, 'aws-000000010a');
    x.e.aws.faults.add('throttle', 1, 'iam').add('status500', 1, 'iam');
    const { ctx, log } = context(x, g.dir);
    const result = await revokeSession(g.target, ctx, emulatedTime(x));
    expect(result.verified).toBe(true);
    expect(log.text()).toMatch(/IAM attempt 1 failed \(Throttling\)/);
    expect(log.text()).toMatch(/IAM attempt 2 failed \(ServiceFailureException\)/);
  });

  it('without the credentials file, writes the deny but does not claim it verified', async () => {
    const x = await world();
    const g = await grantFor(x, 'aws-000000010b');
    const result = await revokeSession(g.target, context(x, undefined).ctx, emulatedTime(x));
    expect(result).toMatchObject({ method: 'revoked', verified: false });
    expect(result.note).toMatch(/not verified: the grant's credentials file was not there/);
    expect(await askWith(x, g.keys)).toMatch(EXPLICIT_DENY);
  });

  it('keys on the runner that belong to another session prove nothing: not verified', async () => {
    const x = await world();
    const g = await grantFor(x, 'aws-000000010c');
    const swapped = await grantFor(x, 'aws-000000010d');
    // Any step of the job can write the grant's directory: here it holds another session's keys.
    const dir = mkdtempSync(join(tmpdir(), 'jit-revoke-swapped-'));
    x.dirs.push(dir);
    writeFileSync(
      join(dir, 'credentials'),
      `[default]\naws_access_key_id = ${swapped.keys.accessKeyId}\naws_secret_access_key = ${swapped.keys.secretAccessKey}\naws_session_token = ${swapped.keys.sessionToken}\n`,
    );
    const result = await revokeSession(g.target, context(x, dir).ctx, emulatedTime(x));
    expect(result).toMatchObject({ method: 'revoked', verified: false });
    expect(result.note).toContain(
      `not verified: the keys on the runner belong to session ${swapped.target.assumedRoleId}, not to the one denied`,
    );
  });

  it('a deny removed after AWS refused the session once is not a revocation: RevocationError, and the session works again', async () => {
    const x = await world();
    const g = await grantFor(x, 'aws-000000010e');
    // The final read-back waits, unanswered, until the test lets it go.
    const hold = x.e.aws.holdIam('GetRolePolicy', Infinity, 'on-release');
    const closing = revokeSession(g.target, context(x, g.dir).ctx, emulatedTime(x));
    await until(() => hold.waiting === 1);
    // What the probe saw: an explicit deny. Now someone deletes the deny.
    expect(x.e.aws.requests.find((r) => r.action === 'GetAccessKeyInfo')?.code).toBe(
      'AccessDenied',
    );
    const [name] = revocationPolicies(x).keys();
    x.e.aws.deleteRolePolicy(DEPLOY_ROLE, name!);
    hold.release();
    const err = await revocationError(closing);
    expect(err.message).toMatch(
      new RegExp(
        `the deny '${name!.replace(/\./g, '\\.')}' written to ${DEPLOY_ROLE} was removed before the close finished, so AWS accepts the session again`,
      ),
    );
    expect(await askWith(x, g.keys)).toBe('accepted');
  });

  it.each([
    ['the role as its own revoker', { revokeRole: DEPLOY_ROLE }, /no valid revoker role/],
    [
      'a revoker in another account',
      { revokeRole: 'arn:aws:iam::210987654321:role/revoker' },
      /no valid revoker role of the same account/,
    ],
    ['an AssumedRoleId that is not one', { assumedRoleId: '*' }, /no valid AssumedRoleId \('\*'\)/],
    ['a grant id that cannot name a policy', { grantId: 'aws-1/../x' }, /unusable grant id/],
  ])('refuses a record with %s before any call', async (_, change, message) => {
    const x = await world();
    const g = await grantFor(x, 'aws-000000010f');
    const before = x.e.aws.requests.length;
    const err = await revocationError(
      revokeSession({ ...g.target, ...change }, context(x, g.dir).ctx, emulatedTime(x)),
    );
    expect(err.message).toMatch(message);
    expect(x.e.aws.requests.length).toBe(before);
  });
});

/** Waits for a condition the emulator's own event loop makes true; bounded by the test's timeout. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setImmediate(r));
}
