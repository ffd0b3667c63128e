import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { CloudError } from '../../errors.js';
import type { Credential, Delivery, Provider } from '../provider.js';
import {
  gcpCloser,
  ID_TOKEN_VARIABLE,
  NO_REVOKE,
  PROJECT_VARIABLES,
  TOKEN_VARIABLES,
  type GcpHandle,
} from './close.js';
import { httpTimeoutMs } from '../retry.js';
import { boundaryDigest, boundaryOptions, describeBoundary } from './boundary.js';
import type { Token } from './exchange.js';
import {
  DEFAULT_DURATION,
  parseGcpSettings,
  type GcpSettings,
  type TokenFormat,
} from './settings.js';
import { jwtExpiry } from './jwt-expiry.js';

export const GCP_OUTPUTS = { accessToken: 'gcp-access-token', idToken: 'gcp-id-token' } as const;

/** Variables that would make a tool pick other (often long-lived) credentials than the grant's. */
export const COMPETING = [
  'GOOGLE_APPLICATION_CREDENTIALS',
  'GOOGLE_GHA_CREDS_PATH',
  'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE',
  'CLOUDSDK_AUTH_ACCESS_TOKEN_FILE',
  'CLOUDSDK_AUTH_IMPERSONATE_SERVICE_ACCOUNT',
  'CLOUDSDK_CORE_ACCOUNT',
  'GOOGLE_CREDENTIALS',
  'GOOGLE_CLOUD_KEYFILE_JSON',
  'GCLOUD_KEYFILE_JSON',
  'GOOGLE_IMPERSONATE_SERVICE_ACCOUNT',
] as const;

/** GitHub's OIDC tokens live 5 minutes. */
const GITHUB_TOKEN_SECONDS = 300;

function earliest(...dates: Array<Date | undefined>): Date | undefined {
  const known = dates.filter((d): d is Date => d !== undefined);
  return known.length ? new Date(Math.min(...known.map((d) => d.getTime()))) : undefined;
}

/** Who a direct federation token acts as, with the default mapping google.subject = assertion.sub. */
function federatedPrincipal(s: GcpSettings, jwt: string): string {
  let sub: string;
  try {
    sub = String(decodeJwt(jwt).sub ?? '');
  } catch {
    sub = '';
  }
  return `principal://iam.googleapis.com/projects/${s.projectNumber}/locations/global/workloadIdentityPools/${s.pool}/subject/${sub}`;
}

export interface GcpCredential extends Credential {
  /** The token handed on: an access token, or with token-format id-token a Google-signed ID token. */
  readonly accessToken: string;
  readonly tokenFormat: TokenFormat;
}

