import { describe, expect, it } from 'vitest';
import {
  boundaryDigest,
  boundaryOptions,
  describeBoundary,
  parseAccessBoundary,
} from '../../../src/providers/gcp/boundary.ts';

describe('parseAccessBoundary', () => {
  it('reads the issue’s example', async () => {
    const rules = await parseAccessBoundary(
      '- bucket: site-assets\n  role: roles/storage.objectAdmin\n  prefix: releases/\n',
    );
    expect(rules).toEqual([
      { bucket: 'site-assets', roles: ['roles/storage.objectAdmin'], prefix: 'releases/' },
    ]);
    expect(describeBoundary(rules)).toBe('gs://site-assets/releases/* roles/storage.objectAdmin');
  });

  it('accepts gs:// buckets, role lists and inRole: prefixes', async () => {
    const rules = await parseAccessBoundary(
      '- bucket: gs://logs/\n  roles: [inRole:roles/storage.objectViewer, roles/storage.objectCreator]\n- bucket: b2b\n  role: roles/storage.objectViewer',
    );
    expect(rules[0]).toEqual({
      bucket: 'logs',
      roles: ['roles/storage.objectViewer', 'roles/storage.objectCreator'],
      prefix: undefined,
    });
    expect(rules).toHaveLength(2);
  });

  it.each([
    ['bucket: a', /non-empty list/],
    ['[]', /non-empty list/],
    ['- bucket: [unclosed', /not YAML/],
    ['- just-a-string', /rule 1 is not a mapping/],
    ['- bucket: site\n  role: roles/storage.objectViewer\n  path: x', /unknown key 'path'/],
    ['- bucket: Site_Assets!\n  role: roles/storage.objectViewer', /bucket 'Site_Assets!'/],
    ['- bucket: site\n  role: roles/owner', /Cloud Storage roles only/],
    [
      '- bucket: site\n  role: roles/storage.objectViewer\n  roles: [roles/storage.objectViewer]',
      /both role and roles/,
    ],
    [
      '- bucket: site\n  role: roles/storage.objectViewer\n  prefix: "a\') || true || (\'"',
      /no quotes/,
    ],
    ['- bucket: site\n  role: roles/storage.objectViewer\n  prefix: /abs', /leading '\/'/],
    [
      Array.from(
        { length: 11 },
        (_, i) => `- bucket: bucket-${i}\n  role: roles/storage.objectViewer`,
      ).join('\n'),
      /11 rules given; Google STS accepts at most 10/,
    ],
  ])('refuses %j', async (text, message) => {
    await expect(parseAccessBoundary(text)).rejects.toThrow(message);
    await expect(parseAccessBoundary(text)).rejects.toThrow(/Expected a YAML list such as/);
  });
});

describe('boundaryOptions', () => {
  it('builds STS options with a prefix condition that also covers listing', async () => {
    const opts = boundaryOptions(
      await parseAccessBoundary(
        '- bucket: site-assets\n  role: roles/storage.objectAdmin\n  prefix: releases/',
      ),
    );
    const rule = opts.accessBoundary.accessBoundaryRules[0]!;
    expect(rule.availableResource).toBe('//storage.googleapis.com/projects/_/buckets/site-assets');
    expect(rule.availablePermissions).toEqual(['inRole:roles/storage.objectAdmin']);
    expect(rule.availabilityCondition?.expression).toContain(
      "resource.name.startsWith('projects/_/buckets/site-assets/objects/releases/')",
    );
    expect(rule.availabilityCondition?.expression).toContain(
      "api.getAttribute('storage.googleapis.com/objectListPrefix', '').startsWith('releases/')",
    );
  });
  it('leaves the condition out without a prefix', async () => {
    const opts = boundaryOptions(
      await parseAccessBoundary('- bucket: site-assets\n  role: roles/storage.objectViewer'),
    );
    expect(opts.accessBoundary.accessBoundaryRules[0]).not.toHaveProperty('availabilityCondition');
  });
  it('digests differ when the boundary does', async () => {
    const a = boundaryDigest(
      await parseAccessBoundary('- bucket: site-assets\n  role: roles/storage.objectViewer'),
    );
    const b = boundaryDigest(
      await parseAccessBoundary('- bucket: site-assets\n  role: roles/storage.objectAdmin'),
    );
    expect(a).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
  });
});
