/**
 * The storage emulator speaks the JSON API parts gcloud storage uses (test/clients/gcloud-storage
 * runs gcloud itself): listing with a delimiter, object resources with hashes and mediaLink,
 * ranged downloads, multipart and resumable uploads, preconditions; and it keeps checking the
 * token and the boundary on each of them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Clock } from '../clock.ts';
import { startServer } from '../http.ts';
import { CLOUD_PLATFORM, TokenStore, type BoundaryRule } from './state.ts';
import { StorageEmulator } from './storage.ts';
import { crc32c, objectHashes, parseMultipart } from './storage-objects.ts';

const SA = 'serviceAccount:deploy@acme-site.iam.gserviceaccount.com';
let clock: Clock;
let store: TokenStore;
let storage: StorageEmulator;
let url: string;
let close: () => Promise<void>;

beforeAll(async () => {
  clock = new Clock();
  store = new TokenStore(clock);
  storage = new StorageEmulator(
    [{ member: SA, bucket: 'b', role: 'roles/storage.objectAdmin' }],
    store,
    clock,
  );
  const server = await startServer((req) => storage.handle(req), { clock });
  url = server.url;
  close = () => server.close();
});
afterAll(() => close());
beforeEach(() => {
  storage.buckets.clear();
  for (const n of ['releases/a.txt', 'releases/b.txt', 'releases/sub/c.txt', 'releases-old.txt'])
    storage.put('b', n, `content of ${n}\n`, 'text/plain');
});

function token(boundary?: BoundaryRule[], lifetime = 600): string {
  return store.mint(boundary ? 'downscoped' : 'service-account', 'ya29.t.', {
    principal: SA,
    members: [SA],
    scopes: [CLOUD_PLATFORM],
    expiresAt: clock.nowMs() + lifetime * 1000,
    ...(boundary ? { boundary } : {}),
  }).token;
}

async function call(path: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${init.token ?? token()}`);
  const res = await fetch(`${url}${path}`, { ...init, headers });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // media
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** What the Google provider sends for `prefix: releases/` (src/providers/gcp/boundary.ts). */
const RELEASES: BoundaryRule = {
  bucket: 'b',
  roles: ['roles/storage.objectAdmin'],
  condition:
    "resource.name.startsWith('projects/_/buckets/b/objects/releases/') || " +
    "api.getAttribute('storage.googleapis.com/objectListPrefix', '').startsWith('releases/')",
};

describe('hashes', () => {
  it('CRC-32C of the check string is 0xE3069283, as RFC 3720 gives it', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
  });
  it('md5Hash and crc32c are base64 of the digest and the big-endian CRC', () => {
    expect(objectHashes(Buffer.from('123456789'))).toEqual({
      md5Hash: Buffer.from('25f9e794323b453885f5181f1b624d0b', 'hex').toString('base64'),
      crc32c: Buffer.from('e3069283', 'hex').toString('base64'),
    });
  });
});

describe('listing', () => {
  it('with a delimiter: the objects at that level, and the next levels as prefixes', async () => {
    const r = await call('/storage/v1/b/b/o?prefix=releases%2F&delimiter=%2F');
    expect(r.json['prefixes']).toEqual(['releases/sub/']);
    expect((r.json['items'] as Array<{ name: string }>).map((i) => i.name)).toEqual([
      'releases/a.txt',
      'releases/b.txt',
    ]);
  });

  it('pages by maxResults and pageToken', async () => {
    const first = await call('/storage/v1/b/b/o?maxResults=2');
    expect((first.json['items'] as Array<{ name: string }>).map((i) => i.name)).toEqual([
      'releases-old.txt',
      'releases/a.txt',
    ]);
    const token = String(first.json['nextPageToken']);
    const rest = await call(
      `/storage/v1/b/b/o?maxResults=2&pageToken=${encodeURIComponent(token)}`,
    );
    expect((rest.json['items'] as Array<{ name: string }>).map((i) => i.name)).toEqual([
      'releases/b.txt',
      'releases/sub/c.txt',
    ]);
    expect(rest.json['nextPageToken']).toBeUndefined();
  });

  it('under a boundary on releases/, a list prefix outside it — even `releases` — is refused', async () => {
    const t = token([RELEASES]);
    expect(
      (await call('/storage/v1/b/b/o?prefix=releases%2F&delimiter=%2F', { token: t })).status,
    ).toBe(200);
    expect(
      (await call('/storage/v1/b/b/o?prefix=releases&delimiter=%2F', { token: t })).status,
    ).toBe(403);
    expect((await call('/storage/v1/b/b/o', { token: t })).status).toBe(403);
  });
});

