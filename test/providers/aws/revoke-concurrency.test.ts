/**
 * Revocation as a busy organisation uses it: matrix legs closing at once against one role,
 * pruners racing each other and live revocations, a role whose 10,240 characters of inline
 * policies are full, and jobs that give the same custom session name.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RevocationError } from '../../../src/errors.ts';
import { readCommonSettings } from '../../../src/grant/settings.ts';
import { revokeSession } from '../../../src/providers/aws/revoke.ts';
import { parseAwsSettings } from '../../../src/providers/aws/settings.ts';
import type { ServerSideClose } from '../../../src/providers/provider.ts';
import { Inputs } from '../../../src/runner/inputs.ts';
import { iamPolicySize, ROLE_INLINE_POLICY_LIMIT } from '../../emulators/aws/iam.ts';
import type { PolicyDocument } from '../../emulators/aws/index.ts';
import {
  askWith,
  context,
  DEPLOY_ROLE,
  emulatedTime,
  EXPLICIT_DENY,
  grantFor,
  revocationPolicies,
  REVOKER,
  startWorld,
  WRITER,
  type TestGrant,
  type World,
} from './revoke-world.ts';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

async function world(): Promise<World> {
  w = await startWorld();
  return w;
}

/** Every aws:userid any inline policy of the role denies, whatever the policy is called. */
function deniedUserIds(x: World): string[] {
  const ids: string[] = [];
  for (const name of x.e.aws.listRolePolicies(DEPLOY_ROLE)) {
    const doc = JSON.parse(x.e.aws.getRolePolicy(DEPLOY_ROLE, name)!) as {
      Statement: Array<{ Condition?: { StringEquals?: Record<string, string> } }>;
    };
    for (const s of [doc.Statement].flat()) {
      const id = s.Condition?.StringEquals?.['aws:userid'];
      if (id) ids.push(id);
    }
  }
  return ids.sort();
}

function deny(userid: string, until: Date): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: {
          StringEquals: { 'aws:userid': userid },
          DateLessThan: { 'aws:CurrentTime': until.toISOString() },
        },
      },
    ],
  };
}

const close = (x: World, g: TestGrant) =>
  revokeSession(g.target, context(x, g.dir).ctx, emulatedTime(x));

describe('revocation under concurrency', () => {
  it('eight legs closing at once against one role: eight denies in place, eight sessions refused, eight verified', async () => {
    const x = await world();
    const grants = await Promise.all(
      Array.from({ length: 8 }, (_, i) => grantFor(x, `aws-0000000c${i}0`)),
    );
    // Every leg's first read waits until all eight have read, every write until all eight have
    // written: the interleaving that loses entries in a shared read-modify-write document.
    const reads = x.e.aws.holdIam('GetRolePolicy', 8);
    const writes = x.e.aws.holdIam('PutRolePolicy', 8);
    const results = await Promise.allSettled(grants.map((g) => close(x, g)));
    await Promise.all([reads.released, writes.released]);
    const outcomes = results.map((r) =>
      r.status === 'fulfilled' ? r.value : { failed: String(r.reason) },
    );
    expect(outcomes).toEqual(
      Array(8).fill(expect.objectContaining({ method: 'revoked', verified: true })),
    );
    expect(deniedUserIds(x)).toEqual(grants.map((g) => g.target.assumedRoleId).sort());
    for (const g of grants) expect(await askWith(x, g.keys)).toMatch(EXPLICIT_DENY);
    expect(revocationPolicies(x).size).toBe(8);
  });

  it('pruners racing each other delete each expired revocation once and never a live one, whatever its name says', async () => {
    const x = await world();
    const long = await grantFor(x, 'aws-0000000d01', { durationSeconds: 3600 });
    const short = await grantFor(x, 'aws-0000000d02');
    expect((await close(x, long)).verified).toBe(true);
    expect((await close(x, short)).verified).toBe(true);
    // A policy whose name claims an end long past but whose deny is live: the document decides.
    const mislabelled = await grantFor(x, 'aws-0000000d03', { durationSeconds: 3600 });
    x.e.aws.putRolePolicy(
      DEPLOY_ROLE,
      'jit-revoke.aws-0000000d03.20000101T000000Z',
      deny(mislabelled.target.assumedRoleId, new Date(mislabelled.target.sessionExpiresAt)),
    );
    // An earlier version's shared document: read, never rewritten or deleted.
    const legacy = deny(long.target.assumedRoleId, new Date(x.e.clock.nowMs() + 60_000));
    x.e.aws.putRolePolicy(DEPLOY_ROLE, 'jit-credentials-revoked', legacy);

    x.e.clock.advance(901); // the short session and the legacy entry have expired; the others have not
    const fresh = await Promise.all(
      Array.from({ length: 4 }, (_, i) => grantFor(x, `aws-0000000d1${i}`)),
    );
    const lists = x.e.aws.holdIam('ListRolePolicies', 4);
    const results = await Promise.all(fresh.map((g) => close(x, g)));
    await lists.released;
    expect(results.every((r) => r.verified)).toBe(true);
    const deleted = results.map((r) => /, 1 expired deleted\)/.test(r.note));
    expect(deleted.filter(Boolean)).toHaveLength(1);

    const names = [...revocationPolicies(x).keys()].map((n) => n.split('.')[1]);
    expect(names.sort()).toEqual(
      ['aws-0000000d01', 'aws-0000000d03', ...fresh.map((g) => g.target.grantId)].sort(),
    );
    expect(x.e.aws.getRolePolicy(DEPLOY_ROLE, 'jit-credentials-revoked')).toBe(
      JSON.stringify(legacy),
    );
    expect(await askWith(x, long.keys)).toMatch(EXPLICIT_DENY);
    expect(await askWith(x, mislabelled.keys)).toMatch(EXPLICIT_DENY);
    // Four pruners saw the expired one; one deleted it, the others found it gone or left it.
    const deletes = x.e.aws.requests.filter((r) => r.action === 'DeleteRolePolicy');
    expect(deletes.filter((r) => r.status === 200)).toHaveLength(1);
  });
});

