import { decodeJwt } from 'jose';

/**
 * The Azure CLI's token cache (`msal_token_cache.json`, MSAL's cross-language cache schema). MSAL
 * serves a request from it when an AccessToken entry of the same client, authority and tenant
 * lists every requested scope in its `target` and lives more than 5 more minutes; otherwise it
 * asks Entra, which needs the client assertion this grant removes after the login.
 *
 * MSAL matches scope strings exactly, and tools spell Resource Manager's scope differently: az
 * itself `https://management.core.windows.net//.default`, Terraform azurerm
 * `https://management.azure.com/.default`, AzureCliCredential `--resource` without the suffix.
 * All name one resource application, which accepts a token issued for any of its identifier
 * URIs. So the token az fetched at login is entered once more under every spelling, and the
 * grant's own token under the spellings of its declared scope: az then answers every tool from
 * what was already issued, and can mint nothing new.
 */
export interface MsalAccessToken {
  credential_type: string;
  secret: string;
  home_account_id?: string | null;
  environment: string;
  client_id: string;
  realm: string;
  target: string;
  token_type?: string;
  cached_at?: string;
  expires_on: string;
  extended_expires_on?: string;
  refresh_on?: string;
  [field: string]: unknown;
}

export interface MsalCache {
  AccessToken?: Record<string, MsalAccessToken>;
  [section: string]: unknown;
}

/** Resource Manager's identifier URIs, per public cloud: one application behind each pair. */
export const RESOURCE_MANAGER_URIS: ReadonlyArray<readonly string[]> = [
  ['https://management.azure.com', 'https://management.core.windows.net'],
  ['https://management.chinacloudapi.cn', 'https://management.core.chinacloudapi.cn'],
  ['https://management.usgovcloudapi.net', 'https://management.core.usgovcloudapi.net'],
];

/** The resource a `/.default` scope names, without trailing slashes; undefined for any other scope. */
export function scopeResource(scope: string): string | undefined {
  if (!scope.endsWith('/.default') || /\s/.test(scope)) return undefined;
  const resource = scope.slice(0, -'/.default'.length).replace(/\/+$/, '');
  return resource === '' ? undefined : resource;
}

/**
 * Every scope string a tool may send for this resource: with and without the trailing slash az
 * keeps (`resource + '/.default'`), and for Resource Manager both of its identifier URIs.
 */
export function scopeSpellings(resource: string): string[] {
  const bare = resource.replace(/\/+$/, '');
  const group = RESOURCE_MANAGER_URIS.find((g) => g.includes(bare.toLowerCase())) ?? [bare];
  return group.flatMap((r) => [`${r}/.default`, `${r}//.default`]);
}

/** MSAL's key for an access token entry (its `key_makers`): lower-cased, dash-joined. */
function entryKey(e: MsalAccessToken): string {
  return [e.home_account_id ?? '', e.environment, 'AccessToken', e.client_id, e.realm, e.target]
    .join('-')
    .toLowerCase();
}

function isEntry(v: unknown): v is MsalAccessToken {
  if (v === null || typeof v !== 'object') return false;
  const e = v as Record<string, unknown>;
  return (
    e['credential_type'] === 'AccessToken' &&
    ['secret', 'environment', 'client_id', 'realm', 'target', 'expires_on'].every(
      (f) => typeof e[f] === 'string' && e[f] !== '',
    )
  );
}

/** Whether an entry of the same client, authority and tenant already answers `scope`. */
function covers(entries: MsalAccessToken[], like: MsalAccessToken, scope: string): boolean {
  return entries.some(
    (e) =>
      e.client_id === like.client_id &&
      e.environment === like.environment &&
      e.realm === like.realm &&
      (e.home_account_id ?? null) === (like.home_account_id ?? null) &&
      e.target.split(' ').includes(scope),
  );
}

export interface GrantToken {
  readonly scope: string;
  readonly token: string;
  readonly expiresAt: Date;
}

/**
 * The cache with every spelling added (see above): az's own entries first, so Resource Manager
 * is served by the token az fetched; then the grant's token for the spellings of its scope that
 * nothing answers yet. Entries are copies of az's own, so client, authority and tenant match
 * what az looks up. A cache without an access token (az fetched none) is returned unchanged.
 */
export function widenTokenCache(
  cache: MsalCache,
  grant: GrantToken | undefined,
  nowSeconds: number,
): { cache: MsalCache; added: number; grantServed: boolean } {
  const section = { ...(cache.AccessToken ?? {}) };
  const entries = Object.values(section).filter(isEntry);
  const template = entries[0];
  if (!template) return { cache, added: 0, grantServed: false };
  let added = 0;
  const add = (entry: MsalAccessToken) => {
    section[entryKey(entry)] = entry;
    entries.push(entry);
    added++;
  };
  for (const e of [...entries]) {
    const resource = e.target.includes(' ') ? undefined : scopeResource(e.target);
    if (resource === undefined) continue;
    for (const scope of scopeSpellings(resource))
      if (!covers(entries, e, scope)) add({ ...e, target: scope });
  }
  const resource = grant && scopeResource(grant.scope);
  const before = added;
  if (grant && resource !== undefined) {
    const expiresOn = String(Math.floor(grant.expiresAt.getTime() / 1000));
    for (const scope of scopeSpellings(resource)) {
      if (covers(entries, template, scope)) continue;
      const { refresh_on: _aged, ...base } = template;
      add({
        ...base,
        secret: grant.token,
        target: scope,
        cached_at: String(nowSeconds),
        expires_on: expiresOn,
        extended_expires_on: expiresOn,
      });
    }
  }
  return { cache: { ...cache, AccessToken: section }, added, grantServed: added > before };
}

/**
 * The distinct tokens in the cache (secrets, to be masked) and the latest time Entra stops
 * accepting any of them: the token's own `exp` (Entra's clock), else MSAL's `expires_on`.
 */
export function cachedTokens(cache: MsalCache): { tokens: string[]; expiresAt: Date | undefined } {
  const entries = Object.values(cache.AccessToken ?? {}).filter(isEntry);
  const tokens = [...new Set(entries.map((e) => e.secret))];
  const expiries = entries.map((e) => {
    try {
      const exp = decodeJwt(e.secret).exp;
      if (typeof exp === 'number') return exp * 1000;
    } catch {
      // an opaque token: MSAL's own record of its lifetime
    }
    return Number(e.expires_on) * 1000;
  });
  const latest = Math.max(...expiries.filter(Number.isFinite));
  return { tokens, expiresAt: Number.isFinite(latest) ? new Date(latest) : undefined };
}
