export const id = 62;
export const ids = [62,593];
export const modules = {

/***/ 7593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hT: () => (/* binding */ parseCliArgs),
/* harmony export */   lI: () => (/* binding */ verbArgs),
/* harmony export */   suggest: () => (/* binding */ suggest)
/* harmony export */ });
/* unused harmony exports UsageError, parseCli */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);

/** A mistake on the command line: shown as-is, exit code 2. */
class UsageError extends Error {
    name = 'UsageError';
}
/**
 * Node's parseArgs with its errors rewritten for people: the unknown flag is named with the
 * nearest known one ("Unknown option '--formt'. Did you mean '--format'?").
 */
function parseCliArgs(config) {
    try {
        return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)(config);
    }
    catch (err) {
        throw friendly(err, config.options);
    }
}
/** The same, for a plain list of options. */
function parseCli(args, options, allowPositionals = true) {
    return parseCliArgs({ args: [...args], options, allowPositionals, strict: true });
}
function friendly(err, options) {
    const e = err;
    const flag = /'(-{1,2}[^'\s]+)[^']*'/.exec(e.message)?.[1];
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag) {
        const known = Object.keys(options ?? {}).map((o) => `--${o}`);
        return new UsageError(`Unknown option '${flag}'.${suggest(flag, known)}`);
    }
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) {
        return new UsageError(`Option '${flag}' needs a value.`);
    }
    return new UsageError(e.message.replace(/\. To specify a positional argument.*$/s, '.'));
}
function verbArgs(argv, options, usage, io) {
    let parsed;
    try {
        parsed = parseCliArgs({
            args: [...argv],
            options: { ...options, help: { type: 'boolean', short: 'h' } },
            allowPositionals: true,
            strict: true,
        });
    }
    catch (err) {
        io.stderr(`${err.message}\n\n${usage}`);
        return 2;
    }
    if (parsed.values.help) {
        io.stdout(usage);
        return 0;
    }
    return parsed;
}
/** " Did you mean 'x'?" for the nearest of `known` within a small edit distance, else ''. */
function suggest(word, known) {
    let best;
    let bestDistance = Infinity;
    for (const k of known) {
        const d = distance(word, k);
        if (d < bestDistance)
            [best, bestDistance] = [k, d];
    }
    return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3))
        ? ` Did you mean '${best}'?`
        : '';
}
/** Levenshtein distance, for short command-line words only. */
function distance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++) {
            row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        prev = row;
    }
    return prev[b.length];
}


/***/ }),

/***/ 62:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  reposCli: () => (/* binding */ reposCli)
});

// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/scan/org/list.ts

