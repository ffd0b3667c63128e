export interface RetryOptions {
  /** Total attempts, including the first. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly isRetryable: (err: unknown) => boolean;
  /** Injectable so tests never wait. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly onRetry?: (err: unknown, attempt: number, delayMs: number) => void;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Retries only what another attempt can fix (throttling, 5xx, network), with full-jitter
 * exponential backoff and no sleep after the last attempt. Anything else, a denial above
 * all, fails at once: the peer action retries a trust-policy denial for ~159 s.
 */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt >= options.attempts || !options.isRetryable(err)) throw err;
      const delay = Math.round(random() * options.baseDelayMs * 2 ** (attempt - 1));
      options.onRetry?.(err, attempt, delay);
      await sleep(delay);
    }
  }
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * TLS refused the server's certificate (untrusted, expired, for another host): the next attempt
 * meets the same certificate. Node gives OpenSSL's verification codes, and ERR_TLS_CERT_* for the
 * host name.
 */
export function isCertificateError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /CERT|^UNABLE_TO_|^INVALID_CA$|^HOSTNAME_MISMATCH$/.test(code))
      return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** A network failure or timeout, in the shapes Node, undici and the SDKs' HTTP handlers throw. */
export function isNetworkError(err: unknown): boolean {
  const e = err as { code?: string; name?: string; cause?: unknown } | undefined;
  if (!e || typeof e !== 'object') return false;
  if (e.code && NETWORK_CODES.has(e.code)) return true;
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
  return e.cause !== undefined && e.cause !== err && isNetworkError(e.cause);
}

/**
 * Per-request timeout for every cloud call: JIT_CREDENTIALS_HTTP_TIMEOUT_MS, else 5 s. Tests
 * shorten it; slow proxies lengthen it.
 */
export function httpTimeoutMs(env: NodeJS.ProcessEnv): number {
  const v = Number(env['JIT_CREDENTIALS_HTTP_TIMEOUT_MS']);
  return Number.isFinite(v) && v > 0 ? v : 5000;
}
