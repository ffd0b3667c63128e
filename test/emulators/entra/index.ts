/**
 * Microsoft Entra ID on loopback, over HTTPS with a throw-away CA, for workload identity
 * federation: an app registration trusts GitHub tokens whose issuer, subject and audience match
 * one of its federated credentials exactly, as Entra does (case-sensitive, no patterns).
 *
 *   const clock = new Clock();
 *   const oidc = await startOidcIssuer({ clock });
 *   const entra = await startEntra({ clock });
 *   entra.register({ tenantId, clientId, issuer: oidc.issuer, subject: oidc.claims().sub, subscriptions: [subId] });
 *   entra.authority;   // 'https://127.0.0.1:PORT' (AZURE_AUTHORITY_HOST / the `authority` input)
 *   entra.caPath;      // the CA to trust (NODE_EXTRA_CA_CERTS, REQUESTS_CA_BUNDLE)
 *   entra.armUrl;      // the same server as an Azure Resource Manager stand-in
 *   entra.tokens;      // every access token issued, with its claims (for the leak canary)
 *   entra.check(token, resource?);   // {ok, claims} or {ok: false, code}: what a resource server decides
 *   entra.requests; entra.faults;    // see ../http.ts ('throttle' answers a 429 AADSTS90055)
 *
 * Endpoints
 * - `GET /{tenant}/v2.0/.well-known/openid-configuration`, `POST /{tenant}/oauth2/v2.0/token`: the
 *   client-credentials grant with a JWT client assertion. The assertion is verified against the
 *   issuer's own discovery document and JWKS (fetched once per issuer, as Entra caches them).
 * - `POST /{tenant}/oauth2/token`: the same grant on the v1 endpoint, which names a `resource`
 *   rather than a scope (./resource.ts has each endpoint's rules and refusals).
 * - `GET /adfs/.well-known/openid-configuration`, `POST /adfs/oauth2/token`: the same grant under an
 *   AD FS-style authority. The Azure CLI skips instance discovery only for authorities ending in
 *   `/adfs`, which is the only way to point it at a local endpoint; here the tenant is the app's.
 *
 * A token is issued only for a resource the tenant knows (else AADSTS500011): Microsoft's
 * first-party ones (Resource Manager under both identifier URIs, Storage, Key Vault, Graph, SQL),
 * each registered app's client id and `api://<client id>`, and any given to `addResource`.
 * - ARM stand-in (bearer token for the management resource, refused once expired):
 *   `GET /subscriptions`, `/tenants`, `/subscriptions/{id}`, `/subscriptions/{id}/resourcegroups`.
 * - `GET /protected` (bearer token for any resource): the token's claims, until it expires.
 *
 * Access tokens are RS256 JWTs shaped like Entra's v1 app tokens (`aud` = the resource, `appid`,
 * `tid`, `oid`, `idtyp: app`) and live a random 60-90 minutes, as Entra's do; a client that asks
 * for CAE (`claims` with `xms_cc: ["cp1"]`) gets a 24-hour token marked `xms_cc`.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import {
  SignJWT,
  createRemoteJWKSet,
  decodeJwt,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  errors as joseErrors,
  type CryptoKey,
  type JWTPayload,
} from 'jose';
import type { Clock } from '../clock.ts';
import {
  EMULATOR_HEADERS,
  startServer,
  type EmulatorRequest,
  type Faults,
  type LoggedRequest,
  type Reply,
} from '../http.ts';
import { createTestCa, type TestCa } from './ca.ts';
import {
  FIRST_PARTY_RESOURCES,
  requestedResource,
  sameResource,
  unknownResource,
  type TokenEndpoint,
} from './resource.ts';

export const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
export const EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';
/** The resource ids the Azure CLI and the SDKs use for Resource Manager. */
export const ARM_RESOURCES = [
  'https://management.azure.com',
  'https://management.core.windows.net',
];
export const CAE_LIFETIME_SECONDS = 24 * 3600;

export interface FederatedCredential {
  issuer: string;
  subject: string;
  audiences?: string[];
}

