import { ConfigurationError } from '../../errors.js';
import { isLoopbackHost } from '../../policy/issuer.js';
import type { Inputs } from '../../runner/inputs.js';
import { formatDuration } from '../../runner/inputs.js';
import type { CommonSettings } from '../provider.js';
import { parseAccessBoundary, type BoundaryRule } from './boundary.js';

export const GCP_INPUT = {
  workloadIdentityProvider: 'workload-identity-provider',
  serviceAccount: 'service-account',
  accessBoundary: 'access-boundary',
  scopes: 'scopes',
  projectId: 'project-id',
  allowLifetimeExtension: 'allow-lifetime-extension',
  tokenFormat: 'token-format',
  idTokenAudience: 'id-token-audience',
  idTokenIncludeEmail: 'id-token-include-email',
  delegates: 'delegates',
  universe: 'universe',
  requestReason: 'request-reason',
  metadataServer: 'metadata-server',
} as const;

export type TokenFormat = 'access-token' | 'id-token';
export const TOKEN_FORMATS: readonly TokenFormat[] = ['access-token', 'id-token'];
export const DEFAULT_UNIVERSE = 'googleapis.com';
/** Google fixes an ID token's life at one hour; nothing shortens it. */
export const ID_TOKEN_SECONDS = 3600;

export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
export const DEFAULT_DURATION = 600;
/** generateAccessToken's limit without the organisation policy constraint. */
export const MAX_DURATION = 3600;
/** With constraints/iam.allowServiceAccountCredentialLifetimeExtension. */
export const MAX_EXTENDED_DURATION = 43_200;
/** Below this, clock skew between the runner and Google would eat the window. */
export const MIN_DURATION = 60;

/** The variable names google-github-actions/auth reads, so that one emulator serves both. */
export const ENDPOINT_ENV = {
  sts: 'GHA_ENDPOINT_OVERRIDE_sts',
  iamcredentials: 'GHA_ENDPOINT_OVERRIDE_iamcredentials',
} as const;
export const DEFAULT_ENDPOINTS = {
  sts: 'https://sts.googleapis.com/v1',
  iamcredentials: 'https://iamcredentials.googleapis.com/v1',
} as const;

export interface GcpSettings {
  /** projects/N/locations/global/workloadIdentityPools/P/providers/X */
  readonly workloadIdentityProvider: string;
  readonly projectNumber: string;
  readonly pool: string;
  readonly providerId: string;
  /** undefined: direct federation, the STS token itself is handed on. */
  readonly serviceAccount: string | undefined;
  /** Effective lifetime in seconds (with a service account). */
  readonly duration: number;
  readonly scopes: readonly string[];
  readonly boundary: readonly BoundaryRule[];
  readonly projectId: string | undefined;
  /** Audience of the GitHub OIDC token. */
  readonly audience: string;
  /** Audience sent to Google STS: `//iam.googleapis.com/` + the provider's resource name. */
  readonly stsAudience: string;
  readonly endpoints: { readonly sts: string; readonly iamcredentials: string };
  /** Names of the override variables in effect, for a warning and the record. */
  readonly overridden: readonly string[];
  /** What the grant hands on: an OAuth access token, or a Google-signed ID token (generateIdToken). */
  readonly tokenFormat: TokenFormat;
  /** With token-format id-token: the audience (`aud`) and whether the email claims are included. */
  readonly idToken: { readonly audience: string; readonly includeEmail: boolean } | undefined;
  /** Impersonation chain before the service account, as projects/-/serviceAccounts/EMAIL. */
  readonly delegates: readonly string[];
  /** Universe domain (googleapis.com unless a Trusted Partner or Distributed Cloud). */
  readonly universe: string;
  /** The scope the federated token needs to impersonate, in this universe. */
  readonly cloudPlatformScope: string;
  /** Sent as X-Goog-Request-Reason on every call, for the audit logs. */
  readonly requestReason: string | undefined;
  /** Serve the token to the `run:` command's client libraries as a loopback metadata server (ADC). */
  readonly metadataServer: boolean;
}

const WIF_PROVIDER =
  /^projects\/([^/]+)\/locations\/([^/]+)\/workloadIdentityPools\/([^/]+)\/providers\/([^/]+)$/;
/** Pool and provider ids: 4-32 of lower-case letters, digits and hyphens. */
const WIF_ID = /^[a-z0-9][a-z0-9-]{2,30}[a-z0-9]$/;
const SA_NAME = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const SA_DOMAIN =
  /^(?:[a-z0-9-]+\.)*iam\.gserviceaccount\.com$|^(?:developer|appspot)\.gserviceaccount\.com$/;
