import { isNetworkError, withRetry } from '../providers/retry.js';
import {
  boundedGet,
  boundedPost,
  CancelledError,
  ResponseTooLargeError,
  type FetchLike,
} from './http.js';
import type { HeaderReader } from '../http/node-fetch.js';
import {
  gitBlobSha,
  GitHubApiError,
  isCommitSha,
  resetTime,
  type RepoFile,
} from './github-types.js';
import {
  COMMIT_AND_FILE,
  graphqlError,
  graphqlUrl,
  HEAD_AND_FILE,
  ownerName,
  readCommit,
  readHead,
  type CommitFile,
  type FileAt,
} from './github-graphql.js';

/** Repository metadata and refs are small. */
const MAX_METADATA_BYTES = 256 * 1024;

const isUnsupported = (err: unknown) =>
  err instanceof GitHubApiError && err.failure === 'unsupported';

const fileRead = (file: RepoFile | undefined): FileAt =>
  file ? { kind: 'read', file } : { kind: 'absent' };

export interface GitHubApiOptions {
  /** GITHUB_API_URL, checked (https, or http on loopback), without a trailing slash. */
  readonly apiUrl: string;
  readonly token: string;
  readonly timeoutMs: number;
  readonly attempts?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly fetch?: FetchLike;
  /** Ends every request of this client (a read made on a guess that proved wrong). */
  readonly signal?: AbortSignal;
}

/**
 * The reads the policy needs, through GitHub's API with the job's token. Every failure is a
 * GitHubApiError saying which; nothing here decides what a failure means.
 */
export class GitHubApi {
  constructor(private readonly opts: GitHubApiOptions) {}

  /**
   * The default branch's head and the file at `path` there, in one GraphQL query; on a server
   * whose schema lacks a field the query asks (an older GitHub Enterprise Server), in the three
   * REST reads the query replaces.
   */
  async defaultBranchHead(repo: string, path: string, maxBytes: number): Promise<CommitFile> {
    try {
      const data = await this.graphql(HEAD_AND_FILE, { ...ownerName(repo), path }, maxBytes);
      return readHead(data, repo, path, maxBytes);
    } catch (err) {
      if (!isUnsupported(err)) throw err;
    }
    const { id, defaultBranch } = await this.repository(repo);
    const commit = await this.branchCommit(repo, defaultBranch);
    return {
      id,
      branch: defaultBranch,
      commit,
      file: fileRead(await this.file(repo, path, commit, maxBytes)),
    };
  }

  /** A commit of the repository and the file at `path` there, as defaultBranchHead reads. */
  async commitFile(
    repo: string,
    commit: string,
    path: string,
    maxBytes: number,
  ): Promise<CommitFile> {
    try {
      const variables = { ...ownerName(repo), oid: commit, path };
      const data = await this.graphql(COMMIT_AND_FILE, variables, maxBytes);
      return readCommit(data, repo, commit, path, maxBytes);
    } catch (err) {
      if (!isUnsupported(err)) throw err;
    }
    // A 404 for the file means "no such file" only once the repository and the commit are
    // readable: GitHub answers 404, not 403, for a repository the token may not see.
    const { id } = await this.repository(repo);
    await this.commit(repo, commit);
    return { id, commit, file: fileRead(await this.file(repo, path, commit, maxBytes)) };
  }

  private async repository(repo: string): Promise<{ id: string; defaultBranch: string }> {
    const body = await this.getJson(`/repos/${pathOf(repo)}`, MAX_METADATA_BYTES, 'repository');
    const defaultBranch = body['default_branch'];
    if (typeof defaultBranch !== 'string' || defaultBranch === '')
      throw this.badAnswer(`/repos/${repo}`, 'no default_branch');
    if (!Number.isSafeInteger(body['id'])) throw this.badAnswer(`/repos/${repo}`, 'no id');
    return { id: String(body['id']), defaultBranch };
  }

  /** The commit a branch points at now. */
  private async branchCommit(repo: string, branch: string): Promise<string> {
    const path = `/repos/${pathOf(repo)}/git/ref/heads/${pathOf(branch)}`;
    const body = await this.getJson(path, MAX_METADATA_BYTES, 'branch');
    const sha = (body['object'] as { sha?: unknown } | undefined)?.sha;
    if (typeof sha !== 'string' || !isCommitSha(sha)) throw this.badAnswer(path, 'no commit sha');
    return sha;
  }

