import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JSONWebKeySet,
} from 'jose';
import { boundedGet, jsonObject, type BoundedResponse } from './http.js';
import { checkFetchUrl, checkIssuer } from './issuer.js';

export type TokenRejection =
  | 'malformed'
  | 'algorithm'
  | 'signature'
  | 'unknown-key'
  | 'expired'
  | 'not-yet-valid'
  | 'issuer'
  | 'audience';

/** The OIDC token failed verification; `reason` says which check, the message says what it means. */
export class TokenRejectedError extends Error {
  override name = 'TokenRejectedError';
  constructor(
    message: string,
    readonly reason: TokenRejection,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface VerifyOptions {
  issuer: string;
  audience: string;
  now?: Date;
  /** Where the issuer's keys are kept for later runs (the CLI keeps one; a step does not). */
  cacheDir?: string;
  /** Per document, whole exchange; default 10 s. */
  timeoutMs?: number;
}

/** GitHub's tokens are RS256 only; anything else offered is refused before any key is tried. */
const ALGORITHMS = ['RS256'];
/** Small: runner clocks are NTP-synced, and GitHub already backdates `nbf` by ten minutes. */
const CLOCK_TOLERANCE_SECONDS = 10;
/** Keys are re-read after this even within a job, and at once when a token names an unknown kid. */
const CACHE_MAX_AGE_MS = 60 * 60 * 1000;
const FETCH_TIMEOUT_MS = 10_000;
/**
 * GitHub's discovery document is under 2 KB and its JWKS under 10 KB; a megabyte leaves room
 * for any honest issuer and keeps a hostile one from filling memory or the job's cache.
 */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;

interface CachedKeys {
  issuer: string;
  jwksUri: string;
  jwks: JSONWebKeySet;
  fetchedAt: number;
  /** The issuer's discovery document named jwksUri; otherwise it is the usual address. */
  named?: boolean;
}

const memory = new Map<string, Loaded>();

/** Keys being fetched ahead of the token that needs them (prefetchKeys). */
const early = new Map<string, Promise<Loaded>>();

type Loaded = { entry: CachedKeys; keySet: ReturnType<typeof createLocalJWKSet> };

/** Forget the in-process copy (tests and the benchmark measure the cold and the disk-cached paths). */
export function clearKeyCache(): void {
  memory.clear();
  early.clear();
}

/**
 * Starts reading the issuer's keys while the token is still on its way:
 * they depend only on the trusted issuer, never on the token. verifyGitHubToken takes the
 * result, or its failure, as if it had fetched them itself. The promise returned never rejects.
 */
export function prefetchKeys(
  issuer: string,
  timeoutMs = FETCH_TIMEOUT_MS,
  signal?: AbortSignal,
): Promise<void> {
  const trusted = checkIssuer(issuer);
  if (early.has(trusted) || memory.has(trusted)) return Promise.resolve();
  const pending = fetchKeys(trusted, new Date(), timeoutMs, signal).then((entry) => {
    const loaded = { entry, keySet: createLocalJWKSet(entry.jwks) };
    importAhead(loaded);
    return loaded;
  });
  early.set(trusted, pending);
  // Settles when the read has ended, whatever its outcome: a failure is reported by the
  // verification that awaits `pending`, never as an unhandled rejection.
  return pending.then(
    () => undefined,
    () => undefined,
  );
}

/** GitHub's set holds two or three keys; a set that holds more imports no more than this ahead. */
const KEYS_IMPORTED_AHEAD = 4;

/**
 * Imports the set's RSA keys while the token may still be on its way, into the set's own cache
 * (jose keeps each key it has imported), so that the verification then only checks the
 * signature: importing the first key is about 2 ms (each one after it 0.1 to 0.2) that would
 * otherwise come after the token. What is checked does not change: the token's `kid` and `alg`
 * still choose the key, and a key that does not import is left for the verification to refuse.
 */
function importAhead({ entry, keySet }: Loaded): void {
  for (const jwk of entry.jwks.keys.slice(0, KEYS_IMPORTED_AHEAD)) {
    if (jwk.kty !== 'RSA' || typeof jwk.kid !== 'string') continue;
    keySet({ alg: 'RS256', kid: jwk.kid }).catch(() => undefined);
  }
}

/**
 * Verifies a GitHub Actions OIDC token: RS256 signature against the issuer's JWKS, `iss`,
 * `aud`, `exp`, `nbf`. Returns the claims. The keys are fetched once (fetchKeys) and kept in
 * `cacheDir`, so the later steps of a job reuse them; an unknown `kid` (key rotation), or keys
 * from the usual address that do not verify the token, cause one read of the keys the discovery
 * document names.
 */
export async function verifyGitHubToken(
  token: string,
  opts: VerifyOptions,
): Promise<Record<string, unknown>> {
  const issuer = checkIssuer(opts.issuer);
  const { alg, kid } = precheck(token, issuer);
  if (!ALGORITHMS.includes(alg)) {
    throw new TokenRejectedError(
      `The OIDC token is signed with '${alg}'; only ${ALGORITHMS.join(', ')} is accepted, as GitHub signs them. The token was not issued by GitHub Actions.`,
      'algorithm',
    );
  }
  const now = opts.now ?? new Date();
  const timeoutMs = opts.timeoutMs ?? FETCH_TIMEOUT_MS;
  const named = () => keysFor(issuer, opts.cacheDir, now, true, timeoutMs);
  let keys = await keysFor(issuer, opts.cacheDir, now, false, timeoutMs);
  if (
    kid !== undefined &&
    !hasKid(keys.entry.jwks, kid) &&
    (keys.entry.named !== true || keys.entry.fetchedAt < now.getTime() - 1000)
  ) {
    keys = await named();
  }
  const check = (keySet: Loaded['keySet']) =>
    jwtVerify(token, keySet, {
      issuer,
      audience: opts.audience,
      algorithms: ALGORITHMS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: now,
      requiredClaims: ['exp', 'iat', 'sub'],
    });
  try {
    return (await check(keys.keySet)).payload as Record<string, unknown>;
  } catch (err) {
    if (keys.entry.named === true || !refusedByKeys(err)) {
      throw explain(err, issuer, opts.audience, now, keys.entry.jwksUri);
    }
  }
  // Keys read at the usual address that do not verify the token: the discovery document names
  // the ones that decide.
  keys = await named();
  try {
    return (await check(keys.keySet)).payload as Record<string, unknown>;
  } catch (err) {
    throw explain(err, issuer, opts.audience, now, keys.entry.jwksUri);
  }
}

const refusedByKeys = (err: unknown) =>
  err instanceof errors.JWSSignatureVerificationFailed ||
  err instanceof errors.JWKSNoMatchingKey ||
  err instanceof errors.JWKSMultipleMatchingKeys;

function precheck(token: string, issuer: string): { alg: string; kid: string | undefined } {
  let header: ReturnType<typeof decodeProtectedHeader>;
  let payload: ReturnType<typeof decodeJwt>;
  try {
    header = decodeProtectedHeader(token);
    payload = decodeJwt(token);
  } catch (err) {
    throw new TokenRejectedError('The OIDC token is not a well-formed JWT.', 'malformed', {
      cause: err,
    });
  }
  // Said before the signature check: a token from another issuer would otherwise read as "forged".
  if (payload.iss !== issuer) {
    throw new TokenRejectedError(
      `The OIDC token was issued by '${String(payload.iss)}', but the policy trusts '${issuer}'. ` +
        `If this job runs on GitHub Enterprise Server or uses an enterprise issuer, set the 'oidc-issuer' input to '${String(payload.iss)}'.`,
      'issuer',
    );
  }
  return { alg: String(header.alg), kid: typeof header.kid === 'string' ? header.kid : undefined };
}

function hasKid(jwks: JSONWebKeySet, kid: string): boolean {
  return jwks.keys.some((k) => k.kid === kid);
}

function explain(
  err: unknown,
  issuer: string,
  audience: string,
  now: Date,
  jwksUri: string,
): Error {
  if (err instanceof errors.JWTExpired) {
    return new TokenRejectedError(
      `The OIDC token expired at ${expiry(err.payload)} (now ${now.toISOString()}): GitHub tokens live 5 minutes; mint a fresh one for each exchange.`,
      'expired',
      { cause: err },
    );
  }
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'nbf' || err.claim === 'iat') {
      return new TokenRejectedError(
        `The OIDC token is not valid yet ('${err.claim}' is in the future at ${now.toISOString()}): check the runner's clock.`,
        'not-yet-valid',
        { cause: err },
      );
    }
    if (err.claim === 'aud') {
      return new TokenRejectedError(
        `The OIDC token's audience is ${JSON.stringify(err.payload.aud)}, not '${audience}': request the token with the provider's audience (or fix the 'audience' input).`,
        'audience',
        { cause: err },
      );
    }
    if (err.claim === 'iss') {
      return new TokenRejectedError(`The OIDC token was not issued by '${issuer}'.`, 'issuer', {
        cause: err,
      });
    }
    return new TokenRejectedError(
      `The OIDC token lacks or has a bad '${err.claim}' claim: ${err.message}.`,
      'malformed',
      { cause: err },
    );
  }
  if (err instanceof errors.JOSEAlgNotAllowed) {
    return new TokenRejectedError(
      `The OIDC token's algorithm is not allowed: only RS256 is accepted.`,
      'algorithm',
      { cause: err },
    );
  }
  if (err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWKSMultipleMatchingKeys) {
    return new TokenRejectedError(
      `No key in ${jwksUri} matches the OIDC token's key id: the token was not signed by ${issuer}.`,
      'unknown-key',
      { cause: err },
    );
  }
  if (err instanceof errors.JWSSignatureVerificationFailed) {
    return new TokenRejectedError(
      `The OIDC token's signature does not verify against ${issuer}'s keys: the token is forged or altered. Nothing was issued.`,
      'signature',
      { cause: err },
    );
  }
  if (err instanceof errors.JOSEError) {
    return new TokenRejectedError(`The OIDC token was refused: ${err.message}.`, 'malformed', {
      cause: err,
    });
  }
  return err instanceof Error ? err : new Error(String(err));
}

