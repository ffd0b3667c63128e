/**
 * The policy's two GraphQL queries and how their answers are checked. One query answers what took
 * three REST reads (the repository, a commit, the file there): one connection instead of three,
 * and no moment between reading the commit and reading the file. Every field is untrusted until
 * checked; the file's bytes count only when they hash to the blob id GitHub gave.
 */
import type { HeaderReader } from '../http/node-fetch.js';
import {
  gitBlobSha,
  GitHubApiError,
  isCommitSha,
  resetTime,
  type RepoFile,
} from './github-types.js';

const FILE_FIELDS = `file(path: $path) { mode object { ... on Blob { oid byteSize isTruncated text } } }`;

/** The repository's id, its default branch, that branch's head and the file there. */
export const HEAD_AND_FILE = `query($owner: String!, $name: String!, $path: String!) {
  repository(owner: $owner, name: $name) {
    databaseId
    defaultBranchRef { name target { oid ... on Commit { ${FILE_FIELDS} } } }
  }
}`;

/** The repository's id, one of its commits, and the file there. */
export const COMMIT_AND_FILE = `query($owner: String!, $name: String!, $oid: GitObjectID!, $path: String!) {
  repository(owner: $owner, name: $name) {
    databaseId
    object(oid: $oid) { ... on Commit { oid ${FILE_FIELDS} } }
  }
}`;

/** Where the file stands at the commit. */
export type FileAt =
  | { readonly kind: 'absent' }
  | { readonly kind: 'read'; readonly file: RepoFile }
  /** GraphQL's text cannot carry these bytes (not UTF-8, a symlink): ask the contents API. */
  | { readonly kind: 'rest' };

export interface CommitFile {
  /** The repository's databaseId, as the token's repository_id claim gives it. */
  readonly id: string;
  /** The default branch's name (HEAD_AND_FILE only). */
  readonly branch?: string;
  readonly commit: string;
  readonly file: FileAt;
}

const REGULAR_MODES = new Set([0o100644, 0o100755]);
const SYMLINK_MODE = 0o120000;

/** GraphQL beside REST: https://api.github.com/graphql, or /api/graphql on GHES (/api/v3). */
export function graphqlUrl(apiUrl: string): string {
  return apiUrl.endsWith('/api/v3')
    ? `${apiUrl.slice(0, -'v3'.length)}graphql`
    : `${apiUrl}/graphql`;
}

export function ownerName(repo: string): { owner: string; name: string } {
  const [owner = '', name = ''] = repo.split('/');
  return { owner, name };
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;

function bad(repo: string, why: string): GitHubApiError {
  return new GitHubApiError(
    `GitHub's GraphQL API answered with something unexpected for ${repo}: ${why}.`,
    'bad-answer',
  );
}

function repositoryId(data: Obj, repo: string): { r: Obj; id: string } {
  const r = obj(data['repository']);
  if (!r) throw bad(repo, 'no repository');
  if (!Number.isSafeInteger(r['databaseId'])) throw bad(repo, 'no databaseId');
  return { r, id: String(r['databaseId']) };
}

export function readHead(data: Obj, repo: string, path: string, maxBytes: number): CommitFile {
  const { r, id } = repositoryId(data, repo);
  if (r['defaultBranchRef'] === null)
    throw new GitHubApiError(
      `GitHub says ${repo} has no default branch: it has no commits yet.`,
      'bad-answer',
    );
  const ref = obj(r['defaultBranchRef']);
  const target = obj(ref?.['target']);
  const branch = ref?.['name'];
  const oid = target?.['oid'];
  if (typeof branch !== 'string' || branch === '') throw bad(repo, 'no default branch name');
  if (typeof oid !== 'string' || !isCommitSha(oid) || !target || !('file' in target))
    throw bad(repo, 'no commit at the default branch');
  return { id, branch, commit: oid, file: fileAt(target['file'], repo, path, maxBytes) };
}

export function readCommit(
  data: Obj,
  repo: string,
  commit: string,
  path: string,
  maxBytes: number,
): CommitFile {
  const { r, id } = repositoryId(data, repo);
  const object = obj(r['object']);
  if (!object)
    throw new GitHubApiError(`GitHub has no commit ${commit} in ${repo}.`, 'not-found', 404);
  if (object['oid'] !== commit || !('file' in object))
    throw bad(repo, `a commit other than ${commit}`);
  return { id, commit, file: fileAt(object['file'], repo, path, maxBytes) };
}

function fileAt(entry: unknown, repo: string, path: string, maxBytes: number): FileAt {
  if (entry === null) return { kind: 'absent' };
  const { mode, object } = obj(entry) ?? {};
  if (mode === SYMLINK_MODE) return { kind: 'rest' };
  if (typeof mode !== 'number' || !REGULAR_MODES.has(mode))
    throw bad(
      repo,
      `${path} is not a file (git mode ${typeof mode === 'number' ? mode.toString(8) : '?'})`,
    );
  const { oid, byteSize, isTruncated, text } = obj(object) ?? {};
  if (typeof oid !== 'string' || typeof byteSize !== 'number')
    throw bad(repo, `no blob at ${path}`);
  if (byteSize > maxBytes) {
    throw new GitHubApiError(
      `${path} is ${byteSize} bytes; a policy file may have at most ${maxBytes}.`,
      'bad-answer',
    );
  }
  if (typeof text !== 'string' || isTruncated !== false) return { kind: 'rest' };
  const bytes = Buffer.from(text, 'utf8');
  // GitHub replaces bytes that are not UTF-8: then the text is not the file, and REST is asked.
  if (gitBlobSha(bytes, oid.length === 64 ? 'sha256' : 'sha1') !== oid) return { kind: 'rest' };
  return { kind: 'read', file: { bytes, blobSha: oid } };
}

/**
 * GraphQL's refusals come in a 200, typed: NOT_FOUND for a repository the token cannot see,
 * FORBIDDEN for one whose contents it may not read, RATE_LIMIT for the primary rate limit
 * (RATE_LIMITED in GitHub's older answers and docs). Anything else (a field this
 * server's schema lacks, say) is an answer the policy cannot be read from.
 */
export function graphqlError(
  errors: unknown[],
  url: string,
  headers: HeaderReader,
): GitHubApiError {
  const typed = errors.map(obj).find((e) => typeof e?.['type'] === 'string');
  const first = typed ?? obj(errors[0]);
  const type = typed ? String(typed['type']) : undefined;
  const text = first?.['message'];
  const message = typeof text === 'string' ? text.slice(0, 200).replace(/[\r\n]+/g, ' ') : '?';
  const said = `GraphQL ${type ?? 'error'} from ${url}: "${message}"`;
  if (!type && obj(first?.['extensions'])?.['code'] === 'undefinedField')
    return new GitHubApiError(
      `This server's GraphQL schema lacks a field (${said}).`,
      'unsupported',
    );
  switch (type) {
    case 'NOT_FOUND':
      return new GitHubApiError(`${said}.`, 'not-found');
    case 'FORBIDDEN':
      return new GitHubApiError(`${said}.`, 'forbidden');
    case 'RATE_LIMIT':
    case 'RATE_LIMITED':
      return new GitHubApiError(
        `GitHub's API rate limit is exhausted${resetTime(headers)} (${said}).`,
        'rate-limited',
      );
    default:
      return new GitHubApiError(
        `GitHub's API could not answer the policy query (${said}).`,
        'bad-answer',
      );
  }
}
