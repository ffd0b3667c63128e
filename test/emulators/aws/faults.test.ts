import { ListBucketsCommand } from '@aws-sdk/client-s3';
import {
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assume, AUDIENCE, DEPLOY_ROLE, failure, s3, startEnv, sts, type Env } from './fixture.ts';

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => env.close());
beforeEach(() => {
  env.aws.faults.clear();
  env.clock.set(new Date());
});

async function assumeWith(client: STSClient) {
  const token = await env.oidc.mint({}, { audience: AUDIENCE });
  return client.send(
    new AssumeRoleWithWebIdentityCommand({
      RoleArn: DEPLOY_ROLE,
      RoleSessionName: 'faulty',
      WebIdentityToken: token,
    }),
  );
}

describe('STS faults', () => {
  it('throttle: the next N calls get 400 Throttling "Rate exceeded", then service resumes', async () => {
    env.aws.faults.add('throttle', 2);
    const issuedBefore = env.aws.issued.length;
    for (let i = 0; i < 2; i++) {
      expect(await failure(assumeWith(sts(env)))).toEqual({
        name: 'Throttling',
        message: 'Rate exceeded',
        status: 400,
      });
    }
    expect(env.aws.faults.pending).toBe(0);
    await expect(assumeWith(sts(env))).resolves.toBeTruthy();
    expect(env.aws.issued.length).toBe(issuedBefore + 1);
    expect(env.aws.requests.slice(-3).map((r) => [r.action, r.fault, r.status])).toEqual([
      ['AssumeRoleWithWebIdentity', 'throttle', 400],
      ['AssumeRoleWithWebIdentity', 'throttle', 400],
      ['AssumeRoleWithWebIdentity', undefined, 200],
    ]);
  });

  it('throttle is retried by an SDK left to its own retries', async () => {
    env.aws.faults.add('throttle', 1);
    const before = env.aws.requests.length;
    await expect(
      assumeWith(new STSClient({ endpoint: env.aws.url, region: 'us-east-1', maxAttempts: 2 })),
    ).resolves.toBeTruthy();
    expect(env.aws.requests.length - before).toBe(2);
  });

  it('status500: InternalFailure with HTTP 500, a server fault', async () => {
    env.aws.faults.add('status500');
    try {
      await assumeWith(sts(env));
      expect.unreachable();
    } catch (err) {
      const e = err as { name: string; $fault: string; $metadata: { httpStatusCode: number } };
      expect([e.name, e.$fault, e.$metadata.httpStatusCode]).toEqual([
        'InternalFailure',
        'server',
        500,
      ]);
    }
  });

  it('hang: no answer, so the client times out; close() still ends it', async () => {
    env.aws.faults.add('hang');
    // This @smithy/node-http-handler only warns on requestTimeout unless told to throw.
    const client = new STSClient({
      endpoint: env.aws.url,
      region: 'us-east-1',
      maxAttempts: 1,
      requestHandler: { requestTimeout: 300, throwOnRequestTimeout: true },
    });
    const started = Date.now();
    const err = await failure(assumeWith(client));
    expect(err.name).toBe('TimeoutError');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(env.aws.requests.at(-1)).toMatchObject({ fault: 'hang', status: 0 });
  });

  it('reset: the connection is cut without an answer', async () => {
    env.aws.faults.add('reset');
    const err = await failure(assumeWith(sts(env)));
    expect(`${err.name} ${err.message}`).toMatch(/ECONNRESET|socket hang up/);
    expect(err.status).toBeUndefined();
  });

  it('malformed: a 200 whose XML is cut off is a deserialisation error, not credentials', async () => {
    env.aws.faults.add('malformed');
    const issuedBefore = env.aws.issued.length;
    const err = await failure(assumeWith(sts(env)));
    expect(err.status).toBe(200);
    // This SDK says "@aws-sdk XML parse error: missing closing tag </AccessKeyId>." (name Error).
    expect(err.message).toMatch(
      /XML parse error|Deserialization error|Unexpected end|not expected/i,
    );
    expect(env.aws.issued.length).toBe(issuedBefore);
  });

  it('applies to signed STS calls too, and not to S3 unless aimed there', async () => {
    const { credentials } = await assume(env);
    env.aws.faults.add('status500', 1);
    await expect(s3(env, credentials).send(new ListBucketsCommand({}))).resolves.toBeTruthy();
    expect((await failure(sts(env, credentials).send(new GetCallerIdentityCommand({})))).name).toBe(
      'InternalFailure',
    );

    env.aws.faults.add('throttle', 1, 's3');
    await expect(
      sts(env, credentials).send(new GetCallerIdentityCommand({})),
    ).resolves.toBeTruthy();
    expect(await failure(s3(env, credentials).send(new ListBucketsCommand({})))).toMatchObject({
      name: 'SlowDown',
      status: 503,
    });
  });

  it('refuses an unknown fault kind', () => {
    expect(() => env.aws.faults.add('explode' as never)).toThrow(
      /Unknown AWS emulator fault 'explode'/,
    );
  });
});