function expiry(payload: { exp?: number }): string {
  return typeof payload.exp === 'number' ? new Date(payload.exp * 1000).toISOString() : '?';
}

async function keysFor(
  issuer: string,
  cacheDir: string | undefined,
  now: Date,
  force: boolean,
  timeoutMs: number,
): Promise<Loaded> {
  const fresh = (e: CachedKeys) =>
    e.issuer === issuer &&
    now.getTime() - e.fetchedAt < CACHE_MAX_AGE_MS &&
    e.fetchedAt <= now.getTime() + 60_000;
  const pending = early.get(issuer);
  if (pending) {
    early.delete(issuer);
    const loaded = await pending;
    memory.set(issuer, loaded);
    if (!force) return loaded;
  }
  if (!force) {
    const hit = memory.get(issuer);
    if (hit && fresh(hit.entry)) return hit;
    const onDisk = cacheDir ? await readCache(cacheFile(cacheDir, issuer)) : undefined;
    if (onDisk && fresh(onDisk)) {
      const loaded = { entry: onDisk, keySet: createLocalJWKSet(onDisk.jwks) };
      memory.set(issuer, loaded);
      return loaded;
    }
  }
  const entry = force
    ? await keysNamedBy(issuer, now, timeoutMs)
    : await fetchKeys(issuer, now, timeoutMs);
  if (cacheDir) await writeCache(cacheDir, cacheFile(cacheDir, issuer), entry);
  const loaded = { entry, keySet: createLocalJWKSet(entry.jwks) };
  memory.set(issuer, loaded);
  return loaded;
}

