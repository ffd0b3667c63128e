import { ConfigurationError } from '../errors.js';
import {
  ENGINE_INPUTS,
  type EngineEvent,
  type Front,
  type FrontPlan,
  type Given,
  type PeerInput,
} from './front.js';

const PEER = 'google-github-actions/auth@v3';

/** The peer's token_format → ours. */
const TOKEN_FORMATS: Readonly<Record<string, string>> = {
  access_token: 'access-token',
  id_token: 'id-token',
};

/** Every input of google-github-actions/auth v3 (action.yml of v3.0.0), and what this door does with it. */
export const GCP_PEER_INPUTS: Readonly<Record<string, PeerInput>> = {
  workload_identity_provider: {
    kind: 'mapped',
    to: 'workload-identity-provider',
    note: 'the project number is checked before any request',
  },
  service_account: {
    kind: 'mapped',
    to: 'service-account',
    note: 'without it, direct federation: the federated token itself (about 5 minutes)',
  },
  audience: { kind: 'mapped', to: 'audience' },
  project_id: { kind: 'mapped', to: 'project-id' },
  access_token_lifetime: {
    kind: 'mapped',
    to: 'duration',
    note: '`300s`, `5m`…; default 10 m here (the peer: 3600 s); up to 1 h, 12 h with allow-lifetime-extension',
  },
  access_token_scopes: { kind: 'mapped', to: 'scopes' },
  delegates: {
    kind: 'mapped',
    to: 'delegates',
    note: 'emails or projects/-/serviceAccounts/EMAIL, in chain order; sent to generateAccessToken and generateIdToken',
  },
  universe: {
    kind: 'mapped',
    to: 'universe',
    note: 'sts.<universe>, iamcredentials.<universe>, the STS audience //iam.<universe>/… and its cloud-platform scope',
  },
  request_reason: {
    kind: 'mapped',
    to: 'request-reason',
    note: 'the X-Goog-Request-Reason header of every call',
  },
  id_token_audience: { kind: 'mapped', to: 'id-token-audience' },
  id_token_include_email: { kind: 'mapped', to: 'id-token-include-email' },
  token_format: {
    kind: 'handled',
    standsFor: 'token-format',
    values: Object.fromEntries(Object.entries(TOKEN_FORMATS).map(([peer, ours]) => [ours, peer])),
    note: '`access_token`: also the `access_token` output; `id_token`: a Google-signed ID token (generateIdToken) instead of an access token, in `GOOGLE_ID_TOKEN` and the `id_token` output; empty: the access token for gcloud and Terraform in the environment, no token output',
  },
  export_environment_variables: {
    kind: 'handled',
    note: 'false: nothing goes to GITHUB_ENV (export: outputs); true (default): the token and project variables go to the job',
  },
  create_credentials_file: {
    kind: 'handled',
    note: 'false: accepted (no file is ever written); true with run: a loopback metadata server gives the command Application Default Credentials; true without run: refused, see the reason',
  },
  cleanup_credentials: {
    kind: 'handled',
    note: 'accepted, no effect: no file is written, and every grant is closed whatever it says',
  },
  credentials_json: {
    kind: 'refused',
    secret: true,
    reason:
      'a service account key is a long-lived secret, which this action exists to replace. Remove it and use ' +
      "'workload_identity_provider' (and 'service_account') with the job's OIDC token (permissions: id-token: write); " +
      'run `jit-credentials fix` on the workflow to get the replacement step.',
  },
  access_token_subject: {
    kind: 'refused',
    reason:
      'domain-wide delegation makes the service account act as a Google Workspace user, through a JWT signed by the ' +
      'service account and the OAuth token endpoint; this action does not issue such tokens. Keep the peer for that step.',
  },
};