export interface AppRegistration {
  tenantId: string;
  clientId: string;
  /** Shorthand for one federated credential. */
  issuer?: string;
  subject?: string;
  audiences?: string[];
  federated?: FederatedCredential[];
  /** Subscriptions the app can see through the ARM stand-in. */
  subscriptions?: string[];
}

export interface IssuedToken {
  token: string;
  clientId: string;
  tenantId: string;
  resource: string;
  expiresAt: Date;
  cae: boolean;
  claims: JWTPayload;
}

export type TokenCheck =
  | { ok: true; claims: JWTPayload; issued: IssuedToken }
  | { ok: false; code: string; message: string };

export interface Entra {
  authority: string;
  armUrl: string;
  caPath: string;
  caPem: string;
  ca: TestCa;
  register(app: AppRegistration): void;
  /** Makes a resource (identifier URI) known to every tenant, as an installed app would be. */
  addResource(identifierUri: string): void;
  /** Fixes the lifetime of the next tokens (seconds); `undefined` goes back to Entra's random 60-90 min. */
  setTokenLifetime(seconds: number | undefined): void;
  tokens: IssuedToken[];
  check(token: string, resource?: string): TokenCheck;
  requests: LoggedRequest[];
  faults: Faults;
  /** Client ports of the connections accepted (see ../http.ts). */
  connections: number[];
  close(): Promise<void>;
}

interface App {
  tenantId: string;
  clientId: string;
  objectId: string;
  federated: Array<Required<FederatedCredential>>;
  subscriptions: string[];
}

