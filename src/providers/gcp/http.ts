import type { Agent, IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** Google's token answers are a few hundred bytes; anything near this is not one. */
export const MAX_RESPONSE_BYTES = 1 << 20;

/**
 * The fetch gaxios calls, over node:http(s). gaxios otherwise loads node-fetch and its stream
 * polyfill (about 120 KiB to compile for two POSTs), and Node's own fetch brings undici's HTTP
 * client, whose WebAssembly parser costs more than both. The request and response are fetch's
 * own Request and Response (gaxios loads them anyway); what goes over the wire is node:http's.
 * gaxios puts its proxy agent on `init.agent` when HTTPS_PROXY and the like are set, and its
 * timeout on `init.signal`: both are honoured.
 */
export async function nodeHttpFetch(
  input: string | URL | Request,
  init?: RequestInit & { agent?: Agent },
): Promise<Response> {
  const request = new Request(input, init);
  const body =
    request.method === 'GET' || request.method === 'HEAD'
      ? undefined
      : Buffer.from(await request.arrayBuffer());
  const url = new URL(request.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Response>((resolve, reject) => {
    const req = send(
      url,
      {
        method: request.method,
        headers: Object.fromEntries(request.headers),
        agent: init?.agent,
        signal: init?.signal ?? undefined,
      },
      (res) => void collect(res).then(resolve, reject),
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function collect(res: IncomingMessage): Promise<Response> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_RESPONSE_BYTES) {
      res.destroy();
      throw new Error(`the answer is larger than ${MAX_RESPONSE_BYTES} bytes`);
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
