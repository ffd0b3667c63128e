/**
 * Server-side AWS Signature Version 4: parses a signed request (Authorization header or
 * presigned query), recomputes the canonical request with the secret the emulator issued and
 * compares. Written against the published algorithm, not against any client's signer, so the
 * tests that sign with @smithy/signature-v4 and the AWS CLI check both sides independently.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
export const STREAMING_SIGNED = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD';
export const STREAMING_UNSIGNED_TRAILER = 'STREAMING-UNSIGNED-PAYLOAD-TRAILER';
const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

/** What the HTTP layer hands over: the raw request line and the headers as sent. */
export interface RawRequest {
  method: string;
  /** Path and query exactly as on the wire (Node's req.url). */
  url: string;
  /** Node's req.rawHeaders: name, value, name, value… (keeps duplicates apart). */
  rawHeaders: string[];
}

export interface SigV4Auth {
  form: 'header' | 'query';
  accessKeyId: string;
  /** Credential scope parts. */
  scopeDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  /** X-Amz-Date, basic ISO 8601 (20240102T030405Z). */
  amzDate: string;
  signedAt: Date;
  securityToken: string | undefined;
  /** Presigned URLs only: X-Amz-Expires in seconds. */
  expiresIn: number | undefined;
}

export type SigV4FailureKind = 'malformed' | 'mismatch' | 'payload-mismatch' | 'presign-expired';

export class SigV4Error extends Error {
  override name = 'SigV4Error';
  readonly kind: SigV4FailureKind;
  /** For SignatureDoesNotMatch: what S3 echoes back to help the client debug (never the secret). */
  readonly details: { canonicalRequest?: string; stringToSign?: string };
  constructor(
    kind: SigV4FailureKind,
    message: string,
    details: { canonicalRequest?: string; stringToSign?: string } = {},
  ) {
    super(message);
    this.kind = kind;
    this.details = details;
  }
}

/** RFC 3986 unreserved characters stay; everything else is %XX, upper-case hex (AWS's rule). */
export function awsUriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function splitUrl(url: string): { path: string; query: string } {
  const q = url.indexOf('?');
  return q < 0 ? { path: url, query: '' } : { path: url.slice(0, q), query: url.slice(q + 1) };
}

/** Query parameters decoded, in wire order (duplicates kept). */
export function queryPairs(query: string): [string, string][] {
  if (!query) return [];
  return query
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=');
      return eq < 0
        ? [safeDecode(p), '']
        : [safeDecode(p.slice(0, eq)), safeDecode(p.slice(eq + 1))];
    });
}

function headerMap(rawHeaders: string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    const list = map.get(name) ?? [];
    list.push(rawHeaders[i + 1]!);
    map.set(name, list);
  }
  return map;
}

export function header(req: RawRequest, name: string): string | undefined {
  return headerMap(req.rawHeaders).get(name.toLowerCase())?.join(',');
}

function parseAmzDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export function toAmzDate(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function parseCredential(value: string): {
  accessKeyId: string;
  scopeDate: string;
  region: string;
  service: string;
} {
  const parts = value.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request' || !/^\d{8}$/.test(parts[1]!)) {
    throw new SigV4Error(
      'malformed',
      `Credential '${value}' is not of the form <AccessKeyId>/<yyyymmdd>/<region>/<service>/aws4_request.`,
    );
  }
  return { accessKeyId: parts[0]!, scopeDate: parts[1]!, region: parts[2]!, service: parts[3]! };
}

/**
 * Reads the signature parameters. Returns undefined for an anonymous request; throws
 * 'malformed' when something claims to be SigV4 but is incomplete.
 */
