/**
 * Endpoint overrides send the GitHub OIDC token somewhere other than the cloud: plain http is
 * accepted only on loopback for every cloud, refused before any request otherwise, and every
 * override in effect is returned by the settings so that it can be named (warning, record).
 */
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors.ts';
import { readCommonSettings } from '../../src/grant/settings.ts';
import { parseAwsSettings } from '../../src/providers/aws/settings.ts';
import { parseAzureSettings } from '../../src/providers/azure/settings.ts';
import { parseEndpoints } from '../../src/providers/gcp/settings.ts';
import { Inputs } from '../../src/runner/inputs.ts';

const ROLE = 'arn:aws:iam::123456789012:role/deploy';
const REVOKER = 'arn:aws:iam::123456789012:role/jit-revoker';
const inputs = (values: Record<string, string>) => new Inputs({ input: (n) => values[n] ?? '' });

const aws = (env: NodeJS.ProcessEnv, extra: Record<string, string> = {}) => {
  const i = inputs({ provider: 'aws', run: 'true', role: ROLE, region: 'eu-west-1', ...extra });
  return parseAwsSettings(i, readCommonSettings(i, env), env);
};
const azure = (env: NodeJS.ProcessEnv, extra: Record<string, string> = {}) => {
  const i = inputs({
    provider: 'azure',
    run: 'true',
    'client-id': '00000000-0000-0000-0000-00000000a2e0',
    'tenant-id': '11111111-1111-1111-1111-111111111111',
    scope: 'https://management.example.net/.default',
    'az-login': 'false',
    ...extra,
  });
  return parseAzureSettings(i, readCommonSettings(i, env), env);
};

describe('AWS endpoint overrides', () => {
  it('none: no override, the SDK picks the regional endpoint', () =>
    expect(aws({})).toMatchObject({ endpoint: undefined, overridden: [] }));

  it.each([
    'http://127.0.0.1:4566',
    'http://localhost:4566',
    'http://[::1]:4566',
    'http://127.3.0.1',
    'https://sts.corp.example',
  ])('accepts %s and names it', (url) =>
    expect(aws({ AWS_ENDPOINT_URL_STS: url })).toMatchObject({
      endpoint: url,
      overridden: [`AWS_ENDPOINT_URL_STS=${url}`],
    }),
  );

  it('the service variable wins over the general one, as in the SDK', () =>
    expect(
      aws({ AWS_ENDPOINT_URL: 'https://all.example', AWS_ENDPOINT_URL_STS: 'https://sts.example' }),
    ).toMatchObject({
      endpoint: 'https://sts.example',
      overridden: ['AWS_ENDPOINT_URL_STS=https://sts.example'],
    }));

  it.each([
    [
      { AWS_ENDPOINT_URL_STS: 'http://sts.example.com' },
      /'http:\/\/sts\.example\.com' in AWS_ENDPOINT_URL_STS: plain http is accepted only on loopback/,
    ],
    [
      { AWS_ENDPOINT_URL: 'http://10.0.0.5:4566' },
      /in AWS_ENDPOINT_URL: plain http is accepted only on loopback/,
    ],
    [
      { AWS_ENDPOINT_URL: 'http://127.0.0.1.evil.example' },
      /plain http is accepted only on loopback/,
    ],
    [{ AWS_ENDPOINT_URL_STS: 'ftp://127.0.0.1' }, /expected an https URL/],
  ])('refuses %j before any request', (env, why) => {
    expect(() => aws(env)).toThrow(ConfigurationError);
    expect(() => aws(env)).toThrow(why);
  });

  it('with a revoker role, the IAM endpoint is checked and named too', () => {
    expect(() =>
      aws({ AWS_ENDPOINT_URL_IAM: 'http://iam.example.com' }, { 'revoke-role': REVOKER }),
    ).toThrow(/IAM endpoint 'http:\/\/iam\.example\.com' in AWS_ENDPOINT_URL_IAM: plain http/);
    expect(
      aws({ AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' }, { 'revoke-role': REVOKER }).overridden,
    ).toEqual(['AWS_ENDPOINT_URL=http://127.0.0.1:4566']);
  });
});

describe('Azure authority overrides', () => {
  it('a Microsoft cloud is no override', () =>
    expect(azure({}, { authority: 'AzureUSGovernment' }).overridden).toEqual([]));

  it('a private authority is named, with where it came from', () => {
    expect(azure({}, { authority: 'https://login.corp.example' }).overridden).toEqual([
      'authority=https://login.corp.example',
    ]);
    expect(azure({ AZURE_AUTHORITY_HOST: 'https://login.corp.example' }).overridden).toEqual([
      'AZURE_AUTHORITY_HOST=https://login.corp.example',
    ]);
  });

  it.each(['http://127.0.0.1:8443', 'http://login.corp.example'])(
    'plain http is refused everywhere (Entra ID and MSAL take https only): %s',
    (url) =>
      expect(() => azure({ AZURE_AUTHORITY_HOST: url })).toThrow(/Entra ID refuses plain http/),
  );
});

describe('Google endpoint overrides', () => {
  it('loopback in any 127/8 form, and ::1, are accepted over http', () =>
    expect(
      parseEndpoints({
        GHA_ENDPOINT_OVERRIDE_sts: 'http://127.0.0.2:8080/v1',
        GHA_ENDPOINT_OVERRIDE_iamcredentials: 'http://[::1]:8080/v1',
      }).overridden,
    ).toEqual(['GHA_ENDPOINT_OVERRIDE_sts', 'GHA_ENDPOINT_OVERRIDE_iamcredentials']));

  it('refuses plain http elsewhere', () =>
    expect(() =>
      parseEndpoints({ GHA_ENDPOINT_OVERRIDE_sts: 'http://sts.example.com/v1' }),
    ).toThrow(/plain http only on 127.0.0.1/));
});
