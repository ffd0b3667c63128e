/**
 * A forward proxy on loopback, as a self-hosted runner's egress proxy: CONNECT tunnels for https
 * targets, absolute-form requests for http ones. It counts what went through it per target
 * `host:port`, can refuse targets (403 to CONNECT, like a proxy's allow list) and can require
 * Basic proxy authentication.
 *
 *   const proxy = await startProxy({ refuse: ['127.0.0.1:443'], auth: 'user:pass' });
 *   proxy.url;                     // 'http://127.0.0.1:PORT'
 *   proxy.tunnels.get('127.0.0.1:4431');   // CONNECTs to that target
 *   proxy.forwarded.get('127.0.0.1:8080'); // absolute-form http requests to it
 *   proxy.refused;                 // targets refused, in order
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

/** The Via header this proxy adds to every request it forwards. */
export const PROXY_VIA = '1.1 jit-test-proxy';

export interface ProxyOptions {
  /** Targets (`host:port`) answered with 403 to CONNECT or to a forwarded request. */
  readonly refuse?: readonly string[];
  /** `user:password` every request must carry in Proxy-Authorization (Basic). */
  readonly auth?: string;
  /**
   * Answers a forwarded (absolute-form http) request itself instead of forwarding it, when it
   * returns an answer: a proxy that lies (it sees and can forge what plain http carries).
   */
  readonly intercept?: (request: InterceptedRequest) => ProxyAnswer | undefined;
}

export interface InterceptedRequest {
  readonly method: string;
  readonly url: URL;
  readonly body: Buffer;
}

export interface ProxyAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body: string;
}

export interface TestProxy {
  readonly url: string;
  readonly port: number;
  readonly tunnels: Map<string, number>;
  readonly forwarded: Map<string, number>;
  readonly refused: string[];
  /** Local ports of every connection this proxy opened to a target, for the life of the proxy. */
  readonly upstreamPorts: Set<number>;
  /** Requests refused for missing or wrong credentials. */
  readonly unauthorized: number;
  /** Both kinds of traffic to a target. */
  count(target: string): number;
  reset(): void;
  close(): Promise<void>;
}

export async function startProxy(options: ProxyOptions = {}): Promise<TestProxy> {
  const tunnels = new Map<string, number>();
  const forwarded = new Map<string, number>();
  const refused: string[] = [];
  const upstreamPorts = new Set<number>();
  const sockets = new Set<Duplex>();
  let unauthorized = 0;
  const refuse = new Set(options.refuse ?? []);
  const expected = options.auth ? `Basic ${Buffer.from(options.auth).toString('base64')}` : '';
  const authorized = (req: http.IncomingMessage) => {
    if (!expected || req.headers['proxy-authorization'] === expected) return true;
    unauthorized++;
    return false;
  };
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

  const server = http.createServer((req, res) => {
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute-form request expected');
      return;
    }
    const key = `${target.hostname}:${target.port || 80}`;
    if (!authorized(req)) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"' }).end();
      return;
    }
    if (refuse.has(key)) {
      refused.push(key);
      res.writeHead(403).end('refused by the test proxy');
      return;
    }
    bump(forwarded, key);
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    // As real proxies do (RFC 9110 §7.6.3): the target's log then tells proxied requests apart.
    headers['via'] = PROXY_VIA;
    const forward = (body?: Buffer) => {
      const upstream = http.request(
        {
          host: target.hostname,
          port: target.port || 80,
          method: req.method,
          path: target.pathname + target.search,
          headers,
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('socket', (s) => s.on('connect', () => upstreamPorts.add(s.localPort ?? 0)));
      upstream.on('error', () => res.writeHead(502).end());
      if (body) upstream.end(body);
      else req.pipe(upstream);
    };
    const { intercept } = options;
    if (!intercept) return forward();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const answer = intercept({ method: req.method ?? 'GET', url: target, body });
      if (!answer) return forward(body);
      res.writeHead(answer.status, answer.headers ?? {}).end(answer.body);
    });
  });
  server.on('connect', (req: http.IncomingMessage, client: Duplex, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const key = req.url ?? '';
    if (!authorized(req)) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n');
      return;
    }
    if (refuse.has(key)) {
      refused.push(key);
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const [host, port] = [
      key.slice(0, key.lastIndexOf(':')),
      Number(key.slice(key.lastIndexOf(':') + 1)),
    ];
    bump(tunnels, key);
    const upstream = net.connect(port, host.replace(/^\[|\]$/g, ''), () => {
      upstreamPorts.add(upstream.localPort ?? 0);
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    tunnels,
    forwarded,
    refused,
    upstreamPorts,
    get unauthorized() {
      return unauthorized;
    },
    count: (target) => (tunnels.get(target) ?? 0) + (forwarded.get(target) ?? 0),
    reset() {
      tunnels.clear();
      forwarded.clear();
      refused.length = 0;
      unauthorized = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
