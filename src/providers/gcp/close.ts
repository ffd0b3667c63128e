import { formatDuration } from '../../runner/inputs.js';
import {
  expiryClose,
  handleObject,
  type CloseContext,
  type CloseHandle,
  type Closer,
  type ServerSideClose,
} from '../provider.js';

/** Read by no tool; a script passes it as a bearer token (e.g. to a Cloud Run service). */
export const ID_TOKEN_VARIABLE = 'GOOGLE_ID_TOKEN';

/** gcloud, Terraform (and OpenTofu, Pulumi) read these; client libraries take the token in code. */
export const TOKEN_VARIABLES = ['CLOUDSDK_AUTH_ACCESS_TOKEN', 'GOOGLE_OAUTH_ACCESS_TOKEN'] as const;
/** The project as gcloud, Terraform and the client libraries look for it. */
export const PROJECT_VARIABLES = [
  'CLOUDSDK_CORE_PROJECT',
  'CLOUDSDK_PROJECT',
  'GCLOUD_PROJECT',
  'GCP_PROJECT',
  'GOOGLE_CLOUD_PROJECT',
  'GOOGLE_PROJECT',
] as const;

export const NO_REVOKE =
  'Google Cloud cannot revoke access tokens: the cloud accepts this one until the time shown; every copy on the runner is gone';

export interface GcpHandle extends CloseHandle {
  readonly federated: boolean;
  readonly lifetimeSeconds: number | null;
  /** True for an ID token; false (or absent, in handles of earlier versions) for an access token. */
  readonly idToken: boolean;
  /** A loopback metadata server served the token to the `run:` command: closing stops it. */
  readonly metadataServer: boolean;
}

export const gcpCloser: Closer<GcpHandle> = {
  id: 'gcp',
  envNames: [...TOKEN_VARIABLES, ID_TOKEN_VARIABLE, ...PROJECT_VARIABLES, 'CLOUDSDK_CONFIG'],
  credentialNames: [...TOKEN_VARIABLES, ID_TOKEN_VARIABLE],
  async close(handle, ctx) {
    // Before the scrub: the command has ended, and nothing may fetch the token any more.
    const server = handle.metadataServer
      ? await (await import('./metadata-server.js')).stopMetadataServers()
      : undefined;
    const closed = expiryCloseOf(handle, ctx);
    if (!handle.metadataServer) return closed;
    if (server === undefined) {
      return {
        ...closed,
        note: `${closed.note}; the loopback metadata server ran in the main step's process and stopped with it: this step cannot say how many token requests it answered`,
      };
    }
    return {
      ...closed,
      note: `${closed.note}; the loopback metadata server answered ${server.served} token request(s), refused ${server.refused} request(s) from processes of other OS users, and is stopped`,
    };
  },

  readHandle(raw) {
    const h = handleObject(raw, 'gcp');
    const lifetime = h['lifetimeSeconds'];
    return {
      federated: h['federated'] === true,
      lifetimeSeconds:
        typeof lifetime === 'number' && Number.isSafeInteger(lifetime) && lifetime > 0
          ? lifetime
          : null,
      idToken: h['idToken'] === true,
      metadataServer: h['metadataServer'] === true,
    };
  },
};

function expiryCloseOf(
  handle: GcpHandle,
  ctx: Pick<CloseContext, 'now' | 'expiresAt'>,
): ServerSideClose {
  if (handle.idToken) {
    return expiryClose(
      ctx,
      'Google cannot revoke ID tokens: every service that trusts its audience accepts it until its exp, one hour after issuance; every copy on the runner is gone',
    );
  }
  const lifetime = handle.lifetimeSeconds;
  const why = handle.federated
    ? `${NO_REVOKE}; as a direct federation token it dies with the GitHub OIDC token`
    : `${NO_REVOKE}; generateAccessToken bounded it to ${lifetime !== null ? formatDuration(lifetime) : 'its lifetime'}`;
  return expiryClose(ctx, why);
}
