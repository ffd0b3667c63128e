import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors.ts';
import { loadPolicy, parsePolicy } from '../../src/policy/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'jit-policy-'));
const RULE_ALLOW =
  'allow: { provider: aws, role: arn:aws:iam::123456789012:role/deploy, max-duration: 15m }';

describe('loadPolicy', () => {
  it('returns undefined for a missing default file, and refuses a missing explicit one', async () => {
    const missing = join(dir, 'nope.yml');
    expect(await loadPolicy(missing, { explicit: false })).toBeUndefined();
    await expect(loadPolicy(missing, { explicit: true })).rejects.toThrow(ConfigurationError);
    await expect(loadPolicy(missing, { explicit: true })).rejects.toThrow(
      /does not exist.*'policy' input/,
    );
  });

  it('digests the exact bytes', async () => {
    const text = `version: 1\nrules:\n  - name: a\n    when: { repository: acme/site, ref: refs/heads/main }\n    ${RULE_ALLOW}\n`;
    const path = join(dir, 'p.yml');
    writeFileSync(path, text);
    const p = await loadPolicy(path, { explicit: true });
    expect(p?.digest).toBe(createHash('sha256').update(text).digest('hex'));
    writeFileSync(path, text + '# comment\n');
    expect((await loadPolicy(path, { explicit: true }))?.digest).not.toBe(p?.digest);
  });

  it('an invalid default file is still an error: a broken policy never means "no policy"', async () => {
    const path = join(dir, 'broken.yml');
    writeFileSync(path, 'version: 1\nrules: [\n');
    await expect(loadPolicy(path, { explicit: false })).rejects.toThrow(ConfigurationError);
  });

  it('lists every problem, not just the first', () => {
    const text = `version: 1\nrules:\n  - name: a\n    when: { repo: x, branch: y }\n    ${RULE_ALLOW}\n`;
    const err = (() => {
      try {
        parsePolicy(text, 'p.yml');
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(err?.message).toMatch(/2 problems/);
    expect(err?.message).toMatch(/p\.yml:4:13: unknown claim 'repo'/);
    expect(err?.message).toMatch(/p\.yml:4:22: unknown claim 'branch'/);
  });

  it('follows YAML anchors, so shared conditions can be written once', () => {
    const text = `version: 1
rules:
  - name: a
    when: &site { repository: acme/site, ref: refs/heads/main }
    ${RULE_ALLOW}
  - name: b
    when: *site
    allow: { provider: gcp, service-account: a@p.iam.gserviceaccount.com, max-duration: 5m }
`;
    const p = parsePolicy(text, 'p.yml');
    expect(p.rules[1]!.when.map((c) => c.claim)).toEqual(['repository', 'ref']);
  });
});

describe('broad rules are warned about', () => {
  const warn = (when: string) =>
    parsePolicy(
      `version: 1\nrules:\n  - name: r\n    when: ${when}\n    ${RULE_ALLOW}\n`,
      'p.yml',
    ).warnings.map((w) => w.message);

  it('no repository condition', () => {
    expect(warn('{ ref: refs/heads/main }')).toEqual([
      "rule 'r' matches every repository: add 'repository' (or 'repository_id') to 'when'",
    ]);
  });
  it('no ref condition', () => {
    expect(warn('{ repository: acme/site }')).toEqual([
      "rule 'r' matches any ref: add 'ref' or 'environment' to 'when'",
    ]);
  });
  // Whoever opens a pull request names its branch and picks its base: neither pins the ref.
  it.each(['head_ref: main', 'base_ref: main'])('only %s: still any ref', (when) => {
    expect(warn(`{ repository: acme/site, ${when} }`)).toEqual([
      "rule 'r' matches any ref: add 'ref' or 'environment' to 'when'",
    ]);
  });
  it('an empty when matches everything', () => {
    expect(warn('{}')).toHaveLength(2);
  });
  it('a * glob restricts nothing', () => {
    const w = warn('{ repository: "*", ref: refs/heads/main }');
    expect(w).toContain(
      "rule 'r' matches every repository: add 'repository' (or 'repository_id') to 'when'",
    );
    expect(w).toContain("rule 'r': 'repository' matches any value, so it restricts nothing");
  });
  it('an owner glob is a real restriction', () => {
    expect(warn('{ repository: "acme/*", environment: production }')).toEqual([]);
  });
});
