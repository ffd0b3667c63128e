export const id = 778;
export const ids = [778];
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

/***/ 9087:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $v: () => (/* binding */ EMPTY_CONFIG),
/* harmony export */   Z9: () => (/* binding */ loadConfig)
/* harmony export */ });
/* unused harmony exports DEFAULT_CONFIG, parseConfig, parseFailOn */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1184);
/* harmony import */ var _rules_catalog_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8742);






/** Read when no `--config` is given and the file exists. */
const DEFAULT_CONFIG = '.github/jit-credentials-scan.yml';
const EMPTY_CONFIG = { ignore: [], disable: [] };
function loadConfig(cwd, path) {
    const explicit = path !== undefined;
    const file = path === undefined ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(cwd, DEFAULT_CONFIG) : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(path) ? path : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(cwd, path);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file)) {
        if (explicit)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Scan config '${path}' does not exist. Give the path of a YAML file, or leave --config out.`);
        return { config: EMPTY_CONFIG };
    }
    let raw;
    try {
        raw = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parse */ .qg)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Scan config '${file}' is not valid YAML: ${err.message.split('\n')[0]}`);
    }
    return { config: parseConfig(raw ?? {}, file), path: file };
}
function parseConfig(raw, where) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Scan config '${where}' must be a mapping with 'ignore', 'disable' or 'fail-on'.`);
    }
    const obj = raw;
    for (const key of Object.keys(obj)) {
        if (!['ignore', 'disable', 'fail-on'].includes(key)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Unknown key '${key}' in scan config '${where}'. Allowed: ignore, disable, fail-on.`);
        }
    }
    const ignore = [];
    for (const [i, item] of list(obj['ignore'], 'ignore', where).entries()) {
        if (typeof item !== 'object' || item === null) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`ignore[${i}] in '${where}' must be a mapping with rule, path, line and reason.`);
        }
        const r = item;
        const rule = checkRule(r['rule'], `ignore[${i}].rule`, where);
        const reason = typeof r['reason'] === 'string' ? r['reason'].trim() : '';
        if (reason === '') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`ignore[${i}] (${rule}) in '${where}' has no reason. Say why the finding is accepted: reason: "..."`);
        }
        if (r['path'] !== undefined && typeof r['path'] !== 'string') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`ignore[${i}].path in '${where}' must be a glob such as .github/workflows/*.yml.`);
        }
        if (r['line'] !== undefined && !Number.isInteger(r['line'])) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`ignore[${i}].line in '${where}' must be a line number.`);
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
    if (value === 'none' || _types_js__WEBPACK_IMPORTED_MODULE_5__/* .SEVERITIES */ .o.includes(value))
        return value;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Invalid ${what} '${value}'. Expected one of: none, ${_types_js__WEBPACK_IMPORTED_MODULE_5__/* .SEVERITIES */ .o.join(', ')}.`);
}
function list(value, key, where) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`'${key}' in scan config '${where}' must be a list.`);
    return value;
}
function checkRule(value, what, where) {
    const id = String(value ?? '').toUpperCase();
    if (id === '*' || _rules_catalog_js__WEBPACK_IMPORTED_MODULE_4__/* .RULES */ .y0.has(id))
        return id;
    const byName = [..._rules_catalog_js__WEBPACK_IMPORTED_MODULE_4__/* .RULES */ .y0.values()].find((r) => r.name === String(value));
    if (byName)
        return byName.id;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${what} in '${where}' is '${String(value)}', which is not a rule. Use an id such as JIT103 or a name such as static-key-env.`);
}


/***/ }),

/***/ 778:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  WB: () => (/* binding */ scanTargets),
  Ff: () => (/* binding */ scanText)
});

// UNUSED EXPORTS: ttlSeconds

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/scan/config.ts
var scan_config = __webpack_require__(9087);
// EXTERNAL MODULE: ./src/scan/files.ts
var scan_files = __webpack_require__(5438);
// EXTERNAL MODULE: ./src/scan/rules/catalog.ts
var catalog = __webpack_require__(8742);
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
            ...(opts.uncertain ? { uncertain: true } : {}),
        });
    }
}

