import { createHash } from 'node:crypto';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAwsEmulator } from './index.ts';
import {
  assume,
  AUDIENCE,
  DEPLOY_ROLE,
  failure,
  READER_ROLE,
  s3,
  startEnv,
  sts,
  type Env,
} from './fixture.ts';

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => env.close());
beforeEach(() => {
  env.clock.set(new Date());
  for (const b of env.aws.buckets.values()) b.objects.clear();
});

describe('S3 operations through @aws-sdk/client-s3', () => {
  it('puts, lists, heads, gets and deletes an object', async () => {
    const { credentials } = await assume(env);
    const client = s3(env, credentials);
    const put = await client.send(
      new PutObjectCommand({
        Bucket: 'site',
        Key: 'dir/hello world.txt',
        Body: 'hi there',
        ContentType: 'text/plain',
        Metadata: { build: '42' },
      }),
    );
    expect(put.ETag).toBe(`"${createHash('md5').update('hi there').digest('hex')}"`);

    const buckets = await client.send(new ListBucketsCommand({}));
    expect(buckets.Buckets!.map((b) => b.Name)).toEqual(['logs', 'site']);

    const list = await client.send(new ListObjectsV2Command({ Bucket: 'site', Prefix: 'dir/' }));
    expect(list.KeyCount).toBe(1);
    expect(list.Contents![0]).toMatchObject({
      Key: 'dir/hello world.txt',
      Size: 8,
      ETag: put.ETag,
    });

    const head = await client.send(
      new HeadObjectCommand({ Bucket: 'site', Key: 'dir/hello world.txt' }),
    );
    expect(head).toMatchObject({
      ContentLength: 8,
      ContentType: 'text/plain',
      ETag: put.ETag,
      Metadata: { build: '42' },
    });

    const got = await client.send(
      new GetObjectCommand({ Bucket: 'site', Key: 'dir/hello world.txt' }),
    );
    expect(await got.Body!.transformToString()).toBe('hi there');

    await client.send(new DeleteObjectCommand({ Bucket: 'site', Key: 'dir/hello world.txt' }));
    const missing = await failure(
      client.send(new GetObjectCommand({ Bucket: 'site', Key: 'dir/hello world.txt' })),
    );
    expect(missing).toMatchObject({ name: 'NoSuchKey', status: 404 });
    const headMissing = await failure(
      client.send(new HeadObjectCommand({ Bucket: 'site', Key: 'nope' })),
    );
    expect(headMissing).toMatchObject({ name: 'NotFound', status: 404 });
  });

  it('lists with a delimiter and pages with continuation tokens', async () => {
    const { credentials } = await assume(env);
    const client = s3(env, credentials);
    for (const key of ['a/1', 'a/2', 'b/1', 'c', 'd', 'e']) {
      await client.send(new PutObjectCommand({ Bucket: 'site', Key: key, Body: key }));
    }
    const top = await client.send(new ListObjectsV2Command({ Bucket: 'site', Delimiter: '/' }));
    expect(top.CommonPrefixes!.map((p) => p.Prefix)).toEqual(['a/', 'b/']);
    expect(top.Contents!.map((c) => c.Key)).toEqual(['c', 'd', 'e']);

    const keys: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: 'site', MaxKeys: 4, ContinuationToken: token }),
      );
      keys.push(...(page.Contents ?? []).map((c) => c.Key!));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
      pages++;
    } while (token);
    expect(keys).toEqual(['a/1', 'a/2', 'b/1', 'c', 'd', 'e']);
    expect(pages).toBe(2);
  });

  it('answers NoSuchBucket for a bucket it was not configured with', async () => {
    const { credentials } = await assume(env);
    const err = await failure(
      s3(env, credentials).send(new ListObjectsV2Command({ Bucket: 'other' })),
    );
    expect(err).toMatchObject({ name: 'NoSuchBucket', status: 404 });
  });
});

