import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import {
  cachedTokens,
  scopeResource,
  scopeSpellings,
  widenTokenCache,
  type MsalAccessToken,
  type MsalCache,
} from '../../../src/providers/azure/token-cache.ts';

const CLIENT = '00000000-0000-0000-0000-000000000001';
const NOW = 1_800_000_000;

/** An unsigned JWT with this `exp`: cachedTokens reads only the claim. */
const jwt = (exp: number, aud: string) =>
  new SignJWT({ aud, exp }).setProtectedHeader({ alg: 'HS256' }).sign(new Uint8Array(32));

/** The entry az 2.45 writes after `az login --service-principal` (MSAL's schema, az's ARM scope). */
function azEntry(secret: string, expiresOn: number): MsalAccessToken {
  return {
    credential_type: 'AccessToken',
    secret,
    home_account_id: null,
    environment: 'login.microsoftonline.com',
    client_id: CLIENT,
    target: 'https://management.core.windows.net//.default',
    realm: 'tenant-1',
    token_type: 'Bearer',
    cached_at: String(NOW),
    expires_on: String(expiresOn),
    extended_expires_on: String(expiresOn),
  };
}

const key = (e: MsalAccessToken) =>
  `-${e.environment}-accesstoken-${e.client_id}-${e.realm}-${e.target}`.toLowerCase();

function cacheOf(...entries: MsalAccessToken[]): MsalCache {
  return {
    AccessToken: Object.fromEntries(entries.map((e) => [key(e), e])),
    Account: {},
    IdToken: {},
    RefreshToken: {},
    AppMetadata: { x: { client_id: CLIENT } },
  };
}

/** What MSAL's TokenCache.find does for a client-credentials lookup: every requested scope in `target`. */
function msalFind(cache: MsalCache, scope: string, realm = 'tenant-1'): MsalAccessToken[] {
  return Object.values(cache.AccessToken ?? {}).filter(
    (e) =>
      e.client_id === CLIENT &&
      e.realm === realm &&
      e.environment === 'login.microsoftonline.com' &&
      e.target.split(' ').includes(scope),
  );
}

describe('scopeResource / scopeSpellings', () => {
  it.each([
    ['https://management.azure.com/.default', 'https://management.azure.com'],
    ['https://management.core.windows.net//.default', 'https://management.core.windows.net'],
    ['api://my-api/.default', 'api://my-api'],
    ['https://management.azure.com/user_impersonation', undefined],
    ['/.default', undefined],
    ['a/.default b/.default', undefined],
  ])('%s names %s', (scope, resource) => {
    expect(scopeResource(scope)).toBe(resource);
  });

  it('Resource Manager is spelled four ways in each public cloud', () => {
    const forms = [
      'https://management.azure.com/.default',
      'https://management.azure.com//.default',
      'https://management.core.windows.net/.default',
      'https://management.core.windows.net//.default',
    ];
    expect(scopeSpellings('https://management.azure.com')).toEqual(forms);
    expect(scopeSpellings('https://management.core.windows.net/')).toEqual(forms);
    expect(scopeSpellings('https://management.usgovcloudapi.net')).toHaveLength(4);
  });

  it('any other resource only with and without its trailing slash', () => {
    expect(scopeSpellings('https://storage.azure.com')).toEqual([
      'https://storage.azure.com/.default',
      'https://storage.azure.com//.default',
    ]);
  });
});

describe('widenTokenCache', () => {
  it('serves az’s Resource Manager token under every spelling, as copies of its own entry', async () => {
    const armToken = await jwt(NOW + 4000, 'https://management.core.windows.net/');
    const before = cacheOf(azEntry(armToken, NOW + 3990));
    const { cache, added, grantServed } = widenTokenCache(before, undefined, NOW);
    expect(added).toBe(3);
    expect(grantServed).toBe(false);
    for (const scope of scopeSpellings('https://management.azure.com')) {
      const [hit, ...more] = msalFind(cache, scope);
      expect(more).toEqual([]);
      expect(hit).toEqual({ ...azEntry(armToken, NOW + 3990), target: scope });
      // Keyed as MSAL keys it, so a later write by az replaces rather than duplicates.
      expect(cache.AccessToken![key(hit!)]).toBe(hit);
    }
    // Other sections are kept as they were; the input is not changed.
    expect(cache['AppMetadata']).toEqual(before['AppMetadata']);
    expect(Object.keys(before.AccessToken!)).toHaveLength(1);
  });

  it('adds the grant’s own token for a scope az does not hold, and nothing for other resources', async () => {
    const armToken = await jwt(NOW + 4000, 'https://management.core.windows.net/');
    const storageToken = await jwt(NOW + 5000, 'https://storage.azure.com');
    const { cache, grantServed } = widenTokenCache(
      cacheOf(azEntry(armToken, NOW + 3990)),
      {
        scope: 'https://storage.azure.com/.default',
        token: storageToken,
        expiresAt: new Date((NOW + 5000) * 1000),
      },
      NOW,
    );
    expect(grantServed).toBe(true);
    for (const scope of [
      'https://storage.azure.com/.default',
      'https://storage.azure.com//.default',
    ]) {
      const [hit] = msalFind(cache, scope);
      expect(hit).toMatchObject({
        secret: storageToken,
        expires_on: String(NOW + 5000),
        cached_at: String(NOW),
        realm: 'tenant-1',
      });
    }
    expect(msalFind(cache, 'https://vault.azure.net/.default')).toEqual([]);
    expect(cachedTokens(cache)).toEqual({
      tokens: [armToken, storageToken],
      expiresAt: new Date((NOW + 5000) * 1000),
    });
  });

  it('a grant for Resource Manager adds nothing az does not already serve', async () => {
    const armToken = await jwt(NOW + 4000, 'https://management.core.windows.net/');
    const grantToken = await jwt(NOW + 5000, 'https://management.azure.com');
    const { cache, grantServed } = widenTokenCache(
      cacheOf(azEntry(armToken, NOW + 3990)),
      {
        scope: 'https://management.azure.com/.default',
        token: grantToken,
        expiresAt: new Date((NOW + 5000) * 1000),
      },
      NOW,
    );
    expect(grantServed).toBe(false);
    expect(cachedTokens(cache).tokens).toEqual([armToken]);
  });

  it('leaves a cache without a usable access token alone', () => {
    const odd = {
      AccessToken: { k: { credential_type: 'AccessToken', secret: '' } },
    } as unknown as MsalCache;
    expect(widenTokenCache(odd, undefined, NOW)).toEqual({
      cache: odd,
      added: 0,
      grantServed: false,
    });
    expect(widenTokenCache({}, undefined, NOW).added).toBe(0);
  });
});

describe('cachedTokens', () => {
  it('takes the token’s own exp (Entra’s clock) over MSAL’s local expires_on', async () => {
    const token = await jwt(NOW + 4000, 'x');
    expect(cachedTokens(cacheOf(azEntry(token, NOW + 3000))).expiresAt).toEqual(
      new Date((NOW + 4000) * 1000),
    );
  });

  it('falls back to expires_on for an opaque token', () => {
    expect(cachedTokens(cacheOf(azEntry('opaque-token-value', NOW + 3000)))).toEqual({
      tokens: ['opaque-token-value'],
      expiresAt: new Date((NOW + 3000) * 1000),
    });
  });
});
