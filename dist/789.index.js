export const id = 789;
export const ids = [789];
export const modules = {

/***/ 1819:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LV: () => (/* binding */ defaultIssuer),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   mh: () => (/* binding */ checkFetchUrl),
/* harmony export */   oP: () => (/* binding */ checkIssuer),
/* harmony export */   oX: () => (/* binding */ GITHUB_ISSUER)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
/** Plain http is only safe when the issuer never leaves the machine (a local emulator). */
function isLoopbackHost(hostname) {
    const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1')
        return true;
    const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
    return m !== null && m.slice(1).every((o) => Number(o) <= 255);
}
/**
 * The issuer this runner's tokens come from when `oidc-issuer` is not given: github.com's,
 * GHE.com's `token.actions.SUBDOMAIN.ghe.com`, or GitHub Enterprise Server's
 * `https://HOSTNAME/_services/token`. GITHUB_SERVER_URL is set by the runner and cannot be
 * changed through GITHUB_ENV. An enterprise with its own issuer URL sets `oidc-issuer`.
 */
function defaultIssuer(env) {
    const server = URL.parse(env['GITHUB_SERVER_URL'] ?? '');
    if (!server || server.hostname === 'github.com')
        return GITHUB_ISSUER;
    const ghe = /^([a-z0-9-]+)\.ghe\.com$/i.exec(server.hostname);
    if (ghe)
        return `https://token.actions.${ghe[1].toLowerCase()}.ghe.com`;
    return `${server.origin}/_services/token`;
}
/**
 * The `oidc-issuer` input, checked: https anywhere (github.com, GHES, an enterprise issuer),
 * http only on loopback. Returned without a trailing slash, as GitHub writes `iss`.
 */
function checkIssuer(value, input = 'oidc-issuer') {
    if (value === undefined || value.trim() === '')
        return GITHUB_ISSUER;
    const text = value.trim();
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid ${input} '${text}': expected a URL such as ${GITHUB_ISSUER} or https://HOSTNAME/_services/token for GitHub Enterprise Server.`);
    }
    if (url.search || url.hash || url.username || url.password) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid ${input} '${text}': an issuer URL has no query, fragment or credentials.`);
    }
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid ${input} '${text}': plain http is accepted only on loopback (127.0.0.0/8, ::1, localhost); use https.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid ${input} '${text}': the issuer must be an https URL.`);
    }
    return text.replace(/\/+$/, '');
}
/** The same rule for URLs the issuer's discovery document points to (jwks_uri). */
function checkFetchUrl(value, what) {
    if (typeof value !== 'string')
        throw new Error(`The OIDC ${what} is missing from the issuer's discovery document.`);
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new Error(`The OIDC ${what} '${value}' in the discovery document is not a URL.`);
    }
    if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname)))
        return value;
    throw new Error(`The OIDC ${what} '${value}' must be https (http only on loopback).`);
}


/***/ }),

/***/ 9170:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_API_URL: () => (/* binding */ DEFAULT_API_URL),
  DEFAULT_POLICY_FILE: () => (/* binding */ DEFAULT_POLICY_FILE),
  MAX_POLICY_BYTES: () => (/* binding */ MAX_POLICY_BYTES),
  POLICY_INPUT: () => (/* binding */ POLICY_INPUT),
  POLICY_SOURCES: () => (/* binding */ POLICY_SOURCES),
  UNTRUSTED_CHECKOUT_EVENTS: () => (/* binding */ UNTRUSTED_CHECKOUT_EVENTS),
  apiUrl: () => (/* binding */ apiUrl),
  loadTrustedPolicy: () => (/* binding */ loadTrustedPolicy),
  originRecord: () => (/* binding */ originRecord),
  parseJobWorkflowRef: () => (/* binding */ parseJobWorkflowRef),
  readPolicySourceSettings: () => (/* binding */ readPolicySourceSettings),
  repositoryPath: () => (/* binding */ repositoryPath),
  sha256Hex: () => (/* binding */ sha256Hex)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/providers/retry.ts
var retry = __webpack_require__(7252);
// EXTERNAL MODULE: ./src/policy/http.ts
var http = __webpack_require__(8856);
;// CONCATENATED MODULE: ./src/policy/github-api.ts



