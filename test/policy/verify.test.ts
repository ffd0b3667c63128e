import { mkdtempSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Clock } from '../emulators/clock.ts';
import { startOidcIssuer, type OidcIssuer } from '../emulators/oidc.ts';
import { ConfigurationError } from '../../src/errors.ts';
import {
  checkIssuer,
  GITHUB_ISSUER,
  TokenRejectedError,
  verifyGitHubToken,
} from '../../src/policy/index.ts';
import { clearKeyCache, prefetchKeys } from '../../src/policy/verify.ts';

const AUD = 'sts.amazonaws.com';
let clock: Clock;
let oidc: OidcIssuer;
let cacheDir: string;

beforeAll(async () => {
  clock = new Clock();
  oidc = await startOidcIssuer({
    clock,
    claims: { repository: 'acme/site', environment: 'production' },
  });
});
afterAll(() => oidc.close());
beforeEach(() => {
  clearKeyCache();
  cacheDir = mkdtempSync(join(tmpdir(), 'jit-oidc-cache-'));
});
afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

const verify = (token: string, over: { audience?: string; issuer?: string; now?: Date } = {}) =>
  verifyGitHubToken(token, {
    issuer: over.issuer ?? oidc.issuer,
    audience: over.audience ?? AUD,
    now: over.now ?? clock.now(),
    cacheDir,
  });

const rejection = async (p: Promise<unknown>): Promise<TokenRejectedError> => {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(TokenRejectedError);
    return err as TokenRejectedError;
  }
  throw new Error('expected the token to be refused');
};

/**
 * Reads of the issuer by its own name: a test that reaches it as `localhost` may still have a
 * (cancelled) read arriving while the next test counts.
 */
const fetches = (path: string) =>
  oidc.requests.filter((r) => r.path === path && r.headers.host === new URL(oidc.issuer).host)
    .length;
const jwksFetches = () => fetches('/.well-known/jwks');
const discoveryFetches = () => fetches('/.well-known/openid-configuration');

