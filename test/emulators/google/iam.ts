/**
 * IAM Credentials `generateAccessToken`: the caller (a live federated or service-account
 * token with cloud-platform or iam scope) must hold roles/iam.workloadIdentityUser on the
 * service account, the lifetime must be within the account's limit.
 */
import type { Clock } from '../clock.ts';
import type { EmulatorRequest, Reply } from '../http.ts';
import type { ServiceAccountConfig, TokenStore } from './state.ts';

export const GENERATE_PATH = /^\/v1\/projects\/-\/serviceAccounts\/([^/:]+):generateAccessToken$/;

export const apiError = (code: number, status: string, message: string): Reply => ({
  status: code,
  body: { error: { code, message, status } },
});

const DENIED = (): Reply =>
  apiError(
    403,
    'PERMISSION_DENIED',
    `Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).`,
  );

export function generateAccessToken(
  req: EmulatorRequest,
  email: string,
  accounts: Record<string, ServiceAccountConfig>,
  store: TokenStore,
  clock: Clock,
): Reply {
  const caller = store.bearer(req.headers['authorization']);
  if (typeof caller === 'string') {
    return apiError(
      401,
      'UNAUTHENTICATED',
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
    );
  }
  if (
    !caller.scopes.some(
      (s) =>
        s === 'https://www.googleapis.com/auth/cloud-platform' ||
        s === 'https://www.googleapis.com/auth/iam',
    )
  ) {
    return apiError(403, 'PERMISSION_DENIED', 'Request had insufficient authentication scopes.');
  }
  const account = accounts[email];
  // Google answers the same for a missing account and a missing binding, so neither can be probed.
  if (!account || !caller.members.some((m) => account.workloadIdentityUsers.includes(m)))
    return DENIED();
  let body: Record<string, unknown>;
  try {
    body = req.parsedBody();
  } catch {
    return apiError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.');
  }
  const scope = body['scope'];
  if (!Array.isArray(scope) || scope.length === 0 || !scope.every((s) => typeof s === 'string')) {
    return apiError(400, 'INVALID_ARGUMENT', 'Scope is required.');
  }
  const lifetimeText = body['lifetime'] ?? '3600s';
  const m = /^(\d+)(?:\.\d+)?s$/.exec(String(lifetimeText));
  const max = account.maxLifetimeSeconds ?? 3600;
  if (!m || Number(m[1]) < 1 || Number(m[1]) > max) {
    return apiError(
      400,
      'INVALID_ARGUMENT',
      `The lifetime '${String(lifetimeText)}' is invalid: it must be between 1s and ${max}s.`,
    );
  }
  const expiresAt = clock.nowMs() + Number(m[1]) * 1000;
  const t = store.mint('service-account', 'ya29.c.', {
    principal: `serviceAccount:${email}`,
    members: [`serviceAccount:${email}`],
    scopes: scope as string[],
    expiresAt,
  });
  return {
    body: {
      accessToken: t.token,
      expireTime: new Date(expiresAt).toISOString().replace('.000Z', 'Z'),
    },
  };
}