describe('objects and downloads', () => {
  it('the resource carries generation, hashes and a mediaLink that downloads it', async () => {
    const meta = (await call('/storage/v1/b/b/o/releases%2Fa.txt')).json;
    const data = Buffer.from('content of releases/a.txt\n');
    expect(meta).toMatchObject({
      name: 'releases/a.txt',
      size: String(data.length),
      contentType: 'text/plain',
      ...objectHashes(data),
    });
    const link = new URL(String(meta['mediaLink']));
    expect(link.searchParams.get('generation')).toBe(meta['generation']);
    const media = await call(link.pathname + link.search);
    expect(media.text).toBe(data.toString());
    expect(media.headers.get('x-goog-hash')).toBe(
      `crc32c=${objectHashes(data).crc32c},md5=${objectHashes(data).md5Hash}`,
    );
  });

  it('a Range asks for part of the data; a stale generation is not found', async () => {
    const r = await call('/storage/v1/b/b/o/releases%2Fa.txt?alt=media', {
      headers: { range: 'bytes=11-18' },
    });
    expect(r.status).toBe(206);
    expect(r.text).toBe('releases');
    expect(r.headers.get('content-range')).toBe('bytes 11-18/26');
    expect(
      (await call('/download/storage/v1/b/b/o/releases%2Fa.txt?generation=1&alt=media')).status,
    ).toBe(404);
  });
});

describe('uploads', () => {
  const multipart = (meta: object, data: string, boundary = "'===1=='") => ({
    method: 'POST',
    headers: { 'content-type': `multipart/related; boundary=${boundary}` },
    body: [
      '--===1==',
      'Content-Type: application/json',
      '',
      JSON.stringify(meta),
      '--===1==',
      'Content-Type: text/plain',
      '',
      data,
      '--===1==--',
      '',
    ].join('\r\n'),
  });

  it('multipart: metadata then data, the name from the metadata', async () => {
    const r = await call(
      '/upload/storage/v1/b/b/o?uploadType=multipart',
      multipart({ name: 'releases/new.txt' }, 'fresh'),
    );
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({
      name: 'releases/new.txt',
      contentType: 'text/plain',
      size: '5',
    });
    expect(storage.buckets.get('b')!.get('releases/new.txt')).toBe('fresh');
  });

  it('multipart: a given md5Hash that does not match the data is refused', async () => {
    const r = await call(
      '/upload/storage/v1/b/b/o?uploadType=multipart',
      multipart(
        { name: 'releases/new.txt', md5Hash: objectHashes(Buffer.from('other')).md5Hash },
        'fresh',
      ),
    );
    expect(r.status).toBe(400);
    expect(storage.buckets.get('b')!.has('releases/new.txt')).toBe(false);
  });

  it('a body that is not multipart/related is refused with the reason', async () => {
    const r = await call('/upload/storage/v1/b/b/o?uploadType=multipart', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.json)).toContain('multipart/related');
    expect(
      parseMultipart('multipart/related; boundary=z', Buffer.from('--z\r\n\r\nonly\r\n--z--')),
    ).toMatch(/2 parts/);
  });

  it('ifGenerationMatch=0 refuses to replace an object that exists', async () => {
    const r = await call(
      '/upload/storage/v1/b/b/o?uploadType=media&name=releases%2Fa.txt&ifGenerationMatch=0',
      { method: 'POST', body: 'clobber' },
    );
    expect(r.status).toBe(412);
    expect(storage.buckets.get('b')!.get('releases/a.txt')).toBe('content of releases/a.txt\n');
  });

  it('resumable: a session URI, chunks answered 308 with the range so far, then the object', async () => {
    const open = await call('/resumable/upload/storage/v1/b/b/o?uploadType=resumable', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'releases/big.txt', contentType: 'text/plain' }),
    });
    expect(open.status).toBe(200);
    const session = new URL(open.headers.get('location')!);
    const put = (range: string, body: string) =>
      fetch(session, { method: 'PUT', headers: { 'content-range': range }, body });
    const first = await put('bytes 0-4/10', 'hello');
    expect(first.status).toBe(308);
    expect(first.headers.get('range')).toBe('bytes=0-4');
    const status = await put('bytes */10', '');
    expect(status.status).toBe(308);
    expect((await put('bytes 3-7/10', 'lo wo')).status).toBe(400);
    const last = await put('bytes 5-9/10', 'world');
    expect(last.status).toBe(200);
    expect(((await last.json()) as { size: string }).size).toBe('10');
    expect(storage.buckets.get('b')!.get('releases/big.txt')).toBe('helloworld');
    // The session is spent.
    expect((await put('bytes 0-0/1', 'x')).status).toBe(404);
  });

  it('the token and the boundary are checked on every upload kind, and a resumable session when it opens', async () => {
    const t = token([RELEASES]);
    const outside = [
      call('/upload/storage/v1/b/b/o?uploadType=media&name=private%2Fx', {
        method: 'POST',
        body: 'x',
        token: t,
      }),
      call('/upload/storage/v1/b/b/o?uploadType=multipart', {
        ...multipart({ name: 'private/x' }, 'x'),
        token: t,
      }),
      call('/resumable/upload/storage/v1/b/b/o?uploadType=resumable&name=private%2Fx', {
        method: 'POST',
        token: t,
      }),
    ];
    expect((await Promise.all(outside)).map((r) => r.status)).toEqual([403, 403, 403]);
    expect(
      (await call('/storage/v1/b/b/o/private%2Fx', { token: 'ya29.never-issued' })).status,
    ).toBe(401);
    const expired = token(undefined, 60);
    clock.advance(61);
    expect(
      (
        await call('/upload/storage/v1/b/b/o?uploadType=media&name=releases%2Fx', {
          method: 'POST',
          body: 'x',
          token: expired,
        })
      ).status,
    ).toBe(401);
    expect(storage.buckets.get('b')!.has('private/x')).toBe(false);
  });
});