  /** Fails unless the commit exists and the token may read the repository's contents. */
  private async commit(repo: string, sha: string): Promise<void> {
    const path = `/repos/${pathOf(repo)}/git/commits/${sha}`;
    const body = await this.getJson(path, MAX_METADATA_BYTES, 'commit');
    if (body['sha'] !== sha) throw this.badAnswer(path, `a commit other than ${sha}`);
  }

  /**
   * A file at a commit through the contents API, or undefined when that commit has no such file (a
   * clean 404): for the bytes GraphQL's text cannot carry, and on a server without the query.
   */
  async file(
    repo: string,
    path: string,
    commit: string,
    maxBytes: number,
  ): Promise<RepoFile | undefined> {
    const url = `/repos/${pathOf(repo)}/contents/${pathOf(path)}?ref=${commit}`;
    let body: Record<string, unknown>;
    try {
      // base64 grows by a third, plus the JSON around it.
      body = await this.getJson(url, Math.ceil(maxBytes * 1.4) + 16 * 1024, 'file');
    } catch (err) {
      if (err instanceof GitHubApiError && err.failure === 'not-found') return undefined;
      throw err;
    }
    if (body['type'] !== 'file')
      throw this.badAnswer(url, `it is a ${String(body['type'] ?? 'directory')}, not a file`);
    if (typeof body['size'] === 'number' && body['size'] > maxBytes) {
      throw new GitHubApiError(
        `${path} is ${body['size']} bytes; a policy file may have at most ${maxBytes}.`,
        'bad-answer',
      );
    }
    if (body['encoding'] !== 'base64' || typeof body['content'] !== 'string')
      throw this.badAnswer(url, `content is not base64 (encoding '${String(body['encoding'])}')`);
    const bytes = Buffer.from(body['content'].replace(/\s+/g, ''), 'base64');
    const blobSha = String(body['sha']);
    if (gitBlobSha(bytes, blobSha.length === 64 ? 'sha256' : 'sha1') !== blobSha)
      throw this.badAnswer(url, `the content does not hash to the blob sha ${blobSha}`);
    return { bytes, blobSha };
  }

  private badAnswer(path: string, why: string): GitHubApiError {
    return new GitHubApiError(
      `GitHub's API answered ${this.opts.apiUrl}${path.split('?')[0]} with something unexpected: ${why}.`,
      'bad-answer',
    );
  }

  private async getJson(
    path: string,
    maxBytes: number,
    what: string,
  ): Promise<Record<string, unknown>> {
    const value = await this.getValue(path, maxBytes, what);
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      throw this.badAnswer(path, 'not a JSON object');
    return value as Record<string, unknown>;
  }

  /** A list answer (review history, team members); each item is still untrusted. */
  async getList(path: string, maxBytes: number, what: string): Promise<unknown[]> {
    const value = await this.getValue(path, maxBytes, what);
    if (!Array.isArray(value)) throw this.badAnswer(path, 'not a JSON list');
    return value;
  }

  /** The `data` of a GraphQL answer; any error in it fails the read, typed as REST's would be. */
  private async graphql(
    query: string,
    variables: Record<string, unknown>,
    fileBytes: number,
  ): Promise<Record<string, unknown>> {
    const url = graphqlUrl(this.opts.apiUrl);
    // The file comes as JSON-escaped text: a control character takes six bytes.
    const cap = fileBytes * 6 + 16 * 1024;
    const answer = await this.retried(() =>
      this.once(url, cap, 'repository', { query, variables }),
    );
    const { data } = (answer ?? {}) as { data?: unknown };
    if (!data || typeof data !== 'object') throw this.badAnswer('/graphql', 'no data');
    return data as Record<string, unknown>;
  }

  private async getValue(path: string, maxBytes: number, what: string): Promise<unknown> {
    const url = `${this.opts.apiUrl}${path}`;
    return this.retried(() => this.once(url, maxBytes, what));
  }

  private retried(request: () => Promise<unknown>): Promise<unknown> {
    return withRetry(request, {
      attempts: this.opts.attempts ?? 3,
      baseDelayMs: 500,
      isRetryable: (err) =>
        err instanceof GitHubApiError
          ? err.failure === 'server' || err.failure === 'unreachable'
          : false,
      ...(this.opts.sleep ? { sleep: this.opts.sleep } : {}),
    });
  }

