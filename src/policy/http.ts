/**
 * One bounded HTTP GET for everything the action reads from GitHub before a decision: the
 * runner's OIDC token, the issuer's discovery document and keys, the policy from the REST API.
 * Each of those servers can be slow, wrong or hostile, so every read has a deadline covering
 * the whole exchange (headers and body) and a size cap enforced while the body streams in: a
 * 100 MB answer is refused after the first megabyte, never held in memory whole.
 */

import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { agentFor, describeProxyFailure } from '../runner/proxy.js';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface BoundedGetOptions {
  readonly headers?: Readonly<Record<string, string>>;
  /** Whole exchange, headers and body. */
  readonly timeoutMs: number;
  readonly maxBytes: number;
  /** What is being fetched, for messages ("the OIDC JWKS"). */
  readonly what: string;
  readonly fetch?: FetchLike;
}

export interface BoundedResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Buffer;
}

/** The answer was larger than its cap; never worth another attempt. */
export class ResponseTooLargeError extends Error {
  override name = 'ResponseTooLargeError';
}

/** The deadline passed: a network failure as far as retrying is concerned (see isNetworkError). */
export class DeadlineError extends Error {
  override name = 'TimeoutError';
}

export async function boundedGet(url: string, opts: BoundedGetOptions): Promise<BoundedResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  const expired = () =>
    new DeadlineError(`${opts.what} from ${url} took longer than ${opts.timeoutMs} ms`);
  try {
    let res: Response;
    try {
      res = await (opts.fetch ?? nodeFetch)(url, {
        headers: { ...opts.headers },
        signal: controller.signal,
        redirect: 'follow',
      });
    } catch (err) {
      if (controller.signal.aborted) throw expired();
      throw err;
    }
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > opts.maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw tooLarge(opts, url, `${declared} bytes`);
    }
    try {
      const body = await readCapped(res, opts, url);
      return { status: res.status, headers: res.headers, body };
    } catch (err) {
      if (controller.signal.aborted && !(err instanceof ResponseTooLargeError)) throw expired();
      throw err;
    }
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(res: Response, opts: BoundedGetOptions, url: string): Promise<Buffer> {
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > opts.maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(opts, url, `more than ${opts.maxBytes} bytes`);
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

const MAX_REDIRECTS = 5;

/**
 * A GET over node:http(s) with the agent src/runner/proxy.ts chooses, so that these reads obey
 * the same proxy rule as the clouds' SDKs (Node's fetch would follow undici's own NO_PROXY
 * reading, which differs from the runner's). Follows redirects like fetch's 'follow'.
 */
export async function nodeFetch(url: string, init: RequestInit): Promise<Response> {
  let target = url;
  for (let hop = 0; ; hop++) {
    const res = await getOnce(target, init);
    const location = res.headers['location'];
    if (
      [301, 302, 303, 307, 308].includes(res.statusCode ?? 0) &&
      location &&
      hop < MAX_REDIRECTS
    ) {
      res.resume();
      target = new URL(location, target).href;
      continue;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
      for (const v of Array.isArray(value) ? value : [value ?? '']) headers.append(name, v);
    }
    const status = res.statusCode ?? 0;
    const empty = [101, 204, 205, 304].includes(status);
    if (empty) res.resume();
    return new Response(empty ? null : (Readable.toWeb(res) as ReadableStream), {
      status,
      headers,
    });
  }
}

function getOnce(url: string, init: RequestInit): Promise<http.IncomingMessage> {
  const u = new URL(url);
  const request = u.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = request(
      u,
      {
        method: 'GET',
        // Proxies and firewalls log it; GitHub's API requires one.
        headers: { 'user-agent': 'jit-credentials', ...(init.headers as Record<string, string>) },
        agent: agentFor(u),
        ...(init.signal ? { signal: init.signal } : {}),
      },
      resolve,
    );
    req.on('error', (err) => {
      const proxy = describeProxyFailure(err, u);
      reject(
        proxy ? Object.assign(new Error(proxy, { cause: err }), { code: proxyCode(err) }) : err,
      );
    });
    req.end();
  });
}

/** Keeps the network code (retryable or not) of the failure under a proxy message. */
function proxyCode(err: unknown): string | undefined {
  return (err as { code?: string }).code;
}
