import { errorMessage } from '../errors.js';
import { claimText } from './claims.js';
import { apiPath, GitHubApiError, type GitHubApi } from './github-api.js';

/**
 * Who approved the deployment this job runs in: GitHub's review history of the workflow run
 * (`GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals`), read with the job's token.
 * Every field of the answer is someone's text (a login, a comment): it is checked, cut and kept
 * as data, never trusted to be well-formed, and never guessed at when it is missing.
 */

/** What the token needs: said in the record and in the error whenever the read is refused. */
export const APPROVALS_PERMISSION =
  "the job's token needs `actions: read` (add `permissions: actions: read` to the job) to read a run's deployment reviews";
export const TEAMS_PERMISSION =
  "reading a team's members needs a token with the organisation's Members read permission (a GitHub App or a personal token with read:org); the job's own token cannot";

export type ReviewState = 'approved' | 'rejected' | 'pending';

export interface Review {
  readonly login: string;
  readonly state: ReviewState;
  /** Cut to MAX_COMMENT characters; empty when none was given. */
  readonly comment: string;
}

/**
 * approved: at least one approving review of this environment and no rejection; rejected: a
 * rejection; none: the history holds no review of this environment (no required reviewers, or
 * not reviewed); unavailable: the history could not be read, so nothing is known.
 */
export type ApprovalStatus = 'approved' | 'rejected' | 'none' | 'unavailable';

export interface ApprovalRecord {
  readonly status: ApprovalStatus;
  readonly environment: string;
  readonly repository: string;
  readonly runId: string;
  /** Reviews of this environment, in GitHub's order. */
  readonly reviews: readonly Review[];
  /** GitHub's review history carries no time: this is when this step read it. */
  readonly readAt: string;
  /** Entries of the answer that were not reviews we could read (bad login, state or shape). */
  readonly skipped?: number;
  readonly error?: string;
}

/** Far above a run's real review history; a larger answer is refused unread. */
export const MAX_APPROVALS_BYTES = 256 * 1024;
const MAX_REVIEWS = 50;
const MAX_COMMENT = 1000;
/** GitHub logins: letters, digits, single hyphens, at most 39; apps end in `[bot]`. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;

export function isLogin(value: string): boolean {
  return LOGIN.test(value);
}

export interface ApprovalContext {
  /** Undefined when no token is at hand: recorded as unavailable, never as "no approval". */
  readonly api: GitHubApi | undefined;
  readonly now: () => Date;
}

/**
 * The approval of the token's environment, or undefined when the token names no environment
 * (then no deployment review can exist). Never throws: a failure is a record that says so.
 */
export async function readApproval(
  claims: Record<string, unknown>,
  ctx: ApprovalContext,
): Promise<ApprovalRecord | undefined> {
  const environment = claimText(claims['environment']);
  if (environment === undefined || environment === '') return undefined;
  const repository = claimText(claims['repository']) ?? '';
  const runId = claimText(claims['run_id']) ?? '';
  const base = { environment, repository, runId, reviews: [], readAt: ctx.now().toISOString() };
  if (!/^[^/\s]+\/[^/\s]+$/.test(repository) || !/^[0-9]{1,20}$/.test(runId)) {
    return {
      ...base,
      status: 'unavailable',
      error: `the token's repository '${repository}' or run_id '${runId}' cannot name a workflow run`,
    };
  }
  if (!ctx.api) {
    return {
      ...base,
      status: 'unavailable',
      error: `no github-token to read the review history with; ${APPROVALS_PERMISSION}`,
    };
  }
  let list: unknown[];
  try {
    list = await ctx.api.getList(
      `/repos/${apiPath(repository)}/actions/runs/${runId}/approvals`,
      MAX_APPROVALS_BYTES,
      'deployment review history',
    );
  } catch (err) {
    return { ...base, status: 'unavailable', error: approvalError(err) };
  }
  const { reviews, skipped } = reviewsOf(list, environment);
  return { ...base, status: statusOf(reviews), reviews, ...(skipped ? { skipped } : {}) };
}

/** A rejection outweighs any approval; no review at all is "none". */
export function statusOf(reviews: readonly Review[]): Exclude<ApprovalStatus, 'unavailable'> {
  if (reviews.some((r) => r.state === 'rejected')) return 'rejected';
  return reviews.some((r) => r.state === 'approved') ? 'approved' : 'none';
}

function approvalError(err: unknown): string {
  const message = errorMessage(err);
  if (
    err instanceof GitHubApiError &&
    (err.failure === 'forbidden' || err.failure === 'not-found' || err.failure === 'unauthorized')
  )
    return `${message} ${capitalise(APPROVALS_PERMISSION)}.`;
  return message;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The reviews of one environment, each field checked; everything else counted as skipped. */
export function reviewsOf(
  list: readonly unknown[],
  environment: string,
): { reviews: Review[]; skipped: number } {
  const reviews: Review[] = [];
  let skipped = 0;
  for (const item of list) {
    const r = objectOf(item);
    const envs = Array.isArray(r['environments']) ? r['environments'] : undefined;
    const login = objectOf(r['user'])['login'];
    const state = r['state'];
    const comment = r['comment'];
    const ok =
      envs !== undefined &&
      typeof login === 'string' &&
      isLogin(login) &&
      (state === 'approved' || state === 'rejected' || state === 'pending') &&
      (comment === undefined || comment === null || typeof comment === 'string');
    if (!ok) {
      skipped++;
      continue;
    }
    if (!envs.some((e) => objectOf(e)['name'] === environment)) continue;
    if (reviews.length >= MAX_REVIEWS) {
      skipped++;
      continue;
    }
    reviews.push({ login, state, comment: typeof comment === 'string' ? cut(comment) : '' });
  }
  return { reviews, skipped };
}

const cut = (s: string) => (s.length > MAX_COMMENT ? `${s.slice(0, MAX_COMMENT)}…` : s);

const objectOf = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** Members of `org/team`, lower-cased, or why they could not be read. */
export type TeamMembers = { readonly logins: readonly string[] } | { readonly error: string };

const MAX_TEAM_PAGES = 10;
const TEAM_PAGE = 100;

/** Reads a team's members through `GET /orgs/{org}/teams/{team_slug}/members`, page by page. */
export async function readTeamMembers(
  team: string,
  api: GitHubApi | undefined,
): Promise<TeamMembers> {
  if (!api) return { error: `no github-token to read team ${team} with; ${TEAMS_PERMISSION}` };
  const [org, slug] = team.split('/') as [string, string];
  const logins: string[] = [];
  try {
    for (let page = 1; page <= MAX_TEAM_PAGES; page++) {
      const list = await api.getList(
        `/orgs/${apiPath(org)}/teams/${apiPath(slug)}/members?per_page=${TEAM_PAGE}&page=${page}`,
        MAX_APPROVALS_BYTES,
        'team members',
      );
      for (const m of list) {
        const login = objectOf(m)['login'];
        if (typeof login === 'string' && isLogin(login)) logins.push(login.toLowerCase());
      }
      if (list.length < TEAM_PAGE) return { logins };
    }
  } catch (err) {
    const forbidden =
      err instanceof GitHubApiError &&
      ['forbidden', 'not-found', 'unauthorized'].includes(err.failure);
    return { error: `${errorMessage(err)}${forbidden ? ` ${capitalise(TEAMS_PERMISSION)}.` : ''}` };
  }
  return {
    error: `team ${team} has more than ${MAX_TEAM_PAGES * TEAM_PAGE} members; name the reviewers instead`,
  };
}
