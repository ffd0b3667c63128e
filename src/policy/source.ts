import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { posix } from 'node:path';
import { ConfigurationError } from '../errors.js';
import { httpTimeoutMs } from '../providers/retry.js';
import type { Inputs } from '../runner/inputs.js';
import { GitHubApi, GitHubApiError, isCommitSha } from './github-api.js';
import type { CommitFile } from './github-graphql.js';
import type { FetchLike } from './http.js';
import { isLoopbackHost } from './issuer.js';
import type { LoadedPolicy } from './types.js';

export const POLICY_INPUT = {
  policy: 'policy',
  source: 'policy-source',
  required: 'policy-required',
  githubToken: 'github-token',
} as const;

export const POLICY_SOURCES = ['default-branch', 'workflow', 'workspace'] as const;
export type PolicySourceMode = (typeof POLICY_SOURCES)[number];

export const DEFAULT_POLICY_FILE = '.github/jit-policy.yml';
export const DEFAULT_API_URL = 'https://api.github.com';
/** Far above any real policy (the largest example is 3 KB); bounds what the parser is handed. */
export const MAX_POLICY_BYTES = 256 * 1024;

/**
 * The only events whose checkout a workspace policy may decide as it is: what a push, a
 * schedule or a manual dispatch checks out was pushed to the repository, so it trusts whoever
 * may push to that branch (branch protection decides; prefer `default-branch` there too). On
 * every other event an outsider can steer the checkout: a pull request's merge or head commit,
 * whatever a comment, an issue, a check or a finished run names; there the workspace policy
 * counts only when it is byte-identical to the default branch's.
 */
export const TRUSTED_CHECKOUT_EVENTS: readonly string[] = ['push', 'schedule', 'workflow_dispatch'];

export interface PolicySourceSettings {
  readonly mode: PolicySourceMode;
  /** Repository-relative, normalised: the same path in the repository and in the checkout. */
  readonly path: string;
  /** A `policy` input was given: its absence is then an error whatever `required` says. */
  readonly explicitPath: boolean;
  /** `policy-required`: no policy file is a refusal, not "the cloud alone decides". */
  readonly required: boolean;
  readonly githubToken: string | undefined;
  /** GITHUB_API_URL, checked, without a trailing slash. */
  readonly apiUrl: string;
  readonly workspace: string;
  readonly timeoutMs: number;
}

/** Reads and checks the policy inputs; no network. Every mistake is a ConfigurationError. */
export function readPolicySourceSettings(
  inputs: Pick<Inputs, 'optional' | 'boolean' | 'oneOf'>,
  env: NodeJS.ProcessEnv,
): PolicySourceSettings {
  const mode = inputs.oneOf(POLICY_INPUT.source, POLICY_SOURCES, 'default-branch')!;
  const given = inputs.optional(POLICY_INPUT.policy);
  const path = given === undefined ? DEFAULT_POLICY_FILE : repositoryPath(given);
  // The input defaults to the job's token; a workflow may also hand one over as GITHUB_TOKEN.
  // An earlier step can set that one through GITHUB_ENV, but gains nothing: the API address and
  // the repository come from the runner's own variables, and any token reads the same answers.
  const githubToken =
    inputs.optional(POLICY_INPUT.githubToken) ?? (env['GITHUB_TOKEN'] || undefined);
  if (githubToken === undefined && mode !== 'workspace') {
    throw new ConfigurationError(
      `Input 'github-token' is empty, but 'policy-source: ${mode}' reads the policy through GitHub's API. ` +
        "Leave 'github-token' unset (it defaults to the job's token, which needs `contents: read`), or pass a token that can read the repository.",
    );
  }
  return Object.freeze({
    mode,
    path,
    explicitPath: given !== undefined,
    required: inputs.boolean(POLICY_INPUT.required, false),
    githubToken,
    apiUrl: apiUrl(env['GITHUB_API_URL']),
    workspace: env['GITHUB_WORKSPACE'] ?? process.cwd(),
    timeoutMs: httpTimeoutMs(env),
  });
}

/** A path inside the repository: relative, no `..`, forward slashes. */
export function repositoryPath(value: string): string {
  const bad = (why: string) =>
    new ConfigurationError(
      `Invalid policy '${value}': ${why}. Give the file's path inside the repository, such as ${DEFAULT_POLICY_FILE}.`,
    );
  if (value.includes('\\')) throw bad('use forward slashes');
  if (value.startsWith('/'))
    throw bad('the path is read from the repository, so it cannot be absolute');
  if ([...value].some((c) => c.charCodeAt(0) < 0x20)) throw bad('it contains a control character');
  const normal = posix.normalize(value);
  if (normal === '..' || normal.startsWith('../')) throw bad('it leaves the repository');
  if (normal === '.' || normal.endsWith('/')) throw bad('it names a directory');
  return normal;
}

