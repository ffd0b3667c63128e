/**
 * The part of GitHub's API the policy source reads, on loopback, with GitHub's shapes and
 * failures: repository metadata, branch refs, commits, file contents (base64, git blob sha), 401 for a
 * bad token, 403 for a token without `contents` permission, the rate limit (403 or 429 with
 * `x-ratelimit-remaining: 0`), and the generic faults of ../http.ts (`hang`, `status503`, ...).
 * POST /graphql answers the same repositories through GitHub's GraphQL types (./graphql.ts), where
 * `forbidden`, `not-found` and `rate-limit` faults are typed errors in a 200, as GitHub sends them.
 *
 *   const github = await startGitHubApi();
 *   github.url; github.token;        // GITHUB_API_URL, and the job token it accepts
 *   github.env;                      // { GITHUB_API_URL, GITHUB_TOKEN } for a job's `env`: the step
 *                                    //   environment overrides the runner's https://api.github.com
 *   github.repo('acme/site', { id: '690133524', defaultBranch: 'main' });
 *   const sha = github.commit('acme/site', { '.github/jit-policy.yml': POLICY }); // new head of main
 *   github.commit('acme/site', { '.github/jit-policy.yml': null });              // deleted
 *   github.commit('acme/workflows', { ... }, { branch: 'release' });
 *   github.grant(token, { repositories: ['acme/site'], contents: 'none' });     // another token
 *   github.faults.next('forbidden', 1, /contents/);   // 403 "Resource not accessible by integration"
 *   github.faults.next('rate-limit');                  // 403, x-ratelimit-remaining: 0
 *   github.faults.next('rate-limit-429');              // 429, x-ratelimit-remaining: 0
 *   github.faults.next('hang');                        // never answers (see http.ts)
 *   github.approvals('acme/site', '42', [                // a run's deployment review history
 *     { login: 'alice', state: 'approved', comment: 'Ship it', environments: ['production'] },
 *   ]);
 *   github.team('acme/release', ['alice', 'bob']);     // GET /orgs/acme/teams/release/members
 *   github.grant(t, { members: 'read' });              // a token that may read team members
 *   github.requests;                                   // every request, with its Authorization
 *   github.requests.filter(github.readOf('acme/site')); // those reading one repository (REST or GraphQL)
 *   await github.close();
 *
 * Tokens: `github.token` can read every repository the emulator holds (as a job token can read
 * its own repository, and everyone can read public ones). `grant()` registers others, limited to
 * some repositories (404 elsewhere, unless the repository is public) or without `contents`
 * permission (metadata readable, refs and contents 403), as GitHub answers an installation token.
 * A token without `actions` read gets 403 for a run's approvals; team members need `members`
 * read, which the job's own token (`github.token`) lacks, as on GitHub.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import {
  startServer,
  type EmulatorRequest,
  type Faults,
  type LoggedRequest,
  type Reply,
} from '../http.ts';
import { executeGraphql } from './graphql.ts';

export interface RepoOptions {
  id?: string;
  defaultBranch?: string;
  visibility?: 'public' | 'private' | 'internal';
  /** No commit at all, so no default branch yet (a repository just created). */
  empty?: boolean;
}

interface Repo {
  fullName: string;
  id: string;
  defaultBranch: string;
  visibility: 'public' | 'private' | 'internal';
  branches: Map<string, string>;
  commits: Map<string, Map<string, Buffer>>;
}

interface TokenGrant {
  repositories: string[] | 'all';
  contents: 'read' | 'none';
  actions: 'read' | 'none';
  members: 'read' | 'none';
}

export interface ReviewEntry {
  login: string;
  state: 'approved' | 'rejected' | 'pending' | string;
  comment?: string;
  environments: string[];
}

