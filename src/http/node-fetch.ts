import type { Agent, IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { agentFor, describeProxyFailure } from '../runner/proxy.js';

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

/**
 * A fetch over node:http(s), the one HTTP transport of the action's own requests: the GitHub OIDC
 * token, the issuer's keys and the policy (src/policy/http.ts), and Google's token exchange (the
 * fetch gaxios calls). Node's own fetch brings undici's HTTP client, whose WebAssembly parser
 * costs a first step more than everything else it sends (bench/FIRST-STEP.md), and gaxios's default
 * loads node-fetch and its stream polyfill. The request and response are fetch's own Request and
 * Response; what goes over the wire is node:http's. The agent is `init.agent` (an agent, or a
 * function of the URL as gaxios passes it), else the one src/runner/proxy.ts chooses for the URL,
 * so every request obeys one proxy rule; a proxy's refusal is said as such. `init.signal` ends
 * the request.
 * Redirects are not followed: the response is the 3xx itself (callers follow what they allow).
 */
export async function nodeHttpFetch(
  input: string | URL | Request,
  init?: RequestInit & { agent?: Agent | ((url: URL) => Agent) },
  maxBytes = MAX_RESPONSE_BYTES,
): Promise<Response> {
  const request = new Request(input, init);
  const body =
    request.method === 'GET' || request.method === 'HEAD'
      ? undefined
      : Buffer.from(await request.arrayBuffer());
  const url = new URL(request.url);
  // Loaded on the first https request, not at startup (tls comes with it).
  const send =
    url.protocol === 'https:' ? process.getBuiltinModule('node:https').request : httpRequest;
  const agent =
    typeof init?.agent === 'function' ? init.agent(url) : (init?.agent ?? agentFor(url));
  return new Promise<Response>((resolve, reject) => {
    const req = send(
      url,
      {
        method: request.method,
        headers: Object.fromEntries(request.headers),
        agent,
        signal: init?.signal ?? undefined,
      },
      (res) => void collect(res, maxBytes).then(resolve, reject),
    );
    req.on('error', (err) => {
      const proxy = describeProxyFailure(err, url);
      reject(proxy ? Object.assign(new Error(proxy, { cause: err }), { code: codeOf(err) }) : err);
    });
    req.end(body);
  });
}

async function collect(res: IncomingMessage, maxBytes: number): Promise<Response> {
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
  const headers: Array<[string, string]> = [];
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2)
    headers.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
  const status = res.statusCode ?? 0;
  // Fetch's Response takes no body with these statuses.
  const empty = status === 204 || status === 205 || status === 304;
  return new Response(empty ? null : Buffer.concat(chunks), {
    status,
    statusText: res.statusMessage ?? '',
    headers,
  });
}

/** Keeps the network code (retryable or not) of a failure said as the proxy's. */
function codeOf(err: unknown): string | undefined {
  return (err as { code?: string }).code;
}
