/**
 * The issuer's keys are read at GitHub's usual address (`<issuer>/.well-known/jwks`) alone: one
 * request on one connection. The discovery document decides when that address answers with
 * anything but a key set, or with keys that do not verify the token; then the keys it names are
 * the ones used. The issuer below can serve other keys, or none, at the usual address than at
 * the one its document names.
 */
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearKeyCache, verifyGitHubToken } from '../../src/policy/verify.ts';
import { startServer, type Reply, type TestServer } from '../emulators/http.ts';

type Usual = 'keys' | 'other-keys' | 'status500' | 'status404' | 'hang';
let server: TestServer;
let issuer: string;
let named: '/.well-known/jwks' | '/keys';
let usual: Usual;
let signing: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let jwk: JWK;
let otherJwk: JWK;

const discovery = (): Reply => ({ body: { issuer, jwks_uri: `${issuer}${named}` } });

function usualKeys(): Reply | Promise<never> {
  if (usual === 'hang') return new Promise<never>(() => undefined);
  if (usual === 'status500') return { status: 500, body: { message: 'down' } };
  if (usual === 'status404') return { status: 404, body: { message: 'Not Found' } };
  return { body: { keys: [usual === 'keys' ? jwk : otherJwk] } };
}

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signing = pair.privateKey;
  jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const other = await generateKeyPair('RS256');
  otherJwk = { ...(await exportJWK(other.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = await startServer((req) => {
    if (req.path === '/.well-known/openid-configuration') return discovery();
    if (req.path === '/.well-known/jwks') return usualKeys();
    if (req.path === '/keys') return { body: { keys: [jwk] } };
    return { status: 404, body: {} };
  });
  issuer = server.url;
});
afterAll(() => server.close());
beforeEach(() => {
  clearKeyCache();
  server.requests.length = 0;
});
const paths = () => server.requests.map((r) => r.path);

const token = () =>
  new SignJWT({ repository: 'acme/site' })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(issuer)
    .setAudience('sts.amazonaws.com')
    .setSubject('repo:acme/site:ref:refs/heads/main')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(signing);

const verify = async (timeoutMs = 60_000) =>
  verifyGitHubToken(await token(), { issuer, audience: 'sts.amazonaws.com', timeoutMs });

describe("the issuer's keys at the usual address", () => {
  it('are read alone, once, when they verify the token', async () => {
    usual = 'keys';
    named = '/keys';
    expect((await verify())['repository']).toBe('acme/site');
    expect(paths()).toEqual(['/.well-known/jwks']);
  });

  it('that do not verify the token give way to the keys the document names', async () => {
    named = '/keys';
    // Another key under the same id: the token is not refused on its word alone.
    usual = 'other-keys';
    expect((await verify())['repository']).toBe('acme/site');
    expect(paths()).toEqual(['/.well-known/jwks', '/.well-known/openid-configuration', '/keys']);
  });

  it('are refused when the keys the document names do not verify the token either', async () => {
    named = '/.well-known/jwks';
    usual = 'other-keys';
    await expect(verify()).rejects.toThrow(/signature does not verify/);
  });

  it('an address the issuer does not serve: the document names the keys', async () => {
    named = '/keys';
    usual = 'status404';
    expect((await verify())['repository']).toBe('acme/site');
    expect(paths()).toEqual(['/.well-known/jwks', '/.well-known/openid-configuration', '/keys']);
  });

  it("fail as the named address's own failure when the document names them", async () => {
    named = '/.well-known/jwks';
    usual = 'status500';
    await expect(verify()).rejects.toThrow(
      /Could not fetch the OIDC JWKS from http:\/\/127\.0\.0\.1:\d+\/\.well-known\/jwks: HTTP 500/,
    );
  });

  it('that never answer fail at the deadline: the document is on the same host', async () => {
    named = '/keys';
    usual = 'hang';
    await expect(verify(300)).rejects.toThrow(
      /Could not fetch the OIDC JWKS from .*\/\.well-known\/jwks: .*took longer than 300 ms/,
    );
    expect(paths()).toEqual(['/.well-known/jwks']);
  });
});
