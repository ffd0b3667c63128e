import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { revokeSession, type RevokeTarget } from '../../../src/providers/aws/revoke.ts';
import { REVOKE_POLICY_NAME } from '../../../src/providers/aws/revoke-policy.ts';
import { RecordingLogger } from '../../../src/runner/logger.ts';
import {
  ACCOUNT,
  assume,
  AUDIENCE,
  DEPLOY_ROLE,
  startEnv,
  type Env,
} from '../../emulators/aws/fixture.ts';

const REVOKER = `arn:aws:iam::${ACCOUNT}:role/revoker`;
const LOCKED = `arn:aws:iam::${ACCOUNT}:role/locked-revoker`;

let env: Env | undefined;
let dir: string | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function world(): Promise<Env> {
  env = await startEnv({
    roles: {
      [DEPLOY_ROLE]: {
        trust: { aud: AUDIENCE, sub: ['repo:acme/site:*'] },
        permissions: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
      },
      [REVOKER]: {
        trust: { aud: AUDIENCE, sub: ['repo:acme/site:*'] },
        permissions: [
          {
            Effect: 'Allow',
            Action: ['iam:GetRolePolicy', 'iam:PutRolePolicy'],
            Resource: DEPLOY_ROLE,
          },
        ],
      },
      [LOCKED]: {
        trust: { aud: AUDIENCE, sub: ['repo:acme/site:*'] },
        permissions: [{ Effect: 'Allow', Action: 'iam:GetRolePolicy', Resource: DEPLOY_ROLE }],
      },
    },
  });
  return env;
}

/** A grant as the engine records it, with the session's keys in its private directory. */
async function grantFor(
  e: Env,
  id: string,
  revokeRole = REVOKER,
): Promise<{ grant: RevokeTarget; dir: string }> {
  const { out, credentials } = await assume(e, {
    RoleSessionName: `gh.${id}`,
    DurationSeconds: 900,
  });
  dir = mkdtempSync(join(tmpdir(), 'jit-revoke-session-'));
  writeFileSync(
    join(dir, 'credentials'),
    `[default]\naws_access_key_id = ${credentials.accessKeyId}\naws_secret_access_key = ${credentials.secretAccessKey}\naws_session_token = ${credentials.sessionToken}\n`,
  );
  const expiry = out.Credentials!.Expiration!.toISOString();
  return {
    dir,
    grant: {
      grantId: id,
      roleArn: DEPLOY_ROLE,
      assumedRoleId: out.AssumedRoleUser!.AssumedRoleId!,
      region: 'eu-west-1',
      sessionExpiresAt: expiry,
      revokeRole,
      audience: AUDIENCE,
    },
  };
}

function context(e: Env, grantDir: string | undefined, extraEnv: Record<string, string> = {}) {
  const log = new RecordingLogger();
  const tokens: string[] = [];
  return {
    log,
    tokens,
    ctx: {
      log,
      grantId: 'aws-00000000a1',
      expiresAt: e.clock.now(),
      now: e.clock.now(),
      dir: grantDir,
      idToken: async (aud: string) => {
        const t = await e.oidc.mint({}, { audience: aud });
        tokens.push(aud);
        return t;
      },
      env: { AWS_ENDPOINT_URL: e.aws.url, JIT_CREDENTIALS_HTTP_TIMEOUT_MS: '1000', ...extraEnv },
    },
  };
}

/** Sleeps on the emulator clock: waiting for IAM propagation costs the test nothing. */
function emulatedTime(e: Env) {
  return { sleep: async (ms: number) => e.clock.advance(ms / 1000), clock: () => e.clock.nowMs() };
}

