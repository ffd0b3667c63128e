/**
 * What Cloud Storage's JSON API says about an object, and the wire formats its uploads use:
 * the object resource (generation, `md5Hash` and `crc32c` in base64, `mediaLink`), the
 * `x-goog-hash` header of a download, and the two parts of a `multipart/related` upload.
 */
import { createHash } from 'node:crypto';

/** CRC-32C (Castagnoli), which Cloud Storage reports and gcloud checks downloads against. */
const CRC32C_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32c(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC32C_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Both hashes as the API gives them: base64 of the MD5 digest and of the big-endian CRC-32C. */
export function objectHashes(data: Buffer): { md5Hash: string; crc32c: string } {
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32c(data));
  return {
    md5Hash: createHash('md5').update(data).digest('base64'),
    crc32c: crc.toString('base64'),
  };
}

export interface StoredObject {
  content: string;
  generation: string;
  contentType: string;
  created: Date;
}

/** The object resource (`storage#object`) for `base`, the server's own origin. */
export function objectResource(
  base: string,
  bucket: string,
  name: string,
  o: StoredObject,
): Record<string, unknown> {
  const data = Buffer.from(o.content, 'utf8');
  const path = `b/${encodeURIComponent(bucket)}/o/${encodeURIComponent(name)}`;
  const time = o.created.toISOString();
  return {
    kind: 'storage#object',
    id: `${bucket}/${name}/${o.generation}`,
    selfLink: `${base}/storage/v1/${path}`,
    mediaLink: `${base}/download/storage/v1/${path}?generation=${o.generation}&alt=media`,
    name,
    bucket,
    generation: o.generation,
    metageneration: '1',
    contentType: o.contentType,
    storageClass: 'STANDARD',
    size: String(data.length),
    ...objectHashes(data),
    etag: `${o.generation}-etag`,
    timeCreated: time,
    updated: time,
    timeStorageClassUpdated: time,
  };
}

/** `x-goog-hash`, which clients check a download against when the object resource is not at hand. */
export function hashHeader(content: string): string {
  const h = objectHashes(Buffer.from(content, 'utf8'));
  return `crc32c=${h.crc32c},md5=${h.md5Hash}`;
}

export interface MultipartUpload {
  metadata: Record<string, unknown>;
  media: Buffer;
  mediaType: string;
}

/**
 * The body of `uploadType=multipart`: `multipart/related` with the object's JSON metadata, then
 * its data. Returns a message instead when the body is not that.
 */
export function parseMultipart(contentType: string, body: Buffer): MultipartUpload | string {
  // Python's email package quotes the boundary with single quotes, others with double or none.
  const m = /^multipart\/related\s*;.*\bboundary=(["']?)([^"';]+)\1/i.exec(contentType);
  if (!m) return `Content-Type '${contentType}' is not multipart/related with a boundary.`;
  const delimiter = Buffer.from(`--${m[2]!}`);
  const parts: Buffer[] = [];
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) return 'The multipart body has no closing boundary.';
    parts.push(body.subarray(start, next));
    at = next;
  }
  if (parts.length !== 2)
    return `A multipart upload has 2 parts (metadata, media); got ${parts.length}.`;
  const [meta, media] = parts.map(splitPart);
  if (!meta || !media) return 'A part of the multipart body has no header block.';
  let metadata: unknown;
  try {
    metadata = JSON.parse(meta.body.toString('utf8'));
  } catch {
    return 'The first part of a multipart upload must be the object metadata in JSON.';
  }
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata))
    return 'The object metadata must be a JSON object.';
  return {
    metadata: metadata as Record<string, unknown>,
    media: media.body,
    mediaType:
      /^content-type:\s*(.+)$/im.exec(media.headers)?.[1]?.trim() ?? 'application/octet-stream',
  };
}

/** A part: CRLF, headers, a blank line, the body, then the CRLF before the next boundary. */
function splitPart(part: Buffer): { headers: string; body: Buffer } | undefined {
  const text = part.subarray(0, Math.min(part.length, 4096)).toString('latin1');
  const sep = /\r?\n\r?\n/.exec(text);
  if (!sep) return undefined;
  let body = part.subarray(sep.index + sep[0].length);
  if (body.subarray(-2).toString() === '\r\n') body = body.subarray(0, -2);
  else if (body.subarray(-1).toString() === '\n') body = body.subarray(0, -1);
  return { headers: text.slice(0, sep.index), body };
}
