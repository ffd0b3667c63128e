import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchors, docFiles, githubSlug, headingText, links, read, REPO_ROOT } from './markdown.ts';

const anchorCache = new Map<string, Set<string>>();
function anchorsOf(file: string): Set<string> {
  let a = anchorCache.get(file);
  if (!a) anchorCache.set(file, (a = anchors(read(file))));
  return a;
}

/** Where a local link (`path`, `path#anchor`, `#anchor`) in `file` leads, or why it leads nowhere. */
function resolveLocal(file: string, url: string): string | undefined {
  const hash = url.indexOf('#');
  const pathPart = decodeURIComponent(hash < 0 ? url : url.slice(0, hash));
  const anchor = hash < 0 ? undefined : decodeURIComponent(url.slice(hash + 1));
  const target = pathPart === '' ? file : normalize(join(dirname(file), pathPart));
  if (target.startsWith('..')) return `leaves the repository (${target})`;
  if (!existsSync(join(REPO_ROOT, target))) return `${target} does not exist`;
  if (anchor === undefined) return undefined;
  if (!target.endsWith('.md') || statSync(join(REPO_ROOT, target)).isDirectory())
    return `#${anchor} points into ${target}, which has no headings`;
  if (!anchorsOf(target).has(anchor)) return `${target} has no heading for #${anchor}`;
  return undefined;
}

const isExternal = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url);

describe('local links in the documentation resolve', () => {
  for (const file of docFiles()) {
    it(file, () => {
      const found = links(read(file));
      const broken = found
        .filter((l) => !isExternal(l.url))
        .flatMap((l) => {
          const why = resolveLocal(file, l.url);
          return why ? [`${file}:${l.line}: ${l.url}: ${why}`] : [];
        });
      expect(broken).toEqual([]);
    });
  }

  it('the README has links to check (a parser change that found none would pass everything)', () => {
    const local = links(read('README.md')).filter((l) => !isExternal(l.url));
    expect(local.length).toBeGreaterThan(20);
    expect(local.some((l) => l.url.startsWith('#'))).toBe(true);
    expect(local.some((l) => !l.url.startsWith('#'))).toBe(true);
  });
});

/** Files outside the documentation that link to this repository: SARIF help, the schema, workflows. */
function projectFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(join(REPO_ROOT, dir), { withFileTypes: true })) {
      const p = dir ? `${dir}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|json|ya?ml|md)$/.test(e.name)) out.push(p);
    }
  };
  for (const d of ['src', 'schema', 'actions', '.github']) walk(d);
  return ['action.yml', 'package.json', ...docFiles(), ...out];
}

describe("links to this project's own repository", () => {
  const files = projectFiles();

  it('use one owner placeholder, OWNER/jit-credentials', () => {
    const other: string[] = [];
    for (const f of files) {
      const text = readFileSync(join(REPO_ROOT, f), 'utf8');
      const pattern =
        /(?:github\.com\/|githubusercontent\.com\/|github:|uses: )([\w.-]+)\/jit-credentials\b/g;
      for (const m of text.matchAll(pattern)) if (m[1] !== 'OWNER') other.push(`${f}: ${m[0]}`);
    }
    expect(other).toEqual([]);
  });

  it('point at files and README headings that exist', () => {
    const broken: string[] = [];
    const readme = anchorsOf('README.md');
    for (const f of files) {
      const text = readFileSync(join(REPO_ROOT, f), 'utf8');
      for (const m of text.matchAll(
        /https:\/\/(?:github\.com\/OWNER\/jit-credentials(?:\/blob\/main\/([\w./-]+))?(?:#([\w-]+))?|raw\.githubusercontent\.com\/OWNER\/jit-credentials\/main\/([\w./-]+))/g,
      )) {
        const path = m[1] ?? m[3];
        if (path && !existsSync(join(REPO_ROOT, path))) broken.push(`${f}: ${m[0]}: no ${path}`);
        if (m[2] && !path && !readme.has(m[2]))
          broken.push(`${f}: ${m[0]}: the README has no heading for #${m[2]}`);
      }
    }
    expect(broken).toEqual([]);
    // The SARIF help links are among those checked.
    expect(files).toContain('src/scan/report/sarif.ts');
  });
});

describe('anchors are computed as GitHub computes them', () => {
  it.each([
    [
      'AWS: revoking a session, and proving it (`revoke-role`)',
      'aws-revoking-a-session-and-proving-it-revoke-role',
    ],
    ['Closing, and what "closed" means', 'closing-and-what-closed-means'],
    [
      'Scanner: find long-lived cloud keys in workflows',
      'scanner-find-long-lived-cloud-keys-in-workflows',
    ],
    ['Quick start (AWS)', 'quick-start-aws'],
    ['Émigré *émphasis* & [a link](x.md)', 'émigré-émphasis--a-link'],
  ])('%s → #%s', (heading, slug) => {
    expect(githubSlug(headingText(heading))).toBe(slug);
  });

  it('repeated headings get -1, -2', () => {
    const a = anchors('# A\n\n## Inputs\n\n## Inputs\n\nText\n---\n\n## Inputs\n');
    expect([...a]).toEqual(['a', 'inputs', 'inputs-1', 'text', 'inputs-2']);
  });

  it('a broken link is found', () => {
    expect(resolveLocal('README.md', '#no-such-heading')).toMatch(/no heading/);
    expect(resolveLocal('README.md', 'no-such-file.md')).toMatch(/does not exist/);
    expect(resolveLocal('README.md', 'CONTRIBUTING.md#no-such-heading')).toMatch(/no heading/);
    expect(resolveLocal('README.md', '../outside.md')).toMatch(/leaves the repository/);
    expect(resolveLocal('README.md', 'SECURITY.md')).toBeUndefined();
  });
});
