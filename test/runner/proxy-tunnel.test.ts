/**
 * The deadline of every request (JIT_CREDENTIALS_HTTP_TIMEOUT_MS) covers an https request's proxy
 * tunnel. Node's proxy agent (`proxyEnv`) hands the request its socket only once CONNECT has been
 * answered and TLS is up, so the request's signal had nothing to destroy: boundedGet (OIDC token,
 * issuer, GitHub API), the AWS handler and MSAL's transport waited as long as the proxy liked.
 * Each request has a 300 ms deadline; "still waiting" is said 20 s later, a bound for a hang.
 */
import net from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
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

afterEach(() => {
  delete process.env['HTTPS_PROXY'];
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

  it("proxy's CONNECT answer never ends its headers: read past any cap, past the deadline", async () => {
    let accepted = 0;
    process.env['HTTPS_PROXY'] = await stallingProxy((s) => {
      s.write('HTTP/1.1 200 OK\r\nX-Pad: ');
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let i = 0;
      const pump = () => {
        // 32 MiB of a header that never ends; `accepted` counts what the client has taken in.
        while (i < 512 && !s.destroyed) {
          i++;
          if (!s.write(chunk, () => (accepted += chunk.length))) return void s.once('drain', pump);
        }
      };
      pump();
    });
    const result = await outcome(oidcGet());
    // Bounded by the deadline: Node reads a CONNECT answer without a cap of its own, so what it
    // takes in before 300 ms is whatever the proxy sends meanwhile (a few MiB, not 32).
    expect({ result, acceptedMiB: Math.round(accepted / 2 ** 20) }).toMatchObject({
      result: expect.stringMatching(/took longer than 300 ms|larger|bytes/),
    });
    expect(accepted).toBeLessThan(8 * 2 ** 20);
  }, 30_000);
});
