/**
 * One bounded HTTP GET (or GraphQL POST) for everything the action reads from GitHub before a
 * decision: the runner's OIDC token, the issuer's discovery document and keys, the policy.
 * Each of those servers can be slow, wrong or hostile, so every read has a deadline covering
 * the whole exchange (headers and body) and a size cap enforced while the body streams in: a
 * 100 MB answer is refused after the first megabyte, never held in memory whole.
 */

import {
  nodeHttpRequest,
  ResponseTooLargeError,
  type HeaderReader,
  type RawResponse,
} from '../http/node-fetch.js';

export { ResponseTooLargeError };

/** A fetch to send through instead of node:http (tests). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface BoundedGetOptions {
  readonly headers?: Readonly<Record<string, string>>;
  /** Whole exchange, headers and body. */
  readonly timeoutMs: number;
  readonly maxBytes: number;
  /** What is being fetched, for messages ("the OIDC JWKS"). */
  readonly what: string;
  readonly fetch?: FetchLike;
  /** Called once, when the first request has been sent (see nodeHttpRequest). */
  readonly onSent?: () => void;
  /** The caller no longer wants the answer (a guess that proved wrong): the request is ended. */
  readonly signal?: AbortSignal;
}

export interface BoundedResponse {
  readonly status: number;
  readonly headers: HeaderReader;
  readonly body: Buffer;
}

/** The deadline passed: a network failure as far as retrying is concerned (see isNetworkError). */
export class DeadlineError extends Error {
  override name = 'TimeoutError';
}

/** The caller's signal ended the request: nobody is waiting for its answer, nothing to retry. */
export class CancelledError extends Error {
  override name = 'CancelledError';
}

/** Redirects followed, as GitHub's API answers a renamed repository; fetch's limit is 20. */
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

type Send = (
  url: URL,
  headers: Record<string, string>,
  signal: AbortSignal,
) => Promise<RawResponse>;

export function boundedGet(url: string, opts: BoundedGetOptions): Promise<BoundedResponse> {
  return bounded(url, opts);
}

/**
 * One bounded POST of a JSON body (a GraphQL query), under the same deadline and cap. A redirect
 * is not followed: it is handed back as the answer, which no caller takes for success.
 */
export function boundedPost(
  url: string,
  json: unknown,
  opts: BoundedGetOptions,
): Promise<BoundedResponse> {
  return bounded(url, opts, Buffer.from(JSON.stringify(json)));
}

async function bounded(
  url: string,
  opts: BoundedGetOptions,
  body?: Buffer,
): Promise<BoundedResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  const cancel = () => controller.abort();
  opts.signal?.addEventListener('abort', cancel, { once: true });
  if (opts.signal?.aborted) cancel();
  try {
    const res = await follow(url, opts, controller.signal, body);
    return { status: res.status, headers: res.headers, body: res.body };
  } catch (err) {
    if (err instanceof ResponseTooLargeError)
      throw tooLarge(
        opts,
        url,
        err.declared === undefined ? `more than ${opts.maxBytes} bytes` : `${err.declared} bytes`,
      );
    if (opts.signal?.aborted) throw new CancelledError(`${opts.what} from ${url} was not needed`);
    if (controller.signal.aborted)
      throw new DeadlineError(`${opts.what} from ${url} took longer than ${opts.timeoutMs} ms`);
    throw err;
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', cancel);
  }
}

/**
 * The GET, following redirects as fetch would but within the same deadline, never from https to
 * http, and without the Authorization header once the origin changes (fetch's rule too). Over
 * node:http, through the proxy src/runner/proxy.ts chooses, unless a fetch is given.
 */
async function follow(
  url: string,
  opts: BoundedGetOptions,
  signal: AbortSignal,
  body?: Buffer,
): Promise<RawResponse> {
  let onSent = opts.onSent;
  const method = body ? 'POST' : 'GET';
  const send: Send = opts.fetch
    ? viaFetch(opts.fetch, opts.maxBytes, () => onSent?.(), body)
    : (u, headers, s) =>
        nodeHttpRequest(u, {
          method,
          headers,
          signal: s,
          maxBytes: opts.maxBytes,
          ...(body ? { body } : {}),
          ...(onSent ? { onSent } : {}),
        });
  let headers: Record<string, string> = {
    'user-agent': 'jit-credentials',
    ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}),
    ...opts.headers,
  };
  let target = new URL(url);
  for (let hop = 0; ; hop++) {
    const res = await send(target, headers, signal);
    onSent = undefined;
    const location = res.headers.get('location');
    if (body || !REDIRECTS.has(res.status) || !location || hop >= MAX_REDIRECTS) return res;
    const next = new URL(location, target);
    if (next.protocol !== 'https:' && !(next.protocol === 'http:' && target.protocol === 'http:'))
      throw new Error(`${opts.what} from ${url} redirected to ${next.origin}, which is refused.`);
    if (next.origin !== target.origin)
      headers = Object.fromEntries(
        Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization'),
      );
    target = next;
  }
}

/** A given fetch, its answer read within the same cap as node:http's. */
function viaFetch(fetch: FetchLike, maxBytes: number, onSent: () => void, body?: Buffer): Send {
  return async (url, headers, signal) => {
    const pending = fetch(url.href, {
      headers,
      signal,
      redirect: 'manual',
      ...(body ? { method: 'POST', body } : {}),
    });
    onSent();
    const res = await pending;
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw new ResponseTooLargeError(`the answer is ${declared} bytes`, declared);
    }
    return {
      status: res.status,
      statusText: res.statusText,
      rawHeaders: [...res.headers],
      headers: res.headers,
      body: await readCapped(res, maxBytes),
    };
  };
}

async function readCapped(res: Response, maxBytes: number): Promise<Buffer> {
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new ResponseTooLargeError(`the answer is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function tooLarge(opts: BoundedGetOptions, url: string, size: string): ResponseTooLargeError {
  return new ResponseTooLargeError(
    `${opts.what} from ${url} is ${size}; at most ${formatBytes(opts.maxBytes)} is accepted, so it was refused unread.`,
  );
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

/** A JSON object from a bounded body, or a message saying what came instead. */
export function jsonObject(body: Buffer, what: string, url: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new Error(`${what} from ${url} is not JSON.`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error(`${what} from ${url} is not a JSON object.`);
  return parsed as Record<string, unknown>;
}
