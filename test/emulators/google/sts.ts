/**
 * Google STS `POST /v1/token` (RFC 8693): a GitHub JWT for a federated token, or an access
 * token plus a Credential Access Boundary for a downscoped one. Takes form/snake_case (what
 * google-auth-library sends) and JSON/camelCase (what google-github-actions/auth sends).
 */
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Clock } from '../clock.ts';
import { EMULATOR_HEADERS, type EmulatorRequest, type Reply } from '../http.ts';
import { CelError, checkCel, evaluateCel } from './cel.ts';
import type { BoundaryRule, TokenStore } from './state.ts';

export const GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
export const JWT_TYPE = 'urn:ietf:params:oauth:token-type:jwt';
export const ID_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:id_token';
export const ACCESS_TYPE = 'urn:ietf:params:oauth:token-type:access_token';

export interface WorkloadIdentityConfig {
  issuer: string;
  projectNumber: string;
  pool: string;
  provider: string;
  /** Empty: the provider's default, `https://iam.googleapis.com/<provider resource name>`. */
  allowedAudiences: string[];
  /** A CEL condition on `assertion.*`; undefined accepts every token of the issuer. */
  attributeCondition?: string;
  /** The universe domain: STS expects the audience `//iam.<universe>/...` (default googleapis.com). */
  universe?: string;
}

export function providerName(c: WorkloadIdentityConfig): string {
  return `projects/${c.projectNumber}/locations/global/workloadIdentityPools/${c.pool}/providers/${c.provider}`;
}

/** The IAM members a federated identity satisfies, with the mapping google.subject = assertion.sub, attribute.X = assertion.X. */
export function federatedMembers(
  c: WorkloadIdentityConfig,
  claims: JWTPayload,
): { principal: string; members: string[] } {
  const pool = `//iam.googleapis.com/projects/${c.projectNumber}/locations/global/workloadIdentityPools/${c.pool}`;
  const principal = `principal:${pool}/subject/${String(claims.sub ?? '')}`;
  const members = [principal, `principalSet:${pool}/*`];
  for (const name of [
    'repository',
    'repository_owner',
    'repository_id',
    'ref',
    'environment',
    'actor',
    'workflow_ref',
    'job_workflow_ref',
  ]) {
    const v = claims[name];
    if (typeof v === 'string' && v !== '')
      members.push(`principalSet:${pool}/attribute.${name}/${v}`);
  }
  return { principal, members };
}

const oauthError = (error: string, description: string, status = 400): Reply => ({
  status,
  body: { error, error_description: description },
});

function field(body: Record<string, unknown>, snake: string, camel: string): string | undefined {
  const v = body[snake] ?? body[camel];
  return typeof v === 'string' ? v : undefined;
}

export class StsEmulator {
  #jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

  readonly config: WorkloadIdentityConfig;
  private readonly store: TokenStore;
  private readonly clock: Clock;

  constructor(config: WorkloadIdentityConfig, store: TokenStore, clock: Clock) {
    this.config = config;
    this.store = store;
    this.clock = clock;
  }

