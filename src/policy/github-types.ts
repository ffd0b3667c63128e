/**
 * What GitHub's answers are checked against, REST and GraphQL alike: how a read failed, what a
 * commit id looks like, and the blob id that proves a file's bytes.
 */
import { createHash } from 'node:crypto';
import type { HeaderReader } from '../http/node-fetch.js';

/** Why a read from GitHub's API failed; only a file absent at a readable commit means "no policy". */
export type ApiFailure =
  | 'not-found'
  | 'unauthorized'
  | 'forbidden'
  | 'rate-limited'
  | 'unreachable'
  | 'server'
  | 'bad-answer'
  /** The server's GraphQL schema lacks a field the query asks: its REST API is asked instead. */
  | 'unsupported';

export class GitHubApiError extends Error {
  override name = 'GitHubApiError';
  constructor(
    message: string,
    readonly failure: ApiFailure,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface RepoFile {
  readonly bytes: Buffer;
  /** The git blob sha GitHub reported, checked against the bytes. */
  readonly blobSha: string;
}

export function isCommitSha(value: string): boolean {
  return /^[0-9a-f]{40}$|^[0-9a-f]{64}$/.test(value);
}

/** Git's object id of a blob: proves the bytes are the ones GitHub meant. */
export function gitBlobSha(bytes: Buffer, algorithm: 'sha1' | 'sha256' = 'sha1'): string {
  return createHash(algorithm).update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** ` until ISO-TIME` from x-ratelimit-reset, or nothing when the header holds no date. */
export function resetTime(headers: HeaderReader): string {
  const reset = new Date(Number(headers.get('x-ratelimit-reset')) * 1000);
  // The header is the server's word: a value no date can hold is left unsaid.
  return reset.getTime() > 0 ? ` until ${reset.toISOString()}` : '';
}