export function parseSigV4(req: RawRequest): SigV4Auth | undefined {
  const headers = headerMap(req.rawHeaders);
  const authorization = headers.get('authorization')?.[0];
  const query = new Map(queryPairs(splitUrl(req.url).query));
  if (authorization !== undefined) {
    if (!authorization.startsWith(`${ALGORITHM} `)) {
      throw new SigV4Error(
        'malformed',
        `Unsupported Authorization type; only ${ALGORITHM} is served here.`,
      );
    }
    const fields = new Map<string, string>();
    for (const part of authorization.slice(ALGORITHM.length + 1).split(',')) {
      const eq = part.indexOf('=');
      if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
    const credential = fields.get('Credential');
    const signedHeaders = fields.get('SignedHeaders');
    const signature = fields.get('Signature');
    if (!credential || !signedHeaders || !signature) {
      throw new SigV4Error(
        'malformed',
        "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.",
      );
    }
    const amzDate = headers.get('x-amz-date')?.[0] ?? fromHttpDate(headers.get('date')?.[0]);
    const signedAt = amzDate ? parseAmzDate(amzDate) : undefined;
    if (!amzDate || !signedAt) {
      throw new SigV4Error(
        'malformed',
        "Authorization requires an 'X-Amz-Date' header (or a valid 'Date').",
      );
    }
    return {
      form: 'header',
      ...parseCredential(credential),
      signedHeaders: signedHeaders.split(';'),
      signature,
      amzDate,
      signedAt,
      securityToken: headers.get('x-amz-security-token')?.[0],
      expiresIn: undefined,
    };
  }
  if (query.has('X-Amz-Algorithm') || query.has('X-Amz-Signature')) {
    if (query.get('X-Amz-Algorithm') !== ALGORITHM) {
      throw new SigV4Error('malformed', `X-Amz-Algorithm must be ${ALGORITHM}.`);
    }
    const credential = query.get('X-Amz-Credential');
    const signedHeaders = query.get('X-Amz-SignedHeaders');
    const signature = query.get('X-Amz-Signature');
    const amzDate = query.get('X-Amz-Date');
    const expires = query.get('X-Amz-Expires');
    const signedAt = amzDate ? parseAmzDate(amzDate) : undefined;
    if (
      !credential ||
      !signedHeaders ||
      !signature ||
      !amzDate ||
      !signedAt ||
      !expires ||
      !/^\d+$/.test(expires)
    ) {
      throw new SigV4Error(
        'malformed',
        'Query-string authentication requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
      );
    }
    return {
      form: 'query',
      ...parseCredential(credential),
      signedHeaders: signedHeaders.split(';'),
      signature,
      amzDate,
      signedAt,
      securityToken: query.get('X-Amz-Security-Token'),
      expiresIn: Number(expires),
    };
  }
  return undefined;
}

function fromHttpDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : toAmzDate(d);
}

function canonicalUri(path: string, service: string): string {
  const segments = path.split('/');
  // S3 signs the path encoded once; every other service encodes the wire path again.
  if (service === 's3') return segments.map((s) => awsUriEncode(safeDecode(s))).join('/') || '/';
  return segments.map((s) => awsUriEncode(s)).join('/') || '/';
}

