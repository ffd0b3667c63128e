/**
 * The emulator's SigV4 verifier against requests signed by @smithy/signature-v4 (the SDK's own
 * signer), sent over HTTP: untouched ones pass, every tampered part is refused.
 */
import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assume, startEnv, type Env } from './fixture.ts';

/** node:crypto behind the Checksum interface the signer expects (hash, or HMAC with a secret). */
class NodeSha256 {
  readonly #h;
  constructor(secret?: string | Uint8Array) {
    this.#h = secret === undefined ? createHash('sha256') : createHmac('sha256', secret);
  }
  update(data: string | Uint8Array): void {
    this.#h.update(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.#h.digest());
  }
  reset(): void {}
}

interface Creds {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

let env: Env;
let creds: Creds;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => env.close());
beforeEach(async () => {
  env.clock.set(new Date());
  creds = (await assume(env, { DurationSeconds: 3600 })).credentials;
});

function signer(c: Creds, service: string, applyChecksum = true) {
  return new SignatureV4({
    credentials: c,
    region: 'us-east-1',
    service,
    // The Hash class from @smithy/hash-node; its constructor types lag the signer's.
    sha256: NodeSha256 as unknown as ConstructorParameters<typeof SignatureV4>[0]['sha256'],
    uriEscapePath: service !== 's3',
    applyChecksum,
  });
}

interface Req {
  method: string;
  protocol: string;
  hostname: string;
  port: number;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body?: string;
}

function request(
  method: string,
  path: string,
  body?: string,
  extraHeaders: Record<string, string> = {},
): Req {
  const url = new URL(env.aws.url);
  const headers: Record<string, string> = { host: url.host, ...extraHeaders };
  if (body !== undefined)
    headers['x-amz-content-sha256'] = createHash('sha256').update(body).digest('hex');
  return {
    method,
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path,
    query: {},
    headers,
    body,
  };
}

async function send(r: Req): Promise<{ status: number; code: string | undefined; text: string }> {
  const qs = new URLSearchParams(r.query).toString();
  const res = await fetch(`${env.aws.url}${r.path}${qs ? `?${qs}` : ''}`, {
    method: r.method,
    headers: Object.fromEntries(Object.entries(r.headers).filter(([k]) => k !== 'host')),
    body: r.body,
  });
  const text = await res.text();
  return { status: res.status, code: /<Code>([^<]+)<\/Code>/.exec(text)?.[1], text };
}

async function signed(
  r: Req,
  c = creds,
  service = 's3',
  signingDate = env.clock.now(),
): Promise<Req> {
  return (await signer(c, service).sign(r as never, { signingDate })) as unknown as Req;
}