export interface GitHubApi {
  url: string;
  token: string;
  /** Job-level environment: the API URL and the job's token. */
  env: { GITHUB_API_URL: string; GITHUB_TOKEN: string };
  repo(fullName: string, options?: RepoOptions): void;
  /** A new commit on `branch` (default: the default branch) with files changed (`null` deletes); returns its sha. */
  commit(
    fullName: string,
    files: Record<string, string | Buffer | null>,
    options?: { branch?: string },
  ): string;
  /** The sha a branch points at. */
  head(fullName: string, branch?: string): string;
  grant(token: string, grant: Partial<TokenGrant>): void;
  /** Sets the review history of a run (replacing any); `raw` entries are served as given. */
  approvals(fullName: string, runId: string, reviews: Array<ReviewEntry | unknown>): void;
  team(orgSlash: string, members: string[]): void;
  /**
   * Whether a request reads `fullName`: a REST path under /repos/OWNER/NAME, or a GraphQL query
   * whose variables name it. For `requests.filter(...)` and `faults.next(kind, n, ...)`.
   */
  readOf(fullName: string): (req: LoggedRequest) => boolean;
  requests: LoggedRequest[];
  faults: Faults;
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';
const RATE_LIMIT = 5000;

export async function startGitHubApi(
  options: {
    clock?: Clock;
    /** An older GitHub Enterprise Server, whose GraphQL schema has no `Commit.file`. */
    graphqlSchema?: 'current' | 'withoutCommitFile';
  } = {},
): Promise<GitHubApi> {
  const repos = new Map<string, Repo>();
  const token = `ghs_${randomBytes(18).toString('base64url')}`;
  const tokens = new Map<string, TokenGrant>([
    [token, { repositories: 'all', contents: 'read', actions: 'read', members: 'none' }],
  ]);
  const histories = new Map<string, unknown[]>();
  const teams = new Map<string, string[]>();
  const envIds = new Map<string, number>();
  const envOf = (name: string) => {
    if (!envIds.has(name)) envIds.set(name, 161088068 + envIds.size);
    const id = envIds.get(name)!;
    return {
      id,
      node_id: `EN_${id}`,
      name,
      url: `${server.url}/environments/${id}`,
      html_url: `https://github.com/environments/${id}`,
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
    };
  };
  let remaining = RATE_LIMIT;
  const now = () => (options.clock ? options.clock.nowMs() : Date.now());
  const resetAt = () => String(Math.floor(now() / 1000) + 3600);

  const find = (owner: string, name: string) => repos.get(`${owner}/${name}`.toLowerCase());
  const error = (status: number, message: string, headers: Record<string, string> = {}): Reply => ({
    status,
    headers: { ...rateHeaders(), ...headers },
    body: { message, documentation_url: DOCS, status: String(status) },
  });
  const rateHeaders = (): Record<string, string> => ({
    'x-ratelimit-limit': String(RATE_LIMIT),
    'x-ratelimit-remaining': String(Math.max(0, remaining)),
    'x-ratelimit-reset': resetAt(),
    'x-ratelimit-resource': 'core',
  });
  const ok = (body: unknown): Reply => ({
    status: 200,
    headers: rateHeaders(),
    body: body as object,
  });

  /** GraphQL answers a refusal with 200 and a typed error; the primary rate limit too. */
  const graphFault = (kind: string): Reply | undefined => {
    const typed = (type: string, message: string, headers: Record<string, string> = {}) => ({
      ...ok({ data: { repository: null }, errors: [{ type, path: ['repository'], message }] }),
      headers: { ...rateHeaders(), ...headers },
    });
    switch (kind) {
      case 'forbidden':
        return typed('FORBIDDEN', 'Resource not accessible by integration');
      case 'not-found':
        return typed('NOT_FOUND', "Could not resolve to a Repository with the name 'x/y'.");
      case 'rate-limit':
        // As GitHub sends it now (githubkit#271): type RATE_LIMIT, a code, and no data.
        return {
          ...ok({
            errors: [
              {
                type: 'RATE_LIMIT',
                code: 'graphql_rate_limit',
                message: 'API rate limit already exceeded for installation ID 1234.',
              },
            ],
          }),
          headers: {
            ...rateHeaders(),
            'x-ratelimit-remaining': '0',
            'x-ratelimit-resource': 'graphql',
          },
        };
      default:
        return undefined;
    }
  };

  const faultReply = (kind: string, req: EmulatorRequest): Reply | undefined => {
    if (req.path === '/graphql' && kind !== 'rate-limit-429') return graphFault(kind);
    switch (kind) {
      case 'forbidden':
        return error(403, 'Resource not accessible by integration');
      case 'rate-limit':
        return {
          ...error(403, 'API rate limit exceeded for installation ID 1234.'),
          headers: { ...rateHeaders(), 'x-ratelimit-remaining': '0' },
        };
      case 'rate-limit-429':
        return {
          ...error(429, 'API rate limit exceeded for installation ID 1234.'),
          headers: { ...rateHeaders(), 'x-ratelimit-remaining': '0', 'retry-after': '60' },
        };
      case 'not-found':
        return error(404, 'Not Found');
      default:
        return undefined;
    }
  };

  const handler = (req: EmulatorRequest): Reply | undefined => {
    const graph = req.path === '/graphql';
    if (req.method !== (graph ? 'POST' : 'GET')) return error(404, 'Not Found');
    const auth = String(req.headers['authorization'] ?? '');
    const bearer = /^(?:Bearer|token) (.+)$/.exec(auth)?.[1];
    const grant = bearer === undefined ? undefined : tokens.get(bearer);
    if (!grant) return error(401, 'Bad credentials');
    remaining--;
    if (graph) return graphReply(grant, req);
    const org = /^\/orgs\/([^/]+)\/teams\/([^/]+)\/members$/.exec(req.path);
    if (org) return teamReply(grant, `${org[1]}/${org[2]}`.toLowerCase(), req.query);
    const m = /^\/repos\/([^/]+)\/([^/]+)(?:\/(.*))?$/.exec(req.path);
    if (!m) return error(404, 'Not Found');
    const [, owner, name, rest] = m.map((p) => (p === undefined ? p : decodeURIComponent(p))) as [
      string,
      string,
      string,
      string | undefined,
    ];
    const repo = find(owner, name);
    if (!visibleTo(grant, repo)) return error(404, 'Not Found');
    if (rest === undefined) {
      return ok({
        id: Number(repo.id),
        node_id: `R_${repo.id}`,
        name: repo.fullName.split('/')[1],
        full_name: repo.fullName,
        private: repo.visibility !== 'public',
        visibility: repo.visibility,
        default_branch: repo.defaultBranch,
      });
    }
    const run = /^actions\/runs\/([0-9]+)\/approvals$/.exec(rest);
    if (run) {
      if (grant.actions === 'none' && repo.visibility !== 'public')
        return error(403, 'Resource not accessible by integration');
      return ok(histories.get(`${repo.fullName.toLowerCase()}#${run[1]}`) ?? []);
    }
    if (grant.contents === 'none' && repo.visibility !== 'public')
      return error(403, 'Resource not accessible by integration');
    const ref = /^git\/ref\/heads\/(.+)$/.exec(rest);
    if (ref) {
      const sha = repo.branches.get(ref[1]!);
      if (!sha) return error(404, 'Not Found');
      return ok({
        ref: `refs/heads/${ref[1]}`,
        node_id: 'REF_x',
        url: `${server.url}/repos/${repo.fullName}/git/refs/heads/${ref[1]}`,
        object: {
          sha,
          type: 'commit',
          url: `${server.url}/repos/${repo.fullName}/git/commits/${sha}`,
        },
      });
    }
    const commit = /^git\/commits\/([0-9a-f]+)$/.exec(rest);
    if (commit) {
      if (!repo.commits.has(commit[1]!)) return error(404, 'Not Found');
      return ok({ sha: commit[1], node_id: 'C_x', tree: { sha: randomSha() }, parents: [] });
    }
    const contents = /^contents\/(.+)$/.exec(rest);
    if (contents) return fileReply(repo, contents[1]!, req.query.get('ref') ?? repo.defaultBranch);
    return error(404, 'Not Found');
  };

  const visibleTo = (grant: TokenGrant, repo: Repo | undefined): repo is Repo =>
    repo !== undefined &&
    (repo.visibility === 'public' ||
      grant.repositories === 'all' ||
      grant.repositories.some((r) => r.toLowerCase() === repo.fullName.toLowerCase()));

  const graphReply = (grant: TokenGrant, req: EmulatorRequest): Reply => {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(req.rawBody.toString('utf8')) as Record<string, unknown>;
    } catch {
      return error(400, 'Problems parsing JSON');
    }
    return ok(
      executeGraphql(
        body,
        {
          find: (owner, name) => {
            const repo = find(owner, name);
            return visibleTo(grant, repo) ? repo : undefined;
          },
          contents: (repo) => grant.contents === 'read' || (repo as Repo).visibility === 'public',
          blobSha,
        },
        options.graphqlSchema,
      ),
    );
  };

