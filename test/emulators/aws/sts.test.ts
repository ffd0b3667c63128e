import { randomBytes } from 'node:crypto';
import {
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAwsEmulator } from './index.ts';
import {
  ACCOUNT,
  assume,
  AUDIENCE,
  DEPLOY_ROLE,
  failure,
  READER_ROLE,
  startEnv,
  sts,
  type Env,
} from './fixture.ts';

let env: Env;
beforeAll(async () => {
  env = await startEnv({
    managedPolicies: {
      [`arn:aws:iam::${ACCOUNT}:policy/ro`]: {
        Statement: { Effect: 'Allow', Action: 's3:Get*', Resource: '*' },
      },
    },
  });
});
afterAll(async () => env.close());
// Tests jump the clock forward; bring it back so SDKs signing with the machine's time stay in skew.
beforeEach(() => {
  env.aws.faults.clear();
  env.clock.set(new Date());
});

describe('AssumeRoleWithWebIdentity success', () => {
  it('answers the real response shape, which the SDK parses', async () => {
    const before = env.clock.nowSeconds();
    const { out } = await assume(env, { RoleSessionName: 'gha-run-42', DurationSeconds: 900 });
    const c = out.Credentials!;
    expect(c.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(c.SecretAccessKey).toHaveLength(40);
    expect(c.SessionToken!.length).toBeGreaterThan(400);
    expect(Math.floor(c.Expiration!.getTime() / 1000)).toBe(before + 900);
    expect(out.SubjectFromWebIdentityToken).toBe('repo:acme/site:ref:refs/heads/main');
    expect(out.AssumedRoleUser!.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:gha-run-42$/);
    expect(out.AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/deploy/gha-run-42`);
    expect(out.Provider).toBe(env.oidc.issuer);
    expect(out.Audience).toBe(AUDIENCE);
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(env.aws.issued.at(-1)).toMatchObject({
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
    });
  });

  it('names the role, not its path, in the assumed-role ARN', async () => {
    const { out } = await assume(env, { RoleArn: READER_ROLE, DurationSeconds: 7200 });
    expect(out.AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/reader/gha-1`);
  });

  it('reports the packed policy size when a session policy is sent', async () => {
    const Policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
    });
    const { out } = await assume(env, { Policy });
    expect(out.PackedPolicySize).toBeGreaterThan(0);
    expect(out.PackedPolicySize).toBeLessThan(100);
  });

  it('is reached through AWS_ENDPOINT_URL_STS', async () => {
    const saved = process.env.AWS_ENDPOINT_URL_STS;
    process.env.AWS_ENDPOINT_URL_STS = env.aws.url;
    try {
      const client = new STSClient({ region: 'us-east-1', maxAttempts: 1 });
      const token = await env.oidc.mint({}, { audience: AUDIENCE });
      const out = await client.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: DEPLOY_ROLE,
          RoleSessionName: 'via-env',
          WebIdentityToken: token,
        }),
      );
      expect(out.AssumedRoleUser!.Arn).toContain('/deploy/via-env');
      expect(env.aws.requests.at(-1)).toMatchObject({
        service: 'sts',
        action: 'AssumeRoleWithWebIdentity',
        status: 200,
      });
    } finally {
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_STS;
      else process.env.AWS_ENDPOINT_URL_STS = saved;
    }
  });
});

