import { decodeJwt } from 'jose';
import { CloudError, ConfigurationError } from '../../errors.js';
import { ExchangeError } from './exchange.js';
import type { GcpSettings } from './settings.js';

/** The claims attribute conditions and principal sets usually test. */
export const DECISIVE_CLAIMS = [
  'sub',
  'aud',
  'repository',
  'repository_owner',
  'ref',
  'environment',
  'job_workflow_ref',
  'event_name',
] as const;

function claimsOf(jwt: string | undefined): Record<string, unknown> {
  if (!jwt) return {};
  try {
    return decodeJwt(jwt);
  } catch {
    return {};
  }
}

export function claimsLine(jwt: string | undefined): string {
  const claims = claimsOf(jwt);
  if (Object.keys(claims).length === 0) return '(the token could not be decoded)';
  return DECISIVE_CLAIMS.map(
    (c) => `${c}=${claims[c] === undefined ? '(none)' : JSON.stringify(claims[c])}`,
  ).join(', ');
}

/** Google's error text in either of its shapes: OAuth (`error_description`) or API (`error.message`). */
function googleMessage(body: unknown): { code: string; message: string } {
  if (body && typeof body === 'object') {
    const b = body as { error?: unknown; error_description?: unknown };
    if (typeof b.error === 'string') {
      return {
        code: b.error,
        message: typeof b.error_description === 'string' ? b.error_description : '',
      };
    }
    if (b.error && typeof b.error === 'object') {
      const e = b.error as { status?: unknown; message?: unknown };
      return { code: String(e.status ?? ''), message: String(e.message ?? '') };
    }
  }
  if (typeof body === 'string' && body.trim() !== '') {
    return { code: '', message: body.trim().slice(0, 200) };
  }
  return { code: '', message: '' };
}

/**
 * Turns a failed call into what the user must change, naming the endpoint and, where a
 * trust decision refused the token, the claims that decided it. No token is ever quoted.
 */
export function translateExchangeError(
  err: unknown,
  s: GcpSettings,
  jwt: string | undefined,
): Error {
  if (!(err instanceof ExchangeError)) return err instanceof Error ? err : new Error(String(err));
  const { code, message } = googleMessage(err.body);
  const said =
    [code, message].filter(Boolean).join(': ') ||
    (err.status === undefined ? err.message : `HTTP ${err.status}`);
  if (err.status === undefined || err.status === 408 || err.status === 429 || err.status >= 500) {
    return new CloudError(
      `Google Cloud (${err.url}) did not answer the ${err.stage} call after 3 attempts: ${said}. ` +
        'Try again; if it persists, check the endpoint overrides (GHA_ENDPOINT_OVERRIDE_sts / _iamcredentials) and any proxy.',
      true,
    );
  }
  const claims = claimsLine(jwt);
  switch (err.stage) {
    case 'federate':
      return federateError(s, err, code, message, said, claims);
    case 'impersonate':
      return impersonateError(s, err, message, said, claims);
    case 'downscope':
      return new ConfigurationError(
        `Google STS (${err.url}) refused to downscope the token with the given access-boundary: ${said}. ` +
          "Fix 'access-boundary' (Cloud Storage buckets and roles/storage.* roles only, at most 10 rules).",
      );
  }
}