describe("revocation when the role's inline policies are full", () => {
  /** Fills the role's budget with an admin's policy, leaving `room` characters. */
  function fill(x: World, room: number): void {
    const doc = (n: number): PolicyDocument => ({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Deny', Action: 's3:DeleteBucket', Resource: `arn:aws:s3:::${'b'.repeat(n)}` },
      ],
    });
    const n = ROLE_INLINE_POLICY_LIMIT - room - iamPolicySize(JSON.stringify(doc(0)));
    x.e.aws.putRolePolicy(DEPLOY_ROLE, 'admin-bulk', doc(n));
    expect(iamPolicySize(x.e.aws.getRolePolicy(DEPLOY_ROLE, 'admin-bulk')!)).toBe(
      ROLE_INLINE_POLICY_LIMIT - room,
    );
  }

  it('fails loudly with the usage, what to delete, and when the session expires anyway; nothing is claimed', async () => {
    const x = await world();
    fill(x, 100);
    const g = await grantFor(x, 'aws-0000000e01');
    let outcome: ServerSideClose | undefined;
    let error: unknown;
    try {
      outcome = await close(x, g);
    } catch (err) {
      error = err;
    }
    expect(outcome).toBeUndefined();
    expect(error).toBeInstanceOf(RevocationError);
    const e = error as RevocationError;
    expect(e.sessionExpiresAt.toISOString()).toBe(g.target.sessionExpiresAt);
    expect(e.message).toMatch(
      /^Could not revoke session AROA\w+:gh\.aws-0000000e01: IAM refused the deny \(LimitExceededException: Maximum policy size of 10240 bytes exceeded for role deploy\): the inline policies of arn:aws:iam::123456789012:role\/deploy use 10,140 of 10,240 characters, and this deny needs 2\d\d more\./,
    );
    expect(e.message).toMatch(/Other inline policies: admin-bulk \(10,140\)\./);
    expect(e.message).toMatch(
      /Delete stale inline policies from arn:aws:iam::123456789012:role\/deploy/,
    );
    expect(e.message).toMatch(
      new RegExp(`The session stays valid until ${g.target.sessionExpiresAt}\\.$`),
    );
    expect(revocationPolicies(x).size).toBe(0);
    expect(await askWith(x, g.keys)).toBe('accepted');
  });

  it('makes room from expired revocations first, then writes and verifies', async () => {
    const x = await world();
    const past = new Date(x.e.clock.nowMs() - 60_000);
    const stamp = past
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z')
      .replace(/[-:]/g, '');
    // Eight revocations whose sessions ended a minute ago, and an admin's policy: 100 characters left.
    let expired = 0;
    for (let i = 0; i < 8; i++) {
      const doc = deny(`AROAEXAMPLEEXAMPLE12:gh.old.${i}`, past);
      x.e.aws.putRolePolicy(DEPLOY_ROLE, `jit-revoke.aws-old${i}.${stamp}`, doc);
      expired += iamPolicySize(JSON.stringify(doc));
    }
    fill(x, expired + 100);
    const g = await grantFor(x, 'aws-0000000e02');
    const result = await close(x, g);
    expect(result).toMatchObject({ method: 'revoked', verified: true });
    expect(result.note).toMatch(/\(1 live revocation on the role, 8 expired deleted\)/);
    const calls = x.e.aws.requests
      .filter((r) => r.service === 'iam')
      .map((r) => `${r.action} ${r.code ?? r.status}`);
    expect(calls[0]).toBe('PutRolePolicy LimitExceeded');
    expect(calls.at(-2)).toBe('PutRolePolicy 200');
  });

  it('a revoker that may not list the policies still fails loudly, saying it could not count them', async () => {
    const x = await world();
    fill(x, 100);
    const g = await grantFor(x, 'aws-0000000e03', { revokeRole: WRITER });
    const err = await close(x, g).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RevocationError);
    expect((err as Error).message).toMatch(
      /are at IAM's limit of 10,240 characters \(the revoker could not list them\)/,
    );
  });
});

