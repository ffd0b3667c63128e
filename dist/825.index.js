export const id = 825;
export const ids = [825];
export const modules = {

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


/***/ }),

/***/ 9205:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
/* unused harmony exports parseList, parseBoolean, parseDuration */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/** Reads inputs by name, trimming, with `''` meaning "not given" (the runner sends unset inputs as ''). */
class Inputs {
    runner;
    constructor(runner) {
        this.runner = runner;
    }
    optional(name) {
        const value = this.runner.input(name).trim();
        return value === '' ? undefined : value;
    }
    /** `required: true` in action.yml is not enforced by the runner, so it is enforced here. */
    required(name, hint = '') {
        const value = this.optional(name);
        if (value === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input '${name}' is required${hint ? `: ${hint}` : '.'}`);
        }
        return value;
    }
    /** Multi-line inputs keep their inner layout (JSON policies, scripts); only outer blank lines go. */
    raw(name) {
        const value = this.runner.input(name);
        return value.trim() === '' ? undefined : value;
    }
    list(name) {
        return parseList(this.runner.input(name));
    }
    boolean(name, fallback) {
        const value = this.optional(name);
        return value === undefined ? fallback : parseBoolean(name, value);
    }
    duration(name) {
        const value = this.optional(name);
        return value === undefined ? undefined : parseDuration(name, value);
    }
    oneOf(name, allowed, fallback) {
        const value = this.optional(name);
        if (value === undefined)
            return fallback;
        if (!allowed.includes(value)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid ${name} '${value}'. Expected one of: ${allowed.join(', ')}.`);
        }
        return value;
    }
}
/** Newlines and commas separate items; items are trimmed and empties dropped (as actions/cache does). */
function parseList(value) {
    return value
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
}
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
/** Only the YAML 1.2 core spellings, so that a typo such as `ture` is an error, not false. */
function parseBoolean(name, value) {
    if (TRUE.includes(value))
        return true;
    if (FALSE.includes(value))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid ${name} '${value}'. Expected true or false.`);
}
const UNIT_SECONDS = { s: 1, m: 60, h: 3600 };
/**
 * Seconds from `300`, `300s`, `5m`, `1h`, `1h30m`. Anything else is an error that shows the
 * accepted forms; zero and negative values are refused.
 */
function parseDuration(name, value) {
    const v = value.trim();
    let seconds;
    if (/^\d+$/.test(v)) {
        seconds = Number(v);
    }
    else if (/^(\d+h)?(\d+m)?(\d+s)?$/.test(v) && v !== '') {
        seconds = 0;
        for (const [, n, unit] of v.matchAll(/(\d+)([hms])/g)) {
            seconds += Number(n) * UNIT_SECONDS[unit];
        }
    }
    if (seconds === undefined || !Number.isSafeInteger(seconds)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid ${name} '${value}'. Use seconds (900) or a duration such as 90s, 15m, 1h or 1h30m.`);
    }
    if (seconds <= 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid ${name} '${value}'. It must be longer than zero.`);
    }
    return seconds;
}
function formatDuration(seconds) {
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    return [h ? `${h}h` : '', m ? `${m}m` : '', s || (!h && !m) ? `${s}s` : ''].join('');
}


/***/ }),

/***/ 3321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bC: () => (/* binding */ mdText),
/* harmony export */   js: () => (/* binding */ htmlText),
/* harmony export */   xs: () => (/* binding */ mdCode)
/* harmony export */ });
/**
 * Values from outside (token claims such as branch names, cloud errors, the ledger, workflow
 * files) made inert for the job summary, which GitHub renders as GitHub Flavored Markdown with
 * some HTML. A branch may be named `<h1>x</h1>`, `a|b` or `` `x` ``: shown, it must read as
 * exactly that text, stay inside its table cell, and make no HTML, link, image or formatting.
 */
/** Long enough for a cloud's explanation; a padded ledger value cannot fill the 1 MiB summary. */
const MAX_CHARS = 4000;
// Line breaks end a table row (and any other construct); other control characters have no
// business in a reviewer's record.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const BREAKS = /\r\n|[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;
// Every ASCII punctuation character may be backslash-escaped in CommonMark; these are the ones
// that can start something: code spans, emphasis, strikethrough, links and images, table cells,
// headings and math. `_`, and the `:` and `.` of extended autolinks, are handled apart.
const ESCAPED = new Set(['\\', '`', '*', '~', '[', ']', '(', ')', '!', '#', '|', '$']);
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const alnum = (c) => c !== undefined && /[A-Za-z0-9]/.test(c);
/**
 * Inline Markdown text that renders as `value` itself, anywhere in a line (a table cell, a list
 * item, a heading): `&<>"` become entities, Markdown punctuation is backslash-escaped, line breaks
 * become spaces. `_` between two letters or digits (`event_name`) cannot delimit emphasis and is
 * left as it is, so that identifiers stay readable in the raw file; `@` is left too (a mention in
 * a job summary notifies no one). Over MAX_CHARS characters, the value is cut and says so.
 */
function mdText(value) {
    const whole = String(value).replace(BREAKS, ' ');
    const text = whole.slice(0, MAX_CHARS);
    let out = '';
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (ENTITIES[c])
            out += ENTITIES[c];
        else if (ESCAPED.has(c))
            out += `\\${c}`;
        else if (c === '_' && !(alnum(text[i - 1]) && alnum(text[i + 1])))
            out += '\\_';
        // `https://` and `www.` start extended autolinks; an escape inside them breaks the match.
        else if (c === ':' && text[i + 1] === '/')
            out += '\\:';
        else if (c === '.' && /www$/i.test(text.slice(Math.max(0, i - 3), i)))
            out += '\\.';
        else
            out += c;
    }
    return whole.length > MAX_CHARS ? `${out}… (${whole.length} characters)` : out;
}
/**
 * The value in code style. A Markdown code span cannot hold every value safely inside a table (a
 * backslash before `|` would show), so this is the HTML element around the escaped text.
 */
function mdCode(value) {
    return `<code>${mdText(value)}</code>`;
}
/**
 * Text inside a raw HTML block (`<details><summary>…</summary>`), where Markdown is not parsed
 * and backslash escapes would show: entities only.
 */
function htmlText(value) {
    return String(value)
        .replace(BREAKS, ' ')
        .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}


/***/ }),

/***/ 6789:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ formatAnnotations)
/* harmony export */ });
/* harmony import */ var _summary_data_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8637);

const LEVEL = { critical: 'error', high: 'error', medium: 'warning', low: 'notice' };
/** Workflow commands that put each finding on its line in the pull request's "Files changed". */
function formatAnnotations(findings) {
    return findings
        .map((f) => {
        const props = [
            `file=${prop(f.file)}`,
            `line=${f.line}`,
            `endLine=${f.endLine}`,
            ...(f.line === f.endLine ? [`col=${f.column}`, `endColumn=${f.endColumn}`] : []),
            `title=${prop(`${(0,_summary_data_js__WEBPACK_IMPORTED_MODULE_0__/* .ruleTitle */ .z)(f.rule)} (${f.severity})`)}`,
        ].join(',');
        return `::${LEVEL[f.severity]} ${props}::${data(`${f.message}\n\nFix: ${f.help}`)}\n`;
    })
        .join('');
}
function data(s) {
    return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function prop(s) {
    return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}


/***/ }),

/***/ 8637:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ summarise),
/* harmony export */   z: () => (/* binding */ ruleTitle)
/* harmony export */ });
/* harmony import */ var _rules_catalog_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8742);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1184);


function summarise(result) {
    const bySeverity = Object.fromEntries(_types_js__WEBPACK_IMPORTED_MODULE_1__/* .SEVERITIES */ .o.map((s) => [s, 0]));
    const byRule = {};
    const staticKeyUses = { aws: 0, azure: 0, gcp: 0, other: 0 };
    const keyFiles = new Set();
    for (const f of result.findings) {
        bySeverity[f.severity]++;
        byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
        if (_rules_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .RULES */ .y0.get(f.rule)?.credential) {
            staticKeyUses[f.cloud ?? 'other']++;
            keyFiles.add(f.file);
        }
    }
    let longest;
    for (const p of result.files) {
        if (p.longestTtlSeconds !== undefined && (!longest || p.longestTtlSeconds > longest.s)) {
            longest = { s: p.longestTtlSeconds, file: p.file };
        }
    }
    const oidc = result.files.filter((p) => p.oidcSteps > 0);
    return {
        files: result.files.length,
        workflows: result.files.filter((p) => p.kind === 'workflow').length,
        actions: result.files.filter((p) => p.kind === 'action').length,
        findings: result.findings.length,
        suppressed: result.suppressed,
        bySeverity,
        byRule,
        staticKeyUses,
        oidcFiles: oidc.length,
        oidcFilesWithKeys: oidc.filter((p) => keyFiles.has(p.file)).length,
        filesWithKeys: keyFiles.size,
        longestTtlSeconds: longest?.s ?? null,
        longestTtlFile: longest?.file ?? null,
    };
}
function ruleTitle(id) {
    return `${id} ${(0,_rules_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)(id).name}`;
}


/***/ }),

/***/ 8742:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hu: () => (/* binding */ rule),
/* harmony export */   OY: () => (/* binding */ RULE_LIST),
/* harmony export */   Oe: () => (/* binding */ CLOUD_HELP),
/* harmony export */   kV: () => (/* binding */ GENERIC_HELP),
/* harmony export */   y0: () => (/* binding */ RULES)
/* harmony export */ });
const AWS_HELP = 'Use OIDC: grant `permissions: id-token: write` to the job, create an IAM role that trusts ' +
    'token.actions.githubusercontent.com for this repository, and give the step `role-to-assume` ' +
    '(configure-aws-credentials) or `uses: OWNER/jit-credentials@v1` with `provider: aws` and `role`, then ' +
    'delete the access key.';
const GCP_HELP = 'Use Workload Identity Federation: grant `permissions: id-token: write`, create a workload identity ' +
    'pool and provider for GitHub, and give google-github-actions/auth `workload_identity_provider` and ' +
    '`service_account` (or jit-credentials with `provider: gcp`) instead of a key; then delete the key.';
const AZURE_HELP = 'Use a federated credential: grant `permissions: id-token: write`, add a federated credential for ' +
    'this repository to the app registration, and give azure/login only `client-id`, `tenant-id` and ' +
    '`subscription-id` (or jit-credentials with `provider: azure`); then delete the client secret.';
const CLOUD_HELP = { aws: AWS_HELP, gcp: GCP_HELP, azure: AZURE_HELP };
const GENERIC_HELP = "Replace the stored key with a short-lived credential obtained through the job's GitHub OIDC " +
    'token (`permissions: id-token: write`): an IAM role for AWS, Workload Identity Federation for ' +
    'Google Cloud, a federated credential for Azure; for S3-compatible stores that cannot federate, ' +
    'keep the key in an environment with required reviewers and scope it to one bucket.';
