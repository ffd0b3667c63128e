/**
 * Google Cloud on loopback: STS, IAM Credentials (access and ID tokens, with delegation chains),
 * a Cloud Storage subset and Cloud Run-like services that take ID tokens, on one server, so that
 * `GHA_ENDPOINT_OVERRIDE_sts` / `_iamcredentials` (and a storage base URL) point at it.
 *
 *   const clock = new Clock();
 *   const oidc = await startOidcIssuer({ clock });
 *   const google = await startGoogleEmulator({
 *     clock, issuer: oidc.issuer,
 *     attributeCondition: "assertion.repository == 'acme/site'",
 *     serviceAccounts: { [SA]: { workloadIdentityUsers: [google.repositoryMember('acme/site')] } },
 *     storage: [{ member: `serviceAccount:${SA}`, bucket: 'site-assets', role: 'roles/storage.objectAdmin' }],
 *   });
 *   google.env;             // { GHA_ENDPOINT_OVERRIDE_sts, GHA_ENDPOINT_OVERRIDE_iamcredentials }
 *   google.provider;        // projects/123456789/locations/global/workloadIdentityPools/github/providers/actions
 *   google.storageUrl;      // base of the JSON API: `${storageUrl}/storage/v1/b/BUCKET/o/NAME?alt=media`
 *   google.gcloudEnv;       // { CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE }: gcloud storage against it
 *   google.issued;          // every access and ID token handed out (for the leak canary)
 *   google.services['api'] = { invokers: [`serviceAccount:${SA}`] };
 *   google.serviceUrl('api'); // `${url}/run/api`: needs a Google ID token with that audience
 *   google.verifyIdToken(jwt, audience);   // Google's check: signature, iss, aud, exp (clock)
 *   google.requests; google.faults;   // see ../http.ts
 *
 * The emulator knows only the issuer URL: it fetches discovery and the JWKS itself.
 */
import type { Clock } from '../clock.ts';
import { startServer, type Faults, type LoggedRequest } from '../http.ts';
import {
  generateAccessToken,
  generateIdToken,
  GENERATE_PATH,
  ID_TOKEN_PATH,
  type ImpersonationContext,
} from './iam.ts';
import { IdTokenSigner, invokeRunService, RUN_PATH, type RunService } from './id-token.ts';
import {
  TokenStore,
  uniqueIdOf,
  type IssuedToken,
  type ServiceAccountConfig,
  type StorageBinding,
} from './state.ts';
import { StorageEmulator } from './storage.ts';
import { providerName, StsEmulator, type WorkloadIdentityConfig } from './sts.ts';

export interface GoogleEmulatorOptions {
  clock: Clock;
  issuer: string;
  projectNumber?: string;
  pool?: string;
  provider?: string;
  allowedAudiences?: string[];
  attributeCondition?: string;
  serviceAccounts?: Record<string, ServiceAccountConfig>;
  storage?: StorageBinding[];
  /** Cloud Run-like services that take a Google ID token for their URL (`${url}/run/<name>`). */
  services?: Record<string, RunService>;
  /** Universe domain (default googleapis.com): the STS audience and the cloud-platform scope use it. */
  universe?: string;
}

export interface GoogleEmulator {
  url: string;
  stsUrl: string;
  iamCredentialsUrl: string;
  storageUrl: string;
  /** Points `gcloud storage` at the storage emulator (its uploads and downloads follow). */
  gcloudEnv: { CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE: string };
  env: { GHA_ENDPOINT_OVERRIDE_sts: string; GHA_ENDPOINT_OVERRIDE_iamcredentials: string };
  /** The workload identity provider's resource name, for the `workload-identity-provider` input. */
  provider: string;
  config: WorkloadIdentityConfig;
  serviceAccounts: Record<string, ServiceAccountConfig>;
  storage: StorageEmulator;
  /** `principalSet://...attribute.repository/REPO`, the usual workloadIdentityUser member. */
  repositoryMember(repository: string): string;
  /** The token's record as Google keeps it (kind, principal, scopes, expiry, boundary). */
  token(accessToken: string): IssuedToken | undefined;
  services: Record<string, RunService>;
  /** The URL a service answers on, which is also the audience its ID tokens need. */
  serviceUrl(name: string): string;
  /** Google's check of an ID token for `audience`: its claims, or a throw with the reason. */
  verifyIdToken(token: string, audience: string): Promise<Record<string, unknown>>;
  /** Every ID token handed out (also in `issued`), with the account and audience. */
  idTokens: Map<string, { email: string; audience: string; expiresAt: number }>;
  /** JWKS of the key ID tokens are signed with, also at `${url}/oauth2/v3/certs`. */
  jwksUri: string;
  issued: string[];
  requests: LoggedRequest[];
  faults: Faults;
  close(): Promise<void>;
}

