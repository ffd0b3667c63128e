/**
 * The issuer's discovery document and JWKS are read with a size cap enforced while they
 * stream in: a hostile issuer's 106 MB key set is refused after the first megabyte, never
 * held in memory whole and never cached for later steps. The server below streams the body
 * lazily and counts what it managed to send before the client hung up.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES, clearKeyCache, verifyGitHubToken } from '../../src/policy/verify.ts';

const HUGE = 106 * 1024 * 1024;
let server: http.Server;
let issuer: string;
let sent = 0;
let mode: 'huge-jwks' | 'huge-discovery' | 'hang' = 'huge-jwks';
let cacheDir: string;

/** Streams `total` bytes of a JSON-looking body in 64 KiB chunks, as fast as the client reads. */
function stream(res: http.ServerResponse, total: number, declare: boolean): void {
  res.writeHead(200, {
    'content-type': 'application/json',
    ...(declare ? { 'content-length': String(total) } : {}),
  });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  chunk.write('{"keys": [');
  const pump = (): void => {
    while (sent < total) {
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  res.on('close', () => res.removeAllListeners('drain'));
  pump();
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/.well-known/openid-configuration') {
      if (mode === 'huge-discovery') return stream(res, HUGE, false);
      if (mode === 'hang') return; // never answers
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
      return;
    }
    if (req.url === '/jwks') return stream(res, HUGE, mode === 'huge-jwks');
    res.writeHead(404).end();
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
  sent = 0;
  cacheDir = mkdtempSync(join(tmpdir(), 'jit-bounds-'));
});
afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

/** A token that names the hostile issuer; its signature never gets checked. */
function tokenFor(iss: string): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${b64({ alg: 'RS256', kid: 'k' })}.${b64({ iss, aud: 'a', sub: 's', iat: now, exp: now + 300 })}.c2ln`;
}

describe('issuer documents are capped', () => {
  it('a 106 MB JWKS that declares its length is refused before its body is read', async () => {
    mode = 'huge-jwks';
    await expect(
      verifyGitHubToken(tokenFor(issuer), { issuer, audience: 'a', cacheDir }),
    ).rejects.toThrow(/The OIDC JWKS from .*\/jwks is 111149056 bytes; at most 1 MiB is accepted/);
    expect(sent).toBeLessThan(HUGE / 4);
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it('a 106 MB discovery document streamed without a length is cut off after the cap', async () => {
    mode = 'huge-discovery';
    await expect(
      verifyGitHubToken(tokenFor(issuer), { issuer, audience: 'a', cacheDir }),
    ).rejects.toThrow(
      /discovery document .* is more than 1048576 bytes; at most 1 MiB is accepted/,
    );
    // What the kernel's buffers took beyond the cap, not the whole body.
    expect(sent).toBeLessThan(HUGE / 4);
    expect(sent).toBeGreaterThan(MAX_DOCUMENT_BYTES);
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it('a discovery endpoint that never answers fails at the deadline', async () => {
    mode = 'hang';
    await expect(
      verifyGitHubToken(tokenFor(issuer), { issuer, audience: 'a', cacheDir, timeoutMs: 200 }),
    ).rejects.toThrow(/discovery document .* took longer than 200 ms/);
  }, 5_000);
});
