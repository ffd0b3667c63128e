/**
 * GitHub REST for listing an account's repositories, as the real API answers it:
 *
 *   GET /orgs/{org}/repos?type=all|public|private|forks|sources|member&per_page=&page=
 *   GET /organizations/{id}/repos?...   (where GitHub's own Link headers point)
 *   GET /users/{user}/repos?type=all|owner|member&...
 *   GET /user/{id}/repos?...            (a user's Link headers)
 *
 * Pages of `per_page` (default 30, at most 100) with a `Link` header (`next`, `last`, `first`,
 * `prev`) built the way GitHub builds it (the org's numeric id in the path); minimal-repository
 * objects with every field GitHub sends; `Bearer`/`token` authorisation (no header: public
 * repositories only, a wrong token: 401 "Bad credentials"); rate-limit headers and a 403 when the
 * budget is spent; 404 "Not Found" for an unknown account.
 *
 *   const gh = await startGitHubOrgs({ token: 't', accounts: [{ login: 'octo', repos: 250 }] });
 *   gh.url; gh.server.requests; gh.rateLimit.remaining = 0; await gh.close();
 *
 * A separate emulator from test/emulators/github/ (another branch's REST emulator): this one only
 * lists repositories.
 */
import { startServer, type EmulatorRequest, type Reply, type TestServer } from '../http.ts';

export interface RepoSpec {
  name: string;
  private?: boolean;
  archived?: boolean;
  fork?: boolean;
  disabled?: boolean;
  /** Empty repositories have no default branch content; GitHub still names one. */
  size?: number;
}

export interface AccountSpec {
  login: string;
  type?: 'Organization' | 'User';
  /** Repositories, or a count of generated ones (`repo-001`...). */
  repos: RepoSpec[] | number;
}

export interface GitHubOrgsOptions {
  token: string;
  accounts: AccountSpec[];
  /** Overrides the host put into Link headers (to test that clients refuse other hosts). */
  linkBase?: string;
  /** Makes `next` point at the same page again (a broken server). */
  loopLinks?: boolean;
}

export interface GitHubOrgs {
  url: string;
  server: TestServer;
  rateLimit: { limit: number; remaining: number; reset: number };
  close(): Promise<void>;
}

interface Account {
  login: string;
  id: number;
  type: 'Organization' | 'User';
  repos: RepoSpec[];
}

