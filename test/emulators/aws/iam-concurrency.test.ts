/**
 * The IAM calls a busy organisation's revokers make at once: listing, deleting, the budget
 * shared by many inline policies, and holds that line up concurrent readers and writers so
 * that a lost update is shown, not hoped for.
 */
import {
  DeleteRolePolicyCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListRolePoliciesCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT, assume, AUDIENCE, DEPLOY_ROLE, failure, startEnv, type Env } from './fixture.ts';
import { iamPolicySize, ROLE_INLINE_POLICY_LIMIT } from './iam.ts';

const REVOKER = `arn:aws:iam::${ACCOUNT}:role/revoker`;
const READER = `arn:aws:iam::${ACCOUNT}:role/policy-reader`;

let env: Env | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
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
            Action: [
              'iam:GetRolePolicy',
              'iam:PutRolePolicy',
              'iam:ListRolePolicies',
              'iam:DeleteRolePolicy',
            ],
            Resource: DEPLOY_ROLE,
          },
        ],
      },
      [READER]: {
        trust: { aud: AUDIENCE, sub: ['repo:acme/site:*'] },
        permissions: [{ Effect: 'Allow', Action: 'iam:GetRolePolicy', Resource: DEPLOY_ROLE }],
      },
    },
  });
  return env;
}

async function iamAs(e: Env, role: string): Promise<IAMClient> {
  const { credentials } = await assume(e, { RoleArn: role, RoleSessionName: 'revoker' });
  return new IAMClient({ endpoint: e.aws.url, region: 'us-east-1', maxAttempts: 1, credentials });
}

const deny = (userid: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { StringEquals: { 'aws:userid': userid } },
      },
    ],
  });