export const gcpFront: Front = {
  provider: 'gcp',
  name: 'actions/gcp',
  peer: PEER,
  own: ['access-boundary', 'allow-lifetime-extension', 'metadata-server', ...ENGINE_INPUTS],
  inputs: GCP_PEER_INPUTS,
  outputs: {
    project_id: {
      set: true,
      note: "the project given, else the service account's; not set when neither gives one",
    },
    access_token: {
      set: true,
      note: 'with token_format: access_token (masked)',
    },
    id_token: { set: true, note: 'with token_format: id_token (masked)' },
    auth_token: {
      set: true,
      note: 'direct federation only, where it is the token delivered; with service_account the intermediate federated token never leaves the action (use access_token)',
    },
    credentials_file_path: {
      set: false,
      note: 'never: no credentials file is written (it would hold ACTIONS_ID_TOKEN_REQUEST_TOKEN)',
    },
  },
  defaults: { export: 'env' },
  prepare: prepareGcp,
};

function prepareGcp(given: Given): FrontPlan {
  const run = given.value('run') !== undefined;
  const format = given.value('token_format');
  const inputs: Record<string, string> = {};
  if (format !== undefined) {
    const ours = TOKEN_FORMATS[format];
    if (ours === undefined) {
      throw new ConfigurationError(
        `Invalid token_format '${format}'. Expected access_token, id_token, or nothing (the access token for gcloud and Terraform in the environment).`,
      );
    }
    inputs['token-format'] = ours;
    if (run && format === 'access_token') {
      throw new ConfigurationError(
        "actions/gcp refuses 'token_format: access_token' with 'run': the token exists only inside that command, and the " +
          "access_token output would outlive it. Remove 'token_format' (the command gets CLOUDSDK_AUTH_ACCESS_TOKEN and " +
          "GOOGLE_OAUTH_ACCESS_TOKEN), or remove 'run' to use the output in later steps.",
      );
    }
  }
  if (given.boolean('create_credentials_file', false)) {
    // What the user wants is Application Default Credentials: a run: command gets them from a
    // loopback metadata server that lives as long as it; a later step cannot have them safely.
    if (!run) {
      throw new ConfigurationError(
        "actions/gcp refuses 'create_credentials_file: true' without 'run': the peer's credentials file holds the runner's " +
          'ACTIONS_ID_TOKEN_REQUEST_TOKEN, with which anything that reads it can mint OIDC tokens until the job ends. ' +
          'gcloud, Terraform and the Google provider get the token from the environment without it. For client libraries ' +
          "(Application Default Credentials), give the command in 'run': a loopback metadata server serves them the token " +
          "for as long as the command runs; or pass the token in code ('token_format: access_token' and its output).",
      );
    }
    inputs['metadata-server'] = 'true';
  }
  given.boolean('cleanup_credentials', true);
  if (!run && !given.boolean('export_environment_variables', true)) {
    if (given.value('export') === 'env') {
      throw new ConfigurationError(
        "'export_environment_variables: false' and 'export: env' contradict each other. Remove one of the two.",
      );
    }
    inputs['export'] = 'outputs';
  }
  const direct = given.value('service_account') === undefined;
  const project = projectOf(given);
  return {
    inputs,
    secretOutputs: ['access_token', 'id_token', 'auth_token'],
    outputs: (event) => gcpOutputs(event, { format, direct, project }),
  };
}

/** The project the peer reports: the input, else the service account's (`x@PROJECT.iam.gserviceaccount.com`). */
function projectOf(given: Given): string | undefined {
  return (
    given.value('project_id') ??
    /@([a-z][a-z0-9-]{4,28}[a-z0-9])\.iam\.gserviceaccount\.com$/.exec(
      given.value('service_account') ?? '',
    )?.[1]
  );
}

function gcpOutputs(
  event: EngineEvent,
  o: { format: string | undefined; direct: boolean; project: string | undefined },
): Record<string, string> {
  if (event.kind === 'output' && event.name === 'principal') {
    return o.project ? { project_id: o.project } : {};
  }
  const access =
    (event.kind === 'env' && event.name === 'CLOUDSDK_AUTH_ACCESS_TOKEN') ||
    (event.kind === 'output' && event.name === 'gcp-access-token');
  const id =
    (event.kind === 'env' && event.name === 'GOOGLE_ID_TOKEN') ||
    (event.kind === 'output' && event.name === 'gcp-id-token');
  if (event.value === '') return {};
  if (id) return { id_token: event.value };
  if (!access) return {};
  return {
    ...(o.format === 'access_token' ? { access_token: event.value } : {}),
    ...(o.direct ? { auth_token: event.value } : {}),
  };
}
