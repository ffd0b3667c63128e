import { ConfigurationError, errorMessage } from '../errors.js';
import { boundedGet, jsonObject, ResponseTooLargeError, type FetchLike } from '../policy/http.js';
import { httpTimeoutMs, isNetworkError, withRetry } from '../providers/retry.js';
import { ID_TOKEN_REQUEST_TOKEN, ID_TOKEN_URL } from './oidc-env.js';
import { rememberSecret } from './redact.js';
import { setSecret } from './workflow-commands.js';

/**
 * Mints a fresh GitHub OIDC token for `audience`; the token is masked before it is returned.
 * `onSent` is called once, when the request is on its way: what the caller does then (loading
 * code) overlaps the round trip instead of following it.
 */
export type IdTokenSource = (
  audience: string,
  options?: { readonly onSent?: () => void },
) => Promise<string>;

/** A GitHub OIDC token is about 1.5 KB; anything near this is not one. */
export const MAX_ID_TOKEN_RESPONSE_BYTES = 64 * 1024;
const ATTEMPTS = 3;
const BASE_DELAY_MS = 500;

/**
 * The runner sets both variables only in jobs granted `id-token: write`, and never for
 * fork pull requests or Dependabot. `@actions/core` would say only "Unable to get
 * ACTIONS_ID_TOKEN_REQUEST_URL env variable", so say what to add and where.
 */
export function checkIdTokenAvailable(env: NodeJS.ProcessEnv = process.env): void {
  if (env[ID_TOKEN_URL] && env[ID_TOKEN_REQUEST_TOKEN]) return;
  throw new ConfigurationError(
    'This job cannot request a GitHub OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL is not set. ' +
      'Add `permissions: { id-token: write, contents: read }` to the job (or the workflow) that ' +
      'runs this step; a reusable workflow needs it in the caller too. Workflows triggered by a ' +
      'pull request from a fork, and Dependabot runs, never receive OIDC tokens.',
  );
}

export interface IdTokenOptions {
  readonly env: NodeJS.ProcessEnv;
  /** Registers the token with the runner's masker before anything can print it. */
  readonly mask: (token: string) => void;
  /** Per attempt, whole exchange; default JIT_CREDENTIALS_HTTP_TIMEOUT_MS or 5 s. */
  readonly timeoutMs?: number;
  readonly attempts?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly fetch?: FetchLike;
  readonly onRetry?: (err: unknown, attempt: number, delayMs: number) => void;
}

/** An HTTP status from the token endpoint; retried only when another attempt can help. */
class TokenEndpointError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/**
 * The runner's token endpoint, asked directly rather than through `core.getIDToken`, which has
 * no deadline, no size limit and retries every failure ten times. Same rules as the clouds:
 * a deadline per attempt, a few attempts for throttling, 5xx and network failures only.
 */
export function createIdTokenSource(opts: IdTokenOptions): IdTokenSource {
  const timeoutMs = opts.timeoutMs ?? httpTimeoutMs(opts.env);
  return async (audience, options) => {
    checkIdTokenAvailable(opts.env);
    let onSent = options?.onSent;
    const sent = () => {
      const f = onSent;
      onSent = undefined;
      f?.();
    };
    const base = opts.env[ID_TOKEN_URL]!;
    const url = `${base}${base.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`;
    try {
      const token = await withRetry(() => requestToken(url, opts, timeoutMs, sent), {
        attempts: opts.attempts ?? ATTEMPTS,
        baseDelayMs: BASE_DELAY_MS,
        isRetryable: (err) =>
          err instanceof TokenEndpointError
            ? err.retryable
            : !(err instanceof ResponseTooLargeError) && isNetworkError(err),
        ...(opts.sleep ? { sleep: opts.sleep } : {}),
        ...(opts.onRetry ? { onRetry: opts.onRetry } : {}),
      });
      opts.mask(token);
      return token;
    } catch (err) {
      throw new Error(
        `Could not get a GitHub OIDC token for audience '${audience}': ${errorMessage(err)}`,
        { cause: err },
      );
    }
  };
}

async function requestToken(
  url: string,
  opts: IdTokenOptions,
  timeoutMs: number,
  onSent: () => void,
): Promise<string> {
  const res = await boundedGet(url, {
    headers: {
      authorization: `Bearer ${opts.env[ID_TOKEN_REQUEST_TOKEN]!}`,
      accept: 'application/json',
    },
    timeoutMs,
    maxBytes: MAX_ID_TOKEN_RESPONSE_BYTES,
    what: 'the OIDC token',
    onSent,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  if (res.status !== 200) {
    const retryable = res.status === 429 || res.status >= 500;
    throw new TokenEndpointError(
      `the runner's token endpoint answered HTTP ${res.status}` +
        (res.status === 401 || res.status === 403
          ? ' (the request token was refused: is this step running in the job that was granted id-token: write?)'
          : ''),
      retryable,
    );
  }
  const value = jsonObject(res.body, 'the OIDC token answer', 'the runner')['value'];
  if (typeof value !== 'string' || value.split('.').length !== 3) {
    throw new TokenEndpointError('the runner answered without a token in "value"', false);
  }
  return value;
}

export const githubIdTokenSource: IdTokenSource = (audience, options) =>
  createIdTokenSource({
    env: process.env,
    mask: (token) => {
      rememberSecret(token);
      setSecret(token);
    },
  })(audience, options);
