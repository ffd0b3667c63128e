import { describe, expect, it } from 'vitest';
import { readCommonSettings } from '../../../src/grant/settings.ts';
import { parseAwsSettings } from '../../../src/providers/aws/settings.ts';
import {
  buildSessionPolicy,
  MAX_SESSION_POLICY_CHARS,
} from '../../../src/providers/aws/session-policy.ts';
import { Inputs } from '../../../src/runner/inputs.ts';

const ROLE = 'arn:aws:iam::123456789012:role/deploy';
const parse = (values: Record<string, string>, env: NodeJS.ProcessEnv = {}) => {
  const inputs = new Inputs({
    input: (n) => ({ provider: 'aws', run: 'true', ...values })[n] ?? '',
  });
  return parseAwsSettings(inputs, readCommonSettings(inputs, env), env);
};

describe('AWS settings', () => {
  it('reads a complete request', () => {
    const s = parse({
      role: ROLE,
      region: 'eu-west-1',
      duration: '5m',
      'managed-policies': 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    });
    expect(s).toMatchObject({
      role: ROLE,
      region: 'eu-west-1',
      duration: 300,
      stsDuration: 900,
      needsWindow: true,
      audience: 'sts.amazonaws.com',
    });
    expect(s.managedPolicies).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
  });
  it('takes the region and endpoint from the environment', () => {
    const s = parse(
      { role: ROLE },
      { AWS_REGION: 'us-east-2', AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:9' },
    );
    expect(s.region).toBe('us-east-2');
    expect(s.endpoint).toBe('http://127.0.0.1:9');
    expect(s.stsDuration).toBe(900);
    expect(s.needsWindow).toBe(false);
  });
  it('takes FIPS and dual-stack endpoints from their variables only, as the SDK spells them', () => {
    expect(parse({ role: ROLE, region: 'eu-west-1' }).variant).toEqual({
      fips: false,
      dualStack: false,
    });
    const s = parse(
      { role: ROLE, region: 'eu-west-1' },
      { AWS_USE_FIPS_ENDPOINT: 'true', AWS_USE_DUALSTACK_ENDPOINT: 'false' },
    );
    expect(s.variant).toEqual({ fips: true, dualStack: false });
    expect(() =>
      parse({ role: ROLE, region: 'eu-west-1' }, { AWS_USE_FIPS_ENDPOINT: 'yes' }),
    ).toThrow("Invalid AWS_USE_FIPS_ENDPOINT 'yes': expected true or false.");
  });
  it.each([
    [{}, /Input 'role' is required/],
    [{ role: 'deploy' }, /Invalid role 'deploy'. Expected an IAM role ARN/],
    [{ role: 'arn:aws:iam::12345:role/x' }, /Invalid role/],
    [{ role: 'arn:aws:iam::123456789012:user/x' }, /Invalid role/],
    [{ role: ROLE }, /Input 'region' is required/],
    [{ role: ROLE, region: 'Europe' }, /Invalid region 'Europe'/],
    [{ role: ROLE, region: 'eu-west-1', duration: '30s' }, /Invalid duration '30s' for AWS/],
    [{ role: ROLE, region: 'eu-west-1', duration: '13h' }, /Invalid duration '13h' for AWS/],
    [{ role: ROLE, region: 'eu-west-1', 'session-policy': '{"Statement": [' }, /not valid JSON/],
    [{ role: ROLE, region: 'eu-west-1', 'session-policy': '[]' }, /must be a JSON object/],
    [
      { role: ROLE, region: 'eu-west-1', 'session-policy': '{"Version":"2012-10-17"}' },
      /no "Statement"/,
    ],
    [
      { role: ROLE, region: 'eu-west-1', 'session-policy': '{"Statement":[{"Effect":"allow"}]}' },
      /statement 1 has Effect "allow"/,
    ],
    [
      { role: ROLE, region: 'eu-west-1', 'managed-policies': 'ReadOnlyAccess' },
      /Invalid managed policy ARN 'ReadOnlyAccess'/,
    ],
    [
      {
        role: ROLE,
        region: 'eu-west-1',
        'managed-policies': Array.from(
          { length: 11 },
          (_, i) => `arn:aws:iam::aws:policy/P${i}`,
        ).join('\n'),
      },
      /lists 11 ARNs; STS accepts at most 10/,
    ],
  ])('refuses %j', (values, message) => {
    expect(() => parse(values as Record<string, string>)).toThrow(message);
  });
  it('refuses an endpoint that is not a URL', () => {
    expect(() =>
      parse({ role: ROLE, region: 'eu-west-1' }, { AWS_ENDPOINT_URL: 'localhost:4566' }),
    ).toThrow(/Invalid STS endpoint/);
  });

  it('checks the policy size with the time-limit statement included', () => {
    const statement = {
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/' + 'k'.repeat(50),
    };
    const policy = (n: number) =>
      JSON.stringify({ Version: '2012-10-17', Statement: Array(n).fill(statement) });
    let n = 1;
    while (policy(n + 1).length <= MAX_SESSION_POLICY_CHARS) n++;
    // Fits alone, but not with the window statement added for a short duration.
    expect(() =>
      parse({ role: ROLE, region: 'eu-west-1', 'session-policy': policy(n) }),
    ).not.toThrow();
    expect(() =>
      parse({ role: ROLE, region: 'eu-west-1', duration: '5m', 'session-policy': policy(n) }),
    ).toThrow(/characters with the time-limit statement added .* at most 2048/);
  });
});

describe('buildSessionPolicy', () => {
  const end = new Date('2026-11-23T18:42:07.000Z');
  it('adds an allow-all beside the window deny when the user gave no policy', () => {
    const doc = JSON.parse(buildSessionPolicy(undefined, end)!);
    expect(doc.Statement).toEqual([
      { Effect: 'Allow', Action: '*', Resource: '*' },
      {
        Sid: 'JitCredentialsWindow',
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { DateGreaterThan: { 'aws:CurrentTime': '2026-11-23T18:42:07.000Z' } },
      },
    ]);
  });
  it('keeps the user statements and appends the deny', () => {
    const user = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::site/*' }],
    };
    const doc = JSON.parse(buildSessionPolicy(user, end)!);
    expect(doc.Statement).toHaveLength(2);
    expect(doc.Statement[0]).toEqual(user.Statement[0]);
    expect(doc.Statement[1].Effect).toBe('Deny');
  });
  it('sends no policy at all when none is needed', () => {
    expect(buildSessionPolicy(undefined, undefined)).toBeUndefined();
  });
});