describe('session names and revocation', () => {
  const ROLE = DEPLOY_ROLE;
  const settingsFor = (values: Record<string, string>) => {
    const inputs = new Inputs({
      input: (n) =>
        ({ provider: 'aws', export: 'env', role: ROLE, region: 'eu-west-1', ...values })[n] ?? '',
    });
    const common = readCommonSettings(inputs, { GITHUB_RUN_ID: '42', GITHUB_JOB: 'deploy' });
    return { common, aws: parseAwsSettings(inputs, common, {}) };
  };

  it('two jobs giving the same custom session-name: revoking one leaves the other working', async () => {
    const x = await world();
    const one = settingsFor({ 'session-name': 'release', 'revoke-role': REVOKER });
    const two = settingsFor({ 'session-name': 'release', 'revoke-role': REVOKER });
    const a = await grantFor(x, one.common.grantId, { sessionName: one.aws.sessionName });
    const b = await grantFor(x, two.common.grantId, { sessionName: two.aws.sessionName });
    expect((await close(x, a)).verified).toBe(true);
    expect(await askWith(x, a.keys)).toMatch(EXPLICIT_DENY);
    expect(await askWith(x, b.keys)).toBe('accepted');
    expect(one.aws.sessionName).not.toBe(two.aws.sessionName);
  });

  it.each([
    ['release', /^release\.[0-9a-f]{10}$/],
    ['r'.repeat(64), /^r{53}\.[0-9a-f]{10}$/],
    ['a.b@c=d,e+f_g-h', /^a\.b@c=d,e\+f_g-h\.[0-9a-f]{10}$/],
  ])('with revoke-role, custom name %s ends in the grant id, within STS rules', (name, shape) => {
    const s = settingsFor({ 'session-name': name, 'revoke-role': REVOKER });
    expect(s.aws.sessionName).toMatch(shape);
    expect(s.aws.sessionName).toMatch(/^[\w+=,.@-]{2,64}$/);
    expect(s.aws.sessionName.endsWith(s.common.grantId.replace(/^aws-/, ''))).toBe(true);
  });

  it('the default name already ends in the grant id and is kept; without revoke-role a custom name is kept as given', () => {
    const plain = settingsFor({ 'revoke-role': REVOKER });
    expect(plain.aws.sessionName).toBe(plain.common.sessionName);
    expect(settingsFor({ 'session-name': 'release' }).aws.sessionName).toBe('release');
  });
});