  const teamReply = (grant: TokenGrant, key: string, query: URLSearchParams): Reply => {
    if (grant.members === 'none') return error(403, 'Resource not accessible by integration');
    const members = teams.get(key);
    if (!members) return error(404, 'Not Found');
    const perPage = Math.min(100, Number(query.get('per_page') ?? 30) || 30);
    const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
    return ok(
      members
        .slice((page - 1) * perPage, page * perPage)
        .map((login, i) => ({ login, id: 1000 + i, type: 'User', site_admin: false })),
    );
  };

  const fileReply = (repo: Repo, path: string, ref: string): Reply => {
    const sha = repo.branches.get(ref) ?? (repo.commits.has(ref) ? ref : undefined);
    if (!sha) return error(404, `No commit found for the ref ${ref}`);
    const files = repo.commits.get(sha)!;
    const bytes = files.get(path);
    if (!bytes) {
      const inside = [...files.keys()].filter((f) => f.startsWith(`${path}/`));
      if (inside.length === 0) return error(404, 'Not Found');
      return ok(inside.map((f) => ({ type: 'file', name: f.slice(path.length + 1), path: f })));
    }
    const base64 = bytes.toString('base64').replace(/.{60}/g, '$&\n');
    return ok({
      type: 'file',
      encoding: 'base64',
      size: bytes.length,
      name: path.split('/').pop(),
      path,
      content: base64,
      sha: blobSha(bytes),
      url: `${server.url}/repos/${repo.fullName}/contents/${path}?ref=${ref}`,
    });
  };

