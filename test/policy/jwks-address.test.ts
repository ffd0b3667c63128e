/**
 * The issuer's keys are asked at GitHub's usual address (`<issuer>/.well-known/jwks`) at the same
 * time as the discovery document, to save a round trip; what that guess returns is used only when
 * the document names exactly that address. The issuer below holds its discovery document until
 * the keys have been asked (or a second has passed), so the test sees whether they were asked at
 * once, and it can serve other keys at the usual address than at the one the document names.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearKeyCache, verifyGitHubToken } from '../../src/policy/verify.ts';

type Usual = 'keys' | 'other-keys' | 'status500' | 'status404' | 'hang';
let server: http.Server;
let issuer: string;
let named: '/.well-known/jwks' | '/keys';
let usual: Usual;
let seen: string[];
let keysAskedFirst: boolean | undefined;
let hungClosed = false;
let signing: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let jwk: JWK;
let otherJwk: JWK;

const json = (res: http.ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signing = pair.privateKey;
  jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const other = await generateKeyPair('RS256');
  otherJwk = { ...(await exportJWK(other.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  let keysAsked: () => void = () => undefined;
  server = http.createServer((req, res) => {
    seen.push(req.url ?? '');
    if (req.url === '/.well-known/openid-configuration') {
      const asked = new Promise<boolean>((resolve) => {
        if (seen.includes('/.well-known/jwks')) return resolve(true);
        keysAsked = () => resolve(true);
        setTimeout(() => resolve(false), 1000).unref();
      });
      void asked.then((first) => {
        keysAskedFirst = first;
        json(res, 200, { issuer, jwks_uri: `${issuer}${named}` });
      });
      return;
    }
    if (req.url === '/.well-known/jwks') {
      keysAsked();
      if (usual === 'status500') return json(res, 500, { message: 'down' });
      if (usual === 'hang') {
        res.once('close', () => (hungClosed = !res.writableEnded));
        return;
      }
      if (usual === 'status404') return json(res, 404, { message: 'Not Found' });
      return json(res, 200, { keys: [usual === 'keys' ? jwk : otherJwk] });
    }
    if (req.url === '/keys') return json(res, 200, { keys: [jwk] });
    json(res, 404, {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});
beforeEach(() => {
  clearKeyCache();
  seen = [];
  keysAskedFirst = undefined;
  hungClosed = false;
});

const token = () =>
  new SignJWT({ repository: 'acme/site' })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(issuer)
    .setAudience('sts.amazonaws.com')
    .setSubject('repo:acme/site:ref:refs/heads/main')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(signing);

const verify = async () =>
  verifyGitHubToken(await token(), { issuer, audience: 'sts.amazonaws.com', timeoutMs: 60_000 });

describe("the issuer's keys at the usual address", () => {
  it('are asked with the discovery document, not after it, and read once', async () => {
    named = '/.well-known/jwks';
    usual = 'keys';
    expect((await verify())['repository']).toBe('acme/site');
    expect(keysAskedFirst).toBe(true);
    expect(seen.sort()).toEqual(['/.well-known/jwks', '/.well-known/openid-configuration']);
  });

  it('are not used when the document names another address: those keys decide', async () => {
    named = '/keys';
    // The usual address offers another key under the same id: used, it would refuse the token.
    usual = 'other-keys';
    expect((await verify())['repository']).toBe('acme/site');
    expect(seen.filter((u) => u === '/keys')).toHaveLength(1);
  });

  it('an address the issuer does not serve costs nothing when the document names another', async () => {
    named = '/keys';
    usual = 'status404';
    expect((await verify())['repository']).toBe('acme/site');
  });

  it('are asked no longer once the document names another address: a hanging guess is ended', async () => {
    named = '/keys';
    usual = 'hang';
    expect((await verify())['repository']).toBe('acme/site');
    // Left alone it would hold the step open until the 60 s deadline.
    await vi.waitFor(() => expect(hungClosed).toBe(true), { timeout: 20_000 });
  });

  it("fail as the named address's own failure when the document names them", async () => {
    named = '/.well-known/jwks';
    usual = 'status500';
    await expect(verify()).rejects.toThrow(
      /Could not fetch the OIDC JWKS from http:\/\/127\.0\.0\.1:\d+\/\.well-known\/jwks: HTTP 500/,
    );
  });
});
