import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  BufferedResponse,
  FormData,
  Headers,
  bodyBytes,
  headerRecord,
} from '../../src/http/fetch-classes.ts';

// What gaxios and google-auth-library get in the bundle instead of fetch's classes: each is held
// to what fetch's own class does for the same call.

describe('Headers (node-fetch’s) against fetch’s', () => {
  it('merges, reads and iterates as fetch’s class does', () => {
    const init: Array<[string, string]> = [
      ['Content-Type', 'application/json'],
      ['X-Twice', 'a'],
      ['x-twice', 'b'],
    ];
    const ours = new Headers(init);
    const theirs = new globalThis.Headers(init);
    expect([...ours]).toEqual([...theirs]);
    expect(ours.get('x-TWICE')).toBe(theirs.get('x-TWICE'));
    expect(ours.has('content-type')).toBe(true);
    const copy = new Headers(ours);
    copy.set('x-twice', 'c');
    expect(copy.get('x-twice')).toBe('c');
    expect(ours.get('x-twice')).toBe('a, b');
  });

  it('differs in one way: repeated set-cookie values iterate joined (no Google answer sets one)', () => {
    const init: Array<[string, string]> = [
      ['Set-Cookie', 'a=1'],
      ['set-cookie', 'b=2'],
    ];
    expect([...new Headers(init)]).toEqual([['set-cookie', 'a=1, b=2']]);
    expect([...new globalThis.Headers(init)]).toEqual([
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
    ]);
  });

  it('refuses a header name fetch refuses', () => {
    expect(() => new Headers({ 'bad name': 'x' })).toThrow(TypeError);
    expect(() => new globalThis.Headers({ 'bad name': 'x' })).toThrow(TypeError);
  });
});

describe('FormData stand-in', () => {
  it('has no instances among the values gaxios checks', () => {
    for (const v of [
      new URLSearchParams('a=1'),
      '',
      {},
      Buffer.from('x'),
      new globalThis.FormData(),
    ])
      expect(v instanceof FormData).toBe(false);
  });
});

describe('headerRecord', () => {
  it('reads Headers, pairs and records, names lower-cased and repeats joined as fetch joins them', () => {
    const pairs: Array<[string, string]> = [
      ['Accept', 'a'],
      ['accept', 'b'],
    ];
    expect(headerRecord(new Headers(pairs))).toEqual({ accept: 'a, b' });
    expect(headerRecord(pairs)).toEqual({ accept: 'a, b' });
    expect(headerRecord({ 'X-Goog-Request-Reason': 'r' })).toEqual({
      'x-goog-request-reason': 'r',
    });
    expect(headerRecord(undefined)).toEqual({});
  });
});

describe('bodyBytes', () => {
  it('sends what fetch sends, with fetch’s content type when none was given', async () => {
    for (const body of ['x=1&y=é', new URLSearchParams({ a: '1 2', b: 'é' })]) {
      const headers: Record<string, string> = {};
      const bytes = bodyBytes(body, headers);
      const request = new Request('http://127.0.0.1/', { method: 'POST', body });
      expect(bytes).toEqual(Buffer.from(await request.arrayBuffer()));
      expect(headers['content-type']).toBe(request.headers.get('content-type'));
    }
  });

  it('keeps the caller’s content type, and sends bytes as they are', () => {
    const headers = { 'content-type': 'application/json' };
    expect(bodyBytes('{}', headers)?.toString()).toBe('{}');
    expect(headers['content-type']).toBe('application/json');
    const u8 = new Uint8Array([0, 1, 2, 3]).subarray(1, 3);
    expect([...bodyBytes(u8, {})!]).toEqual([1, 2]);
    expect([...bodyBytes(new Uint8Array([7, 8]).buffer, {})!]).toEqual([7, 8]);
    expect(bodyBytes(undefined, {})).toBeUndefined();
  });

  it('refuses a body it cannot send whole, naming what it was given', () => {
    expect(() => bodyBytes(Readable.from(['x']), {})).toThrow(/not \[object Object\]/);
    expect(() => bodyBytes(new Blob(['x']), {})).toThrow(/not \[object Blob\]/);
  });
});

describe('BufferedResponse against fetch’s Response', () => {
  const raw: Array<[string, string]> = [
    ['Content-Type', 'application/json'],
    ['X-Twice', 'a'],
    ['X-Twice', 'b'],
  ];
  const make = () =>
    new BufferedResponse(201, 'Made', raw, 'http://127.0.0.1/x', Buffer.from('{"ok":true}'));
  const real = () => new Response('{"ok":true}', { status: 201, statusText: 'Made', headers: raw });

  it('answers status, headers and body as fetch’s does', async () => {
    const ours = make();
    const theirs = real();
    expect([ours.status, ours.statusText, ours.ok]).toEqual([
      theirs.status,
      theirs.statusText,
      theirs.ok,
    ]);
    expect([...ours.headers]).toEqual([...theirs.headers]);
    expect(await ours.json()).toEqual(await theirs.json());
    expect(await make().text()).toBe(await real().text());
    expect(Buffer.from(await make().arrayBuffer())).toEqual(
      Buffer.from(await real().arrayBuffer()),
    );
    const blob = await make().blob();
    expect(blob.type).toBe((await real().blob()).type);
    expect(await blob.text()).toBe('{"ok":true}');
    expect(new BufferedResponse(404, '', [], '', Buffer.alloc(0)).ok).toBe(false);
  });

  it('keeps its body out of anything that serialises or inspects it, as fetch’s does', async () => {
    const secret = 'ya29.a-token-answer';
    const res = new BufferedResponse(
      200,
      'OK',
      [],
      '',
      Buffer.from(`{"access_token":"${secret}"}`),
    );
    const { inspect } = await import('node:util');
    // A Buffer shows as its byte values: spaced hex under inspect, a number list in JSON.
    const bytes = [...Buffer.from(secret)];
    const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join(' ');
    for (const shown of [JSON.stringify(res), inspect(res, { depth: 5, maxArrayLength: 1000 })]) {
      expect(shown).not.toContain(secret);
      expect(shown).not.toContain(hex);
      expect(shown).not.toContain(bytes.join(','));
    }
    expect(((await res.json()) as { access_token: string }).access_token).toBe(secret);
  });

  it('gives its body once, as fetch does', async () => {
    const ours = make();
    expect(ours.bodyUsed).toBe(false);
    await ours.text();
    expect(ours.bodyUsed).toBe(true);
    await expect(ours.json()).rejects.toThrow(TypeError);
    const theirs = real();
    await theirs.text();
    await expect(theirs.json()).rejects.toThrow(TypeError);
  });
});
