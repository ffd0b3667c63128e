/**
 * The Entra emulator's token endpoints read the resource as Entra does (v2 `scope`, v1
 * `resource`, AD FS either) and refuse a wrong request with Entra's own code; the Resource
 * Manager stand-in takes a token for any of Resource Manager's identifier URIs and no other.
 */
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { Clock } from '../clock.ts';
import { startOidcIssuer, type OidcIssuer } from '../oidc.ts';
import { ASSERTION_TYPE, EXCHANGE_AUDIENCE, startEntra, type Entra } from './index.ts';

const CLIENT = '00000000-0000-0000-0000-0000000000e1';
const TENANT = '11111111-1111-1111-1111-1111111111e1';

let oidc: OidcIssuer;
let entra: Entra;

beforeAll(async () => {
  const clock = new Clock();
  oidc = await startOidcIssuer({ clock });
  entra = await startEntra({ clock });
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), entra.caPem]);
  entra.register({
    tenantId: TENANT,
    clientId: CLIENT,
    issuer: oidc.issuer,
    subject: oidc.claims().sub,
  });
});
afterAll(async () => {
  await entra?.close();
  await oidc?.close();
});

async function token(path: string, fields: Record<string, string>) {
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: CLIENT,
    client_assertion_type: ASSERTION_TYPE,
    client_assertion: await oidc.mint({}, { audience: EXCHANGE_AUDIENCE }),
    ...fields,
  });
  const res = await fetch(`${entra.authority}${path}`, { method: 'POST', body });
  const json = (await res.json()) as Record<string, unknown>;
  return { status: res.status, json, code: (json['error_codes'] as number[] | undefined)?.[0] };
}

const v2 = `/${TENANT}/oauth2/v2.0/token`;
const v1 = `/${TENANT}/oauth2/token`;

describe('the resource a token is issued for', () => {
  it.each([
    [v2, { scope: 'https://management.azure.com/.default' }, 'https://management.azure.com'],
    [v2, { scope: 'https://management.azure.com//.default' }, 'https://management.azure.com/'],
    [
      v2,
      { scope: 'https://management.core.windows.net//.default' },
      'https://management.core.windows.net/',
    ],
    [
      v1,
      { resource: 'https://management.core.windows.net/' },
      'https://management.core.windows.net/',
    ],
    [v1, { resource: 'https://management.azure.com' }, 'https://management.azure.com'],
    [
      '/adfs/oauth2/token',
      { scope: 'https://storage.azure.com/.default' },
      'https://storage.azure.com',
    ],
    ['/adfs/oauth2/token', { resource: 'https://vault.azure.net' }, 'https://vault.azure.net'],
    [v2, { scope: `api://${CLIENT}/.default` }, `api://${CLIENT}`],
  ])('%s %j → aud %s', async (path, fields, aud) => {
    const r = await token(path, fields);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(decodeJwt(String(r.json['access_token'])).aud).toBe(aud);
  });
});

describe('refusals, with Entra’s codes', () => {
  it.each([
    ['v2 given a resource', v2, { resource: 'https://management.azure.com' }, 400, 901002],
    ['v2 without a scope', v2, {}, 400, 900144],
    ['v1 without a resource', v1, { scope: 'https://management.azure.com/.default' }, 400, 900144],
    [
      'two resources in one scope',
      v2,
      { scope: 'https://management.azure.com/.default https://storage.azure.com/.default' },
      400,
      70011,
    ],
    ['a scope without /.default', v2, { scope: 'https://management.azure.com' }, 400, 1002012],
    ['an unknown resource', v2, { scope: 'https://nothing.example.com/.default' }, 400, 500011],
    ['an unknown resource on v1', v1, { resource: 'api://not-installed' }, 400, 500011],
  ])('%s', async (_what, path, fields, status, code) => {
    const r = await token(path, fields as Record<string, string>);
    expect(r.status).toBe(status);
    expect(r.code).toBe(code);
    expect(String(r.json['error_description'])).toMatch(new RegExp(`^AADSTS${code}: `));
  });

  it('a resource added to the tenant is then issued', async () => {
    expect((await token(v2, { scope: 'api://my-api/.default' })).code).toBe(500011);
    entra.addResource('api://my-api');
    expect((await token(v2, { scope: 'api://my-api/.default' })).status).toBe(200);
  });

  it('without the assertion, AADSTS7000218: what az answers once its assertion is gone', async () => {
    const res = await fetch(`${entra.authority}/adfs/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: CLIENT,
        scope: 'https://management.azure.com/.default',
      }),
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error_codes: number[] }).error_codes).toEqual([7000218]);
  });
});

describe('the Resource Manager stand-in', () => {
  it('takes a token for either identifier URI, with or without the slash, and refuses Storage’s', async () => {
    const statuses: Record<string, number> = {};
    for (const scope of [
      'https://management.azure.com/.default',
      'https://management.azure.com//.default',
      'https://management.core.windows.net//.default',
      'https://management.core.windows.net/.default',
      'https://storage.azure.com/.default',
    ]) {
      const t = String((await token(v2, { scope })).json['access_token']);
      const res = await fetch(`${entra.armUrl}/subscriptions`, {
        headers: { authorization: `Bearer ${t}` },
      });
      statuses[scope] = res.status;
    }
    expect(statuses).toEqual({
      'https://management.azure.com/.default': 200,
      'https://management.azure.com//.default': 200,
      'https://management.core.windows.net//.default': 200,
      'https://management.core.windows.net/.default': 200,
      'https://storage.azure.com/.default': 401,
    });
  });
});
