/**
 * The HTTP(S) plumbing every emulator shares: a loopback server, a request log and fault injection.
 *
 *   const server = await startServer(async (req) => {
 *     if (req.fault === 'throttle') return { status: 400, body: { Error: { Code: 'Throttling' } } };
 *     if (req.method === 'POST' && req.path === '/token') return { body: { ok: true } };  // JSON, 200
 *     return undefined;                                                                    // 404
 *   }, { tls: { key, cert }, clock });
 *   server.url;        // 'http://127.0.0.1:PORT' or 'https://127.0.0.1:PORT' (no trailing slash)
 *   server.requests;   // every request, in arrival order: {method, path, query, headers, body, time}
 *   server.faults.next('status503', 2);          // the next two requests get a 503
 *   server.faults.next('throttle', 1, '/token'); // an emulator-defined kind, only for that path
 *   await server.close();
 *
 * Handler: `(req) => Reply | undefined` (sync or async). A `Reply` is `{status?, headers?, body?}`;
 * a string or Buffer body is sent as is, any other body as JSON with `content-type: application/json`.
 * `undefined` means 404. A handler that throws gets a 500 whose body names the error, so a broken
 * emulator is visible in the client's error rather than as a hang.
 *
 * Faults are consumed one per matching request, in the order queued. Generic kinds are answered
 * here: `status500`, `status503` (JSON error bodies), `hang` (never answer; `close()` still ends it),
 * `reset` (destroy the socket without a response), `malformed` (a 200 whose body no JSON or XML
 * parser accepts). Any other kind (each emulator's own "throttle", "expired", ...) is handed to the
 * handler as `req.fault`; an emulator may also answer a generic kind in its own format with the
 * `faultReply` option. Faulted requests are logged too, with `fault` set.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import path from 'node:path';
import type { Clock } from './clock.ts';

/** The user agent of the emulators' own requests (an issuer's keys), told apart from the action's. */
export const EMULATOR_USER_AGENT = 'jit-test-emulator';
export const EMULATOR_HEADERS = { 'user-agent': EMULATOR_USER_AGENT };

export type GenericFault = 'status500' | 'status503' | 'hang' | 'reset' | 'malformed';
/** A generic kind, or any emulator-defined kind passed to the handler as `req.fault`. */
export type FaultKind = GenericFault | (string & {});

