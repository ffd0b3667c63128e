/**
 * Google-signed ID tokens, as IAM Credentials `generateIdToken` mints them for a service
 * account, and a Cloud Run-like service that accepts only such a token for its own URL.
 *
 *   const signer = await IdTokenSigner.create(clock);
 *   const jwt = await signer.sign({ email, uniqueId, audience, includeEmail: true });
 *   await signer.verify(jwt, audience);   // claims, or throws with Google's reason
 *   signer.jwks;                          // served at /oauth2/v3/certs
 *
 * Tokens: RS256 with a `kid` in the JWKS, `iss` https://accounts.google.com, `aud` the audience
 * asked for, `azp` and `sub` the service account's unique id, `iat` now and `exp` one hour
 * later by the emulator clock (Google's fixed lifetime), and `email` / `email_verified` only
 * with includeEmail.
 */
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { Clock } from '../clock.ts';
import type { EmulatorRequest, Reply } from '../http.ts';
import { apiError } from './iam.ts';

export const GOOGLE_ISSUER = 'https://accounts.google.com';
export const ID_TOKEN_SECONDS = 3600;

export interface IdTokenRecord {
  token: string;
  email: string;
  audience: string;
  expiresAt: number;
}

export class IdTokenSigner {
  readonly tokens = new Map<string, IdTokenRecord>();
  readonly jwks: { keys: JWK[] };
  readonly #key: CryptoKey;
  readonly #publicKey: CryptoKey;
  readonly #kid: string;
  readonly #clock: Clock;

  private constructor(clock: Clock, key: CryptoKey, publicKey: CryptoKey, jwk: JWK, kid: string) {
    this.#clock = clock;
    this.#key = key;
    this.#publicKey = publicKey;
    this.#kid = kid;
    this.jwks = { keys: [jwk] };
  }

  static async create(clock: Clock): Promise<IdTokenSigner> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const kid = randomUUID().replace(/-/g, '');
    const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
    return new IdTokenSigner(clock, privateKey, publicKey, jwk, kid);
  }

  async sign(o: {
    email: string;
    uniqueId: string;
    audience: string;
    includeEmail: boolean;
  }): Promise<string> {
    const iat = this.#clock.nowSeconds();
    const token = await new SignJWT({
      azp: o.uniqueId,
      ...(o.includeEmail ? { email: o.email, email_verified: true } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.#kid, typ: 'JWT' })
      .setIssuer(GOOGLE_ISSUER)
      .setAudience(o.audience)
      .setSubject(o.uniqueId)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ID_TOKEN_SECONDS)
      .sign(this.#key);
    this.tokens.set(token, {
      token,
      email: o.email,
      audience: o.audience,
      expiresAt: (iat + ID_TOKEN_SECONDS) * 1000,
    });
    return token;
  }

  /** As a Google front end checks a bearer ID token: signature, issuer, audience, expiry. */
  async verify(token: string, audience: string): Promise<Record<string, unknown>> {
    const { payload } = await jwtVerify(token, this.#publicKey, {
      issuer: GOOGLE_ISSUER,
      audience,
      currentDate: this.#clock.now(),
      algorithms: ['RS256'],
    });
    return payload;
  }
}

/** A service that needs `roles/run.invoker`: `services[name]` lists the members holding it. */
export interface RunService {
  invokers: string[];
}

export const RUN_PATH = /^\/run\/([a-z0-9-]+)(?:\/.*)?$/;

/**
 * `GET|POST /run/<name>`: the caller's bearer ID token must be Google's, for the service's own
 * URL (`<emulator>/run/<name>`), unexpired, and its service account an invoker. Answers who called.
 */
export async function invokeRunService(
  req: EmulatorRequest,
  name: string,
  baseUrl: string,
  services: Record<string, RunService>,
  signer: IdTokenSigner,
  uniqueIds: Map<string, string>,
): Promise<Reply> {
  const service = services[name];
  if (!service) return apiError(404, 'NOT_FOUND', `Service ${name} not found.`);
  const header = req.headers['authorization'];
  const m = /^Bearer\s+(\S+)$/i.exec(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''));
  if (!m) return { status: 401, body: 'Your client does not have permission: no bearer token.' };
  let claims: Record<string, unknown>;
  try {
    claims = await signer.verify(m[1]!, `${baseUrl}/run/${name}`);
  } catch (err) {
    return {
      status: 401,
      body: `The ID token was refused: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
  const email = uniqueIds.get(String(claims['sub'])) ?? '';
  if (!service.invokers.includes(`serviceAccount:${email}`)) {
    return { status: 403, body: `Forbidden: ${email} may not invoke ${name}.` };
  }
  return { body: { service: name, caller: email, emailClaim: claims['email'] ?? null } };
}
