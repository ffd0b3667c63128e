/**
 * A protected Cloud Storage JSON API subset, enough for gcloud storage and client libraries:
 *
 * - objects: get (metadata, or data with `alt=media`, also at the `mediaLink` download path,
 *   honouring `Range`), delete, list (`prefix`, `delimiter` → `prefixes`, `maxResults`/`pageToken`);
 * - uploads: `uploadType=media`, `multipart` (`multipart/related`: JSON metadata, then data; a
 *   given `md5Hash`/`crc32c` is checked) and `resumable` (a session URI, then PUTs with
 *   `Content-Range`, 308 until complete); `ifGenerationMatch` preconditions;
 * - object resources carry `generation`, `md5Hash`, `crc32c` and `mediaLink`, and downloads an
 *   `x-goog-hash` header, so that clients can check what they received.
 *
 * Each call checks the bearer token (known, not expired, a storage-capable scope), the
 * principal's role on the bucket and, for a downscoped token, that some boundary rule allows the
 * permission on that object (or, for a list, on its `prefix`, as `objectListPrefix`). A resumable
 * session is authorised when it is opened; its URI is then the capability, as on Google's side.
 * Contents are kept as UTF-8 text.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { EmulatorRequest, Reply } from '../http.ts';
import { evaluateCel } from './cel.ts';
import { apiError } from './iam.ts';
import { CLOUD_PLATFORM, type IssuedToken, type StorageBinding, type TokenStore } from './state.ts';
import {
  hashHeader,
  objectHashes,
  objectResource,
  parseMultipart,
  type StoredObject,
} from './storage-objects.ts';

type Permission =
  | 'storage.objects.get'
  | 'storage.objects.list'
  | 'storage.objects.create'
  | 'storage.objects.delete';

const ALL: Permission[] = [
  'storage.objects.get',
  'storage.objects.list',
  'storage.objects.create',
  'storage.objects.delete',
];
export const ROLE_PERMISSIONS: Record<string, Permission[]> = {
  'roles/storage.objectViewer': ['storage.objects.get', 'storage.objects.list'],
  'roles/storage.objectCreator': ['storage.objects.create'],
  'roles/storage.objectUser': ALL,
  'roles/storage.objectAdmin': ALL,
  'roles/storage.admin': ALL,
  'roles/storage.legacyObjectReader': ['storage.objects.get'],
  'roles/storage.legacyBucketReader': ['storage.objects.list'],
};

const READ_SCOPES = [
  CLOUD_PLATFORM,
  'https://www.googleapis.com/auth/cloud-platform.read-only',
  'https://www.googleapis.com/auth/devstorage.full_control',
  'https://www.googleapis.com/auth/devstorage.read_write',
  'https://www.googleapis.com/auth/devstorage.read_only',
];
const WRITE_SCOPES = [
  CLOUD_PLATFORM,
  'https://www.googleapis.com/auth/devstorage.full_control',
  'https://www.googleapis.com/auth/devstorage.read_write',
];

const OBJECT = /^\/(storage|download\/storage)\/v1\/b\/([^/]+)\/o\/(.+)$/;
const LIST = /^\/storage\/v1\/b\/([^/]+)\/o$/;
/** apitools (gcloud) opens resumable uploads under `/resumable/upload/...`. */
const UPLOAD = /^(?:\/resumable)?\/upload\/storage\/v1\/b\/([^/]+)\/o$/;
/** The most a resumable session may hold, so that a runaway client cannot exhaust memory. */
const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

interface Session {
  bucket: string;
  name: string;
  contentType: string;
  ifGenerationMatch: string | null;
  received: Buffer;
}

export class StorageEmulator {
  /** bucket → object name → content */
  readonly buckets = new Map<string, Map<string, string>>();

  readonly bindings: StorageBinding[];
  private readonly store: TokenStore;
  readonly #clock: Clock | undefined;
  /** `bucket\nname` → generation and metadata of the content in `buckets`. */
  readonly #meta = new Map<string, Omit<StoredObject, 'content'>>();
  readonly #sessions = new Map<string, Session>();
  #generation = 0;

  constructor(bindings: StorageBinding[], store: TokenStore, clock?: Clock) {
    this.bindings = bindings;
    this.store = store;
    this.#clock = clock;
  }

