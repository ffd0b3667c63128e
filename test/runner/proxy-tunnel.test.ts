/**
 * The deadline of every request (JIT_CREDENTIALS_HTTP_TIMEOUT_MS) covers an https request's proxy
 * tunnel. Node's proxy agent (`proxyEnv`) hands the request its socket only once CONNECT has been
 * answered and TLS is up, so the request's signal had nothing to destroy: boundedGet (OIDC token,
 * issuer, GitHub API), the AWS handler and MSAL's transport waited as long as the proxy liked.
 * Each request has a 300 ms deadline; "still waiting" is said 20 s later, a bound for a hang.
 */
import net from 'node:net';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boundedGet } from '../../src/policy/http.ts';
import { nodeHttpRequest } from '../../src/http/node-fetch.ts';
import { resetProxySettings } from '../../src/runner/proxy.ts';

type Behaviour = (s: net.Socket) => void;
const servers: net.Server[] = [];
const sockets = new Set<net.Socket>();

async function stallingProxy(behaviour: Behaviour): Promise<string> {
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.once('data', () => behaviour(s));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
}

/** The request's outcome, or 'still waiting' if it has not settled `graceMs` after its deadline. */
async function outcome(p: Promise<unknown>, graceMs = 20_000): Promise<string> {
  return Promise.race([
    p.then(
      () => 'answered',
      (err: unknown) => `failed: ${(err as Error).message}`,
    ),
    new Promise<string>((r) => setTimeout(() => r('still waiting'), graceMs).unref()),
  ]);
}

const oidcGet = () =>
  boundedGet('https://token.example.invalid/idtoken?audience=sts.amazonaws.com', {
    headers: { authorization: 'Bearer runtime-token' },
    timeoutMs: 300,
    maxBytes: 64 * 1024,
    what: 'the OIDC token',
  });

// The proxy variables as each test sets them, whatever other files of the worker left.
const PROXY_VARIABLES = [
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'NO_PROXY',
  'no_proxy',
];
const saved = Object.fromEntries(PROXY_VARIABLES.map((n) => [n, process.env[n]]));
beforeEach(() => {
  for (const n of PROXY_VARIABLES) delete process.env[n];
  resetProxySettings();
});
afterEach(() => {
  for (const n of PROXY_VARIABLES)
    if (saved[n] === undefined) delete process.env[n];
    else process.env[n] = saved[n];
  resetProxySettings();
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

describe('the per-request deadline through an https proxy', () => {
  it('boundedGet (OIDC token, JWKS, GitHub API): proxy never answers CONNECT', async () => {
    process.env['HTTPS_PROXY'] = await stallingProxy(() => undefined);
    expect(await outcome(oidcGet())).toMatch(/took longer than 300 ms/);
  }, 30_000);

  it('AWS / Entra transport (AbortSignal): proxy never answers CONNECT', async () => {
    process.env['HTTPS_PROXY'] = await stallingProxy(() => undefined);
    const req = nodeHttpRequest(new URL('https://sts.example.invalid/'), {
      method: 'POST',
      headers: {},
      body: Buffer.from('Action=AssumeRoleWithWebIdentity&WebIdentityToken=x'),
      signal: AbortSignal.timeout(300),
    });
    expect(await outcome(req)).toMatch(/^failed/);
  }, 30_000);

  it('proxy answers 200 to CONNECT, then the TLS handshake never completes', async () => {
    process.env['HTTPS_PROXY'] = await stallingProxy((s) =>
      s.write('HTTP/1.1 200 Connection established\r\n\r\n'),
    );
    expect(await outcome(oidcGet())).toMatch(/took longer than 300 ms/);
  }, 30_000);
});