describe('AssumeRoleWithWebIdentity limits and refusals', () => {
  // The SDK names modelled errors after their shapes (InvalidIdentityToken on the wire becomes
  // InvalidIdentityTokenException); the wire codes themselves are checked in 'wire format' below.
  const policyArns = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ arn: `arn:aws:iam::${ACCOUNT}:policy/p${i}` }));
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    [
      'duration below 900',
      { DurationSeconds: 899 },
      'ValidationError',
      /durationSeconds.*greater than or equal to 900/,
    ],
    [
      'duration above 43200',
      { DurationSeconds: 43201 },
      'ValidationError',
      /less than or equal to 43200/,
    ],
    [
      'duration above the role max',
      { DurationSeconds: 3601 },
      'ValidationError',
      /^The requested DurationSeconds exceeds the MaxSessionDuration set for this role\.$/,
    ],
    [
      'session name with a space',
      { RoleSessionName: 'gha run' },
      'ValidationError',
      /roleSessionName/,
    ],
    ['session name of 1 character', { RoleSessionName: 'g' }, 'ValidationError', /roleSessionName/],
    [
      'session name of 65 characters',
      { RoleSessionName: 'a'.repeat(65) },
      'ValidationError',
      /roleSessionName/,
    ],
    [
      '11 policy ARNs',
      { PolicyArns: policyArns(11) },
      'ValidationError',
      /policyArns.*less than or equal to 10/,
    ],
    [
      'policy not JSON',
      { Policy: '{"Statement": [' },
      'MalformedPolicyDocumentException',
      /not in the valid JSON format/,
    ],
    [
      'policy over 2048 characters',
      {
        Policy: JSON.stringify({
          Statement: [
            { Effect: 'Allow', Action: '*', Resource: `arn:aws:s3:::${'a'.repeat(2040)}` },
          ],
        }),
      },
      'MalformedPolicyDocumentException',
      /2048/,
    ],
    [
      'policy without Effect',
      { Policy: '{"Statement":[{"Action":"*","Resource":"*"}]}' },
      'MalformedPolicyDocumentException',
      /Effect/,
    ],
    [
      'unknown managed policy',
      { PolicyArns: [{ arn: `arn:aws:iam::${ACCOUNT}:policy/nope` }] },
      'MalformedPolicyDocumentException',
      /policy\/nope/,
    ],
    [
      'unknown role',
      { RoleArn: `arn:aws:iam::${ACCOUNT}:role/nobody` },
      'AccessDenied',
      /^Not authorized to perform sts:AssumeRoleWithWebIdentity$/,
    ],
  ];
  it.each(cases)('%s → %s', async (_label, input, name, message) => {
    const err = await failure(assume(env, input as never));
    expect(err.name).toBe(name);
    expect(err.message).toMatch(message);
    expect(err.status).toBe(name === 'AccessDenied' ? 403 : 400);
  });

  it('accepts the limits themselves: 900 s, 64-character names, 10 policy ARNs, a 2048-character policy', async () => {
    await assume(env, { DurationSeconds: 900, RoleSessionName: 'a'.repeat(64) });
    await assume(env, { RoleArn: READER_ROLE, DurationSeconds: 7200, RoleSessionName: 'ok' });
    const arn = `arn:aws:iam::${ACCOUNT}:policy/ro`;
    await assume(env, { PolicyArns: Array.from({ length: 10 }, () => ({ arn })) });
    const base = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '' }] });
    const Policy = JSON.stringify({
      Statement: [{ Effect: 'Allow', Action: '*', Resource: 'a'.repeat(2048 - base.length) }],
    });
    expect(Policy).toHaveLength(2048);
    await assume(env, { Policy });
  });

  it('refuses a session policy that packs too large (PackedPolicyTooLarge), below the 2048-character limit', async () => {
    // Random resource names do not compress: 40 of 32 random characters still fit in 2048.
    const resources = Array.from(
      { length: 40 },
      () => `arn:aws:s3:::${randomBytes(24).toString('base64url')}`,
    );
    const Policy = JSON.stringify({
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: resources }],
    });
    expect(Policy.length).toBeLessThanOrEqual(2048);
    const err = await failure(assume(env, { Policy }));
    expect(err).toMatchObject({ name: 'PackedPolicyTooLargeException', status: 400 });
    expect(err.message).toMatch(/^Packed policy consumes \d+% of allotted space/);
  });
});

describe('web identity token verification', () => {
  async function withToken(token: string, input: Record<string, unknown> = {}) {
    return failure(
      sts(env).send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: DEPLOY_ROLE,
          RoleSessionName: 's1',
          WebIdentityToken: token,
          ...input,
        }),
      ),
    );
  }

  it('refuses a token signed by another key under the real kid', async () => {
    const err = await withToken(await env.oidc.mint({}, { audience: AUDIENCE, key: 'forged' }));
    expect(err).toMatchObject({ name: 'InvalidIdentityTokenException', status: 400 });
  });

  it('refuses an unsigned (alg none) token', async () => {
    const err = await withToken(await env.oidc.mint({}, { audience: AUDIENCE, alg: 'none' }));
    expect(err.name).toBe('InvalidIdentityTokenException');
  });

  it('refuses a token from another issuer, naming it', async () => {
    const err = await withToken(
      await env.oidc.mint(
        { iss: 'https://token.actions.githubusercontent.com' },
        { audience: AUDIENCE },
      ),
    );
    expect(err.name).toBe('InvalidIdentityTokenException');
    expect(err.message).toContain(
      'No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com',
    );
  });

  it('refuses something that is not a JWT', async () => {
    expect((await withToken('not-a-jwt')).name).toBe('InvalidIdentityTokenException');
  });

  it('reads exp against the emulator clock: ExpiredTokenException once it passes', async () => {
    const token = await env.oidc.mint({}, { audience: AUDIENCE });
    env.clock.advance(301);
    const err = await withToken(token);
    expect(err).toMatchObject({ name: 'ExpiredTokenException', status: 400 });
    expect(err.message).toMatch(
      /^Token expired: current date\/time \d+ must be before the expiration date\/time\d+$/,
    );
  });

  it('refuses a token used before its nbf', async () => {
    const token = await env.oidc.mint(
      { nbf: env.clock.nowSeconds() + 120 },
      { audience: AUDIENCE },
    );
    expect((await withToken(token)).name).toBe('InvalidIdentityTokenException');
  });

  it.each([
    ['wrong aud', { aud: 'https://github.com/acme' }],
    ['sub of another repository', { sub: 'repo:evil/site:ref:refs/heads/main' }],
    ['sub that only shares a prefix', { sub: 'repo:acme/site-fork:ref:refs/heads/main' }],
  ])('AccessDenied for %s', async (_label, claims) => {
    const token = await env.oidc.mint(claims, { audience: AUDIENCE });
    const err = await withToken(token);
    expect(err).toMatchObject({
      name: 'AccessDenied',
      status: 403,
      message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    });
  });

  it('accepts a token whose aud list contains the trusted audience', async () => {
    const token = await env.oidc.mint({ aud: ['other', AUDIENCE] });
    const out = await sts(env).send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: DEPLOY_ROLE,
        RoleSessionName: 's1',
        WebIdentityToken: token,
      }),
    );
    expect(out.Audience).toBe(AUDIENCE);
  });

  it('answers IDPCommunicationError when the issuer cannot be reached', async () => {
    const lonely = await startAwsEmulator({
      clock: env.clock,
      issuer: 'http://127.0.0.1:9',
      roles: {},
    });
    try {
      // The lonely emulator trusts an issuer nobody listens on; the token claims that issuer.
      const own = await env.oidc.mint({ iss: 'http://127.0.0.1:9' }, { audience: AUDIENCE });
      const err = await failure(
        new STSClient({ endpoint: lonely.url, region: 'us-east-1', maxAttempts: 1 }).send(
          new AssumeRoleWithWebIdentityCommand({
            RoleArn: DEPLOY_ROLE,
            RoleSessionName: 's1',
            WebIdentityToken: own,
          }),
        ),
      );
      expect(err).toMatchObject({ name: 'IDPCommunicationErrorException', status: 400 });
    } finally {
      await lonely.close();
    }
  });
});

