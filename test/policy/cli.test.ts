import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyCli } from '../../src/cli/policy.ts';

const cwd = mkdtempSync(join(tmpdir(), 'jit-policy-cli-'));
mkdirSync(join(cwd, '.github'));
writeFileSync(
  join(cwd, '.github/jit-policy.yml'),
  readFileSync(new URL('./fixtures/valid/issue-example.yml', import.meta.url)),
);
writeFileSync(
  join(cwd, 'bad.yml'),
  readFileSync(new URL('./fixtures/invalid/unknown-claim.yml', import.meta.url)),
);
writeFileSync(
  join(cwd, 'claims.json'),
  JSON.stringify({
    repository: 'acme/site',
    ref: 'refs/heads/main',
    environment: 'production',
    event_name: 'push',
  }),
);

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await policyCli(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd,
  });
  return { code, stdout, stderr };
}

describe('jit-credentials policy', () => {
  it('check: valid default file, with its warnings and digest', async () => {
    const r = await run('check');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^\.github\/jit-policy\.yml: valid, 2 rules \(providers: aws, gcp\), 1 warning, sha256:[0-9a-f]{64}\n$/,
    );
    expect(r.stderr).toBe(
      ".github/jit-policy.yml:15:5: warning: rule 'preview' matches any ref: add 'ref' or 'environment' to 'when'\n",
    );
  });

  it('check: invalid file names the place, exit 1; missing file, exit 1', async () => {
    const r = await run('check', 'bad.yml');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^Policy file 'bad\.yml' is not valid \(1 problem\):\n {2}bad\.yml:6:7: unknown claim 'repo'/,
    );
    expect((await run('check', 'nope.yml')).stderr).toMatch(/'nope\.yml' does not exist/);
  });

  it('test: lists matching rules from claims alone', async () => {
    const r = await run('test', '--claims', 'claims.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'match: rule deploy-prod → aws role arn:aws:iam::123456789012:role/deploy, max 15m, delivery run',
    );
    expect(r.stdout).toContain(
      "no match: rule preview: event_name is 'push', wants 'pull_request'",
    );
  });

  it('test: a full request is allowed or denied with the reasons; exit 0 / 1', async () => {
    const base = [
      'test',
      '--claims',
      'claims.json',
      '--provider',
      'aws',
      '--principal',
      'arn:aws:iam::123456789012:role/deploy',
      '--delivery',
      'run',
    ];
    const ok = await run(...base, '--duration', '15m');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^allowed by rule deploy-prod \(max 15m, delivery run\)/);
    const long = await run(...base, '--duration', '16m');
    expect(long.code).toBe(1);
    expect(long.stdout).toContain('duration 960 s (16m) is above max-duration 900 s (15m)');
  });

  it('export: JSON on stdout, notes on stderr, or to a file', async () => {
    const r = await run('export', '--target', 'aws');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).Statement[0].Action).toBe('sts:AssumeRoleWithWebIdentity');
    expect(r.stderr).toMatch(/^note: /m);
    const f = await run('export', '--target', 'gcp', '-o', 'gcp.json');
    expect(f.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(cwd, 'gcp.json'), 'utf8')).attributeCondition).toBe(
      "(assertion.event_name == 'pull_request' && assertion.repository == 'acme/site')",
    );
    const none = await run('export', '--target', 'azure');
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no rule for provider azure/);
  });

  it('usage errors exit 2 and say what to write', async () => {
    expect((await run('export')).stderr).toMatch(/needs --target aws\|azure\|gcp/);
    expect((await run('export')).code).toBe(2);
    expect((await run('test')).stderr).toMatch(/needs --claims FILE/);
    expect((await run('test', '--claims', 'claims.json', '--duration', '5m')).stderr).toMatch(
      /--duration needs --provider/,
    );
    expect((await run('check', '--bogus')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
    expect(
      (await run('export', '--target', 'aws', '--issuer', 'http://example.com')).stderr,
    ).toMatch(/plain http is accepted only on loopback/);
  });
});

describe('jit-credentials policy, require-approval', () => {
  writeFileSync(
    join(cwd, 'approval.yml'),
    readFileSync(new URL('./fixtures/valid/require-approval.yml', import.meta.url)),
  );
  const review = (login: string, state: string, env = 'production') => ({
    environments: [{ id: 1, name: env }],
    state,
    comment: '',
    user: { login },
  });
  writeFileSync(join(cwd, 'approved.json'), JSON.stringify([review('alice', 'approved')]));
  writeFileSync(join(cwd, 'by-carol.json'), JSON.stringify([review('carol', 'approved')]));
  writeFileSync(
    join(cwd, 'other-env.json'),
    JSON.stringify([review('alice', 'approved', 'staging')]),
  );
  const request = [
    'test',
    '--claims',
    'claims.json',
    '--provider',
    'aws',
    '--principal',
    'arn:aws:iam::123456789012:role/deploy',
  ];

  it('check accepts the key; test without matching rules lists it', async () => {
    expect((await run('check', 'approval.yml')).code).toBe(0);
    const r = await run('test', '--claims', 'claims.json', 'approval.yml');
    expect(r.stdout).toContain(
      'requires an approval by alice, release-bot[bot], members of acme/release-managers (not checked without --provider)',
    );
  });

  it('test: allowed only with an allowed approval of the token environment', async () => {
    const none = await run(...request, 'approval.yml');
    expect(none.code).toBe(1);
    expect(none.stdout).toContain(
      "require-approval: not checked without the run's review history (policy test: --approvals FILE)",
    );
    const ok = await run(...request, '--approvals', 'approved.json', 'approval.yml');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("deployment to 'production' approved by alice");
    const other = await run(...request, '--approvals', 'other-env.json', 'approval.yml');
    expect(other.code).toBe(1);
    expect(other.stdout).toContain("no one approved the deployment to 'production'");
    const carol = await run(...request, '--approvals', 'by-carol.json', 'approval.yml');
    expect(carol.code).toBe(1);
    expect(carol.stdout).toContain('approved by carol, none of them an allowed reviewer');
    const team = await run(
      ...request,
      '--approvals',
      'by-carol.json',
      '--team',
      'acme/release-managers=carol,dave',
      'approval.yml',
    );
    expect(team.code).toBe(0);
  });

  it.each(['aws', 'gcp'])(
    'export --target %s says the approval is not in the trust configuration',
    async (target) => {
      const r = await run('export', '--target', target, 'approval.yml');
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(
        /note: rule '(production|staging)': require-approval cannot be expressed in a cloud trust configuration/,
      );
      expect(r.stdout).not.toContain('approval');
    },
  );
});