class GitHubApiError extends Error {
    failure;
    status;
    name = 'GitHubApiError';
    constructor(message, failure, status, options) {
        super(message, options);
        this.failure = failure;
        this.status = status;
    }
}
/** Repository metadata and refs are small; a contents answer carries the file in base64. */
const MAX_METADATA_BYTES = 256 * 1024;
/**
 * The three reads the policy needs, through GitHub's REST API with the job's token. Every
 * failure is a GitHubApiError saying which; nothing here decides what a failure means.
 */
class GitHubApi {
    opts;
    constructor(opts) {
        this.opts = opts;
    }
    async repository(repo) {
        const body = await this.getJson(`/repos/${pathOf(repo)}`, MAX_METADATA_BYTES, 'repository');
        const defaultBranch = body['default_branch'];
        if (typeof defaultBranch !== 'string' || defaultBranch === '')
            throw this.badAnswer(`/repos/${repo}`, 'no default_branch');
        return { fullName: String(body['full_name']), id: String(body['id']), defaultBranch };
    }
    /** The commit a branch points at now. */
    async branchCommit(repo, branch) {
        const path = `/repos/${pathOf(repo)}/git/ref/heads/${pathOf(branch)}`;
        const body = await this.getJson(path, MAX_METADATA_BYTES, 'branch');
        const object = body['object'];
        const sha = object?.sha;
        if (typeof sha !== 'string' || !isCommitSha(sha))
            throw this.badAnswer(path, 'no commit sha');
        return sha;
    }
    /** Fails unless the commit exists and the token may read the repository's contents. */
    async commit(repo, sha) {
        const path = `/repos/${pathOf(repo)}/git/commits/${sha}`;
        const body = await this.getJson(path, MAX_METADATA_BYTES, 'commit');
        if (body['sha'] !== sha)
            throw this.badAnswer(path, `a commit other than ${sha}`);
    }
    /** A file at a commit, or undefined when that commit has no such file (a clean 404). */
    async file(repo, path, commit, maxBytes) {
        const url = `/repos/${pathOf(repo)}/contents/${pathOf(path)}?ref=${commit}`;
        let body;
        try {
            // base64 grows by a third, plus the JSON around it.
            body = await this.getJson(url, Math.ceil(maxBytes * 1.4) + 16 * 1024, 'file');
        }
        catch (err) {
            if (err instanceof GitHubApiError && err.failure === 'not-found')
                return undefined;
            throw err;
        }
        if (body['type'] !== 'file')
            throw this.badAnswer(url, `it is a ${String(body['type'] ?? 'directory')}, not a file`);
        if (typeof body['size'] === 'number' && body['size'] > maxBytes) {
            throw new GitHubApiError(`${path} is ${body['size']} bytes; a policy file may have at most ${maxBytes}.`, 'bad-answer');
        }
        if (body['encoding'] !== 'base64' || typeof body['content'] !== 'string')
            throw this.badAnswer(url, `content is not base64 (encoding '${String(body['encoding'])}')`);
        const bytes = Buffer.from(body['content'].replace(/\s+/g, ''), 'base64');
        const blobSha = String(body['sha']);
        if (gitBlobSha(bytes, blobSha.length === 64 ? 'sha256' : 'sha1') !== blobSha)
            throw this.badAnswer(url, `the content does not hash to the blob sha ${blobSha}`);
        return { bytes, blobSha };
    }
    badAnswer(path, why) {
        return new GitHubApiError(`GitHub's API answered ${this.opts.apiUrl}${path.split('?')[0]} with something unexpected: ${why}.`, 'bad-answer');
    }
    async getJson(path, maxBytes, what) {
        const url = `${this.opts.apiUrl}${path}`;
        return (0,retry/* withRetry */.bD)(() => this.once(url, maxBytes, what), {
            attempts: this.opts.attempts ?? 3,
            baseDelayMs: 500,
            isRetryable: (err) => err instanceof GitHubApiError
                ? err.failure === 'server' || err.failure === 'unreachable'
                : false,
            ...(this.opts.sleep ? { sleep: this.opts.sleep } : {}),
        });
    }
    async once(url, maxBytes, what) {
        let res;
        try {
            res = await (0,http/* boundedGet */._1)(url, {
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
            });
        }
        catch (err) {
            if (err instanceof http/* ResponseTooLargeError */.by)
                throw new GitHubApiError(err.message, 'bad-answer', undefined, { cause: err });
            const kind = (0,retry/* isNetworkError */.TX)(err) || err instanceof TypeError ? 'unreachable' : 'bad-answer';
            throw new GitHubApiError(`GitHub's API at ${this.opts.apiUrl} could not be reached: ${describe(err)}.`, kind, undefined, { cause: err });
        }
        if (res.status === 200) {
            try {
                return (0,http/* jsonObject */.o$)(res.body, `GitHub's ${what} answer`, url.split('?')[0]);
            }
            catch (err) {
                throw new GitHubApiError(err.message, 'bad-answer', 200);
            }
        }
        throw statusError(res.status, res.headers, res.body, url.split('?')[0]);
    }
}
function statusError(status, headers, body, url) {
    const message = apiMessage(body);
    const said = message ? `: "${message}"` : '';
    const remaining = headers.get('x-ratelimit-remaining');
    if ((status === 403 || status === 429) && (remaining === '0' || headers.has('retry-after'))) {
        const reset = Number(headers.get('x-ratelimit-reset'));
        const when = Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString()}` : '';
        return new GitHubApiError(`GitHub's API rate limit is exhausted${when} (HTTP ${status} from ${url}${said}).`, 'rate-limited', status);
    }
    if (status === 404)
        return new GitHubApiError(`HTTP 404 from ${url}${said}.`, 'not-found', 404);
    if (status === 401)
        return new GitHubApiError(`HTTP 401 from ${url}${said}.`, 'unauthorized', 401);
    if (status === 403)
        return new GitHubApiError(`HTTP 403 from ${url}${said}.`, 'forbidden', 403);
    if (status >= 500 || status === 429)
        return new GitHubApiError(`HTTP ${status} from ${url}${said}.`, 'server', status);
    return new GitHubApiError(`HTTP ${status} from ${url}${said}.`, 'bad-answer', status);
}
/** GitHub's error bodies say `{"message": ...}`; shown short, as text, never as markup. */
function apiMessage(body) {
    try {
        const m = JSON.parse(body.toString('utf8')).message;
        return typeof m === 'string' ? m.slice(0, 200).replace(/[\r\n]+/g, ' ') : undefined;
    }
    catch {
        return undefined;
    }
}
function describe(err) {
    const e = err;
    const cause = e.cause?.code ?? e.cause?.message;
    return cause ? `${e.message ?? String(err)} (${cause})` : (e.message ?? String(err));
}
/** Each segment percent-encoded, the slashes kept: owner/repo, branch names, file paths. */
function pathOf(text) {
    return text.split('/').map(encodeURIComponent).join('/');
}
function isCommitSha(value) {
    return /^[0-9a-f]{40}$|^[0-9a-f]{64}$/.test(value);
}
/** Git's object id of a blob: proves the bytes are the ones GitHub meant. */
function gitBlobSha(bytes, algorithm = 'sha1') {
    return (0,external_node_crypto_.createHash)(algorithm).update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

// EXTERNAL MODULE: ./src/policy/issuer.ts
var issuer = __webpack_require__(1819);
;// CONCATENATED MODULE: ./src/policy/source.ts







const POLICY_INPUT = {
    policy: 'policy',
    source: 'policy-source',
    required: 'policy-required',
    githubToken: 'github-token',
};
const POLICY_SOURCES = ['default-branch', 'workflow', 'workspace'];
const DEFAULT_POLICY_FILE = '.github/jit-policy.yml';
const DEFAULT_API_URL = 'https://api.github.com';
/** Far above any real policy (the largest example is 3 KB); bounds what the parser is handed. */
const MAX_POLICY_BYTES = 256 * 1024;
/**
 * Events whose checkout may hold files nobody has reviewed: the pull request's merge or head
 * commit (pull_request*, merge_group), or whatever a comment or a finished run points the job
 * at (issue_comment, workflow_run). On these, a workspace policy counts only when it is
 * byte-identical to the default branch's. `push` is not here: a push to a branch trusts
 * whoever may push to it, which branch protection decides; prefer `default-branch` there too.
 */
const UNTRUSTED_CHECKOUT_EVENTS = [
    'pull_request',
    'pull_request_target',
    'pull_request_review',
    'pull_request_review_comment',
    'merge_group',
    'issue_comment',
    'workflow_run',
];
/** Reads and checks the policy inputs; no network. Every mistake is a ConfigurationError. */
function readPolicySourceSettings(inputs, env) {
    const mode = inputs.oneOf(POLICY_INPUT.source, POLICY_SOURCES, 'default-branch');
    const given = inputs.optional(POLICY_INPUT.policy);
    const path = given === undefined ? DEFAULT_POLICY_FILE : repositoryPath(given);
    // The input defaults to the job's token; a workflow may also hand one over as GITHUB_TOKEN,
    // which no earlier step can set (the runner refuses GITHUB_* names in GITHUB_ENV).
    const githubToken = inputs.optional(POLICY_INPUT.githubToken) ?? (env['GITHUB_TOKEN'] || undefined);
    if (githubToken === undefined && mode !== 'workspace') {
        throw new errors/* ConfigurationError */.j1(`Input 'github-token' is empty, but 'policy-source: ${mode}' reads the policy through GitHub's API. ` +
            "Leave 'github-token' unset (it defaults to the job's token, which needs `contents: read`), or pass a token that can read the repository.");
    }
    return Object.freeze({
        mode,
        path,
        explicitPath: given !== undefined,
        required: inputs.boolean(POLICY_INPUT.required, false),
        githubToken,
        apiUrl: apiUrl(env['GITHUB_API_URL']),
        workspace: env['GITHUB_WORKSPACE'] ?? process.cwd(),
        timeoutMs: (0,retry/* httpTimeoutMs */.C)(env),
    });
}
/** A path inside the repository: relative, no `..`, forward slashes. */
function repositoryPath(value) {
    const bad = (why) => new errors/* ConfigurationError */.j1(`Invalid policy '${value}': ${why}. Give the file's path inside the repository, such as ${DEFAULT_POLICY_FILE}.`);
    if (value.includes('\\'))
        throw bad('use forward slashes');
    if (value.startsWith('/'))
        throw bad('the path is read from the repository, so it cannot be absolute');
    if ([...value].some((c) => c.charCodeAt(0) < 0x20))
        throw bad('it contains a control character');
    const normal = external_node_path_.posix.normalize(value);
    if (normal === '..' || normal.startsWith('../'))
        throw bad('it leaves the repository');
    if (normal === '.' || normal.endsWith('/'))
        throw bad('it names a directory');
    return normal;
}
/** The API gets the job's token: https only, or http to a local emulator. */
function apiUrl(value) {
    if (value === undefined || value === '')
        return DEFAULT_API_URL;
    const url = URL.parse(value);
    const ok = url !== null &&
        !url.search &&
        !url.hash &&
        !url.username &&
        !url.password &&
        (url.protocol === 'https:' || (url.protocol === 'http:' && (0,issuer/* isLoopbackHost */.cW)(url.hostname)));
    if (!ok) {
        throw new errors/* ConfigurationError */.j1(`GITHUB_API_URL '${value}' is not an https URL (plain http only on loopback): the policy is read with the job's token, which must not travel in clear. ` +
            'The runner sets this variable; a workflow that overrides it must give https://HOSTNAME/api/v3 or similar.');
    }
    return value.replace(/\/+$/, '');
}
/**
 * The policy the job cannot weaken: read from the repository named by the VERIFIED token's
 * claims, at a commit (the default branch's head, or the workflow's own commit), never from
 * anything the job wrote. A read that fails in any way other than "this commit has no such
 * file" is an error, whatever `policy-required` says: an existing policy that cannot be read
 * must never pass for no policy.
 */
async function loadTrustedPolicy(settings, claims, deps = {}) {
    const warnings = [];
    let found;
    if (settings.mode === 'workspace') {
        found = await fromWorkspace(settings, claims, deps);
    }
    else {
        found =
            settings.mode === 'workflow'
                ? await fromWorkflow(settings, claims, deps)
                : await fromDefaultBranch(settings, claims, deps);
        const local = await readWorkspaceFile(settings);
        if (local !== undefined && (found.bytes === undefined || !local.equals(found.bytes))) {
            warnings.push(`The checkout's ${settings.path} differs from the policy that decided (${found.bytes ? found.origin.location : `none at ${found.origin.location}`}); ` +
                `it was ignored. A change to the policy takes effect once it is on ${found.origin.ref}.`);
        }
    }
    const { bytes, origin } = found;
    if (bytes === undefined) {
        if (settings.required || settings.explicitPath) {
            throw new errors/* ConfigurationError */.j1(`No policy file at ${origin.location}, and ${settings.explicitPath ? `the 'policy' input names it` : "'policy-required' is true"}: ` +
                `nothing was asked of the cloud. Add ${settings.path} to ${origin.repository} on ${origin.ref}, or fix the 'policy' / 'policy-source' inputs.`);
        }
        warnings.push(`No policy file at ${origin.location}: the cloud's trust configuration alone decides. Set 'policy-required: true' to refuse instead.`);
        return { policy: undefined, origin, digest: undefined, warnings };
    }
    if (bytes.length > MAX_POLICY_BYTES) {
        throw new errors/* ConfigurationError */.j1(`The policy file at ${origin.location} is ${bytes.length} bytes; at most ${MAX_POLICY_BYTES} are read. Nothing was asked of the cloud.`);
    }
    const { parsePolicy } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(856), __webpack_require__.e(164)]).then(__webpack_require__.bind(__webpack_require__, 8164));
    const policy = parsePolicy(bytes, origin.location);
    return { policy, origin, digest: `sha256:${policy.digest}`, warnings };
}
function claim(claims, name) {
    const v = claims[name];
    return typeof v === 'string' && v !== '' ? v : undefined;
}
function api(settings, deps) {
    if (settings.githubToken === undefined) {
        throw new errors/* ConfigurationError */.j1("Input 'github-token' is empty: the default branch's policy cannot be read to compare with the checkout. Leave 'github-token' unset (the job's token) or pass one that can read the repository.");
    }
    return new GitHubApi({
        apiUrl: settings.apiUrl,
        token: settings.githubToken,
        timeoutMs: settings.timeoutMs,
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
        ...(deps.sleep ? { sleep: deps.sleep } : {}),
    });
}
async function fromDefaultBranch(settings, claims, deps) {
    const repository = claim(claims, 'repository');
    if (!repository || !/^[^/\s]+\/[^/\s]+$/.test(repository)) {
        throw new Error(`The verified OIDC token has no usable 'repository' claim ('${String(repository)}'), so there is no repository to read the policy from.`);
    }
    const gh = api(settings, deps);
    const at = { repository, path: settings.path, step: 'repository' };
    try {
        const repo = await gh.repository(repository);
        const claimedId = claim(claims, 'repository_id');
        if (claimedId !== undefined && repo.id !== claimedId) {
            throw new Error(`GitHub's API says ${repository} has id ${repo.id}, but the token's repository_id is ${claimedId}: the repository was renamed or replaced since the job started. Nothing was asked of the cloud.`);
        }
        const ref = `refs/heads/${repo.defaultBranch}`;
        const commit = await gh.branchCommit(repository, repo.defaultBranch);
        const origin = originOf('default-branch', repository, ref, commit, settings.path);
        const file = await gh.file(repository, settings.path, commit, MAX_POLICY_BYTES);
        return { bytes: file?.bytes, origin };
    }
    catch (err) {
        throw explain(err, settings, at);
    }
}
/** `OWNER/REPO/PATH@REF` of the workflow file that defines the job. */
function parseJobWorkflowRef(value) {
    const m = /^([^/@\s]+\/[^/@\s]+)\/([^@]+)@(.+)$/.exec(value);
    return m ? { repository: m[1], file: m[2], ref: m[3] } : undefined;
}
async function fromWorkflow(settings, claims, deps) {
    const ref = claim(claims, 'job_workflow_ref');
    const commit = claim(claims, 'job_workflow_sha');
    const parsed = ref ? parseJobWorkflowRef(ref) : undefined;
    if (!parsed || !commit || !isCommitSha(commit)) {
        throw new Error(`'policy-source: workflow' needs the verified token's job_workflow_ref and job_workflow_sha claims, but they are '${String(ref)}' and '${String(commit)}'. ` +
            "This GitHub (or GitHub Enterprise Server) version may not issue them: use 'policy-source: default-branch'.");
    }
    const origin = originOf('workflow', parsed.repository, parsed.ref, commit, settings.path);
    try {
        const gh = api(settings, deps);
        // A 404 for the file means "no such file" only once the repository and the commit are
        // readable: GitHub answers 404, not 403, for a repository the token may not see.
        await gh.repository(parsed.repository);
        await gh.commit(parsed.repository, commit);
        const file = await gh.file(parsed.repository, settings.path, commit, MAX_POLICY_BYTES);
        return { bytes: file?.bytes, origin };
    }
    catch (err) {
        throw explain(err, settings, {
            repository: parsed.repository,
            path: settings.path,
            step: 'workflow',
        });
    }
}
async function fromWorkspace(settings, claims, deps) {
    const local = await readWorkspaceFile(settings);
    const event = claim(claims, 'event_name') ?? '';
    const repository = claim(claims, 'repository') ?? '?';
    const checkout = {
        source: 'workspace',
        repository,
        ref: claim(claims, 'ref') ?? '?',
        commit: undefined,
        path: settings.path,
        location: `workspace:${settings.path}`,
    };
    if (!UNTRUSTED_CHECKOUT_EVENTS.includes(event))
        return { bytes: local, origin: checkout };
    // Whoever opened the pull request (or wrote the comment) wrote this checkout: only the
    // default branch's bytes count, and the checkout may not differ from them.
    const trusted = await fromDefaultBranch(settings, claims, deps);
    const same = local === undefined
        ? trusted.bytes === undefined
        : trusted.bytes !== undefined && local.equals(trusted.bytes);
    if (!same) {
        throw new errors/* ConfigurationError */.j1(`'policy-source: workspace' on a ${event} event: the checkout's ${settings.path} ${local === undefined ? 'is missing' : 'differs from'} ` +
            `the default branch's (${trusted.bytes === undefined ? `none at ${trusted.origin.location}` : trusted.origin.location}). ` +
            `On ${event}, the checkout is written by whoever triggered the run, so it is refused; nothing was asked of the cloud. ` +
            "Merge the policy change first, or use 'policy-source: default-branch'.");
    }
    return { bytes: trusted.bytes, origin: { ...trusted.origin, source: 'workspace' } };
}
function originOf(source, repository, ref, commit, path) {
    return { source, repository, ref, commit, path, location: `${repository}@${commit}:${path}` };
}
/** The checkout's copy, read no further than a policy may be long; undefined when absent. */
async function readWorkspaceFile(settings) {
    let file;
    try {
        file = await (0,promises_.open)(external_node_path_.posix.join(settings.workspace, settings.path), 'r');
    }
    catch (err) {
        const code = err.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return undefined;
        throw new errors/* ConfigurationError */.j1(`Cannot read the checkout's ${settings.path}: ${err.message}`);
    }
    try {
        const buf = Buffer.alloc(MAX_POLICY_BYTES + 1);
        const { bytesRead } = await file.read(buf, 0, buf.length, 0);
        return buf.subarray(0, bytesRead);
    }
    catch (err) {
        throw new errors/* ConfigurationError */.j1(`Cannot read the checkout's ${settings.path}: ${err.message}`);
    }
    finally {
        await file.close();
    }
}
/** What each API failure means for the user, and what to change. Never "no policy". */
function explain(err, settings, at) {
    if (!(err instanceof GitHubApiError))
        return err instanceof Error ? err : new Error(String(err));
    const tail = ` The policy could not be read, and an unreadable policy is never taken as no policy: nothing was asked of the cloud.`;
    const token = "'github-token'";
    switch (err.failure) {
        case 'forbidden':
            return new errors/* ConfigurationError */.j1(`The token in ${token} may not read ${at.repository}'s contents (${err.message}) ` +
                `Grant the job \`permissions: { id-token: write, contents: read }\`, or pass a token that can read ${at.repository} in ${token}.` +
                tail, { cause: err });
        case 'unauthorized':
            return new errors/* ConfigurationError */.j1(`GitHub refused the token in ${token} (${err.message}) Leave ${token} unset to use the job's own token, or pass a valid one.` +
                tail, { cause: err });
        case 'not-found':
            return new errors/* ConfigurationError */.j1(`The token in ${token} cannot see ${at.repository} (${err.message}) ` +
                (at.step === 'workflow'
                    ? `The job's own token reads only its own repository: for a workflow in another private or internal repository, pass a GitHub App or fine-grained token with contents: read on ${at.repository} in ${token}.`
                    : `Grant the job \`contents: read\`, or pass a token that can read ${at.repository}.`) +
                tail, { cause: err });
        case 'rate-limited':
            return new Error(`${err.message} Retry when it resets, or pass a GitHub App token (its own, larger limit) in ${token}.` +
                tail, { cause: err });
        case 'unreachable':
        case 'server':
            return new Error(`${err.message} Check GITHUB_API_URL (${settings.apiUrl}), the runner's network and any proxy (HTTPS_PROXY); JIT_CREDENTIALS_HTTP_TIMEOUT_MS sets the per-request deadline (${settings.timeoutMs} ms).` +
                tail, { cause: err });
        default:
            return new Error(err.message + tail, { cause: err });
    }
}
/** For the ledger: where the policy came from, in one flat object. */
function originRecord(trusted) {
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
const sha256Hex = (bytes) => (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');


/***/ })

};