describe('verifyGitHubToken', () => {
  it('returns the claims of a genuine token', async () => {
    const claims = await verify(await oidc.mint({}, { audience: AUD }));
    expect(claims).toMatchObject({
      repository: 'acme/site',
      environment: 'production',
      sub: 'repo:acme/site:environment:production',
      aud: AUD,
    });
  });

  it('reads the keys once per job, at the usual address alone: later steps (new processes) read the cache file', async () => {
    const d0 = discoveryFetches();
    const j0 = jwksFetches();
    await verify(await oidc.mint({}, { audience: AUD }));
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    for (let step = 0; step < 3; step++) {
      clearKeyCache(); // a new step is a new process: only the file survives
      await verify(await oidc.mint({}, { audience: AUD }));
    }
    expect(discoveryFetches() - d0).toBe(0);
    expect(jwksFetches() - j0).toBe(1);
  });

  it('refetches once when the issuer rotates its key', async () => {
    await verify(await oidc.mint({}, { audience: AUD }));
    await oidc.rotateKey();
    clock.advance(2);
    const j0 = jwksFetches();
    await verify(await oidc.mint({}, { audience: AUD }));
    expect(jwksFetches() - j0).toBe(1);
  });

  const refusals: Array<[string, () => Promise<string>, TokenRejectedError['reason'], RegExp]> = [
    [
      'forged: another key under the real kid',
      () => oidc.mint({}, { audience: AUD, key: 'forged' }),
      'signature',
      /forged or altered/,
    ],
    [
      'unknown kid',
      () => oidc.mint({}, { audience: AUD, key: 'forged', kid: 'NOT-A-KID' }),
      'unknown-key',
      /No key in .* matches/,
    ],
    [
      'unsigned (alg none)',
      () => oidc.mint({}, { audience: AUD, alg: 'none' }),
      'algorithm',
      /signed with 'none'; only RS256/,
    ],
    [
      'expired',
      () => oidc.mint({}, { audience: AUD, expiresIn: -60 }),
      'expired',
      /expired at .*mint a fresh one/,
    ],
    [
      'not yet valid',
      () =>
        oidc.mint(
          { nbf: clock.nowSeconds() + 3600, iat: clock.nowSeconds() + 3600 },
          { audience: AUD, expiresIn: 7200 },
        ),
      'not-yet-valid',
      /not valid yet/,
    ],
    [
      'wrong audience',
      () => oidc.mint({}, { audience: 'api://AzureADTokenExchange' }),
      'audience',
      /audience is "api:\/\/AzureADTokenExchange", not 'sts.amazonaws.com'/,
    ],
    [
      'another issuer',
      () => oidc.mint({ iss: 'https://evil.example' }, { audience: AUD }),
      'issuer',
      /issued by 'https:\/\/evil.example'.*'oidc-issuer'/,
    ],
    [
      'altered payload',
      async () => {
        const [h, p, s] = (await oidc.mint({}, { audience: AUD })).split('.');
        const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
        claims.repository = 'evil/site';
        return `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
      },
      'signature',
      /forged or altered/,
    ],
    ['not a JWT', async () => 'not.a.jwt', 'malformed', /not a well-formed JWT/],
  ];
  for (const [name, make, reason, message] of refusals) {
    it(`refuses ${name}`, async () => {
      const err = await rejection(verify(await make()));
      expect(err.reason).toBe(reason);
      expect(err.message).toMatch(message);
    });
  }

  it('refuses HS256 signed with the public key as secret (algorithm confusion)', async () => {
    const jwk = oidc.jwks().keys[0]!;
    const secret = new TextEncoder().encode(JSON.stringify(jwk));
    const now = clock.nowSeconds();
    const token = await new SignJWT({
      ...oidc.claims(),
      aud: AUD,
      iss: oidc.issuer,
      iat: now,
      exp: now + 300,
    })
      .setProtectedHeader({ alg: 'HS256', kid: jwk.kid })
      .sign(secret);
    const err = await rejection(verify(token));
    expect(err.reason).toBe('algorithm');
  });

  it('refuses an RS256 token from a key the issuer never published', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const now = clock.nowSeconds();
    const token = await new SignJWT({
      ...oidc.claims(),
      aud: AUD,
      iss: oidc.issuer,
      iat: now,
      exp: now + 300,
    })
      .setProtectedHeader({ alg: 'RS256' })
      .sign(privateKey);
    const err = await rejection(verify(token));
    expect(['signature', 'unknown-key']).toContain(err.reason);
  });

  it('says when the issuer cannot be reached', async () => {
    const token = await oidc.mint({ iss: 'http://127.0.0.1:9' }, { audience: AUD });
    await expect(verify(token, { issuer: 'http://127.0.0.1:9' })).rejects.toThrow(
      /Could not fetch the OIDC JWKS from http:\/\/127.0.0.1:9/,
    );
  });

  it('says when the discovery document names another issuer', async () => {
    const alias = oidc.issuer.replace('127.0.0.1', 'localhost');
    const token = await oidc.mint({ iss: alias }, { audience: AUD });
    // Read only when the usual address has no keys to give.
    oidc.faults.next('status500', 1, '/.well-known/jwks');
    await expect(verify(token, { issuer: alias })).rejects.toThrow(
      /names issuer '.*127\.0\.0\.1.*', not '.*localhost/,
    );
  });
});

describe('prefetchKeys (keys read while the token is on its way)', () => {
  it('verification takes the keys read ahead, and reads nothing more', async () => {
    const d0 = discoveryFetches();
    const j0 = jwksFetches();
    void prefetchKeys(oidc.issuer);
    void prefetchKeys(oidc.issuer); // once per process, however often asked
    const claims = await verify(await oidc.mint({}, { audience: AUD }));
    expect(claims['repository']).toBe('acme/site');
    expect(discoveryFetches() - d0).toBe(0);
    expect(jwksFetches() - j0).toBe(1);
  });

  /**
   * The keys of `issuer` imported for verifying, through the WebCrypto that jose uses. By their
   * modulus: an issuer of its own per test, so that no import left running by another counts.
   */
  const importsOf = (importKey: { mock: { calls: unknown[][] } }, issuer: OidcIssuer) => {
    const moduli = new Set(issuer.jwks().keys.map((k) => k.n));
    return importKey.mock.calls.filter(([format, key, , , usages]) => {
      const n = (key as { n?: string } | undefined)?.n;
      return (
        format === 'jwk' && Array.isArray(usages) && usages.includes('verify') && moduli.has(n)
      );
    }).length;
  };

  it('imports the keys it read before the token comes: the verification then imports none', async () => {
    const own = await startOidcIssuer({ clock, claims: { repository: 'acme/site' } });
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    try {
      await own.rotateKey();
      const token = await own.mint({}, { audience: AUD });
      await prefetchKeys(own.issuer);
      await vi.waitFor(() => expect(importsOf(importKey, own)).toBe(2), { timeout: 20_000 });
      expect((await verify(token, { issuer: own.issuer }))['repository']).toBe('acme/site');
      expect(importsOf(importKey, own)).toBe(2);
    } finally {
      importKey.mockRestore();
      await own.close();
    }
  });

  it("imports at most four keys ahead; the token's key among later ones is imported when it comes", async () => {
    const many = await startOidcIssuer({ clock, claims: { repository: 'acme/site' } });
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    try {
      for (let i = 0; i < 5; i++) await many.rotateKey();
      expect(many.jwks().keys).toHaveLength(6);
      // Signed with the newest key, the last of the set.
      const token = await many.mint({}, { audience: AUD });
      await prefetchKeys(many.issuer);
      await vi.waitFor(() => expect(importsOf(importKey, many)).toBe(4), { timeout: 20_000 });
      const claims = await verify(token, { issuer: many.issuer });
      expect(claims['repository']).toBe('acme/site');
      expect(importsOf(importKey, many)).toBe(5);
    } finally {
      importKey.mockRestore();
      await many.close();
    }
  });

  it("reports a failed read ahead as the verification's own, and never as an unhandled rejection", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      // The read fails before anyone awaits it.
      await prefetchKeys('http://127.0.0.1:9', 2000);
      await new Promise(setImmediate);
      const token = await oidc.mint({ iss: 'http://127.0.0.1:9' }, { audience: AUD });
      await expect(verify(token, { issuer: 'http://127.0.0.1:9' })).rejects.toThrow(
        /Could not fetch the OIDC JWKS from http:\/\/127.0.0.1:9/,
      );
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('still refetches once when the token names a key the read-ahead keys lack', async () => {
    await verify(await oidc.mint({}, { audience: AUD }));
    clearKeyCache();
    await prefetchKeys(oidc.issuer);
    await oidc.rotateKey();
    clock.advance(2);
    const j0 = jwksFetches();
    const claims = await verify(await oidc.mint({}, { audience: AUD }));
    expect(claims['repository']).toBe('acme/site');
    expect(jwksFetches() - j0).toBeGreaterThanOrEqual(1);
  });
});

describe('checkIssuer', () => {
  const ok: Array<[string | undefined, string]> = [
    [undefined, GITHUB_ISSUER],
    ['', GITHUB_ISSUER],
    ['https://token.actions.githubusercontent.com/', GITHUB_ISSUER],
    [
      'https://token.actions.githubusercontent.com/acme-enterprise',
      'https://token.actions.githubusercontent.com/acme-enterprise',
    ],
    ['https://ghes.example.com/_services/token', 'https://ghes.example.com/_services/token'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://127.9.9.9', 'http://127.9.9.9'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
    ['http://localhost:3000', 'http://localhost:3000'],
  ];
  for (const [input, expected] of ok)
    it(`accepts ${String(input)}`, () => expect(checkIssuer(input)).toBe(expected));

  const bad: Array<[string, RegExp]> = [
    ['http://token.actions.githubusercontent.com', /plain http is accepted only on loopback/],
    ['http://10.0.0.1', /plain http is accepted only on loopback/],
    ['http://127.0.0.1.evil.com', /plain http is accepted only on loopback/],
    ['ftp://x', /must be an https URL/],
    ['token.actions.githubusercontent.com', /expected a URL/],
    ['https://x.example/?a=b', /no query/],
  ];
  for (const [input, message] of bad) {
    it(`refuses ${input}`, () => {
      expect(() => checkIssuer(input)).toThrow(ConfigurationError);
      expect(() => checkIssuer(input)).toThrow(message);
    });
  }
});
