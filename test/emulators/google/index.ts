/**
 * Google Cloud on loopback: STS, IAM Credentials and a Cloud Storage subset on one server,
 * so that `GHA_ENDPOINT_OVERRIDE_sts` / `_iamcredentials` (and a storage base URL) point at it.
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
 *   google.issued;          // every access token handed out (for the leak canary)
 *   google.requests; google.faults;   // see ../http.ts
 *
 * The emulator knows only the issuer URL: it fetches discovery and the JWKS itself.
 */
import type { Clock } from '../clock.ts';
import { startServer, type Faults, type LoggedRequest } from '../http.ts';
import { generateAccessToken, GENERATE_PATH } from './iam.ts';
import {
  TokenStore,
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
  const sts = new StsEmulator(config, store, clock);
  const storage = new StorageEmulator(options.storage ?? [], store, clock);

  const server = await startServer(
    async (req) => {
      if (req.method === 'POST' && req.path === '/v1/token') return sts.handle(req);
      const gen = GENERATE_PATH.exec(req.path);
      if (req.method === 'POST' && gen) {
        return generateAccessToken(req, decodeURIComponent(gen[1]!), serviceAccounts, store, clock);
      }
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
    get issued() {
      return [...store.tokens.keys()];
    },
    requests: server.requests,
    faults: server.faults,
    close: () => server.close(),
  };
}