function federateError(
  s: GcpSettings,
  err: ExchangeError,
  code: string,
  message: string,
  said: string,
  claims: string,
): Error {
  const prefix = `Google STS (${err.url}) refused the GitHub token for ${s.workloadIdentityProvider}: ${said}.`;
  if (/attribute condition/i.test(message)) {
    return new CloudError(
      `${prefix}\nThe provider's attribute condition rejected this workflow's token. Its claims: ${claims}.\n` +
        'Allow them in the condition (gcloud iam workload-identity-pools providers update-oidc ' +
        `${s.providerId} --workload-identity-pool=${s.pool} --location=global --attribute-condition=...), ` +
        'or run this job where the condition expects (repository, branch, environment). ' +
        '`jit-credentials policy export --target gcp` writes a matching condition.',
    );
  }
  if (/audience/i.test(message) && code !== 'invalid_target') {
    return new ConfigurationError(
      `${prefix}\nThe token's audience is not one the provider accepts (token claims: ${claims}). ` +
        `Without 'audience', the token is minted for https://iam.googleapis.com/${s.workloadIdentityProvider}, ` +
        "which providers accept by default; if the provider lists allowed audiences, set 'audience' to one of them or add this one.",
    );
  }
  if (code === 'invalid_target' || err.status === 404) {
    return new ConfigurationError(
      `${prefix}\nNo enabled provider has that name: check the project number (${s.projectNumber}), the pool ` +
        `(${s.pool}) and provider (${s.providerId}) ids, and that neither is disabled or deleted.`,
    );
  }
  if (/issuer|signature|expired|jwk|key/i.test(message)) {
    return new CloudError(
      `${prefix}\nGoogle could not verify the GitHub token against the provider's issuer. The provider's issuer URI must be ` +
        `the token's issuer (https://token.actions.githubusercontent.com, or your enterprise's); token claims: ${claims}.`,
    );
  }
  return new CloudError(`${prefix}\nToken claims: ${claims}.`);
}

function impersonateError(
  s: GcpSettings,
  err: ExchangeError,
  message: string,
  said: string,
  claims: string,
): Error {
  const sa = s.serviceAccount ?? '';
  const call = s.tokenFormat === 'id-token' ? 'generateIdToken' : 'generateAccessToken';
  const permission =
    s.tokenFormat === 'id-token'
      ? 'iam.serviceAccounts.getOpenIdToken'
      : 'iam.serviceAccounts.getAccessToken';
  const prefix = `Google IAM Credentials (${err.url}) refused ${call} for ${sa}: ${said}.`;
  if (err.status === 403 && /SERVICE_DISABLED|has not been used|is disabled/i.test(said)) {
    return new ConfigurationError(
      `${prefix}\nEnable the IAM Service Account Credentials API (iamcredentials.googleapis.com) in the project of the workload identity pool.`,
    );
  }
  if ((err.status === 403 || err.status === 401) && s.delegates.length) {
    const chain = [...s.delegates.map((d) => d.replace(/^projects\/-\/serviceAccounts\//, '')), sa];
    return new CloudError(
      `${prefix}\nThe delegation chain ${chain.join(' → ')} is broken: the federated identity needs ` +
        `roles/iam.workloadIdentityUser on ${chain[0]}, and each account of the chain ` +
        `roles/iam.serviceAccountTokenCreator on the next (permission ${permission}). Token claims: ${claims}.`,
    );
  }
  if (err.status === 403 || err.status === 401) {
    const repo = /repository="([^"]+)"/.exec(claims)?.[1] ?? 'OWNER/REPO';
    const member = `principalSet://iam.googleapis.com/projects/${s.projectNumber}/locations/global/workloadIdentityPools/${s.pool}/attribute.repository/${repo}`;
    return new CloudError(
      `${prefix}\nThe federated identity may not impersonate this service account: it lacks roles/iam.workloadIdentityUser ` +
        `(permission ${permission}) on ${sa}. Grant it, for example:\n` +
        `  gcloud iam service-accounts add-iam-policy-binding ${sa} --role=roles/iam.workloadIdentityUser --member=${member}\n` +
        `(this needs the provider's attribute mapping 'attribute.repository=assertion.repository'). Token claims: ${claims}.`,
    );
  }
  if (err.status === 404) {
    return new ConfigurationError(
      `${prefix}\nNo such service account: check 'service-account' (${sa}).`,
    );
  }
  if (err.status === 400 && /lifetime/i.test(message)) {
    return new ConfigurationError(
      `${prefix}\nThe lifetime ${s.duration}s is above what this service account may get: lower 'duration' to 1h or less, ` +
        'or have the organisation policy constraints/iam.allowServiceAccountCredentialLifetimeExtension list it.',
    );
  }
  if (err.status === 400 && /scope/i.test(message)) {
    return new ConfigurationError(`${prefix}\nFix 'scopes' (${s.scopes.join(', ')}).`);
  }
  return new CloudError(`${prefix}\nToken claims: ${claims}.`);
}
