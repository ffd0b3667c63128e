import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';

export const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform';

export interface BoundaryRule {
  bucket: string;
  roles: string[];
  condition?: string;
}

/** Every access token the emulator handed out, as Google would remember it. */
export interface IssuedToken {
  token: string;
  kind: 'federated' | 'service-account' | 'downscoped';
  /** Whom the token acts as: `serviceAccount:EMAIL` or a federated `principal://` subject. */
  principal: string;
  /** Every IAM member form the token satisfies (principal, principalSets, serviceAccount:). */
  members: string[];
  scopes: string[];
  expiresAt: number;
  boundary?: BoundaryRule[];
}

export interface ServiceAccountConfig {
  /** Members holding roles/iam.workloadIdentityUser on the service account. */
  workloadIdentityUsers: string[];
  /** Members holding roles/iam.serviceAccountTokenCreator on it (`serviceAccount:` of a delegate). */
  tokenCreators?: string[];
  /** 3600 unless the organisation policy extends it (up to 43200). */
  maxLifetimeSeconds?: number;
}

export interface StorageBinding {
  member: string;
  bucket: string;
  role: string;
}

export class TokenStore {
  readonly tokens = new Map<string, IssuedToken>();
  readonly #clock: Clock;
  constructor(clock: Clock) {
    this.#clock = clock;
  }

  mint(
    kind: IssuedToken['kind'],
    prefix: string,
    fields: Omit<IssuedToken, 'token' | 'kind'>,
  ): IssuedToken {
    const token = `${prefix}${randomBytes(48).toString('base64url')}`;
    const t: IssuedToken = { token, kind, ...fields };
    this.tokens.set(token, t);
    return t;
  }

  /** The live token behind an `Authorization: Bearer` header, or why there is none. */
  bearer(header: string | string[] | undefined): IssuedToken | 'missing' | 'unknown' | 'expired' {
    const value = Array.isArray(header) ? header[0] : header;
    const m = /^Bearer\s+(\S+)$/i.exec(value ?? '');
    if (!m) return 'missing';
    return this.lookup(m[1]!);
  }

  lookup(token: string): IssuedToken | 'unknown' | 'expired' {
    const t = this.tokens.get(token);
    if (!t) return 'unknown';
    return t.expiresAt <= this.#clock.nowMs() ? 'expired' : t;
  }
}

/** A service account's numeric unique id (`sub` of its ID tokens): stable per email, 21 digits. */
export function uniqueIdOf(email: string): string {
  const digest = createHash('sha256').update(email).digest();
  let id = '1';
  for (let i = 0; id.length < 21; i++) id += String(digest[i]! % 10);
  return id;
}
