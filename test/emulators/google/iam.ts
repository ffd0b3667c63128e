/**
 * IAM Credentials `generateAccessToken` and `generateIdToken`: the caller (a live federated or
 * service-account token with cloud-platform or iam scope) must hold roles/iam.workloadIdentityUser
 * (or Token Creator) on the first service account of the chain; with `delegates`, each account
 * of the chain must hold roles/iam.serviceAccountTokenCreator on the next, ending at the target.
 * Access token lifetimes are within the account's limit; ID tokens live one hour (id-token.ts).
 */
import type { Clock } from '../clock.ts';
import type { EmulatorRequest, Reply } from '../http.ts';
import type { IdTokenSigner } from './id-token.ts';
import {
  uniqueIdOf,
  type IssuedToken,
  type ServiceAccountConfig,
  type TokenStore,
} from './state.ts';

export const GENERATE_PATH = /^\/v1\/projects\/-\/serviceAccounts\/([^/:]+):generateAccessToken$/;
export const ID_TOKEN_PATH = /^\/v1\/projects\/-\/serviceAccounts\/([^/:]+):generateIdToken$/;

export const apiError = (code: number, status: string, message: string): Reply => ({
  status: code,
  body: { error: { code, message, status } },
});

const DENIED = (permission: string): Reply =>
  apiError(
    403,
    'PERMISSION_DENIED',
    `Permission '${permission}' denied on resource (or it may not exist).`,
  );

const DELEGATE = /^projects\/-\/serviceAccounts\/([^/]+)$/;

export interface ImpersonationContext {
  accounts: Record<string, ServiceAccountConfig>;
  store: TokenStore;
  clock: Clock;
  /** The universe domain whose cloud-platform scope the caller's token must carry. */
  universe: string;
}

/** Who may impersonate `email` through `delegates`; the caller's token and the parsed body, or Google's refusal. */
function authorize(
  req: EmulatorRequest,
  email: string,
  permission: string,
  c: ImpersonationContext,
): { caller: IssuedToken; body: Record<string, unknown> } | Reply {
  const caller = c.store.bearer(req.headers['authorization']);
  if (typeof caller === 'string') {
    return apiError(
      401,
      'UNAUTHENTICATED',
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
    );
  }
  const scopes = ['cloud-platform', 'iam'].flatMap((s) => [
    `https://www.googleapis.com/auth/${s}`,
    `https://www.${c.universe}/auth/${s}`,
  ]);
  if (!caller.scopes.some((s) => scopes.includes(s))) {
    return apiError(403, 'PERMISSION_DENIED', 'Request had insufficient authentication scopes.');
  }
  let body: Record<string, unknown>;
  try {
    body = req.parsedBody();
  } catch {
    return apiError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.');
  }
  const delegates = body['delegates'] ?? [];
  if (!Array.isArray(delegates) || !delegates.every((d) => typeof d === 'string')) {
    return apiError(
      400,
      'INVALID_ARGUMENT',
      'Invalid value at delegates: expected a list of strings.',
    );
  }
  const chain: string[] = [];
  for (const d of delegates as string[]) {
    const m = DELEGATE.exec(d);
    if (!m) {
      return apiError(
        400,
        'INVALID_ARGUMENT',
        `Invalid delegate '${d}': expected projects/-/serviceAccounts/{ACCOUNT_EMAIL_OR_UNIQUEID}.`,
      );
    }
    chain.push(decodeURIComponent(m[1]!));
  }
  chain.push(email);
  // Google answers the same for a missing account and a missing binding, so neither can be probed.
  const first = c.accounts[chain[0]!];
  const firstOk =
    first &&
    caller.members.some(
      (m) => first.workloadIdentityUsers.includes(m) || (first.tokenCreators ?? []).includes(m),
    );
  if (!firstOk) return DENIED(permission);
  for (let i = 1; i < chain.length; i++) {
    const next = c.accounts[chain[i]!];
    if (!next || !(next.tokenCreators ?? []).includes(`serviceAccount:${chain[i - 1]}`)) {
      return DENIED(permission);
    }
  }
  return { caller, body };
}

export function generateAccessToken(
  req: EmulatorRequest,
  email: string,
  c: ImpersonationContext,
): Reply {
  const auth = authorize(req, email, 'iam.serviceAccounts.getAccessToken', c);
  if (!('caller' in auth)) return auth;
  const { body } = auth;
  const scope = body['scope'];
  if (!Array.isArray(scope) || scope.length === 0 || !scope.every((s) => typeof s === 'string')) {
    return apiError(400, 'INVALID_ARGUMENT', 'Scope is required.');
  }
  const lifetimeText = body['lifetime'] ?? '3600s';
  const m = /^(\d+)(?:\.\d+)?s$/.exec(String(lifetimeText));
  const max = c.accounts[email]!.maxLifetimeSeconds ?? 3600;
  if (!m || Number(m[1]) < 1 || Number(m[1]) > max) {
    return apiError(
      400,
      'INVALID_ARGUMENT',
      `The lifetime '${String(lifetimeText)}' is invalid: it must be between 1s and ${max}s.`,
    );
  }
  const expiresAt = c.clock.nowMs() + Number(m[1]) * 1000;
  const t = c.store.mint('service-account', 'ya29.c.', {
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

/** `{audience, includeEmail, delegates}` → `{token}`: a Google-signed ID token for the account. */
export async function generateIdToken(
  req: EmulatorRequest,
  email: string,
  c: ImpersonationContext,
  signer: IdTokenSigner,
): Promise<Reply> {
  const auth = authorize(req, email, 'iam.serviceAccounts.getOpenIdToken', c);
  if (!('caller' in auth)) return auth;
  const audience = auth.body['audience'];
  if (typeof audience !== 'string' || audience === '') {
    return apiError(400, 'INVALID_ARGUMENT', 'Audience is required.');
  }
  const includeEmail = auth.body['includeEmail'];
  if (includeEmail !== undefined && typeof includeEmail !== 'boolean') {
    return apiError(400, 'INVALID_ARGUMENT', 'Invalid value at include_email: expected a boolean.');
  }
  const token = await signer.sign({
    email,
    uniqueId: uniqueIdOf(email),
    audience,
    includeEmail: includeEmail === true,
  });
  return { body: { token } };
}
