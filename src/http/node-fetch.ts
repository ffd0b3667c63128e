import type { Agent, ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import { request as httpRequest } from 'node:http';
import { agentFor, describeProxyFailure, TUNNEL_SIGNAL } from '../runner/proxy.js';
import { BufferedResponse, bodyBytes, headerRecord } from './fetch-classes.js';

/** By default: Google's token answers are a few hundred bytes; anything near this is not one. */
export const MAX_RESPONSE_BYTES = 1 << 20;

/** The answer was larger than its cap; never worth another attempt. */
export class ResponseTooLargeError extends Error {
  override name = 'ResponseTooLargeError';
  constructor(
    message: string,
    /** The length the answer declared, when it declared one over the cap. */
    readonly declared?: number,
  ) {
    super(message);
  }
}

/** The part of fetch's `Headers` a reader of an answer needs; names are case-insensitive. */
export interface HeaderReader {
  get(name: string): string | null;
  has(name: string): boolean;
}

/** An answer read whole (within its cap), without fetch's classes. */
export interface RawResponse {
  readonly status: number;
  readonly statusText: string;
  /** Name, value pairs as sent, repeated names kept. */
  readonly rawHeaders: ReadonlyArray<readonly [string, string]>;
  readonly headers: HeaderReader;
  readonly body: Buffer;
}

export interface RawRequest {
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
  /** An agent, or a function of the URL as gaxios passes it; else src/runner/proxy.ts chooses. */
  readonly agent?: Agent | ((url: URL) => Agent);
  readonly signal?: AbortSignal | null;
  readonly maxBytes?: number;
  /** Called once the request has been handed to the socket (the engine loads code meanwhile). */
  readonly onSent?: () => void;
}

/**
 * One request over node:http(s), the one HTTP transport of the action's own requests: the GitHub
 * OIDC token, the issuer's keys and the policy (src/policy/http.ts), and Google's token exchange
 * (through nodeHttpFetch below). Node's own fetch brings undici, and even fetch's `Request` and
 * `Response` classes load its whole bundle (some 30 ms of a first step, bench/FIRST-STEP.md), so
 * this layer uses neither. The agent obeys the one proxy rule; a proxy's refusal is said as such.
 * Redirects are not followed: the answer is the 3xx itself (callers follow what they allow).
 */
export function nodeHttpRequest(url: URL, init: RawRequest): Promise<RawResponse> {
  // Loaded on the first https request, not at startup (tls comes with it).
  const send =
    url.protocol === 'https:' ? process.getBuiltinModule('node:https').request : httpRequest;
  const agent = typeof init.agent === 'function' ? init.agent(url) : (init.agent ?? agentFor(url));
  const maxBytes = init.maxBytes ?? MAX_RESPONSE_BYTES;
  return new Promise<RawResponse>((resolve, reject) => {
    const req = send(
      url,
      {
        method: init.method,
        headers: init.headers,
        agent,
        signal: init.signal ?? undefined,
        // For the proxy tunnel, which Node's request does not see (src/runner/proxy.ts).
        [TUNNEL_SIGNAL]: init.signal ?? undefined,
      } as RequestOptions,
      (res) => void collect(res, maxBytes).then(resolve, reject),
    );
    req.on('error', (err) => {
      const proxy = describeProxyFailure(err, url);
      reject(proxy ? Object.assign(new Error(proxy, { cause: err }), { code: codeOf(err) }) : err);
    });
    if (init.onSent) req.once('finish', init.onSent);
    track(req);
    req.end(init.body);
  });
}

/** Requests made and not yet handed to their socket (nor failed). */
const unsent = new Set<Promise<void>>();

function track(req: ClientRequest): void {
  const sent = new Promise<void>((resolve) => {
    req.once('finish', resolve);
    req.once('close', resolve);
  });
  made++;
  unsent.add(sent);
  void sent.then(() => unsent.delete(sent));
}

/**
 * Settles once every request made so far has left the process (or failed). The engine loads a
 * cloud's SDK only then: the load holds the event loop for tens of ms, and a request whose socket
 * connected during it would wait that long to be sent.
 */
export async function requestsSent(): Promise<void> {
  await Promise.all([...unsent]);
}

let made = 0;

/** Requests made so far, and how many of them are still to leave (the engine's tests). */
export function requestCounts(): { made: number; unsent: number } {
  return { made, unsent: unsent.size };
}

/** The part of fetch's RequestInit that gaxios passes, with its agent. */
export interface FetchInit {
  readonly method?: string;
  readonly headers?: unknown;
  readonly body?: unknown;
  readonly signal?: AbortSignal | null;
  readonly agent?: Agent | ((url: URL) => Agent);
}

/**
 * nodeHttpRequest behind fetch's signature, for clients that want a fetch (gaxios, under
 * Google's exchange). Not with fetch's Request and Response: those globals load undici
 * (src/http/fetch-classes.ts).
 */
export async function nodeHttpFetch(
  input: string | URL,
  init: FetchInit = {},
  maxBytes = MAX_RESPONSE_BYTES,
): Promise<BufferedResponse> {
  const url = new URL(String(input));
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = headerRecord(init.headers);
  const body = method === 'GET' || method === 'HEAD' ? undefined : bodyBytes(init.body, headers);
  const res = await nodeHttpRequest(url, {
    method,
    headers,
    body,
    agent: init.agent,
    signal: init.signal,
    maxBytes,
  });
  // Fetch's Response has no body with these statuses.
  const empty = res.status === 204 || res.status === 205 || res.status === 304;
  return new BufferedResponse(
    res.status,
    res.statusText,
    res.rawHeaders,
    url.href,
    empty ? Buffer.alloc(0) : res.body,
  );
}

async function collect(res: IncomingMessage, maxBytes: number): Promise<RawResponse> {
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    // Refused before its body is read.
    res.destroy();
    throw new ResponseTooLargeError(`the answer is ${declared} bytes, over ${maxBytes}`, declared);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      res.destroy();
      throw new ResponseTooLargeError(`the answer is larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  const rawHeaders: Array<[string, string]> = [];
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2)
    rawHeaders.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
  const lower = res.headers;
  return {
    status: res.statusCode ?? 0,
    statusText: res.statusMessage ?? '',
    rawHeaders,
    headers: {
      get: (name) => joined(lower[name.toLowerCase()]),
      has: (name) => lower[name.toLowerCase()] !== undefined,
    },
    body: Buffer.concat(chunks),
  };
}

/** As fetch's Headers.get: repeated values joined by ", " (node:http keeps set-cookie apart). */
function joined(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Keeps the network code (retryable or not) of a failure said as the proxy's. */
function codeOf(err: unknown): string | undefined {
  return (err as { code?: string }).code;
}
