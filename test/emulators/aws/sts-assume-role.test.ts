import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  assume,
  AUDIENCE,
  DEPLOY_ROLE,
  failure,
  startEnv,
  sts,
  type Env,
} from './fixture.ts';

const CHAINED = `arn:aws:iam::${ACCOUNT}:role/chained`;
const PICKY = `arn:aws:iam::${ACCOUNT}:role/picky`;
const LOCKED = `arn:aws:iam::${ACCOUNT}:role/locked`;
const NO_CHAIN = `arn:aws:iam::${ACCOUNT}:role/no-chain`;
let env: Env;

beforeAll(async () => {
  const trust = { aud: AUDIENCE, sub: ['repo:acme/site:*'] };
  env = await startEnv({
    roles: {
      [DEPLOY_ROLE]: {
        trust,
        permissions: [{ Effect: 'Allow', Action: ['sts:AssumeRole', 's3:*'], Resource: '*' }],
      },
      [NO_CHAIN]: { trust, permissions: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] },
      [CHAINED]: {
        trust: { aud: AUDIENCE, sub: [], assumeRoleFrom: [DEPLOY_ROLE, NO_CHAIN] },
        maxSessionDuration: 7200,
        permissions: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
      },
      [PICKY]: {
        trust: { aud: AUDIENCE, sub: [], assumeRoleFrom: [DEPLOY_ROLE], externalId: 'ext-1234' },
      },
      [LOCKED]: { trust: { aud: AUDIENCE, sub: [], assumeRoleFrom: [] } },
    },
  });
});
afterAll(() => env.close());

async function session(role = DEPLOY_ROLE) {
  return (await assume(env, { RoleArn: role })).credentials;
}

describe('AssumeRole signed by an issued session (role chaining)', () => {
  it('issues a session of the next role whose keys work and name that role', async () => {
    const source = await session();
    const out = await sts(env, source).send(
      new AssumeRoleCommand({ RoleArn: CHAINED, RoleSessionName: 'chain-1', DurationSeconds: 900 }),
    );
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/chained/chain-1`);
    const c = out.Credentials!;
    expect(c.Expiration!.getTime() - env.clock.nowMs()).toBeLessThanOrEqual(900_000);
    const who = await sts(env, {
      accessKeyId: c.AccessKeyId!,
      secretAccessKey: c.SecretAccessKey!,
      sessionToken: c.SessionToken!,
    }).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(out.AssumedRoleUser?.Arn);
    expect(env.aws.issued.at(-1)!.subject).toMatch(/assumed-role\/deploy\/gha-1$/);
  });

  it('refuses a caller whose own policies do not allow sts:AssumeRole, though trusted', async () => {
    const f = await failure(
      sts(env, await session(NO_CHAIN)).send(
        new AssumeRoleCommand({ RoleArn: CHAINED, RoleSessionName: 'chain-2' }),
      ),
    );
    expect(f).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(f.message).toContain('sts:AssumeRole on resource');
  });

  it('refuses a role whose trust policy does not name the caller', async () => {
    const f = await failure(
      sts(env, await session()).send(
        new AssumeRoleCommand({ RoleArn: LOCKED, RoleSessionName: 'chain-3' }),
      ),
    );
    expect(f.name).toBe('AccessDenied');
  });

  it('matches sts:ExternalId exactly', async () => {
    const source = await session();
    const bad = await failure(
      sts(env, source).send(
        new AssumeRoleCommand({ RoleArn: PICKY, RoleSessionName: 'chain-4', ExternalId: 'ext-9' }),
      ),
    );
    expect(bad.name).toBe('AccessDenied');
    const none = await failure(
      sts(env, source).send(new AssumeRoleCommand({ RoleArn: PICKY, RoleSessionName: 'chain-4' })),
    );
    expect(none.name).toBe('AccessDenied');
    const ok = await sts(env, source).send(
      new AssumeRoleCommand({ RoleArn: PICKY, RoleSessionName: 'chain-4', ExternalId: 'ext-1234' }),
    );
    expect(ok.Credentials?.AccessKeyId).toMatch(/^ASIA/);
  });

  it('caps a chained session at one hour, whatever the role allows', async () => {
    const f = await failure(
      sts(env, await session()).send(
        new AssumeRoleCommand({
          RoleArn: CHAINED,
          RoleSessionName: 'chain-5',
          DurationSeconds: 3601,
        }),
      ),
    );
    expect(f.name).toBe('ValidationError');
    expect(f.message).toMatch(/1 hour session limit/);
  });

  it('refuses an unsigned call and keys that have expired', async () => {
    const unsigned = await fetch(env.aws.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        Action: 'AssumeRole',
        Version: '2011-06-15',
        RoleArn: CHAINED,
        RoleSessionName: 'chain-6',
      }).toString(),
    });
    expect(unsigned.status).toBe(403);
    expect(await unsigned.text()).toContain('MissingAuthenticationToken');
    const source = await session();
    env.clock.advance(3601);
    const expired = await failure(
      sts(env, source).send(
        new AssumeRoleCommand({ RoleArn: CHAINED, RoleSessionName: 'chain-7' }),
      ),
    );
    expect(expired.name).toBe('ExpiredToken');
  });
});