  put(
    bucket: string,
    name: string,
    content: string,
    contentType = 'application/octet-stream',
  ): void {
    if (!this.buckets.has(bucket)) this.buckets.set(bucket, new Map());
    this.buckets.get(bucket)!.set(name, content);
    const now = this.#clock?.now() ?? new Date();
    // Generations are microsecond timestamps on Google's side; a counter keeps them distinct here.
    const generation = String(now.getTime() * 1000 + (++this.#generation % 1000));
    this.#meta.set(`${bucket}\n${name}`, { generation, contentType, created: now });
  }

  /** The stored object, with its metadata (objects put before it tracked any get fresh metadata). */
  object(bucket: string, name: string): StoredObject | undefined {
    const content = this.buckets.get(bucket)?.get(name);
    if (content === undefined) return undefined;
    if (!this.#meta.has(`${bucket}\n${name}`)) this.put(bucket, name, content);
    return { content, ...this.#meta.get(`${bucket}\n${name}`)! };
  }

  handle(req: EmulatorRequest): Reply | undefined {
    const base = `http://${String(req.headers.host ?? '127.0.0.1')}`;
    const objectPath = OBJECT.exec(req.path);
    if (objectPath && (req.method === 'GET' || req.method === 'DELETE')) {
      const download = objectPath[1] === 'download/storage';
      return this.#object(req, base, dec(objectPath[2]!), dec(objectPath[3]!), download);
    }
    const listPath = LIST.exec(req.path);
    if (listPath && req.method === 'GET') return this.#list(req, base, dec(listPath[1]!));
    const uploadPath = UPLOAD.exec(req.path);
    if (uploadPath && req.method === 'POST') return this.#upload(req, base, dec(uploadPath[1]!));
    if (uploadPath && req.method === 'PUT') return this.#resume(req, base);
    return undefined;
  }

  #object(
    req: EmulatorRequest,
    base: string,
    bucket: string,
    name: string,
    download: boolean,
  ): Reply {
    const perm: Permission =
      req.method === 'GET' ? 'storage.objects.get' : 'storage.objects.delete';
    const refused = this.#authorize(req, bucket, perm, { name });
    if (refused) return refused;
    const o = this.object(bucket, name);
    const generation = req.query.get('generation');
    if (o === undefined || (generation !== null && generation !== o.generation))
      return apiError(404, 'NOT_FOUND', `No such object: ${bucket}/${name}`);
    if (req.method === 'DELETE') {
      this.buckets.get(bucket)!.delete(name);
      this.#meta.delete(`${bucket}\n${name}`);
      return { status: 204 };
    }
    if (!download && req.query.get('alt') !== 'media')
      return { body: objectResource(base, bucket, name, o) };
    return media(o, String(req.headers.range ?? ''));
  }

  #list(req: EmulatorRequest, base: string, bucket: string): Reply {
    const prefix = req.query.get('prefix') ?? '';
    const delimiter = req.query.get('delimiter') ?? '';
    const refused = this.#authorize(req, bucket, 'storage.objects.list', { listPrefix: prefix });
    if (refused) return refused;
    const names = [...(this.buckets.get(bucket)?.keys() ?? [])]
      .filter((n) => n.startsWith(prefix))
      .sort();
    const items: string[] = [];
    const prefixes = new Set<string>();
    for (const n of names) {
      const cut = delimiter === '' ? -1 : n.indexOf(delimiter, prefix.length);
      if (cut === -1) items.push(n);
      else prefixes.add(n.slice(0, cut + delimiter.length));
    }
    // One page: objects and prefixes in name order, `pageToken` being the last name returned.
    const entries = [
      ...items.map((n) => ({ n, item: true })),
      ...[...prefixes].map((n) => ({ n, item: false })),
    ]
      .sort((a, b) => (a.n < b.n ? -1 : a.n > b.n ? 1 : 0))
      .filter((e) => e.n > (req.query.get('pageToken') ?? ''));
    const max = Math.min(Math.max(Number(req.query.get('maxResults') ?? 1000) || 1000, 1), 1000);
    const page = entries.slice(0, max);
    const more = entries.length > max;
    return {
      body: {
        kind: 'storage#objects',
        ...(page.some((e) => !e.item)
          ? { prefixes: page.filter((e) => !e.item).map((e) => e.n) }
          : {}),
        ...(page.some((e) => e.item)
          ? {
              items: page
                .filter((e) => e.item)
                .map((e) => objectResource(base, bucket, e.n, this.object(bucket, e.n)!)),
            }
          : {}),
        ...(more ? { nextPageToken: page[page.length - 1]!.n } : {}),
      },
    };
  }

  #upload(req: EmulatorRequest, base: string, bucket: string): Reply {
    const type = req.query.get('uploadType');
    if (type === 'media') {
      const name = req.query.get('name') ?? '';
      if (name === '') return apiError(400, 'INVALID_ARGUMENT', 'Required parameter: name');
      const contentType = String(req.headers['content-type'] ?? 'application/octet-stream');
      return this.#create(req, base, bucket, name, req.rawBody, contentType);
    }
    if (type === 'multipart') {
      const parsed = parseMultipart(String(req.headers['content-type'] ?? ''), req.rawBody);
      if (typeof parsed === 'string') return apiError(400, 'INVALID_ARGUMENT', parsed);
      const name = String(parsed.metadata['name'] ?? req.query.get('name') ?? '');
      if (name === '') return apiError(400, 'INVALID_ARGUMENT', 'Required parameter: name');
      const given = objectHashes(parsed.media);
      for (const field of ['md5Hash', 'crc32c'] as const) {
        const claimed = parsed.metadata[field];
        if (claimed !== undefined && claimed !== given[field]) {
          return apiError(
            400,
            'INVALID_ARGUMENT',
            `Provided ${field} "${String(claimed)}" doesn't match calculated ${field} "${given[field]}".`,
          );
        }
      }
      const contentType = String(parsed.metadata['contentType'] ?? parsed.mediaType);
      return this.#create(req, base, bucket, name, parsed.media, contentType);
    }
    if (type === 'resumable') {
      const meta = req.body === '' ? {} : (req.parsedBody() as Record<string, unknown>);
      const name = String(meta['name'] ?? req.query.get('name') ?? '');
      if (name === '') return apiError(400, 'INVALID_ARGUMENT', 'Required parameter: name');
      const refused = this.#authorize(req, bucket, 'storage.objects.create', { name });
      if (refused) return refused;
      const id = randomBytes(24).toString('base64url');
      this.#sessions.set(id, {
        bucket,
        name,
        contentType: String(
          meta['contentType'] ?? req.headers['x-upload-content-type'] ?? 'application/octet-stream',
        ),
        ifGenerationMatch: req.query.get('ifGenerationMatch'),
        received: Buffer.alloc(0),
      });
      const location = `${base}/upload/storage/v1/b/${encodeURIComponent(bucket)}/o?uploadType=resumable&upload_id=${id}`;
      return { headers: { location, 'x-guploader-uploadid': id }, body: '' };
    }
    return apiError(400, 'INVALID_ARGUMENT', `Unsupported uploadType '${type ?? ''}'.`);
  }

  /** A PUT to a resumable session: a chunk (`bytes a-b/total`), a status query (`bytes *\/total`), or all at once. */
  #resume(req: EmulatorRequest, base: string): Reply {
    const id = req.query.get('upload_id') ?? '';
    const s = this.#sessions.get(id);
    if (req.query.get('uploadType') !== 'resumable' || !s)
      return apiError(404, 'NOT_FOUND', 'No such upload session.');
    const range = String(req.headers['content-range'] ?? '');
    const chunk = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(range);
    const query = /^bytes \*\/(\d+|\*)$/.exec(range);
    let total: number | undefined;
    if (chunk) {
      if (
        Number(chunk[1]) !== s.received.length ||
        Number(chunk[2]) - Number(chunk[1]) + 1 !== req.rawBody.length
      )
        return apiError(
          400,
          'INVALID_ARGUMENT',
          `Content-Range '${range}' does not continue the ${s.received.length} bytes received.`,
        );
      s.received = Buffer.concat([s.received, req.rawBody]);
      total = chunk[3] === '*' ? undefined : Number(chunk[3]);
    } else if (query) {
      total = query[1] === '*' ? undefined : Number(query[1]);
    } else {
      s.received = Buffer.concat([s.received, req.rawBody]);
      total = s.received.length;
    }
    if (s.received.length > MAX_UPLOAD_BYTES) {
      this.#sessions.delete(id);
      return apiError(
        413,
        'INVALID_ARGUMENT',
        `Uploads above ${MAX_UPLOAD_BYTES} bytes are refused here.`,
      );
    }
    if (total === undefined || s.received.length < total) {
      return {
        status: 308,
        headers: s.received.length ? { range: `bytes=0-${s.received.length - 1}` } : {},
        body: '',
      };
    }
    this.#sessions.delete(id);
    const precondition = this.#precondition(s.bucket, s.name, s.ifGenerationMatch);
    if (precondition) return precondition;
    this.put(s.bucket, s.name, s.received.toString('utf8'), s.contentType);
    return { body: objectResource(base, s.bucket, s.name, this.object(s.bucket, s.name)!) };
  }

  #create(
    req: EmulatorRequest,
    base: string,
    bucket: string,
    name: string,
    data: Buffer,
    contentType: string,
  ): Reply {
    const refused = this.#authorize(req, bucket, 'storage.objects.create', { name });
    if (refused) return refused;
    const precondition = this.#precondition(bucket, name, req.query.get('ifGenerationMatch'));
    if (precondition) return precondition;
    this.put(bucket, name, data.toString('utf8'), contentType);
    return { body: objectResource(base, bucket, name, this.object(bucket, name)!) };
  }

  /** `ifGenerationMatch`: 0 means "only if absent"; otherwise the live generation must be that one. */
  #precondition(bucket: string, name: string, want: string | null): Reply | undefined {
    if (want === null) return undefined;
    const current = this.object(bucket, name)?.generation ?? '0';
    return current === want
      ? undefined
      : apiError(
          412,
          'FAILED_PRECONDITION',
          'At least one of the pre-conditions you specified did not hold.',
        );
  }

  /** Why `req` may not do `perm`, as Google words it; undefined when it may. */
  #authorize(
    req: EmulatorRequest,
    bucket: string,
    perm: Permission,
    target: { name?: string; listPrefix?: string },
  ): Reply | undefined {
    const t = this.store.bearer(req.headers['authorization']);
    if (typeof t === 'string') {
      return apiError(
        401,
        'UNAUTHENTICATED',
        t === 'missing' ? 'Anonymous caller does not have access.' : 'Invalid Credentials',
      );
    }
    const scopes =
      perm === 'storage.objects.get' || perm === 'storage.objects.list'
        ? READ_SCOPES
        : WRITE_SCOPES;
    if (!t.scopes.some((s) => scopes.includes(s))) {
      return apiError(403, 'PERMISSION_DENIED', 'Request had insufficient authentication scopes.');
    }
    const denied = apiError(
      403,
      'PERMISSION_DENIED',
      `${t.principal.replace(/^serviceAccount:/, '')} does not have ${perm} access to the Google Cloud Storage ${target.name === undefined ? 'bucket' : 'object'}. Permission '${perm}' denied on resource (or it may not exist).`,
    );
    const granted = this.bindings.some(
      (b) =>
        b.bucket === bucket &&
        t.members.includes(b.member) &&
        (ROLE_PERMISSIONS[b.role] ?? []).includes(perm),
    );
    if (!granted) return denied;
    if (t.boundary && !this.#withinBoundary(t, bucket, perm, target)) return denied;
    return undefined;
  }

  #withinBoundary(
    t: IssuedToken,
    bucket: string,
    perm: Permission,
    target: { name?: string; listPrefix?: string },
  ): boolean {
    return (t.boundary ?? []).some((rule) => {
      if (rule.bucket !== bucket) return false;
      if (!rule.roles.some((r) => (ROLE_PERMISSIONS[r] ?? []).includes(perm))) return false;
      if (rule.condition === undefined) return true;
      return evaluateCel(rule.condition, {
        resourceName:
          target.name === undefined
            ? `projects/_/buckets/${bucket}`
            : `projects/_/buckets/${bucket}/objects/${target.name}`,
        attributes:
          target.listPrefix === undefined
            ? {}
            : { 'storage.googleapis.com/objectListPrefix': target.listPrefix },
      });
    });
  }
}

const dec = (s: string) => decodeURIComponent(s);

/** The object's data, whole or the `Range` asked for, with the headers a download is checked by. */
function media(o: StoredObject, range: string): Reply {
  const data = Buffer.from(o.content, 'utf8');
  const headers: Record<string, string> = {
    'content-type': o.contentType,
    'x-goog-generation': o.generation,
    'x-goog-metageneration': '1',
    'x-goog-stored-content-length': String(data.length),
    'x-goog-hash': hashHeader(o.content),
  };
  const r = /^bytes=(\d+)-(\d*)$/.exec(range);
  if (!r || (Number(r[1]) === 0 && (r[2] === '' || Number(r[2]) >= data.length - 1)))
    return { headers, body: data };
  const start = Number(r[1]);
  const end = r[2] === '' ? data.length - 1 : Math.min(Number(r[2]), data.length - 1);
  if (start >= data.length)
    return { status: 416, headers: { 'content-range': `bytes */${data.length}` }, body: '' };
  return {
    status: 206,
    headers: { ...headers, 'content-range': `bytes ${start}-${end}/${data.length}` },
    body: data.subarray(start, end + 1),
  };
}