describe('trust conditions on sub (StringLike, any of)', () => {
  const cases: [string | string[], string, boolean][] = [
    ['repo:acme/site:*', 'repo:acme/site:ref:refs/heads/main', true],
    ['repo:acme/site:*', 'repo:acme/site:pull_request', true],
    ['repo:acme/site:ref:refs/heads/main', 'repo:acme/site:ref:refs/heads/main2', false],
    ['repo:acme/site:ref:refs/heads/v?', 'repo:acme/site:ref:refs/heads/v1', true],
    ['repo:acme/site:ref:refs/heads/v?', 'repo:acme/site:ref:refs/heads/v10', false],
    ['repo:acme/*:environment:prod', 'repo:acme/api:environment:prod', true],
    ['repo:acme/*:environment:prod', 'repo:acme/api:environment:staging', false],
    [['repo:acme/a:*', 'repo:acme/b:*'], 'repo:acme/b:pull_request', true],
    ['REPO:acme/site:*', 'repo:acme/site:pull_request', false],
  ];
  it.each(cases)('%j vs %s → %s', async (pattern, sub, allowed) => {
    const role = `arn:aws:iam::${ACCOUNT}:role/table`;
    const aws = await startAwsEmulator({
      clock: env.clock,
      issuer: env.oidc.issuer,
      roles: { [role]: { trust: { aud: AUDIENCE, sub: pattern } } },
    });
    try {
      const token = await env.oidc.mint({ sub }, { audience: AUDIENCE });
      const call = new STSClient({ endpoint: aws.url, region: 'us-east-1', maxAttempts: 1 }).send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: role,
          RoleSessionName: 'table',
          WebIdentityToken: token,
        }),
      );
      if (allowed) await expect(call).resolves.toBeTruthy();
      else expect((await failure(call)).name).toBe('AccessDenied');
    } finally {
      await aws.close();
    }
  });

  it('applies further claim conditions (e.g. job_workflow_ref)', async () => {
    const role = `arn:aws:iam::${ACCOUNT}:role/wf`;
    const aws = await startAwsEmulator({
      clock: env.clock,
      issuer: env.oidc.issuer,
      roles: {
        [role]: {
          trust: {
            aud: AUDIENCE,
            sub: '*',
            claims: { job_workflow_ref: 'acme/infra/.github/workflows/deploy.yml@*' },
          },
        },
      },
    });
    try {
      const send = async (ref: string) =>
        new STSClient({ endpoint: aws.url, region: 'us-east-1', maxAttempts: 1 }).send(
          new AssumeRoleWithWebIdentityCommand({
            RoleArn: role,
            RoleSessionName: 'wf',
            WebIdentityToken: await env.oidc.mint(
              { job_workflow_ref: ref },
              { audience: AUDIENCE },
            ),
          }),
        );
      await expect(
        send('acme/infra/.github/workflows/deploy.yml@refs/heads/main'),
      ).resolves.toBeTruthy();
      expect((await failure(send('acme/site/.github/workflows/ci.yml@refs/heads/main'))).name).toBe(
        'AccessDenied',
      );
    } finally {
      await aws.close();
    }
  });
});

