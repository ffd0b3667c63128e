import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { msalTransport } from '../../../src/providers/azure/msal-transport.ts';

let server: Server;
let base: string;
const seen: Array<{ method?: string; url?: string; type?: string; body: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, type: req.headers['content-type'], body });
      if (req.url === '/page') {
        res.writeHead(502, { 'Content-Type': 'text/html' }).end('<html>proxy error</html>');
        return;
      }
      res
        .writeHead(200, { 'Content-Type': 'application/json', 'X-Ms-Request-Id': 'r-1' })
        .end(JSON.stringify({ token_type: 'Bearer', access_token: 'at' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('msalTransport', () => {
  it('sends MSAL’s form as given and hands back the parsed JSON, status and lower-cased headers', async () => {
    const errors: unknown[] = [];
    const t = msalTransport(base, AbortSignal.timeout(5000), (e) => errors.push(e));
    const res = await t.sendPostRequestAsync<{ access_token: string }>(`${base}/t/token`, {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: 'grant_type=client_credentials&scope=x',
    });
    expect(res).toMatchObject({ status: 200, body: { access_token: 'at' } });
    expect(res.headers['x-ms-request-id']).toBe('r-1');
    expect(seen.at(-1)).toEqual({
      method: 'POST',
      url: '/t/token',
      type: 'application/x-www-form-urlencoded;charset=utf-8',
      body: 'grant_type=client_credentials&scope=x',
    });
    expect(errors).toEqual([]);
  });

  it('names an answer that is not JSON by its status, and reports it as the transport’s', async () => {
    const errors: unknown[] = [];
    const t = msalTransport(base, AbortSignal.timeout(5000), (e) => errors.push(e));
    const err = await t.sendGetRequestAsync(`${base}/page`).catch((e: unknown) => e);
    expect((err as Error).message).toBe(
      `${base} answered 502 Bad Gateway with a body that is not JSON (a proxy's page?)`,
    );
    expect(errors).toEqual([err]);
  });

  it('reports a connection that fails as the transport’s error', async () => {
    const errors: unknown[] = [];
    const t = msalTransport('http://127.0.0.1:1', AbortSignal.timeout(5000), (e) => errors.push(e));
    const err = await t.sendGetRequestAsync('http://127.0.0.1:1/x').catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('ECONNREFUSED');
    expect(errors).toEqual([err]);
  });
});
