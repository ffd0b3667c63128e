/**
 * The issuer's keys are asked at GitHub's usual address (`<issuer>/.well-known/jwks`) at the same
 * time as the discovery document, to save a round trip; what that guess returns is used only when
 * the document names exactly that address. The issuer below holds its discovery document until
 * the keys have been asked, so the test sees whether they were asked at once (asked only after
 * the answer, they never are: the hold gives up after 10 s and says so), and it can serve other
 * keys at the usual address than at the one the document names.
 */
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearKeyCache, verifyGitHubToken } from '../../src/policy/verify.ts';
import { startServer, type Reply, type TestServer } from '../emulators/http.ts';

type Usual = 'keys' | 'other-keys' | 'status500' | 'status404' | 'hang';
let server: TestServer;
let issuer: string;
let named: '/.well-known/jwks' | '/keys';
let usual: Usual;
let keysAskedFirst: boolean | undefined;
let keysAsked: () => void;
let signing: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let jwk: JWK;
let otherJwk: JWK;

/** Answers the discovery document once the keys have been asked, or after 10 s. */
async function discovery(): Promise<Reply> {
  const asked = server.requests.some((r) => r.path === '/.well-known/jwks');
  keysAskedFirst =
    asked ||
    (await new Promise<boolean>((resolve) => {
      keysAsked = () => resolve(true);
      setTimeout(() => resolve(false), 10_000).unref();
    }));
  return { body: { issuer, jwks_uri: `${issuer}${named}` } };
}

function usualKeys(): Reply | Promise<never> {
  keysAsked();
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
  keysAskedFirst = undefined;
  keysAsked = () => undefined;
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

const verify = async () =>
  verifyGitHubToken(await token(), { issuer, audience: 'sts.amazonaws.com', timeoutMs: 60_000 });

describe("the issuer's keys at the usual address", () => {
  it('are asked with the discovery document, not after it, and read once', async () => {
    named = '/.well-known/jwks';
    usual = 'keys';
    expect((await verify())['repository']).toBe('acme/site');
    expect(keysAskedFirst).toBe(true);
    expect(paths().sort()).toEqual(['/.well-known/jwks', '/.well-known/openid-configuration']);
  });

  it('are not used when the document names another address: those keys decide', async () => {
    named = '/keys';
    // The usual address offers another key under the same id: used, it would refuse the token.
    usual = 'other-keys';
    expect((await verify())['repository']).toBe('acme/site');
    expect(paths().filter((p) => p === '/keys')).toHaveLength(1);
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
    const hung = server.requests.find((r) => r.path === '/.well-known/jwks')!;
    await vi.waitFor(() => expect(hung.abandoned).toBe(true), { timeout: 20_000 });
  });

  it("fail as the named address's own failure when the document names them", async () => {
    named = '/.well-known/jwks';
    usual = 'status500';
    await expect(verify()).rejects.toThrow(
      /Could not fetch the OIDC JWKS from http:\/\/127\.0\.0\.1:\d+\/\.well-known\/jwks: HTTP 500/,
    );
  });
});
