import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundedGet } from '../../src/policy/http.ts';

/** Two loopback servers (two origins) that record the Authorization header each request carried. */
const seen: Array<{ server: string; path: string; auth: string | undefined }> = [];
let a: Server;
let b: Server;
const base = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;

function serve(name: string): Server {
  return createServer((req: IncomingMessage, res) => {
    seen.push({ server: name, path: req.url!, auth: req.headers.authorization });
    const to = new URL(req.url!, 'http://x').searchParams.get('to');
    if (to) {
      res.writeHead(302, { location: to === 'b' ? `${base(b)}/end` : to });
      res.end();
      return;
    }
    if (req.url === '/loop') {
      res.writeHead(301, { location: '/loop' });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"value":"ok"}');
  });
}

beforeAll(async () => {
  a = serve('a');
  b = serve('b');
  await Promise.all([a, b].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))));
});
afterAll(async () => {
  await Promise.all([a, b].map((s) => new Promise((r) => s.close(r))));
});

const get = (url: string) =>
  boundedGet(url, {
    headers: { Authorization: 'Bearer secret' },
    timeoutMs: 5000,
    maxBytes: 1024,
    what: 'the test document',
  });

describe('boundedGet redirects', () => {
  it('follows a redirect on the same origin with the Authorization header', async () => {
    seen.length = 0;
    const res = await get(`${base(a)}/start?to=/end`);
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('{"value":"ok"}');
    expect(seen).toEqual([
      { server: 'a', path: '/start?to=/end', auth: 'Bearer secret' },
      { server: 'a', path: '/end', auth: 'Bearer secret' },
    ]);
  });

  it('drops the Authorization header when the redirect leaves the origin', async () => {
    seen.length = 0;
    const res = await get(`${base(a)}/start?to=b`);
    expect(res.status).toBe(200);
    expect(seen).toEqual([
      { server: 'a', path: '/start?to=b', auth: 'Bearer secret' },
      { server: 'b', path: '/end', auth: undefined },
    ]);
  });

  it('stops after five redirects and returns the last answer', async () => {
    seen.length = 0;
    const res = await get(`${base(a)}/loop`);
    expect(res.status).toBe(301);
    expect(seen).toHaveLength(6);
  });

  it('refuses a redirect from https to http (nothing is sent there)', async () => {
    seen.length = 0;
    const fetch = async (url: string) =>
      url.startsWith('https:')
        ? new Response(null, { status: 302, headers: { location: `${base(a)}/end` } })
        : new Response('{}');
    await expect(
      boundedGet('https://example.invalid/x', {
        timeoutMs: 5000,
        maxBytes: 1024,
        what: 'the test document',
        fetch,
      }),
    ).rejects.toThrow(/redirected to http:\/\/127\.0\.0\.1:\d+, which is refused/);
    expect(seen).toEqual([]);
  });
});