/**
 * node:fs/promises, for the key cache only (the CLI keeps one; a step does not): loaded at start,
 * it costs every step a few ms.
 */
const fsp = () => process.getBuiltinModule('node:fs/promises');

function cacheFile(dir: string, issuer: string): string {
  return join(
    dir,
    `oidc-keys-${createHash('sha256').update(issuer).digest('hex').slice(0, 16)}.json`,
  );
}

async function readCache(path: string): Promise<CachedKeys | undefined> {
  try {
    // Any step of the job can write here: read no more than a real cache entry can be.
    const file = await fsp().open(path, 'r');
    let text: string;
    try {
      const buf = Buffer.alloc(MAX_DOCUMENT_BYTES + 1);
      const { bytesRead } = await file.read(buf, 0, buf.length, 0);
      if (bytesRead > MAX_DOCUMENT_BYTES) return undefined;
      text = buf.subarray(0, bytesRead).toString('utf8');
    } finally {
      await file.close();
    }
    const parsed = JSON.parse(text) as CachedKeys;
    if (
      typeof parsed.issuer === 'string' &&
      typeof parsed.fetchedAt === 'number' &&
      Array.isArray(parsed.jwks?.keys)
    )
      return parsed;
  } catch {
    // Missing or torn (two steps writing at once): fetch again.
  }
  return undefined;
}