describe('authorisation by the IAM evaluator', () => {
  it('says which policy denied: no identity-based policy allows', async () => {
    const { credentials } = await assume(env, { RoleArn: READER_ROLE, DurationSeconds: 900 });
    const client = s3(env, credentials);
    await expect(client.send(new ListObjectsV2Command({ Bucket: 'site' }))).resolves.toBeTruthy();
    const err = await failure(
      client.send(new PutObjectCommand({ Bucket: 'site', Key: 'x', Body: 'x' })),
    );
    expect(err).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(err.message).toMatch(
      /^User: arn:aws:sts::123456789012:assumed-role\/reader\/gha-1 is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::site\/x" because no identity-based policy allows the s3:PutObject action$/,
    );
  });

  it('intersects the role with the session policy', async () => {
    const Policy = JSON.stringify({
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' }],
    });
    const { credentials } = await assume(env, { Policy });
    const err = await failure(
      s3(env, credentials).send(new PutObjectCommand({ Bucket: 'site', Key: 'x', Body: 'x' })),
    );
    expect(err.message).toContain('because no session policy allows the s3:PutObject action');
  });

  it('honours a session policy that ends the window at T (aws:CurrentTime), by the emulator clock', async () => {
    const end = new Date(env.clock.now().getTime() + 120_000);
    const Policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: '*', Resource: '*' },
        {
          Sid: 'Window',
          Effect: 'Deny',
          Action: '*',
          Resource: '*',
          Condition: { DateGreaterThan: { 'aws:CurrentTime': end.toISOString() } },
        },
      ],
    });
    const { credentials } = await assume(env, { Policy, DurationSeconds: 900 });
    const client = s3(env, credentials);
    await client.send(new PutObjectCommand({ Bucket: 'site', Key: 'in-window', Body: '1' }));
    env.clock.advance(119);
    await client.send(new PutObjectCommand({ Bucket: 'site', Key: 'still-in-window', Body: '1' }));
    env.clock.advance(2);
    const err = await failure(
      client.send(new PutObjectCommand({ Bucket: 'site', Key: 'too-late', Body: '1' })),
    );
    expect(err).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(err.message).toContain('with an explicit deny in a session policy');
    expect(env.aws.buckets.get('site')!.objects.has('too-late')).toBe(false);
    // Identity still answers under the deny: it proves who, never that access ended.
    const id = await sts(env, credentials).send(new GetCallerIdentityCommand({}));
    expect(id.Arn).toContain('assumed-role/deploy/');
  });

  it("applies an admin's inline deny on aws:userid to that session only, from the next call", async () => {
    const a = await assume(env, { RoleSessionName: 'victim' });
    const b = await assume(env, { RoleSessionName: 'bystander' });
    await s3(env, a.credentials).send(new ListObjectsV2Command({ Bucket: 'site' }));
    env.aws.putRolePolicy(DEPLOY_ROLE, 'revoke-victim', {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          Action: '*',
          Resource: '*',
          Condition: { StringEquals: { 'aws:userid': a.out.AssumedRoleUser!.AssumedRoleId! } },
        },
      ],
    });
    try {
      const err = await failure(
        s3(env, a.credentials).send(new ListObjectsV2Command({ Bucket: 'site' })),
      );
      expect(err.message).toContain('with an explicit deny in an identity-based policy');
      await expect(
        s3(env, b.credentials).send(new ListObjectsV2Command({ Bucket: 'site' })),
      ).resolves.toBeTruthy();
      await expect(
        sts(env, a.credentials).send(new GetCallerIdentityCommand({})),
      ).resolves.toBeTruthy();
    } finally {
      env.aws.deleteRolePolicy(DEPLOY_ROLE, 'revoke-victim');
    }
    await expect(
      s3(env, a.credentials).send(new ListObjectsV2Command({ Bucket: 'site' })),
    ).resolves.toBeTruthy();
  });

  it('revokes every session issued before T with aws:TokenIssueTime, as the console does', async () => {
    const old = await assume(env, { RoleSessionName: 'old' });
    env.clock.advance(10);
    const cutoff = env.clock.now().toISOString();
    env.clock.advance(10);
    const fresh = await assume(env, { RoleSessionName: 'fresh' });
    env.aws.putRolePolicy(DEPLOY_ROLE, 'AWSRevokeOlderSessions', {
      Statement: [
        {
          Effect: 'Deny',
          Action: '*',
          Resource: '*',
          Condition: { DateLessThan: { 'aws:TokenIssueTime': cutoff } },
        },
      ],
    });
    try {
      expect((await failure(s3(env, old.credentials).send(new ListBucketsCommand({})))).name).toBe(
        'AccessDenied',
      );
      await expect(
        s3(env, fresh.credentials).send(new ListBucketsCommand({})),
      ).resolves.toBeTruthy();
    } finally {
      env.aws.deleteRolePolicy(DEPLOY_ROLE, 'AWSRevokeOlderSessions');
    }
  });
});

