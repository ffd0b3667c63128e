/**
 * allowed-account-ids, role chaining and the other inputs the configure-aws-credentials front
 * door needs, in process: settings as a table, then main and post against the STS emulator.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../../../src/entry/main.ts';
import { readCommonSettings } from '../../../src/grant/settings.ts';
import { parseAwsSettings } from '../../../src/providers/aws/settings.ts';
import { Inputs } from '../../../src/runner/inputs.ts';
import { startEnv, type Env } from '../../emulators/aws/fixture.ts';
import { FakeRunner } from '../../fakes/runner.ts';

const ROLE = 'arn:aws:iam::123456789012:role/deploy';
const SESSION = {
  AWS_ACCESS_KEY_ID: 'ASIAEXAMPLEEXAMPLE12',
  AWS_SECRET_ACCESS_KEY: 'secret/secret/secret',
  AWS_SESSION_TOKEN: 'token-token-token',
};
const parse = (values: Record<string, string>, env: NodeJS.ProcessEnv = {}) => {
  const inputs = new Inputs({
    input: (n) =>
      ({ provider: 'aws', run: 'true', role: ROLE, region: 'eu-west-1', ...values })[n] ?? '',
  });
  return parseAwsSettings(inputs, readCommonSettings(inputs, env), env);
};

describe('settings', () => {
  it('reads the new inputs', () => {
    const s = parse(
      {
        'allowed-account-ids': '111111111111, 123456789012',
        'role-chaining': 'true',
        'external-id': 'ext-42',
        'sts-endpoint': 'http://127.0.0.1:9',
        'retry-max-attempts': '5',
        duration: '1h',
      },
      { ...SESSION, AWS_ENDPOINT_URL_STS: 'https://elsewhere.example' },
    );
    expect(s.allowedAccountIds).toEqual(['111111111111', '123456789012']);
    expect(s.chain).toEqual({
      source: {
        accessKeyId: SESSION.AWS_ACCESS_KEY_ID,
        secretAccessKey: SESSION.AWS_SECRET_ACCESS_KEY,
        sessionToken: SESSION.AWS_SESSION_TOKEN,
      },
      externalId: 'ext-42',
    });
    expect(s.endpoint).toBe('http://127.0.0.1:9');
    expect(s.attempts).toBe(5);
  });

  it('defaults: no list, no chain, three attempts', () => {
    const s = parse({}, SESSION);
    expect(s).toMatchObject({ allowedAccountIds: [], chain: undefined, attempts: 3 });
  });

  it.each([
    [{ 'allowed-account-ids': '12345' }, {}, /Invalid account id '12345'/],
    [
      { 'allowed-account-ids': '111111111111' },
      {},
      /is in account 123456789012, which 'allowed-account-ids' does not list \(111111111111\)/,
    ],
    [{ 'external-id': 'x1' }, SESSION, /'external-id' is sent only with 'role-chaining: true'/],
    [{ 'role-chaining': 'true' }, {}, /AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set/],
    [
      { 'role-chaining': 'true' },
      { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'x' },
      /long-lived IAM user keys.*jit-credentials fix/s,
    ],
    [
      { 'role-chaining': 'true', duration: '2h' },
      SESSION,
      /limits a role session assumed with another session to 1h/,
    ],
    [{ 'role-chaining': 'true', 'external-id': 'a b' }, SESSION, /Invalid external-id/],
    [{ 'retry-max-attempts': '0' }, {}, /Invalid retry-max-attempts '0'/],
    [{ 'retry-max-attempts': '13' }, {}, /Invalid retry-max-attempts '13'/],
    [{ 'sts-endpoint': 'http://sts.example.com' }, {}, /Invalid sts-endpoint/],
    [{ 'role-chaining': 'yes' }, SESSION, /Invalid role-chaining 'yes'/],
  ])('%o with %o is refused', (values, env, message) => {
    expect(() => parse(values, env)).toThrow(message);
  });
});

describe('issuance', () => {
  const CHAINED = 'arn:aws:iam::123456789012:role/chained';
  const ODD = 'arn:aws:iam::222222222222:role/odd';
  let env: Env;
  let temp: string;
  /** The job's environment as later steps see it: what earlier steps exported. */
  const jobEnv: NodeJS.ProcessEnv = {};
  let steps = 0;

  beforeAll(async () => {
    const trust = { aud: 'sts.amazonaws.com', sub: ['repo:acme/site:*'] };
    env = await startEnv({
      accountId: '123456789012',
      roles: {
        [ROLE]: {
          trust,
          permissions: [
            { Effect: 'Allow', Action: ['s3:*', 'sts:GetCallerIdentity'], Resource: '*' },
            { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: CHAINED },
          ],
        },
        [CHAINED]: {
          trust: { aud: 'sts.amazonaws.com', sub: [], assumeRoleFrom: [ROLE] },
          permissions: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
        },
        [ODD]: { trust, permissions: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] },
      },
    });
    temp = mkdtempSync(join(tmpdir(), 'jit-chain-'));
    Object.assign(jobEnv, {
      RUNNER_TEMP: temp,
      GITHUB_WORKSPACE: temp,
      GITHUB_RUN_ID: '42',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/never-called',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token-0123456789',
      AWS_ENDPOINT_URL: env.aws.url,
      JIT_CREDENTIALS_HTTP_TIMEOUT_MS: '2000',
    });
  });
  afterAll(async () => {
    await env.close();
    rmSync(temp, { recursive: true, force: true });
  });

  async function main(inputs: Record<string, string>): Promise<FakeRunner> {
    const runner = new FakeRunner(
      {
        provider: 'aws',
        role: ROLE,
        region: 'eu-west-1',
        export: 'env',
        // No policy in this job's checkout, judged on a push: the cloud's trust policy decides.
        'policy-source': 'workspace',
        'oidc-issuer': env.oidc.issuer,
        ...inputs,
      },
      { ...jobEnv, GITHUB_ACTION: `step${++steps}` },
    );
    await runMain({
      runner,
      env: runner.environment,
      idToken: (audience) => env.oidc.mint({}, { audience }),
      now: () => env.clock.now(),
    });
    Object.assign(jobEnv, runner.exported);
    return runner;
  }

  it('chains from the session an earlier step exported, and records which one', async () => {
    const first = await main({});
    expect(first.failures).toEqual([]);
    const source = env.aws.issued.at(-1)!;
    const second = await main({ role: CHAINED, 'role-chaining': 'true' });
    expect(second.failures).toEqual([]);
    const chained = env.aws.issued.at(-1)!;
    expect(chained.roleArn).toBe(CHAINED);
    expect(chained.subject).toBe(source.arn);
    expect(second.exported['AWS_ACCESS_KEY_ID']).toBe(chained.accessKeyId);
    expect(second.summary).toContain(`Role chaining: assumed with the session ${source.arn}`);
  });

  it('drops a session STS returns outside allowed-account-ids before it is delivered', async () => {
    const runner = await main({ role: ODD, 'allowed-account-ids': '222222222222' });
    expect(runner.failures.join('\n')).toMatch(
      /returned a session in account 123456789012 .* does not allow/,
    );
    expect(runner.exported).toEqual({});
    expect(env.aws.issued.at(-1)!.roleArn).toBe(ODD);
  });
});