const list = [
    {
        id: 'JIT001',
        name: 'invalid-file',
        severity: 'medium',
        credential: false,
        short: 'The file is not valid YAML',
        full: 'The file could not be parsed as YAML, so GitHub will reject it and the scanner could not check all of it.',
        help: 'Fix the YAML error at the reported line (run `actionlint` or a YAML linter), then scan again.',
    },
    {
        id: 'JIT002',
        name: 'suppression-without-reason',
        severity: 'low',
        credential: false,
        short: 'A suppression gives no reason',
        full: 'A `# jit-credentials: ignore[RULE]` comment or a config-file suppression must say why the finding is accepted, so reviewers can judge it.',
        help: 'Write the reason after the bracket: `# jit-credentials: ignore[JIT103] LocalStack test key, not a real credential`.',
    },
    {
        id: 'JIT101',
        name: 'static-key-action-input',
        severity: 'high',
        credential: true,
        short: 'A long-lived cloud key is given to a cloud login action',
        full: 'A known cloud action (configure-aws-credentials, google-github-actions/auth, setup-gcloud, azure/login, docker/login-action to a cloud registry, webapps-deploy, Firebase deploy) receives a static key or service-account key instead of authenticating with OIDC.',
        help: GENERIC_HELP,
    },
    {
        id: 'JIT102',
        name: 'static-key-input',
        severity: 'high',
        credential: true,
        short: 'A long-lived cloud key is passed as an input or reusable-workflow secret',
        full: 'An input or reusable-workflow secret whose name and source show a cloud key or password (for example `r2-secret-access-key`, `credentials`, `azure-client-secret`) is fed from a stored secret.',
        help: GENERIC_HELP,
    },
    {
        id: 'JIT103',
        name: 'static-key-env',
        severity: 'high',
        credential: true,
        short: 'A long-lived cloud key is put in the environment',
        full: 'An environment variable that cloud SDKs or tools read as a static credential (`AWS_SECRET_ACCESS_KEY`, `ARM_CLIENT_SECRET`, `GOOGLE_CREDENTIALS`, storage account keys, S3-compatible keys) is set at workflow, job or step level.',
        help: GENERIC_HELP,
    },
    {
        id: 'JIT104',
        name: 'static-key-script',
        severity: 'high',
        credential: true,
        short: 'A long-lived cloud key is used in a script',
        full: 'A `run:` script logs in with a stored key (`aws configure set`, `az login -p`, `gcloud auth activate-service-account`), writes key material to a file, or interpolates a credential secret into the command line.',
        help: GENERIC_HELP,
    },
    {
        id: 'JIT105',
        name: 'literal-credential',
        severity: 'critical',
        credential: true,
        short: 'A cloud credential is written in the file',
        full: 'The file contains an AWS access key id, a private key block or a service-account key in clear text. Anyone who can read the repository holds it.',
        help: 'Revoke the key now (it is in the git history), then replace it with OIDC: ' + GENERIC_HELP,
    },
    {
        id: 'JIT106',
        name: 'secrets-inherit',
        severity: 'medium',
        credential: true,
        short: 'All secrets are handed to a reusable workflow',
        full: '`secrets: inherit` gives the called workflow every repository, environment and organisation secret, including any cloud keys, whatever it needs.',
        help: 'Pass only the secrets the called workflow declares, and let it obtain cloud access with OIDC (`permissions: id-token: write` on the calling job) instead of stored keys.',
    },
    {
        id: 'JIT107',
        name: 'all-secrets-serialised',
        severity: 'high',
        credential: true,
        short: 'Every secret is serialised with toJSON(secrets)',
        full: '`toJSON(secrets)` puts every secret the job can see, cloud keys included, into one value for a step.',
        help: 'Pass the one secret the step needs by name; obtain cloud access with OIDC instead of a stored key.',
    },
    {
        id: 'JIT108',
        name: 'action-accepts-key',
        severity: 'medium',
        credential: true,
        short: 'A composite action or reusable workflow asks its callers for a cloud key',
        full: 'An action input or `workflow_call` input/secret is named for a static cloud key, so every caller has to keep that key as a long-lived secret.',
        help: 'Let the action authenticate with OIDC itself (inputs such as `role-to-assume`, `workload_identity_provider`, `client-id`) and remove the key input.',
    },
    {
        id: 'JIT201',
        name: 'oidc-without-id-token',
        severity: 'medium',
        credential: false,
        short: 'An OIDC login runs in a job without `id-token: write`',
        full: 'The step asks for a GitHub OIDC token, but neither the job nor the workflow grants `id-token: write`, so the runner provides no token and the step fails with "Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable".',
        help: 'Add `permissions:\\n  id-token: write\\n  contents: read` to this job (listing every permission the job needs, since setting one resets the others to none).',
    },
    {
        id: 'JIT202',
        name: 'id-token-too-wide',
        severity: 'low',
        credential: false,
        short: '`id-token: write` is granted to jobs that do not use it',
        full: '`id-token: write` at workflow level (or `write-all`) lets every job mint OIDC tokens, including jobs that run third-party or pull-request code and need no cloud access.',
        help: "Move `id-token: write` from the workflow's `permissions` to the jobs that log in to a cloud, and set `permissions: contents: read` at workflow level.",
    },
    {
        id: 'JIT203',
        name: 'key-beside-oidc',
        severity: 'high',
        credential: true,
        short: 'A static key is kept as a fallback beside OIDC',
        full: 'The same step or job uses OIDC and a stored static key. The key stays valid and stealable, so the OIDC migration gives no protection until it is removed.',
        help: 'Remove the key inputs (and delete the key in the cloud); OIDC alone is enough. If the key is needed for role chaining, chain from the OIDC role instead.',
    },
];
const RULES = new Map(list.map((r) => [r.id, r]));
const RULE_LIST = list;
function rule(id) {
    const meta = RULES.get(id);
    if (!meta)
        throw new Error(`unknown rule ${id}`);
    return meta;
}


/***/ }),

/***/ 8825:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  d$: () => (/* binding */ FAIL_ON),
  hR: () => (/* binding */ FORMATS),
  XX: () => (/* binding */ render),
  Hk: () => (/* binding */ runScan)
});

// UNUSED EXPORTS: countFailing

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/scan/types.ts
var types = __webpack_require__(1184);
// EXTERNAL MODULE: ./src/scan/rules/catalog.ts
var catalog = __webpack_require__(8742);
;// CONCATENATED MODULE: ./src/scan/config.ts






/** Read when no `--config` is given and the file exists. */
const DEFAULT_CONFIG = '.github/jit-credentials-scan.yml';
const EMPTY_CONFIG = { ignore: [], disable: [] };
function loadConfig(cwd, path) {
    const explicit = path !== undefined;
    const file = path === undefined ? (0,external_node_path_.join)(cwd, DEFAULT_CONFIG) : (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.join)(cwd, path);
    if (!(0,external_node_fs_.existsSync)(file)) {
        if (explicit)
            throw new errors/* ConfigurationError */.j1(`Scan config '${path}' does not exist. Give the path of a YAML file, or leave --config out.`);
        return { config: EMPTY_CONFIG };
    }
    let raw;
    try {
        raw = (0,dist/* parse */.qg)((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch (err) {
        throw new errors/* ConfigurationError */.j1(`Scan config '${file}' is not valid YAML: ${err.message.split('\n')[0]}`);
    }
    return { config: parseConfig(raw ?? {}, file), path: file };
}
function parseConfig(raw, where) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        throw new errors/* ConfigurationError */.j1(`Scan config '${where}' must be a mapping with 'ignore', 'disable' or 'fail-on'.`);
    }
    const obj = raw;
    for (const key of Object.keys(obj)) {
        if (!['ignore', 'disable', 'fail-on'].includes(key)) {
            throw new errors/* ConfigurationError */.j1(`Unknown key '${key}' in scan config '${where}'. Allowed: ignore, disable, fail-on.`);
        }
    }
    const ignore = [];
    for (const [i, item] of list(obj['ignore'], 'ignore', where).entries()) {
        if (typeof item !== 'object' || item === null) {
            throw new errors/* ConfigurationError */.j1(`ignore[${i}] in '${where}' must be a mapping with rule, path, line and reason.`);
        }
        const r = item;
        const rule = checkRule(r['rule'], `ignore[${i}].rule`, where);
        const reason = typeof r['reason'] === 'string' ? r['reason'].trim() : '';
        if (reason === '') {
            throw new errors/* ConfigurationError */.j1(`ignore[${i}] (${rule}) in '${where}' has no reason. Say why the finding is accepted: reason: "..."`);
        }
        if (r['path'] !== undefined && typeof r['path'] !== 'string') {
            throw new errors/* ConfigurationError */.j1(`ignore[${i}].path in '${where}' must be a glob such as .github/workflows/*.yml.`);
        }
        if (r['line'] !== undefined && !Number.isInteger(r['line'])) {
            throw new errors/* ConfigurationError */.j1(`ignore[${i}].line in '${where}' must be a line number.`);
        }
        ignore.push({
            rule,
            path: r['path'],
            line: r['line'],
            reason,
        });
    }
    const disable = list(obj['disable'], 'disable', where).map((d, i) => checkRule(d, `disable[${i}]`, where));
    let failOn;
    if (obj['fail-on'] !== undefined)
        failOn = parseFailOn(String(obj['fail-on']), `fail-on in '${where}'`);
    return { ignore, disable, failOn };
}
function parseFailOn(value, what = 'fail-on') {
    if (value === 'none' || types/* SEVERITIES */.o.includes(value))
        return value;
    throw new errors/* ConfigurationError */.j1(`Invalid ${what} '${value}'. Expected one of: none, ${types/* SEVERITIES */.o.join(', ')}.`);
}
function list(value, key, where) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value))
        throw new errors/* ConfigurationError */.j1(`'${key}' in scan config '${where}' must be a list.`);
    return value;
}
function checkRule(value, what, where) {
    const id = String(value ?? '').toUpperCase();
    if (id === '*' || catalog/* RULES */.y0.has(id))
        return id;
    const byName = [...catalog/* RULES */.y0.values()].find((r) => r.name === String(value));
    if (byName)
        return byName.id;
    throw new errors/* ConfigurationError */.j1(`${what} in '${where}' is '${String(value)}', which is not a rule. Use an id such as JIT103 or a name such as static-key-env.`);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/scan/files.ts



const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'vendor']);
const YAML = /\.ya?ml$/;
/**
 * Workflows are `*.yml|yaml` in a `workflows` directory, actions are `action.yml|yaml` anywhere
 * (composite actions live under `.github/actions/` or the repository root). A file named on the
 * command line is scanned whatever its name.
 */
function findTargets(paths, cwd) {
    const out = new Map();
    for (const p of paths) {
        const abs = (0,external_node_path_.isAbsolute)(p) ? p : (0,external_node_path_.join)(cwd, p);
        let st;
        try {
            st = (0,external_node_fs_.statSync)(abs);
        }
        catch {
            throw new errors/* ConfigurationError */.j1(`Path '${p}' does not exist. Give workflow files or directories to scan (default .github/).`);
        }
        if (st.isFile())
            out.set(abs, target(abs, cwd));
        else
            walk(abs, cwd, out, 0);
    }
    return [...out.values()].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}
function walk(dir, cwd, out, depth) {
    if (depth > 30)
        return;
    let dirents;
    try {
        dirents = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true });
    }
    catch {
        return;
    }
    for (const d of dirents) {
        const name = d.name;
        const abs = (0,external_node_path_.join)(dir, name);
        let isDir = d.isDirectory();
        if (d.isSymbolicLink()) {
            try {
                isDir = (0,external_node_fs_.statSync)(abs).isDirectory();
            }
            catch {
                continue;
            }
        }
        if (isDir) {
            if (!SKIP_DIRS.has(name))
                walk(abs, cwd, out, depth + 1);
        }
        else if (YAML.test(name) && ((0,external_node_path_.basename)(dir) === 'workflows' || /^action\.ya?ml$/.test(name))) {
            out.set(abs, target(abs, cwd));
        }
    }
}
function target(abs, cwd) {
    const rel = (0,external_node_path_.relative)(cwd, abs).split(external_node_path_.sep).join('/') || (0,external_node_path_.basename)(abs);
    const kind = /^action\.ya?ml$/.test((0,external_node_path_.basename)(abs)) ? 'action' : 'workflow';
    return { abs, rel: rel.startsWith('../') ? abs.split(external_node_path_.sep).join('/') : rel, kind };
}
/** The repository root a file belongs to: the directory holding its `.github`, else `fallback`. */
function repoRoot(abs, fallback) {
    const i = abs.lastIndexOf(`${external_node_path_.sep}.github${external_node_path_.sep}`);
    return i >= 0 ? abs.slice(0, i) : fallback;
}

;// CONCATENATED MODULE: ./src/scan/rules/context.ts

