/**
 * A small path-style S3: ListBuckets, ListObjects (v1 and v2), Put/Get/Head/DeleteObject, with
 * S3's XML bodies and error shapes. Every call is authorised by the caller-supplied `authorize`
 * (the IAM evaluator) before the bucket is even looked at, as S3 does.
 */
import { createHash } from 'node:crypto';
import { header, queryPairs, splitUrl, type RawRequest } from './sigv4.ts';
import { S3_XMLNS, xmlDocument, type XmlNode } from './xml.ts';

export interface S3Object {
  body: Buffer;
  etag: string;
  lastModified: Date;
  contentType: string;
  metadata: Record<string, string>;
}

export interface S3Bucket {
  created: Date;
  objects: Map<string, S3Object>;
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export class S3Failure extends Error {
  override name = 'S3Failure';
  readonly code: string;
  readonly status: number;
  readonly extra: XmlNode;
  constructor(code: string, message: string, status: number, extra: XmlNode = {}) {
    super(message);
    this.code = code;
    this.status = status;
    this.extra = extra;
  }
}

export interface S3Call {
  req: RawRequest;
  payload: Buffer;
  now: Date;
  /** Throws S3Failure AccessDenied when the session may not do `action` on `resource`. */
  authorize(action: string, resource: string): void;
}

const OWNER = {
  ID: '75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a',
  DisplayName: 'jit-credentials-emulator',
};

function decodePath(path: string): { bucket: string | undefined; key: string | undefined } {
  const trimmed = path.replace(/^\//, '');
  if (trimmed === '') return { bucket: undefined, key: undefined };
  const slash = trimmed.indexOf('/');
  const decode = (s: string) => decodeURIComponent(s);
  if (slash < 0) return { bucket: decode(trimmed), key: undefined };
  const key = trimmed.slice(slash + 1);
  return { bucket: decode(trimmed.slice(0, slash)), key: key === '' ? undefined : decode(key) };
}

function httpDate(d: Date): string {
  return d.toUTCString();
}

function isoMillis(d: Date): string {
  return d.toISOString();
}

function xmlReply(status: number, xml: string): Reply {
  return { status, headers: { 'content-type': 'application/xml' }, body: xml };
}

function metadataFrom(req: RawRequest): Record<string, string> {
  const meta: Record<string, string> = {};
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!.toLowerCase();
    if (name.startsWith('x-amz-meta-')) meta[name] = req.rawHeaders[i + 1]!;
  }
  return meta;
}

function objectHeaders(obj: S3Object): Record<string, string> {
  return {
    'content-type': obj.contentType,
    'content-length': String(obj.body.length),
    etag: obj.etag,
    'last-modified': httpDate(obj.lastModified),
    'accept-ranges': 'bytes',
    ...obj.metadata,
  };
}

export class S3Store {
  readonly buckets = new Map<string, S3Bucket>();

  constructor(names: string[], created: Date) {
    for (const name of names) this.buckets.set(name, { created, objects: new Map() });
  }

  handle(call: S3Call): Reply {
    const { req } = call;
    const { path, query } = splitUrl(req.url);
    const params = new Map(queryPairs(query));
    const { bucket, key } = decodePath(path);
    const method = req.method.toUpperCase();
    if (bucket === undefined) {
      if (method !== 'GET')
        throw new S3Failure(
          'MethodNotAllowed',
          'The specified method is not allowed against this resource.',
          405,
        );
      call.authorize('s3:ListAllMyBuckets', 'arn:aws:s3:::*');
      return this.#listBuckets();
    }
    if (key === undefined) {
      if (method !== 'GET') {
        throw new S3Failure(
          'NotImplemented',
          `This emulator serves no ${method} on a bucket; buckets come from its configuration.`,
          501,
        );
      }
      call.authorize('s3:ListBucket', `arn:aws:s3:::${bucket}`);
      return this.#list(this.#bucket(bucket), bucket, params);
    }
    const resource = `arn:aws:s3:::${bucket}/${key}`;
    switch (method) {
      case 'PUT':
        call.authorize('s3:PutObject', resource);
        return this.#put(this.#bucket(bucket), key, call);
      case 'GET':
      case 'HEAD': {
        call.authorize('s3:GetObject', resource);
        const obj = this.#bucket(bucket).objects.get(key);
        if (!obj)
          throw new S3Failure('NoSuchKey', 'The specified key does not exist.', 404, { Key: key });
        return {
          status: 200,
          headers: objectHeaders(obj),
          body: method === 'HEAD' ? '' : obj.body,
        };
      }
      case 'DELETE':
        call.authorize('s3:DeleteObject', resource);
        this.#bucket(bucket).objects.delete(key);
        return { status: 204, headers: {}, body: '' };
      default:
        throw new S3Failure(
          'MethodNotAllowed',
          'The specified method is not allowed against this resource.',
          405,
        );
    }
  }

  #bucket(name: string): S3Bucket {
    const b = this.buckets.get(name);
    if (!b)
      throw new S3Failure('NoSuchBucket', 'The specified bucket does not exist', 404, {
        BucketName: name,
      });
    return b;
  }

