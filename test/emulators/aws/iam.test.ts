import {
  DeleteRolePolicyCommand,
  GetRolePolicyCommand,
  IAMClient,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { GetAccessKeyInfoCommand } from '@aws-sdk/client-sts';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  assume,
  AUDIENCE,
  DEPLOY_ROLE,
  failure,
  s3,
  startEnv,
  sts,
  type Env,
} from './fixture.ts';
import { iamPolicySize, ROLE_INLINE_POLICY_LIMIT } from './iam.ts';

const REVOKER = `arn:aws:iam::${ACCOUNT}:role/revoker`;
const NOBODY = `arn:aws:iam::${ACCOUNT}:role/nobody`;

type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken: string };

let env: Env | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

async function world(propagation = 0): Promise<Env> {
  env = await startEnv({
    iamPropagationSeconds: propagation,
    roles: {
      [DEPLOY_ROLE]: {
        trust: { aud: AUDIENCE, sub: ['repo:acme/site:*'] },
        permissions: [{ Effect: 'Allow', Action: ['s3:*', 'sts:GetAccessKeyInfo'], Resource: '*' }],
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
      [NOBODY]: { trust: { aud: AUDIENCE, sub: ['repo:acme/site:*'] }, permissions: [] },
    },
    buckets: ['site'],
  });
  return env;
}

function iam(e: Env, credentials: Creds): IAMClient {
  return new IAMClient({ endpoint: e.aws.url, region: 'us-east-1', maxAttempts: 1, credentials });
}

function denySession(assumedRoleId: string, until: Date, sid = 'S1'): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: sid,
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: {
          StringEquals: { 'aws:userid': assumedRoleId },
          DateLessThan: { 'aws:CurrentTime': until.toISOString() },
        },
      },
    ],
  });
}

