/**
 * "Verified" means AWS refuses the session, and "expired" that it has ended: cases where the
 * record said so while AWS (the emulator) still accepted the session.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { revokeSession } from '../../../src/providers/aws/revoke.ts';
import { awsCloser, type AwsHandle } from '../../../src/providers/aws/close.ts';
import {
  askWith,
  context,
  DEPLOY_ROLE,
  emulatedTime,
  grantFor,
  startWorld,
  type World,
} from './revoke-world.ts';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

describe('"verified" means AWS refuses the session', () => {
  it("an explicit deny of the probe's call that was there before the revocation is no proof of it", async () => {
    // IAM takes 30 s to apply the new deny (README: "seconds, sometimes minutes").
    const x = (w = await startWorld(30));
    // The role (or a permissions boundary / SCP) already denies the probe's action, as hardening.
    x.e.aws.putRolePolicy(DEPLOY_ROLE, 'no-key-info', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: 'sts:GetAccessKeyInfo', Resource: '*' }],
    });
    const g = await grantFor(x, 'aws-00000000a1');
    const result = await revokeSession(g.target, context(x, g.dir).ctx, emulatedTime(x));
    const nowAccepted = await askWith(x, g.keys);
    // It was { verified: true, note: '... seen after 0s ...' } while S3 still answered 'accepted'.
    expect({ verified: result.verified, session: nowAccepted }).not.toEqual({
      verified: true,
      session: 'accepted',
    });
  });

  it("a grant known only from the ledger: the deny's end is said to be the ledger's word", async () => {
    const x = (w = await startWorld());
    const g = await grantFor(x, 'aws-00000000a2');
    const real = new Date(g.target.sessionExpiresAt);
    // A step rewrote the issued line: the handle says the session ends 10 minutes early.
    const forged = {
      ...g.target,
      sessionExpiresAt: new Date(real.getTime() - 600_000).toISOString(),
    };
    const result = await revokeSession(forged, context(x, g.dir, {}, false).ctx, emulatedTime(x));
    // A deny as long as any session (12 hours) for every grant would fill the role's inline
    // policies; the record says instead whose word its end is.
    expect(result.note).toMatch(
      /until [0-9T:.-]+Z \(the session's end as the ledger says it, which a step of the job can rewrite\)/,
    );
  });

  it("the runner's clock ahead of AWS's: the deny is still written, not 'expired' while AWS accepts the session", async () => {
    const x = (w = await startWorld());
    const g = await grantFor(x, 'aws-00000000a3');
    const stsExpiry = new Date(g.target.sessionExpiresAt);
    // AWS's clock: 60 s before the session's expiry. The runner's: 2 minutes ahead of it.
    x.e.clock.advance((stsExpiry.getTime() - x.e.clock.nowMs()) / 1000 - 60);
    const { ctx } = context(x, g.dir);
    const runnerNow = new Date(x.e.clock.nowMs() + 120_000);
    const handle: AwsHandle = {
      stsExpiration: g.target.sessionExpiresAt,
      enforcedEnd: null,
      revoke: {
        roleArn: g.target.roleArn,
        revokeRole: g.target.revokeRole,
        assumedRoleId: g.target.assumedRoleId,
        audience: g.target.audience,
        region: g.target.region!,
        stsEndpoint: g.target.stsEndpoint!,
        iamEndpoint: g.target.iamEndpoint!,
      },
    };
    const result = await awsCloser.close(handle, {
      ...ctx,
      now: runnerNow,
      expiresAt: stsExpiry,
    });
    const session = await askWith(x, g.keys);
    // It was { method: 'expired', session: 'accepted' }, with no PutRolePolicy sent.
    expect({ method: result.method, session }).not.toEqual({
      method: 'expired',
      session: 'accepted',
    });
  });
});