/** The API gets the job's token: https only, or http to a local emulator. */
export function apiUrl(value: string | undefined): string {
  if (value === undefined || value === '') return DEFAULT_API_URL;
  const url = URL.parse(value);
  const ok =
    url !== null &&
    !url.search &&
    !url.hash &&
    !url.username &&
    !url.password &&
    (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname)));
  if (!ok) {
    throw new ConfigurationError(
      `GITHUB_API_URL '${value}' is not an https URL (plain http only on loopback): the policy is read with the job's token, which must not travel in clear. ` +
        'The runner sets this variable; a workflow that overrides it must give https://HOSTNAME/api/v3 or similar.',
    );
  }
  return value.replace(/\/+$/, '');
}

/** Where the policy that decided came from. */
export interface PolicyOrigin {
  readonly source: PolicySourceMode;
  /** Repository the file was read from (OWNER/REPO). */
  readonly repository: string;
  /** Branch or ref: refs/heads/main, the workflow's ref, or the checkout's. */
  readonly ref: string;
  /** Commit the file was read at; undefined for a checkout, whose commit nobody vouches for. */
  readonly commit: string | undefined;
  readonly path: string;
  /** `OWNER/REPO@SHA:PATH`, or `workspace:PATH` for a checkout. */
  readonly location: string;
}

export interface TrustedPolicy {
  /** Undefined: the trusted ref has no such file (a clean 404), and the policy is not required. */
  readonly policy: LoadedPolicy | undefined;
  readonly origin: PolicyOrigin;
  /** `sha256:HEX` of the file's bytes, when there is a file. */
  readonly digest: string | undefined;
  /** For the log and the summary: a checkout whose file differs, a policy-less repository. */
  readonly warnings: readonly string[];
}

export interface PolicySourceDeps {
  readonly fetch?: FetchLike;
  readonly sleep?: (ms: number) => Promise<void>;
  /** A default-branch read started before the token arrived (startEarlyRead). */
  readonly early?: EarlyRead;
}

type Found = { bytes: Buffer | undefined; origin: PolicyOrigin };

/** The default branch's policy of one repository, read as fromDefaultBranch would. */
type BranchRead = Found & { readonly repoId: string };

/**
 * A guess at the repository the token will name, read ahead. It is used only when the verified
 * claims name exactly this repository (then the requests are the ones that would have been
 * made), else dropped; its own failure is then the read's failure, said as it would have been.
 */
export interface EarlyRead {
  readonly repository: string;
  readonly read: Promise<BranchRead>;
  /** Ends what is still being read; called once the decision no longer needs it. */
  cancel(): void;
}

/**
 * Starts reading the default branch's policy of the job's own repository (GITHUB_REPOSITORY)
 * while the token is on its way: the GitHub API round trip taken off the step's critical path.
 * Nothing read here decides anything until the claims say it is theirs.
 */
export function startEarlyRead(
  settings: PolicySourceSettings,
  env: NodeJS.ProcessEnv,
  deps: PolicySourceDeps = {},
): EarlyRead | undefined {
  const repository = env['GITHUB_REPOSITORY'];
  if (settings.mode !== 'default-branch' || settings.githubToken === undefined) return undefined;
  if (!repository || !GUESSABLE.test(repository)) return undefined;
  const unused = new AbortController();
  const read = readDefaultBranch(settings, repository, deps, unused.signal);
  // Awaited by the decision that uses it; one that is dropped must not surface as unhandled.
  read.catch(() => undefined);
  return { repository, read, cancel: () => unused.abort() };
}

/**
 * Up to `max + 1` bytes of a regular file (one past the cap tells a larger file); undefined when
 * it is not a regular file. Never waits on a FIFO: a pull request's files are read here.
 */
function readRegularFile(file: string, max: number): Buffer | undefined {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) return undefined;
    const buf = Buffer.allocUnsafe(max + 1);
    let size = 0;
    for (let n; size < buf.length && (n = readSync(fd, buf, size, buf.length - size, size)) > 0;)
      size += n;
    return buf.subarray(0, size);
  } finally {
    closeSync(fd);
  }
}

