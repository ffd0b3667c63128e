import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as jose from 'jose';
import { Clock } from './clock.ts';
import { startOidcIssuer, subjectFor, deriveClaims, type OidcIssuer } from './oidc.ts';
import { startServer, type TestServer } from './http.ts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';

const clock = new Clock();
let oidc: OidcIssuer;

beforeAll(async () => {
  oidc = await startOidcIssuer({ clock });
});
afterAll(async () => {
  await oidc.close();
});
beforeEach(() => {
  oidc.setClaims({ environment: undefined, event_name: 'push', ref: undefined, sub: undefined });
  oidc.faults.clear();
});

async function fetchToken(audience?: string, bearer = oidc.requestToken): Promise<Response> {
  // Build the URL the way @actions/core does: the request URL plus `&audience=<encoded>`.
  const url = audience
    ? `${oidc.requestUrl}&audience=${encodeURIComponent(audience)}`
    : oidc.requestUrl;
  return fetch(url, { headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' } });
}

function verify(token: string, audience: string, at = clock.now()) {
  const jwks = jose.createRemoteJWKSet(new URL(oidc.jwksUri));
  return jose.jwtVerify(token, jwks, {
    issuer: oidc.issuer,
    audience,
    algorithms: ['RS256'],
    currentDate: at,
  });
}

describe('discovery', () => {
  it('serves an OpenID configuration that points at its own JWKS', async () => {
    const doc = (await (
      await fetch(`${oidc.issuer}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(doc.issuer).toBe(oidc.issuer);
    expect(doc.jwks_uri).toBe(`${oidc.issuer}/.well-known/jwks`);
    expect(doc.id_token_signing_alg_values_supported).toEqual(['RS256']);
    for (const k of [
      'subject_types_supported',
      'response_types_supported',
      'claims_supported',
      'scopes_supported',
    ]) {
      expect(Array.isArray(doc[k]), k).toBe(true);
    }
    expect(doc.claims_supported).toEqual(
      expect.arrayContaining(['sub', 'job_workflow_ref', 'environment', 'run_attempt']),
    );
  });

  it('serves RS256 signing keys with kid, use and alg, and no private parts', async () => {
    const { keys } = (await (await fetch(oidc.jwksUri)).json()) as { keys: jose.JWK[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', use: 'sig', alg: 'RS256' });
    expect(keys[0]!.kid).toMatch(/^[0-9A-F]{40}$/);
    expect(keys[0]).not.toHaveProperty('d');
  });
});

describe('the runner token endpoint', () => {
  it('answers {value} with a token that verifies against the served JWKS', async () => {
    const res = await fetchToken('sts.amazonaws.com');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { value: string };
    const { payload, protectedHeader } = await verify(body.value, 'sts.amazonaws.com');
    expect(protectedHeader).toEqual({ alg: 'RS256', typ: 'JWT', kid: oidc.jwks().keys[0]!.kid });
    expect(payload.aud).toBe('sts.amazonaws.com');
    expect(oidc.issued).toContain(body.value);
  });

  it('defaults the audience to https://github.com/<owner>', async () => {
    const { value } = (await (await fetchToken()).json()) as { value: string };
    expect(jose.decodeJwt(value).aud).toBe('https://github.com/acme');
  });

  it('refuses a wrong or missing bearer with 401, and hands out nothing', async () => {
    const before = oidc.issued.length;
    expect((await fetchToken('x', 'not-the-token')).status).toBe(401);
    const bare = await fetch(oidc.requestUrl);
    expect(bare.status).toBe(401);
    expect(oidc.issued.length).toBe(before);
  });

  it('carries every claim GitHub documents, with times from the clock', async () => {
    const { value } = (await (await fetchToken('aud-1')).json()) as { value: string };
    const p = jose.decodeJwt(value);
    for (const claim of [
      'sub',
      'aud',
      'iss',
      'exp',
      'iat',
      'nbf',
      'jti',
      'actor',
      'actor_id',
      'base_ref',
      'head_ref',
      'ref',
      'ref_type',
      'sha',
      'event_name',
      'job_workflow_ref',
      'job_workflow_sha',
      'repository',
      'repository_id',
      'repository_owner',
      'repository_owner_id',
      'repository_visibility',
      'run_id',
      'run_number',
      'run_attempt',
      'runner_environment',
      'workflow',
      'workflow_ref',
      'workflow_sha',
      'check_run_id',
    ]) {
      expect(p, claim).toHaveProperty(claim);
    }
    expect(p).not.toHaveProperty('environment');
    expect(p.iat).toBe(clock.nowSeconds());
    expect(p.exp).toBe(clock.nowSeconds() + 300);
    expect(p.nbf).toBe(clock.nowSeconds() - 600);
    expect(p).toMatchObject({
      repository: 'acme/site',
      repository_owner: 'acme',
      ref: 'refs/heads/main',
      ref_type: 'branch',
      event_name: 'push',
      workflow_ref: 'acme/site/.github/workflows/ci.yml@refs/heads/main',
      job_workflow_ref: 'acme/site/.github/workflows/ci.yml@refs/heads/main',
      sub: 'repo:acme/site:ref:refs/heads/main',
    });
    for (const k of ['run_id', 'run_attempt', 'repository_id', 'actor_id'])
      expect(typeof p[k], k).toBe('string');
  });

  it('gives a fresh jti to every token', async () => {
    const a = jose.decodeJwt(((await (await fetchToken('a')).json()) as { value: string }).value);
    const b = jose.decodeJwt(((await (await fetchToken('a')).json()) as { value: string }).value);
    expect(a.jti).not.toBe(b.jti);
  });

  it('resetClaims undoes setClaims', () => {
    oidc.setClaims({ environment: 'x', repository: 'other/repo' });
    oidc.resetClaims();
    expect(oidc.claims()).toMatchObject({
      repository: 'acme/site',
      sub: 'repo:acme/site:ref:refs/heads/main',
    });
    expect(oidc.claims()).not.toHaveProperty('environment');
  });

  it('follows setClaims for later tokens', async () => {
    oidc.setClaims({ environment: 'production', ref: 'refs/tags/v1.2.0' });
    const p = jose.decodeJwt(((await (await fetchToken('a')).json()) as { value: string }).value);
    expect(p).toMatchObject({
      environment: 'production',
      ref_type: 'tag',
      sub: 'repo:acme/site:environment:production',
    });
  });

  it('injects shared faults on the token path only when asked to', async () => {
    oidc.faults.next('status503', 1, (r) => r.path.endsWith('/idtoken'));
    expect((await fetch(oidc.jwksUri)).status).toBe(200);
    expect((await fetchToken('a')).status).toBe(503);
    expect((await fetchToken('a')).status).toBe(200);
  });
});

describe('sub precedence', () => {
  const table: Array<[string, Parameters<typeof deriveClaims>[0], string]> = [
    ['branch push', {}, 'repo:acme/site:ref:refs/heads/main'],
    ['tag', { ref: 'refs/tags/v1' }, 'repo:acme/site:ref:refs/tags/v1'],
    ['pull request', { event_name: 'pull_request' }, 'repo:acme/site:pull_request'],
    [
      'environment beats pull request',
      { event_name: 'pull_request', environment: 'staging' },
      'repo:acme/site:environment:staging',
    ],
    [
      'environment beats ref',
      { environment: 'prod', ref: 'refs/heads/release' },
      'repo:acme/site:environment:prod',
    ],
    [
      'pull_request_target uses the ref',
      { event_name: 'pull_request_target' },
      'repo:acme/site:ref:refs/heads/main',
    ],
    ['colon in environment', { environment: 'prod:eu' }, 'repo:acme/site:environment:prod%3Aeu'],
    ['colon in branch', { ref: 'refs/heads/fix:a' }, 'repo:acme/site:ref:refs/heads/fix%3Aa'],
    [
      'immutable ids',
      { immutable_subject: true, repository_owner_id: '7', repository_id: '9' },
      'repo:acme@7/site@9:ref:refs/heads/main',
    ],
    [
      'explicit sub wins',
      { sub: 'repo:acme/site:job_workflow_ref:x' },
      'repo:acme/site:job_workflow_ref:x',
    ],
    ['empty environment is none', { environment: '' }, 'repo:acme/site:ref:refs/heads/main'],
  ];
  it.each(table)('%s', (_name, input, sub) => {
    expect(deriveClaims(input).sub).toBe(sub);
  });

  it('pull_request events get a merge ref and head/base refs', () => {
    expect(deriveClaims({ event_name: 'pull_request' })).toMatchObject({
      ref: 'refs/pull/1/merge',
      head_ref: 'feature/change',
      base_ref: 'main',
    });
    expect(deriveClaims({})).toMatchObject({ head_ref: '', base_ref: '' });
  });

  it('subjectFor is the same function the issuer uses', () => {
    const c = deriveClaims({ environment: 'e' });
    expect(subjectFor(c)).toBe(c.sub);
  });

  it('refuses a repository that is not OWNER/REPO', () => {
    expect(() => oidc.setClaims({ repository: 'no-slash' })).toThrow(/OWNER\/REPO/);
  });
});

describe('expiry and forgeries', () => {
  it('expires 300 s after issue on the shared clock', async () => {
    const token = await oidc.mint({}, { audience: 'x' });
    await expect(verify(token, 'x', new Date(clock.nowMs() + 299_000))).resolves.toBeTruthy();
    const later = new Clock(clock.now());
    later.advance(301);
    await expect(verify(token, 'x', later.now())).rejects.toThrow(jose.errors.JWTExpired);
  });

  it('mints already-expired tokens on request', async () => {
    const token = await oidc.mint({}, { audience: 'x', expiresIn: -1 });
    await expect(verify(token, 'x')).rejects.toThrow(jose.errors.JWTExpired);
  });

  it('a forged key under the real kid fails signature verification', async () => {
    const token = await oidc.mint({}, { audience: 'x', key: 'forged' });
    expect(jose.decodeProtectedHeader(token).kid).toBe(oidc.jwks().keys[0]!.kid);
    await expect(verify(token, 'x')).rejects.toThrow(jose.errors.JWSSignatureVerificationFailed);
  });

  it('alg none gives an unsigned token that verification refuses', async () => {
    const token = await oidc.mint({}, { audience: 'x', alg: 'none' });
    expect(token.endsWith('.')).toBe(true);
    await expect(verify(token, 'x')).rejects.toThrow();
  });

  it('extra claims override and undefined removes', async () => {
    const p = jose.decodeJwt(await oidc.mint({ repository: 'evil/fork', sub: undefined }));
    expect(p.repository).toBe('evil/fork');
    expect(p).not.toHaveProperty('sub');
  });

  it('rotated keys: new tokens use the new kid, old tokens still verify while the old key is served', async () => {
    const old = await oidc.mint({}, { audience: 'x' });
    await oidc.rotateKey();
    const fresh = await oidc.mint({}, { audience: 'x' });
    expect(jose.decodeProtectedHeader(fresh).kid).not.toBe(jose.decodeProtectedHeader(old).kid);
    await expect(verify(old, 'x')).resolves.toBeTruthy();
    await expect(verify(fresh, 'x')).resolves.toBeTruthy();
  });
});

// The fault and logging machinery every emulator builds on (http.ts), exercised on its own server.
describe('shared HTTP helper', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(
      (req) => {
        if (req.fault === 'throttle') return { status: 429, body: { error: 'slow_down' } };
        if (req.path === '/echo') return { body: { method: req.method, parsed: req.parsedBody() } };
        if (req.path === '/text')
          return { headers: { 'content-type': 'text/plain' }, body: 'plain' };
        if (req.path === '/boom') throw new Error('handler broke');
        return undefined;
      },
      {
        clock,
        faultReply: (kind) =>
          kind === 'status500'
            ? undefined
            : kind === 'custom-own'
              ? { status: 418, body: 'teapot' }
              : undefined,
      },
    );
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.faults.clear();
    server.requests.length = 0;
  });

  it('logs every request with its body and the clock time, and parses form and JSON bodies', async () => {
    const form = await fetch(`${server.url}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1&b=two',
    });
    expect(await form.json()).toEqual({ method: 'POST', parsed: { a: '1', b: 'two' } });
    const json = await fetch(`${server.url}/echo?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"scope":["s"]}',
    });
    expect(await json.json()).toEqual({ method: 'POST', parsed: { scope: ['s'] } });
    expect(server.requests.map((r) => [r.method, r.path, r.body, r.query.get('x')])).toEqual([
      ['POST', '/echo', 'a=1&b=two', null],
      ['POST', '/echo', '{"scope":["s"]}', '1'],
    ]);
    expect(server.requests[0]!.time.getTime()).toBe(clock.nowMs());
  });

  it('answers 404 for unknown paths and 500 naming the error when the handler throws', async () => {
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
    const res = await fetch(`${server.url}/boom`);
    expect(res.status).toBe(500);
    expect(await res.text()).toContain('handler broke');
  });

  it('consumes faults in order, one per matching request, and then answers normally', async () => {
    server.faults.next('status500', 2, '/echo');
    server.faults.next('status503');
    expect((await fetch(`${server.url}/text`)).status).toBe(503);
    expect((await fetch(`${server.url}/echo`, { method: 'POST' })).status).toBe(500);
    expect((await fetch(`${server.url}/echo`, { method: 'POST' })).status).toBe(500);
    expect(server.faults.pending()).toEqual([]);
    expect((await fetch(`${server.url}/text`)).status).toBe(200);
    expect(server.requests.map((r) => r.fault)).toEqual([
      'status503',
      'status500',
      'status500',
      undefined,
    ]);
  });

  it('malformed: a 200 the client cannot parse', async () => {
    server.faults.next('malformed');
    const res = await fetch(`${server.url}/echo`);
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
  });

  it('reset: the socket dies without a response', async () => {
    server.faults.next('reset');
    await expect(fetch(`${server.url}/text`)).rejects.toThrow();
  });

  it('hang: no answer until the client gives up, and close() still ends it', async () => {
    const hung = await startServer(() => ({ body: 'never' }));
    hung.faults.next('hang');
    // The client's own timeout ends the first request: the server never answered it.
    await expect(fetch(`${hung.url}/`, { signal: AbortSignal.timeout(200) })).rejects.toMatchObject(
      { name: 'TimeoutError' },
    );
    hung.faults.next('hang');
    const pending = fetch(`${hung.url}/`).catch((e: unknown) => e);
    // close() must end a request the server holds, so wait until it holds it (bounded by the test's timeout).
    await vi.waitFor(
      () => expect(hung.requests.filter((r) => r.fault === 'hang')).toHaveLength(2),
      {
        timeout: 20_000,
        interval: 10,
      },
    );
    await hung.close();
    expect(await pending).toBeInstanceOf(Error);
  });

  it('emulator-defined kinds reach the handler; faultReply can answer any kind in its own format', async () => {
    server.faults.next('throttle');
    expect((await fetch(`${server.url}/text`)).status).toBe(429);
    server.faults.next('custom-own');
    expect((await fetch(`${server.url}/text`)).status).toBe(418);
  });

  it('serves HTTPS with a given key and certificate', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tls-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          `${dir}/k.pem`,
          '-out',
          `${dir}/c.pem`,
          '-days',
          '1',
          '-subj',
          '/CN=127.0.0.1',
          '-addext',
          'subjectAltName=IP:127.0.0.1',
        ],
        { stdio: 'ignore' },
      );
      const cert = readFileSync(`${dir}/c.pem`);
      const tls = await startServer(() => ({ body: { ok: true } }), {
        tls: { key: readFileSync(`${dir}/k.pem`), cert },
      });
      try {
        expect(tls.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
        const body = await new Promise<string>((resolve, reject) => {
          https
            .get(`${tls.url}/x`, { ca: cert }, (res) => {
              let b = '';
              res.on('data', (c: Buffer) => (b += c));
              res.on('end', () => resolve(b));
            })
            .on('error', reject);
        });
        expect(JSON.parse(body)).toEqual({ ok: true });
      } finally {
        await tls.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