const PROJECT_ID = /^(?:[a-z][a-z0-9.-]*[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const SCOPE = /^https:\/\/www\.googleapis\.com\/auth\/[a-z0-9._-]+$/;
const OPENID_SCOPES = ['openid', 'email', 'profile'];

/** Async only for `access-boundary`, whose YAML parser is loaded when the input is given. */
export async function parseGcpSettings(
  inputs: Inputs,
  common: CommonSettings,
  env: NodeJS.ProcessEnv,
): Promise<GcpSettings> {
  const wif = parseWorkloadIdentityProvider(
    inputs.required(
      GCP_INPUT.workloadIdentityProvider,
      'the full resource name of the workload identity provider, e.g. ' +
        'projects/123456789/locations/global/workloadIdentityPools/github/providers/my-repo.',
    ),
  );
  const serviceAccount = parseServiceAccount(inputs.optional(GCP_INPUT.serviceAccount));
  const universe = parseUniverse(inputs.optional(GCP_INPUT.universe));
  const tokenFormat = inputs.oneOf(GCP_INPUT.tokenFormat, TOKEN_FORMATS, 'access-token')!;
  const idToken =
    tokenFormat === 'id-token' ? parseIdToken(inputs, common, serviceAccount) : undefined;
  if (!idToken) rejectIdTokenInputs(inputs);
  const extended = inputs.boolean(GCP_INPUT.allowLifetimeExtension, false);
  const duration = idToken
    ? ID_TOKEN_SECONDS
    : parseLifetime(common.duration, serviceAccount, extended);
  const scopes = parseScopes(inputs.list(GCP_INPUT.scopes), universe);
  const boundaryText = inputs.raw(GCP_INPUT.accessBoundary);
  const boundary = boundaryText === undefined ? [] : await parseAccessBoundary(boundaryText);
  if (idToken && boundary.length) {
    throw new ConfigurationError(
      "'access-boundary' narrows access tokens for Cloud Storage; an ID token carries no scopes to narrow. " +
        "Remove it, or use 'token-format: access-token'.",
    );
  }
  const delegates = parseDelegates(inputs.list(GCP_INPUT.delegates), serviceAccount);
  if (boundary.length && !scopes.includes(CLOUD_PLATFORM_SCOPE)) {
    throw new ConfigurationError(
      `'access-boundary' needs a token with the ${CLOUD_PLATFORM_SCOPE} scope to downscope, but 'scopes' is ` +
        `'${scopes.join(', ')}'. Add that scope or remove 'access-boundary'.`,
    );
  }
  const projectId = parseProjectId(inputs.optional(GCP_INPUT.projectId), serviceAccount);
  const { endpoints, overridden } = parseEndpoints(env, universe);
  return Object.freeze({
    ...wif,
    serviceAccount,
    duration,
    scopes,
    boundary,
    projectId,
    // As google-github-actions/auth: the GitHub token's audience keeps iam.googleapis.com in every universe.
    audience: common.audience ?? `https://iam.googleapis.com/${wif.workloadIdentityProvider}`,
    stsAudience: `//iam.${universe}/${wif.workloadIdentityProvider}`,
    endpoints,
    overridden,
    tokenFormat,
    idToken,
    delegates,
    universe,
    cloudPlatformScope: `https://www.${universe}/auth/cloud-platform`,
    requestReason: parseRequestReason(inputs.optional(GCP_INPUT.requestReason)),
    metadataServer: parseMetadataServer(inputs, common, tokenFormat),
  });
}

/** Only a `run:` command can have a server that lives exactly as long as it does. */
function parseMetadataServer(
  inputs: Inputs,
  common: CommonSettings,
  tokenFormat: TokenFormat,
): boolean {
  if (!inputs.boolean(GCP_INPUT.metadataServer, false)) return false;
  if (common.mode !== 'run') {
    throw new ConfigurationError(
      "'metadata-server: true' needs 'run': the loopback metadata server lives exactly as long as that command. " +
        'Without run, pass the token to the client library in code, or use a step output.',
    );
  }
  if (tokenFormat !== 'access-token') {
    throw new ConfigurationError(
      "'metadata-server: true' serves an access token; with 'token-format: id-token' use GOOGLE_ID_TOKEN instead.",
    );
  }
  return true;
}

const UNIVERSE = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The universe domain the API hosts are built from: sts.<universe>, iamcredentials.<universe>. */
export function parseUniverse(value: string | undefined): string {
  if (value === undefined) return DEFAULT_UNIVERSE;
  if (!UNIVERSE.test(value)) {
    throw new ConfigurationError(
      `Invalid universe '${value}'. Expected a universe domain such as googleapis.com (the default) or the domain ` +
        'your Trusted Partner Cloud or Distributed Cloud gives, without https:// or a path.',
    );
  }
  return value;
}

function parseIdToken(
  inputs: Inputs,
  common: CommonSettings,
  serviceAccount: string | undefined,
): { audience: string; includeEmail: boolean } {
  if (serviceAccount === undefined) {
    throw new ConfigurationError(
      "'token-format: id-token' needs 'service-account': Google signs ID tokens for a service account " +
        '(IAM Credentials generateIdToken), not for a federated identity.',
    );
  }
  const audience = inputs.required(
    GCP_INPUT.idTokenAudience,
    'the audience of the ID token, such as the URL of the Cloud Run service it calls.',
  );
  if (/\s/.test(audience) || audience.length > 1024) {
    throw new ConfigurationError(
      `Invalid id-token-audience '${audience}'. Give one audience without spaces, such as https://my-service-abc123-uc.a.run.app.`,
    );
  }
  if (common.duration !== undefined) {
    throw new ConfigurationError(
      `'duration' does not apply to an ID token: Google fixes its life at one hour, and nothing can revoke it. ` +
        "Remove 'duration', or use 'run' so that nothing on the runner keeps it after the command.",
    );
  }
  if (inputs.list(GCP_INPUT.scopes).length) {
    throw new ConfigurationError(
      "'scopes' apply to access tokens; an ID token is checked by its audience. Remove 'scopes'.",
    );
  }
  return { audience, includeEmail: inputs.boolean(GCP_INPUT.idTokenIncludeEmail, false) };
}

/**
 * ID-token inputs without 'token-format: id-token' would be ignored, which must not happen
 * silently; `id-token-include-email: false`, the default (as the peer's docs write it), changes
 * nothing and is let be.
 */
function rejectIdTokenInputs(inputs: Inputs): void {
  const given = (name: string) =>
    name === GCP_INPUT.idTokenIncludeEmail
      ? inputs.boolean(name, false)
      : inputs.optional(name) !== undefined;
  for (const name of [GCP_INPUT.idTokenAudience, GCP_INPUT.idTokenIncludeEmail]) {
    if (given(name)) {
      throw new ConfigurationError(
        `'${name}' applies only with 'token-format: id-token'. Add that, or remove '${name}'.`,
      );
    }
  }
}

/** Emails or projects/-/serviceAccounts/EMAIL; sent in the resource form the API takes. */
export function parseDelegates(
  values: readonly string[],
  serviceAccount: string | undefined,
): string[] {
  if (values.length === 0) return [];
  if (serviceAccount === undefined) {
    throw new ConfigurationError(
      "'delegates' is an impersonation chain ending at 'service-account'; give 'service-account' too.",
    );
  }
  return values.map((v) => {
    const email = v.replace(/^projects\/-\/serviceAccounts\//, '');
    try {
      parseServiceAccount(email);
    } catch {
      throw new ConfigurationError(
        `Invalid delegate '${v}' in 'delegates'. Give service account emails (or projects/-/serviceAccounts/EMAIL), ` +
          'one per line or comma-separated, in the order of the chain.',
      );
    }
    return `projects/-/serviceAccounts/${email}`;
  });
}

function parseRequestReason(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[\x20-\x7e]{1,1024}$/.test(value)) {
    throw new ConfigurationError(
      'Invalid request-reason: use up to 1024 printable ASCII characters on one line (it becomes the X-Goog-Request-Reason header).',
    );
  }
  return value;
}

/** Also accepts the audience forms users paste (`//iam.googleapis.com/...`, `https://iam.googleapis.com/...`). */
export function parseWorkloadIdentityProvider(value: string): {
  workloadIdentityProvider: string;
  projectNumber: string;
  pool: string;
  providerId: string;
} {
  const name = value.replace(/^(?:https:)?\/\/iam\.googleapis\.com\//, '');
  const m = WIF_PROVIDER.exec(name);
  const example =
    'projects/123456789/locations/global/workloadIdentityPools/github/providers/my-repo';
  if (!m) {
    throw new ConfigurationError(
      `Invalid workload-identity-provider '${value}'. Expected the provider's full resource name, such as ${example} ` +
        '(gcloud iam workload-identity-pools providers describe PROVIDER --location=global --workload-identity-pool=POOL --format="value(name)").',
    );
  }
  const [, project, location, pool, provider] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  if (!/^\d+$/.test(project)) {
    throw new ConfigurationError(
      `Invalid workload-identity-provider '${value}': '${project}' must be the project number, not the project id ` +
        `(gcloud projects describe ${project} --format="value(projectNumber)").`,
    );
  }
  if (location !== 'global') {
    throw new ConfigurationError(
      `Invalid workload-identity-provider '${value}': workload identity pools live in location 'global', not '${location}'.`,
    );
  }
  for (const [what, id] of [
    ['pool', pool],
    ['provider', provider],
  ] as const) {
    if (!WIF_ID.test(id)) {
      throw new ConfigurationError(
        `Invalid workload-identity-provider '${value}': the ${what} id '${id}' must be 4 to 32 lower-case letters, digits or hyphens.`,
      );
    }
  }
  return { workloadIdentityProvider: name, projectNumber: project, pool, providerId: provider };
}

export function parseServiceAccount(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const at = value.indexOf('@');
  const name = value.slice(0, at);
  const domain = value.slice(at + 1);
  const ok =
    at > 0 &&
    SA_DOMAIN.test(domain) &&
    (domain.endsWith('.iam.gserviceaccount.com') ? SA_NAME.test(name) : /^[a-z0-9-]+$/.test(name));
  if (!ok) {
    throw new ConfigurationError(
      `Invalid service-account '${value}'. Expected a service account email such as ` +
        'deploy@my-project.iam.gserviceaccount.com (the email, not the display name or the numeric unique id).',
    );
  }
  return value;
}

export function parseLifetime(
  requested: number | undefined,
  serviceAccount: string | undefined,
  extended: boolean,
): number {
  if (serviceAccount === undefined) {
    if (requested !== undefined) {
      throw new ConfigurationError(
        `'duration: ${formatDuration(requested)}' needs 'service-account': without one, the federated token is used ` +
          'directly and lives exactly as long as the GitHub OIDC token (about 5 minutes), whatever is asked. ' +
          'Add service-account to choose the lifetime, or remove duration.',
      );
    }
    return 0;
  }
  const duration = requested ?? DEFAULT_DURATION;
  const max = extended ? MAX_EXTENDED_DURATION : MAX_DURATION;
  if (duration < MIN_DURATION || duration > max) {
    const hint = extended
      ? ''
      : ' Above 1h needs the organisation policy constraints/iam.allowServiceAccountCredentialLifetimeExtension ' +
        "for this service account, and 'allow-lifetime-extension: true'.";
    throw new ConfigurationError(
      `Invalid duration '${formatDuration(duration)}' for Google Cloud. Use between ${MIN_DURATION}s and ${formatDuration(max)}.${hint}`,
    );
  }
  return duration;
}

export function parseScopes(
  values: readonly string[],
  universe: string = DEFAULT_UNIVERSE,
): readonly string[] {
  if (values.length === 0) return [CLOUD_PLATFORM_SCOPE];
  const inUniverse = new RegExp(
    `^https://www\\.${universe.replace(/\./g, '\\.')}/auth/[a-z0-9._-]+$`,
  );
  for (const scope of values) {
    if (SCOPE.test(scope) || inUniverse.test(scope) || OPENID_SCOPES.includes(scope)) continue;
    const short = /^[a-z0-9._-]+$/.test(scope)
      ? ` Did you mean https://www.googleapis.com/auth/${scope}?`
      : '';
    throw new ConfigurationError(
      `Invalid scope '${scope}' in 'scopes'. Expected an OAuth scope URL such as ${CLOUD_PLATFORM_SCOPE}.${short}`,
    );
  }
  return [...new Set(values)];
}

/** The project handed to tools: the input, else the service account's project, else none. */
export function parseProjectId(
  value: string | undefined,
  serviceAccount: string | undefined,
): string | undefined {
  if (value !== undefined) {
    if (!PROJECT_ID.test(value)) {
      throw new ConfigurationError(
        `Invalid project-id '${value}'. Expected a project id such as my-project-123 (6 to 30 lower-case letters, digits or hyphens).`,
      );
    }
    return value;
  }
  const m = serviceAccount
    ? /@([a-z][a-z0-9-]{4,28}[a-z0-9])\.iam\.gserviceaccount\.com$/.exec(serviceAccount)
    : null;
  return m?.[1];
}

/**
 * Overrides may point at an emulator or a private endpoint. The GitHub token goes there, so
 * plain http is accepted only on loopback.
 */
export function parseEndpoints(
  env: NodeJS.ProcessEnv,
  universe: string = DEFAULT_UNIVERSE,
): {
  endpoints: { sts: string; iamcredentials: string };
  overridden: string[];
} {
  const endpoints = {
    sts: `https://sts.${universe}/v1`,
    iamcredentials: `https://iamcredentials.${universe}/v1`,
  };
  const overridden: string[] = [];
  for (const key of ['sts', 'iamcredentials'] as const) {
    const name = ENDPOINT_ENV[key];
    const value = env[name];
    if (!value) continue;
    const url = URL.parse(value) ?? undefined;
    if (
      !url ||
      !(url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname)))
    ) {
      throw new ConfigurationError(
        `Invalid ${name} '${value}': expected an https URL (plain http only on 127.0.0.1 or localhost), such as ${DEFAULT_ENDPOINTS[key]}.`,
      );
    }
    endpoints[key] = value.replace(/\/+$/, '');
    overridden.push(name);
  }
  return { endpoints, overridden };
}