const MAX_PAGE_BYTES = 16 * 1024 * 1024;
const NAME = /^[\w.-]{1,100}\/[\w.-]{1,100}$/;
function checkOwner(owner) {
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(owner))
        throw new errors/* ConfigurationError */.j1(`Invalid organisation '${owner}'. Expected a GitHub organisation or user name, such as octo-org.`);
}
function checkApiUrl(apiUrl) {
    const url = URL.parse(apiUrl);
    const loopback = url && /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(url.hostname);
    if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback)))
        throw new errors/* ConfigurationError */.j1(`Invalid GITHUB_API_URL '${apiUrl}'. Expected https://api.github.com or your GitHub Enterprise Server's https://HOST/api/v3 (plain http only on loopback).`);
    return url;
}
async function listRepositories(opts) {
    checkOwner(opts.owner);
    const base = checkApiUrl(opts.apiUrl);
    const root = base.href.replace(/\/+$/, '');
    const doFetch = opts.fetch ?? fetch;
    const maxPages = opts.maxPages ?? 100;
    const out = {
        repositories: [],
        skipped: { archived: 0, forks: 0, disabled: 0, empty: 0 },
        pages: 0,
    };
    let next = `${root}/orgs/${opts.owner}/repos?per_page=100&type=all`;
    let triedUser = false;
    const visited = new Set();
    while (next) {
        if (visited.has(next))
            throw new Error(`The API sent the same page twice (${next}); stopped.`);
        visited.add(next);
        if (out.pages >= maxPages)
            throw new errors/* ConfigurationError */.j1(`${opts.owner} has more than ${maxPages * 100} repositories (${maxPages} pages); raise --max-pages.`);
        const res = await get(doFetch, next, opts.token, opts.timeoutMs ?? 30_000);
        if (res.status === 404 && out.pages === 0 && !triedUser) {
            // A personal account has no /orgs endpoint.
            triedUser = true;
            next = `${root}/users/${opts.owner}/repos?per_page=100&type=owner`;
            continue;
        }
        if (res.status !== 200)
            throw new Error(failure(res, opts.owner));
        out.pages++;
        const page = parsePage(res.body, next);
        for (const r of page) {
            if (r.archived && !opts.includeArchived)
                out.skipped.archived++;
            else if (r.fork && !opts.includeForks)
                out.skipped.forks++;
            else if (r.disabled)
                out.skipped.disabled++;
            else if (!r.defaultBranch)
                out.skipped.empty++;
            else
                out.repositories.push(r);
        }
        next = nextLink(res.link, base);
    }
    out.repositories.sort((a, b) => (a.fullName < b.fullName ? -1 : a.fullName > b.fullName ? 1 : 0));
    return out;
}
async function get(doFetch, url, token, timeoutMs) {
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
    if (length > MAX_PAGE_BYTES)
        throw new Error(`A page of ${url} is ${length} bytes; refused.`);
    const body = await res.text();
    if (body.length > MAX_PAGE_BYTES)
        throw new Error(`A page of ${url} is over ${MAX_PAGE_BYTES} bytes; refused.`);
    return { status: res.status, body, link: res.headers.get('link'), headers: res.headers };
}
function failure(res, owner) {
    let message = '';
    try {
        const parsed = JSON.parse(res.body);
        if (typeof parsed.message === 'string')
            message = parsed.message.slice(0, 300);
    }
    catch {
        // not JSON: the status says enough
    }
    const reset = res.headers.get('x-ratelimit-reset');
    if ((res.status === 403 || res.status === 429) &&
        res.headers.get('x-ratelimit-remaining') === '0')
        return `GitHub's API rate limit is used up${reset ? ` until ${new Date(Number(reset) * 1000).toISOString()}` : ''}; try again then, or use a GitHub App token.`;
    if (res.status === 401)
        return `The API refused the token (401 ${message}): give a token that can read ${owner}'s repositories (a GitHub App installation token with Metadata: read and Contents: read).`;
    if (res.status === 403)
        return `The API refused to list ${owner}'s repositories (403 ${message}); the token needs Metadata: read (and SSO authorisation for the organisation).`;
    if (res.status === 404)
        return `No organisation or user '${owner}' (404 ${message}).`;
    return `Listing ${owner}'s repositories failed: HTTP ${res.status} ${message}`;
}
function parsePage(body, url) {
    let raw;
    try {
        raw = JSON.parse(body);
    }
    catch {
        throw new Error(`The API's answer for ${url} is not JSON.`);
    }
    if (!Array.isArray(raw))
        throw new Error(`The API's answer for ${url} is not a list of repositories.`);
    const out = [];
    for (const r of raw) {
        if (typeof r !== 'object' || r === null)
            continue;
        const fullName = r['full_name'];
        // Names end up in a job matrix and a checkout: anything but owner/name is dropped.
        if (typeof fullName !== 'string' || !NAME.test(fullName))
            continue;
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
function nextLink(header, base) {
    if (!header)
        return undefined;
    for (const part of header.split(',')) {
        const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
        if (!m)
            continue;
        const url = URL.parse(m[1].trim());
        // The token goes with the request: never to another host.
        if (!url || url.origin !== base.origin)
            throw new Error(`The API's next page is on another host (${m[1]}); stopped.`);
        return url.href;
    }
    return undefined;
}
/** Groups names so a matrix stays under GitHub's 256 jobs: one string of names per job. */
function matrixOf(names, perJob) {
    const n = perJob ?? Math.max(1, Math.ceil(names.length / 256));
    const out = [];
    for (let i = 0; i < names.length; i += n)
        out.push(names.slice(i, i + n).join(' '));
    return out;
}

;// CONCATENATED MODULE: ./src/cli/repos.ts



const USAGE = `Usage: jit-credentials repos ORG [options]

Lists the repositories of a GitHub organisation (or user) through the REST API, following every
page, for a scan matrix. Archived repositories and forks are left out unless asked for.
The API is GITHUB_API_URL (default https://api.github.com); the token is GITHUB_TOKEN or GH_TOKEN.

Options:
      --include-archived  list archived repositories too
      --include-forks     list forks too
      --format FORMAT     json (default): a JSON list of OWNER/REPO; matrix: a JSON list of
                          job entries, each a space-separated group of OWNER/REPO, at most 256
      --per-job N         with --format matrix: repositories per job (default: as few as keep
                          the matrix at 256 jobs or fewer)
      --max-pages N       stop with an error after N pages of 100 (default 100)
  -h, --help              show this help

Exit codes: 0 listed, 2 a usage error, or the API refused or failed.
`;
/** `jit-credentials repos ORG`: returns the exit code. */
async function reposCli(argv, io) {
    const env = io.env ?? ((n) => process.env[n]);
    const parsed = (0,args/* verbArgs */.lI)(argv, {
        'include-archived': { type: 'boolean' },
        'include-forks': { type: 'boolean' },
        format: { type: 'string' },
        'per-job': { type: 'string' },
        'max-pages': { type: 'string' },
    }, USAGE, io);
    if (typeof parsed === 'number')
        return parsed;
    const { values, positionals } = parsed;
    try {
        if (positionals.length !== 1)
            throw new errors/* ConfigurationError */.j1('Give one organisation (or user) name: jit-credentials repos ORG.');
        const format = values.format ?? 'json';
        if (format !== 'json' && format !== 'matrix')
            throw new errors/* ConfigurationError */.j1(`Invalid --format '${format}'. Expected one of: json, matrix.`);
        const perJob = count(values['per-job'], '--per-job', 1, 1000);
        const maxPages = count(values['max-pages'], '--max-pages', 1, 10_000);
        const listing = await listRepositories({
            owner: positionals[0],
            apiUrl: env('GITHUB_API_URL') || 'https://api.github.com',
            token: env('GITHUB_TOKEN') || env('GH_TOKEN') || undefined,
            includeArchived: values['include-archived'],
            includeForks: values['include-forks'],
            maxPages,
            fetch: io.fetch,
        });
        const names = listing.repositories.map((r) => r.fullName);
        const matrix = format === 'matrix' ? matrixOf(names, perJob) : names;
        if (matrix.length > 256)
            throw new errors/* ConfigurationError */.j1(`${names.length} repositories make ${matrix.length} jobs, more than a matrix's 256: raise --per-job.`);
        io.stdout(JSON.stringify(matrix) + '\n');
        const k = listing.skipped;
        io.stderr(`${names.length} repositories of ${positionals[0]} (${listing.pages} page${listing.pages === 1 ? '' : 's'}); left out: ${k.archived} archived, ${k.forks} forks, ${k.disabled} disabled, ${k.empty} empty.\n`);
        return 0;
    }
    catch (err) {
        io.stderr(`${err instanceof errors/* ConfigurationError */.j1 ? '' : 'jit-credentials repos failed: '}${(0,errors/* errorMessage */.gJ)(err)}\n`);
        return 2;
    }
}
function count(value, option, min, max) {
    if (value === undefined)
        return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
        throw new errors/* ConfigurationError */.j1(`Invalid ${option} '${value}'. Expected a whole number from ${min} to ${max}.`);
    return n;
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K2: () => (/* binding */ CloudError),
/* harmony export */   XP: () => (/* binding */ RevocationError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   j1: () => (/* binding */ ConfigurationError)
/* harmony export */ });
/**
 * A mistake the user can fix by changing an input, the policy or a cloud's trust
 * configuration. Kept apart from bugs so that the message is shown as-is, without a
 * stack, and so that reporting can say "change this" rather than "this broke".
 */
class ConfigurationError extends Error {
    name = 'ConfigurationError';
}
/** A cloud refused or failed a request; the message already says what to fix. */
class CloudError extends Error {
    retryable;
    name = 'CloudError';
    constructor(message, retryable = false, options) {
        super(message, options);
        this.retryable = retryable;
    }
}
function errorMessage(err) {
    return err instanceof Error ? err.message : String(err);
}
/**
 * A revocation the cloud did not take (the deny could not be written, or did not stay): the
 * session is still accepted until `sessionExpiresAt`. The close must fail and say
 * "not revoked — expires <time>", never "revoked"; the message says what to fix.
 */
class RevocationError extends CloudError {
    sessionExpiresAt;
    name = 'RevocationError';
    constructor(message, 
    /** When the cloud refuses the session anyway (its STS expiry). */
    sessionExpiresAt, options) {
        super(message, false, options);
        this.sessionExpiresAt = sessionExpiresAt;
    }
}


/***/ })

};