const REPOSITORY = /^[^/\s]+\/[^/\s]+$/;
/** GitHub's own owner and repository names: the environment is not trusted to be sane. */
const GUESSABLE = /^[A-Za-z0-9-]{1,39}\/(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/;

/**
 * The policy the job cannot weaken: read from the repository named by the VERIFIED token's
 * claims, at a commit (the default branch's head, or the workflow's own commit), never from
 * anything the job wrote. A read that fails in any way other than "this commit has no such
 * file" is an error, whatever `policy-required` says: an existing policy that cannot be read
 * must never pass for no policy.
 */
export async function loadTrustedPolicy(
  settings: PolicySourceSettings,
  claims: Readonly<Record<string, unknown>>,
  deps: PolicySourceDeps = {},
): Promise<TrustedPolicy> {
  const warnings: string[] = [];
  let found: Found;
  if (settings.mode === 'workspace') {
    found = await fromWorkspace(settings, claims, deps);
  } else {
    found =
      settings.mode === 'workflow'
        ? await fromWorkflow(settings, claims, deps)
        : await fromDefaultBranch(settings, claims, deps);
    const local = readWorkspaceFile(settings);
    if (local !== undefined && (found.bytes === undefined || !local.equals(found.bytes))) {
      warnings.push(
        `The checkout's ${settings.path} differs from the policy that decided (${found.bytes ? found.origin.location : `none at ${found.origin.location}`}); ` +
          `it was ignored. A change to the policy takes effect once it is on ${found.origin.ref}.`,
      );
    }
  }
  const { bytes, origin } = found;
  if (bytes === undefined) {
    if (settings.required || settings.explicitPath) {
      throw new ConfigurationError(
        `No policy file at ${origin.location}, and ${settings.explicitPath ? `the 'policy' input names it` : "'policy-required' is true"}: ` +
          `nothing was asked of the cloud. Add ${settings.path} to ${origin.repository} on ${origin.ref}, or fix the 'policy' / 'policy-source' inputs.`,
      );
    }
    warnings.push(
      `No policy file at ${origin.location}: the cloud's trust configuration alone decides. Set 'policy-required: true' to refuse instead.`,
    );
    return { policy: undefined, origin, digest: undefined, warnings };
  }
  if (bytes.length > MAX_POLICY_BYTES) {
    throw new ConfigurationError(
      `The policy file at ${origin.location} is ${bytes.length} bytes; at most ${MAX_POLICY_BYTES} are read. Nothing was asked of the cloud.`,
    );
  }
  const { readPolicy } = await import('./load.js');
  const policy = await readPolicy(bytes, origin.location);
  return { policy, origin, digest: `sha256:${policy.digest}`, warnings };
}

function claim(claims: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const v = claims[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function api(
  settings: PolicySourceSettings,
  deps: PolicySourceDeps,
  signal?: AbortSignal,
): GitHubApi {
  if (settings.githubToken === undefined) {
    throw new ConfigurationError(
      "Input 'github-token' is empty: the default branch's policy cannot be read to compare with the checkout. Leave 'github-token' unset (the job's token) or pass one that can read the repository.",
    );
  }
  return new GitHubApi({
    apiUrl: settings.apiUrl,
    token: settings.githubToken,
    timeoutMs: settings.timeoutMs,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    ...(signal ? { signal } : {}),
  });
}

async function fromDefaultBranch(
  settings: PolicySourceSettings,
  claims: Readonly<Record<string, unknown>>,
  deps: PolicySourceDeps,
): Promise<Found> {
  const repository = claim(claims, 'repository');
  if (!repository || !REPOSITORY.test(repository)) {
    throw new Error(
      `The verified OIDC token has no usable 'repository' claim ('${String(repository)}'), so there is no repository to read the policy from.`,
    );
  }
  const { bytes, origin, repoId } = await (deps.early?.repository === repository
    ? deps.early.read
    : readDefaultBranch(settings, repository, deps));
  const claimedId = claim(claims, 'repository_id');
  if (claimedId !== undefined && repoId !== claimedId) {
    throw new Error(
      `GitHub's API says ${repository} has id ${repoId}, but the token's repository_id is ${claimedId}: the repository was renamed or replaced since the job started. Nothing was asked of the cloud.`,
    );
  }
  return { bytes, origin };
}

/**
 * The repository's id and default branch, that branch's head commit and the file at it, in one
 * GraphQL answer. Only when GraphQL's text cannot be the file's bytes (they are not UTF-8, or it
 * is a symlink) is the file read again through the contents API, at the same commit.
 */
async function readDefaultBranch(
  settings: PolicySourceSettings,
  repository: string,
  deps: PolicySourceDeps,
  signal?: AbortSignal,
): Promise<BranchRead> {
  const gh = api(settings, deps, signal);
  try {
    const head = await gh.defaultBranchHead(repository, settings.path, MAX_POLICY_BYTES);
    const ref = `refs/heads/${head.branch}`;
    const origin = originOf('default-branch', repository, ref, head.commit, settings.path);
    return { bytes: await bytesOf(gh, repository, head, settings.path), origin, repoId: head.id };
  } catch (err) {
    throw explain(err, settings, { repository, path: settings.path, step: 'repository' });
  }
}

/** The file's bytes from the query's answer, or from the contents API where its text cannot be. */
async function bytesOf(
  gh: GitHubApi,
  repository: string,
  at: CommitFile,
  path: string,
): Promise<Buffer | undefined> {
  if (at.file.kind === 'read') return at.file.file.bytes;
  if (at.file.kind === 'absent') return undefined;
  const file = await gh.file(repository, path, at.commit, MAX_POLICY_BYTES);
  // GraphQL showed an entry there: a 404 now is not "no policy".
  if (!file)
    throw new GitHubApiError(
      `GitHub's GraphQL API shows ${path} at ${repository}@${at.commit}, but its contents API says there is no such file.`,
      'bad-answer',
    );
  return file.bytes;
}

/** `OWNER/REPO/PATH@REF` of the workflow file that defines the job. */
export function parseJobWorkflowRef(
  value: string,
): { repository: string; file: string; ref: string } | undefined {
  const m = /^([^/@\s]+\/[^/@\s]+)\/([^@]+)@(.+)$/.exec(value);
  return m ? { repository: m[1]!, file: m[2]!, ref: m[3]! } : undefined;
}

async function fromWorkflow(
  settings: PolicySourceSettings,
  claims: Readonly<Record<string, unknown>>,
  deps: PolicySourceDeps,
): Promise<Found> {
  const ref = claim(claims, 'job_workflow_ref');
  const commit = claim(claims, 'job_workflow_sha');
  const parsed = ref ? parseJobWorkflowRef(ref) : undefined;
  if (!parsed || !commit || !isCommitSha(commit)) {
    throw new Error(
      `'policy-source: workflow' needs the verified token's job_workflow_ref and job_workflow_sha claims, but they are '${String(ref)}' and '${String(commit)}'. ` +
        "This GitHub (or GitHub Enterprise Server) version may not issue them: use 'policy-source: default-branch'.",
    );
  }
  const origin = originOf('workflow', parsed.repository, parsed.ref, commit, settings.path);
  try {
    const gh = api(settings, deps);
    // "No such file" is said only with the repository and the commit in the same answer: GitHub
    // answers NOT_FOUND, never an empty file, for a repository the token may not see.
    const at = await gh.commitFile(parsed.repository, commit, settings.path, MAX_POLICY_BYTES);
    return { bytes: await bytesOf(gh, parsed.repository, at, settings.path), origin };
  } catch (err) {
    throw explain(err, settings, {
      repository: parsed.repository,
      path: settings.path,
      step: 'workflow',
    });
  }
}

async function fromWorkspace(
  settings: PolicySourceSettings,
  claims: Readonly<Record<string, unknown>>,
  deps: PolicySourceDeps,
): Promise<Found> {
  const local = readWorkspaceFile(settings);
  const event = claim(claims, 'event_name') ?? '';
  const repository = claim(claims, 'repository') ?? '?';
  const checkout: PolicyOrigin = {
    source: 'workspace',
    repository,
    ref: claim(claims, 'ref') ?? '?',
    commit: undefined,
    path: settings.path,
    location: `workspace:${settings.path}`,
  };
  if (TRUSTED_CHECKOUT_EVENTS.includes(event)) return { bytes: local, origin: checkout };
  // Whoever opened the pull request (or wrote the comment, or named the ref) may have written
  // this checkout: only the default branch's bytes count, and the checkout may not differ.
  const trusted = await fromDefaultBranch(settings, claims, deps);
  const same =
    local === undefined
      ? trusted.bytes === undefined
      : trusted.bytes !== undefined && local.equals(trusted.bytes);
  if (!same) {
    throw new ConfigurationError(
      `'policy-source: workspace' on a ${event} event: the checkout's ${settings.path} ${local === undefined ? 'is missing' : 'differs from'} ` +
        `the default branch's (${trusted.bytes === undefined ? `none at ${trusted.origin.location}` : trusted.origin.location}). ` +
        `On ${event}, the checkout is written by whoever triggered the run, so it is refused; nothing was asked of the cloud. ` +
        "Merge the policy change first, or use 'policy-source: default-branch'.",
    );
  }
  return { bytes: trusted.bytes, origin: { ...trusted.origin, source: 'workspace' } };
}

function originOf(
  source: PolicySourceMode,
  repository: string,
  ref: string,
  commit: string,
  path: string,
): PolicyOrigin {
  return { source, repository, ref, commit, path, location: `${repository}@${commit}:${path}` };
}

/**
 * Parses the checkout's copy of the policy, when there is one, and keeps nothing of it: the
 * policy that decides is still the one read from where the job cannot change it, but once the
 * token has come its parse runs on compiled code (yaml's functions, compiled on their first
 * call, are most of what a policy costs a cold step). For the wait for the token; never fails.
 */
export async function warmPolicyReader(settings: PolicySourceSettings): Promise<void> {
  try {
    const local = readWorkspaceFile(settings);
    if (local === undefined || local.length > MAX_POLICY_BYTES) return;
    const { readPolicy } = await import('./load.js');
    await readPolicy(local, settings.path);
  } catch {
    // A copy that cannot be read or parsed has warmed what it could; the policy read decides.
  }
}

/**
 * The checkout's copy, read no further than a policy may be long; undefined when absent. Read
 * synchronously (node:fs/promises costs a step a few ms to load), and without blocking: the
 * checkout is the pull request's, and a FIFO there must not hold the step.
 */
function readWorkspaceFile(settings: PolicySourceSettings): Buffer | undefined {
  let bytes: Buffer | undefined;
  try {
    bytes = readRegularFile(posix.join(settings.workspace, settings.path), MAX_POLICY_BYTES);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new ConfigurationError(
      `Cannot read the checkout's ${settings.path}: ${(err as Error).message}`,
    );
  }
  if (bytes === undefined) {
    throw new ConfigurationError(
      `Cannot read the checkout's ${settings.path}: it is not a regular file`,
    );
  }
  return bytes;
}

/** What each API failure means for the user, and what to change. Never "no policy". */
function explain(
  err: unknown,
  settings: PolicySourceSettings,
  at: { repository: string; path: string; step: 'repository' | 'workflow' },
): Error {
  if (!(err instanceof GitHubApiError)) return err instanceof Error ? err : new Error(String(err));
  const tail = ` The policy could not be read, and an unreadable policy is never taken as no policy: nothing was asked of the cloud.`;
  const token = "'github-token'";
  switch (err.failure) {
    case 'forbidden':
      return new ConfigurationError(
        `The token in ${token} may not read ${at.repository}'s contents (${err.message}) ` +
          `Grant the job \`permissions: { id-token: write, contents: read }\`, or pass a token that can read ${at.repository} in ${token}.` +
          tail,
        { cause: err },
      );
    case 'unauthorized':
      return new ConfigurationError(
        `GitHub refused the token in ${token} (${err.message}) Leave ${token} unset to use the job's own token, or pass a valid one.` +
          tail,
        { cause: err },
      );
    case 'not-found':
      return new ConfigurationError(
        `The token in ${token} cannot see ${at.repository} (${err.message}) ` +
          (at.step === 'workflow'
            ? `The job's own token reads only its own repository: for a workflow in another private or internal repository, pass a GitHub App or fine-grained token with contents: read on ${at.repository} in ${token}.`
            : `Grant the job \`contents: read\`, or pass a token that can read ${at.repository}.`) +
          tail,
        { cause: err },
      );
    case 'rate-limited':
      return new Error(
        `${err.message} Retry when it resets, or pass a GitHub App token (its own, larger limit) in ${token}.` +
          tail,
        { cause: err },
      );
    case 'unreachable':
    case 'server':
      return new Error(
        `${err.message} Check GITHUB_API_URL (${settings.apiUrl}), the runner's network and any proxy (HTTPS_PROXY); JIT_CREDENTIALS_HTTP_TIMEOUT_MS sets the per-request deadline (${settings.timeoutMs} ms).` +
          tail,
        { cause: err },
      );
    default:
      return new Error(err.message + tail, { cause: err });
  }
}

/** For the ledger: where the policy came from, in one flat object. */
export function originRecord(trusted: TrustedPolicy): Record<string, unknown> {
  const o = trusted.origin;
  return {
    policySource: o.source,
    policyRepository: o.repository,
    policyRef: o.ref,
    ...(o.commit ? { policyCommit: o.commit } : {}),
    policyPath: o.location,
    ...(trusted.digest ? { policyDigest: trusted.digest } : {}),
  };
}

export const sha256Hex = (bytes: Buffer): string =>
  createHash('sha256').update(bytes).digest('hex');