describe('Authorization header form', () => {
  it('accepts an untouched signed PUT with a hex payload hash', async () => {
    const r = await send(
      await signed(request('PUT', '/site/a%20b%2Bc', 'payload', { 'x-amz-meta-step': 'deploy' })),
    );
    expect(r.status).toBe(200);
    expect(env.aws.buckets.get('site')!.objects.get('a b+c')?.body.toString()).toBe('payload');
  });

  it('refuses a changed signed header', async () => {
    const s = await signed(request('PUT', '/site/x', 'payload', { 'x-amz-meta-step': 'deploy' }));
    s.headers['x-amz-meta-step'] = 'attack';
    expect(await send(s)).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
  });

  it('refuses a changed body: its hash no longer matches, and a re-declared hash breaks the signature', async () => {
    const s = await signed(request('PUT', '/site/x', 'payload'));
    expect(await send({ ...s, body: 'PAYLOAD' })).toMatchObject({
      status: 400,
      code: 'XAmzContentSHA256Mismatch',
    });
    const redeclared = {
      ...s,
      body: 'PAYLOAD',
      headers: {
        ...s.headers,
        'x-amz-content-sha256': createHash('sha256').update('PAYLOAD').digest('hex'),
      },
    };
    expect(await send(redeclared)).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
  });

  it('refuses a changed X-Amz-Date', async () => {
    const s = await signed(request('GET', '/site'));
    const later = new Date(env.clock.now().getTime() + 1000)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    s.headers['x-amz-date'] = later;
    expect(await send(s)).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
  });

  it('refuses a signature made with another secret, and echoes the string to sign as S3 does', async () => {
    const s = await signed(request('GET', '/site'), { ...creds, secretAccessKey: 'q'.repeat(40) });
    const r = await send(s);
    expect(r).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(r.text).toContain('<StringToSign>AWS4-HMAC-SHA256\n');
    expect(r.text).toContain('x-amz-security-token:[redacted]');
    expect(r.text).not.toContain(creds.secretAccessKey);
    expect(r.text).not.toContain(creds.sessionToken);
  });

  it('refuses a changed path or query', async () => {
    const s = await signed({
      ...request('GET', '/site'),
      query: { 'list-type': '2', prefix: 'a' },
    });
    expect(await send({ ...s, query: { 'list-type': '2', prefix: 'b' } })).toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
    expect(await send({ ...s, path: '/logs' })).toMatchObject({ code: 'SignatureDoesNotMatch' });
    expect(await send(s)).toMatchObject({ status: 200 });
  });

  it('allows ±5 minutes of skew against the emulator clock, not more', async () => {
    const at = (s: number) => new Date(env.clock.now().getTime() + s * 1000);
    expect((await send(await signed(request('GET', '/'), creds, 's3', at(-299)))).status).toBe(200);
    expect((await send(await signed(request('GET', '/'), creds, 's3', at(299)))).status).toBe(200);
    expect(await send(await signed(request('GET', '/'), creds, 's3', at(-301)))).toMatchObject({
      status: 403,
      code: 'RequestTimeTooSkewed',
    });
    expect(await send(await signed(request('GET', '/'), creds, 's3', at(301)))).toMatchObject({
      status: 403,
      code: 'RequestTimeTooSkewed',
    });
  });

  it('signs STS with the service name sts and a double-encoded path', async () => {
    const body = 'Action=GetCallerIdentity&Version=2011-06-15';
    const r = request('POST', '/', undefined, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    const s = (await signer(creds, 'sts').sign({ ...r, body } as never, {
      signingDate: env.clock.now(),
    })) as unknown as Req;
    const ok = await send(s);
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('<GetCallerIdentityResult>');
    expect(
      await send({ ...s, body: 'Action=GetCallerIdentity&Version=2011-06-15&x=1' }),
    ).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
  });
});

describe('presigned query form', () => {
  it('serves a presigned GET within its expiry and refuses it after, or when altered', async () => {
    await send(await signed(request('PUT', '/site/shared.txt', 'shared')));
    // As @aws-sdk/s3-request-presigner does: S3 query auth always signs UNSIGNED-PAYLOAD.
    const get = request('GET', '/site/shared.txt', undefined, {
      'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
    });
    const url = await signer(creds, 's3').presign(get as never, {
      expiresIn: 60,
      signingDate: env.clock.now(),
    });
    const req = url as unknown as Req;
    const ok = await send(req);
    expect(ok).toMatchObject({ status: 200, text: 'shared' });
    expect(req.query['X-Amz-Security-Token']).toBe(creds.sessionToken);
    const altered = await send({ ...req, path: '/site/other.txt' });
    expect(altered).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(altered.text).not.toContain(creds.sessionToken); // echoed canonical request is redacted
    env.clock.advance(61);
    expect(await send(req)).toMatchObject({ status: 403, code: 'AccessDenied' });
  });
});

describe('aws-chunked payloads', () => {
  /** Builds a STREAMING-AWS4-HMAC-SHA256-PAYLOAD body, each chunk signed with the SDK signer's key. */
  async function chunkedPut(key: string, chunks: string[], tamper?: (body: string) => string) {
    const signingDate = env.clock.now();
    const total = chunks.reduce((n, c) => n + Buffer.byteLength(c), 0);
    const r = request('PUT', `/site/${key}`, undefined, {
      'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
      'content-encoding': 'aws-chunked',
      'x-amz-decoded-content-length': String(total),
    });
    const s = (await signer(creds, 's3', false).sign(r as never, {
      signingDate,
    })) as unknown as Req;
    const seed = /Signature=([0-9a-f]{64})/.exec(s.headers.authorization!)![1]!;
    const amzDate = s.headers['x-amz-date']!;
    const scope = `${amzDate.slice(0, 8)}/us-east-1/s3/aws4_request`;
    const empty = createHash('sha256').update('').digest('hex');
    let previous = seed;
    let body = '';
    for (const data of [...chunks, '']) {
      const toSign = [
        'AWS4-HMAC-SHA256-PAYLOAD',
        amzDate,
        scope,
        previous,
        empty,
        createHash('sha256').update(data).digest('hex'),
      ].join('\n');
      const sig = await signer(creds, 's3').sign(toSign, { signingDate });
      body += `${Buffer.byteLength(data).toString(16)};chunk-signature=${sig}\r\n${data}\r\n`;
      previous = sig;
    }
    s.body = tamper ? tamper(body) : body;
    s.headers['content-length'] = String(Buffer.byteLength(s.body));
    return send(s);
  }

  it('decodes and verifies signed chunks', async () => {
    expect((await chunkedPut('chunked', ['first part, ', 'second part'])).status).toBe(200);
    expect(env.aws.buckets.get('site')!.objects.get('chunked')?.body.toString()).toBe(
      'first part, second part',
    );
  });

  it('refuses a chunk whose data was changed', async () => {
    const r = await chunkedPut('chunked-bad', ['first part, ', 'second part'], (b) =>
      b.replace('second', 'SECOND'),
    );
    expect(r).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(env.aws.buckets.get('site')!.objects.has('chunked-bad')).toBe(false);
  });
});