describe('revokeSession against the AWS emulator', () => {
  it('denies the session, verifies the explicit deny, and leaves other sessions alone', async () => {
    const e = await world();
    const { grant, dir: d } = await grantFor(e, 'aws-00000000a1');
    const { ctx, tokens } = context(e, d);
    const result = await revokeSession(grant, ctx, emulatedTime(e));
    expect(result).toMatchObject({ method: 'revoked', verified: true });
    expect(result.note).toMatch(
      /^AWS refuses the session with an explicit deny \(seen after 0s\): a deny of aws:userid AROA\w+:gh\.aws-00000000a1/,
    );
    expect(tokens).toEqual(['sts.amazonaws.com']);
    const doc = JSON.parse(e.aws.getRolePolicy(DEPLOY_ROLE, REVOKE_POLICY_NAME)!);
    expect(doc.Statement).toEqual([
      expect.objectContaining({
        Sid: 'JitRevokeaws00000000a1',
        Condition: {
          StringEquals: { 'aws:userid': grant.assumedRoleId },
          DateLessThan: { 'aws:CurrentTime': grant.sessionExpiresAt },
        },
      }),
    ]);
    // The revoker was assumed with its own session name, and wrote as itself.
    const revokerSession = e.aws.issued.find((c) => c.roleArn === REVOKER)!;
    expect(revokerSession.sessionName).toBe('jit-revoke.aws-00000000a1');
    expect(
      e.aws.requests.filter((r) => r.service === 'iam').map((r) => `${r.action} ${r.status}`),
    ).toEqual(['GetRolePolicy 404', 'PutRolePolicy 200', 'GetRolePolicy 200']);
  });

  it('waits for IAM propagation with backoff, within the bound', async () => {
    const e = await world();
    e.aws.iamPropagationSeconds = 20;
    const { grant, dir: d } = await grantFor(e, 'aws-00000000b2');
    const result = await revokeSession(grant, context(e, d).ctx, emulatedTime(e));
    expect(result.verified).toBe(true);
    // Probes at 0, 0.5, 1.5, 3.5, 7.5, 15.5, 23.5 s: the deny is first seen at 23.5 s.
    expect(result.note).toMatch(/seen after 24s/);
    // The role does not grant sts:GetAccessKeyInfo: AccessDenied all along, explicit only at the end.
    const probes = e.aws.requests.filter((r) => r.action === 'GetAccessKeyInfo').map((r) => r.code);
    expect(probes).toEqual(Array(7).fill('AccessDenied'));
  });

  it('says "written but not yet observed" when IAM is slower than the bound', async () => {
    const e = await world();
    e.aws.iamPropagationSeconds = 300;
    const { grant, dir: d } = await grantFor(e, 'aws-00000000c3');
    const result = await revokeSession(
      grant,
      context(e, d, { JIT_CREDENTIALS_REVOKE_VERIFY_SECONDS: '10' }).ctx,
      emulatedTime(e),
    );
    expect(result).toMatchObject({ method: 'revoked', verified: false });
    expect(result.note).toMatch(
      /was written to .*but AWS did not refuse the session within 10s \(IAM changes can take minutes/,
    );
  });

  it("prunes entries whose sessions expired, by IAM's clock, and keeps live ones", async () => {
    const e = await world();
    const first = await grantFor(e, 'aws-00000000d4');
    await revokeSession(first.grant, context(e, first.dir).ctx, emulatedTime(e));
    e.clock.advance(600);
    const second = await grantFor(e, 'aws-00000000e5');
    const r2 = await revokeSession(second.grant, context(e, second.dir).ctx, emulatedTime(e));
    expect(r2.note).toMatch(/\(2 entries\)/);
    e.clock.advance(301); // the first session's STS expiry has passed, the second's not
    const third = await grantFor(e, 'aws-00000000f6');
    // The runner's own clock is 15 minutes behind AWS's here: IAM's Date header decides, not it.
    const behind = { ...context(e, third.dir).ctx, now: new Date() };
    const r3 = await revokeSession(third.grant, behind, emulatedTime(e));
    expect(r3.note, r3.note).toMatch(/\(2 entries, 1 expired dropped\)/);
    const sids = JSON.parse(e.aws.getRolePolicy(DEPLOY_ROLE, REVOKE_POLICY_NAME)!).Statement.map(
      (s: { Sid: string }) => s.Sid,
    );
    expect(sids).toEqual(['JitRevokeaws00000000e5', 'JitRevokeaws00000000f6']);
  });

  it('says what to fix when the revoker may not write the policy, or cannot be assumed', async () => {
    const e = await world();
    const locked = await grantFor(e, 'aws-0000000107', LOCKED);
    await expect(
      revokeSession(locked.grant, context(e, locked.dir).ctx, emulatedTime(e)),
    ).rejects.toThrow(
      new RegExp(
        `IAM refused iam:PutRolePolicy on ${DEPLOY_ROLE} for the revoker role ${LOCKED}.*\\nAllow the revoker iam:PutRolePolicy on ${DEPLOY_ROLE}`,
        's',
      ),
    );
    const ghost = await grantFor(e, 'aws-0000000108', `arn:aws:iam::${ACCOUNT}:role/not-there`);
    await expect(
      revokeSession(ghost.grant, context(e, ghost.dir).ctx, emulatedTime(e)),
    ).rejects.toThrow(
      /the revoker role arn:aws:iam::123456789012:role\/not-there could not be assumed\..*\nThe revoker's trust policy must accept this workflow's GitHub token/s,
    );
    expect(e.aws.getRolePolicy(DEPLOY_ROLE, REVOKE_POLICY_NAME)).toBeUndefined();
  });

  it('retries IAM throttling and 5xx, not denials', async () => {
    const e = await world();
    const { grant, dir: d } = await grantFor(e, 'aws-0000000109');
    e.aws.faults.add('throttle', 1, 'iam').add('status500', 1, 'iam');
    const { ctx, log } = context(e, d);
    const result = await revokeSession(grant, ctx, emulatedTime(e));
    expect(result.verified).toBe(true);
    expect(log.text()).toMatch(/IAM attempt 1 failed \(Throttling\)/);
    expect(log.text()).toMatch(/IAM attempt 2 failed \(ServiceFailureException\)/);
  });

  it('without the credentials file, writes the deny but does not claim it verified', async () => {
    const e = await world();
    const { grant } = await grantFor(e, 'aws-000000010a');
    const result = await revokeSession(grant, context(e, undefined).ctx, emulatedTime(e));
    expect(result).toMatchObject({ method: 'revoked', verified: false });
    expect(result.note).toMatch(/not verified: the grant's credentials file was not there/);
  });
});