  /** Fetches the issuer's discovery document once, as Google does, then its JWKS. */
  async #keySet(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    if (this.#jwks) return this.#jwks;
    const res = await fetch(
      `${this.config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
      {
        headers: EMULATOR_HEADERS,
        signal: AbortSignal.timeout(5000),
      },
    );
    if (!res.ok) throw new Error(`discovery answered HTTP ${res.status}`);
    const jwksUri = ((await res.json()) as { jwks_uri?: unknown }).jwks_uri;
    if (typeof jwksUri !== 'string') throw new Error('discovery has no jwks_uri');
    this.#jwks = createRemoteJWKSet(new URL(jwksUri), { headers: EMULATOR_HEADERS });
    return this.#jwks;
  }

  async handle(req: EmulatorRequest): Promise<Reply> {
    let body: Record<string, unknown>;
    try {
      body = req.parsedBody();
    } catch {
      return oauthError('invalid_request', 'The request body could not be parsed.');
    }
    if (field(body, 'grant_type', 'grantType') !== GRANT) {
      return oauthError(
        'unsupported_grant_type',
        `Unsupported grant_type: ${String(field(body, 'grant_type', 'grantType'))}`,
      );
    }
    if (field(body, 'requested_token_type', 'requestedTokenType') !== ACCESS_TYPE) {
      return oauthError(
        'invalid_request',
        'Invalid value for "requested_token_type": only access tokens can be requested.',
      );
    }
    const subjectToken = field(body, 'subject_token', 'subjectToken');
    if (!subjectToken)
      return oauthError('invalid_request', 'Missing required parameter: subject_token');
    const type = field(body, 'subject_token_type', 'subjectTokenType');
    if (type === JWT_TYPE || type === ID_TOKEN_TYPE) return this.#federate(body, subjectToken);
    if (type === ACCESS_TYPE) return this.#downscope(body, subjectToken);
    return oauthError('invalid_request', `Invalid value for "subject_token_type": ${String(type)}`);
  }

  async #federate(body: Record<string, unknown>, jwt: string): Promise<Reply> {
    const c = this.config;
    const audience = field(body, 'audience', 'audience');
    if (audience !== `//iam.${c.universe ?? 'googleapis.com'}/${providerName(c)}`) {
      return oauthError(
        'invalid_target',
        'The target service indicated by the "audience" parameters is invalid. This might either be because the pool or provider is disabled or deleted or because it doesn\'t exist.',
      );
    }
    let claims: JWTPayload;
    try {
      claims = (
        await jwtVerify(jwt, await this.#keySet(), {
          issuer: c.issuer,
          currentDate: this.clock.now(),
          algorithms: ['RS256'],
        })
      ).payload;
    } catch (err) {
      if (err instanceof errors.JWTExpired)
        return oauthError('invalid_grant', 'The ID Token has expired.');
      if (err instanceof errors.JWTClaimValidationFailed && err.claim === 'iss') {
        return oauthError(
          'invalid_grant',
          `The issuer in ID Token ${String(safeIss(jwt))} does not match the expected ones: ${c.issuer}.`,
        );
      }
      if (err instanceof errors.JOSEError)
        return oauthError(
          'invalid_grant',
          "Invalid ID Token: the signature could not be verified with the issuer's keys.",
        );
      return oauthError(
        'invalid_grant',
        `Unable to verify the ID Token: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    const allowed = c.allowedAudiences.length
      ? c.allowedAudiences
      : [`https://iam.googleapis.com/${providerName(c)}`];
    const auds = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!auds.some((a) => typeof a === 'string' && allowed.includes(a))) {
      return oauthError(
        'invalid_grant',
        `The audience in ID Token [${auds.join(', ')}] does not match the expected audience.`,
      );
    }
    if (c.attributeCondition !== undefined) {
      let ok: boolean;
      try {
        ok = evaluateCel(c.attributeCondition, { assertion: claims });
      } catch (err) {
        return oauthError(
          'invalid_grant',
          `The attribute condition could not be evaluated: ${(err as Error).message}`,
        );
      }
      if (!ok)
        return oauthError(
          'invalid_grant',
          'The given credential is rejected by the attribute condition.',
        );
    }
    const scope =
      field(body, 'scope', 'scope') ??
      (Array.isArray(body['scope']) ? (body['scope'] as string[]).join(' ') : '');
    const { principal, members } = federatedMembers(c, claims);
    // The federated token does not outlive the JWT it came from.
    const expiresAt = Math.min((claims.exp ?? 0) * 1000, this.clock.nowMs() + 3600_000);
    const t = this.store.mint('federated', 'ya29.d.', {
      principal,
      members,
      scopes: scope.split(/\s+/).filter(Boolean),
      expiresAt,
    });
    return {
      body: {
        access_token: t.token,
        issued_token_type: ACCESS_TYPE,
        token_type: 'Bearer',
        expires_in: Math.max(0, Math.floor((expiresAt - this.clock.nowMs()) / 1000)),
      },
    };
  }

  #downscope(body: Record<string, unknown>, source: string): Reply {
    const found = this.store.lookup(source);
    if (found === 'unknown' || found === 'expired') {
      return oauthError(
        'invalid_grant',
        `The subject token is ${found === 'expired' ? 'expired' : 'invalid'}.`,
      );
    }
    if (!found.scopes.includes('https://www.googleapis.com/auth/cloud-platform')) {
      return oauthError(
        'invalid_scope',
        'The subject token must have the https://www.googleapis.com/auth/cloud-platform scope.',
      );
    }
    let options: unknown = body['options'];
    try {
      if (typeof options === 'string') options = JSON.parse(options);
    } catch {
      return oauthError('invalid_request', 'Invalid value for "options": not JSON.');
    }
    const rules = (options as { accessBoundary?: { accessBoundaryRules?: unknown } } | undefined)
      ?.accessBoundary?.accessBoundaryRules;
    const parsed = parseRules(rules);
    if (typeof parsed === 'string') return oauthError('invalid_request', parsed);
    const t = this.store.mint('downscoped', 'ya29.c.b0', {
      principal: found.principal,
      members: found.members,
      scopes: found.scopes,
      expiresAt: found.expiresAt,
      // A downscoped token of a downscoped token keeps the narrower of both: here, both apply.
      boundary: [...(found.boundary ?? []), ...parsed],
    });
    return {
      body: {
        access_token: t.token,
        issued_token_type: ACCESS_TYPE,
        token_type: 'N_A',
        expires_in: Math.max(0, Math.floor((found.expiresAt - this.clock.nowMs()) / 1000)),
      },
    };
  }
}

function safeIss(jwt: string): unknown {
  try {
    return decodeJwt(jwt).iss;
  } catch {
    return '(undecodable)';
  }
}

/** Google's limits on a Credential Access Boundary; a message when they are not met. */
export function parseRules(rules: unknown): BoundaryRule[] | string {
  if (!Array.isArray(rules) || rules.length === 0)
    return 'The access boundary must contain at least one access boundary rule.';
  if (rules.length > 10) return 'The access boundary may contain at most 10 access boundary rules.';
  const out: BoundaryRule[] = [];
  for (const r of rules as Array<Record<string, unknown>>) {
    const m = /^\/\/storage\.googleapis\.com\/projects\/_\/buckets\/([^/]+)$/.exec(
      String(r?.['availableResource'] ?? ''),
    );
    if (!m)
      return `Invalid availableResource '${String(r?.['availableResource'])}': only Cloud Storage buckets are supported.`;
    const perms = r['availablePermissions'];
    if (
      !Array.isArray(perms) ||
      perms.length === 0 ||
      !perms.every((p) => typeof p === 'string' && /^inRole:roles\/storage\.\w+$/.test(p))
    ) {
      return 'availablePermissions must list inRole:roles/storage.* roles.';
    }
    const cond = (r['availabilityCondition'] as { expression?: unknown } | undefined)?.expression;
    if (cond !== undefined) {
      try {
        checkCel(String(cond));
      } catch (err) {
        return `Invalid availabilityCondition: ${(err as CelError).message}`;
      }
    }
    out.push({
      bucket: m[1]!,
      roles: perms.map((p: string) => p.slice('inRole:'.length)),
      ...(cond === undefined ? {} : { condition: String(cond) }),
    });
  }
  return out;
}