describe('AWS emulator: IAM under concurrency', () => {
  it('ListRolePolicies pages sorted names with an opaque Marker, and needs its permission', async () => {
    const e = await world();
    const client = await iamAs(e, REVOKER);
    const names = ['b', 'a', 'jit-revoke.aws-2', 'jit-revoke.aws-1', 'c'];
    for (const name of names) {
      await client.send(
        new PutRolePolicyCommand({
          RoleName: 'deploy',
          PolicyName: name,
          PolicyDocument: deny(name),
        }),
      );
    }
    const first = await client.send(
      new ListRolePoliciesCommand({ RoleName: 'deploy', MaxItems: 2 }),
    );
    expect(first).toMatchObject({ PolicyNames: ['a', 'b'], IsTruncated: true });
    const second = await client.send(
      new ListRolePoliciesCommand({ RoleName: 'deploy', MaxItems: 2, Marker: first.Marker }),
    );
    expect(second).toMatchObject({ PolicyNames: ['c', 'jit-revoke.aws-1'], IsTruncated: true });
    const last = await client.send(
      new ListRolePoliciesCommand({ RoleName: 'deploy', Marker: second.Marker }),
    );
    expect(last.PolicyNames).toEqual(['jit-revoke.aws-2']);
    expect(last.IsTruncated).toBe(false);
    expect(last.Marker).toBeUndefined();
    expect(
      await failure(client.send(new ListRolePoliciesCommand({ RoleName: 'deploy', MaxItems: 0 }))),
    ).toMatchObject({ name: 'ValidationError', status: 400 });

    const reader = await iamAs(e, READER);
    const refused = await failure(reader.send(new ListRolePoliciesCommand({ RoleName: 'deploy' })));
    expect(refused).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(refused.message).toMatch(/not authorized to perform: iam:ListRolePolicies on resource/);
    const empty = await client
      .send(new ListRolePoliciesCommand({ RoleName: 'jit-nothing' }))
      .catch((err: Error) => err.name);
    expect(empty).toBe('NoSuchEntityException');
  });

  it('DeleteRolePolicy removes one named policy, NoSuchEntity the second time', async () => {
    const e = await world();
    const client = await iamAs(e, REVOKER);
    for (const name of ['keep', 'drop']) {
      await client.send(
        new PutRolePolicyCommand({
          RoleName: 'deploy',
          PolicyName: name,
          PolicyDocument: deny(name),
        }),
      );
    }
    await client.send(new DeleteRolePolicyCommand({ RoleName: 'deploy', PolicyName: 'drop' }));
    expect(e.aws.getRolePolicy(DEPLOY_ROLE, 'drop')).toBeUndefined();
    expect(e.aws.getRolePolicy(DEPLOY_ROLE, 'keep')).toBe(deny('keep'));
    expect(
      await failure(
        client.send(new DeleteRolePolicyCommand({ RoleName: 'deploy', PolicyName: 'drop' })),
      ),
    ).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
  });

  it('the 10,240 characters are shared by all inline policies of the role, not counted per policy', async () => {
    const e = await world();
    const client = await iamAs(e, REVOKER);
    const size = iamPolicySize(deny('AROAEXAMPLEEXAMPLE:s-00'));
    const fits = Math.floor(ROLE_INLINE_POLICY_LIMIT / size);
    for (let i = 0; i < fits; i++) {
      const name = `s-${String(i).padStart(2, '0')}`;
      await client.send(
        new PutRolePolicyCommand({
          RoleName: 'deploy',
          PolicyName: name,
          PolicyDocument: deny(`AROAEXAMPLEEXAMPLE:${name}`),
        }),
      );
    }
    const over = await failure(
      client.send(
        new PutRolePolicyCommand({
          RoleName: 'deploy',
          PolicyName: 'one-more',
          PolicyDocument: deny('AROAEXAMPLEEXAMPLE:s-99'),
        }),
      ),
    );
    expect(over).toMatchObject({ name: 'LimitExceededException', status: 409 });
    expect(over.message).toBe('Maximum policy size of 10240 bytes exceeded for role deploy');
    // Replacing a policy counts its new size, not both.
    await client.send(
      new PutRolePolicyCommand({
        RoleName: 'deploy',
        PolicyName: 's-00',
        PolicyDocument: deny('AROAEXAMPLEEXAMPLE:s-00'),
      }),
    );
    await client.send(new DeleteRolePolicyCommand({ RoleName: 'deploy', PolicyName: 's-01' }));
    await client.send(
      new PutRolePolicyCommand({
        RoleName: 'deploy',
        PolicyName: 'one-more',
        PolicyDocument: deny('AROAEXAMPLEEXAMPLE:s-99'),
      }),
    );
  });

  it('a hold lines up eight readers before any writer: a read-modify-write of one policy provably loses seven entries', async () => {
    const e = await world();
    const clients = await Promise.all(Array.from({ length: 8 }, () => iamAs(e, REVOKER)));
    const hold = e.aws.holdIam('GetRolePolicy', 8);
    const target = { RoleName: 'deploy', PolicyName: 'shared' };
    const readModifyWrite = async (client: IAMClient, i: number) => {
      const current = await client
        .send(new GetRolePolicyCommand(target))
        .then((r) => JSON.parse(decodeURIComponent(r.PolicyDocument!)) as { Statement: unknown[] })
        .catch(() => ({ Statement: [] as unknown[] }));
      const doc = {
        Version: '2012-10-17',
        Statement: [
          ...current.Statement,
          { ...JSON.parse(deny(`AROAEXAMPLEEXAMPLE:${i}`)).Statement[0], Sid: `S${i}` },
        ],
      };
      await client.send(
        new PutRolePolicyCommand({ ...target, PolicyDocument: JSON.stringify(doc) }),
      );
    };
    await Promise.all(clients.map((c, i) => readModifyWrite(c, i)));
    await hold.released;
    expect(hold.waiting).toBe(0);
    const final = JSON.parse(e.aws.getRolePolicy(DEPLOY_ROLE, 'shared')!) as {
      Statement: unknown[];
    };
    expect(final.Statement).toHaveLength(1);
    // Every reader was answered with the empty role, and every answer left after the eighth read.
    const reads = e.aws.requests.filter((r) => r.action === 'GetRolePolicy');
    expect(reads.map((r) => r.code)).toEqual(Array(8).fill('NoSuchEntity'));
  });

  it('a hold answers each call as the role was on arrival, and passes later calls once spent', async () => {
    const e = await world();
    const client = await iamAs(e, REVOKER);
    const hold = e.aws.holdIam('PutRolePolicy', 2);
    const put = (name: string) =>
      client.send(
        new PutRolePolicyCommand({
          RoleName: 'deploy',
          PolicyName: name,
          PolicyDocument: deny(name),
        }),
      );
    let firstDone = false;
    const first = put('one').then(() => (firstDone = true));
    // The write is in place while its answer is held.
    await until(() => e.aws.getRolePolicy(DEPLOY_ROLE, 'one') !== undefined);
    expect(hold.waiting).toBe(1);
    expect(firstDone).toBe(false);
    await put('two');
    await first;
    await put('three'); // passes: the hold is spent
    expect(hold.waiting).toBe(0);
  });
});

/** Polls a condition the emulator's own event loop makes true; bounded by the test's timeout. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setImmediate(r));
}