export interface LoggedRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/token`. */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names, as Node gives them. */
  headers: http.IncomingHttpHeaders;
  /** The body decoded as UTF-8 (`''` when empty). */
  body: string;
  /** The emulator clock's time if one was given, else the wall clock. */
  time: Date;
  /** The fault consumed by this request, if any. */
  fault?: FaultKind;
  /** Set when the client closed the connection before it was answered (a request it gave up on). */
  abandoned?: true;
}

export interface EmulatorRequest extends LoggedRequest {
  url: URL;
  rawBody: Buffer;
  /** Parses the body as JSON or `application/x-www-form-urlencoded`, by content type. */
  parsedBody(): Record<string, unknown>;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer | object;
}

export type Handler = (req: EmulatorRequest) => Reply | undefined | Promise<Reply | undefined>;

export interface ServerOptions {
  tls?: { key: string | Buffer; cert: string | Buffer };
  clock?: Clock;
  /** Lets an emulator answer a (generic or own) fault in its cloud's format; `undefined` falls through. */
  faultReply?: (kind: FaultKind, req: EmulatorRequest) => Reply | undefined;
  /**
   * Held before each answer, standing for a network round trip (the benchmark's latency rounds
   * only; tests never set it). Default: EMULATOR_LATENCY_MS when the server starts, else none.
   */
  latencyMs?: number;
}

/**
 * HTTPS for every emulator started while EMULATOR_TLS_DIR names a directory holding server.key
 * and server.pem (createTestCa's), as every endpoint a runner talks to is: the benchmark's TLS
 * rounds, and test/e2e/first-step.test.ts's step over HTTPS.
 */
function benchTls(): ServerOptions['tls'] {
  const dir = process.env['EMULATOR_TLS_DIR'];
  if (!dir) return undefined;
  return {
    key: readFileSync(path.join(dir, 'server.key')),
    cert: readFileSync(path.join(dir, 'server.pem')),
  };
}

export type PathMatch = string | RegExp | ((req: LoggedRequest) => boolean);

export class Faults {
  #queue: Array<{ kind: FaultKind; remaining: number; match?: PathMatch }> = [];

  /** Queues `kind` for the next `count` requests (that match `match`, if given: a path, regexp or predicate). */
  next(kind: FaultKind, count = 1, match?: PathMatch): void {
    if (!Number.isInteger(count) || count < 1)
      throw new RangeError(`faults.next('${kind}', ${count}): count must be an integer >= 1`);
    this.#queue.push({ kind, remaining: count, match });
  }

  /** Faults still queued, for tests asserting that every injected fault was hit. */
  pending(): Array<{ kind: FaultKind; remaining: number }> {
    return this.#queue.map(({ kind, remaining }) => ({ kind, remaining }));
  }

  clear(): void {
    this.#queue = [];
  }

  /** Consumes the first queued fault that applies to `req`. */
  take(req: LoggedRequest): FaultKind | undefined {
    const i = this.#queue.findIndex((f) => matches(f.match, req));
    if (i < 0) return undefined;
    const f = this.#queue[i]!;
    if (--f.remaining === 0) this.#queue.splice(i, 1);
    return f.kind;
  }
}

function matches(match: PathMatch | undefined, req: LoggedRequest): boolean {
  if (match === undefined) return true;
  if (typeof match === 'string') return req.path === match;
  if (match instanceof RegExp) return match.test(req.path);
  return match(req);
}

export interface TestServer {
  url: string;
  port: number;
  requests: LoggedRequest[];
  faults: Faults;
  /** The client port of every connection accepted, in order: who connected (a proxy test asks). */
  connections: number[];
  close(): Promise<void>;
}

const GENERIC: Record<string, true> = {
  status500: true,
  status503: true,
  hang: true,
  reset: true,
  malformed: true,
};

export async function startServer(
  handler: Handler,
  options: ServerOptions = {},
): Promise<TestServer> {
  const requests: LoggedRequest[] = [];
  const faults = new Faults();
  const sockets = new Set<Socket>();
  const connections: number[] = [];
  const latencyMs = options.latencyMs ?? (Number(process.env['EMULATOR_LATENCY_MS']) || 0);
  const tls = options.tls ?? benchTls();

  const listener = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void answer(req, res, Buffer.concat(chunks));
    });
  };

  const answer = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    rawBody: Buffer,
  ): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const logged: LoggedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: rawBody.toString('utf8'),
      time: options.clock ? options.clock.now() : new Date(),
    };
    const fault = faults.take(logged);
    if (fault !== undefined) logged.fault = fault;
    requests.push(logged);
    res.once('close', () => {
      if (!res.writableEnded) logged.abandoned = true;
    });
    // Not for the emulators' own reads of an issuer's keys: a cloud keeps those between calls.
    if (latencyMs > 0 && req.headers['user-agent'] !== EMULATOR_USER_AGENT)
      await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const er: EmulatorRequest = { ...logged, url, rawBody, parsedBody: () => parseBody(logged) };

    let reply: Reply | undefined;
    try {
      if (fault !== undefined) {
        const own = options.faultReply?.(fault, er);
        if (own) return send(res, own);
        if (fault === 'hang') return; // the socket stays open until the client gives up or close()
        if (fault === 'reset') {
          req.socket.destroy();
          return;
        }
        if (GENERIC[fault]) return send(res, genericFault(fault));
      }
      reply = await handler(er);
    } catch (err) {
      reply = {
        status: 500,
        body: {
          error: 'emulator_error',
          message: err instanceof Error ? err.message : String(err),
        },
      };
    }
    send(
      res,
      reply ?? {
        status: 404,
        body: {
          error: 'not_found',
          message: `${logged.method} ${logged.path} is not served by this emulator`,
        },
      },
    );
  };

  const server = tls
    ? https.createServer({ key: tls.key, cert: tls.cert }, listener)
    : http.createServer(listener);
  // TLS servers track the TLS socket under 'secureConnection'; 'connection' sees the raw one, which is what destroy() needs.
  server.on('connection', (s: Socket) => {
    connections.push(s.remotePort ?? 0);
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    faults,
    connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function genericFault(kind: FaultKind): Reply {
  switch (kind) {
    case 'status500':
      return {
        status: 500,
        body: { error: 'internal_error', message: 'Injected fault: internal server error' },
      };
    case 'status503':
      return {
        status: 503,
        headers: { 'retry-after': '0' },
        body: { error: 'unavailable', message: 'Injected fault: service unavailable' },
      };
    default:
      // Claims to be JSON, is neither JSON nor XML: a client must fail to parse it, not accept it.
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: '{"value": <<truncated',
      };
  }
}

function send(res: http.ServerResponse, reply: Reply): void {
  if (res.writableEnded || res.destroyed) return;
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  let body: string | Buffer;
  if (reply.body === undefined) body = '';
  else if (typeof reply.body === 'string' || Buffer.isBuffer(reply.body)) body = reply.body;
  else {
    body = JSON.stringify(reply.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
      headers['content-type'] = 'application/json';
  }
  res.writeHead(reply.status ?? 200, headers);
  res.end(body);
}

function parseBody(req: LoggedRequest): Record<string, unknown> {
  if (req.body === '') return {};
  const type = String(req.headers['content-type'] ?? '');
  if (type.includes('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(req.body));
  if (type.includes('json') || /^\s*[{[]/.test(req.body)) {
    const v: unknown = JSON.parse(req.body);
    if (v === null || typeof v !== 'object' || Array.isArray(v))
      throw new Error('request body is JSON but not an object');
    return v as Record<string, unknown>;
  }
  return Object.fromEntries(new URLSearchParams(req.body));
}