  const server = await startServer(handler, {
    ...(options.clock ? { clock: options.clock } : {}),
    faultReply: (kind, req) => faultReply(String(kind), req),
  });

  const api: GitHubApi = {
    url: server.url,
    token,
    env: { GITHUB_API_URL: server.url, GITHUB_TOKEN: token },
    repo(fullName, opts = {}) {
      const defaultBranch = opts.defaultBranch ?? 'main';
      const root = randomSha();
      repos.set(fullName.toLowerCase(), {
        fullName,
        id: opts.id ?? String(100000 + repos.size),
        defaultBranch,
        visibility: opts.visibility ?? 'private',
        branches: new Map(opts.empty ? [] : [[defaultBranch, root]]),
        commits: new Map(opts.empty ? [] : [[root, new Map()]]),
      });
    },
    commit(fullName, files, opts = {}) {
      const repo = repos.get(fullName.toLowerCase());
      if (!repo) throw new Error(`github emulator: no repository ${fullName}; call repo() first`);
      const branch = opts.branch ?? repo.defaultBranch;
      const parent = repo.branches.get(branch) ?? repo.branches.get(repo.defaultBranch)!;
      const tree = new Map(repo.commits.get(parent)!);
      for (const [path, content] of Object.entries(files)) {
        if (content === null) tree.delete(path);
        else tree.set(path, Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'));
      }
      const sha = randomSha();
      repo.commits.set(sha, tree);
      repo.branches.set(branch, sha);
      return sha;
    },
    head(fullName, branch) {
      const repo = repos.get(fullName.toLowerCase());
      if (!repo) throw new Error(`github emulator: no repository ${fullName}`);
      return repo.branches.get(branch ?? repo.defaultBranch)!;
    },
    grant(other, g) {
      tokens.set(other, {
        repositories: g.repositories ?? 'all',
        contents: g.contents ?? 'read',
        actions: g.actions ?? 'read',
        members: g.members ?? 'none',
      });
    },
    approvals(fullName, runId, reviews) {
      histories.set(
        `${fullName.toLowerCase()}#${runId}`,
        reviews.map((r) => {
          const e = r as Partial<ReviewEntry>;
          if (typeof e.login !== 'string' || !Array.isArray(e.environments)) return r;
          return {
            url: `${server.url}/repos/${fullName}/actions/runs/${runId}/approvals`,
            environments: e.environments.map(envOf),
            state: e.state,
            comment: e.comment ?? '',
            user: { login: e.login, id: 5000, type: 'User', site_admin: false },
          };
        }),
      );
    },
    team(orgSlash, members) {
      teams.set(orgSlash.toLowerCase(), [...members]);
    },
    readOf: (fullName) => (req) => {
      const want = fullName.toLowerCase();
      if (req.path !== '/graphql')
        return (
          req.path.toLowerCase() === `/repos/${want}` ||
          req.path.toLowerCase().startsWith(`/repos/${want}/`)
        );
      try {
        const v = (JSON.parse(req.body) as { variables?: { owner?: string; name?: string } })
          .variables;
        return `${v?.owner}/${v?.name}`.toLowerCase() === want;
      } catch {
        return false;
      }
    },
    requests: server.requests,
    faults: server.faults,
    close: () => server.close(),
  };
  return api;
}

function randomSha(): string {
  return randomBytes(20).toString('hex');
}

/** Git's blob id, as GitHub reports it in `sha`. */
export function blobSha(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