export async function startEntra(options: { clock: Clock; ca?: TestCa }): Promise<Entra> {
  const { clock } = options;
  const ca = options.ca ?? createTestCa();
  const apps: App[] = [];
  const resources = [...FIRST_PARTY_RESOURCES];
  const knownResource = (r: string) =>
    resources.some((k) => sameResource(k, r)) ||
    apps.some((a) => sameResource(a.clientId, r) || sameResource(`api://${a.clientId}`, r));
  const tokens: IssuedToken[] = [];
  const jwksByIssuer = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  let fixedLifetime: number | undefined;
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = randomUUID();
  const signingJwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  let base = '';

  const metadata = (authority: string, tenant: string) => ({
    token_endpoint:
      tenant === 'adfs' ? `${authority}/oauth2/token` : `${authority}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: [
      'client_secret_post',
      'private_key_jwt',
      'client_secret_basic',
    ],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: tenant === 'adfs' ? authority : `${base}/${tenant}/v2.0`,
    request_uri_parameter_supported: false,
    authorization_endpoint:
      tenant === 'adfs' ? `${authority}/oauth2/authorize` : `${authority}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${authority}/oauth2/v2.0/devicecode`,
    end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
    tenant_region_scope: 'EU',
  });

  const jwksFor = async (issuer: string) => {
    let jwks = jwksByIssuer.get(issuer);
    if (!jwks) {
      const res = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, {
        headers: EMULATOR_HEADERS,
      });
      if (!res.ok) throw new Error(`discovery for ${issuer} answered ${res.status}`);
      const doc = (await res.json()) as { jwks_uri?: string; issuer?: string };
      if (!doc.jwks_uri) throw new Error(`discovery for ${issuer} has no jwks_uri`);
      jwks = createRemoteJWKSet(new URL(doc.jwks_uri), { headers: EMULATOR_HEADERS });
      jwksByIssuer.set(issuer, jwks);
    }
    return jwks;
  };

  const tokenEndpoint = async (
    req: EmulatorRequest,
    tenant: string,
    endpoint: TokenEndpoint,
  ): Promise<Reply> => {
    const form = req.parsedBody() as Record<string, string | undefined>;
    if (form['grant_type'] !== 'client_credentials') {
      return aadError(
        400,
        'unsupported_grant_type',
        70003,
        `The app requested an unsupported grant type '${form['grant_type'] ?? ''}'.`,
        clock,
      );
    }
    const clientId = form['client_id'] ?? '';
    const app = apps.find(
      (a) => a.clientId === clientId && (tenant === 'adfs' || a.tenantId === tenant),
    );
    if (tenant !== 'adfs' && !apps.some((a) => a.tenantId === tenant)) {
      return aadError(
        400,
        'invalid_request',
        90002,
        `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
        clock,
      );
    }
    if (!app) {
      return aadError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant.`,
        clock,
      );
    }
    if (form['client_assertion_type'] !== ASSERTION_TYPE || !form['client_assertion']) {
      return aadError(
        401,
        'invalid_client',
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
        clock,
      );
    }
    const asked = requestedResource(form, endpoint);
    if (!asked.ok) return aadError(asked.status, asked.error, asked.code, asked.message, clock);
    const resource = asked.resource;

    const assertion = form['client_assertion'];
    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(assertion);
    } catch {
      return aadError(401, 'invalid_client', 50027, 'JWT token is invalid or malformed.', clock);
    }
    const iss = String(unverified.iss ?? '');
    let verified: JWTPayload;
    try {
      const { payload } = await jwtVerify(assertion, await jwksFor(iss), {
        currentDate: clock.now(),
        algorithms: ['RS256'],
      });
      verified = payload;
    } catch (err) {
      if (
        err instanceof joseErrors.JWTExpired ||
        (err instanceof joseErrors.JWTClaimValidationFailed && err.claim === 'nbf')
      ) {
        const fmt = (s: unknown) =>
          typeof s === 'number' ? new Date(s * 1000).toISOString() : 'unknown';
        return aadError(
          400,
          'invalid_client',
          700024,
          `Client assertion is not within its valid time range. Current time: ${clock.now().toISOString()}, assertion valid from ${fmt(unverified.nbf)}, expiry time of assertion ${fmt(unverified.exp)}. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .`,
          clock,
        );
      }
      if (!apps.some((a) => a.federated.some((f) => f.issuer === iss))) {
        return aadError(
          400,
          'invalid_client',
          700211,
          `No matching federated identity record found for presented assertion issuer '${iss}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.`,
          clock,
        );
      }
      return aadError(
        401,
        'invalid_client',
        700027,
        `Client assertion failed signature validation. (${(err as Error).message})`,
        clock,
      );
    }
    const sub = String(verified.sub ?? '');
    const auds = Array.isArray(verified.aud) ? verified.aud : [String(verified.aud ?? '')];
    const byIssuer = app.federated.filter((f) => f.issuer === iss);
    const bySubject = byIssuer.filter((f) => f.subject === sub);
    const match = bySubject.find((f) => f.audiences.some((a) => auds.includes(a)));
    if (!match) {
      const hint =
        'Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. https://learn.microsoft.com/entra/workload-id/workload-identity-federation';
      if (app.federated.length === 0) {
        return aadError(
          400,
          'invalid_request',
          70021,
          `No matching federated identity record found for presented assertion. Assertion Issuer: '${iss}'. Assertion Subject: '${sub}'. Assertion Audience: '${auds.join(',')}'. ${hint}`,
          clock,
        );
      }
      if (byIssuer.length === 0) {
        return aadError(
          400,
          'invalid_client',
          700211,
          `No matching federated identity record found for presented assertion issuer '${iss}'. ${hint}`,
          clock,
        );
      }
      if (bySubject.length === 0) {
        return aadError(
          400,
          'invalid_client',
          700213,
          `No matching federated identity record found for presented assertion subject '${sub}'. ${hint}`,
          clock,
        );
      }
      return aadError(
        400,
        'invalid_client',
        700212,
        `No matching federated identity record found for presented assertion audience '${auds.join(',')}'. ${hint}`,
        clock,
      );
    }

    if (!knownResource(resource)) {
      const r = unknownResource(resource, app.tenantId);
      if (!r.ok) return aadError(r.status, r.error, r.code, r.message, clock);
    }

    const cae = wantsCae(form['claims']);
    const lifetime = cae
      ? CAE_LIFETIME_SECONDS
      : (fixedLifetime ?? 3600 + Math.floor(Math.random() * 1800));
    const iat = clock.nowSeconds();
    const claims: JWTPayload = {
      aud: resource,
      iss: `https://sts.windows.net/${app.tenantId}/`,
      iat,
      nbf: iat - 300,
      exp: iat + lifetime,
      appid: app.clientId,
      appidacr: '2',
      idp: `https://sts.windows.net/${app.tenantId}/`,
      idtyp: 'app',
      oid: app.objectId,
      sub: app.objectId,
      tid: app.tenantId,
      uti: randomUUID().replace(/-/g, ''),
      ver: '1.0',
      ...(cae ? { xms_cc: ['CP1'] } : {}),
    };
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
      .sign(privateKey as CryptoKey);
    tokens.push({
      token,
      clientId: app.clientId,
      tenantId: app.tenantId,
      resource,
      expiresAt: new Date((iat + lifetime) * 1000),
      cae,
      claims,
    });
    return {
      headers: { 'cache-control': 'no-store, no-cache', pragma: 'no-cache' },
      body: {
        token_type: 'Bearer',
        expires_in: lifetime,
        ext_expires_in: lifetime,
        access_token: token,
      },
    };
  };

  const check = (token: string, resource?: string): TokenCheck => {
    const issued = tokens.find((t) => t.token === token);
    if (!issued)
      return {
        ok: false,
        code: 'InvalidAuthenticationToken',
        message: 'The access token is invalid.',
      };
    if (resource !== undefined && !sameResource(issued.resource, resource)) {
      return {
        ok: false,
        code: 'InvalidAuthenticationTokenAudience',
        message: `The access token has been obtained for wrong audience or resource '${issued.resource}'. It should exactly match with one of the allowed audiences '${resource}'.`,
      };
    }
    if (clock.nowMs() >= issued.expiresAt.getTime()) {
      return {
        ok: false,
        code: 'ExpiredAuthenticationToken',
        message: `The access token expiry UTC time '${issued.expiresAt.toISOString()}' is earlier than current UTC time '${clock.now().toISOString()}'.`,
      };
    }
    return { ok: true, claims: issued.claims, issued };
  };

  const bearer = (req: EmulatorRequest, resources?: string[]): TokenCheck => {
    const auth = String(req.headers.authorization ?? '');
    const m = /^Bearer (.+)$/i.exec(auth);
    if (!m)
      return {
        ok: false,
        code: 'AuthenticationFailed',
        message: "Authentication failed. The 'Authorization' header is missing.",
      };
    if (!resources) return check(m[1]!);
    let last: TokenCheck = {
      ok: false,
      code: 'InvalidAuthenticationToken',
      message: 'The access token is invalid.',
    };
    for (const r of resources) {
      last = check(m[1]!, r);
      if (last.ok || last.code !== 'InvalidAuthenticationTokenAudience') return last;
    }
    return last;
  };

  const refused = (c: Extract<TokenCheck, { ok: false }>): Reply => ({
    status: 401,
    headers: {
      'www-authenticate': `Bearer authorization_uri="${base}/common/oauth2/authorize", error="invalid_token", error_description="${c.code}"`,
    },
    body: { error: { code: c.code, message: c.message } },
  });

  const arm = (req: EmulatorRequest): Reply | undefined => {
    const c = bearer(req, ARM_RESOURCES);
    if (!c.ok) return refused(c);
    const app = apps.find(
      (a) => a.clientId === c.issued.clientId && a.tenantId === c.issued.tenantId,
    )!;
    const subscription = (id: string) => ({
      id: `/subscriptions/${id}`,
      authorizationSource: 'RoleBased',
      managedByTenants: [],
      subscriptionId: id,
      tenantId: app.tenantId,
      displayName: `emulated ${id.slice(0, 8)}`,
      state: 'Enabled',
      subscriptionPolicies: {
        locationPlacementId: 'Public_2014-09-01',
        quotaId: 'PayAsYouGo_2014-09-01',
        spendingLimit: 'Off',
      },
    });
    if (req.path === '/subscriptions')
      return {
        body: {
          value: app.subscriptions.map(subscription),
          count: { type: 'Total', value: app.subscriptions.length },
        },
      };
    if (req.path === '/tenants')
      return {
        body: {
          value: [
            {
              id: `/tenants/${app.tenantId}`,
              tenantId: app.tenantId,
              tenantCategory: 'Home',
              defaultDomain: 'emulated.onmicrosoft.com',
              displayName: 'Emulated',
              domains: [],
            },
          ],
        },
      };
    const m = /^\/subscriptions\/([^/]+)(\/resourcegroups)?$/i.exec(req.path);
    if (m) {
      if (!app.subscriptions.includes(m[1]!)) {
        return {
          status: 403,
          body: {
            error: {
              code: 'AuthorizationFailed',
              message: `The client '${app.objectId}' with object id '${app.objectId}' does not have authorization to perform action over scope '/subscriptions/${m[1]}'.`,
            },
          },
        };
      }
      return { body: m[2] ? { value: [] } : subscription(m[1]!) };
    }
    return undefined;
  };

  const server = await startServer(
    async (req) => {
      if (req.fault === 'throttle') {
        return {
          ...aadError(
            429,
            'temporarily_unavailable',
            90055,
            'TenantThrottlingError: There are too many incoming requests.',
            clock,
          ),
          headers: { 'retry-after': '1' },
        };
      }
      let m = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(req.path);
      if (req.method === 'GET' && m) return { body: metadata(`${base}/${m[1]}`, m[1]!) };
      if (req.method === 'GET' && req.path === '/adfs/.well-known/openid-configuration')
        return { body: metadata(`${base}/adfs`, 'adfs') };
      if (req.method === 'GET' && req.path === '/discovery/v2.0/keys')
        return { body: { keys: [signingJwk] } };
      m = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(req.path);
      if (req.method === 'POST' && m) return tokenEndpoint(req, m[1]!, 'v2');
      if (req.method === 'POST' && req.path === '/adfs/oauth2/token')
        return tokenEndpoint(req, 'adfs', 'adfs');
      m = /^\/([^/]+)\/oauth2\/token$/.exec(req.path);
      if (req.method === 'POST' && m) return tokenEndpoint(req, m[1]!, 'v1');
      if (req.method === 'GET' && req.path === '/protected') {
        const c = bearer(req);
        return c.ok ? { body: { claims: c.claims } } : refused(c);
      }
      if (req.method === 'GET' && /^\/(subscriptions|tenants)/.test(req.path)) return arm(req);
      return undefined;
    },
    { tls: { key: ca.keyPem, cert: ca.certPem }, clock },
  );
  base = server.url;

  return {
    authority: base,
    armUrl: base,
    caPath: ca.caPath,
    caPem: ca.caPem,
    ca,
    register(reg) {
      const federated = [...(reg.federated ?? [])];
      if (reg.issuer !== undefined && reg.subject !== undefined)
        federated.push({ issuer: reg.issuer, subject: reg.subject, audiences: reg.audiences });
      apps.push({
        tenantId: reg.tenantId,
        clientId: reg.clientId,
        objectId: randomUUID(),
        federated: federated.map((f) => ({
          issuer: f.issuer,
          subject: f.subject,
          audiences: f.audiences ?? [EXCHANGE_AUDIENCE],
        })),
        subscriptions: reg.subscriptions ?? [],
      });
    },
    addResource(identifierUri) {
      resources.push(identifierUri);
    },
    setTokenLifetime(seconds) {
      fixedLifetime = seconds;
    },
    tokens,
    check,
    requests: server.requests,
    connections: server.connections,
    faults: server.faults,
    close: async () => {
      await server.close();
      // A CA it made itself goes with it (its directory holds the CA's private key).
      if (!options.ca) rmSync(ca.dir, { recursive: true, force: true });
    },
  };
}

/** MSAL sends `claims={"access_token":{"xms_cc":{"values":["CP1"]}}}` when the client supports CAE. */
function wantsCae(claims: string | undefined): boolean {
  if (!claims) return false;
  try {
    const parsed = JSON.parse(claims) as { access_token?: { xms_cc?: { values?: string[] } } };
    return (parsed.access_token?.xms_cc?.values ?? []).some((v) => v.toLowerCase() === 'cp1');
  } catch {
    return false;
  }
}

/** Entra's error body: an AADSTS code in the description, plus trace ids and a timestamp. */
function aadError(
  status: number,
  error: string,
  code: number,
  message: string,
  clock: Clock,
): Reply {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = clock
    .now()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}