export async function startGoogleEmulator(options: GoogleEmulatorOptions): Promise<GoogleEmulator> {
  const { clock } = options;
  const config: WorkloadIdentityConfig = {
    issuer: options.issuer,
    projectNumber: options.projectNumber ?? '123456789012',
    pool: options.pool ?? 'github',
    provider: options.provider ?? 'actions',
    allowedAudiences: options.allowedAudiences ?? [],
    ...(options.attributeCondition === undefined
      ? {}
      : { attributeCondition: options.attributeCondition }),
  };
  const store = new TokenStore(clock);
  const serviceAccounts = options.serviceAccounts ?? {};
  const services = options.services ?? {};
  const universe = options.universe ?? 'googleapis.com';
  const sts = new StsEmulator({ ...config, universe }, store, clock);
  const storage = new StorageEmulator(options.storage ?? [], store, clock);
  const signer = await IdTokenSigner.create(clock);
  const impersonation: ImpersonationContext = {
    accounts: serviceAccounts,
    store,
    clock,
    universe,
  };
  let baseUrl = '';
  const uniqueIds = () => new Map(Object.keys(serviceAccounts).map((e) => [uniqueIdOf(e), e]));

  const server = await startServer(
    async (req) => {
      if (req.method === 'POST' && req.path === '/v1/token') return sts.handle(req);
      const gen = GENERATE_PATH.exec(req.path);
      if (req.method === 'POST' && gen) {
        return generateAccessToken(req, decodeURIComponent(gen[1]!), impersonation);
      }
      const id = ID_TOKEN_PATH.exec(req.path);
      if (req.method === 'POST' && id) {
        return generateIdToken(req, decodeURIComponent(id[1]!), impersonation, signer);
      }
      if (req.method === 'GET' && req.path === '/oauth2/v3/certs') return { body: signer.jwks };
      const run = RUN_PATH.exec(req.path);
      if (run) return invokeRunService(req, run[1]!, baseUrl, services, signer, uniqueIds());
      return storage.handle(req);
    },
    {
      clock,
      // Google's own shapes for injected failures, so that clients parse them as they would Google's.
      faultReply: (kind, req) => {
        if (kind !== 'status500' && kind !== 'status503') return undefined;
        const status = kind === 'status500' ? 500 : 503;
        if (req.path === '/v1/token')
          return {
            status,
            body: { error: 'temporarily_unavailable', error_description: 'Injected fault' },
          };
        return {
          status,
          body: {
            error: {
              code: status,
              message: 'Injected fault',
              status: status === 500 ? 'INTERNAL' : 'UNAVAILABLE',
            },
          },
        };
      },
    },
  );

  baseUrl = server.url;
  const pool = `//iam.googleapis.com/projects/${config.projectNumber}/locations/global/workloadIdentityPools/${config.pool}`;
  return {
    url: server.url,
    stsUrl: `${server.url}/v1`,
    iamCredentialsUrl: `${server.url}/v1`,
    storageUrl: server.url,
    gcloudEnv: { CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE: `${server.url}/storage/v1/` },
    env: {
      GHA_ENDPOINT_OVERRIDE_sts: `${server.url}/v1`,
      GHA_ENDPOINT_OVERRIDE_iamcredentials: `${server.url}/v1`,
    },
    provider: providerName(config),
    config,
    serviceAccounts,
    storage,
    repositoryMember: (repository) => `principalSet:${pool}/attribute.repository/${repository}`,
    token: (accessToken) => store.tokens.get(accessToken),
    services,
    serviceUrl: (name) => `${server.url}/run/${name}`,
    verifyIdToken: (token, audience) => signer.verify(token, audience),
    idTokens: signer.tokens,
    jwksUri: `${server.url}/oauth2/v3/certs`,
    get issued() {
      return [...store.tokens.keys(), ...signer.tokens.keys()];
    },
    requests: server.requests,
    faults: server.faults,
    close: () => server.close(),
  };
}