/** Triggers that run with secrets on behalf of people outside the repository. */
const RISKY_TRIGGERS = ['pull_request_target', 'workflow_run', 'issue_comment'];
/** What a rule family gets: the parsed file, and one way to report. */
class RuleContext {
    src;
    file;
    findings = [];
    risky;
    constructor(src, file, triggers) {
        this.src = src;
        this.file = file;
        this.risky = triggers.filter((t) => RISKY_TRIGGERS.includes(t));
    }
    report(id, loc, message, opts = {}) {
        const meta = (0,catalog/* rule */.Hu)(id);
        let severity = opts.severity ?? meta.severity;
        let text = message;
        if (meta.credential && this.risky.length > 0) {
            severity = 'critical';
            text += ` The workflow runs on ${this.risky.join(', ')}, where people outside the repository can start it.`;
        }
        const cloudHelp = opts.cloud && opts.cloud !== 'other' ? catalog/* CLOUD_HELP */.Oe[opts.cloud] : undefined;
        const help = meta.help === catalog/* GENERIC_HELP */.kV && cloudHelp ? cloudHelp : meta.help;
        this.findings.push({
            rule: id,
            severity,
            file: this.file,
            ...loc,
            message: text,
            help,
            ...(opts.cloud ? { cloud: opts.cloud } : {}),
        });
    }
}

;// CONCATENATED MODULE: ./src/scan/names.ts
/**
 * Names decide most findings, because a workflow only ever shows `${{ secrets.NAME }}`: the
 * value is out of sight. A name counts as a credential when it holds a credential word and does
 * not end in an identifier word (client ids, tenants, role ARNs, regions are not secrets), and as
 * a cloud credential when it, its source or its neighbours name a cloud.
 */
const wordCache = new Map();
function words(name) {
    let hit = wordCache.get(name);
    if (hit)
        return hit;
    // Names repeat across steps and files; the cache is bounded so a huge tree cannot grow it forever.
    if (wordCache.size > 20_000)
        wordCache.clear();
    hit = splitWords(name);
    wordCache.set(name, hit);
    return hit;
}
function splitWords(name) {
    return name
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((w) => w !== '');
}
const CRED_WORDS = new Set([
    'secret',
    'password',
    'passwd',
    'key',
    'keys',
    'credential',
    'credentials',
    'creds',
    'cred',
    'privatekey',
    'connectionstring',
    'sas',
    'json',
]);
/** The last word decides: `KMS_KEY_ARN`, `AZURE_CLIENT_ID` and `SECRET_NAME` name things, not secrets. */
const IDENTIFIER_TAIL = new Set([
    'arn',
    'role',
    'region',
    'name',
    'bucket',
    'project',
    'url',
    'uri',
    'endpoint',
    'subscription',
    'tenant',
    'user',
    'username',
    'email',
    'zone',
    'location',
    'cluster',
    'repository',
    'repo',
    'host',
    'audience',
    'provider',
    'pool',
    'path',
    'file',
    'version',
    'type',
    'number',
    'ref',
    'arns',
    'ids',
]);
/** Long-lived secrets that are not cloud credentials: out of this scanner's scope. */
const NON_CLOUD = new Set([
    'docker',
    'dockerhub',
    'npm',
    'pypi',
    'twine',
    'slack',
    'github',
    'gh',
    'sentry',
    'codecov',
    'sonar',
    'ssh',
    'deploy',
    'gpg',
    'cosign',
    'nuget',
    'webhook',
    'signing',
    'pulumi',
    'kms',
    'codesign',
    'maps',
    'api',
]);
const CLOUD_WORDS = {
    aws: 'aws',
    s3: 'aws',
    ecr: 'aws',
    iam: 'aws',
    azure: 'azure',
    arm: 'azure',
    az: 'azure',
    acr: 'azure',
    entra: 'azure',
    gcp: 'gcp',
    gcs: 'gcp',
    gs: 'gcp',
    gke: 'gcp',
    gcr: 'gcp',
    gar: 'gcp',
    google: 'gcp',
    gcloud: 'gcp',
    firebase: 'gcp',
    r2: 'other',
    b2: 'other',
    os: 'other',
    openstack: 'other',
    swift: 'other',
    minio: 'other',
    wasabi: 'other',
    spaces: 'other',
    storage: 'other',
    blob: 'other',
};
const CLOUD_HOSTS = [
    [/\.amazonaws\.com\b/i, 'aws'],
    [/\.azurecr\.io\b/i, 'azure'],
    [/\.(blob|file|queue)\.core\.windows\.net\b/i, 'azure'],
    [/(^|[^a-z])(gcr\.io|[a-z0-9-]+-docker\.pkg\.dev)\b/i, 'gcp'],
    [/\.googleapis\.com\b/i, 'gcp'],
    [/\.r2\.cloudflarestorage\.com\b/i, 'other'],
    [/\.digitaloceanspaces\.com\b/i, 'other'],
    [/\.backblazeb2\.com\b/i, 'other'],
];
/** The cloud a name points at, or undefined. `service_account` means Google. */
function cloudOfName(name) {
    const ws = words(name);
    const joined = ws.join('_');
    if (joined.includes('service_account') || joined.includes('serviceaccount'))
        return 'gcp';
    // `SA_PASSWORD` is SQL Server's admin password; `GKE_SA_KEY` is a Google service-account key.
    if (ws.includes('sa') && (ws.includes('key') || ws.includes('json')))
        return 'gcp';
    for (const w of ws) {
        const c = CLOUD_WORDS[w];
        if (c)
            return c;
    }
    return undefined;
}
function cloudOfText(text) {
    for (const [re, cloud] of CLOUD_HOSTS)
        if (re.test(text))
            return cloud;
    return undefined;
}
function isNonCloudName(name) {
    // `AZURE_CODESIGN_CLIENT_SECRET` is an Azure secret whatever it signs.
    if (cloudOfName(name) !== undefined && !words(name).includes('docker'))
        return false;
    return words(name).some((w) => NON_CLOUD.has(w));
}
/**
 * True for key material and its pair halves: `AWS_SECRET_ACCESS_KEY`, `aws-access-key-id`,
 * `aws_key_id`, `credentials_json`, `GKE_SA_KEY`, `OS_PASSWORD`; false for `AZURE_CLIENT_ID`,
 * `AWS_ROLE_ARN`, `KMS_KEY_ID`, `SECRET_NAME`.
 */
function isCredentialName(name) {
    const ws = words(name);
    if (ws.length === 0)
        return false;
    const last = ws[ws.length - 1];
    const prev = ws[ws.length - 2];
    if (last === 'id') {
        // An access key id is half of a static key pair; any other id is an identifier.
        return prev === 'key' && !ws.includes('kms') && !ws.includes('client');
    }
    if (IDENTIFIER_TAIL.has(last))
        return false;
    // `SECRETS_AWS_PACKAGING_ROLE_TO_ASSUME` holds a role ARN, whatever else it says.
    if (ws.includes('role') || ws.includes('arn'))
        return false;
    if (last === 'json' &&
        !ws.some((w) => w === 'credentials' || w === 'key' || w === 'sa' || w === 'account')) {
        return false;
    }
    if (ws.includes('token') && !ws.some((w) => w !== 'json' && CRED_WORDS.has(w)))
        return false;
    return (ws.some((w) => CRED_WORDS.has(w) && w !== 'json') ||
        /credentials|serviceaccountkey/.test(ws.join('')));
}
/** A credential name that also points at a cloud and at no non-cloud service. */
function isCloudCredentialName(name) {
    return isCredentialName(name) && cloudOfName(name) !== undefined && !isNonCloudName(name);
}
/** Values that documentation and emulators publish: never real credentials. */
const EXAMPLE_VALUES = [
    /^AKIAIOSFODNN7EXAMPLE$/,
    /^wJalrXUtnFEMI\/K7MDENG\/bPxRfiCYEXAMPLEKEY$/,
    /EXAMPLE/,
    // Azurite's published account key.
    /^Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq\/K1SZFPTOtr\/KBHBeksoGMGw==$/,
    /^(test|testing|dummy|fake|mock|foo|bar|example|changeme|password|secret|minioadmin|localstack|none|null|xxx+|\*+|\.\.\.|<[^>]*>)$/i,
    /UseDevelopmentStorage=true/i,
    /devstoreaccount1/i,
];
function isExampleValue(value) {
    const v = value.trim();
    return v === '' || EXAMPLE_VALUES.some((re) => re.test(v));
}
/** Names that hold identifiers or settings (`AZURE_CLIENT_ID`, `AWS_ROLE_ARN`, `S3_BUCKET`). */
function isIdentifierName(name) {
    const ws = words(name);
    const last = ws[ws.length - 1];
    if (last === undefined)
        return false;
    if (last === 'id')
        return !isCredentialName(name);
    return IDENTIFIER_TAIL.has(last) || ws.includes('role') || ws.includes('arn');
}

;// CONCATENATED MODULE: ./src/scan/workflow.ts
function buildModel(src, kind) {
    const root = src.contents;
    return kind === 'action' ? actionModel(src, root) : workflowModel(src, root);
}
function workflowModel(src, root) {
    const on = src.get(root, 'on');
    const triggers = new Set();
    const single = src.scalar(on);
    if (single)
        triggers.add(single);
    for (const item of src.items(on)) {
        const name = src.scalar(item);
        if (name)
            triggers.add(name);
    }
    for (const e of src.entries(on))
        triggers.add(e.key);
    const call = src.get(on, 'workflow_call');
    const callInputs = [
        ...src.entries(src.get(call, 'inputs')),
        ...src.entries(src.get(call, 'secrets')),
    ];
    const jobs = [];
    for (const jobEntry of src.entries(src.get(root, 'jobs'))) {
        const j = jobEntry.value;
        const secretsEntry = src.getAll(j, 'secrets')[0];
        jobs.push({
            id: jobEntry.key,
            loc: jobEntry.loc,
            uses: src.scalar(src.get(j, 'uses')),
            with: allEntries(src, j, 'with'),
            secrets: allEntries(src, j, 'secrets'),
            secretsInherit: secretsEntry && secretsEntry.text === 'inherit' ? secretsEntry : undefined,
            env: allEntries(src, j, 'env'),
            permissions: permissions(src, j),
            steps: src.items(src.get(j, 'steps')).map((s) => step(src, s)),
        });
    }
    return {
        kind: 'workflow',
        triggers: [...triggers],
        permissions: permissions(src, root),
        env: allEntries(src, root, 'env'),
        jobs,
        callInputs,
    };
}
function actionModel(src, root) {
    return {
        kind: 'action',
        inputs: src.entries(src.get(root, 'inputs')),
        steps: src.items(src.get(src.get(root, 'runs'), 'steps')).map((s) => step(src, s)),
    };
}
function step(src, node) {
    const run = src.getAll(node, 'run')[0];
    return {
        node,
        loc: src.nodeLoc(node),
        uses: src.scalar(src.get(node, 'uses')),
        with: allEntries(src, node, 'with'),
        env: allEntries(src, node, 'env'),
        run,
    };
}
/** Entries of every copy of a duplicated key: GitHub rejects the file, but both copies are read. */
function allEntries(src, node, key) {
    return src.getAll(node, key).flatMap((e) => src.entries(e.value));
}
function permissions(src, node) {
    const entry = src.getAll(node, 'permissions')[0];
    if (!entry)
        return undefined;
    const all = entry.text;
    if (all !== undefined)
        return { entry, all };
    const idToken = src.entries(entry.value).find((e) => e.key === 'id-token')?.text;
    return { entry, idToken };
}
function grantsIdToken(p) {
    if (!p)
        return false;
    return p.all === 'write-all' || p.idToken === 'write';
}
/** `owner/repo/path@ref` without the ref, lower-cased; local `./x` stays as written. */
function actionName(uses) {
    if (!uses)
        return '';
    if (uses.startsWith('./') || uses.startsWith('docker://'))
        return uses;
    return uses.split('@')[0].toLowerCase();
}

