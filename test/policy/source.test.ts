/**
 * Where the policy comes from, in process: the GitHub API emulator (REST and GraphQL) holds the
 * repositories, the claims stand for a verified token's. Every source, every failure, and what each means.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startGitHubApi, type GitHubApi } from '../emulators/github/index.ts';
import { ConfigurationError } from '../../src/errors.ts';
import { graphqlUrl } from '../../src/policy/github-graphql.ts';
import {
  loadTrustedPolicy,
  readPolicySourceSettings,
  startEarlyRead,
  type PolicySourceSettings,
} from '../../src/policy/source.ts';
import { Inputs } from '../../src/runner/inputs.ts';

const POLICY = `version: 1
rules:
  - name: deploy-main
    when: { repository: acme/site, ref: refs/heads/main }
    allow: { provider: aws, role: arn:aws:iam::123456789012:role/deploy, max-duration: 15m }
`;
const ANYTHING = `version: 1
rules:
  - name: anything
    when: {}
    allow: { provider: aws, role: "*", max-duration: 12h }
`;
const FILE = '.github/jit-policy.yml';

let github: GitHubApi;
let workspace: string;
let policyCommit: string;

beforeAll(async () => {
  github = await startGitHubApi();
  github.repo('acme/site', { id: '690133524' });
  policyCommit = github.commit('acme/site', { [FILE]: POLICY });
  github.repo('acme/bare', { id: '5' });
  github.repo('evil/fork', { id: '6', visibility: 'public' });
  github.commit('evil/fork', { [FILE]: ANYTHING });
  github.repo('acme/workflows', { id: '7', visibility: 'internal' });
});
afterAll(() => github.close());
beforeEach(() => {
  github.faults.clear();
  workspace = mkdtempSync(join(tmpdir(), 'jit-ws-'));
  return () => rmSync(workspace, { recursive: true, force: true });
});

const CLAIMS = {
  repository: 'acme/site',
  repository_id: '690133524',
  ref: 'refs/heads/main',
  event_name: 'push',
  job_workflow_ref: 'acme/site/.github/workflows/ci.yml@refs/heads/main',
  job_workflow_sha: 'a3f1c9e0b7d24c6e8f5a1b2c3d4e5f60718293a4',
};

function settings(over: Partial<PolicySourceSettings> = {}): PolicySourceSettings {
  return {
    mode: 'default-branch',
    path: FILE,
    explicitPath: false,
    required: false,
    githubToken: github.token,
    apiUrl: github.url,
    workspace,
    timeoutMs: 1000,
    ...over,
  };
}

function checkout(content: string): void {
  mkdirSync(join(workspace, '.github'), { recursive: true });
  writeFileSync(join(workspace, FILE), content);
}

const noSleep = { sleep: async () => undefined };
const failure = async (p: Promise<unknown>): Promise<Error> => {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a failure');
};

describe('policy-source: default-branch', () => {
  it("reads the file at the default branch's commit, of the repository the claims name", async () => {
    const before = github.requests.length;
    const t = await loadTrustedPolicy(settings(), CLAIMS);
    expect(t.policy?.rules.map((r) => r.name)).toEqual(['deploy-main']);
    expect(t.origin).toMatchObject({
      source: 'default-branch',
      repository: 'acme/site',
      ref: 'refs/heads/main',
      commit: policyCommit,
      location: `acme/site@${policyCommit}:${FILE}`,
    });
    expect(t.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(t.policy?.path).toBe(t.origin.location);
    // One query: the repository, its default branch's head and the file there.
    expect(github.requests.length - before).toBe(1);
    expect(github.requests.at(-1)).toMatchObject({ method: 'POST', path: '/graphql' });
    expect(github.requests.at(-1)!.headers.authorization).toBe(`Bearer ${github.token}`);
  });

  it('a file GraphQL cannot carry as text (not UTF-8) is read again through the contents API, at the same commit', async () => {
    github.repo('acme/latin1', { id: '11' });
    const bytes = Buffer.concat([Buffer.from('# caf\xe9 owners\n', 'latin1'), Buffer.from(POLICY)]);
    const sha = github.commit('acme/latin1', { [FILE]: bytes });
    const before = github.requests.length;
    const t = await loadTrustedPolicy(settings(), {
      ...CLAIMS,
      repository: 'acme/latin1',
      repository_id: '11',
    });
    expect(t.policy?.rules.map((r) => r.name)).toEqual(['deploy-main']);
    expect(t.digest).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
    expect(github.requests.slice(before).map((r) => `${r.method} ${r.path}?${r.query}`)).toEqual([
      'POST /graphql?',
      `GET /repos/acme/latin1/contents/${FILE}?ref=${sha}`,
    ]);
  });

  it('a file GraphQL showed, which the contents API then says is not there, is an error, never "no policy"', async () => {
    github.repo('acme/latin1-gone', { id: '15' });
    github.commit('acme/latin1-gone', { [FILE]: Buffer.from('# caf\xe9\nversion: 1\n', 'latin1') });
    github.faults.next('not-found', 1, /\/contents\//);
    const err = await failure(
      loadTrustedPolicy(settings({ required: false }), {
        ...CLAIMS,
        repository: 'acme/latin1-gone',
        repository_id: '15',
      }),
    );
    expect(err.message).toMatch(
      /GraphQL API shows \.github\/jit-policy\.yml at acme\/latin1-gone@[0-9a-f]{40}, but its contents API says there is no such file/,
    );
    expect(err.message).toMatch(/never taken as no policy/);
  });

  it('a directory where the file should be is an error, never "no policy"', async () => {
    github.repo('acme/dir', { id: '12' });
    github.commit('acme/dir', { [`${FILE}/x.yml`]: POLICY });
    const err = await failure(
      loadTrustedPolicy(settings(), { ...CLAIMS, repository: 'acme/dir', repository_id: '12' }),
    );
    expect(err.message).toMatch(/\.github\/jit-policy\.yml is not a file \(git mode 40000\)/);
    expect(err.message).toMatch(/nothing was asked of the cloud/);
  });

  it('a policy file larger than the cap is refused from its size, unread', async () => {
    github.repo('acme/huge', { id: '13' });
    github.commit('acme/huge', { [FILE]: `${POLICY}#${'x'.repeat(300 * 1024)}\n` });
    const err = await failure(
      loadTrustedPolicy(settings(), { ...CLAIMS, repository: 'acme/huge', repository_id: '13' }),
    );
    expect(err.message).toMatch(
      /jit-policy\.yml is 3\d{5} bytes; a policy file may have at most 262144/,
    );
  });

  it('the GraphQL address sits beside the REST one, on GitHub and on GitHub Enterprise Server', () => {
    expect(graphqlUrl('https://api.github.com')).toBe('https://api.github.com/graphql');
    expect(graphqlUrl('https://ghe.example/api/v3')).toBe('https://ghe.example/api/graphql');
    expect(graphqlUrl('https://api.acme.ghe.com')).toBe('https://api.acme.ghe.com/graphql');
  });

  it('ignores a checkout that rewrote the file, and says so', async () => {
    checkout(ANYTHING);
    const t = await loadTrustedPolicy(settings(), CLAIMS);
    expect(t.policy?.rules.map((r) => r.name)).toEqual(['deploy-main']);
    expect(t.warnings.join('\n')).toMatch(
      /checkout's .github\/jit-policy.yml differs .* it was ignored/,
    );
  });

  it("refuses a FIFO or a directory as the checkout's file, without waiting on it", async () => {
    mkdirSync(join(workspace, '.github'), { recursive: true });
    rmSync(join(workspace, FILE), { force: true, recursive: true });
    execFileSync('mkfifo', [join(workspace, FILE)]);
    // A blocking open of a FIFO with no writer would never return: this test would time out.
    let err = await failure(loadTrustedPolicy(settings(), CLAIMS));
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toBe(
      "Cannot read the checkout's .github/jit-policy.yml: it is not a regular file",
    );
    rmSync(join(workspace, FILE));
    mkdirSync(join(workspace, FILE));
    err = await failure(loadTrustedPolicy(settings(), CLAIMS));
    expect(err.message).toBe(
      "Cannot read the checkout's .github/jit-policy.yml: it is not a regular file",
    );
    rmSync(join(workspace, FILE), { recursive: true });
  });

  it('the same checkout file as the default branch raises no warning', async () => {
    checkout(POLICY);
    expect((await loadTrustedPolicy(settings(), CLAIMS)).warnings).toEqual([]);
  });

  it('a repository without the file has no policy (a clean 404), and says so', async () => {
    const t = await loadTrustedPolicy(settings(), {
      ...CLAIMS,
      repository: 'acme/bare',
      repository_id: '5',
    });
    expect(t.policy).toBeUndefined();
    expect(t.origin.location).toMatch(/^acme\/bare@[0-9a-f]{40}:\.github\/jit-policy\.yml$/);
    expect(t.warnings.join('\n')).toMatch(
      /No policy file at acme\/bare@.*trust configuration alone decides/,
    );
  });

  it('with policy-required, no file is a refusal that says what to add', async () => {
    const err = await failure(
      loadTrustedPolicy(settings({ required: true }), {
        ...CLAIMS,
        repository: 'acme/bare',
        repository_id: '5',
      }),
    );
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toMatch(
      /No policy file at acme\/bare@.*'policy-required' is true: nothing was asked of the cloud\. Add \.github\/jit-policy\.yml to acme\/bare on refs\/heads\/main/,
    );
  });

  it('an explicit policy path that does not exist is a refusal too', async () => {
    const err = await failure(
      loadTrustedPolicy(settings({ path: 'nope.yml', explicitPath: true }), CLAIMS),
    );
    expect(err.message).toMatch(
      /No policy file at acme\/site@.*:nope\.yml, and the 'policy' input names it/,
    );
  });

  it('a repository whose id is not the token’s is refused (renamed or replaced)', async () => {
    const err = await failure(loadTrustedPolicy(settings(), { ...CLAIMS, repository_id: '999' }));
    expect(err.message).toMatch(/has id 690133524, but the token's repository_id is 999/);
  });

  it('an invalid policy on the default branch is an error, never "no policy"', async () => {
    github.repo('acme/broken', { id: '8' });
    github.commit('acme/broken', { [FILE]: 'version: 1\nrules: nope\n' });
    const err = await failure(
      loadTrustedPolicy(settings(), { ...CLAIMS, repository: 'acme/broken', repository_id: '8' }),
    );
    expect(err.message).toMatch(
      /Policy file 'acme\/broken@[0-9a-f]{40}:\.github\/jit-policy\.yml' is not valid/,
    );
  });
});

describe('the default branch read ahead of the token (startEarlyRead)', () => {
  const queries = () => github.requests.filter((r) => r.path === '/graphql').length;

  it('is used when the verified claims name the repository it read: no request is made twice', async () => {
    const before = queries();
    const early = startEarlyRead(settings(), { GITHUB_REPOSITORY: 'acme/site' });
    expect(early?.repository).toBe('acme/site');
    const t = await loadTrustedPolicy(settings(), CLAIMS, { early });
    expect(t.origin.commit).toBe(policyCommit);
    expect(t.policy?.rules.map((r) => r.name)).toEqual(['deploy-main']);
    expect(queries() - before).toBe(1);
  });

  it('is dropped when the claims name another repository: that one is read, as without it', async () => {
    const early = startEarlyRead(settings(), { GITHUB_REPOSITORY: 'evil/fork' });
    const t = await loadTrustedPolicy(settings(), CLAIMS, { ...(early ? { early } : {}) });
    expect(t.origin.repository).toBe('acme/site');
    expect(t.policy?.rules.map((r) => r.name)).toEqual(['deploy-main']);
  });

  it('still checks the repository id of the claims against the one it read', async () => {
    const early = startEarlyRead(settings(), { GITHUB_REPOSITORY: 'acme/site' });
    const err = await failure(
      loadTrustedPolicy(
        settings(),
        { ...CLAIMS, repository_id: '999' },
        { ...(early ? { early } : {}) },
      ),
    );
    expect(err.message).toMatch(/has id 690133524, but the token's repository_id is 999/);
  });

  it("a failed read ahead is the read's own failure when used, and unhandled nowhere when dropped", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      github.grant('ghs_no_contents', { contents: 'none' });
      const denied = settings({ githubToken: 'ghs_no_contents' });
      const used = startEarlyRead(denied, { GITHUB_REPOSITORY: 'acme/site' })!;
      const dropped = startEarlyRead(denied, { GITHUB_REPOSITORY: 'acme/bare' })!;
      await Promise.allSettled([used.read, dropped.read]);
      await new Promise(setImmediate);
      const err = await failure(loadTrustedPolicy(denied, CLAIMS, { early: used }));
      expect(err).toBeInstanceOf(ConfigurationError);
      expect(err.message).toMatch(/may not read acme\/site's contents \(GraphQL FORBIDDEN/);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('a read ahead the decision drops is ended: it never waits out its deadline', async () => {
    const long = settings({ timeoutMs: 60_000 });
    const q0 = queries();
    github.faults.next('hang', 1, '/graphql');
    const dropped = startEarlyRead(long, { GITHUB_REPOSITORY: 'acme/bare' })!;
    await vi.waitFor(() => expect(queries()).toBe(q0 + 1), { timeout: 30_000 });
    dropped.cancel();
    await expect(dropped.read).rejects.toThrow();
    await vi.waitFor(
      () => expect(github.requests.findLast((r) => r.path === '/graphql')?.abandoned).toBe(true),
      { timeout: 20_000 },
    );
  });

  it('reads nothing ahead for the other sources, without a token, or without a usable GITHUB_REPOSITORY', () => {
    const env = { GITHUB_REPOSITORY: 'acme/site' };
    expect(startEarlyRead(settings({ mode: 'workflow' }), env)).toBeUndefined();
    expect(startEarlyRead(settings({ mode: 'workspace' }), env)).toBeUndefined();
    expect(startEarlyRead(settings({ githubToken: undefined }), env)).toBeUndefined();
    expect(startEarlyRead(settings(), {})).toBeUndefined();
    expect(startEarlyRead(settings(), { GITHUB_REPOSITORY: '../x' })).toBeUndefined();
  });
});

describe('policy-source: workflow', () => {
  it('reads the policy of the workflow’s own repository at job_workflow_sha, not its branch head', async () => {
    const pinned = github.commit('acme/workflows', { [FILE]: POLICY });
    github.commit('acme/workflows', { [FILE]: ANYTHING });
    const claims = {
      ...CLAIMS,
      job_workflow_ref: 'acme/workflows/.github/workflows/deploy.yml@refs/heads/main',
      job_workflow_sha: pinned,
    };
    const t = await loadTrustedPolicy(settings({ mode: 'workflow' }), claims);
    expect(t.policy?.rules.map((r) => r.name)).toEqual(['deploy-main']);
    expect(t.origin).toMatchObject({
      source: 'workflow',
      repository: 'acme/workflows',
      ref: 'refs/heads/main',
      location: `acme/workflows@${pinned}:${FILE}`,
    });
    // One query, at the pinned commit.
    const last = github.requests.at(-1)!;
    expect(github.readOf('acme/workflows')(last)).toBe(true);
    expect(JSON.parse(last.body).variables).toMatchObject({ oid: pinned, path: FILE });
  });

  it('a job_workflow_sha the repository does not have is an error, never "no policy"', async () => {
    const err = await failure(
      loadTrustedPolicy(settings({ mode: 'workflow' }), {
        ...CLAIMS,
        job_workflow_ref: 'acme/workflows/.github/workflows/deploy.yml@refs/heads/main',
        job_workflow_sha: 'c'.repeat(40),
      }),
    );
    expect(err.message).toMatch(/GitHub has no commit c{40} in acme\/workflows/);
    expect(err.message).toMatch(/never taken as no policy/);
  });

  it('a token that cannot see the workflow’s repository gets told what token to pass', async () => {
    github.grant('ghs_own_repo_only', { repositories: ['acme/site'] });
    const pinned = github.head('acme/workflows');
    const err = await failure(
      loadTrustedPolicy(settings({ mode: 'workflow', githubToken: 'ghs_own_repo_only' }), {
        ...CLAIMS,
        job_workflow_ref: 'acme/workflows/.github/workflows/deploy.yml@refs/heads/main',
        job_workflow_sha: pinned,
      }),
    );
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toMatch(
      /cannot see acme\/workflows .*GitHub App or fine-grained token with contents: read on acme\/workflows/,
    );
    expect(err.message).toMatch(/never taken as no policy/);
  });

  it('without job_workflow_ref / job_workflow_sha claims, says to use default-branch', async () => {
    const err = await failure(
      loadTrustedPolicy(settings({ mode: 'workflow' }), { ...CLAIMS, job_workflow_sha: undefined }),
    );
    expect(err.message).toMatch(
      /needs the verified token's job_workflow_ref and job_workflow_sha.*policy-source: default-branch/,
    );
  });
});

describe('a server whose GraphQL schema lacks Commit.file (an older GitHub Enterprise Server)', () => {
  let legacy: GitHubApi;
  let head: string;
  beforeAll(async () => {
    legacy = await startGitHubApi({ graphqlSchema: 'withoutCommitFile' });
    legacy.repo('acme/site', { id: '690133524' });
    head = legacy.commit('acme/site', { [FILE]: POLICY });
    legacy.repo('acme/bare', { id: '5' });
  });
  afterAll(() => legacy.close());
  const on = (over: Partial<PolicySourceSettings> = {}) =>
    settings({ apiUrl: legacy.url, githubToken: legacy.token, ...over });
  const asked = (before: number) =>
    legacy.requests.slice(before).map((r) => `${r.method} ${r.path}?${r.query}`);

  it('default-branch: the query is refused by the schema, and the three REST reads it replaces are made', async () => {
    const before = legacy.requests.length;
    const t = await loadTrustedPolicy(on(), CLAIMS);
    expect(t.policy?.rules.map((r) => r.name)).toEqual(['deploy-main']);
    expect(t.origin).toMatchObject({ ref: 'refs/heads/main', commit: head });
    expect(asked(before)).toEqual([
      'POST /graphql?',
      'GET /repos/acme/site?',
      'GET /repos/acme/site/git/ref/heads/main?',
      `GET /repos/acme/site/contents/${FILE}?ref=${head}`,
    ]);
  });

  it('workflow: the repository, the pinned commit and the file, through REST', async () => {
    const before = legacy.requests.length;
    const t = await loadTrustedPolicy(on({ mode: 'workflow' }), {
      ...CLAIMS,
      job_workflow_ref: 'acme/site/.github/workflows/ci.yml@refs/heads/main',
      job_workflow_sha: head,
    });
    expect(t.policy?.rules.map((r) => r.name)).toEqual(['deploy-main']);
    expect(asked(before)).toEqual([
      'POST /graphql?',
      'GET /repos/acme/site?',
      `GET /repos/acme/site/git/commits/${head}?`,
      `GET /repos/acme/site/contents/${FILE}?ref=${head}`,
    ]);
  });

  it('no file there is no policy; a token without contents permission still refuses', async () => {
    const t = await loadTrustedPolicy(on(), {
      ...CLAIMS,
      repository: 'acme/bare',
      repository_id: '5',
    });
    expect(t.policy).toBeUndefined();
    legacy.grant('ghs_no_contents', { contents: 'none' });
    const err = await failure(loadTrustedPolicy(on({ githubToken: 'ghs_no_contents' }), CLAIMS));
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toMatch(/may not read acme\/site's contents \(HTTP 403/);
  });
});

describe('policy-source: workspace', () => {
  it('on a push, reads the checkout', async () => {
    checkout(ANYTHING);
    const t = await loadTrustedPolicy(settings({ mode: 'workspace' }), CLAIMS);
    expect(t.policy?.rules.map((r) => r.name)).toEqual(['anything']);
    expect(t.origin).toMatchObject({
      source: 'workspace',
      location: `workspace:${FILE}`,
      commit: undefined,
    });
  });

  it.each(['schedule', 'workflow_dispatch'])('on %s, reads the checkout', async (event) => {
    checkout(ANYTHING);
    const t = await loadTrustedPolicy(settings({ mode: 'workspace' }), {
      ...CLAIMS,
      event_name: event,
    });
    expect(t.policy?.rules.map((r) => r.name)).toEqual(['anything']);
  });

  it.each([
    'pull_request',
    'pull_request_target',
    'issue_comment',
    'workflow_run',
    'merge_group',
    // Not the pull request family, and still steered by outsiders: a ChatOps job on an issue
    // or discussion, a check or status carrying a fork's head, a dispatch payload naming a ref.
    'issues',
    'discussion_comment',
    'check_run',
    'check_suite',
    'status',
    'repository_dispatch',
  ])('on %s, refuses a checkout that differs from the default branch', async (event) => {
    checkout(ANYTHING);
    const err = await failure(
      loadTrustedPolicy(settings({ mode: 'workspace' }), { ...CLAIMS, event_name: event }),
    );
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toMatch(
      new RegExp(`on a ${event} event: the checkout's .* differs from the default branch's`),
    );
  });

  it('on pull_request, refuses a checkout that deleted the file', async () => {
    const err = await failure(
      loadTrustedPolicy(settings({ mode: 'workspace' }), { ...CLAIMS, event_name: 'pull_request' }),
    );
    expect(err.message).toMatch(/checkout's .* is missing the default branch's|is missing/);
  });

  it('on pull_request, accepts a byte-identical checkout and records the default branch as the origin', async () => {
    checkout(POLICY);
    const t = await loadTrustedPolicy(settings({ mode: 'workspace' }), {
      ...CLAIMS,
      event_name: 'pull_request',
    });
    expect(t.policy?.rules.map((r) => r.name)).toEqual(['deploy-main']);
    expect(t.origin).toMatchObject({ source: 'workspace', commit: policyCommit });
  });
});

describe('API failures never mean "no policy"', () => {
  it('403 (no contents permission): says what permission to grant', async () => {
    github.grant('ghs_no_contents', { contents: 'none' });
    const err = await failure(
      loadTrustedPolicy(settings({ githubToken: 'ghs_no_contents' }), CLAIMS),
    );
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toMatch(
      /may not read acme\/site's contents \(GraphQL FORBIDDEN .*"Resource not accessible by integration"/,
    );
    expect(err.message).toMatch(/permissions: \{ id-token: write, contents: read \}/);
    expect(err.message).toMatch(/nothing was asked of the cloud/);
  });

  it('401: says the token was refused', async () => {
    const err = await failure(loadTrustedPolicy(settings({ githubToken: 'ghs_wrong' }), CLAIMS));
    expect(err.message).toMatch(
      /GitHub refused the token in 'github-token' \(HTTP 401.*Bad credentials/,
    );
  });

  it.each([
    ['rate-limit', /rate limit is exhausted until .*GraphQL RATE_LIMIT from/],
    ['rate-limit-429', /rate limit is exhausted until .*HTTP 429/],
  ])('%s: fails at once, says when it resets', async (fault, why) => {
    github.faults.next(fault, 1, '/graphql');
    const before = github.requests.length;
    const err = await failure(loadTrustedPolicy(settings(), CLAIMS, noSleep));
    expect(err.message).toMatch(why);
    expect(err.message).toMatch(/GitHub App token/);
    expect(github.requests.length - before).toBe(1);
  });

  it('RATE_LIMITED, the type older answers give, is the rate limit too', async () => {
    const err = await failure(
      loadTrustedPolicy(settings(), CLAIMS, {
        fetch: async () =>
          Response.json(
            { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded' }] },
            { headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1893456000' } },
          ),
      }),
    );
    expect(err.message).toMatch(
      /rate limit is exhausted until 2030-01-01T00:00:00\.000Z \(GraphQL RATE_LIMITED from/,
    );
    expect(err.message).toMatch(/GitHub App token/);
  });

  it('a repository GraphQL cannot resolve is an error that says what token to grant, never "no policy"', async () => {
    github.faults.next('not-found', 1, '/graphql');
    const err = await failure(loadTrustedPolicy(settings(), CLAIMS));
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toMatch(/cannot see acme\/site \(GraphQL NOT_FOUND/);
    expect(err.message).toMatch(/never taken as no policy/);
  });

  it('a repository without commits has no default branch: an error, never "no policy"', async () => {
    github.repo('acme/empty', { id: '14', empty: true });
    const err = await failure(
      loadTrustedPolicy(settings(), { ...CLAIMS, repository: 'acme/empty', repository_id: '14' }),
    );
    expect(err.message).toMatch(/acme\/empty has no default branch/);
  });

  it('an error GraphQL gives without a type (a field this server lacks) is not "no policy" either', async () => {
    const err = await failure(
      loadTrustedPolicy(settings(), CLAIMS, {
        fetch: async () =>
          Response.json({
            errors: [{ message: "Field 'file' doesn't exist on type 'Commit'" }],
          }),
      }),
    );
    expect(err.message).toMatch(
      /could not answer the policy query \(GraphQL error from .*"Field 'file' doesn't exist on type 'Commit'"/,
    );
    expect(err.message).toMatch(/never taken as no policy/);
  });

  it('5xx is retried; then the policy is read', async () => {
    github.faults.next('status503', 2, '/graphql');
    const before = github.requests.length;
    const t = await loadTrustedPolicy(settings(), CLAIMS, noSleep);
    expect(t.policy).toBeDefined();
    expect(github.requests.length - before).toBe(3);
  });

  it('an API that hangs fails at the deadline, and says which setting bounds it', async () => {
    github.faults.next('hang', 3, '/graphql');
    const err = await failure(loadTrustedPolicy(settings({ timeoutMs: 200 }), CLAIMS, noSleep));
    expect(err.message).toMatch(/took longer than 200 ms/);
    expect(err.message).toMatch(/JIT_CREDENTIALS_HTTP_TIMEOUT_MS/);
  }, 5_000);

  it('an unreachable API: says where it looked', async () => {
    const err = await failure(
      loadTrustedPolicy(settings({ apiUrl: 'http://127.0.0.1:9' }), CLAIMS, noSleep),
    );
    expect(err.message).toMatch(
      /GitHub's API at http:\/\/127\.0\.0\.1:9 could not be reached.*Check GITHUB_API_URL/,
    );
  });
});

describe('readPolicySourceSettings', () => {
  const read = (inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) =>
    readPolicySourceSettings(new Inputs({ input: (n) => inputs[n] ?? '' }), {
      GITHUB_WORKSPACE: '/ws',
      ...env,
    });

  it('defaults: default-branch, .github/jit-policy.yml, not required, api.github.com', () => {
    expect(read({ 'github-token': 'ghs_x' })).toMatchObject({
      mode: 'default-branch',
      path: FILE,
      explicitPath: false,
      required: false,
      githubToken: 'ghs_x',
      apiUrl: 'https://api.github.com',
    });
  });

  it('takes GITHUB_TOKEN from the environment when the input is empty', () =>
    expect(read({}, { GITHUB_TOKEN: 'ghs_env' }).githubToken).toBe('ghs_env'));

  it('normalises the path and trims a trailing slash off the API URL', () => {
    const s = read(
      { 'github-token': 't', policy: './policies//jit.yml' },
      { GITHUB_API_URL: 'https://ghe.example/api/v3/' },
    );
    expect(s.path).toBe('policies/jit.yml');
    expect(s.explicitPath).toBe(true);
    expect(s.apiUrl).toBe('https://ghe.example/api/v3');
  });

  it.each([
    [
      { 'policy-source': 'checkout' },
      {},
      /Invalid policy-source 'checkout'. Expected one of: default-branch, workflow, workspace/,
    ],
    [{ policy: '/etc/passwd' }, {}, /Invalid policy '\/etc\/passwd': .*cannot be absolute/],
    [
      { policy: '../other/jit.yml' },
      {},
      /Invalid policy '\.\.\/other\/jit\.yml': it leaves the repository/,
    ],
    [{ policy: 'a\\b.yml' }, {}, /use forward slashes/],
    [{ 'policy-required': 'yes' }, {}, /Invalid policy-required 'yes'. Expected true or false/],
    [
      {},
      { GITHUB_API_URL: 'http://api.example.com' },
      /GITHUB_API_URL 'http:\/\/api\.example\.com' is not an https URL/,
    ],
  ])('refuses %j %j before any request', (inputs, env, why) =>
    expect(() => read({ 'github-token': 't', ...inputs }, env)).toThrow(why),
  );

  it('refuses an empty token where the API is needed, and says what to do', () => {
    expect(() => read({})).toThrow(
      /Input 'github-token' is empty, but 'policy-source: default-branch' reads the policy through GitHub's API/,
    );
    expect(read({ 'policy-source': 'workspace' }).githubToken).toBeUndefined();
  });
});