;// CONCATENATED MODULE: ./src/scan/flow/origin.ts
function origin(source) {
    return { source, via: [] };
}
function through(origins, site) {
    return site ? origins.map((o) => ({ source: o.source, via: [...o.via, site] })) : origins;
}
/** The job's own token: never a cloud credential. */
function isGitHubToken(name) {
    return /^(github_token|gh_token|gh_pat|github_pat)$/i.test(name);
}
/** Kept somewhere and valid until someone deletes it: what the scanner is after. */
function isStored(o, fromCallers) {
    const s = o.source;
    switch (s.kind) {
        case 'secret':
            return !isGitHubToken(s.name);
        case 'var':
        case 'stored':
            return true;
        case 'input':
            return fromCallers;
        default:
            return false;
    }
}
/** Short-lived by construction: an OIDC login's output or a value computed at run time. */
function isShortLived(o) {
    return o.source.kind === 'oidc' || o.source.kind === 'minted';
}
/** `The secret X`, `The 1Password item op://…`, `The caller's input creds.clientSecret`. */
function describeSource(s) {
    switch (s.kind) {
        case 'secret':
            return `The secret ${s.name}${s.fields?.length ? `.${s.fields.join('.')}` : ''}`;
        case 'var':
            return `The variable vars.${s.name}`;
        case 'input':
            return `The caller's input ${s.name}${s.fields?.length ? `.${s.fields.join('.')}` : ''}`;
        case 'stored':
            return s.how === '1password'
                ? `The 1Password item ${s.ref}`
                : s.how === 'base64 file'
                    ? `The key decoded from ${s.ref}`
                    : `The key decrypted with ${s.how} from ${s.ref}`;
        case 'literal':
            return 'A literal value';
        case 'output':
            return 'A step output';
        case 'unset':
            return `$${s.name}`;
        default:
            return 'A value';
    }
}
/** Name used to judge what a source holds: the secret's, variable's or input's name. */
function sourceName(s) {
    switch (s.kind) {
        case 'secret':
        case 'input':
            return [s.name, ...(s.fields ?? [])].join('_');
        case 'var':
        case 'unset':
            return s.name;
        default:
            return undefined;
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
    'keyfile',
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
/** Words before `key` that make the name an identifier: a KMS key's name, a cache or object key. */
const KEY_NAMING_WORDS = new Set(['kms', 'cmk', 'cache', 'object', 'partition', 'sort', 'lookup']);
/** A `..._JSON` name holds key material when it also says what kind. */
const JSON_KEY_WORDS = new Set([
    'credentials',
    'credential',
    'creds',
    'key',
    'keyfile',
    'sa',
    'account',
    'secret',
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
    bigquery: 'gcp',
    bq: 'gcp',
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
    // `BQ_KEYFILE_JSON`, dbt's `keyfile_json`: a Google service-account key file.
    if (ws.includes('keyfile') && ws.includes('json'))
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
    // `AWS_KMS_KEY`, `SOPS_KMS_KEY`, `CACHE_KEY`: the name of a key, or a lookup key, not key material.
    if (ws.some((w) => KEY_NAMING_WORDS.has(w)))
        return false;
    if (last === 'json') {
        // `GCP_SA_JSON`, `X_SERVICE_ACCOUNT_JSON`, `BQ_KEYFILE_JSON`: a service-account key file's content.
        return ws.some((w) => JSON_KEY_WORDS.has(w));
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
/** `a` or `an` before a word, as spoken: an AWS key, an Azure key, a Google Cloud key. */
function article(word) {
    return /^(?:[aeiou]|AWS|S3|R2|SA\b|HSM|RSA)/i.test(word) && !/^(?:us|uni|one)/i.test(word)
        ? `an ${word}`
        : `a ${word}`;
}

;// CONCATENATED MODULE: ./src/scan/flow/shape.ts

const SHAPES = [
    { re: /^(?:AKIA|ASIA)[A-Z2-7]{16}$/, what: 'an AWS access key id', cloud: 'aws' },
    // An Entra client secret: three characters, a digit, `Q~`, then 31-34 more.
    {
        re: /^[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}$/,
        what: 'an Azure client secret',
        cloud: 'azure',
    },
    // A storage account key is 64 random bytes in base64: 86 characters and `==`.
    {
        re: /^[A-Za-z0-9+/]{86}==$/,
        what: 'an Azure storage account key',
        cloud: 'azure',
        random: true,
    },
    // An AWS secret access key is 40 characters of base64 alphabet.
    { re: /^[A-Za-z0-9+/]{40}$/, what: 'an AWS secret access key', cloud: 'aws', random: true },
];
/**
 * A literal that is a key by its shape: an AWS access key id, a 40-character secret access key,
 * an Entra client secret, a storage account key, a service-account JSON key, a PEM private key.
 * Never a path, a file name, a bucket prefix, an ARN, a URL, or a published example.
 */
function keyShape(value) {
    const v = value.trim();
    if (v === '' || isExampleValue(v))
        return undefined;
    if (/"private_key"\s*:/.test(v) || /"type"\s*:\s*"service_account"/.test(v))
        return { what: 'a Google Cloud service-account key', cloud: 'gcp' };
    if (/-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/.test(v))
        return { what: 'a private key', cloud: 'other' };
    if (looksLikeName(v))
        return undefined;
    for (const s of SHAPES) {
        if (!s.re.test(v))
            continue;
        if (s.random && !random(v))
            continue;
        return { what: s.what, cloud: s.cloud };
    }
    return undefined;
}
/**
 * A secret of no known format under a name that says it is a key (`R2_SECRET_ACCESS_KEY`): long,
 * from a token alphabet, mixed like random data. Hex digests qualify; words and paths do not.
 */
function genericSecretShape(value) {
    const v = value.trim();
    if (v.length < 32 || v.length > 200 || isExampleValue(v) || looksLikeName(v))
        return false;
    if (!/^[A-Za-z0-9+/=_\-~.]+$/.test(v))
        return false;
    return entropy(v) >= 3.5 && /\d/.test(v) && /[A-Za-z]/.test(v);
}
/** Paths, file names, prefixes, ARNs, URLs, references and expressions: identifiers, not keys. */
function looksLikeName(v) {
    if (/^(?:\.{0,2}\/|~|\$|%|arn:|[a-z][a-z0-9+.-]*:\/\/|op:\/\/)/i.test(v))
        return true;
    if (/\.(json|ya?ml|pem|p12|key|txt|env|enc|gpg|asc|b64|cfg|conf|ini|xml|zip|tar|gz|tgz|sh|ps1|js|ts|py)$/i.test(v))
        return true;
    // A prefix or path of words: `releases/nightly/`, `builds/linux-x64/app`.
    if (v.includes('/') && v.split('/').every((seg) => seg === '' || /^[a-z0-9._-]*$/.test(seg)))
        return true;
    return /\s/.test(v);
}
function random(v) {
    return /[a-z]/.test(v) && /[A-Z]/.test(v) && /\d/.test(v) && entropy(v) >= 4;
}
/** Shannon entropy in bits per character. */
function entropy(v) {
    const counts = new Map();
    for (const ch of v)
        counts.set(ch, (counts.get(ch) ?? 0) + 1);
    let h = 0;
    for (const n of counts.values()) {
        const p = n / v.length;
        h -= p * Math.log2(p);
    }
    return h;
}

// EXTERNAL MODULE: ./src/scan/workflow.ts
var workflow = __webpack_require__(1948);
// EXTERNAL MODULE: ./src/scan/rules/known-actions.ts
var known_actions = __webpack_require__(4172);
// EXTERNAL MODULE: ./src/scan/rules/oidc-steps.ts
var oidc_steps = __webpack_require__(7254);
;// CONCATENATED MODULE: ./src/scan/rules/sources.ts
/** Summarises an entry's resolved origins (`${{ env.X }}` already followed to X's source). */
function sourcesOf(entry, origins) {
    const out = {
        secrets: [],
        inputs: [],
        stepOutputs: [],
        vars: [],
        stored: [],
        allSecrets: false,
        origins,
    };
    const text = entry.text;
    if (text === undefined)
        return out;
    if (entry.spans.length === 0)
        out.literal = text;
    for (const o of origins) {
        const s = o.source;
        if (s.kind === 'secret') {
            if (s.name === '*' && entry.spans.some((sp) => sp.flows.some((r) => r.whole)))
                out.allSecrets = true;
            else
                out.secrets.push(s.name);
        }
        else if (s.kind === 'input')
            out.inputs.push(s.name);
        else if (s.kind === 'output')
            out.stepOutputs.push(s.output);
        else if (s.kind === 'var')
            out.vars.push(s.name);
        else if (s.kind === 'stored')
            out.stored.push(s.ref);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/scan/rules/via.ts

/**
 * A stored key reaches its use through variables: each env entry (JIT103) or script line (JIT104)
 * that held it on the way is a use of the same key, and reported at its own line.
 */
function reportVia(ctx, origins, useLine, cloud) {
    const seen = new Set([useLine]);
    for (const o of origins) {
        for (const site of o.via) {
            if (seen.has(site.line))
                continue;
            seen.add(site.line);
            ctx.report(site.kind === 'env' ? 'JIT103' : 'JIT104', site, `${describeSource(o.source)} is put in ${site.label ?? site.name} here, and reaches a use as a long-lived ${cloudLabel(cloud)} key on line ${useLine}.`, { cloud });
        }
    }
}
function cloudLabel(c) {
    return c === 'aws' ? 'AWS' : c === 'azure' ? 'Azure' : c === 'gcp' ? 'Google Cloud' : 'cloud';
}

;// CONCATENATED MODULE: ./src/scan/rules/credentials.ts









function checkCredentials(ctx, model, flow, opts = {}) {
    if (model.kind === 'action') {
        const scope = { oidcClouds: (0,oidc_steps/* oidcCloudsOf */.b)(model.steps), fromCallers: true, flow };
        for (const input of model.inputs)
            checkKeyDeclaration(ctx, input, 'action input');
        for (const step of model.steps)
            checkStep(ctx, step, scope, opts);
        return;
    }
    const fromCallers = flow.fromCallers;
    for (const input of model.callInputs)
        checkKeyDeclaration(ctx, input, 'workflow_call input');
    const allOidc = new Set();
    for (const job of model.jobs)
        for (const c of (0,oidc_steps/* oidcCloudsOf */.b)(job.steps))
            allOidc.add(c);
    checkEnv(ctx, model.env, 'workflow', { oidcClouds: allOidc, fromCallers, flow });
    for (const job of model.jobs) {
        const scope = { oidcClouds: (0,oidc_steps/* oidcCloudsOf */.b)(job.steps), fromCallers, flow };
        checkEnv(ctx, job.env, `job '${job.id}'`, scope);
        if (job.uses)
            checkInputs(ctx, [...job.with, ...job.secrets], `reusable workflow ${job.uses}`, scope, job.uses.startsWith('./') ? opts.localKeyInputs?.(job.uses) : undefined);
        for (const step of job.steps)
            checkStep(ctx, step, scope, opts);
    }
}
function checkStep(ctx, step, scope, opts) {
    checkEnv(ctx, step.env, 'step', scope);
    const name = (0,workflow/* actionName */.aM)(step.uses);
    if (!step.uses)
        return;
    const local = name.startsWith('./') ? opts.localKeyInputs?.(name) : undefined;
    checkInputs(ctx, step.with, step.uses, scope, local, name);
}
function checkInputs(ctx, entries, target, scope, localKeys, name = '') {
    const known = (0,known_actions/* knownAction */.iZ)(name);
    const allText = entries.map((e) => e.text ?? '').join('\n');
    const siblingCloud = cloudOfText(allText);
    const registry = registryCloud(name, entries, scope);
    // Any other login (a reusable workflow's `registry_password`) pairs by the registry's host.
    const pairCloud = registry ?? (REGISTRY_HOST.test(allText) ? (cloudOfText(allText) ?? 'other') : undefined);
    for (const e of entries) {
        const s = sourcesOf(e, scope.flow.origins(e));
        const secrets = s.secrets.filter((n) => !isNonCloudName(n));
        // Where the input itself takes a key, the secret's name cannot clear it (`DEPLOY_KEY` is still a key).
        const fed = s.secrets.some((n) => !isGitHubToken(n)) ||
            s.vars.length > 0 ||
            s.stored.length > 0 ||
            (scope.fromCallers && s.inputs.length > 0);
        const literalKey = s.literal !== undefined && !isExampleValue(s.literal) && s.literal.length >= 16;
        const keyName = e.key.toLowerCase();
        const what = `input '${e.key}' of ${target}`;
        if (known?.keyInputs.includes(e.key) && (fed || literalKey)) {
            keyFinding(ctx, 'JIT101', e, `${describe(s)} is given to ${what}: a long-lived ${cloudName(known.cloud)} key.`, known.cloud, scope, s);
        }
        else if (known_actions/* KEY_INPUT_NAMES */.Om[keyName] && fed) {
            const cloud = known_actions/* KEY_INPUT_NAMES */.Om[keyName];
            keyFinding(ctx, 'JIT101', e, `${describe(s)} is given to ${what}, the input cloud login actions take a static ${cloudName(cloud)} key in.`, cloud, scope, s);
        }
        else if (registry && /^(password|username)$/.test(keyName) && fed) {
            if (keyName === 'username' && registry !== 'aws')
                continue;
            keyFinding(ctx, 'JIT101', e, `${describe(s)} logs docker in to ${article(cloudName(registry))} registry through ${what} with a long-lived key.`, registry, scope, s);
        }
        else if (localKeys?.has(e.key) && fed) {
            keyFinding(ctx, 'JIT102', e, `${describe(s)} is given to ${what}, which uses it as a cloud key.`, 'other', scope, s);
        }
        else if (secrets.length > 0 || s.stored.length > 0) {
            const destination = isCredentialName(e.key) && !isNonCloudName(e.key);
            const named = secrets.find((n) => isCloudCredentialName(n));
            const cloud = cloudOfName(e.key) ??
                secrets.map(cloudOfName).find((c) => c !== undefined) ??
                siblingCloud ??
                known?.cloud;
            if ((destination && cloud) || named) {
                keyFinding(ctx, 'JIT102', e, `${describe(s)} is passed to ${what}: its names show a long-lived ${cloudName(cloud)} key.`, cloud ?? 'other', scope, s);
            }
        }
    }
    registryUserHalf(ctx, entries, target, scope, pairCloud);
}
const REGISTRY_HOST = /\.azurecr\.io\b|\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\b|(^|[^a-z])gcr\.io\b|-docker\.pkg\.dev\b/i;
/**
 * A container registry login is a user name and password pair: once the password half is reported,
 * the user name fed from a secret beside it is part of the same long-lived credential.
 */
function registryUserHalf(ctx, entries, target, scope, registry) {
    if (!registry)
        return;
    const lines = new Set(ctx.findings.map((f) => `${f.file}:${f.line}`));
    const password = entries.find((e) => /password/i.test(e.key) && lines.has(`${ctx.file}:${e.loc.line}`));
    if (!password)
        return;
    for (const e of entries) {
        if (!/user(name)?$/i.test(e.key) || lines.has(`${ctx.file}:${e.loc.line}`))
            continue;
        const s = sourcesOf(e, scope.flow.origins(e));
        if (!s.secrets.some((n) => !isGitHubToken(n)) && s.vars.length === 0)
            continue;
        keyFinding(ctx, 'JIT102', e, `${describe(s)} is the user name half of the registry credential whose password is given to ${target} on line ${password.loc.line}.`, registry, scope, s);
    }
}
/**
 * The cloud of the registry a login action signs in to: ACR for azure/docker-login whatever its
 * `login-server` says; for docker/login-action the `registry` value, followed through `env` and
 * judged by its host or the names of the secrets it comes from (`ACR_LOGIN_SERVER`).
 */
function registryCloud(name, entries, scope) {
    if (name === 'azure/docker-login')
        return 'azure';
    if (name !== known_actions/* DOCKER_LOGIN */.p$)
        return undefined;
    const username = entries.find((e) => e.key === 'username')?.text;
    if (username === '_json_key' || username === '_json_key_base64')
        return 'gcp';
    const registry = entries.find((e) => e.key === 'registry');
    if (!registry)
        return undefined;
    const byText = cloudOfText(registry.text ?? '');
    if (byText)
        return byText;
    for (const o of scope.flow.origins(registry)) {
        const s = o.source;
        const text = s.kind === 'literal' ? s.text : undefined;
        const c = (text ? cloudOfText(text) : undefined) ??
            (s.kind === 'secret' || s.kind === 'var' ? cloudOfName(s.name) : undefined) ??
            o.via.map((v) => cloudOfName(v.name)).find((x) => x !== undefined);
        if (c)
            return c;
    }
    return undefined;
}
function checkEnv(ctx, entries, where, scope) {
    for (const e of entries) {
        const s = sourcesOf(e, scope.flow.origins(e));
        const destination = isCredentialName(e.key) && !isNonCloudName(e.key);
        const keyCloud = cloudOfName(e.key);
        // A name such as AWS_SECRET_ACCESS_KEY decides by itself; otherwise non-cloud secrets are out of scope.
        const secrets = s.secrets.filter((n) => destination && keyCloud ? !isGitHubToken(n) : !isNonCloudName(n));
        const secretCloud = secrets.map(cloudOfName).find((c) => c !== undefined);
        const what = `${where} env ${e.key}`;
        if (secrets.length > 0 &&
            ((destination && (keyCloud ?? secretCloud)) || secrets.some(isCloudCredentialName))) {
            keyFinding(ctx, 'JIT103', e, `${describe(s)} is put in ${what}: a long-lived ${cloudName(keyCloud ?? secretCloud)} key in the environment.`, keyCloud ?? secretCloud ?? 'other', scope, s);
            continue;
        }
        if (!destination || !keyCloud)
            continue;
        if ((scope.fromCallers && s.inputs.length > 0) || s.vars.length > 0 || s.stored.length > 0) {
            keyFinding(ctx, 'JIT103', e, `${describe(s)} is put in ${what}: a long-lived ${cloudName(keyCloud)} key in the environment.`, keyCloud, scope, s);
        }
        else if (s.stepOutputs.length > 0 && alwaysLongLived(e.key)) {
            keyFinding(ctx, 'JIT103', e, `A step output is put in ${what}; ${article(cloudName(keyCloud))} ${words(e.key).slice(-2).join(' ')} is a long-lived key wherever it is fetched from.`, keyCloud, scope, s);
        }
        else if (s.literal !== undefined) {
            // Judged by the value's shape: an S3 prefix or a key file's name under a `*_KEY` name is no key.
            const shape = keyShape(s.literal);
            const generic = !shape && genericSecretShape(s.literal);
            if (!shape && !generic)
                continue;
            ctx.report('JIT105', e.loc, `${what} is set to ${shape ? shape.what : `a literal that looks like ${article(cloudName(keyCloud))} key`}, written in the file.`, { cloud: shape && shape.cloud !== 'other' ? shape.cloud : keyCloud });
        }
    }
}
/** An action input or workflow_call input/secret named for a static key (JIT108). */
function checkKeyDeclaration(ctx, input, what) {
    const known = known_actions/* KEY_INPUT_NAMES */.Om[input.key.toLowerCase()];
    if (known || isCloudCredentialName(input.key)) {
        const cloud = known ?? cloudOfName(input.key) ?? 'other';
        ctx.report('JIT108', input.loc, `The ${what} '${input.key}' asks callers for a long-lived ${cloudName(cloud)} key.`, { cloud });
    }
}
function keyFinding(ctx, id, e, message, cloud, scope, s) {
    const stored = s.origins.filter((o) => isStored(o, scope.fromCallers));
    if (cloud !== 'other' && scope.oidcClouds.has(cloud)) {
        ctx.report('JIT203', e.loc, `${message} The same job already logs in to ${cloudName(cloud)} with OIDC, so this key is only a fallback that can still be stolen.`, { cloud });
    }
    else {
        ctx.report(id, e.loc, message, { cloud });
    }
    reportVia(ctx, stored, e.loc.line, cloud);
}
/** Client secrets, account keys and key files stay valid until deleted, wherever they come from. */
function alwaysLongLived(name) {
    const j = words(name).join('_');
    return /client_secret|account_key|storage_key|credentials|connection_string|sa_key|service_account/.test(j);
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
    const stored = s.origins.find((o) => o.source.kind === 'stored');
    if (stored)
        return describeSource(stored.source);
    if (s.inputs.length > 0)
        return `The caller's input ${s.inputs[0]}`;
    if (s.stepOutputs.length > 0)
        return 'A step output';
    return 'A literal value';
}

// EXTERNAL MODULE: ./src/scan/expressions.ts
var expressions = __webpack_require__(7637);
;// CONCATENATED MODULE: ./src/scan/flow/shell.ts

const MAX_LINES = 5000;
/** Splits a script into commands. */
function commands(lines) {
    const out = [];
    let parts = [];
    for (let i = 0; i < lines.length && i < MAX_LINES; i++) {
        const { line, text } = lines[i];
        const code = stripComment(text);
        const trimmed = code.trimEnd();
        const lead = code.length - code.trimStart().length;
        const continued = /(?:^|[^\\])\\$/.test(trimmed) || /\s`$/.test(trimmed);
        parts.push({
            line,
            text: continued ? trimmed.slice(lead, -1) : trimmed.slice(lead),
            col: lead + 1,
        });
        if (continued && i + 1 < lines.length)
            continue;
        const cmd = build(parts);
        parts = [];
        const doc = heredocDelimiter(cmd.text);
        if (doc) {
            const body = [];
            while (i + 1 < lines.length) {
                const next = lines[i + 1];
                i++;
                if (next.text.trim() === doc)
                    break;
                body.push(next);
            }
            cmd.heredoc = body;
        }
        if (cmd.text.trim() !== '' || cmd.heredoc)
            out.push(cmd);
    }
    return out;
}
function build(parts) {
    const starts = [];
    let text = '';
    for (const p of parts) {
        if (text !== '')
            text += ' ';
        starts.push(text.length);
        text += p.text;
    }
    const index = (offset) => {
        let k = 0;
        while (k + 1 < starts.length && starts[k + 1] <= offset)
            k++;
        return k;
    };
    return {
        text,
        first: parts[0]?.line ?? 0,
        lineOf: (o) => parts[index(o)]?.line ?? parts[0]?.line ?? 0,
        columnOf: (o) => {
            const k = index(o);
            return (parts[k]?.col ?? 1) + (o - (starts[k] ?? 0));
        },
    };
}
function heredocDelimiter(text) {
    const m = /<<-?\s*(['"]?)([A-Za-z_][\w-]*)\1/.exec(text.replace(/<<</g, '   '));
    return m?.[2];
}
/** Removes a `#` comment that starts a word outside quotes and expressions. */
function stripComment(text) {
    let quote = '';
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (text.startsWith('${{', i)) {
            const end = text.indexOf('}}', i + 3);
            if (end < 0)
                return text;
            i = end + 1;
            continue;
        }
        if (quote) {
            if (ch === quote)
                quote = '';
            else if (ch === '\\' && quote === '"')
                i++;
            continue;
        }
        if (ch === "'" || ch === '"')
            quote = ch;
        else if (ch === '\\')
            i++;
        else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1])))
            return text.slice(0, i);
    }
    return text;
}
/**
 * Reads one shell word from `i`: quotes, `$(...)` and `${{ }}` kept whole. Returns the word as
 * written (quotes included) and where it ends.
 */
function readWord(text, i) {
    let j = i;
    let quote = '';
    let depth = 0;
    while (j < text.length) {
        const ch = text[j];
        if (text.startsWith('${{', j)) {
            const end = text.indexOf('}}', j + 3);
            j = end < 0 ? text.length : end + 2;
            continue;
        }
        if (quote) {
            if (ch === quote)
                quote = '';
            else if (ch === '\\' && quote === '"')
                j++;
            j++;
            continue;
        }
        if (ch === "'" || ch === '"')
            quote = ch;
        else if (ch === '\\')
            j++;
        else if (text.startsWith('$(', j)) {
            depth++;
            j += 2;
            continue;
        }
        else if (ch === ')' && depth > 0)
            depth--;
        else if (depth === 0 && /[\s;&|<>]/.test(ch))
            break;
        j++;
    }
    return { word: text.slice(i, j), end: j };
}
/** A word without its outer quotes. */
function unquote(word) {
    const w = word.trim();
    if (w.length >= 2 && (w[0] === '"' || w[0] === "'") && w.at(-1) === w[0])
        return w.slice(1, -1);
    return w;
}
/** The `${{ }}`, `$VAR`/`${VAR}`/`$env:VAR`/`%VAR%` and `$(...)` a piece of text is built from. */
function atoms(text, base = 0) {
    const out = [];
    const spans = (0,expressions/* expressionsIn */.l$)(text);
    let s = 0;
    let double = false;
    for (let i = 0; i < text.length; i++) {
        while (spans[s] && spans[s].start < i)
            s++;
        const span = spans[s];
        if (span && i === span.start) {
            out.push({ kind: 'expr', span, at: base + i });
            i = span.end - 1;
            s++;
            continue;
        }
        if (text[i] === '"' && text[i - 1] !== '\\')
            double = !double;
        if (text[i] === "'" && !double) {
            // Single quotes keep `$X` literal in bash; expressions inside were handled above.
            const close = text.indexOf("'", i + 1);
            const inner = close < 0 ? '' : text.slice(i + 1, close);
            if (close > i && !inner.includes('${{')) {
                i = close;
                continue;
            }
        }
        if (text.startsWith('$(', i)) {
            const end = matchParen(text, i + 1);
            out.push({ kind: 'subst', text: text.slice(i + 2, end), at: base + i });
            i = end;
            continue;
        }
        const v = /^\$(?:env:([A-Za-z_]\w*)|\{([A-Za-z_]\w*)[^}]*\}|([A-Za-z_]\w*))|^%([A-Za-z_]\w*)%/.exec(text.slice(i, i + 200));
        if (v) {
            out.push({ kind: 'var', name: (v[1] ?? v[2] ?? v[3] ?? v[4]), at: base + i });
            i += v[0].length - 1;
        }
    }
    return out;
}
function matchParen(text, open) {
    let depth = 0;
    for (let j = open; j < text.length; j++) {
        if (text[j] === '(')
            depth++;
        else if (text[j] === ')' && --depth === 0)
            return j;
    }
    return text.length;
}
/**
 * Ranges of `text` inside a test (`[ ... ]`, `[[ ... ]]`, `test ...`, PowerShell `-eq`/`-ne`
 * comparisons): a value there is compared, not used.
 */
function testRanges(text) {
    const out = [];
    for (const m of text.matchAll(/\[\[?\s(.*?)\s\]\]?/g)) {
        if (/(?:^|\s)(?:==?|!=|-[zn]|-eq|-ne)(?:\s|$)/.test(m[1]))
            out.push([m.index, m.index + m[0].length]);
    }
    for (const m of text.matchAll(/\btest\s+(-[zn]\s+\S+|\S+\s+!?=\s+\S+)/g))
        out.push([m.index, m.index + m[0].length]);
    for (const m of text.matchAll(/\(\s*("[^"]*"|'[^']*'|\$\S+)\s+-(?:eq|ne|ceq|cne)\s+[^)]*\)/gi))
        out.push([m.index, m.index + m[0].length]);
    for (const m of text.matchAll(/\[string\]::IsNullOrEmpty\(\s*("[^"]*"|'[^']*'|\$\S+)\s*\)/gi))
        out.push([m.index, m.index + m[0].length]);
    return out;
}
function inRanges(at, ranges) {
    return ranges.some(([a, b]) => at >= a && at < b);
}

;// CONCATENATED MODULE: ./src/scan/flow/script.ts




/** Variables that name a Google key file. */
const KEY_FILE_VARS = new Set([
    'GOOGLE_APPLICATION_CREDENTIALS',
    'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE',
    'GOOGLE_GHA_CREDS_PATH',
]);
const DECRYPT = [
    [/\bsops\b[^|;]*(?:\s(?:-d|--decrypt)\b|\bexec-(?:env|file)\b)/, 'sops'],
    [/\bgpg2?\b[^|;]*\s(?:-d|--decrypt)\b/, 'gpg'],
    [/\bage\b[^|;]*\s(?:-d|--decrypt)\b/, 'age'],
    [/\bopenssl\b[^|;]*\s-d\b/, 'openssl'],
    [/\bansible-vault\s+(?:view|decrypt)\b/, 'ansible-vault'],
    [/\bop\s+(?:read|inject)\b/, '1password'],
];
/** Commands whose output is a credential made at run time, or no credential at all. */
const MINTED = /\b(?:gcloud\s+auth\s+(?:application-default\s+)?print-(?:access|identity)-token|az\s+account\s+get-access-token|aws\s+sts\b|aws\s+ecr(?:-public)?\s+get-login-password|aws\s+codeartifact\s+get-authorization-token|mktemp)\b|ACTIONS_ID_TOKEN_REQUEST/;
const ENV_TARGET = /(?:\$\{?|\$env:|%)GITHUB_ENV\b/;
const OUTPUT_TARGET = /(?:\$\{?|\$env:|%)GITHUB_OUTPUT\b/;
/** Follows values through one `run:` script. */
class ScriptWalker {
    scope;
    vars;
    fx = {
        exports: new Map(),
        outputs: new Map(),
        writes: [],
        pointers: [],
        uses: [],
    };
    constructor(env, scope) {
        this.scope = scope;
        this.vars = new Map(env);
    }
    walk(lines) {
        for (const cmd of commands(lines))
            this.command(cmd);
        return this.fx;
    }
    command(cmd) {
        const text = cmd.text;
        const tests = testRanges(text);
        this.interpolations(cmd, tests);
        this.assignments(cmd);
        const envWrite = writesTo(text, ENV_TARGET) || (cmd.heredoc !== undefined && ENV_TARGET.test(text));
        const outWrite = writesTo(text, OUTPUT_TARGET) || (cmd.heredoc !== undefined && OUTPUT_TARGET.test(text));
        if (envWrite)
            this.pairs(cmd, 'env');
        else if (outWrite || /::set-output\s/.test(text))
            this.pairs(cmd, 'output');
        else
            this.fileWrite(cmd);
        this.awsConfigure(cmd);
        this.credentialsFile(cmd);
        this.azLogin(cmd);
        this.gcloud(cmd);
        this.dockerLogin(cmd);
    }
    // --- values ---
    valueOf(text, at) {
        const found = atoms(text, at);
        if (found.length === 0) {
            const literal = unquote(text);
            if (/^op:\/\//.test(literal))
                return [origin({ kind: 'stored', how: '1password', ref: literal })];
            return [origin({ kind: 'literal', text: literal })];
        }
        return found.flatMap((a) => this.atom(a));
    }
    atom(a) {
        if (a.kind === 'expr')
            return this.scope.expr(a.span);
        if (a.kind === 'var') {
            const b = this.vars.get(a.name);
            return b ? through(b.origins, b.site) : [origin({ kind: 'unset', name: a.name })];
        }
        return this.substitution(a.text, a.at);
    }
    /** `$(...)`: a decrypted or password-manager value, a value made at run time, or what it echoes. */
    substitution(text, at) {
        for (const [re, how] of DECRYPT) {
            if (re.test(text))
                return [origin({ kind: 'stored', how, ref: operand(text) })];
        }
        const b64 = /\bbase64\s+(?:-d|--decode|-D)\s+(?:<\s*)?([^\s$|;'"`-][^\s|;]*)/.exec(text);
        if (b64 && !/\|\s*base64/.test(text))
            return [origin({ kind: 'stored', how: 'base64 file', ref: b64[1] })];
        if (MINTED.test(text))
            return [origin({ kind: 'minted', command: text.trim() })];
        const cat = /^\s*cat\s+("[^"]*"|'[^']*'|\S+)\s*$/.exec(text);
        if (cat) {
            const inFile = this.scope.file(pathKey(cat[1], this.vars));
            if (inFile.length > 0)
                return inFile;
        }
        const inner = atoms(text, at);
        if (inner.length === 0)
            return [origin({ kind: 'minted', command: text.trim() })];
        return inner.flatMap((a) => this.atom(a));
    }
    site(cmd, offset, name, label, length) {
        const line = cmd.lineOf(offset);
        const column = cmd.columnOf(offset);
        const end = length === undefined ? column + lineLength(cmd, offset) : column + length;
        return { kind: 'script', name, label, line, column, endLine: line, endColumn: end };
    }
    // --- what the script does with values ---
    /** `export NAME=value`, `NAME=value`, `$env:NAME = value`. */
    assignments(cmd) {
        const text = cmd.text;
        const re = /(?:^|[;&|({]\s*|\b(?:export|declare\s+-x|local|readonly|then|do|else)\s+)([A-Za-z_]\w*)=(?=\S|$)|\$(?:env:)?([A-Za-z_]\w*)\s*=\s*(?!=)/g;
        for (const m of text.matchAll(re)) {
            const name = (m[1] ?? m[2]);
            // PowerShell `$x = ...` only at the start of a statement.
            if (m[2] && !/^(?:\s*|.*[;{]\s*)$/.test(text.slice(0, m.index)))
                continue;
            const start = m.index + m[0].length;
            const { word } = readWord(text, start);
            const site = this.site(cmd, m.index + (m[0].length - m[0].trimStart().length), name, `$${name}`);
            const binding = { origins: this.valueOf(word, start), site, text: unquote(word) };
            this.vars.set(name, binding);
            this.definition(name, binding, site, 'set in the script');
        }
    }
    /** `NAME=value` lines written to GITHUB_ENV or GITHUB_OUTPUT (echo, printf, heredoc). */
    pairs(cmd, into) {
        const found = [];
        if (cmd.heredoc) {
            const body = cmd.heredoc;
            for (let i = 0; i < body.length; i++) {
                const m = /^(\s*)([A-Za-z_][\w-]*)(=|<<)(.*)$/.exec(body[i].text);
                if (!m)
                    continue;
                const line = lineCommand(body[i]);
                let value = m[4];
                if (m[3] === '<<') {
                    const delim = value.trim();
                    const parts = [];
                    while (i + 1 < body.length && body[i + 1].text.trim() !== delim)
                        parts.push(body[++i].text);
                    value = parts.join('\n');
                }
                found.push({ name: m[2], value, at: m[1].length, cmd: line });
            }
        }
        const legacy = /::set-output\s+name=([\w-]+)::(.*)$/.exec(cmd.text);
        if (legacy)
            found.push({ name: legacy[1], value: legacy[2], at: legacy.index, cmd });
        // `echo "NAME=value"`, `printf 'NAME=%s\n' "$V"`, `"NAME=value" | Out-File ...`.
        if (!cmd.heredoc &&
            /\b(?:echo|printf|Write-Output|Add-Content|Out-File|Set-Content)\b|^\s*["']/.test(cmd.text)) {
            const ws = wordsOf(cmd.text);
            for (let k = 0; k < ws.length; k++) {
                const w = ws[k];
                if (/^\d*>>?$|^tee$/.test(w.word))
                    break;
                const inner = unquote(w.word);
                const m = /^([A-Za-z_][\w-]*)=([\s\S]*?)(?:\\n)?$/.exec(inner);
                if (!m || k === 0)
                    continue;
                const offset = w.at + (w.word.length - w.word.trimStart().length) + (inner === w.word ? 0 : 1);
                let value = m[2];
                if (value.includes('%s'))
                    value = ws
                        .slice(k + 1)
                        .filter((x) => !/^\d*>>?$/.test(x.word))
                        .map((x) => x.word)
                        .join(' ');
                found.push({ name: m[1], value, at: offset + m[1].length + 1, cmd });
            }
        }
        for (const f of found) {
            const site = this.site(f.cmd, Math.max(0, f.at - f.name.length - 1), f.name, into === 'env' ? `GITHUB_ENV ${f.name}` : `step output ${f.name}`);
            const binding = {
                origins: this.valueOf(f.value, f.at),
                site,
                text: unquote(f.value),
            };
            if (into === 'output') {
                this.fx.outputs.set(f.name, through(binding.origins, site));
                continue;
            }
            this.fx.exports.set(f.name, binding);
            this.definition(f.name, binding, site, 'written to GITHUB_ENV');
        }
    }
    /** A cloud key put in a variable whose name SDKs read (`AWS_SECRET_ACCESS_KEY`), or a key file pointer. */
    definition(name, b, site, how) {
        if (KEY_FILE_VARS.has(name.toUpperCase())) {
            const paths = [pathKey(b.text ?? '', this.vars), `$${name}`].filter((p) => p !== '');
            this.fx.pointers.push({ paths, site, what: `${name} (${how})`, rule: 'JIT104' });
            return;
        }
        const cloud = cloudOfName(name);
        if (!cloud || !isCredentialName(name) || isNonCloudName(name))
            return;
        const stored = b.origins.filter((o) => isStored(o, this.scope.fromCallers));
        if (stored.length > 0) {
            this.use(site, `${describeSource(stored[0].source)} is put in ${name} (${how}): a long-lived ${script_cloudLabel(cloud)} key.`, cloud, stored);
            return;
        }
        const literal = b.origins.find((o) => o.source.kind === 'literal');
        const shape = literal ? keyShape(b.text ?? '') : undefined;
        if (shape) {
            this.fx.uses.push({
                rule: 'JIT105',
                ...site,
                message: `${name} is set to ${shape.what} written in the file.`,
                cloud: shape.cloud === 'other' ? cloud : shape.cloud,
                origins: [],
            });
        }
    }
    /** A file written with `>`, `>>`, `tee`, `-o`/`--output`, `Out-File` or a here-document. */
    fileWrite(cmd) {
        const text = cmd.text;
        const target = /(?:^|[^0-9&>])>>?\s*("[^"]*"|'[^']*'|[^\s;|&]+)/.exec(text) ??
            /\btee\s+(?:-a\s+)?("[^"]*"|'[^']*'|[^\s;|&-][^\s;|&]*)/.exec(text) ??
            /\s(?:-o|--output|--out|-FilePath|-Path)[\s=]+("[^"]*"|'[^']*'|[^\s;|&]+)/.exec(text);
        if (!target)
            return;
        const path = pathKey(target[1], this.vars);
        if (path === '' || /^\/dev\/(null|stderr|stdout)$/.test(path) || /^&\d$/.test(path))
            return;
        const source = cmd.heredoc
            ? cmd.heredoc.flatMap((l) => this.valueOfLine(l))
            : this.contentOf(text.slice(0, target.index) + ' ' + text.slice(target.index + target[0].length), target.index);
        const origins = source.filter((o) => o.source.kind !== 'literal');
        if (origins.length === 0)
            return;
        const site = this.site(cmd, 0, path, `file ${path}`);
        this.fx.writes.push({ path, origins, site });
        const stored = origins.filter((o) => isStored(o, this.scope.fromCallers));
        const named = stored.filter((o) => {
            const names = [sourceName(o.source), ...o.via.map((v) => v.name)];
            return names.some((n) => n !== undefined && isCloudCredentialName(n));
        });
        if (named.length > 0) {
            const via = named[0].via.at(-1)?.name;
            const cloud = cloudOfStored(named) ?? 'other';
            this.use(site, `${via ? `The key in $${via}` : describeSource(named[0].source)} is written to a file (${path}), where any later step and any upload can read it.`, cloud, named);
        }
    }
    /** What a command outputs: its decrypting or echoed values (a here-document is read by the caller). */
    contentOf(text, at) {
        for (const [re, how] of DECRYPT) {
            if (re.test(text))
                return [origin({ kind: 'stored', how, ref: operand(text) })];
        }
        const b64 = /\bbase64\s+(?:-d|--decode|-D)\s+(?:<\s*)?([^\s$|;'"`-][^\s|;]*)/.exec(text);
        if (b64 && !/\|\s*base64/.test(text))
            return [origin({ kind: 'stored', how: 'base64 file', ref: b64[1] })];
        if (MINTED.test(text))
            return [origin({ kind: 'minted', command: text.trim() })];
        return atoms(text, at).flatMap((a) => this.atom(a));
    }
    valueOfLine(l) {
        return atoms(l.text).flatMap((a) => this.atom(a));
    }
    // --- logins and key files ---
    /** `${{ secrets.X }}` typed into a command, unless only compared (`[ -z "${{ secrets.X }}" ]`). */
    interpolations(cmd, tests) {
        for (const a of atoms(cmd.text)) {
            if (a.kind !== 'expr' || inRanges(a.at, tests))
                continue;
            for (const r of a.span.flows) {
                const fromInput = r.context === 'inputs' && this.scope.fromCallers;
                if ((r.context !== 'secrets' && !fromInput) || r.whole)
                    continue;
                const name = [r.path[0] ?? '', ...(r.fields ?? [])].join('_');
                if (isNonCloudName(name))
                    continue;
                if (!(isCloudCredentialName(name) ||
                    (isCredentialName(name) && CLOUD_COMMAND.test(cmd.text))))
                    continue;
                const cloud = cloudOfName(name);
                const what = r.context === 'inputs' ? `The caller's input ${r.path[0]}` : `The secret ${r.path[0]}`;
                this.use(this.site(cmd, a.at, name, undefined, a.span.end - a.span.start), `${what}${r.fields?.length ? `.${r.fields.join('.')}` : ''} is written into a script${commandName(cmd.text)}: a long-lived ${script_cloudLabel(cloud)} key on a command line.`, cloud ?? 'other', []);
            }
        }
    }
    awsConfigure(cmd) {
        const m = /\baws\s+configure\s+set\s+(?:--profile[\s=]+\S+\s+)?(?:[\w-]+\.)?(aws_access_key_id|aws_secret_access_key)\s+/.exec(cmd.text);
        if (!m)
            return;
        const start = m.index + m[0].length;
        const { word } = readWord(cmd.text, start);
        const origins = this.valueOf(word, start);
        const keys = origins.filter((o) => this.mayBeKey(o));
        if (keys.length === 0)
            return;
        this.use(this.site(cmd, m.index, m[1]), `\`aws configure set ${m[1]}\` stores a long-lived AWS key in the runner's AWS config.`, 'aws', keys);
    }
    /** `aws_secret_access_key = ...` written into a shared-credentials file (heredoc, echo, printf). */
    credentialsFile(cmd) {
        const lines = cmd.heredoc
            ? cmd.heredoc.map((l) => ({ text: l.text, line: l.line, col: 1, cmd: lineCommand(l) }))
            : [{ text: cmd.text, line: cmd.first, col: 0, cmd }];
        for (const l of lines) {
            // `\\n` before the name in a printf format is no word boundary.
            for (const m of l.text.matchAll(/(?:(?<=\\n)|\b)aws_(access_key_id|secret_access_key)\s*=\s*/g)) {
                if (!cmd.heredoc && /\baws\s+configure\s+set\b/.test(l.text))
                    continue;
                const start = m.index + m[0].length;
                const { word } = readWord(l.text, start);
                let origins = this.valueOf(word.replace(/\\n.*$/, ''), start);
                if (/%s/.test(word) || /^\\?["']?%/.test(word)) {
                    // printf '...aws_secret_access_key = %s\n' "$A" "$B": the values are the arguments.
                    origins = atoms(l.text.slice(start)).flatMap((a) => this.atom(a));
                }
                const keys = origins.filter((o) => this.mayBeKey(o));
                if (keys.length === 0)
                    continue;
                this.use(this.site(l.cmd, m.index, `aws_${m[1]}`), `An AWS key is written into a shared-credentials file (\`aws_${m[1]} = …\`), where every later AWS tool finds it.`, 'aws', keys);
            }
        }
    }
    azLogin(cmd) {
        if (!/\baz\s+login\b/.test(cmd.text) || /--federated-token/.test(cmd.text))
            return;
        const m = /(?:^|\s)(-p|--password|--secret)(?:=|\s+)/.exec(cmd.text);
        if (!m)
            return;
        const start = m.index + m[0].length;
        const origins = this.valueOf(readWord(cmd.text, start).word, start);
        this.use(this.site(cmd, m.index + (m[0].length - m[0].trimStart().length), 'az login'), '`az login` with a password or client secret logs in with a long-lived Azure service-principal secret.', 'azure', origins.filter((o) => isStored(o, this.scope.fromCallers)));
    }
    gcloud(cmd) {
        const text = cmd.text;
        const activate = /\bgcloud\s+auth\s+activate-service-account\b/.exec(text);
        const credFile = /\bgcloud\s+auth\s+login\b.*?--cred-file[\s=]+("[^"]*"|'[^']*'|\S+)/.exec(text);
        if (activate) {
            const file = /--key-file[\s=]+("[^"]*"|'[^']*'|\S+)/.exec(text);
            const origins = file ? this.keyFileOrigins(file[1]) : [];
            this.use(this.site(cmd, activate.index, 'gcloud'), '`gcloud auth activate-service-account` logs in with a long-lived Google Cloud service-account key.', 'gcp', origins.filter((o) => isStored(o, this.scope.fromCallers)));
        }
        else if (credFile) {
            const site = this.site(cmd, credFile.index, 'gcloud');
            this.fx.pointers.push({
                paths: [pathKey(credFile[1], this.vars)],
                site,
                what: '`gcloud auth login --cred-file`',
                rule: 'JIT104',
            });
        }
    }
    /** `docker login` to ECR, ACR, GCR or Artifact Registry with a stored password. */
    dockerLogin(cmd) {
        const m = /\bdocker\s+login\b/.exec(cmd.text);
        if (!m)
            return;
        const after = cmd.text.slice(m.index);
        const host = cloudOfText(expandVars(after, this.vars));
        if (!host)
            return;
        const p = /(?:^|\s)(?:-p|--password)(?:=|\s+)/.exec(after);
        let origins;
        if (p) {
            const start = m.index + p.index + p[0].length;
            origins = this.valueOf(readWord(cmd.text, start).word, start);
        }
        else if (/--password-stdin/.test(after)) {
            origins = this.contentOf(cmd.text.slice(0, m.index), 0);
        }
        else
            return;
        const keys = origins.filter((o) => isStored(o, this.scope.fromCallers));
        if (keys.length === 0)
            return;
        this.use(this.site(cmd, m.index, 'docker login'), `\`docker login\` to ${article(script_cloudLabel(host))} registry with a stored password: a long-lived ${script_cloudLabel(host)} key.`, host, keys);
    }
    keyFileOrigins(word) {
        const key = pathKey(word, this.vars);
        const direct = this.scope.file(key);
        const pending = this.fx.writes
            .filter((w) => samePath(w.path, key))
            .flatMap((w) => through(w.origins, w.site));
        return [...pending, ...direct];
    }
    /**
     * A value that can hold a stored key: not an OIDC output, not computed at run time, and a
     * literal only when it has a key's shape (a local MinIO's `minio123` is not one).
     */
    mayBeKey(o) {
        if (isStored(o, this.scope.fromCallers) || o.source.kind === 'unset')
            return true;
        if (o.source.kind === 'literal') {
            const v = unquote(o.source.text);
            return !isExampleValue(v) && (keyShape(v) !== undefined || genericSecretShape(v));
        }
        return false;
    }
    use(site, message, cloud, origins) {
        this.fx.uses.push({ rule: 'JIT104', ...site, message, cloud, origins });
    }
}
/** Commands that take cloud credentials on their command line. */
const CLOUD_COMMAND = /\b(aws|az|gcloud|gsutil|rclone|terraform|s3cmd|azcopy|rad|kubectl|helm|docker|b2|swift|openstack)\b/;
function commandName(command) {
    const m = CLOUD_COMMAND.exec(command);
    return m ? ` (${m[1]})` : '';
}
function script_cloudLabel(c) {
    return c === 'aws' ? 'AWS' : c === 'azure' ? 'Azure' : c === 'gcp' ? 'Google Cloud' : 'cloud';
}
function cloudOfStored(origins) {
    for (const o of origins) {
        for (const n of [sourceName(o.source), ...o.via.map((v) => v.name)]) {
            const c = n ? cloudOfName(n) : undefined;
            if (c)
                return c;
        }
    }
    return undefined;
}
const writePatterns = new Map();
/** True when the command redirects, tees or (PowerShell) writes into the target. */
function writesTo(text, target) {
    if (!target.test(text))
        return false;
    let re = writePatterns.get(target);
    if (!re) {
        const t = target.source;
        re = new RegExp(`>>?\\s*["']?${t}|\\btee\\s+(?:-a\\s+)?["']?${t}|(?:Out-File|Add-Content|Set-Content)\\b[^|;]*${t}`, 'i');
        writePatterns.set(target, re);
    }
    return re.test(text);
}
/** The file a decrypting command reads (its last plain operand). */
function operand(text) {
    const words = text
        .split(/\s+/)
        .filter((w) => w !== '' && !w.startsWith('-') && !/[|;&<>]/.test(w));
    return unquote(words.at(-1) ?? '');
}
/**
 * A path as a key for matching writes to uses: quotes, the workspace prefix and `./` dropped;
 * `$X`/`${X}` kept as `$X` unless X holds a plain path.
 */
function pathKey(word, vars) {
    let p = unquote(word.trim());
    const v = /^\$\{?([A-Za-z_]\w*)\}?$/.exec(p) ?? /^\$env:([A-Za-z_]\w*)$/.exec(p);
    if (v) {
        const text = vars?.get(v[1])?.text;
        if (text && !/[$`(]/.test(text) && text !== '')
            p = text;
        else
            return `$${v[1]}`;
    }
    return p
        .replace(/^\$\{\{\s*(?:github\.workspace|runner\.temp|env\.HOME)\s*\}\}\//, '')
        .replace(/^\$\{?(?:GITHUB_WORKSPACE|PWD|HOME|RUNNER_TEMP)\}?\//, '')
        .replace(/^~\//, '')
        .replace(/^\.\//, '');
}
/** Two path keys name the same file: equal, or the same file name with an extension. */
function samePath(a, b) {
    if (a === b)
        return true;
    if (a.startsWith('$') || b.startsWith('$'))
        return false;
    const base = (p) => p.split('/').at(-1) ?? '';
    return base(a) !== '' && base(a) === base(b) && /\.\w+$/.test(base(a));
}
function expandVars(text, vars) {
    return text.replace(/\$\{?([A-Za-z_]\w*)\}?/g, (all, n) => vars.get(n)?.text ?? all);
}
function lineLength(cmd, offset) {
    const line = cmd.lineOf(offset);
    let end = offset;
    while (end < cmd.text.length && cmd.lineOf(end) === line)
        end++;
    return Math.max(1, end - offset);
}
/** A here-document line as a command of its own (its text is the whole source line). */
function lineCommand(l) {
    return { text: l.text, first: l.line, lineOf: () => l.line, columnOf: (o) => o + 1 };
}
/** The words of a command with their offsets. */
function wordsOf(text) {
    const out = [];
    let i = 0;
    while (i < text.length && out.length < 500) {
        while (i < text.length && /\s/.test(text[i]))
            i++;
        if (i >= text.length)
            break;
        const { word, end } = readWord(text, i);
        if (end === i) {
            // An operator character (`|`, `;`, `>`): a word of its own.
            let j = i;
            while (j < text.length && /[;&|<>0-9]/.test(text[j]) && j - i < 3)
                j++;
            out.push({ word: text.slice(i, Math.max(j, i + 1)), at: i });
            i = Math.max(j, i + 1);
            continue;
        }
        out.push({ word, at: i });
        i = end;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/scan/flow/model.ts





/**
 * Follows values through a file: env at workflow, job and step level, GITHUB_ENV and GITHUB_OUTPUT
 * writes, the environment and outputs of login actions (OIDC or keys), files written by scripts.
 * Steps are walked in order, so a value is judged by what was set before it is used.
 */
class FileFlow {
    src;
    fromCallers;
    values = new Map();
    uses = [];
    constructor(src, model, fromCallers) {
        this.src = src;
        this.fromCallers = fromCallers;
        if (model.kind === 'action') {
            this.job(model.steps, new Map());
            return;
        }
        const workflowEnv = this.bindAll(model.env, new Map());
        for (const job of model.jobs) {
            const jobEnv = new Map([...workflowEnv, ...this.bindAll(job.env, workflowEnv)]);
            for (const e of [...job.with, ...job.secrets])
                this.values.set(e, this.entryValue(e, jobEnv, new Map()));
            this.job(job.steps, jobEnv, [...model.env, ...job.env]);
        }
    }
    /** What an entry's value is made of. Entries the walk did not reach are read on their own. */
    origins(entry) {
        return this.values.get(entry) ?? this.entryValue(entry, new Map(), new Map());
    }
    job(steps, base, yamlEnv = []) {
        let exported = new Map();
        const outputs = new Map();
        const writes = [];
        const pointers = [];
        // A key file named in workflow or job env (`GOOGLE_APPLICATION_CREDENTIALS: key.json`).
        for (const e of yamlEnv)
            this.envPointer(e, base, pointers);
        for (const step of steps) {
            const context = exported.size === 0 ? base : new Map([...base, ...exported]);
            const own = this.bindAll(step.env, context, outputs);
            const env = own.size === 0 ? context : new Map([...context, ...own]);
            for (const e of step.env)
                this.envPointer(e, env, pointers);
            for (const e of step.with)
                this.values.set(e, this.entryValue(e, env, outputs));
            if (step.uses) {
                const fx = this.actionEffects(step, env);
                exported = new Map([...exported, ...fx.exports]);
                if (step.id && fx.outputs)
                    outputs.set(step.id, fx.outputs);
                writes.push(...fx.writes);
            }
            if (step.run?.value) {
                const walker = new ScriptWalker(env, {
                    expr: (span) => this.spanValue(span, env, outputs),
                    fromCallers: this.fromCallers,
                    file: (path) => writes.filter((w) => samePath(w.path, path)).flatMap((w) => through(w.origins, w.site)),
                });
                const fx = walker.walk(this.src.sourceLines(step.run.value));
                exported = new Map([...exported, ...fx.exports]);
                if (step.id)
                    outputs.set(step.id, fx.outputs);
                writes.push(...fx.writes);
                pointers.push(...fx.pointers);
                this.uses.push(...fx.uses);
            }
        }
        this.resolvePointers(pointers, writes);
    }
    /** A pointer to a file that a step of the job filled from a stored key is a use of that key. */
    resolvePointers(pointers, writes) {
        for (const p of pointers) {
            const stored = writes
                .filter((w) => p.paths.some((path) => samePath(w.path, path)))
                .flatMap((w) => through(w.origins, w.site))
                .filter((o) => isStored(o, this.fromCallers));
            if (stored.length === 0)
                continue;
            this.uses.push({
                rule: p.rule,
                line: p.site.line,
                column: p.site.column,
                endLine: p.site.endLine,
                endColumn: p.site.endColumn,
                message: `${p.what} points at a key file written from a stored Google Cloud key.`,
                cloud: 'gcp',
                origins: stored,
            });
        }
    }
    envPointer(e, env, pointers) {
        if (!KEY_FILE_VARS.has(e.key.toUpperCase()))
            return;
        const text = (e.text ?? '').replace(/\$\{\{\s*env\.(\w+)\s*\}\}/g, (all, n) => env.get(n)?.text ?? all);
        pointers.push({
            paths: [pathKey(text, env), `$${e.key}`],
            site: this.site(e),
            what: `env ${e.key}`,
            rule: 'JIT103',
        });
    }
    bindAll(entries, context, outputs = new Map()) {
        const out = new Map();
        for (const e of entries) {
            const origins = this.entryValue(e, context, outputs);
            this.values.set(e, origins);
            out.set(e.key, { origins, site: this.site(e), text: e.text });
        }
        return out;
    }
    site(e) {
        const l = e.loc;
        return { kind: 'env', name: e.key, label: `env ${e.key}`, ...l };
    }
    entryValue(e, env, outputs) {
        const text = e.text;
        if (text === undefined)
            return [];
        if (e.spans.length === 0) {
            if (/^\s*op:\/\//.test(text))
                return [origin({ kind: 'stored', how: '1password', ref: text.trim() })];
            return [origin({ kind: 'literal', text })];
        }
        return e.spans.flatMap((s) => this.spanValue(s, env, outputs));
    }
    spanValue(span, env, outputs) {
        return span.flows.flatMap((r) => refValue(r, env, outputs));
    }
    /** What a `uses:` step puts in the job's environment and its outputs. */
    actionEffects(step, env) {
        const name = (0,workflow/* actionName */.aM)(step.uses);
        const cloud = (0,oidc_steps/* oidcCloud */.Z)(step);
        const input = (key) => step.with.find((e) => e.key === key);
        const exports = new Map();
        const writes = [];
        if (cloud) {
            const o = [origin({ kind: 'oidc', cloud, step: step.uses ?? '' })];
            for (const v of OIDC_EXPORTS[cloud] ?? [])
                exports.set(v, { origins: o });
            if (cloud === 'gcp')
                writes.push({ path: '$GOOGLE_APPLICATION_CREDENTIALS', origins: o });
            return { exports, outputs: 'oidc', writes };
        }
        const known = (0,known_actions/* knownAction */.iZ)(name);
        if (known?.label === 'configure-aws-credentials') {
            const id = input('aws-access-key-id');
            const secret = input('aws-secret-access-key');
            // With a role the keys only sign the AssumeRole call: the job gets session credentials.
            if (!input('role-to-assume') && id && secret) {
                exports.set('AWS_ACCESS_KEY_ID', { origins: this.origins(id) });
                exports.set('AWS_SECRET_ACCESS_KEY', { origins: this.origins(secret) });
            }
            return { exports, outputs: undefined, writes };
        }
        if (known?.label === 'google-github-actions/auth') {
            const key = input('credentials_json');
            if (key) {
                exports.set('GOOGLE_APPLICATION_CREDENTIALS', { origins: [] });
                writes.push({ path: '$GOOGLE_APPLICATION_CREDENTIALS', origins: this.origins(key) });
            }
            return { exports, outputs: undefined, writes };
        }
        if (/^1password\/load-secrets-action/.test(name)) {
            // The action resolves every `op://` reference in its env into a masked env var or output.
            const loaded = new Map();
            for (const e of step.env) {
                const b = env.get(e.key);
                if (b && b.origins.some((o) => o.source.kind === 'stored'))
                    loaded.set(e.key, b.origins);
            }
            for (const [k, b] of env) {
                if (b.origins.some((o) => o.source.kind === 'stored' && o.source.how === '1password'))
                    loaded.set(k, b.origins);
            }
            if (input('export-env')?.text !== 'false')
                for (const [k, o] of loaded)
                    exports.set(k, { origins: o, site: env.get(k)?.site });
            return { exports, outputs: loaded, writes };
        }
        return { exports, outputs: undefined, writes };
    }
}
const OIDC_EXPORTS = {
    aws: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'],
    gcp: [...KEY_FILE_VARS, 'CLOUDSDK_AUTH_ACCESS_TOKEN', 'GOOGLE_OAUTH_ACCESS_TOKEN'],
    azure: [],
    other: [],
};
function refValue(r, env, outputs) {
    const name = r.path[0] ?? '*';
    switch (r.context) {
        case 'secrets':
            return [origin({ kind: 'secret', name: r.whole ? '*' : name, fields: r.fields })];
        case 'vars':
            return [origin({ kind: 'var', name })];
        case 'inputs':
            return [origin({ kind: 'input', name, fields: r.fields })];
        case 'env': {
            const b = env.get(name);
            return b ? through(b.origins, b.site) : [origin({ kind: 'unset', name })];
        }
        case 'steps': {
            if (r.path[1] !== 'outputs')
                return [origin({ kind: 'context', name: 'steps' })];
            const out = outputs.get(name);
            const key = r.path[2] ?? '*';
            if (out === 'oidc')
                return [origin({ kind: 'oidc', cloud: 'other', step: name })];
            const hit = out?.get(key);
            return hit ?? [origin({ kind: 'output', step: name, output: key })];
        }
        case 'needs':
            return r.path[1] === 'outputs'
                ? [origin({ kind: 'output', step: name, output: r.path[2] ?? '*' })]
                : [origin({ kind: 'context', name: 'needs' })];
        default:
            return [origin({ kind: 'context', name: r.context })];
    }
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
                uncertain: local !== true,
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
        for (const span of (0,expressions/* expressionsIn */.l$)(text)) {
            // `toJSON(secrets) != '{}'` is a boolean: only a value that carries the secrets counts.
            if (!span.flows.some((r) => r.context === 'secrets' && r.whole))
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
        const step = job.steps.find((s) => (0,oidc_steps/* oidcCloud */.Z)(s) !== undefined);
        const envOidc = [...model.env, ...job.env].find((e) => e.key === 'ARM_USE_OIDC' && e.text === 'true');
        if (!step && !envOidc)
            continue;
        if ((0,workflow/* grantsIdToken */.Cu)(effective))
            continue;
        // A reusable workflow without any permissions block runs with the caller's.
        if (!effective && reusable)
            continue;
        const where = step ? step.loc : envOidc.loc;
        const cloud = step ? (0,oidc_steps/* oidcCloud */.Z)(step) : 'azure';
        const why = effective
            ? `its permissions (line ${effective.entry.loc.line}) do not include id-token: write`
            : 'the default token permissions never include id-token: write';
        ctx.report('JIT201', { ...where, endLine: where.line, endColumn: where.column + 1 }, `Job '${job.id}' logs in to ${cloudName(cloud)} with OIDC, but ${why}; the step will fail with "Unable to get ACTIONS_ID_TOKEN_REQUEST_URL".`, { cloud });
    }
    for (const job of model.jobs) {
        if (!job.permissions || !(0,workflow/* grantsIdToken */.Cu)(job.permissions) || needsToken(job))
            continue;
        ctx.report('JIT202', job.permissions.entry.loc, `Job '${job.id}' grants id-token: write, but none of its steps logs in with OIDC, signs or attests; any step of it can mint OIDC tokens.`, { severity: ctx.risky.length > 0 ? 'high' : undefined });
    }
    if (!(0,workflow/* grantsIdToken */.Cu)(model.permissions) || model.jobs.length < 2)
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
        if ((0,oidc_steps/* oidcCloud */.Z)(s))
            return true;
        if (s.uses) {
            const name = (0,workflow/* actionName */.aM)(s.uses);
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

/**
 * Keys typed into `run:` scripts (JIT104), found by following values through them (see
 * flow/script.ts): logins with a stored key (`aws configure set`, `az login -p`,
 * `gcloud auth activate-service-account`), shared-credentials files, key files pointed at by
 * `GOOGLE_APPLICATION_CREDENTIALS`, keys exported or written to GITHUB_ENV, and credential
 * secrets interpolated into a command. A value from an earlier OIDC login is not a key; a value
 * only compared (`[ -z "${{ secrets.X }}" ]`) is not a use.
 */
function checkScripts(ctx, flow) {
    for (const u of flow.uses) {
        ctx.report(u.rule, u, u.message, { cloud: u.cloud });
        reportVia(ctx, u.origins, u.line, u.cloud);
    }
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

// EXTERNAL MODULE: ./src/scan/types.ts
var types = __webpack_require__(1184);
// EXTERNAL MODULE: ./src/scan/yaml-source.ts
var yaml_source = __webpack_require__(58);
;// CONCATENATED MODULE: ./src/scan/engine.ts





















function scanTargets(targets, cwd, config = scan_config/* EMPTY_CONFIG */.$v) {
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
            const reason = `The file could not be read: ${err.message}`;
            findings.push(fileError(t.rel, reason));
            files.push({ file: t.rel, kind: t.kind, oidcSteps: 0, notChecked: reason });
            continue;
        }
        const root = (0,scan_files/* repoRoot */.j)(t.abs, cwd);
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
function scanText(text, file, kind, config = scan_config/* EMPTY_CONFIG */.$v, local, depth = 0) {
    const posture = { file, kind, oidcSteps: 0 };
    let src;
    try {
        src = new yaml_source/* YamlSource */.r(file, text);
    }
    catch (err) {
        posture.notChecked = `The YAML parser failed: ${err.message}`;
        return { findings: [fileError(file, posture.notChecked)], posture, suppressed: 0 };
    }
    const errors = src.errors;
    const root = src.contents;
    const ctx = new RuleContext(src, file, []);
    let model;
    try {
        if (errors.length > 0) {
            const e = errors[0];
            const at = src.pos(e.pos[0]);
            posture.notChecked = `The file is not valid YAML (${e.code}): ${e.message.split('\n')[0]}`;
            ctx.report('JIT001', { ...at, endLine: at.line, endColumn: at.column + 1 }, posture.notChecked);
        }
        else if (root !== null && !(0,dist/* isMap */.jh)(root)) {
            posture.notChecked = `The file is not ${kind === 'action' ? 'an action' : 'a workflow'}: its top level is not a mapping.`;
            ctx.report('JIT001', src.nodeLoc(root), posture.notChecked);
        }
        model = (0,workflow/* buildModel */.yK)(src, kind === 'action' || src.get(root, 'runs') !== undefined ? 'action' : 'workflow');
        const rules = new RuleContext(src, file, model.kind === 'workflow' ? model.triggers : []);
        const flow = new FileFlow(src, model, model.kind === 'action' || model.triggers.includes('workflow_call'));
        checkCredentials(rules, model, flow, {
            localKeyInputs: (uses) => (local && depth < 3 ? localKeyInputs(local, uses) : undefined),
        });
        checkScripts(rules, flow);
        checkLiterals(rules);
        checkHandoff(rules, model, {
            localWorkflowUsesKeys: (uses) => {
                const callee = local && depth < 3 ? local.read(uses.split('@')[0]) : undefined;
                if (callee === undefined)
                    return undefined;
                const keys = scanText(callee, uses, 'workflow', scan_config/* EMPTY_CONFIG */.$v, local, depth + 1).findings.filter((f) => (0,catalog/* rule */.Hu)(f.rule).credential);
                // Unknown stays unknown: a callee that only hands secrets on proves nothing.
                if (keys.some((f) => !f.uncertain))
                    return true;
                return keys.length > 0 ? undefined : false;
            },
        });
        if (model.kind === 'workflow')
            checkOidc(rules, model);
        ctx.findings.push(...rules.findings);
        fillPosture(posture, src, model);
    }
    catch (err) {
        // A rule bug must not hide the rest of the scan: report it on the file and carry on.
        posture.notChecked = `The scanner failed on this file (please report it): ${err.message}`;
        ctx.findings.push(fileError(file, posture.notChecked));
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
    const src = new yaml_source/* YamlSource */.r(uses, text);
    const model = (0,workflow/* buildModel */.yK)(src, 'action');
    if (model.kind !== 'action')
        return undefined;
    const out = new Set();
    for (const input of model.inputs) {
        if (known_actions/* KEY_INPUT_NAMES */.Om[input.key.toLowerCase()] || isCloudCredentialName(input.key))
            out.add(input.key);
    }
    for (const step of model.steps) {
        const known = (0,known_actions/* knownAction */.iZ)((0,workflow/* actionName */.aM)(step.uses));
        for (const e of step.with) {
            if (!known?.keyInputs.includes(e.key) && !known_actions/* KEY_INPUT_NAMES */.Om[e.key.toLowerCase()])
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
    const { findings } = scanText(text, path, 'workflow', scan_config/* EMPTY_CONFIG */.$v, local, 3);
    for (const f of findings) {
        if (!(0,catalog/* rule */.Hu)(f.rule).credential)
            continue;
        for (const span of (0,expressions/* expressionsIn */.l$)(lines[f.line - 1] ?? '')) {
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
        if (!(0,oidc_steps/* oidcCloud */.Z)(step))
            continue;
        posture.oidcSteps++;
        const known = (0,known_actions/* knownAction */.iZ)((0,workflow/* actionName */.aM)(step.uses));
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


/***/ }),

/***/ 7637:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l$: () => (/* binding */ expressionsIn)
/* harmony export */ });
/* unused harmony exports secretNames, readsWholeSecrets */
/* harmony import */ var _actions_expressions__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9909);

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
const spanCache = new Map();
/**
 * Every `${{ ... }}` in `text`, with the contexts each one reads. Never throws. The same line is
 * read by several rules, so results are cached (bounded); callers must not change them.
 */
function expressionsIn(text) {
    if (!text.includes('${{'))
        return [];
    const hit = spanCache.get(text);
    if (hit)
        return hit;
    if (spanCache.size > 5000)
        spanCache.clear();
    const spans = parseSpans(text);
    if (text.length < 4096)
        spanCache.set(text, spans);
    return spans;
}
function parseSpans(text) {
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
        return { refs, flows: refs, functions };
    }
    try {
        const lexed = new _actions_expressions__WEBPACK_IMPORTED_MODULE_0__/* .Lexer */ .JG(source).lex();
        const tree = new _actions_expressions__WEBPACK_IMPORTED_MODULE_0__/* .Parser */ .iX(lexed.tokens, CONTEXTS, []).parse();
        walk(tree, refs, functions);
        return { refs, flows: flowsOf(tree, 0), functions };
    }
    catch {
        // GitHub rejects an expression that does not parse; still see which secrets it names.
        for (const m of source.matchAll(/\b(secrets|inputs|env|steps|vars)\s*(?:\.\s*([\w-]+)|\[\s*'([^']*)'\s*\])/gi)) {
            refs.push({ context: m[1].toLowerCase(), path: [m[2] ?? m[3] ?? ''], whole: false });
        }
        return { refs, flows: refs, functions };
    }
}
/** Functions whose result is a boolean whatever their arguments: nothing of a secret passes. */
const BOOLEAN_FUNCTIONS = new Set([
    'contains',
    'startswith',
    'endswith',
    'success',
    'failure',
    'always',
    'cancelled',
    'hashfiles',
]);
/**
 * The references whose value can reach the result. GitHub's `a && b` yields `b` or a falsy `a`
 * (an empty string, `false`, `0`, `null`: nothing of a secret), `a || b` yields either; a
 * comparison or `!` yields a boolean.
 */
function flowsOf(node, depth) {
    if (!node || typeof node !== 'object' || depth > 50)
        return [];
    const chain = accessChain(node);
    if (chain)
        return [chain];
    if ('index' in node && 'expr' in node) {
        // `fromJSON(x).clientSecret`: the value of x, narrowed to a field.
        const field = indexName(node['index']);
        return flowsOf(node['expr'], depth + 1).map((r) => ({
            ...r,
            fields: [...(r.fields ?? []), field],
        }));
    }
    if ('functionName' in node) {
        const name = String(node['functionName'].lexeme ?? '').toLowerCase();
        const args = node['args'] ?? [];
        if (BOOLEAN_FUNCTIONS.has(name))
            return [];
        // case(pred1, value1, pred2, value2, ..., default): only the values reach the result.
        const carried = name === 'case' ? args.filter((_a, i) => i % 2 === 1 || i === args.length - 1) : args;
        return carried.flatMap((a) => flowsOf(a, depth + 1));
    }
    if ('group' in node)
        return flowsOf(node['group'], depth + 1);
    if ('args' in node && 'operator' in node) {
        const args = node['args'];
        const op = node['operator'].lexeme;
        return (op === '&&' ? args.slice(-1) : args).flatMap((a) => flowsOf(a, depth + 1));
    }
    // Literals, comparisons (`left`/`right`) and `!` carry no value of a context.
    return [];
}
function walk(node, refs, functions) {
    if (!node || typeof node !== 'object')
        return;
    const chain = accessChain(node);
    if (chain) {
        refs.push(chain);
        // Dynamic indexes (`secrets[format(...)]`) can read contexts of their own.
        for (const idx of indexExprs(node))
            walk(idx, refs, functions);
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
                walk(c, refs, functions);
        else if (child && typeof child === 'object')
            walk(child, refs, functions);
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


/***/ }),

/***/ 5438:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ repoRoot),
/* harmony export */   q: () => (/* binding */ findTargets)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);



const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'vendor']);
const YAML = /\.ya?ml$/;
/**
 * Workflows are `*.yml|yaml` in a `workflows` directory, actions are `action.yml|yaml` anywhere
 * (composite actions live under `.github/actions/` or the repository root). Any other YAML file
 * whose top level has both `on:` and `jobs:` is a workflow too (a folder of workflows copied out
 * of a repository). A file named on the command line is scanned whatever its name. A directory
 * that holds none of these is a mistake, not a clean result.
 */
function findTargets(paths, cwd) {
    const out = new Map();
    for (const p of paths) {
        const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(p) ? p : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(cwd, p);
        let st;
        try {
            st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(abs);
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Path '${p}' does not exist. Give workflow files or directories to scan (default .github/).`);
        }
        if (st.isFile()) {
            out.set(abs, target(abs, cwd));
            continue;
        }
        const before = out.size;
        walk(abs, cwd, out, 0);
        if (out.size === before) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`No workflow or action files in '${p}': nothing was checked. Give a repository, its .github directory, or workflow files (YAML files with 'on:' and 'jobs:', or action.yml).`);
        }
    }
    return [...out.values()].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}
function walk(dir, cwd, out, depth) {
    if (depth > 30)
        return;
    let dirents;
    try {
        dirents = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir, { withFileTypes: true });
    }
    catch {
        return;
    }
    for (const d of dirents) {
        const name = d.name;
        const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name);
        let isDir = d.isDirectory();
        if (d.isSymbolicLink()) {
            try {
                isDir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(abs).isDirectory();
            }
            catch {
                continue;
            }
        }
        if (isDir) {
            if (!SKIP_DIRS.has(name))
                walk(abs, cwd, out, depth + 1);
        }
        else if (YAML.test(name) &&
            ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(dir) === 'workflows' || /^action\.ya?ml$/.test(name) || looksLikeWorkflow(abs))) {
            out.set(abs, target(abs, cwd));
        }
    }
}
const SNIFF_BYTES = 64 * 1024;
/** Top-level `on:` and `jobs:` keys in the file's first 64 KiB. */
function looksLikeWorkflow(abs) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(abs, 'r');
        const buf = Buffer.alloc(SNIFF_BYTES);
        const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buf, 0, SNIFF_BYTES, 0);
        const head = buf.subarray(0, n).toString('utf8');
        return /^jobs\s*:/m.test(head) && /^(?:on|"on"|'on'|true)\s*:/m.test(head);
    }
    catch {
        return false;
    }
    finally {
        if (fd !== undefined)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
function target(abs, cwd) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(cwd, abs).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/') || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(abs);
    const kind = /^action\.ya?ml$/.test((0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(abs)) ? 'action' : 'workflow';
    return { abs, rel: rel.startsWith('../') ? abs.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/') : rel, kind };
}
/** The repository root a file belongs to: the directory holding its `.github`, else `fallback`. */
function repoRoot(abs, fallback) {
    const i = abs.lastIndexOf(`${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}.github${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`);
    return i >= 0 ? abs.slice(0, i) : fallback;
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
        severity: 'high',
        credential: false,
        short: 'The file could not be checked',
        full: 'The file could not be parsed as YAML (or read, or is not a workflow or action), so GitHub will reject it and the scanner did not check it. The scan fails (exit 2) until it is fixed, unless --fail-on none.',
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
        help: "Add `id-token: write` to this job's `permissions:` (with `contents: read` and every other permission the job needs, since listing one resets the others to none).",
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

/***/ 4172:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Om: () => (/* binding */ KEY_INPUT_NAMES),
/* harmony export */   iZ: () => (/* binding */ knownAction),
/* harmony export */   p$: () => (/* binding */ DOCKER_LOGIN)
/* harmony export */ });
/* unused harmony export KNOWN_ACTIONS */
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


/***/ }),

/***/ 7254:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ oidcCloud),
/* harmony export */   b: () => (/* binding */ oidcCloudsOf)
/* harmony export */ });
/* harmony import */ var _workflow_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1948);
/* harmony import */ var _known_actions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4172);


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
    const known = (0,_known_actions_js__WEBPACK_IMPORTED_MODULE_0__/* .knownAction */ .iZ)((0,_workflow_js__WEBPACK_IMPORTED_MODULE_1__/* .actionName */ .aM)(step.uses));
    if (known?.label === 'jit-credentials') {
        // The root action names its cloud in `provider`; the fronts in their path (`.../actions/aws@v1`).
        // `actions/scan` and `actions/revoke` log in nowhere.
        const front = /\/actions\/([\w-]+)$/.exec((0,_workflow_js__WEBPACK_IMPORTED_MODULE_1__/* .actionName */ .aM)(step.uses))?.[1];
        if (front && !['aws', 'azure', 'gcp'].includes(front))
            return undefined;
        const provider = front ?? step.with.find((e) => e.key === 'provider')?.text?.toLowerCase();
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


/***/ }),

/***/ 1948:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cu: () => (/* binding */ grantsIdToken),
/* harmony export */   aM: () => (/* binding */ actionName),
/* harmony export */   yK: () => (/* binding */ buildModel)
/* harmony export */ });
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
        id: src.scalar(src.get(node, 'id')),
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


/***/ }),

/***/ 58:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ YamlSource)
/* harmony export */ });
/* unused harmony export Entry */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _expressions_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7637);


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
        this.counter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
        this.doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, {
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
        for (let i = 0; i < 20 && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(cur) && this.doc; i++)
            cur = cur.resolve(this.doc);
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(cur))
            return undefined;
        return (cur ?? undefined);
    }
    entryCache = new WeakMap();
    /** Key/value pairs of a mapping, with merge keys (`<<: *x`) expanded and aliases resolved. */
    entries(node, depth = 0) {
        const map = this.resolve(node);
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(map) || depth > 10)
            return [];
        // Rules ask for the same mapping many times (a step's `uses`, `with`, `env`, `run`).
        const cached = depth === 0 ? this.entryCache.get(map) : undefined;
        if (cached)
            return cached;
        const out = [];
        for (const pair of map.items) {
            const keyNode = this.resolve(pair.key);
            // With `merge: true` the parser marks `<<` with a symbol; its source is still `<<`.
            const key = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(keyNode)
                ? typeof keyNode.value === 'symbol'
                    ? (keyNode.source ?? '<<')
                    : String(keyNode.value)
                : '';
            const value = this.resolve(pair.value);
            if (key === '<<') {
                const sources = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(value) ? value.items : [value];
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
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(seq))
            return [];
        return seq.items.map((i) => this.resolve(i)).filter((i) => i !== undefined);
    }
    scalar(node) {
        const n = this.resolve(node);
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(n) || n.value === null || n.value === undefined)
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
        this.spansCache ??= (0,_expressions_js__WEBPACK_IMPORTED_MODULE_1__/* .expressionsIn */ .l$)(this.text ?? '');
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


/***/ })

};