export const gcpProvider: Provider<GcpSettings, GcpCredential, GcpHandle> = {
  ...gcpCloser,
  outputNames: Object.values(GCP_OUTPUTS),

  async plan(inputs, common, env) {
    const s = await parseGcpSettings(inputs, common, env);
    return {
      settings: s,
      request: {
        provider: 'gcp',
        // Direct federation acts as the pool's principal; policy rules name the provider then.
        principal: s.serviceAccount ?? s.workloadIdentityProvider,
        audience: s.audience,
        scope: s.idToken
          ? `ID token for audience ${s.idToken.audience}`
          : [
              s.scopes.join(' '),
              ...(s.boundary.length ? [`boundary ${describeBoundary(s.boundary)}`] : []),
            ].join('; '),
        // A direct federation token dies with the 5-minute GitHub token it came from.
        lifetime: s.serviceAccount ? s.duration : GITHUB_TOKEN_SECONDS,
        requestedLifetime: common.duration,
        endpointOverrides: s.overridden.map(
          (name) =>
            `${name}=${name.endsWith('sts') ? s.endpoints.sts : s.endpoints.iamcredentials}`,
        ),
      },
    };
  },

  prepare() {
    // Only the code: gaxios's fetch classes are the bundle's own (src/http/fetch-classes.ts), so
    // nothing here loads Node's undici.
    Promise.all([import('./exchange.js'), import('./errors.js')]).catch(() => undefined);
  },

  async issue({ settings: s }, ctx) {
    // google-auth-library is loaded only when a call is made: a refused input, and the post
    // step that closes the grant, never pay for it.
    const [{ Exchanger }, { translateExchangeError }] = await Promise.all([
      import('./exchange.js'),
      import('./errors.js'),
    ]);
    const exchanger = new Exchanger(s, {
      timeoutMs: httpTimeoutMs(process.env),
      now: ctx.now,
      onRetry: (stage, status, attempt) =>
        ctx.log.info(
          `Google Cloud ${stage} attempt ${attempt} failed (${status === undefined ? 'no answer' : `HTTP ${status}`}); retrying`,
        ),
    });
    const jwt = ctx.token;
    const requestedAt = ctx.now();
    const secrets: string[] = [];
    // Masked as each arrives: the next call's error may quote the token it was sent.
    const keep = (token: string) => {
      ctx.mask(token);
      secrets.push(token);
    };
    let delivered: Token;
    let federatedExpiry: Date | undefined;
    try {
      const federated = await exchanger.federate(jwt);
      if (!federated.accessToken)
        throw new CloudError('Google STS answered without an access token; nothing was issued.');
      keep(federated.accessToken);
      // Google's federated token does not outlive the GitHub token it was made from.
      federatedExpiry = earliest(federated.expiresAt, jwtExpiry(jwt));
      if (s.serviceAccount && s.idToken) {
        const id = await exchanger.generateIdToken(federated.accessToken, s.serviceAccount);
        if (!id.accessToken || !id.expiresAt)
          throw new CloudError(
            'Google IAM Credentials answered without a readable ID token; nothing was issued.',
          );
        keep(id.accessToken);
        delivered = id;
      } else if (s.serviceAccount) {
        const sa = await exchanger.impersonate(federated.accessToken, s.serviceAccount);
        if (!sa.accessToken)
          throw new CloudError(
            'Google IAM Credentials answered without an access token; nothing was issued.',
          );
        keep(sa.accessToken);
        delivered = {
          accessToken: sa.accessToken,
          expiresAt: sa.expiresAt ?? new Date(requestedAt.getTime() + s.duration * 1000),
        };
      } else {
        delivered = { accessToken: federated.accessToken, expiresAt: federatedExpiry };
      }
      if (s.boundary.length) {
        const down = await exchanger.downscope(delivered.accessToken, boundaryOptions(s.boundary));
        if (!down.accessToken)
          throw new CloudError(
            'Google STS answered the downscoping call without a token; nothing was issued.',
          );
        keep(down.accessToken);
        // A downscoped token never outlives its source.
        delivered = {
          accessToken: down.accessToken,
          expiresAt: earliest(down.expiresAt, delivered.expiresAt),
        };
      }
    } catch (err) {
      throw translateExchangeError(err, s, jwt);
    }
    const expiresAt =
      delivered.expiresAt ?? jwtExpiry(jwt) ?? new Date(requestedAt.getTime() + 300_000);
    const notes: string[] = [];
    if (!s.serviceAccount) {
      notes.push(
        `Direct federation: the token dies with the GitHub OIDC token it came from (${expiresAt.toISOString()}, about 5 minutes); add service-account to choose a lifetime.`,
      );
    }
    if (s.boundary.length) {
      notes.push(
        `Downscoped by a Credential Access Boundary: Cloud Storage only, ${describeBoundary(s.boundary)}; other APIs refuse it.`,
      );
    }
    if (s.idToken) {
      notes.push(
        `A Google-signed ID token for ${s.idToken.audience}${s.idToken.includeEmail ? ' (with the email claims)' : ''}: ` +
          `every service that trusts that audience accepts it until its exp (${expiresAt.toISOString()}, Google's fixed hour); nothing revokes it.`,
      );
    }
    if (s.delegates.length) {
      notes.push(`Impersonated through the delegation chain ${s.delegates.join(', ')}.`);
    }
    notes.push(
      `${s.idToken ? NO_REVOKE.replace('access tokens', 'ID tokens') : NO_REVOKE} once closed.`,
    );
    const scopeParts = [
      s.serviceAccount
        ? `service account ${s.serviceAccount}`
        : `direct federation through ${s.pool}/${s.providerId}`,
    ];
    scopeParts.push(
      s.idToken ? `ID token for audience ${s.idToken.audience}` : `scopes ${s.scopes.join(' ')}`,
    );
    if (s.boundary.length) scopeParts.push(`boundary ${describeBoundary(s.boundary)}`);
    const credential: GcpCredential = {
      principal: s.serviceAccount ?? federatedPrincipal(s, jwt),
      expiresAt,
      accessToken: delivered.accessToken,
      tokenFormat: s.tokenFormat,
      // The intermediate tokens are masked too, though they never leave this process.
      secrets,
      scope: scopeParts.join('; '),
      ...(s.boundary.length ? { scopeDigest: boundaryDigest(s.boundary) } : {}),
      facts: {
        workloadIdentityProvider: s.workloadIdentityProvider,
        tokenType: s.idToken ? 'id-token' : s.serviceAccount ? 'service-account' : 'federated',
        ...(s.serviceAccount
          ? { serviceAccount: s.serviceAccount, lifetimeSeconds: s.duration }
          : {}),
        ...(s.serviceAccount && !s.idToken && s.duration !== DEFAULT_DURATION
          ? { requestedSeconds: s.duration }
          : {}),
        ...(s.idToken
          ? { idTokenAudience: s.idToken.audience, idTokenIncludesEmail: s.idToken.includeEmail }
          : {}),
        ...(s.delegates.length ? { delegates: s.delegates.join(' ') } : {}),
        ...(s.universe !== 'googleapis.com' ? { universe: s.universe } : {}),
        ...(federatedExpiry ? { federatedExpiresAt: federatedExpiry.toISOString() } : {}),
        downscoped: s.boundary.length > 0,
        ...(s.projectId ? { projectId: s.projectId } : {}),
        roundTrips: exchanger.requests,
        ...(s.overridden.length ? { endpointOverrides: s.overridden.join(' ') } : {}),
      },
      notes,
    };
    return {
      credential,
      handle: {
        federated: !s.serviceAccount,
        lifetimeSeconds: s.serviceAccount ? s.duration : null,
        idToken: s.idToken !== undefined,
        metadataServer: s.metadataServer,
      },
    };
  },

  async deliver({ settings: s }, credential, ctx): Promise<Delivery> {
    const token = credential.accessToken;
    const id = credential.tokenFormat === 'id-token';
    if (ctx.mode === 'outputs') {
      const output = id ? GCP_OUTPUTS.idToken : GCP_OUTPUTS.accessToken;
      return { env: {}, files: [], outputs: { [output]: token } };
    }
    const env: Record<string, string> = {};
    // An ID token is a bearer token for its audience only: tools that expect an access token never get it.
    if (id) env[ID_TOKEN_VARIABLE] = token;
    else for (const name of TOKEN_VARIABLES) env[name] = token;
    if (s.projectId) for (const name of PROJECT_VARIABLES) env[name] = s.projectId;
    if (ctx.mode === 'run') {
      // gcloud's own state (logs, caches, any earlier login) for this command only, deleted on close.
      env['CLOUDSDK_CONFIG'] = join(ctx.dir, 'gcloud');
    }
    if (ctx.mode === 'run' && s.metadataServer) {
      const { startMetadataServer } = await import('./metadata-server.js');
      const server = await startMetadataServer({
        token,
        expiresAt: credential.expiresAt,
        email: s.serviceAccount,
        projectId: s.projectId,
        universe: s.universe,
        now: () => new Date(),
      });
      // Node and Go read the host; Python pings GCE_METADATA_IP first.
      env['GCE_METADATA_HOST'] = server.host;
      env['GCE_METADATA_IP'] = server.host;
      return {
        env,
        files: [],
        outputs: {},
        unset: [...COMPETING, 'METADATA_SERVER_DETECTION'],
        notes: [server.note],
      };
    }
    return { env, files: [], outputs: {}, unset: [...COMPETING] };
  },
};