;// CONCATENATED MODULE: ./src/scan/rules/known-actions.ts
const is = (...names) => (n) => names.includes(n);
const KNOWN_ACTIONS = [
    {
        match: is('aws-actions/configure-aws-credentials'),
        cloud: 'aws',
        label: 'configure-aws-credentials',
        keyInputs: ['aws-access-key-id', 'aws-secret-access-key'],
        oidcInputs: ['role-to-assume'],
        ttlInput: 'role-duration-seconds',
    },
    {
        match: is('google-github-actions/auth', 'step-security/google-github-auth'),
        cloud: 'gcp',
        label: 'google-github-actions/auth',
        keyInputs: ['credentials_json'],
        oidcInputs: ['workload_identity_provider'],
        ttlInput: 'access_token_lifetime',
    },
    {
        match: (n) => n.endsWith('/setup-gcloud'),
        cloud: 'gcp',
        label: 'setup-gcloud',
        keyInputs: ['service_account_key'],
        oidcInputs: [],
    },
    {
        match: (n) => n.startsWith('google-github-actions/') &&
            /(get-gke-credentials|deploy-cloudrun|deploy-cloud-functions|deploy-appengine|upload-cloud-storage|get-secretmanager-secrets)$/.test(n),
        cloud: 'gcp',
        label: 'google-github-actions',
        keyInputs: ['credentials'],
        oidcInputs: [],
    },
    {
        match: is('azure/login', 'azure/aks-set-context', 'azure/k8s-set-context'),
        cloud: 'azure',
        label: 'azure/login',
        keyInputs: ['creds', 'client-secret'],
        oidcInputs: ['client-id'],
    },
    {
        match: is('azure/webapps-deploy', 'azure/functions-action', 'azure/webapps-container-deploy'),
        cloud: 'azure',
        label: 'Azure deploy publish profile',
        keyInputs: ['publish-profile'],
        oidcInputs: [],
    },
    {
        match: is('azure/docker-login'),
        cloud: 'azure',
        label: 'azure/docker-login',
        keyInputs: ['password'],
        oidcInputs: [],
    },
    {
        match: is('firebaseextended/action-hosting-deploy'),
        cloud: 'gcp',
        label: 'Firebase hosting deploy',
        keyInputs: ['firebaseServiceAccount'],
        oidcInputs: [],
    },
    {
        match: (n) => n.includes('jit-credentials'),
        cloud: 'other',
        label: 'jit-credentials',
        keyInputs: [],
        oidcInputs: ['provider', 'role', 'service-account', 'workload-identity-provider', 'client-id'],
        ttlInput: 'duration',
    },
    {
        match: is('catnekaise/cognito-idpool-auth'),
        cloud: 'aws',
        label: 'cognito-idpool-auth',
        keyInputs: [],
        oidcInputs: ['cognito-identity-pool-id'],
        ttlInput: 'chain-role-duration-seconds',
    },
];
/**
 * Input names that mean a static key whatever action takes them: the action under test is often
 * referenced as `uses: ./`, and forks and wrappers keep the original input names.
 */
const KEY_INPUT_NAMES = {
    'aws-access-key-id': 'aws',
    'aws-secret-access-key': 'aws',
    credentials_json: 'gcp',
    service_account_key: 'gcp',
    firebaseserviceaccount: 'gcp',
    'publish-profile': 'azure',
    creds: 'azure',
};
function knownAction(name) {
    return KNOWN_ACTIONS.find((a) => a.match(name));
}
/** Registries whose password is a cloud key (ECR secret key, GCR `_json_key`, ACR service principal). */
const DOCKER_LOGIN = 'docker/login-action';

