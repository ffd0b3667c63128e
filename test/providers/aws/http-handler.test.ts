/**
 * The AWS SDK's calls over the action's own transport: what the SDK asks is what goes on the
 * wire, and what comes back is what the SDK's deserializers read (status, headers, the body as
 * bytes). A hung or oversized answer ends the call as a network error the retry understands.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { HttpRequest } from '@smithy/core/protocols';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkHttpHandler } from '../../../src/providers/aws/http-handler.ts';
import { isNetworkError } from '../../../src/providers/retry.ts';

let server: Server;
let port: number;
let seen: { req: IncomingMessage; body: string } | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen = { req, body };
      if (req.url?.startsWith('/hang')) return;
      if (req.url?.startsWith('/huge')) {
        res.writeHead(200, { 'content-length': String(2 << 20) });
        res.end();
        return;
      }
      res.writeHead(200, 'OK', [
        ['Content-Type', 'text/xml'],
        ['x-amz-twice', 'a'],
        ['x-amz-twice', 'b'],
      ]);
      res.end('<AssumeRoleResponse/>');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const request = (path: string, extra: Partial<HttpRequest> = {}) =>
  new HttpRequest({
    protocol: 'http:',
    hostname: '127.0.0.1',
    port,
    method: 'POST',
    path,
    headers: { 'content-type': 'application/x-www-form-urlencoded', host: `127.0.0.1:${port}` },
    body: 'Action=AssumeRoleWithWebIdentity&Version=2011-06-15',
    ...extra,
  });

describe('sdkHttpHandler', () => {
  it('sends the method, path, query, headers and form body the SDK built', async () => {
    const { response } = await sdkHttpHandler(5000).handle(
      request('/', { query: { a: 'x y', list: ['1', '2'], flag: null } }),
    );
    expect(seen?.req.method).toBe('POST');
    expect(seen?.req.url).toBe('/?a=x%20y&flag&list=1&list=2');
    expect(seen?.req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(seen?.body).toBe('Action=AssumeRoleWithWebIdentity&Version=2011-06-15');
    expect(response.statusCode).toBe(200);
    expect(response.reason).toBe('OK');
    // Lower-case names, repeated ones joined as Node's handler joins them.
    expect(response.headers['content-type']).toBe('text/xml');
    expect(response.headers['x-amz-twice']).toBe('a,b');
    expect(response.body).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(response.body as Uint8Array).toString()).toBe('<AssumeRoleResponse/>');
  });

  it('sends a byte body as it is', async () => {
    await sdkHttpHandler(5000).handle(request('/', { body: new TextEncoder().encode('Bytes=1') }));
    expect(seen?.body).toBe('Bytes=1');
  });

  it('ends a call that is not answered within its time, as a network error', async () => {
    const err = await sdkHttpHandler(200)
      .handle(request('/hang'))
      .catch((e: unknown) => e);
    expect(isNetworkError(err)).toBe(true);
  });

  it('refuses an answer larger than any STS or IAM answer', async () => {
    await expect(sdkHttpHandler(5000).handle(request('/huge'))).rejects.toThrow(/over 1048576/);
  });

  it('refuses a streamed body rather than send part of it', async () => {
    await expect(
      sdkHttpHandler(5000).handle(request('/', { body: Readable.from(['x']) })),
    ).rejects.toThrow(/in-memory body only/);
  });
});
