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
} as const;

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

export function parseGcpSettings(
  inputs: Inputs,
  common: CommonSettings,
  env: NodeJS.ProcessEnv,
): GcpSettings {
  const wif = parseWorkloadIdentityProvider(
    inputs.required(
      GCP_INPUT.workloadIdentityProvider,
      'the full resource name of the workload identity provider, e.g. ' +
        'projects/123456789/locations/global/workloadIdentityPools/github/providers/my-repo.',
    ),
  );
  const serviceAccount = parseServiceAccount(inputs.optional(GCP_INPUT.serviceAccount));
  const extended = inputs.boolean(GCP_INPUT.allowLifetimeExtension, false);
  const duration = parseLifetime(common.duration, serviceAccount, extended);
  const scopes = parseScopes(inputs.list(GCP_INPUT.scopes));
  const boundaryText = inputs.raw(GCP_INPUT.accessBoundary);
  const boundary = boundaryText === undefined ? [] : parseAccessBoundary(boundaryText);
  if (boundary.length && !scopes.includes(CLOUD_PLATFORM_SCOPE)) {
    throw new ConfigurationError(
      `'access-boundary' needs a token with the ${CLOUD_PLATFORM_SCOPE} scope to downscope, but 'scopes' is ` +
        `'${scopes.join(', ')}'. Add that scope or remove 'access-boundary'.`,
    );
  }
  const projectId = parseProjectId(inputs.optional(GCP_INPUT.projectId), serviceAccount);
  const { endpoints, overridden } = parseEndpoints(env);
  return Object.freeze({
    ...wif,
    serviceAccount,
    duration,
    scopes,
    boundary,
    projectId,
    audience: common.audience ?? `https://iam.googleapis.com/${wif.workloadIdentityProvider}`,
    stsAudience: `//iam.googleapis.com/${wif.workloadIdentityProvider}`,
    endpoints,
    overridden,
  });
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

export function parseScopes(values: readonly string[]): readonly string[] {
  if (values.length === 0) return [CLOUD_PLATFORM_SCOPE];
  for (const scope of values) {
    if (SCOPE.test(scope) || OPENID_SCOPES.includes(scope)) continue;
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
export function parseEndpoints(env: NodeJS.ProcessEnv): {
  endpoints: { sts: string; iamcredentials: string };
  overridden: string[];
} {
  const endpoints = { ...DEFAULT_ENDPOINTS } as { sts: string; iamcredentials: string };
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