  #listBuckets(): Reply {
    const buckets = [...this.buckets.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, b]) => ({ Name: name, CreationDate: isoMillis(b.created) }));
    return xmlReply(
      200,
      xmlDocument(
        'ListAllMyBucketsResult',
        { Owner: OWNER, Buckets: { Bucket: buckets } },
        S3_XMLNS,
      ),
    );
  }

  #put(bucket: S3Bucket, key: string, call: S3Call): Reply {
    const { req, payload } = call;
    const md5 = createHash('md5').update(payload).digest();
    const contentMd5 = header(req, 'content-md5');
    if (contentMd5 !== undefined && contentMd5 !== md5.toString('base64')) {
      throw new S3Failure(
        'BadDigest',
        'The Content-MD5 you specified did not match what we received.',
        400,
        {
          ExpectedDigest: contentMd5,
          CalculatedDigest: md5.toString('base64'),
        },
      );
    }
    const decodedLength = header(req, 'x-amz-decoded-content-length');
    if (decodedLength !== undefined && Number(decodedLength) !== payload.length) {
      throw new S3Failure(
        'IncompleteBody',
        'You did not provide the number of bytes specified by the Content-Length HTTP header',
        400,
      );
    }
    const etag = `"${md5.toString('hex')}"`;
    bucket.objects.set(key, {
      body: Buffer.from(payload),
      etag,
      lastModified: new Date(Math.floor(call.now.getTime() / 1000) * 1000),
      contentType: header(req, 'content-type') ?? 'binary/octet-stream',
      metadata: metadataFrom(req),
    });
    return { status: 200, headers: { etag }, body: '' };
  }

  #list(bucket: S3Bucket, name: string, params: Map<string, string>): Reply {
    const v2 = params.get('list-type') === '2';
    const prefix = params.get('prefix') ?? '';
    const delimiter = params.get('delimiter') || undefined;
    const maxKeysText = params.get('max-keys');
    const maxKeys = maxKeysText === undefined ? 1000 : Number(maxKeysText);
    if (!Number.isInteger(maxKeys) || maxKeys < 0) {
      throw new S3Failure(
        'InvalidArgument',
        'Provided max-keys not an integer or within integer range',
        400,
        {
          ArgumentName: 'max-keys',
          ArgumentValue: maxKeysText,
        },
      );
    }
    const urlEncode = params.get('encoding-type') === 'url';
    const enc = (s: string) => (urlEncode ? encodeURIComponent(s).replace(/%2F/g, '/') : s);
    const continuation = params.get('continuation-token');
    const after = v2
      ? continuation !== undefined
        ? Buffer.from(continuation, 'base64').toString('utf8')
        : (params.get('start-after') ?? '')
      : (params.get('marker') ?? '');

    // One sorted pass: keys under a delimiter fold into their common prefix, each counted once.
    const entries: (
      { kind: 'key'; key: string; obj: S3Object } | { kind: 'prefix'; prefix: string }
    )[] = [];
    const seenPrefixes = new Set<string>();
    for (const key of [...bucket.objects.keys()].sort()) {
      if (!key.startsWith(prefix) || key <= after) continue;
      if (delimiter) {
        const rest = key.slice(prefix.length);
        const at = rest.indexOf(delimiter);
        if (at >= 0) {
          const common = prefix + rest.slice(0, at + delimiter.length);
          if (!seenPrefixes.has(common) && !(after && common <= after)) {
            seenPrefixes.add(common);
            entries.push({ kind: 'prefix', prefix: common });
          }
          continue;
        }
      }
      entries.push({ kind: 'key', key, obj: bucket.objects.get(key)! });
    }
    const page = entries.slice(0, maxKeys);
    const truncated = entries.length > page.length;
    const last = page.at(-1);
    const lastName = last ? (last.kind === 'key' ? last.key : last.prefix) : undefined;
    const contents = page
      .filter((e) => e.kind === 'key')
      .map((e) => ({
        Key: enc(e.key),
        LastModified: isoMillis(e.obj.lastModified),
        ETag: e.obj.etag,
        Size: e.obj.body.length,
        Owner: v2 && params.get('fetch-owner') !== 'true' ? undefined : OWNER,
        StorageClass: 'STANDARD',
      }));
    const prefixes = page
      .filter((e) => e.kind === 'prefix')
      .map((e) => ({ Prefix: enc(e.prefix) }));
    const body: XmlNode = {
      Name: name,
      Prefix: enc(prefix),
      ...(v2
        ? {
            StartAfter: params.has('start-after') ? enc(params.get('start-after')!) : undefined,
            ContinuationToken: continuation,
            KeyCount: page.length,
          }
        : { Marker: enc(params.get('marker') ?? '') }),
      MaxKeys: maxKeys,
      Delimiter: delimiter === undefined ? undefined : enc(delimiter),
      EncodingType: urlEncode ? 'url' : undefined,
      IsTruncated: truncated,
      ...(truncated && lastName !== undefined
        ? v2
          ? { NextContinuationToken: Buffer.from(lastName).toString('base64') }
          : delimiter
            ? { NextMarker: enc(lastName) }
            : {}
        : {}),
      Contents: contents,
      CommonPrefixes: prefixes,
    };
    return xmlReply(200, xmlDocument('ListBucketResult', body, S3_XMLNS));
  }
}