describe('AWS emulator: IAM inline role policies', () => {
  it('puts, reads back (URL-encoded as IAM does) and enforces a deny of one session', async () => {
    const e = await world();
    const deploy = await assume(e, { RoleSessionName: 'victim' });
    const bystander = await assume(e, { RoleSessionName: 'bystander' });
    const revoker = await assume(e, { RoleArn: REVOKER, RoleSessionName: 'revoker' });
    const id = deploy.out.AssumedRoleUser!.AssumedRoleId!;
    expect(
      await sts(e, deploy.credentials).send(
        new GetAccessKeyInfoCommand({ AccessKeyId: deploy.credentials.accessKeyId }),
      ),
    ).toMatchObject({ Account: ACCOUNT });

    const client = iam(e, revoker.credentials);
    const missing = await failure(
      client.send(new GetRolePolicyCommand({ RoleName: 'deploy', PolicyName: 'revoked' })),
    );
    expect(missing).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
    expect(missing.message).toBe('The role policy with name revoked cannot be found.');

    const doc = denySession(id, new Date(e.clock.nowMs() + 900_000));
    await client.send(
      new PutRolePolicyCommand({ RoleName: 'deploy', PolicyName: 'revoked', PolicyDocument: doc }),
    );
    const got = await client.send(
      new GetRolePolicyCommand({ RoleName: 'deploy', PolicyName: 'revoked' }),
    );
    expect(got.RoleName).toBe('deploy');
    expect(got.PolicyDocument).toBe(encodeURIComponent(doc));
    expect(decodeURIComponent(got.PolicyDocument!)).toBe(doc);

    // The revoked session is refused with an explicit deny; the other session of the role is not.
    const probe = await failure(
      sts(e, deploy.credentials).send(
        new GetAccessKeyInfoCommand({ AccessKeyId: deploy.credentials.accessKeyId }),
      ),
    );
    expect(probe).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(probe.message).toMatch(
      /not authorized to perform: sts:GetAccessKeyInfo .*with an explicit deny in an identity-based policy$/,
    );
    const s3Denied = await failure(
      s3(e, deploy.credentials).send(new GetObjectCommand({ Bucket: 'site', Key: 'x' })),
    );
    expect(s3Denied.message).toMatch(/explicit deny in an identity-based policy/);
    await expect(
      sts(e, bystander.credentials).send(
        new GetAccessKeyInfoCommand({ AccessKeyId: bystander.credentials.accessKeyId }),
      ),
    ).resolves.toMatchObject({ Account: ACCOUNT });

    // The statement stops applying at its DateLessThan.
    e.clock.advance(901);
    expect(e.aws.getRolePolicy(DEPLOY_ROLE, 'revoked')).toBe(doc);
  });

  it('authorises each call against the caller role: no permission is AccessDenied, and a role may not be edited by its own sessions', async () => {
    const e = await world();
    const deploy = await assume(e, { RoleSessionName: 'self' });
    const nobody = await assume(e, { RoleArn: NOBODY, RoleSessionName: 'nobody' });
    const doc = denySession('AROAEXAMPLE:x', new Date(e.clock.nowMs() + 60_000));
    for (const creds of [deploy.credentials, nobody.credentials]) {
      const f = await failure(
        iam(e, creds).send(
          new PutRolePolicyCommand({ RoleName: 'deploy', PolicyName: 'p', PolicyDocument: doc }),
        ),
      );
      expect(f).toMatchObject({ name: 'AccessDenied', status: 403 });
      expect(f.message).toMatch(
        new RegExp(
          `is not authorized to perform: iam:PutRolePolicy on resource: "${DEPLOY_ROLE}" because no identity-based policy allows`,
        ),
      );
    }
    expect(e.aws.getRolePolicy(DEPLOY_ROLE, 'p')).toBeUndefined();
    // The revoker may write the deploy role, and nothing else.
    const revoker = await assume(e, { RoleArn: REVOKER, RoleSessionName: 'revoker' });
    const other = await failure(
      iam(e, revoker.credentials).send(
        new PutRolePolicyCommand({ RoleName: 'nobody', PolicyName: 'p', PolicyDocument: doc }),
      ),
    );
    expect(other.name).toBe('AccessDenied');
    const del = await failure(
      iam(e, revoker.credentials).send(
        new DeleteRolePolicyCommand({ RoleName: 'deploy', PolicyName: 'p' }),
      ),
    );
    expect(del.name).toBe('AccessDenied');
  });

  it('refuses bad documents, unknown roles and a role over 10,240 characters of inline policies', async () => {
    const e = await world();
    const revoker = await assume(e, { RoleArn: REVOKER, RoleSessionName: 'revoker' });
    const client = iam(e, revoker.credentials);
    const put = (name: string, doc: string, role = 'deploy') =>
      failure(
        client.send(
          new PutRolePolicyCommand({ RoleName: role, PolicyName: name, PolicyDocument: doc }),
        ),
      );

    expect(await put('p', '{not json')).toMatchObject({
      name: 'MalformedPolicyDocumentException',
      status: 400,
    });
    const badSid = await put('p', denySession('AROA:x', new Date(), 'has-dash'));
    expect(badSid.message).toMatch(/SID\) must be alpha-numeric/);
    const twice = JSON.parse(denySession('AROA:x', new Date())) as { Statement: unknown[] };
    twice.Statement.push(twice.Statement[0]);
    expect((await put('p', JSON.stringify(twice))).message).toMatch(/must be unique/);
    expect(await put('p', denySession('AROA:x', new Date()), 'ghost')).toMatchObject({
      name: 'NoSuchEntityException',
      status: 404,
    });

    // An admin's policy already takes part of the role's budget.
    const admin = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny' as const, Action: 's3:DeleteBucket', Resource: '*' }],
    };
    e.aws.putRolePolicy(DEPLOY_ROLE, 'admin', admin);
    const statement = JSON.parse(denySession('AROAAAAAAAAAAAAAAAAAA:s', new Date()))[
      'Statement'
    ][0];
    const big = (n: number) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: Array.from({ length: n }, (_, i) => ({ ...statement, Sid: `S${i}` })),
      });
    let n = 1;
    while (
      iamPolicySize(big(n + 1)) + iamPolicySize(JSON.stringify(admin)) <=
      ROLE_INLINE_POLICY_LIMIT
    )
      n++;
    await client.send(
      new PutRolePolicyCommand({
        RoleName: 'deploy',
        PolicyName: 'revoked',
        PolicyDocument: big(n),
      }),
    );
    const over = await put('revoked', big(n + 1));
    expect(over).toMatchObject({ name: 'LimitExceededException', status: 409 });
    expect(over.message).toBe('Maximum policy size of 10240 bytes exceeded for role deploy');
    // Whitespace does not count: the same document pretty-printed still fits.
    const pretty = JSON.stringify(JSON.parse(big(n)), null, 2);
    await client.send(
      new PutRolePolicyCommand({
        RoleName: 'deploy',
        PolicyName: 'revoked',
        PolicyDocument: pretty,
      }),
    );
  });

  it('with propagation, a write is read back at once but enforced only after the delay', async () => {
    const e = await world(30);
    const deploy = await assume(e, { RoleSessionName: 'victim' });
    const revoker = await assume(e, { RoleArn: REVOKER, RoleSessionName: 'revoker' });
    const doc = denySession(
      deploy.out.AssumedRoleUser!.AssumedRoleId!,
      new Date(e.clock.nowMs() + 900_000),
    );
    await iam(e, revoker.credentials).send(
      new PutRolePolicyCommand({ RoleName: 'deploy', PolicyName: 'revoked', PolicyDocument: doc }),
    );
    expect(e.aws.getRolePolicy(DEPLOY_ROLE, 'revoked')).toBe(doc);
    const probe = () =>
      sts(e, deploy.credentials).send(
        new GetAccessKeyInfoCommand({ AccessKeyId: deploy.credentials.accessKeyId }),
      );
    await expect(probe()).resolves.toMatchObject({ Account: ACCOUNT });
    e.clock.advance(29);
    await expect(probe()).resolves.toMatchObject({ Account: ACCOUNT });
    e.clock.advance(1);
    expect((await failure(probe())).message).toMatch(/explicit deny in an identity-based policy/);
  });

  it('GetAccessKeyInfo needs the permission: without it the refusal is implicit, and unsigned calls are refused', async () => {
    const e = await world();
    const nobody = await assume(e, { RoleArn: NOBODY, RoleSessionName: 'nobody' });
    const f = await failure(
      sts(e, nobody.credentials).send(
        new GetAccessKeyInfoCommand({ AccessKeyId: nobody.credentials.accessKeyId }),
      ),
    );
    expect(f.name).toBe('AccessDenied');
    expect(f.message).toMatch(
      /because no identity-based policy allows the sts:GetAccessKeyInfo action/,
    );
    const res = await fetch(e.aws.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=PutRolePolicy&Version=2010-05-08&RoleName=deploy&PolicyName=p&PolicyDocument=%7B%7D',
    });
    expect(res.status).toBe(403);
    const text = await res.text();
    expect(text).toContain('<Code>MissingAuthenticationToken</Code>');
    expect(text).toContain('xmlns="https://iam.amazonaws.com/doc/2010-05-08/"');
  });

  it('IAM faults are answered in IAM XML and aimed at IAM only', async () => {
    const e = await world();
    const revoker = await assume(e, { RoleArn: REVOKER, RoleSessionName: 'revoker' });
    e.aws.faults.add('throttle', 1, 'iam').add('status500', 1, 'iam');
    const client = iam(e, revoker.credentials);
    const get = () =>
      client.send(new GetRolePolicyCommand({ RoleName: 'deploy', PolicyName: 'none' }));
    expect(await failure(get())).toMatchObject({ name: 'Throttling', status: 400 });
    expect(await failure(get())).toMatchObject({ name: 'ServiceFailureException', status: 500 });
    expect(await failure(get())).toMatchObject({ name: 'NoSuchEntityException' });
    expect(e.aws.requests.filter((r) => r.service === 'iam').map((r) => r.fault ?? r.code)).toEqual(
      ['throttle', 'status500', 'NoSuchEntity'],
    );
  });
});
