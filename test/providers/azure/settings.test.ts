import { describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '../../../src/errors.ts';
import { Inputs } from '../../../src/runner/inputs.ts';
import type { CommonSettings } from '../../../src/providers/provider.ts';
import {
  parseAzureSettings,
  parseScope,
  scriptUsesAzCli,
} from '../../../src/providers/azure/settings.ts';

const CLIENT = '00000000-0000-0000-0000-000000000001';
const TENANT = '11111111-1111-1111-1111-111111111111';
const SUB = '22222222-2222-2222-2222-222222222222';

// A PATH with a fake executable `az`, and one without, so that az-login decisions do not depend on the machine.
const withAz = mkdtempSync(join(tmpdir(), 'az-path-'));
writeFileSync(join(withAz, 'az'), '#!/bin/sh\nexit 0\n');
chmodSync(join(withAz, 'az'), 0o755);
const withoutAz = mkdtempSync(join(tmpdir(), 'no-az-path-'));

function common(over: Partial<CommonSettings> = {}): CommonSettings {
  return {
    provider: 'azure',
    duration: undefined,
    mode: 'run',
    run: 'curl https://example.net',
    audience: undefined,
    grantId: 'azure-0123456789',
    sessionName: 'gh.1.1.job.step',
    ...over,
  };
}

function parse(
  inputs: Record<string, string>,
  over: Partial<CommonSettings> = {},
  env: NodeJS.ProcessEnv = { PATH: withoutAz },
) {
  const all = { 'client-id': CLIENT, 'tenant-id': TENANT, ...inputs };
  return parseAzureSettings(
    new Inputs({ input: (n: string) => all[n as keyof typeof all] ?? '' }),
    common(over),
    env,
  );
}

describe('parseAzureSettings', () => {
  it('fills the defaults of the public cloud', () => {
    const s = parse({});
    expect(s).toMatchObject({
      clientId: CLIENT,
      tenantId: TENANT,
      subscriptionId: undefined,
      scope: 'https://management.azure.com/.default',
      authority: 'https://login.microsoftonline.com',
      cloudName: 'AzureCloud',
      audience: 'api://AzureADTokenExchange',
      azLogin: false,
    });
    expect(Object.isFrozen(s)).toBe(true);
  });

  it.each([
    [
      'AzureChinaCloud',
      'https://login.chinacloudapi.cn',
      'https://management.chinacloudapi.cn/.default',
      'AzureChinaCloud',
    ],
    [
      'azureusgovernment',
      'https://login.microsoftonline.us',
      'https://management.usgovcloudapi.net/.default',
      'AzureUSGovernment',
    ],
    [
      'https://login.microsoftonline.us/',
      'https://login.microsoftonline.us',
      'https://management.usgovcloudapi.net/.default',
      'AzureUSGovernment',
    ],
  ])('authority %s is the cloud %s with its own default scope', (authority, host, scope, cloud) => {
    expect(parse({ authority })).toMatchObject({ authority: host, scope, cloudName: cloud });
  });

  it('takes AZURE_AUTHORITY_HOST when the input is absent, the input when both are given', () => {
    const env = { PATH: withoutAz, AZURE_AUTHORITY_HOST: 'https://login.chinacloudapi.cn' };
    expect(parse({}, {}, env).authority).toBe('https://login.chinacloudapi.cn');
    expect(parse({ authority: 'AzureCloud' }, {}, env).authority).toBe(
      'https://login.microsoftonline.com',
    );
  });

  it('lower-cases GUIDs and keeps a subscription and audience', () => {
    const s = parse(
      {
        'client-id': CLIENT.toUpperCase().replace(
          '0000-0000-0000-000000000001',
          'ABCD-0000-0000-00000000000F',
        ),
        'subscription-id': SUB,
      },
      { audience: 'api://custom' },
    );
    expect(s.clientId).toBe('00000000-abcd-0000-0000-00000000000f');
    expect(s.subscriptionId).toBe(SUB);
    expect(s.audience).toBe('api://custom');
  });

  it('accepts a tenant domain', () => {
    expect(parse({ 'tenant-id': 'Contoso.onmicrosoft.com' }).tenantId).toBe(
      'contoso.onmicrosoft.com',
    );
  });

  it.each([
    [{ 'client-id': '' }, "Input 'client-id' is required"],
    [{ 'tenant-id': '' }, "Input 'tenant-id' is required"],
    [
      { 'client-id': 'my-app' },
      "Invalid client-id 'my-app'. Expected the client (application) id as a GUID",
    ],
    [
      { 'client-id': '00000000-0000-0000-0000-00000000000' },
      "Invalid client-id '00000000-0000-0000-0000-00000000000'",
    ],
    [{ 'tenant-id': 'not a tenant' }, "Invalid tenant-id 'not a tenant'"],
    [
      { 'subscription-id': 'prod' },
      "Invalid subscription-id 'prod'. Expected the subscription id as a GUID",
    ],
    [
      { scope: 'https://management.azure.com/' },
      "Did you mean 'https://management.azure.com/.default'?",
    ],
    [
      { scope: 'https://management.azure.com/user_impersonation' },
      "Invalid scope 'https://management.azure.com/user_impersonation'",
    ],
    [{ scope: 'https://a/.default https://b/.default' }, 'Give one scope'],
    [
      { scope: 'http://management.azure.com/.default' },
      "Invalid scope 'http://management.azure.com/.default'",
    ],
    [
      { authority: 'http://login.microsoftonline.com' },
      "Invalid authority 'http://login.microsoftonline.com' (from input 'authority')",
    ],
    [{ authority: 'https://login.microsoftonline.com/' + TENANT }, 'without a path or tenant'],
    [{ authority: 'AzureStack' }, "The cloud 'AzureStack' has no fixed authority"],
    [
      { authority: 'https://login.example.net' },
      "Input 'scope' is required with the custom authority https://login.example.net",
    ],
    [{ 'az-login': 'yes' }, "Invalid az-login 'yes'. Expected one of: auto, true, false."],
    [{ 'az-login': 'true' }, "'az-login: true' but the Azure CLI (az) is not on PATH"],
  ])('refuses %o', (inputs, message) => {
    expect(() => parse(inputs)).toThrow(ConfigurationError);
    expect(() => parse(inputs)).toThrow(message);
  });

  it('refuses a bad AZURE_AUTHORITY_HOST and names the variable', () => {
    expect(() => parse({}, {}, { AZURE_AUTHORITY_HOST: 'login.microsoftonline.com' })).toThrow(
      '(from AZURE_AUTHORITY_HOST)',
    );
  });

  it('refuses a duration Entra cannot honour, and accepts one it always meets', () => {
    expect(() => parse({}, { duration: 600 })).toThrow(
      "Invalid duration '600s' for Azure. Entra ID decides",
    );
    expect(parse({}, { duration: 2 * 3600 }).clientId).toBe(CLIENT);
  });

  it('refuses az-login: true with export: outputs', () => {
    expect(() =>
      parse({ 'az-login': 'true' }, { mode: 'outputs', run: undefined }, { PATH: withAz }),
    ).toThrow("needs 'run' or 'export: env'");
  });

  it.each([
    ['run', 'az group list -o table', withAz, true],
    ['run', 'terraform apply -auto-approve', withAz, true],
    [
      'run',
      'curl -H "Authorization: Bearer $AZURE_ACCESS_TOKEN" https://example.net',
      withAz,
      false,
    ],
    ['run', 'az group list', withoutAz, false],
    ['env', undefined, withAz, true],
    ['env', undefined, withoutAz, false],
    ['outputs', undefined, withAz, false],
  ] as const)('az-login auto in %s mode (%s) decides %s', (mode, run, path, expected) => {
    const s = parse({}, { mode, run }, { PATH: path });
    expect(s.azLogin).toBe(expected);
    expect(s.azPath).toBe(expected ? join(path, 'az') : undefined);
  });

  it('az-login false wins over a script that calls az', () => {
    expect(
      parse({ 'az-login': 'false' }, { run: 'az account show' }, { PATH: withAz }).azLogin,
    ).toBe(false);
  });
});

describe('scriptUsesAzCli', () => {
  it.each([
    ['az account show', true],
    ['set -e\n  az group list', true],
    ['echo hi && az vm list', true],
    ['result=$(az account show)', true],
    ['tofu plan', true],
    ['echo lazy', false],
    ['./deploy-az.sh', false],
    ['curl https://az.example', false],
    ['azcopy copy a b', false],
  ])('%j → %s', (script, expected) => {
    expect(scriptUsesAzCli(script)).toBe(expected);
  });
});

describe('parseScope', () => {
  it.each([
    'https://graph.microsoft.com/.default',
    'api://my-api/.default',
    `${CLIENT}/.default`,
    'https://storage.azure.com/.default',
  ])('accepts %s', (s) => {
    expect(parseScope(s)).toBe(s);
  });
});
