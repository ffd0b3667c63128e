import {
  buildQueryString,
  HttpResponse,
  type HttpHandler,
  type HttpRequest,
} from '@smithy/core/protocols';
import { nodeHttpRequest } from '../../http/node-fetch.js';

/** STS and IAM answers are a few KiB; anything near this is not one of them. */
const MAX_ANSWER_BYTES = 1 << 20;

/**
 * The SDK's calls over the action's own transport (src/http/node-fetch.ts): one proxy rule for
 * every request of the action, a cap on the answer, and the answer read whole into bytes. With
 * bytes, the SDK's body collector never reaches for the web streams its Node handler's answers
 * need, and the handler itself (with https, needed or not) is not loaded: some 4 M instructions
 * and a chunk of a first step. Bodies are in memory here: the query protocol of STS and IAM sends
 * a form, never a stream.
 */
export function sdkHttpHandler(timeoutMs: number): HttpHandler<Record<string, never>> {
  return {
    metadata: { handlerProtocol: 'http/1.1' },
    async handle(request: HttpRequest) {
      const url = new URL(`${request.protocol}//${hostOf(request)}${request.path}`);
      const query = request.query ? buildQueryString(request.query) : '';
      if (query) url.search = query;
      const res = await nodeHttpRequest(url, {
        method: request.method,
        headers: request.headers,
        body: bodyOf(request.body),
        signal: AbortSignal.timeout(timeoutMs),
        maxBytes: MAX_ANSWER_BYTES,
      });
      const headers: Record<string, string> = {};
      for (const [name, value] of res.rawHeaders) {
        const key = name.toLowerCase();
        headers[key] = key in headers ? `${headers[key]},${value}` : value;
      }
      return {
        response: new HttpResponse({
          statusCode: res.status,
          reason: res.statusText,
          headers,
          body: new Uint8Array(res.body.buffer, res.body.byteOffset, res.body.byteLength),
        }),
      };
    },
    updateHttpClientConfig: () => undefined,
    httpHandlerConfigs: () => ({}),
  };
}

function hostOf(request: HttpRequest): string {
  return request.port ? `${request.hostname}:${request.port}` : request.hostname;
}

function bodyOf(body: unknown): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError('jit-credentials sends AWS requests with an in-memory body only.');
}