;// CONCATENATED MODULE: ./src/scan/rules/sources.ts
function sourcesOf(entry) {
    const out = {
        secrets: [],
        inputs: [],
        stepOutputs: [],
        vars: [],
        allSecrets: false,
    };
    const text = entry.text;
    if (text === undefined)
        return out;
    if (entry.spans.length === 0) {
        out.literal = text;
        return out;
    }
    for (const span of entry.spans) {
        for (const r of span.refs) {
            if (r.context === 'secrets') {
                if (r.whole)
                    out.allSecrets = true;
                else
                    out.secrets.push(r.path[0] ?? '*');
            }
            else if (r.context === 'inputs' && r.path[0])
                out.inputs.push(r.path[0]);
            else if (r.context === 'steps' && r.path[1] === 'outputs')
                out.stepOutputs.push(r.path[2] ?? '*');
            else if (r.context === 'needs' && r.path[1] === 'outputs')
                out.stepOutputs.push(r.path[2] ?? '*');
            else if (r.context === 'vars' && r.path[0])
                out.vars.push(r.path[0]);
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/scan/rules/credentials.ts




function checkCredentials(ctx, model, opts = {}) {
    if (model.kind === 'action') {
        const scope = { oidcClouds: oidcCloudsOf(model.steps), fromCallers: true };
        for (const input of model.inputs)
            checkKeyDeclaration(ctx, input, 'action input');
        for (const step of model.steps)
            checkStep(ctx, step, scope, opts);
        return;
    }
    const fromCallers = model.triggers.includes('workflow_call');
    for (const input of model.callInputs)
        checkKeyDeclaration(ctx, input, 'workflow_call input');
    const allOidc = new Set();
    for (const job of model.jobs)
        for (const c of oidcCloudsOf(job.steps))
            allOidc.add(c);
    checkEnv(ctx, model.env, 'workflow', { oidcClouds: allOidc, fromCallers });
    for (const job of model.jobs) {
        const scope = { oidcClouds: oidcCloudsOf(job.steps), fromCallers };
        checkEnv(ctx, job.env, `job '${job.id}'`, scope);
        if (job.uses)
            checkInputs(ctx, [...job.with, ...job.secrets], `reusable workflow ${job.uses}`, scope, job.uses.startsWith('./') ? opts.localKeyInputs?.(job.uses) : undefined);
        for (const step of job.steps)
            checkStep(ctx, step, scope, opts);
    }
}
function checkStep(ctx, step, scope, opts) {
    checkEnv(ctx, step.env, 'step', scope);
    const name = actionName(step.uses);
    if (!step.uses)
        return;
    const local = name.startsWith('./') ? opts.localKeyInputs?.(name) : undefined;
    checkInputs(ctx, step.with, step.uses, scope, local, name);
}
function checkInputs(ctx, entries, target, scope, localKeys, name = '') {
    const known = knownAction(name);
    const siblingCloud = cloudOfText(entries.map((e) => e.text ?? '').join('\n'));
    const dockerCloud = name === DOCKER_LOGIN ? dockerRegistryCloud(entries) : undefined;
    for (const e of entries) {
        const s = sourcesOf(e);
        const secrets = s.secrets.filter((n) => !isNonCloudName(n));
        // Where the input itself takes a key, the secret's name cannot clear it (`DEPLOY_KEY` is still a key).
        const fed = s.secrets.some((n) => !isGitHubToken(n)) ||
            s.vars.length > 0 ||
            (scope.fromCallers && s.inputs.length > 0);
        const literalKey = s.literal !== undefined && !isExampleValue(s.literal) && s.literal.length >= 16;
        const keyName = e.key.toLowerCase();
        const what = `input '${e.key}' of ${target}`;
        if (known?.keyInputs.includes(e.key) && (fed || literalKey)) {
            keyFinding(ctx, 'JIT101', e, `${describe(s)} is given to ${what}: a long-lived ${cloudName(known.cloud)} key.`, known.cloud, scope);
        }
        else if (KEY_INPUT_NAMES[keyName] && fed) {
            const cloud = KEY_INPUT_NAMES[keyName];
            keyFinding(ctx, 'JIT101', e, `${describe(s)} is given to ${what}, the input cloud login actions take a static ${cloudName(cloud)} key in.`, cloud, scope);
        }
        else if (dockerCloud && /^(password|username)$/.test(keyName) && fed) {
            if (keyName === 'username' && dockerCloud !== 'aws')
                continue;
            keyFinding(ctx, 'JIT101', e, `${describe(s)} logs docker in to a ${cloudName(dockerCloud)} registry through ${what} with a long-lived key.`, dockerCloud, scope);
        }
        else if (localKeys?.has(e.key) && fed) {
            keyFinding(ctx, 'JIT102', e, `${describe(s)} is given to ${what}, which uses it as a cloud key.`, 'other', scope);
        }
        else if (secrets.length > 0) {
            const destination = isCredentialName(e.key) && !isNonCloudName(e.key);
            const named = secrets.find((n) => isCloudCredentialName(n));
            const cloud = cloudOfName(e.key) ??
                secrets.map(cloudOfName).find((c) => c !== undefined) ??
                siblingCloud ??
                known?.cloud;
            if ((destination && cloud) || named) {
                keyFinding(ctx, 'JIT102', e, `${describe(s)} is passed to ${what}: its names show a long-lived ${cloudName(cloud)} key.`, cloud ?? 'other', scope);
            }
        }
    }
    registryUserHalf(ctx, entries, target, scope);
}
const REGISTRY_HOST = /\.azurecr\.io\b|\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\b|(^|[^a-z])gcr\.io\b|-docker\.pkg\.dev\b/i;
/**
 * A container registry login is a user name and password pair: once the password half is reported,
 * the user name fed from a secret beside it is part of the same long-lived credential.
 */
function registryUserHalf(ctx, entries, target, scope) {
    const lines = new Set(ctx.findings.map((f) => `${f.file}:${f.line}`));
    const password = entries.find((e) => /password/i.test(e.key) && lines.has(`${ctx.file}:${e.loc.line}`));
    if (!password || !REGISTRY_HOST.test(entries.map((e) => e.text ?? '').join('\n')))
        return;
    const cloud = cloudOfText(entries.map((e) => e.text ?? '').join('\n')) ?? 'other';
    for (const e of entries) {
        if (!/user(name)?$/i.test(e.key) || lines.has(`${ctx.file}:${e.loc.line}`))
            continue;
        const s = sourcesOf(e);
        if (!s.secrets.some((n) => !isGitHubToken(n)))
            continue;
        keyFinding(ctx, 'JIT102', e, `${describe(s)} is the user name half of the registry credential whose password is given to ${target} on line ${password.loc.line}.`, cloud, scope);
    }
}
function checkEnv(ctx, entries, where, scope) {
    for (const e of entries) {
        const s = sourcesOf(e);
        const destination = isCredentialName(e.key) && !isNonCloudName(e.key);
        const keyCloud = cloudOfName(e.key);
        // A name such as AWS_SECRET_ACCESS_KEY decides by itself; otherwise non-cloud secrets are out of scope.
        const secrets = s.secrets.filter((n) => destination && keyCloud ? !isGitHubToken(n) : !isNonCloudName(n));
        const secretCloud = secrets.map(cloudOfName).find((c) => c !== undefined);
        const what = `${where} env ${e.key}`;
        if (secrets.length > 0 &&
            ((destination && (keyCloud ?? secretCloud)) || secrets.some(isCloudCredentialName))) {
            keyFinding(ctx, 'JIT103', e, `${describe(s)} is put in ${what}: a long-lived ${cloudName(keyCloud ?? secretCloud)} key in the environment.`, keyCloud ?? secretCloud ?? 'other', scope);
            continue;
        }
        if (!destination || !keyCloud)
            continue;
        if ((scope.fromCallers && s.inputs.length > 0) || s.vars.length > 0) {
            keyFinding(ctx, 'JIT103', e, `${describe(s)} is put in ${what}: a long-lived ${cloudName(keyCloud)} key in the environment.`, keyCloud, scope);
        }
        else if (s.stepOutputs.length > 0 && alwaysLongLived(e.key)) {
            keyFinding(ctx, 'JIT103', e, `A step output is put in ${what}; a ${cloudName(keyCloud)} ${words(e.key).slice(-2).join(' ')} is a long-lived key wherever it is fetched from.`, keyCloud, scope);
        }
        else if (s.literal !== undefined &&
            !isExampleValue(s.literal) &&
            /^[A-Za-z0-9+/=_\-.]{16,}$/.test(s.literal.trim())) {
            ctx.report('JIT105', e.loc, `${what} is set to a literal value that looks like a ${cloudName(keyCloud)} key.`, { cloud: keyCloud });
        }
    }
}
/** An action input or workflow_call input/secret named for a static key (JIT108). */
function checkKeyDeclaration(ctx, input, what) {
    const known = KEY_INPUT_NAMES[input.key.toLowerCase()];
    if (known || isCloudCredentialName(input.key)) {
        const cloud = known ?? cloudOfName(input.key) ?? 'other';
        ctx.report('JIT108', input.loc, `The ${what} '${input.key}' asks callers for a long-lived ${cloudName(cloud)} key.`, { cloud });
    }
}
function keyFinding(ctx, id, e, message, cloud, scope) {
    if (cloud !== 'other' && scope.oidcClouds.has(cloud)) {
        ctx.report('JIT203', e.loc, `${message} The same job already logs in to ${cloudName(cloud)} with OIDC, so this key is only a fallback that can still be stolen.`, { cloud });
        return;
    }
    ctx.report(id, e.loc, message, { cloud });
}
/** The job's own token: never a cloud credential, whatever it is handed to. */
function isGitHubToken(name) {
    return /^(github_token|gh_token|gh_pat|github_pat)$/i.test(name);
}
/** Client secrets, account keys and key files stay valid until deleted, wherever they come from. */
function alwaysLongLived(name) {
    const j = words(name).join('_');
    return /client_secret|account_key|storage_key|credentials|connection_string|sa_key|service_account/.test(j);
}
function dockerRegistryCloud(entries) {
    const registry = entries.find((e) => e.key === 'registry');
    const username = entries.find((e) => e.key === 'username')?.text;
    if (username === '_json_key' || username === '_json_key_base64')
        return 'gcp';
    if (!registry)
        return undefined;
    const text = registry.text ?? '';
    return (cloudOfText(text) ??
        sourcesOf(registry)
            .secrets.map(cloudOfName)
            .find((c) => c !== undefined));
}
/** Clouds a list of steps logs in to with OIDC. */
function oidcCloudsOf(steps) {
    const out = new Set();
    for (const step of steps) {
        const c = oidcCloud(step);
        if (c)
            out.add(c);
    }
    return out;
}
const oidcCache = new WeakMap();
function oidcCloud(step) {
    let hit = oidcCache.get(step);
    if (!hit) {
        hit = { c: computeOidcCloud(step) };
        oidcCache.set(step, hit);
    }
    return hit.c;
}
function computeOidcCloud(step) {
    if (!step.uses)
        return undefined;
    const has = (key) => step.with.some((e) => e.key === key && (e.text ?? '').trim() !== '');
    const known = knownAction(actionName(step.uses));
    if (known?.label === 'jit-credentials') {
        // The root action names its cloud in `provider`; the fronts in their path (`.../actions/aws@v1`).
        const provider = step.with.find((e) => e.key === 'provider')?.text?.toLowerCase() ??
            /\/actions\/(aws|azure|gcp)(@|$)/.exec(step.uses)?.[1];
        return provider === 'aws' || provider === 'azure' || provider === 'gcp' ? provider : 'other';
    }
    if (known && known.oidcInputs.some(has) && !known.keyInputs.some(has))
        return known.cloud;
    // Forks, wrappers and `uses: ./` keep the original input names.
    if (has('role-to-assume') && !has('aws-access-key-id'))
        return 'aws';
    if (has('workload_identity_provider') && !has('credentials_json'))
        return 'gcp';
    if (has('client-id') && has('tenant-id') && !has('creds') && !has('client-secret'))
        return 'azure';
    return undefined;
}
function cloudName(cloud) {
    switch (cloud) {
        case 'aws':
            return 'AWS';
        case 'azure':
            return 'Azure';
        case 'gcp':
            return 'Google Cloud';
        default:
            return 'cloud';
    }
}
function describe(s) {
    if (s.secrets.length > 0)
        return `The secret ${s.secrets.join(', ')}`;
    if (s.vars.length > 0)
        return `The variable vars.${s.vars[0]}`;
    if (s.inputs.length > 0)
        return `The caller's input ${s.inputs[0]}`;
    if (s.stepOutputs.length > 0)
        return 'A step output';
    return 'A literal value';
}

// EXTERNAL MODULE: ./node_modules/@actions/expressions/dist/index.js + 28 modules
var expressions_dist = __webpack_require__(9909);
;// CONCATENATED MODULE: ./src/scan/expressions.ts

const CONTEXTS = [
    'github',
    'env',
    'vars',
    'job',
    'jobs',
    'steps',
    'runner',
    'secrets',
    'strategy',
    'matrix',
    'needs',
    'inputs',
];
/** Every `${{ ... }}` in `text`, with the contexts each one reads. Never throws. */
function expressionsIn(text) {
    const spans = [];
    let from = 0;
    for (;;) {
        const start = text.indexOf('${{', from);
        if (start < 0)
            break;
        const end = closingBraces(text, start + 3);
        if (end < 0)
            break;
        const source = text.slice(start + 3, end).trim();
        spans.push({ start, end: end + 2, source, ...analyse(source) });
        from = end + 2;
    }
    return spans;
}
/** Finds `}}` outside single-quoted strings (the only string literal in the language). */
function closingBraces(text, from) {
    let inString = false;
    for (let i = from; i < text.length - 1; i++) {
        const ch = text[i];
        if (ch === "'")
            inString = !inString;
        else if (!inString && ch === '}' && text[i + 1] === '}')
            return i;
    }
    return -1;
}
/** `secrets.NAME`, `steps.x.outputs['y']`: most expressions are one property chain. */
const SIMPLE_CHAIN = /^([A-Za-z_][\w-]*)((?:\s*\.\s*[A-Za-z_][\w-]*|\s*\[\s*'[^']*'\s*\])*)$/;
function analyse(source) {
    const refs = [];
    const functions = [];
    const simple = SIMPLE_CHAIN.exec(source);
    if (simple) {
        // Same result as the parser gives for a chain, without lexing it.
        const path = [...simple[2].matchAll(/\.\s*([A-Za-z_][\w-]*)|\[\s*'([^']*)'\s*\]/g)].map((m) => m[1] ?? m[2].replace(/''/g, "'"));
        const context = simple[1].toLowerCase();
        if (CONTEXTS.includes(context))
            refs.push({ context, path, whole: path.length === 0 });
        return { refs, functions };
    }
    try {
        const lexed = new expressions_dist/* Lexer */.JG(source).lex();
        const tree = new expressions_dist/* Parser */.iX(lexed.tokens, CONTEXTS, []).parse();
        expressions_walk(tree, refs, functions);
    }
    catch {
        // GitHub rejects an expression that does not parse; still see which secrets it names.
        for (const m of source.matchAll(/\b(secrets|inputs|env|steps|vars)\s*(?:\.\s*([\w-]+)|\[\s*'([^']*)'\s*\])/gi)) {
            refs.push({ context: m[1].toLowerCase(), path: [m[2] ?? m[3] ?? ''], whole: false });
        }
    }
    return { refs, functions };
}
function expressions_walk(node, refs, functions) {
    if (!node || typeof node !== 'object')
        return;
    const chain = accessChain(node);
    if (chain) {
        refs.push(chain);
        // Dynamic indexes (`secrets[format(...)]`) can read contexts of their own.
        for (const idx of indexExprs(node))
            expressions_walk(idx, refs, functions);
        return;
    }
    if ('functionName' in node) {
        const fn = node['functionName'];
        functions.push(String(fn.lexeme ?? '').toLowerCase());
    }
    for (const key of ['args', 'left', 'right', 'expr', 'group', 'index']) {
        const child = node[key];
        if (Array.isArray(child))
            for (const c of child)
                expressions_walk(c, refs, functions);
        else if (child && typeof child === 'object')
            expressions_walk(child, refs, functions);
    }
}
/** `a.b['c']` is IndexAccess(IndexAccess(ContextAccess a, 'b'), 'c'): unwind it. */
function accessChain(node) {
    const path = [];
    let cur = node;
    while ('index' in cur && 'expr' in cur) {
        path.unshift(indexName(cur['index']));
        cur = cur['expr'];
    }
    if (!('name' in cur) || 'functionName' in cur)
        return undefined;
    const name = cur['name'].lexeme;
    if (typeof name !== 'string')
        return undefined;
    return { context: name.toLowerCase(), path, whole: path.length === 0 };
}
function indexName(index) {
    const literal = index['literal'];
    if (literal && (typeof literal.value === 'string' || typeof literal.value === 'number')) {
        return String(literal.value);
    }
    return '*';
}
function indexExprs(node) {
    const out = [];
    let cur = node;
    while ('index' in cur && 'expr' in cur) {
        const idx = cur['index'];
        if (!('literal' in idx))
            out.push(idx);
        cur = cur['expr'];
    }
    return out;
}
/** Secret names an expression reads; `*` for a dynamic index. */
function secretNames(spans) {
    const out = [];
    for (const s of spans) {
        for (const r of s.refs)
            if (r.context === 'secrets' && !r.whole)
                out.push(r.path[0] ?? '*');
    }
    return out;
}
function readsWholeSecrets(spans) {
    return spans.some((s) => s.refs.some((r) => r.context === 'secrets' && r.whole));
}

;// CONCATENATED MODULE: ./src/scan/rules/handoff.ts

const WHOLE_SECRETS_HINT = /secrets(?!\s*[.[\w])/i;
/** Keys handed on wholesale: `secrets: inherit` (JIT106) and `toJSON(secrets)` (JIT107). */
function checkHandoff(ctx, model, opts = {}) {
    if (model.kind === 'workflow') {
        for (const job of model.jobs) {
            if (!job.secretsInherit || !job.uses)
                continue;
            const local = job.uses.startsWith('./') ? opts.localWorkflowUsesKeys?.(job.uses) : undefined;
            if (local === false)
                continue;
            const message = local === true
                ? `Job '${job.id}' hands every secret to ${job.uses}, which uses long-lived cloud keys.`
                : `Job '${job.id}' hands every secret, cloud keys included, to ${job.uses}, whose use of them cannot be checked from here.`;
            ctx.report('JIT106', job.secretsInherit.loc, message, {
                severity: local === true ? 'high' : undefined,
            });
        }
    }
    if (!WHOLE_SECRETS_HINT.test(ctx.src.text))
        return;
    const lines = ctx.src.lines;
    for (let i = 0; i < lines.length; i++) {
        const text = lines[i];
        // Only a `secrets` not followed by `.` or `[` can be the whole context.
        if (!text.includes('${{') || !WHOLE_SECRETS_HINT.test(text) || text.trimStart().startsWith('#'))
            continue;
        for (const span of expressionsIn(text)) {
            if (!span.refs.some((r) => r.context === 'secrets' && r.whole))
                continue;
            ctx.report('JIT107', { line: i + 1, column: span.start + 1, endLine: i + 1, endColumn: span.end + 1 }, `\`${span.source}\` hands every secret the job can see, cloud keys included, to one value.`);
        }
    }
}

;// CONCATENATED MODULE: ./src/scan/rules/literals.ts

const PATTERNS = [
    { re: /\b(?:AKIA|ASIA)[A-Z2-7]{16}\b/g, what: 'an AWS access key id', cloud: 'aws' },
    { re: /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/g, what: 'a private key', cloud: 'other' },
    {
        re: /"type"\s*:\s*"service_account"/g,
        what: 'a Google Cloud service-account key',
        cloud: 'gcp',
    },
    {
        re: /"private_key_id"\s*:\s*"[0-9a-f]{16,}"/g,
        what: 'a Google Cloud service-account key',
        cloud: 'gcp',
    },
    {
        re: /AccountKey=[A-Za-z0-9+/]{40,}={0,2}/g,
        what: 'an Azure storage account key',
        cloud: 'azure',
    },
];
/** Credentials written into the file itself (JIT105); published example and emulator keys are skipped. */
/** One pass over the whole file first: most files hold none of these and need no line scan. */
const ANY = /AKIA|ASIA|PRIVATE KEY|service_account|private_key_id|AccountKey=/;
function checkLiterals(ctx) {
    if (!ANY.test(ctx.src.text))
        return;
    const lines = ctx.src.lines;
    for (let i = 0; i < lines.length; i++) {
        const text = lines[i];
        for (const p of PATTERNS) {
            p.re.lastIndex = 0;
            const m = p.re.exec(text);
            if (!m)
                continue;
            const token = m[0].startsWith('AccountKey=') ? m[0].slice('AccountKey='.length) : m[0];
            if (isExampleValue(token) || /EXAMPLE/i.test(text))
                continue;
            ctx.report('JIT105', { line: i + 1, column: m.index + 1, endLine: i + 1, endColumn: m.index + m[0].length + 1 }, `The file contains ${p.what} in clear text.`, { cloud: p.cloud });
            break;
        }
    }
}

;// CONCATENATED MODULE: ./src/scan/rules/oidc.ts


/** Third-party steps that may mint OIDC tokens: signing, attestations, trusted publishing, logins. */
const TOKEN_USER = /(auth|login|credential|oidc|token|attest|sign|sigstore|cosign|publish|deploy|release|sts|federat)/i;
/** `id-token: write` missing where an OIDC login needs it (JIT201), or granted too widely (JIT202). */
function checkOidc(ctx, model) {
    const reusable = model.triggers.includes('workflow_call');
    for (const job of model.jobs) {
        const effective = job.permissions ?? model.permissions;
        const step = job.steps.find((s) => oidcCloud(s) !== undefined);
        const envOidc = [...model.env, ...job.env].find((e) => e.key === 'ARM_USE_OIDC' && e.text === 'true');
        if (!step && !envOidc)
            continue;
        if (grantsIdToken(effective))
            continue;
        // A reusable workflow without any permissions block runs with the caller's.
        if (!effective && reusable)
            continue;
        const where = step ? step.loc : envOidc.loc;
        const cloud = step ? oidcCloud(step) : 'azure';
        const why = effective
            ? `its permissions (line ${effective.entry.loc.line}) do not include id-token: write`
            : 'the default token permissions never include id-token: write';
        ctx.report('JIT201', { ...where, endLine: where.line, endColumn: where.column + 1 }, `Job '${job.id}' logs in to ${cloudName(cloud)} with OIDC, but ${why}; the step will fail with "Unable to get ACTIONS_ID_TOKEN_REQUEST_URL".`, { cloud });
    }
    for (const job of model.jobs) {
        if (!job.permissions || !grantsIdToken(job.permissions) || needsToken(job))
            continue;
        ctx.report('JIT202', job.permissions.entry.loc, `Job '${job.id}' grants id-token: write, but none of its steps logs in with OIDC, signs or attests; any step of it can mint OIDC tokens.`, { severity: ctx.risky.length > 0 ? 'high' : undefined });
    }
    if (!grantsIdToken(model.permissions) || model.jobs.length < 2)
        return;
    const idle = model.jobs.filter((j) => !j.permissions && !needsToken(j)).map((j) => j.id);
    if (idle.length === 0)
        return;
    const p = model.permissions;
    const grant = p.all === 'write-all' ? '`permissions: write-all`' : 'workflow-level `id-token: write`';
    ctx.report('JIT202', p.entry.loc, `${grant} lets job${idle.length > 1 ? 's' : ''} ${idle.map((j) => `'${j}'`).join(', ')} mint OIDC tokens although ${idle.length > 1 ? 'they log' : 'it logs'} in to no cloud.`, { severity: ctx.risky.length > 0 ? 'high' : undefined });
}
function needsToken(job) {
    if (job.uses)
        return true;
    return job.steps.some((s) => {
        if (oidcCloud(s))
            return true;
        if (s.uses) {
            const name = actionName(s.uses);
            if (name.startsWith('./'))
                return true;
            if (!name.startsWith('actions/checkout') &&
                !name.startsWith('actions/setup-') &&
                TOKEN_USER.test(name))
                return true;
        }
        return /ACTIONS_ID_TOKEN_REQUEST|\bcosign\b|id-token/.test(s.run?.text ?? '');
    });
}

;// CONCATENATED MODULE: ./src/scan/rules/scripts.ts



/** Commands that take cloud credentials on their command line. */
const CLOUD_COMMAND = /\b(aws|az|gcloud|gsutil|rclone|terraform|s3cmd|azcopy|rad|kubectl|helm|docker|b2|swift|openstack)\b/;
/**
 * Keys typed into `run:` scripts (JIT104): logins with a stored key, credential secrets
 * interpolated into a command, and key material written to a file. Works line by line on the
 * source, so a finding points at the line of a multi-line script that holds the key.
 */
function checkScripts(ctx, model) {
    if (model.kind === 'action') {
        for (const step of model.steps)
            scripts_checkStep(ctx, step, []);
        return;
    }
    for (const job of model.jobs) {
        const inherited = [...model.env, ...job.env];
        for (const step of job.steps)
            scripts_checkStep(ctx, step, inherited);
    }
}
/** A script none of the checks below can match is skipped without splitting it into lines. */
const SCRIPT_HINT = /\$\{\{|aws\s+configure|az\s+login|activate-service-account|GOOGLE_APPLICATION_CREDENTIALS/;
function scripts_checkStep(ctx, step, inherited) {
    if (!step.run?.value)
        return;
    const credEnv = credentialEnv([...inherited, ...step.env]);
    if (credEnv.size === 0 && !SCRIPT_HINT.test(step.run.text ?? ''))
        return;
    const lines = ctx.src.sourceLines(step.run.value);
    const envRef = credEnv.size > 0 ? new RegExp(`\\$\\{?(${[...credEnv.keys()].join('|')})\\b`) : undefined;
    let command = '';
    const reported = new Set();
    const report = (line, column, length, message, cloud) => {
        if (reported.has(line))
            return;
        reported.add(line);
        ctx.report('JIT104', { line, column, endLine: line, endColumn: column + length }, message, {
            cloud,
        });
    };
    for (const { line, text } of lines) {
        const code = stripComment(text);
        command = command.endsWith('\\') ? command.slice(0, -1) + ' ' + code.trim() : code.trim();
        const col = text.length - text.trimStart().length + 1;
        for (const span of expressionsIn(text)) {
            for (const r of span.refs) {
                if (r.context !== 'secrets' || r.whole)
                    continue;
                const name = r.path[0] ?? '';
                if (isNonCloudName(name))
                    continue;
                if (isCloudCredentialName(name) ||
                    (isCredentialName(name) && CLOUD_COMMAND.test(command))) {
                    report(line, span.start + 1, span.end - span.start, `The secret ${name} is written into a script${commandName(command)}: a long-lived ${cloudLabel(cloudOfName(name))} key on a command line.`, cloudOfName(name) ?? 'other');
                }
            }
        }
        const configure = /\baws\s+configure\s+set\s+(aws_access_key_id|aws_secret_access_key)\s+("?)([^\s"]*)/.exec(code);
        if (configure && !isExampleValue(configure[3] ?? '')) {
            report(line, col, code.trim().length, `\`aws configure set ${configure[1]}\` stores a long-lived AWS key in the runner's AWS config.`, 'aws');
        }
        if (/\baz\s+login\b/.test(command) &&
            /(^|\s)(-p|--password|--secret)(\s|=|$)/.test(code) &&
            !/--federated-token/.test(command)) {
            report(line, col, code.trim().length, '`az login` with a password or client secret logs in with a long-lived Azure service-principal secret.', 'azure');
        }
        if (/\bgcloud\s+auth\s+activate-service-account\b/.test(code)) {
            report(line, col, code.trim().length, '`gcloud auth activate-service-account` logs in with a long-lived Google Cloud service-account key.', 'gcp');
        }
        const used = envRef?.exec(code)?.[1];
        if (used && /(^|[^2&])>{1,2}\s*\S|\btee\b/.test(code)) {
            report(line, col, code.trim().length, `The key in $${used} is written to a file, where any later step and any upload can read it.`, credEnv.get(used));
        }
        if (/\bexport\s+GOOGLE_APPLICATION_CREDENTIALS=/.test(code) && credEnv.size > 0) {
            report(line, col, code.trim().length, 'GOOGLE_APPLICATION_CREDENTIALS is pointed at a key file built from a stored service-account key.', 'gcp');
        }
    }
}
/** Env names in scope that carry a cloud key, and its cloud. */
function credentialEnv(entries) {
    const out = new Map();
    for (const e of entries) {
        const secrets = sourcesOf(e).secrets.filter((n) => !isNonCloudName(n));
        if (secrets.length === 0)
            continue;
        const cloud = cloudOfName(e.key) ?? secrets.map(cloudOfName).find((c) => c !== undefined);
        // Only shell-variable names can be read as `$NAME`; anything else cannot reach the script this way.
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(e.key))
            continue;
        if ((isCredentialName(e.key) && cloud) || secrets.some(isCloudCredentialName))
            out.set(e.key, cloud ?? 'other');
    }
    return out;
}
function stripComment(text) {
    const t = text.trimStart();
    return t.startsWith('#') ? '' : text;
}
function commandName(command) {
    const m = CLOUD_COMMAND.exec(command);
    return m ? ` (${m[1]})` : '';
}
function cloudLabel(c) {
    return c === 'aws' ? 'AWS' : c === 'azure' ? 'Azure' : c === 'gcp' ? 'Google Cloud' : 'cloud';
}

;// CONCATENATED MODULE: ./src/scan/suppress.ts

const INLINE = /#\s*jit-credentials:\s*ignore\[([^\]]*)\](.*)$/i;
/** `# jit-credentials: ignore[JIT103,JIT104] reason` comments of one file. */
function inlineSuppressions(lines) {
    const out = [];
    if (!lines.some((l) => l.includes('jit-credentials')))
        return out;
    lines.forEach((text, i) => {
        const m = INLINE.exec(text);
        if (!m)
            return;
        out.push({
            line: i + 1,
            column: m.index + 1,
            rules: m[1]
                .split(',')
                .map((r) => r.trim().toUpperCase())
                .filter((r) => r !== ''),
            // A later `# ...` on the line is another comment, not the reason.
            reason: m[2].split(/\s#/)[0].trim(),
        });
    });
    return out;
}
/**
 * A suppression applies to findings on its own line or the line below, for the rules it names
 * (`*` for all). One without a reason applies to nothing and is reported (JIT002): an accepted
 * risk must say why, or reviewers cannot judge it.
 */
function applySuppressions(findings, inline, config, file) {
    const valid = inline.filter((s) => s.reason !== '');
    const fileRules = config.filter((c) => c.reason.trim() !== '' && (!c.path || (0,external_node_path_.matchesGlob)(file, c.path)));
    let suppressed = 0;
    const kept = findings.filter((f) => {
        const hit = valid.some((s) => (s.line === f.line || s.line === f.line - 1) &&
            (s.rules.includes(f.rule) || s.rules.includes('*'))) ||
            fileRules.some((c) => (c.rule === f.rule || c.rule === '*') && (c.line === undefined || c.line === f.line));
        if (hit)
            suppressed++;
        return !hit;
    });
    return { kept, suppressed, missingReason: inline.filter((s) => s.reason === '') };
}

;// CONCATENATED MODULE: ./src/scan/yaml-source.ts


/**
 * Why `yaml` and not @actions/workflow-parser: the scanner needs exact line and column of every
 * key and of every line inside a `run:` block, and must keep going on files GitHub rejects
 * (duplicate keys, expressions in `uses:`, unknown keys). `yaml` keeps source ranges on every
 * node, resolves anchors, aliases and merge keys, tolerates duplicate keys, and is already in the
 * bundle for the policy file. workflow-parser is schema-driven (it drops what it does not
 * validate), adds ~1.6 MB with its JSON schema, and cannot even be imported by plain Node 24
 * (it imports JSON without an import attribute), so it would cost bundle size and start-up time on
 * every pull request for no gain in precision here.
 */
class YamlSource {
    path;
    text;
    doc;
    contents;
    errors;
    counter;
    lines;
    constructor(path, text) {
        this.path = path;
        this.text = text;
        this.counter = new dist/* LineCounter */.HN();
        this.doc = (0,dist/* parseDocument */.Tp)(text, {
            lineCounter: this.counter,
            uniqueKeys: false,
            merge: true,
            prettyErrors: false,
            strict: false,
        });
        this.contents = this.doc.contents;
        this.errors = this.doc.errors;
        this.lines = text.split(/\r?\n/);
    }
    /** 1-based line and column of a character offset. */
    pos(offset) {
        const p = this.counter.linePos(offset);
        return { line: p.line, column: p.col };
    }
    loc(start, end) {
        const a = this.pos(start);
        const b = this.pos(Math.max(start, end));
        return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
    }
    nodeLoc(node) {
        const range = node?.range;
        if (!range)
            return { line: 1, column: 1, endLine: 1, endColumn: 1 };
        return this.loc(range[0], range[1]);
    }
    resolve(node) {
        let cur = node;
        for (let i = 0; i < 20 && (0,dist/* isAlias */.Vj)(cur) && this.doc; i++)
            cur = cur.resolve(this.doc);
        if ((0,dist/* isAlias */.Vj)(cur))
            return undefined;
        return (cur ?? undefined);
    }
    entryCache = new WeakMap();
    /** Key/value pairs of a mapping, with merge keys (`<<: *x`) expanded and aliases resolved. */
    entries(node, depth = 0) {
        const map = this.resolve(node);
        if (!(0,dist/* isMap */.jh)(map) || depth > 10)
            return [];
        // Rules ask for the same mapping many times (a step's `uses`, `with`, `env`, `run`).
        const cached = depth === 0 ? this.entryCache.get(map) : undefined;
        if (cached)
            return cached;
        const out = [];
        for (const pair of map.items) {
            const keyNode = this.resolve(pair.key);
            // With `merge: true` the parser marks `<<` with a symbol; its source is still `<<`.
            const key = (0,dist/* isScalar */.jn)(keyNode)
                ? typeof keyNode.value === 'symbol'
                    ? (keyNode.source ?? '<<')
                    : String(keyNode.value)
                : '';
            const value = this.resolve(pair.value);
            if (key === '<<') {
                const sources = (0,dist/* isSeq */.oP)(value) ? value.items : [value];
                for (const s of sources)
                    out.push(...this.entries(s, depth + 1));
                continue;
            }
            out.push(new Entry(this, key, (pair.key ?? undefined), value));
        }
        if (depth === 0)
            this.entryCache.set(map, out);
        return out;
    }
    /** First value under `key` (case-sensitive, as GitHub reads keys). */
    get(node, key) {
        return this.entries(node).find((e) => e.key === key)?.value;
    }
    /** All values under `key`: a duplicated key (which GitHub rejects) is still scanned. */
    getAll(node, key) {
        return this.entries(node).filter((e) => e.key === key);
    }
    items(node) {
        const seq = this.resolve(node);
        if (!(0,dist/* isSeq */.oP)(seq))
            return [];
        return seq.items.map((i) => this.resolve(i)).filter((i) => i !== undefined);
    }
    scalar(node) {
        const n = this.resolve(node);
        if (!(0,dist/* isScalar */.jn)(n) || n.value === null || n.value === undefined)
            return undefined;
        return String(n.value);
    }
    /** Source lines covered by a node, with their 1-based numbers (for `run:` scripts). */
    sourceLines(node) {
        if (!node?.range)
            return [];
        const first = this.pos(node.range[0]).line;
        const last = this.pos(Math.max(node.range[0], node.range[1] - 1)).line;
        const out = [];
        for (let l = first; l <= last; l++)
            out.push({ line: l, text: this.lines[l - 1] ?? '' });
        return out;
    }
}
class Entry {
    src;
    key;
    keyNode;
    value;
    spansCache;
    textCache;
    constructor(src, key, keyNode, value) {
        this.src = src;
        this.key = key;
        this.keyNode = keyNode;
        this.value = value;
    }
    get text() {
        this.textCache ??= { v: this.src.scalar(this.value) };
        return this.textCache.v;
    }
    get spans() {
        this.spansCache ??= expressionsIn(this.text ?? '');
        return this.spansCache;
    }
    /** From the key to the end of the value: what an annotation should underline. */
    get loc() {
        const start = this.keyNode?.range?.[0] ?? this.value?.range?.[0] ?? 0;
        const end = this.value?.range?.[1] ?? this.keyNode?.range?.[1] ?? start;
        const l = this.src.loc(start, end);
        // A block scalar's range ends at the start of the next line; keep to the value's last line.
        if (l.endLine > l.line && l.endColumn === 1) {
            l.endLine -= 1;
            l.endColumn = (this.src.lines[l.endLine - 1] ?? '').length + 1;
        }
        return l;
    }
}

;// CONCATENATED MODULE: ./src/scan/engine.ts




















function scanTargets(targets, cwd, config = EMPTY_CONFIG) {
    const findings = [];
    const files = [];
    let suppressed = 0;
    // Local actions and reusable workflows are read once per run, however many steps use them.
    const reads = new Map();
    for (const t of targets) {
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)(t.abs, 'utf8');
        }
        catch (err) {
            findings.push(fileError(t.rel, `The file could not be read: ${err.message}`));
            continue;
        }
        const root = repoRoot(t.abs, cwd);
        const result = scanText(text, t.rel, t.kind, config, {
            read: (p) => {
                const abs = (0,external_node_path_.join)(root, p);
                if (!reads.has(abs)) {
                    let text;
                    try {
                        text = (0,external_node_fs_.readFileSync)(abs, 'utf8');
                    }
                    catch {
                        text = undefined;
                    }
                    reads.set(abs, text);
                }
                return reads.get(abs);
            },
        });
        findings.push(...result.findings);
        files.push(result.posture);
        suppressed += result.suppressed;
    }
    findings.sort((a, b) => a.file < b.file
        ? -1
        : a.file > b.file
            ? 1
            : a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : 1));
    return { findings, files, suppressed };
}
/** Scans one file's text. Never throws: a file that cannot be parsed is a JIT001 finding. */
function scanText(text, file, kind, config = EMPTY_CONFIG, local, depth = 0) {
    const posture = { file, kind, oidcSteps: 0 };
    let src;
    try {
        src = new YamlSource(file, text);
    }
    catch (err) {
        return {
            findings: [fileError(file, `The YAML parser failed: ${err.message}`)],
            posture,
            suppressed: 0,
        };
    }
    const errors = src.errors;
    const root = src.contents;
    const ctx = new RuleContext(src, file, []);
    let model;
    try {
        if (errors.length > 0) {
            const e = errors[0];
            const at = src.pos(e.pos[0]);
            ctx.report('JIT001', { ...at, endLine: at.line, endColumn: at.column + 1 }, `The file is not valid YAML (${e.code}): ${e.message.split('\n')[0]}`);
        }
        else if (root !== null && !(0,dist/* isMap */.jh)(root)) {
            ctx.report('JIT001', src.nodeLoc(root), `The file is not a ${kind === 'action' ? 'action' : 'workflow'}: its top level is not a mapping.`);
        }
        model = buildModel(src, kind === 'action' || src.get(root, 'runs') !== undefined ? 'action' : 'workflow');
        const rules = new RuleContext(src, file, model.kind === 'workflow' ? model.triggers : []);
        checkCredentials(rules, model, {
            localKeyInputs: (uses) => (local && depth < 3 ? localKeyInputs(local, uses) : undefined),
        });
        checkScripts(rules, model);
        checkLiterals(rules);
        checkHandoff(rules, model, {
            localWorkflowUsesKeys: (uses) => {
                const callee = local && depth < 3 ? local.read(uses.split('@')[0]) : undefined;
                if (callee === undefined)
                    return undefined;
                return scanText(callee, uses, 'workflow', EMPTY_CONFIG, local, depth + 1).findings.some((f) => (0,catalog/* rule */.Hu)(f.rule).credential);
            },
        });
        if (model.kind === 'workflow')
            checkOidc(rules, model);
        ctx.findings.push(...rules.findings);
        fillPosture(posture, src, model);
    }
    catch (err) {
        // A rule bug must not hide the rest of the scan: report it on the file and carry on.
        ctx.findings.push(fileError(file, `The scanner failed on this file (please report it): ${err.message}`));
    }
    const disabled = new Set(config.disable);
    const inline = inlineSuppressions(src.lines);
    const { kept, suppressed, missingReason } = applySuppressions(dedupe(ctx.findings.filter((f) => !disabled.has(f.rule))), inline, config.ignore, file);
    for (const s of missingReason) {
        if (disabled.has('JIT002'))
            break;
        const r = (0,catalog/* rule */.Hu)('JIT002');
        kept.push({
            rule: 'JIT002',
            severity: r.severity,
            file,
            line: s.line,
            column: s.column,
            endLine: s.line,
            endColumn: (src.lines[s.line - 1] ?? '').length + 1,
            message: `This suppression of ${s.rules.join(', ') || 'no rule'} gives no reason, so it is not applied.`,
            help: r.help,
        });
    }
    fingerprint(kept, src.lines);
    return { findings: kept, posture, suppressed };
}
function fingerprint(findings, lines) {
    const seen = new Map();
    for (const f of [...findings].sort((a, b) => a.line - b.line || a.column - b.column)) {
        const text = (lines[f.line - 1] ?? '').trim().replace(/\s+/g, ' ');
        const key = `${f.rule}\0${f.file}\0${text}`;
        const n = (seen.get(key) ?? 0) + 1;
        seen.set(key, n);
        f.fingerprint = (0,external_node_crypto_.createHash)('sha256').update(`${key}\0${n}`).digest('hex').slice(0, 32);
    }
}
/** One finding per rule and line: a line with several expressions is still one problem. */
function dedupe(findings) {
    const seen = new Map();
    for (const f of findings) {
        const key = `${f.rule}:${f.line}`;
        const prev = seen.get(key);
        if (!prev || (0,types/* severityRank */.q)(f.severity) > (0,types/* severityRank */.q)(prev.severity))
            seen.set(key, f);
    }
    return [...seen.values()];
}
function fileError(file, message) {
    const r = (0,catalog/* rule */.Hu)('JIT001');
    return {
        rule: 'JIT001',
        severity: r.severity,
        file,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        message,
        help: r.help,
    };
}
const keyInputCache = new WeakMap();
/** Inputs of a local composite action that end up as cloud keys (once per action and resolver). */
function localKeyInputs(local, uses) {
    let cache = keyInputCache.get(local);
    if (!cache)
        keyInputCache.set(local, (cache = new Map()));
    if (!cache.has(uses))
        cache.set(uses, readKeyInputs(local, uses));
    return cache.get(uses);
}
function readKeyInputs(local, uses) {
    if (/\.ya?ml(@.*)?$/.test(uses))
        return workflowKeyInputs(local, uses.split('@')[0]);
    const dir = uses.replace(/^\.\//, '').replace(/\/$/, '');
    const text = local.read(`${dir}/action.yml`) ?? local.read(`${dir}/action.yaml`);
    if (text === undefined)
        return undefined;
    const src = new YamlSource(uses, text);
    const model = buildModel(src, 'action');
    if (model.kind !== 'action')
        return undefined;
    const out = new Set();
    for (const input of model.inputs) {
        if (KEY_INPUT_NAMES[input.key.toLowerCase()] || isCloudCredentialName(input.key))
            out.add(input.key);
    }
    for (const step of model.steps) {
        const known = knownAction(actionName(step.uses));
        for (const e of step.with) {
            if (!known?.keyInputs.includes(e.key) && !KEY_INPUT_NAMES[e.key.toLowerCase()])
                continue;
            for (const span of e.spans)
                for (const r of span.refs)
                    if (r.context === 'inputs' && r.path[0])
                        out.add(r.path[0]);
        }
    }
    return out;
}
/**
 * Inputs and secrets a local reusable workflow uses as cloud keys: the `inputs.X` and `secrets.X`
 * read on the lines of its own credential findings. A caller feeding them is then reported even
 * when the names it uses say nothing (`token: ${{ secrets.PROD }}`).
 */
function workflowKeyInputs(local, path) {
    const text = local.read(path.replace(/^\.\//, ''));
    if (text === undefined)
        return undefined;
    const lines = text.split(/\r?\n/);
    const out = new Set();
    const { findings } = scanText(text, path, 'workflow', EMPTY_CONFIG, local, 3);
    for (const f of findings) {
        if (!(0,catalog/* rule */.Hu)(f.rule).credential)
            continue;
        for (const span of expressionsIn(lines[f.line - 1] ?? '')) {
            for (const r of span.refs) {
                if ((r.context === 'inputs' || r.context === 'secrets') && r.path[0])
                    out.add(r.path[0]);
            }
        }
    }
    return out;
}
function fillPosture(posture, src, model) {
    const steps = model.kind === 'action' ? model.steps : model.jobs.flatMap((j) => j.steps);
    for (const step of steps) {
        if (!oidcCloud(step))
            continue;
        posture.oidcSteps++;
        const known = knownAction(actionName(step.uses));
        const ttl = known?.ttlInput ? step.with.find((e) => e.key === known.ttlInput)?.text : undefined;
        const seconds = ttl ? ttlSeconds(ttl) : undefined;
        if (seconds !== undefined && seconds > (posture.longestTtlSeconds ?? 0))
            posture.longestTtlSeconds = seconds;
    }
    void src;
}
/** `3600`, `3600s`, `15m`, `1h`, `1h30m`; undefined for expressions and anything else. */
function ttlSeconds(value) {
    const v = value.trim();
    if (/^\d+s?$/.test(v))
        return Number.parseInt(v, 10);
    const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(v);
    if (!m || v === '')
        return undefined;
    return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

// EXTERNAL MODULE: ./src/scan/report/github.ts
var github = __webpack_require__(6789);
// EXTERNAL MODULE: ./src/scan/report/summary-data.ts
var summary_data = __webpack_require__(8637);
;// CONCATENATED MODULE: ./src/scan/report/json.ts

/**
 * Stable JSON: `{"version":1,"findings":[{rule,severity,file,line,column,endLine,endColumn,message,
 * help,cloud?}],"summary":{...}}`. Fields are only ever added, never renamed; the README's scanner section lists them.
 */
function formatJson(result) {
    const findings = result.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        file: f.file,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        message: f.message,
        help: f.help,
        ...(f.cloud ? { cloud: f.cloud } : {}),
    }));
    return JSON.stringify({ version: 1, findings, summary: (0,summary_data/* summarise */.f)(result) }, null, 2) + '\n';
}

// EXTERNAL MODULE: ./src/runner/inputs.ts
var inputs = __webpack_require__(9205);
// EXTERNAL MODULE: ./src/runner/markdown.ts
var markdown = __webpack_require__(3321);
;// CONCATENATED MODULE: ./src/scan/report/markdown.ts



const MAX_ROWS = 50;
/** The job summary: posture figures first (what reviewers and admins track), then the findings. */
function formatMarkdown(result, failOn) {
    const s = (0,summary_data/* summarise */.f)(result);
    const keys = s.staticKeyUses;
    const lines = [
        '## jit-credentials scan',
        '',
        `| | |`,
        `|---|---|`,
        `| files scanned | ${s.files} (${s.workflows} workflows, ${s.actions} actions) |`,
        `| findings | ${s.findings}: ${s.bySeverity.critical} critical, ${s.bySeverity.high} high, ${s.bySeverity.medium} medium, ${s.bySeverity.low} low${s.suppressed ? ` (${s.suppressed} suppressed)` : ''} |`,
        `| long-lived key uses | AWS ${keys.aws}, Azure ${keys.azure}, Google Cloud ${keys.gcp}, other ${keys.other} |`,
        `| files using keys | ${s.filesWithKeys} |`,
        `| files already on OIDC | ${s.oidcFiles}${s.oidcFilesWithKeys ? ` (${s.oidcFilesWithKeys} still keep a key)` : ''} |`,
        `| longest requested credential lifetime | ${s.longestTtlSeconds === null ? 'not set in any step' : `${(0,inputs/* formatDuration */.a3)(s.longestTtlSeconds)} (${(0,markdown/* mdText */.bC)(s.longestTtlFile ?? '')})`} |`,
        `| fails on | ${failOn} |`,
        '',
    ];
    if (result.findings.length > 0) {
        lines.push('| severity | rule | where | finding |', '|---|---|---|---|');
        for (const f of result.findings.slice(0, MAX_ROWS)) {
            lines.push(`| ${f.severity} | ${(0,summary_data/* ruleTitle */.z)(f.rule)} | ${(0,markdown/* mdCode */.xs)(`${f.file}:${f.line}`)} | ${(0,markdown/* mdText */.bC)(f.message)} |`);
        }
        if (result.findings.length > MAX_ROWS)
            lines.push('', `…and ${result.findings.length - MAX_ROWS} more: see the annotations or the SARIF file.`);
        lines.push('');
    }
    return lines.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/scan/report/sarif.ts

/** Code scanning sorts alerts by this CVSS-like score (critical ≥ 9, high ≥ 7, medium ≥ 4). */
const SECURITY_SEVERITY = {
    critical: '9.5',
    high: '8.0',
    medium: '5.5',
    low: '3.0',
};
const LEVEL = {
    critical: 'error',
    high: 'error',
    medium: 'warning',
    low: 'note',
};
const INFORMATION_URI = 'https://github.com/jit-credentials/jit-credentials#scanner-find-long-lived-cloud-keys-in-workflows';
/** The README's rule table: one anchor for all rules (GitHub makes none per table row). */
const RULES_URI = 'https://github.com/jit-credentials/jit-credentials#rules';
/**
 * SARIF 2.1.0 for `github/codeql-action/upload-sarif`: every rule with full description, help and
 * `security-severity`; results with a partial fingerprint so alerts survive lines moving; paths
 * relative to the checkout (`%SRCROOT%`).
 */
function formatSarif(result, version = '0.1.0') {
    const rules = catalog/* RULE_LIST */.OY.map((r) => ({
        id: r.id,
        // SARIF wants a PascalCase friendly name (SARIF2012); the kebab-case name stays in the text.
        name: r.name.replace(/(^|-)([a-z])/g, (_m, _d, c) => c.toUpperCase()),
        shortDescription: { text: r.short },
        fullDescription: { text: r.full },
        help: { text: r.help, markdown: `${r.full}\n\n**Fix:** ${r.help}` },
        helpUri: RULES_URI,
        defaultConfiguration: { level: LEVEL[r.severity] },
        properties: {
            'security-severity': SECURITY_SEVERITY[r.severity],
            precision: r.credential ? 'high' : 'medium',
            'problem.severity': r.severity === 'low' ? 'recommendation' : r.severity === 'medium' ? 'warning' : 'error',
            tags: ['security', r.credential ? 'long-lived-credential' : 'oidc', 'github-actions'],
        },
    }));
    const index = new Map(catalog/* RULE_LIST */.OY.map((r, i) => [r.id, i]));
    const results = result.findings.map((f) => ({
        ruleId: f.rule,
        ruleIndex: index.get(f.rule),
        level: LEVEL[f.severity],
        message: { text: `${f.message} Fix: ${f.help}` },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
                    region: {
                        startLine: f.line,
                        startColumn: f.column,
                        endLine: f.endLine,
                        endColumn: Math.max(f.endColumn, f.line === f.endLine ? f.column + 1 : 1),
                    },
                },
            },
        ],
        partialFingerprints: { 'jitCredentials/v1': f.fingerprint ?? `${f.rule}:${f.file}:${f.line}` },
        properties: {
            'security-severity': SECURITY_SEVERITY[f.severity],
            severity: f.severity,
            ...(f.cloud ? { cloud: f.cloud } : {}),
        },
    }));
    const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'jit-credentials',
                        informationUri: INFORMATION_URI,
                        semanticVersion: version,
                        version,
                        rules,
                    },
                },
                automationDetails: { id: 'jit-credentials/scan/' },
                originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository checkout.' } } },
                results,
                columnKind: 'utf16CodeUnits',
            },
        ],
    };
    return JSON.stringify(log, null, 2) + '\n';
}