async function writeCache(dir: string, path: string, entry: CachedKeys): Promise<void> {
  const { mkdir, rename, writeFile } = fsp();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // Written whole then renamed, so a concurrent reader never sees half a file.
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, JSON.stringify(entry), { mode: 0o600 });
  await rename(tmp, path);
}

/** One read of the issuer, bounded in size and time; any HTTP answer is returned. */
async function getDocument(
  url: string,
  what: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<BoundedResponse> {
  try {
    return await boundedGet(url, {
      headers: { accept: 'application/json' },
      timeoutMs,
      maxBytes: MAX_DOCUMENT_BYTES,
      what: `The OIDC ${what}`,
      ...(signal ? { signal } : {}),
    });
  } catch (err) {
    throw new Error(`Could not fetch the OIDC ${what} from ${url}: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

async function getJson(
  url: string,
  what: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<Record<string, unknown>> {
  const res = await getDocument(url, what, timeoutMs, signal);
  if (res.status !== 200)
    throw new Error(`Could not fetch the OIDC ${what} from ${url}: HTTP ${res.status}.`);
  return jsonObject(res.body, `The OIDC ${what}`, url);
}

/** The body as a JSON object, or undefined when it is not one. */
function parsedObject(body: Buffer): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The issuer's keys. GitHub and GitHub Enterprise Server keep them at `<issuer>/.well-known/jwks`,
 * on the issuer's own origin, the address their discovery document names: read there alone, they
 * cost one request on one connection (one TLS handshake fewer than reading the document beside
 * them). The document decides when that address answers with anything but a key set, and when a
 * token names a key the set lacks (verifyGitHubToken). A read that fails or times out fails: the
 * document is on the same host.
 */
async function fetchKeys(
  issuer: string,
  now: Date,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<CachedKeys> {
  const usual = `${issuer}/.well-known/jwks`;
  const res = await getDocument(usual, 'JWKS', timeoutMs, signal);
  const jwks = res.status === 200 ? parsedObject(res.body) : undefined;
  if (!Array.isArray(jwks?.['keys'])) return keysNamedBy(issuer, now, timeoutMs, signal);
  return {
    issuer,
    jwksUri: usual,
    jwks: jwks as unknown as JSONWebKeySet,
    fetchedAt: now.getTime(),
  };
}

/** The keys at the address the issuer's discovery document names, read now. */
async function keysNamedBy(
  issuer: string,
  now: Date,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<CachedKeys> {
  const discoveryUrl = `${issuer}/.well-known/openid-configuration`;
  const discovery = await getJson(discoveryUrl, 'discovery document', timeoutMs, signal);
  if (discovery['issuer'] !== issuer) {
    throw new Error(
      `The discovery document at ${discoveryUrl} names issuer '${String(discovery['issuer'])}', not '${issuer}': check the 'oidc-issuer' input.`,
    );
  }
  const jwksUri = checkFetchUrl(discovery['jwks_uri'], 'jwks_uri');
  const jwks = await getJson(jwksUri, 'JWKS', timeoutMs, signal);
  if (!Array.isArray(jwks['keys'])) throw new Error(`The JWKS at ${jwksUri} has no 'keys' list.`);
  return {
    issuer,
    jwksUri,
    jwks: jwks as unknown as JSONWebKeySet,
    fetchedAt: now.getTime(),
    named: true,
  };
}
