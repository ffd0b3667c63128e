import { createServer, Agent, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  MAX_RESPONSE_BYTES,
  nodeHttpFetch,
  nodeHttpRequest,
  requestCounts,
  requestsSent,
} from '../../src/http/node-fetch.ts';

// A server that answers by path, and remembers what it was sent.
let server: Server;
let base: string;
const seen: Array<{ method: string; headers: IncomingMessage['headers']; body: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method!, headers: req.headers, body });
      if (req.url === '/json') {
        res.writeHead(201, 'Made', [
          ['content-type', 'application/json'],
          ['x-twice', 'a'],
          ['x-twice', 'b'],
        ]);
        res.end('{"ok":true}');
      } else if (req.url === '/empty') {
        res.writeHead(204).end();
      } else if (req.url === '/huge') {
        res.writeHead(200);
        const chunk = Buffer.alloc(64 * 1024, 97);
        for (let i = 0; i <= MAX_RESPONSE_BYTES / chunk.length; i++) res.write(chunk);
        res.end();
      } else if (req.url === '/cut') {
        // Promises 1000 bytes, sends 10, and drops the connection.
        res.writeHead(200, { 'content-length': '1000' });
        res.write('0123456789', () => res.socket?.destroy());
      } else if (req.url === '/never') {
        // Holds the request open until the client gives up.
      } else res.writeHead(404).end('no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('nodeHttpFetch', () => {
  it('sends a form body as fetch would, and answers with status, headers and body', async () => {
    const res = await nodeHttpFetch(`${base}/json`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'x', subject_token: 'a b' }),
    });
    const sent = seen.at(-1)!;
    expect(sent.method).toBe('POST');
    expect(sent.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(sent.body).toBe('grant_type=x&subject_token=a+b');
    expect(res.status).toBe(201);
    expect(res.statusText).toBe('Made');
    expect(res.headers.get('x-twice')).toBe('a, b');
    expect(await res.json()).toEqual({ ok: true });
  });

  it('sends a JSON string with the caller’s headers', async () => {
    await nodeHttpFetch(new URL(`${base}/json`), {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: '{"scope":["s"]}',
    });
    const sent = seen.at(-1)!;
    expect(sent.headers['authorization']).toBe('Bearer t');
    expect(sent.headers['content-type']).toBe('application/json');
    expect(sent.body).toBe('{"scope":["s"]}');
  });

  it('answers a 204 without a body, and a 404 as a response, not an error', async () => {
    expect((await nodeHttpFetch(`${base}/empty`)).status).toBe(204);
    const missing = await nodeHttpFetch(`${base}/missing`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('no');
  });

  it('refuses an answer larger than it will read', async () => {
    await expect(nodeHttpFetch(`${base}/huge`)).rejects.toThrow(
      `the answer is larger than ${MAX_RESPONSE_BYTES} bytes`,
    );
  });

  it('fails on an answer cut off before its end, and never passes it on short', async () => {
    const err = await nodeHttpRequest(new URL(`${base}/cut`), { method: 'GET', headers: {} }).catch(
      (e: unknown) => e as Error & { code?: string },
    );
    expect(err).toBeInstanceOf(Error);
    // A network failure, which the callers' retries know.
    expect((err as { code?: string }).code).toBe('ECONNRESET');
  });

  it('gives up when the signal fires', async () => {
    const err = await nodeHttpFetch(`${base}/never`, { signal: AbortSignal.timeout(100) }).catch(
      (e: unknown) => e as Error,
    );
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('AbortError');
  });

  it('connects through the agent it is given (gaxios’s proxy agent)', async () => {
    const agent = new Agent();
    let connections = 0;
    const connect = agent.createConnection.bind(agent);
    agent.createConnection = (...args: Parameters<Agent['createConnection']>) => {
      connections++;
      return connect(...args);
    };
    await (await nodeHttpFetch(`${base}/json`, { agent } as RequestInit)).text();
    expect(connections).toBe(1);
    agent.destroy();
  });
});

describe('requestsSent', () => {
  it('settles once the requests made so far have left, without waiting for their answers', async () => {
    const before = seen.length;
    const held = [1, 2, 3].map(() =>
      nodeHttpRequest(new URL(`${base}/never`), {
        method: 'POST',
        headers: {},
        body: Buffer.from('x'),
        signal: AbortSignal.timeout(20_000),
      }).catch(() => undefined),
    );
    // A connection refused settles too: what never leaves must not hold the SDK's load back.
    const refused = nodeHttpRequest(new URL('http://127.0.0.1:9/'), {
      method: 'GET',
      headers: {},
    }).then(
      () => 'answered',
      (e: Error) => e.message,
    );
    expect(requestCounts().unsent).toBeGreaterThanOrEqual(4);
    await requestsSent();
    expect(requestCounts().unsent).toBe(0);
    expect(await refused).toMatch(/ECONNREFUSED/);
    // The server has the three requests, and has answered none of them.
    await vi.waitFor(() => expect(seen.length - before).toBe(3), { timeout: 30_000 });
    server.closeAllConnections();
    await Promise.all(held);
  });
});