;// CONCATENATED MODULE: ./src/scan/report/text.ts


function formatText(result, opts = {}) {
    const out = [];
    for (const f of result.findings) {
        out.push(`${f.file}:${f.line}:${f.column}: ${f.severity} ${(0,summary_data/* ruleTitle */.z)(f.rule)}: ${f.message}`);
        if (opts.help !== false)
            out.push(`    fix: ${f.help}`);
    }
    const s = (0,summary_data/* summarise */.f)(result);
    const keys = Object.entries(s.staticKeyUses)
        .filter(([, n]) => n > 0)
        .map(([c, n]) => `${c} ${n}`)
        .join(', ');
    if (out.length > 0)
        out.push('');
    out.push(`${s.files} file${s.files === 1 ? '' : 's'} scanned: ${s.findings} finding${s.findings === 1 ? '' : 's'}` +
        ` (${['critical', 'high', 'medium', 'low'].map((v) => `${s.bySeverity[v]} ${v}`).join(', ')})` +
        (s.suppressed ? `, ${s.suppressed} suppressed` : '') +
        `; static-key uses: ${keys || 'none'}; files on OIDC: ${s.oidcFiles}` +
        (s.longestTtlSeconds !== null
            ? `; longest requested lifetime ${(0,inputs/* formatDuration */.a3)(s.longestTtlSeconds)}`
            : '') +
        '.');
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/scan/run.ts









const FORMATS = ['text', 'json', 'sarif', 'github', 'markdown'];
const FAIL_ON = ['none', 'low', 'medium', 'high', 'critical'];
/** The one engine call behind the CLI and the action. Throws ConfigurationError for user mistakes. */
function runScan(req) {
    const { config, path } = loadConfig(req.cwd, req.configPath);
    const targets = findTargets(req.paths, req.cwd);
    const result = scanTargets(targets, req.cwd, config);
    const failOn = req.failOn ?? config.failOn ?? 'high';
    return { result, failOn, failing: countFailing(result, failOn), configPath: path };
}
function countFailing(result, failOn) {
    if (failOn === 'none')
        return 0;
    const min = (0,types/* severityRank */.q)(failOn);
    return result.findings.filter((f) => (0,types/* severityRank */.q)(f.severity) >= min).length;
}
function render(outcome, format) {
    switch (format) {
        case 'text':
            return formatText(outcome.result);
        case 'json':
            return formatJson(outcome.result);
        case 'sarif':
            return formatSarif(outcome.result);
        case 'github':
            return (0,github/* formatAnnotations */.M)(outcome.result.findings);
        case 'markdown':
            return formatMarkdown(outcome.result, outcome.failOn);
    }
}


/***/ }),

/***/ 1184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ SEVERITIES),
/* harmony export */   q: () => (/* binding */ severityRank)
/* harmony export */ });
/** Severities in rising order; the index is the rank used by `--fail-on`. */
const SEVERITIES = ['low', 'medium', 'high', 'critical'];
function severityRank(s) {
    return SEVERITIES.indexOf(s);
}


/***/ })

};
