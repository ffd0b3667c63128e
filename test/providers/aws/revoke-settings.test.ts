import { describe, expect, it } from 'vitest';
import { readCommonSettings } from '../../../src/grant/settings.ts';
import { awsProvider } from '../../../src/providers/aws/index.ts';
import { parseAwsSettings } from '../../../src/providers/aws/settings.ts';
import { Inputs } from '../../../src/runner/inputs.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordingLogger } from '../../../src/runner/logger.ts';

const ROLE = 'arn:aws:iam::123456789012:role/deploy';
const REVOKER = 'arn:aws:iam::123456789012:role/jit-revoker';
const parse = (values: Record<string, string>, env: NodeJS.ProcessEnv = {}) => {
  const inputs = new Inputs({
    input: (n) =>
      ({ provider: 'aws', run: 'true', role: ROLE, region: 'eu-west-1', ...values })[n] ?? '',
  });
  return parseAwsSettings(inputs, readCommonSettings(inputs, env), env);
};

describe('AWS revoke-role input', () => {
  it('is optional, and read when given', () => {
    expect(parse({}).revokeRole).toBeUndefined();
    expect(parse({ 'revoke-role': `  ${REVOKER}\n` }).revokeRole).toBe(REVOKER);
    expect(
      parse({ 'revoke-role': 'arn:aws:iam::123456789012:role/ops/jit-revoker' }).revokeRole,
    ).toMatch(/ops\/jit-revoker$/);
  });

  it.each([
    ['jit-revoker', /Invalid revoke-role 'jit-revoker'. Expected an IAM role ARN/],
    ['arn:aws:iam::123456789012:user/revoker', /Invalid revoke-role/],
    ['AROAEXAMPLEID', /Invalid revoke-role/],
    [
      ROLE,
      /revoke-role '.*deploy' is the role itself. Use a separate revoker role that may call iam:PutRolePolicy/,
    ],
    [
      'arn:aws:iam::210987654321:role/jit-revoker',
      /is in account 210987654321, the role in 123456789012.*same account/,
    ],
  ])('refuses %s before any call', (value, message) => {
    expect(() => parse({ 'revoke-role': value })).toThrow(message);
  });

  it('checks the IAM endpoint only when revocation will use it', () => {
    expect(() => parse({}, { AWS_ENDPOINT_URL_IAM: 'localhost:1' })).not.toThrow();
    expect(() =>
      parse({ 'revoke-role': REVOKER }, { AWS_ENDPOINT_URL_IAM: 'localhost:1' }),
    ).toThrow(/Invalid IAM endpoint 'localhost:1' in AWS_ENDPOINT_URL_IAM\/AWS_ENDPOINT_URL/);
  });

  it('outputs mode writes the credentials file (for the close-time probe) only with a revoker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jit-revoke-'));
    try {
      const credential = {
        principal: ROLE,
        expiresAt: new Date(),
        accessKeyId: 'ASIAEXAMPLE',
        secretAccessKey: 'secret',
        sessionToken: 'token',
        secrets: ['ASIAEXAMPLE', 'secret', 'token'],
        scope: 'role',
        facts: {},
        notes: [],
      };
      const ctx = { log: new RecordingLogger(), mode: 'outputs' as const, dir, run: undefined };
      const plain = await awsProvider.deliver(
        { settings: parse({ run: '', export: 'outputs' }), request: {} as never },
        credential,
        ctx,
      );
      expect(plain.files).toEqual([]);
      const withRevoker = await awsProvider.deliver(
        {
          settings: parse({ run: '', export: 'outputs', 'revoke-role': REVOKER }),
          request: {} as never,
        },
        credential,
        ctx,
      );
      expect(withRevoker.files.map((f) => f.path)).toEqual([join(dir, 'credentials')]);
      expect(withRevoker.env).toEqual({});
      expect(Object.keys(withRevoker.outputs)).toHaveLength(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the endpoints on a close handle', () => {
  const handle = (revoke: Record<string, unknown>) => ({
    stsExpiration: '2026-12-01T10:00:00.000Z',
    enforcedEnd: null,
    revoke: {
      roleArn: ROLE,
      revokeRole: REVOKER,
      assumedRoleId: 'AROAEXAMPLEID1234:gh.aws-1',
      audience: 'sts.amazonaws.com',
      region: 'eu-west-1',
      ...revoke,
    },
  });
  it('are the ones the grant was issued through, recorded with it', () => {
    const s = parse(
      { 'revoke-role': REVOKER },
      { AWS_ENDPOINT_URL_STS: 'https://sts.example.test', AWS_ENDPOINT_URL_IAM: 'http://[::1]:9' },
    );
    expect([s.endpoint, s.iamEndpoint]).toEqual(['https://sts.example.test', 'http://[::1]:9']);
    const read = awsProvider.readHandle(
      handle({ stsEndpoint: 'https://sts.example.test', iamEndpoint: 'http://[::1]:9' }),
    );
    expect(read.revoke).toMatchObject({
      stsEndpoint: 'https://sts.example.test',
      iamEndpoint: 'http://[::1]:9',
    });
    expect(awsProvider.readHandle(handle({})).revoke).not.toHaveProperty('stsEndpoint');
    expect(awsProvider.readHandle(handle({ fips: true })).revoke).toMatchObject({ fips: true });
  });
  it.each([
    ['stsEndpoint', 'http://sts.example.test'],
    ['iamEndpoint', 'file:///etc/passwd'],
    ['stsEndpoint', 42],
    ['fips', 'yes'],
    ['dualStack', false],
  ])('a ledger line naming %s %j is refused, as the variable would be', (key, value) => {
    expect(() => awsProvider.readHandle(handle({ [key]: value }))).toThrow(
      new RegExp(`close handle's '${key}'`),
    );
  });
});
