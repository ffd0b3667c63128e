/**
 * A protected Cloud Storage JSON API subset: objects get (metadata or `alt=media`), list,
 * upload (`uploadType=media`) and delete. Each call checks the bearer token (known, not
 * expired, a storage-capable scope), the principal's role on the bucket and, for a
 * downscoped token, that some boundary rule allows the permission on that object.
 */
import type { EmulatorRequest, Reply } from '../http.ts';
import { evaluateCel } from './cel.ts';
import { apiError } from './iam.ts';
import { CLOUD_PLATFORM, type IssuedToken, type StorageBinding, type TokenStore } from './state.ts';

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

export class StorageEmulator {
  /** bucket → object name → content */
  readonly buckets = new Map<string, Map<string, string>>();

  readonly bindings: StorageBinding[];
  private readonly store: TokenStore;

  constructor(bindings: StorageBinding[], store: TokenStore) {
    this.bindings = bindings;
    this.store = store;
  }

  put(bucket: string, name: string, content: string): void {
    if (!this.buckets.has(bucket)) this.buckets.set(bucket, new Map());
    this.buckets.get(bucket)!.set(name, content);
  }

  handle(req: EmulatorRequest): Reply | undefined {
    const objectPath = /^\/storage\/v1\/b\/([^/]+)\/o\/(.+)$/.exec(req.path);
    const listPath = /^\/storage\/v1\/b\/([^/]+)\/o$/.exec(req.path);
    const uploadPath = /^\/upload\/storage\/v1\/b\/([^/]+)\/o$/.exec(req.path);
    if (objectPath && (req.method === 'GET' || req.method === 'DELETE')) {
      const bucket = decodeURIComponent(objectPath[1]!);
      const name = decodeURIComponent(objectPath[2]!);
      const perm: Permission =
        req.method === 'GET' ? 'storage.objects.get' : 'storage.objects.delete';
      const refused = this.#authorize(req, bucket, perm, { name });
      if (refused) return refused;
      const content = this.buckets.get(bucket)?.get(name);
      if (content === undefined)
        return apiError(404, 'NOT_FOUND', `No such object: ${bucket}/${name}`);
      if (req.method === 'DELETE') {
        this.buckets.get(bucket)!.delete(name);
        return { status: 204 };
      }
      if (req.query.get('alt') === 'media')
        return { headers: { 'content-type': 'application/octet-stream' }, body: content };
      return { body: meta(bucket, name, content) };
    }
    if (listPath && req.method === 'GET') {
      const bucket = decodeURIComponent(listPath[1]!);
      const prefix = req.query.get('prefix') ?? '';
      const refused = this.#authorize(req, bucket, 'storage.objects.list', { listPrefix: prefix });
      if (refused) return refused;
      const items = [...(this.buckets.get(bucket) ?? new Map<string, string>())]
        .filter(([n]) => n.startsWith(prefix))
        .map(([n, c]) => meta(bucket, n, c));
      return { body: { kind: 'storage#objects', items } };
    }
    if (uploadPath && req.method === 'POST') {
      const bucket = decodeURIComponent(uploadPath[1]!);
      const name = req.query.get('name') ?? '';
      if (req.query.get('uploadType') !== 'media' || name === '') {
        return apiError(
          400,
          'INVALID_ARGUMENT',
          'Only uploadType=media with a name is supported here.',
        );
      }
      const refused = this.#authorize(req, bucket, 'storage.objects.create', { name });
      if (refused) return refused;
      this.put(bucket, name, req.body);
      return { body: meta(bucket, name, req.body) };
    }
    return undefined;
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

function meta(bucket: string, name: string, content: string): Record<string, unknown> {
  return { kind: 'storage#object', bucket, name, size: String(Buffer.byteLength(content)) };
}
