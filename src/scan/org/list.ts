import { ConfigurationError } from '../../errors.js';

/**
 * Lists an organisation's repositories through the REST API (`GET /orgs/{org}/repos`, or
 * `/users/{user}/repos` for a personal account), following `Link: rel="next"` pages. The token
 * only ever goes to the API's own origin; every page is bounded in size and number.
 */
export interface ListOptions {
  owner: string;
  /** GITHUB_API_URL: https://api.github.com, or a GHES `https://HOST/api/v3`. */
  apiUrl: string;
  token?: string;
  includeArchived?: boolean;
  includeForks?: boolean;
  maxPages?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface Repository {
  fullName: string;
  defaultBranch: string;
  private: boolean;
  archived: boolean;
  fork: boolean;
}

export interface Listing {
  repositories: Repository[];
  skipped: { archived: number; forks: number; disabled: number; empty: number };
  pages: number;
}

const MAX_PAGE_BYTES = 16 * 1024 * 1024;
const NAME = /^[\w.-]{1,100}\/[\w.-]{1,100}$/;

export function checkOwner(owner: string): void {
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(owner))
    throw new ConfigurationError(
      `Invalid organisation '${owner}'. Expected a GitHub organisation or user name, such as octo-org.`,
    );
}

export function checkApiUrl(apiUrl: string): URL {
  const url = URL.parse(apiUrl);
  const loopback = url && /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(url.hostname);
  if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback)))
    throw new ConfigurationError(
      `Invalid GITHUB_API_URL '${apiUrl}'. Expected https://api.github.com or your GitHub Enterprise Server's https://HOST/api/v3 (plain http only on loopback).`,
    );
  return url;
}

export async function listRepositories(opts: ListOptions): Promise<Listing> {
  checkOwner(opts.owner);
  const base = checkApiUrl(opts.apiUrl);
  const root = base.href.replace(/\/+$/, '');
  const doFetch = opts.fetch ?? fetch;
  const maxPages = opts.maxPages ?? 100;
  const out: Listing = {
    repositories: [],
    skipped: { archived: 0, forks: 0, disabled: 0, empty: 0 },
    pages: 0,
  };
  let next: string | undefined = `${root}/orgs/${opts.owner}/repos?per_page=100&type=all`;
  let triedUser = false;
  const visited = new Set<string>();
  while (next) {
    if (visited.has(next)) throw new Error(`The API sent the same page twice (${next}); stopped.`);
    visited.add(next);
    if (out.pages >= maxPages)
      throw new ConfigurationError(
        `${opts.owner} has more than ${maxPages * 100} repositories (${maxPages} pages); raise --max-pages.`,
      );
    const res = await get(doFetch, next, opts.token, opts.timeoutMs ?? 30_000);
    if (res.status === 404 && out.pages === 0 && !triedUser) {
      // A personal account has no /orgs endpoint.
      triedUser = true;
      next = `${root}/users/${opts.owner}/repos?per_page=100&type=owner`;
      continue;
    }
    if (res.status !== 200) throw new Error(failure(res, opts.owner));
    out.pages++;
    const page = parsePage(res.body, next);
    for (const r of page) {
      if (r.archived && !opts.includeArchived) out.skipped.archived++;
      else if (r.fork && !opts.includeForks) out.skipped.forks++;
      else if (r.disabled) out.skipped.disabled++;
      else if (!r.defaultBranch) out.skipped.empty++;
      else out.repositories.push(r);
    }
    next = nextLink(res.link, base);
  }
  out.repositories.sort((a, b) => (a.fullName < b.fullName ? -1 : a.fullName > b.fullName ? 1 : 0));
  return out;
}

interface Page {
  status: number;
  body: string;
  link: string | null;
  headers: Headers;
}

async function get(
  doFetch: typeof fetch,
  url: string,
  token: string | undefined,
  timeoutMs: number,
): Promise<Page> {
  const res = await doFetch(url, {
    headers: {
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'user-agent': 'jit-credentials',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    redirect: 'error',
    signal: AbortSignal.timeout(timeoutMs),
  });
  const length = Number(res.headers.get('content-length') ?? 0);
  if (length > MAX_PAGE_BYTES) throw new Error(`A page of ${url} is ${length} bytes; refused.`);
  const body = await res.text();
  if (body.length > MAX_PAGE_BYTES)
    throw new Error(`A page of ${url} is over ${MAX_PAGE_BYTES} bytes; refused.`);
  return { status: res.status, body, link: res.headers.get('link'), headers: res.headers };
}

function failure(res: Page, owner: string): string {
  let message = '';
  try {
    const parsed = JSON.parse(res.body) as { message?: unknown };
    if (typeof parsed.message === 'string') message = parsed.message.slice(0, 300);
  } catch {
    // not JSON: the status says enough
  }
  const reset = res.headers.get('x-ratelimit-reset');
  if (
    (res.status === 403 || res.status === 429) &&
    res.headers.get('x-ratelimit-remaining') === '0'
  )
    return `GitHub's API rate limit is used up${reset ? ` until ${new Date(Number(reset) * 1000).toISOString()}` : ''}; try again then, or use a GitHub App token.`;
  if (res.status === 401)
    return `The API refused the token (401 ${message}): give a token that can read ${owner}'s repositories (a GitHub App installation token with Metadata: read and Contents: read).`;
  if (res.status === 403)
    return `The API refused to list ${owner}'s repositories (403 ${message}); the token needs Metadata: read (and SSO authorisation for the organisation).`;
  if (res.status === 404) return `No organisation or user '${owner}' (404 ${message}).`;
  return `Listing ${owner}'s repositories failed: HTTP ${res.status} ${message}`;
}

interface RawRepo extends Repository {
  disabled: boolean;
}

function parsePage(body: string, url: string): RawRepo[] {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    throw new Error(`The API's answer for ${url} is not JSON.`);
  }
  if (!Array.isArray(raw))
    throw new Error(`The API's answer for ${url} is not a list of repositories.`);
  const out: RawRepo[] = [];
  for (const r of raw as Array<Record<string, unknown>>) {
    if (typeof r !== 'object' || r === null) continue;
    const fullName = r['full_name'];
    // Names end up in a job matrix and a checkout: anything but owner/name is dropped.
    if (typeof fullName !== 'string' || !NAME.test(fullName)) continue;
    out.push({
      fullName,
      defaultBranch: typeof r['default_branch'] === 'string' ? r['default_branch'] : '',
      private: r['private'] === true,
      archived: r['archived'] === true,
      fork: r['fork'] === true,
      disabled: r['disabled'] === true,
    });
  }
  return out;
}

/** `Link: <https://api.github.com/...&page=2>; rel="next", <...>; rel="last"` → the next URL, same origin only. */
export function nextLink(header: string | null, base: URL): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (!m) continue;
    const url = URL.parse(m[1]!.trim());
    // The token goes with the request: never to another host.
    if (!url || url.origin !== base.origin)
      throw new Error(`The API's next page is on another host (${m[1]}); stopped.`);
    return url.href;
  }
  return undefined;
}

/** Groups names so a matrix stays under GitHub's 256 jobs: one string of names per job. */
export function matrixOf(names: string[], perJob?: number): string[] {
  const n = perJob ?? Math.max(1, Math.ceil(names.length / 256));
  const out: string[] = [];
  for (let i = 0; i < names.length; i += n) out.push(names.slice(i, i + n).join(' '));
  return out;
}