describe('roles configured with an inline deny', () => {
  it('applies denyPolicies given at start, and only to what they name', async () => {
    const role = 'arn:aws:iam::123456789012:role/locked';
    const aws = await startAwsEmulator({
      clock: env.clock,
      issuer: env.oidc.issuer,
      buckets: ['site', 'logs'],
      roles: {
        [role]: {
          trust: { aud: AUDIENCE, sub: 'repo:acme/site:*' },
          permissions: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
          denyPolicies: {
            'no-logs': {
              Statement: [
                {
                  Effect: 'Deny',
                  Action: 's3:*',
                  Resource: ['arn:aws:s3:::logs', 'arn:aws:s3:::logs/*'],
                },
              ],
            },
          },
        },
      },
    });
    try {
      const token = await env.oidc.mint({}, { audience: AUDIENCE });
      const out = await new STSClient({
        endpoint: aws.url,
        region: 'us-east-1',
        maxAttempts: 1,
      }).send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: role,
          RoleSessionName: 'locked',
          WebIdentityToken: token,
        }),
      );
      const c = out.Credentials!;
      const client = new S3Client({
        endpoint: aws.url,
        region: 'us-east-1',
        maxAttempts: 1,
        credentials: {
          accessKeyId: c.AccessKeyId!,
          secretAccessKey: c.SecretAccessKey!,
          sessionToken: c.SessionToken!,
        },
      });
      await expect(client.send(new ListObjectsV2Command({ Bucket: 'site' }))).resolves.toBeTruthy();
      const err = await failure(client.send(new ListObjectsV2Command({ Bucket: 'logs' })));
      expect(err.message).toContain('with an explicit deny in an identity-based policy');
    } finally {
      await aws.close();
    }
  });
});

describe('credential checks on S3 calls', () => {
  it('refuses after Expiration with ExpiredToken', async () => {
    const { credentials } = await assume(env, { DurationSeconds: 900 });
    const client = s3(env, credentials);
    env.clock.advance(899);
    // Sign at the emulator's time, as a runner whose clock agrees with AWS would.
    client.config.systemClockOffset = env.clock.nowMs() - Date.now();
    await expect(client.send(new ListBucketsCommand({}))).resolves.toBeTruthy();
    env.clock.advance(1);
    expect(await failure(client.send(new ListBucketsCommand({})))).toMatchObject({
      name: 'ExpiredToken',
      status: 400,
    });
  });

  it('refuses a request signed more than 5 minutes off; the SDK corrects itself from the Date header', async () => {
    const { credentials } = await assume(env, { DurationSeconds: 3600 });
    // More than 5 minutes ahead of the wall clock the SDK signs with, however long assume() took.
    env.clock.set(Date.now() + 310_000);
    const err = await failure(s3(env, credentials).send(new ListBucketsCommand({})));
    expect(err).toMatchObject({ name: 'RequestTimeTooSkewed', status: 403 });
    const before = env.aws.requests.length;
    const retrying = new S3Client({
      endpoint: env.aws.url,
      region: 'us-east-1',
      forcePathStyle: true,
      maxAttempts: 2,
      credentials,
    });
    await expect(retrying.send(new ListBucketsCommand({}))).resolves.toBeTruthy();
    expect(env.aws.requests.slice(before).map((r) => r.code ?? r.status)).toEqual([
      'RequestTimeTooSkewed',
      200,
    ]);
    env.clock.set(new Date(Date.now() - 290_000));
    await expect(s3(env, credentials).send(new ListBucketsCommand({}))).resolves.toBeTruthy();
  });

  it('refuses an unknown key, a wrong session token and a wrong secret', async () => {
    const { credentials } = await assume(env);
    const unknown = await failure(
      s3(env, { ...credentials, accessKeyId: 'ASIAAAAAAAAAAAAAAAAA' }).send(
        new ListBucketsCommand({}),
      ),
    );
    expect(unknown).toMatchObject({ name: 'InvalidAccessKeyId', status: 403 });
    const token = await failure(
      s3(env, { ...credentials, sessionToken: 'forged' }).send(new ListBucketsCommand({})),
    );
    expect(token).toMatchObject({ name: 'InvalidToken', status: 400 });
    const noToken = await failure(
      s3(env, {
        accessKeyId: credentials.accessKeyId,
        secretAccessKey: credentials.secretAccessKey,
      }).send(new ListBucketsCommand({})),
    );
    expect(noToken).toMatchObject({ name: 'InvalidToken', status: 400 });
    const secret = await failure(
      s3(env, { ...credentials, secretAccessKey: 'z'.repeat(40) }).send(new ListBucketsCommand({})),
    );
    expect(secret).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
  });

  it('refuses an anonymous request', async () => {
    const res = await fetch(`${env.aws.url}/site?list-type=2`);
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(
      /<Error><Code>AccessDenied<\/Code><Message>Access Denied<\/Message>/,
    );
  });
});