function canonicalQuery(query: string, form: SigV4Auth['form']): string {
  return queryPairs(query)
    .filter(([k]) => !(form === 'query' && k === 'X-Amz-Signature'))
    .map(([k, v]) => [awsUriEncode(k), awsUriEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

function canonicalHeaders(req: RawRequest, signed: string[]): string {
  const headers = headerMap(req.rawHeaders);
  return signed
    .map((name) => {
      const values = headers.get(name) ?? [];
      return `${name}:${values.map((v) => v.trim().replace(/\s+/g, ' ')).join(',')}\n`;
    })
    .join('');
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

export function signingKey(
  secret: string,
  auth: Pick<SigV4Auth, 'scopeDate' | 'region' | 'service'>,
): Buffer {
  const kDate = hmac(`AWS4${secret}`, auth.scopeDate);
  return hmac(hmac(hmac(kDate, auth.region), auth.service), 'aws4_request');
}

function scope(auth: SigV4Auth): string {
  return `${auth.scopeDate}/${auth.region}/${auth.service}/aws4_request`;
}

function sameSignature(expected: string, provided: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(provided.toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The payload hash the client claims to have signed. */
function claimedPayloadHash(req: RawRequest, auth: SigV4Auth, body: Buffer): string {
  const declared = header(req, 'x-amz-content-sha256');
  if (declared !== undefined) return declared;
  if (auth.form === 'query' && auth.service === 's3') return UNSIGNED_PAYLOAD;
  return sha256Hex(body);
}

/**
 * Verifies the request signature with `secret` and returns the payload the client meant
 * (aws-chunked bodies decoded, their chunk signatures checked too).
 */
export function verifySigV4(
  req: RawRequest,
  auth: SigV4Auth,
  secret: string,
  body: Buffer,
): Buffer {
  if (!auth.signedHeaders.includes('host')) {
    throw new SigV4Error('malformed', "SignedHeaders must include 'host'.");
  }
  if (auth.amzDate.slice(0, 8) !== auth.scopeDate) {
    throw new SigV4Error(
      'malformed',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.scopeDate}' != '${auth.amzDate.slice(0, 8)}'`,
    );
  }
  const { path, query } = splitUrl(req.url);
  const payloadHash = claimedPayloadHash(req, auth, body);
  const canonicalRequest = [
    req.method.toUpperCase(),
    canonicalUri(path, auth.service),
    canonicalQuery(query, auth.form),
    canonicalHeaders(req, auth.signedHeaders),
    auth.signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  const stringToSign = [ALGORITHM, auth.amzDate, scope(auth), sha256Hex(canonicalRequest)].join(
    '\n',
  );
  const key = signingKey(secret, auth);
  const expected = createHmac('sha256', key).update(stringToSign).digest('hex');
  if (!sameSignature(expected, auth.signature)) {
    throw new SigV4Error(
      'mismatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      { canonicalRequest, stringToSign },
    );
  }
  if (payloadHash === UNSIGNED_PAYLOAD) return body;
  if (payloadHash === STREAMING_SIGNED) return decodeSignedChunks(body, auth, key);
  if (payloadHash === STREAMING_UNSIGNED_TRAILER) return decodeUnsignedChunks(body);
  if (!/^[0-9a-f]{64}$/.test(payloadHash)) {
    throw new SigV4Error(
      'malformed',
      `x-amz-content-sha256 '${payloadHash}' is not a SHA-256 or a known payload mode.`,
    );
  }
  if (sha256Hex(body) !== payloadHash) {
    throw new SigV4Error(
      'payload-mismatch',
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
    );
  }
  return body;
}

interface Chunk {
  data: Buffer;
  signature: string | undefined;
  next: number;
}

function readChunk(body: Buffer, offset: number): Chunk {
  const lineEnd = body.indexOf('\r\n', offset);
  if (lineEnd < 0)
    throw new SigV4Error('malformed', 'aws-chunked body: a chunk header has no CRLF.');
  const headerLine = body.subarray(offset, lineEnd).toString('latin1');
  const [sizeHex, ...ext] = headerLine.split(';');
  if (!sizeHex || !/^[0-9a-fA-F]+$/.test(sizeHex)) {
    throw new SigV4Error('malformed', `aws-chunked body: bad chunk size '${headerLine}'.`);
  }
  const size = parseInt(sizeHex, 16);
  const signature = ext.map((e) => /^chunk-signature=([0-9a-f]{64})$/.exec(e)?.[1]).find(Boolean);
  const start = lineEnd + 2;
  if (start + size > body.length)
    throw new SigV4Error('malformed', 'aws-chunked body is shorter than its chunk sizes.');
  const data = body.subarray(start, start + size);
  // The terminating zero chunk may be followed by trailers rather than a bare CRLF.
  const next = size === 0 ? start : start + size + 2;
  return { data, signature, next };
}

/** STREAMING-AWS4-HMAC-SHA256-PAYLOAD: each chunk signed, chained from the header signature. */
function decodeSignedChunks(body: Buffer, auth: SigV4Auth, key: Buffer): Buffer {
  const parts: Buffer[] = [];
  let previous = auth.signature.toLowerCase();
  let offset = 0;
  for (;;) {
    const chunk = readChunk(body, offset);
    if (!chunk.signature)
      throw new SigV4Error('malformed', 'aws-chunked body: a chunk has no chunk-signature.');
    const stringToSign = [
      'AWS4-HMAC-SHA256-PAYLOAD',
      auth.amzDate,
      scope(auth),
      previous,
      EMPTY_SHA256,
      sha256Hex(chunk.data),
    ].join('\n');
    const expected = createHmac('sha256', key).update(stringToSign).digest('hex');
    if (!sameSignature(expected, chunk.signature)) {
      throw new SigV4Error(
        'mismatch',
        'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
        { stringToSign },
      );
    }
    previous = expected;
    if (chunk.data.length === 0) return Buffer.concat(parts);
    parts.push(chunk.data);
    offset = chunk.next;
  }
}

/** STREAMING-UNSIGNED-PAYLOAD-TRAILER: plain chunks, then trailer headers (checksums) we ignore. */
function decodeUnsignedChunks(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const chunk = readChunk(body, offset);
    if (chunk.data.length === 0) return Buffer.concat(parts);
    parts.push(chunk.data);
    offset = chunk.next;
  }
}