  private async once(url: string, maxBytes: number, what: string, post?: object): Promise<unknown> {
    let res: Awaited<ReturnType<typeof boundedGet>>;
    try {
      const opts = {
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${this.opts.token}`,
          'x-github-api-version': '2022-11-28',
          'user-agent': 'jit-credentials',
        },
        timeoutMs: this.opts.timeoutMs,
        maxBytes,
        what: `GitHub's ${what} answer`,
        ...(this.opts.fetch ? { fetch: this.opts.fetch } : {}),
        ...(this.opts.signal ? { signal: this.opts.signal } : {}),
      };
      res = await (post ? boundedPost(url, post, opts) : boundedGet(url, opts));
    } catch (err) {
      if (err instanceof CancelledError) throw err;
      if (err instanceof ResponseTooLargeError)
        throw new GitHubApiError(err.message, 'bad-answer', undefined, { cause: err });
      const kind = isNetworkError(err) || err instanceof TypeError ? 'unreachable' : 'bad-answer';
      throw new GitHubApiError(
        `GitHub's API at ${this.opts.apiUrl} could not be reached: ${describe(err)}.`,
        kind,
        undefined,
        { cause: err },
      );
    }
    if (res.status === 200) {
      try {
        const value = JSON.parse(res.body.toString('utf8')) as unknown;
        const errors = post && (value as { errors?: unknown } | null)?.errors;
        if (Array.isArray(errors) && errors.length > 0)
          throw graphqlError(errors, url, res.headers);
        return value;
      } catch (err) {
        if (err instanceof GitHubApiError) throw err;
        throw new GitHubApiError(
          `GitHub's ${what} answer from ${url.split('?')[0]!} is not JSON.`,
          'bad-answer',
          200,
        );
      }
    }
    throw statusError(res.status, res.headers, res.body, url.split('?')[0]!);
  }
}

function statusError(
  status: number,
  headers: HeaderReader,
  body: Buffer,
  url: string,
): GitHubApiError {
  const message = apiMessage(body);
  const said = message ? `: "${message}"` : '';
  const remaining = headers.get('x-ratelimit-remaining');
  if ((status === 403 || status === 429) && (remaining === '0' || headers.has('retry-after'))) {
    return new GitHubApiError(
      `GitHub's API rate limit is exhausted${resetTime(headers)} (HTTP ${status} from ${url}${said}).`,
      'rate-limited',
      status,
    );
  }
  if (status === 404) return new GitHubApiError(`HTTP 404 from ${url}${said}.`, 'not-found', 404);
  if (status === 401)
    return new GitHubApiError(`HTTP 401 from ${url}${said}.`, 'unauthorized', 401);
  if (status === 403) return new GitHubApiError(`HTTP 403 from ${url}${said}.`, 'forbidden', 403);
  if (status >= 500 || status === 429)
    return new GitHubApiError(`HTTP ${status} from ${url}${said}.`, 'server', status);
  return new GitHubApiError(`HTTP ${status} from ${url}${said}.`, 'bad-answer', status);
}

/** GitHub's error bodies say `{"message": ...}`; shown short, as text, never as markup. */
function apiMessage(body: Buffer): string | undefined {
  try {
    const m = (JSON.parse(body.toString('utf8')) as { message?: unknown }).message;
    return typeof m === 'string' ? m.slice(0, 200).replace(/[\r\n]+/g, ' ') : undefined;
  } catch {
    return undefined;
  }
}

function describe(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  const cause = e.cause?.code ?? e.cause?.message;
  return cause ? `${e.message ?? String(err)} (${cause})` : (e.message ?? String(err));
}

/** Each segment percent-encoded, the slashes kept: owner/repo, branch names, file paths. */
function pathOf(text: string): string {
  return text.split('/').map(encodeURIComponent).join('/');
}

/** Each segment percent-encoded, for callers building their own paths. */
export const apiPath = (text: string) => pathOf(text);

export {
  GitHubApiError,
  gitBlobSha,
  isCommitSha,
  type ApiFailure,
  type RepoFile,
} from './github-types.js';
