/**
 * Verifies a web identity token as STS does for an IAM OIDC identity provider: the issuer
 * must be the registered one, the signature must check against the issuer's JWKS (found via
 * its discovery document, fetched over HTTP, cached), and exp/nbf are read against the
 * emulator's clock, not the machine's.
 */
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import type { ClockLike } from './state.ts';
import { EMULATOR_HEADERS } from '../http.ts';

export class StsFault extends Error {
  override name = 'StsFault';
  readonly code: string;
  readonly status: number;
  readonly type: 'Sender' | 'Receiver';
  constructor(code: string, message: string, status = 400, type: 'Sender' | 'Receiver' = 'Sender') {
    super(message);
    this.code = code;
    this.status = status;
    this.type = type;
  }
}

const IDP_UNREACHABLE =
  'The request could not be fulfilled because the identity provider (IDP) that was asked to verify the incoming identity token could not be reached.';
const FETCH_TIMEOUT_MS = 5000;

export class WebIdentityVerifier {
  readonly issuer: string;
  readonly #clock: ClockLike;
  #jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

  constructor(issuer: string, clock: ClockLike) {
    this.issuer = issuer;
    this.#clock = clock;
  }

  async #keySet(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    if (this.#jwks) return this.#jwks;
    const discovery = `${this.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    let jwksUri: unknown;
    try {
      const res = await fetch(discovery, {
        headers: EMULATOR_HEADERS,
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      jwksUri = ((await res.json()) as { jwks_uri?: unknown }).jwks_uri;
    } catch {
      throw new StsFault('IDPCommunicationError', IDP_UNREACHABLE);
    }
    if (typeof jwksUri !== 'string') throw new StsFault('IDPCommunicationError', IDP_UNREACHABLE);
    this.#jwks = createRemoteJWKSet(new URL(jwksUri), {
      timeoutDuration: FETCH_TIMEOUT_MS,
      headers: EMULATOR_HEADERS,
    });
    return this.#jwks;
  }

  async verify(token: string): Promise<JWTPayload> {
    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(token);
    } catch {
      throw new StsFault('InvalidIdentityToken', 'The ID token provided is not a valid JWT.');
    }
    if (unverified.iss !== this.issuer) {
      throw new StsFault(
        'InvalidIdentityToken',
        `No OpenIDConnect provider found in your account for ${String(unverified.iss ?? '(no iss claim)')}`,
      );
    }
    const jwks = await this.#keySet();
    const now = this.#clock.now();
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer: this.issuer,
        currentDate: now,
        algorithms: ['RS256', 'RS384', 'RS512', 'ES256', 'ES384'],
      });
      return payload;
    } catch (err) {
      throw translate(err, unverified, now);
    }
  }
}

function translate(err: unknown, claims: JWTPayload, now: Date): StsFault {
  const seconds = Math.floor(now.getTime() / 1000);
  if (err instanceof errors.JWTExpired) {
    return new StsFault(
      'ExpiredTokenException',
      `Token expired: current date/time ${seconds} must be before the expiration date/time${claims.exp ?? ''}`,
    );
  }
  if (err instanceof errors.JWTClaimValidationFailed && err.claim === 'nbf') {
    return new StsFault(
      'InvalidIdentityToken',
      `Token used before its not-before time ${claims.nbf ?? ''} (now ${seconds}).`,
    );
  }
  if (err instanceof errors.JWKSTimeout || err instanceof TypeError) {
    return new StsFault('IDPCommunicationError', IDP_UNREACHABLE);
  }
  if (err instanceof errors.JOSEError && err.code === 'ERR_JOSE_GENERIC') {
    return new StsFault('IDPCommunicationError', IDP_UNREACHABLE);
  }
  if (err instanceof errors.JWKSNoMatchingKey) {
    return new StsFault(
      'InvalidIdentityToken',
      "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
    );
  }
  if (err instanceof errors.JWSSignatureVerificationFailed) {
    return new StsFault(
      'InvalidIdentityToken',
      'The web identity token signature could not be verified.',
    );
  }
  return new StsFault(
    'InvalidIdentityToken',
    `The web identity token is not valid: ${(err as Error).message}`,
  );
}