describe('GetCallerIdentity', () => {
  it('returns the session identity for signed calls', async () => {
    const { out, credentials } = await assume(env, { RoleSessionName: 'who' });
    const id = await sts(env, credentials).send(new GetCallerIdentityCommand({}));
    expect(id).toMatchObject({
      UserId: out.AssumedRoleUser!.AssumedRoleId,
      Account: ACCOUNT,
      Arn: out.AssumedRoleUser!.Arn,
    });
  });

  it('refuses an unknown key, a wrong session token and a wrong secret', async () => {
    const { credentials } = await assume(env);
    const unknown = await failure(
      sts(env, { ...credentials, accessKeyId: 'ASIAAAAAAAAAAAAAAAAA' }).send(
        new GetCallerIdentityCommand({}),
      ),
    );
    expect(unknown).toMatchObject({ name: 'InvalidClientTokenId', status: 403 });
    const token = await failure(
      sts(env, { ...credentials, sessionToken: 'x' }).send(new GetCallerIdentityCommand({})),
    );
    expect(token).toMatchObject({ name: 'InvalidClientTokenId', status: 403 });
    const secret = await failure(
      sts(env, { ...credentials, secretAccessKey: 'y'.repeat(40) }).send(
        new GetCallerIdentityCommand({}),
      ),
    );
    expect(secret).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
  });

  it('refuses the session after its Expiration by the emulator clock', async () => {
    const { credentials } = await assume(env, { DurationSeconds: 900 });
    env.clock.advance(900);
    const err = await failure(sts(env, credentials).send(new GetCallerIdentityCommand({})));
    expect(err).toMatchObject({ name: 'ExpiredToken', status: 403 });
  });

  it('refuses an unsigned call', async () => {
    const res = await fetch(env.aws.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Code>MissingAuthenticationToken</Code>');
  });
});

describe('wire format', () => {
  async function post(body: Record<string, string>) {
    const res = await fetch(env.aws.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: new URLSearchParams({ Version: '2011-06-15', ...body }).toString(),
    });
    return {
      status: res.status,
      text: await res.text(),
      requestId: res.headers.get('x-amzn-requestid'),
    };
  }

  it.each([
    [
      'InvalidIdentityToken',
      async () => ({
        WebIdentityToken: await env.oidc.mint({}, { audience: AUDIENCE, key: 'forged' }),
      }),
    ],
    ['MalformedPolicyDocument', async () => ({ WebIdentityToken: 'x', Policy: 'nope' })],
    [
      'ExpiredTokenException',
      async () => ({
        WebIdentityToken: await env.oidc.mint({}, { audience: AUDIENCE, expiresIn: -1 }),
      }),
    ],
    ['ValidationError', async () => ({ WebIdentityToken: 'x', DurationSeconds: '60' })],
  ])('answers %s in the STS ErrorResponse shape', async (code, extra) => {
    const r = await post({
      Action: 'AssumeRoleWithWebIdentity',
      RoleArn: DEPLOY_ROLE,
      RoleSessionName: 'wire',
      ...(await extra()),
    });
    expect(r.status).toBe(400);
    expect(r.text).toMatch(
      new RegExp(
        `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>[^<]+</Message></Error><RequestId>${r.requestId}</RequestId></ErrorResponse>$`,
      ),
    );
  });

  it('answers success with the documented element names', async () => {
    const token = await env.oidc.mint({}, { audience: AUDIENCE });
    const r = await post({
      Action: 'AssumeRoleWithWebIdentity',
      RoleArn: DEPLOY_ROLE,
      RoleSessionName: 'wire',
      WebIdentityToken: token,
    });
    expect(r.status).toBe(200);
    for (const el of [
      'AssumeRoleWithWebIdentityResult',
      'Credentials',
      'AccessKeyId',
      'SecretAccessKey',
      'SessionToken',
      'Expiration',
      'SubjectFromWebIdentityToken',
      'AssumedRoleUser',
      'AssumedRoleId',
      'Arn',
      'Provider',
      'Audience',
      'ResponseMetadata',
      'RequestId',
    ]) {
      expect(r.text).toContain(`<${el}>`);
    }
    expect(r.text).toMatch(/<Expiration>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/Expiration>/);
  });

  it('answers an unknown action with InvalidAction', async () => {
    const r = await post({ Action: 'AssumeRole' });
    expect(r.status).toBe(403); // unsigned: authentication is checked before the action
    const signedOnly = await post({ Action: 'AssumeRoleWithWebIdentity' });
    expect(signedOnly.text).toContain('<Code>ValidationError</Code>');
  });
});
