import { ConfigurationError, errorMessage } from '../../errors.js';

/** Cloud Storage is the only service Credential Access Boundaries apply to; STS takes at most 10 rules. */
export const MAX_RULES = 10;

export interface BoundaryRule {
  readonly bucket: string;
  readonly roles: readonly string[];
  /** Object-name prefix the rule is limited to; undefined means the whole bucket. */
  readonly prefix: string | undefined;
}

/** The `options` object Google STS takes for a downscoping exchange. */
export interface AccessBoundaryOptions {
  accessBoundary: {
    accessBoundaryRules: Array<{
      availableResource: string;
      availablePermissions: string[];
      availabilityCondition?: { expression: string; title?: string };
    }>;
  };
}

const BUCKET = /^[a-z0-9][a-z0-9_.-]{1,220}[a-z0-9]$/;
const ROLE = /^roles\/storage\.[A-Za-z]+$/;
const KEYS = new Set(['bucket', 'role', 'roles', 'prefix']);
const EXAMPLE = '- bucket: site-assets\n  role: roles/storage.objectViewer\n  prefix: releases/';

function refuse(why: string): never {
  throw new ConfigurationError(
    `Invalid access-boundary: ${why}. Expected a YAML list such as:\n${EXAMPLE}`,
  );
}

/**
 * Parses the `access-boundary` input: a YAML list of Cloud Storage rules. `yaml` (117 KiB) is
 * loaded only here, so that the many Google steps without a boundary never compile it.
 */
export async function parseAccessBoundary(text: string): Promise<BoundaryRule[]> {
  const { parse: parseYaml } = await import('yaml');
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    refuse(`not YAML (${errorMessage(err).split('\n')[0]})`);
  }
  if (!Array.isArray(doc) || doc.length === 0) refuse('it must be a non-empty list of rules');
  if (doc.length > MAX_RULES) {
    refuse(
      `${doc.length} rules given; Google STS accepts at most ${MAX_RULES}. Merge rules that share a bucket and role`,
    );
  }
  return doc.map((item, i) => parseRule(item, i + 1));
}

function parseRule(item: unknown, n: number): BoundaryRule {
  if (item === null || typeof item !== 'object' || Array.isArray(item))
    refuse(`rule ${n} is not a mapping`);
  const rule = item as Record<string, unknown>;
  for (const key of Object.keys(rule)) {
    if (!KEYS.has(key))
      refuse(`rule ${n} has unknown key '${key}' (use bucket, role or roles, prefix)`);
  }
  const bucket = String(rule['bucket'] ?? '')
    .replace(/^gs:\/\//, '')
    .replace(/\/+$/, '');
  if (!BUCKET.test(bucket) || bucket.includes('..')) {
    refuse(
      `rule ${n} has bucket '${String(rule['bucket'] ?? '')}'; give a Cloud Storage bucket name such as site-assets`,
    );
  }
  const given = rule['roles'] ?? rule['role'];
  if (rule['roles'] !== undefined && rule['role'] !== undefined)
    refuse(`rule ${n} has both role and roles; keep one`);
  const roles = (Array.isArray(given) ? given : [given]).map((r) =>
    String(r ?? '').replace(/^inRole:/, ''),
  );
  if (roles.length === 0) refuse(`rule ${n} has no role`);
  for (const role of roles) {
    if (!ROLE.test(role)) {
      refuse(
        `rule ${n} has role '${role}'; boundaries apply to Cloud Storage roles only, such as roles/storage.objectViewer`,
      );
    }
  }
  let prefix: string | undefined;
  if (rule['prefix'] !== undefined && rule['prefix'] !== null && rule['prefix'] !== '') {
    prefix = String(rule['prefix']);
    // The prefix goes into a CEL string literal: characters that could end it are refused, not escaped.
    if (/['"\\\n\r]/.test(prefix) || prefix.startsWith('/')) {
      refuse(
        `rule ${n} has prefix '${prefix}'; an object-name prefix has no quotes, backslashes or leading '/'`,
      );
    }
  }
  return Object.freeze({ bucket, roles: Object.freeze([...new Set(roles)]), prefix });
}

/**
 * The boundary in the form STS takes. A prefix becomes a condition on the object's name and,
 * so that listing keeps working inside it, on the list prefix.
 */
export function boundaryOptions(rules: readonly BoundaryRule[]): AccessBoundaryOptions {
  return {
    accessBoundary: {
      accessBoundaryRules: rules.map((r) => ({
        availableResource: `//storage.googleapis.com/projects/_/buckets/${r.bucket}`,
        availablePermissions: r.roles.map((role) => `inRole:${role}`),
        ...(r.prefix === undefined
          ? {}
          : {
              availabilityCondition: {
                title: `prefix ${r.prefix}`,
                expression:
                  `resource.name.startsWith('projects/_/buckets/${r.bucket}/objects/${r.prefix}') || ` +
                  `api.getAttribute('storage.googleapis.com/objectListPrefix', '').startsWith('${r.prefix}')`,
              },
            }),
      })),
    },
  };
}

/** One line per rule for the summary: `gs://site-assets/releases/* roles/storage.objectAdmin`. */
export function describeBoundary(rules: readonly BoundaryRule[]): string {
  return rules.map((r) => `gs://${r.bucket}/${r.prefix ?? ''}* ${r.roles.join('+')}`).join(', ');
}

export function boundaryDigest(rules: readonly BoundaryRule[]): string {
  return `sha256:${process
    .getBuiltinModule('node:crypto')
    .createHash('sha256')
    .update(JSON.stringify(boundaryOptions(rules)))
    .digest('hex')}`;
}