export async function startGitHubOrgs(options: GitHubOrgsOptions): Promise<GitHubOrgs> {
  const accounts: Account[] = options.accounts.map((a, i) => ({
    login: a.login,
    id: 9_000_000 + i,
    type: a.type ?? 'Organization',
    repos:
      typeof a.repos === 'number'
        ? Array.from({ length: a.repos }, (_, k) => ({
            name: `repo-${String(k + 1).padStart(3, '0')}`,
          }))
        : a.repos,
  }));
  const rateLimit = { limit: 5000, remaining: 5000, reset: 1_900_000_000 };
  let base = '';
  const server = await startServer((req) => handle(req));
  base = options.linkBase ?? server.url;

  function handle(req: EmulatorRequest): Reply | undefined {
    const headers = rateHeaders();
    if (req.method !== 'GET') return undefined;
    const auth = req.headers['authorization'];
    const authed = typeof auth === 'string' && /^(?:Bearer|token) (.+)$/i.exec(auth)?.[1];
    if (auth !== undefined && authed !== options.token)
      return {
        status: 401,
        headers,
        body: {
          message: 'Bad credentials',
          documentation_url: 'https://docs.github.com/rest',
          status: '401',
        },
      };
    if (rateLimit.remaining <= 0)
      return {
        status: 403,
        headers,
        body: {
          message: 'API rate limit exceeded for installation ID 1.',
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
          status: '403',
        },
      };
    rateLimit.remaining--;
    headers['x-ratelimit-remaining'] = String(rateLimit.remaining);
    headers['x-ratelimit-used'] = String(rateLimit.limit - rateLimit.remaining);
    const org = /^\/orgs\/([^/]+)\/repos$/.exec(req.path);
    const byId = /^\/organizations\/(\d+)\/repos$/.exec(req.path);
    const user = /^\/users\/([^/]+)\/repos$/.exec(req.path);
    const userById = /^\/user\/(\d+)\/repos$/.exec(req.path);
    const account = userById
      ? accounts.find((a) => a.type === 'User' && a.id === Number(userById[1]))
      : org
        ? accounts.find(
            (a) => a.type === 'Organization' && a.login.toLowerCase() === org[1]!.toLowerCase(),
          )
        : byId
          ? accounts.find((a) => a.type === 'Organization' && a.id === Number(byId[1]))
          : user
            ? accounts.find((a) => a.login.toLowerCase() === user[1]!.toLowerCase())
            : undefined;
    if (!account)
      return {
        status: 404,
        headers,
        body: {
          message: 'Not Found',
          documentation_url:
            'https://docs.github.com/rest/repos/repos#list-organization-repositories',
          status: '404',
        },
      };
    const type = req.query.get('type') ?? (user || userById ? 'owner' : 'all');
    const visible = account.repos.filter((r) => {
      if (!authed && r.private) return false;
      if (type === 'public') return !r.private;
      if (type === 'private') return r.private === true;
      if (type === 'forks') return r.fork === true;
      if (type === 'sources') return r.fork !== true;
      return true;
    });
    const perPage = Math.min(100, Math.max(1, Number(req.query.get('per_page') ?? 30) || 30));
    const page = Math.max(1, Number(req.query.get('page') ?? 1) || 1);
    const last = Math.max(1, Math.ceil(visible.length / perPage));
    const items = visible
      .slice((page - 1) * perPage, page * perPage)
      .map((r, i) => repoJson(account, r, i));
    const link = linkHeader(account, req, page, last, perPage);
    if (link) headers['link'] = link;
    return { status: 200, headers, body: items };
  }

  function linkHeader(
    account: Account,
    req: EmulatorRequest,
    page: number,
    last: number,
    perPage: number,
  ): string {
    // GitHub points its links at /organizations/{id}/repos (or /user/{id}/repos), not the path asked.
    const path =
      account.type === 'Organization'
        ? `/organizations/${account.id}/repos`
        : `/user/${account.id}/repos`;
    const query = new URLSearchParams(req.query);
    query.set('per_page', String(perPage));
    const at = (p: number) => {
      query.set('page', String(p));
      return `<${base}${path}?${query.toString()}>`;
    };
    const parts: string[] = [];
    if (page < last)
      parts.push(
        `${at(options.loopLinks ? page : page + 1)}; rel="next"`,
        `${at(last)}; rel="last"`,
      );
    if (page > 1) parts.push(`${at(page - 1)}; rel="prev"`, `${at(1)}; rel="first"`);
    return parts.join(', ');
  }

  function rateHeaders(): Record<string, string> {
    return {
      'x-github-api-version-selected': '2022-11-28',
      'x-ratelimit-limit': String(rateLimit.limit),
      'x-ratelimit-remaining': String(rateLimit.remaining),
      'x-ratelimit-reset': String(rateLimit.reset),
      'x-ratelimit-used': String(rateLimit.limit - rateLimit.remaining),
      'x-ratelimit-resource': 'core',
    };
  }

  return { url: server.url, server, rateLimit, close: () => server.close() };

  function repoJson(account: Account, r: RepoSpec, i: number): Record<string, unknown> {
    const full = `${account.login}/${r.name}`;
    const api = `${base}/repos/${full}`;
    const owner = {
      login: account.login,
      id: account.id,
      node_id: `O_kgDO${account.id}`,
      avatar_url: `https://avatars.githubusercontent.com/u/${account.id}?v=4`,
      gravatar_id: '',
      url: `${base}/users/${account.login}`,
      html_url: `https://github.com/${account.login}`,
      repos_url: `${base}/users/${account.login}/repos`,
      type: account.type,
      user_view_type: 'public',
      site_admin: false,
    };
    return {
      id: 700_000 + i,
      node_id: `R_kgDO${700_000 + i}`,
      name: r.name,
      full_name: full,
      private: r.private === true,
      owner,
      html_url: `https://github.com/${full}`,
      description: null,
      fork: r.fork === true,
      url: api,
      archive_url: `${api}/{archive_format}{/ref}`,
      contents_url: `${api}/contents/{+path}`,
      git_url: `git://github.com/${full}.git`,
      ssh_url: `git@github.com:${full}.git`,
      clone_url: `https://github.com/${full}.git`,
      homepage: null,
      size: r.size ?? 120,
      stargazers_count: 0,
      watchers_count: 0,
      language: 'TypeScript',
      has_issues: true,
      has_projects: true,
      has_downloads: true,
      has_wiki: false,
      has_pages: false,
      has_discussions: false,
      forks_count: 0,
      mirror_url: null,
      archived: r.archived === true,
      disabled: r.disabled === true,
      open_issues_count: 0,
      license: null,
      allow_forking: true,
      is_template: false,
      web_commit_signoff_required: false,
      topics: [],
      visibility: r.private ? 'private' : 'public',
      forks: 0,
      open_issues: 0,
      watchers: 0,
      default_branch: 'main',
      permissions: { admin: false, maintain: false, push: false, triage: false, pull: true },
      created_at: '2024-01-02T03:04:05Z',
      updated_at: '2025-01-02T03:04:05Z',
      pushed_at: '2025-01-02T03:04:05Z',
    };
  }
}
