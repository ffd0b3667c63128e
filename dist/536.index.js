export const id = 536;
export const ids = [536];
export const modules = {

/***/ 9745:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HC: () => (/* binding */ REPOSITORY_CLAIMS),
/* harmony export */   Q1: () => (/* binding */ claimText),
/* harmony export */   WB: () => (/* binding */ MATCHABLE_CLAIMS),
/* harmony export */   kp: () => (/* binding */ closest),
/* harmony export */   qN: () => (/* binding */ REF_CLAIMS),
/* harmony export */   t3: () => (/* binding */ suggestClaim),
/* harmony export */   xN: () => (/* reexport safe */ _grant_token_record_js__WEBPACK_IMPORTED_MODULE_0__.x)
/* harmony export */ });
/* harmony import */ var _grant_token_record_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4493);
/**
 * Claims of a GitHub Actions OIDC token that a rule may test. Time claims and `jti`
 * are left out on purpose: they change on every token and are checked by verification.
 */
const MATCHABLE_CLAIMS = [
    'sub',
    'aud',
    'iss',
    'actor',
    'actor_id',
    'base_ref',
    'head_ref',
    'ref',
    'ref_type',
    'ref_protected',
    'sha',
    'environment',
    'event_name',
    'job_workflow_ref',
    'job_workflow_sha',
    'repository',
    'repository_id',
    'repository_owner',
    'repository_owner_id',
    'repository_visibility',
    'run_id',
    'run_number',
    'run_attempt',
    'runner_environment',
    'workflow',
    'workflow_ref',
    'workflow_sha',
    'check_run_id',
    'enterprise',
    'enterprise_id',
];
/** What the ledger keeps of a token's claims: one list for grants and policy decisions. */

/** Claims that pin the repository; a rule with none of them matches every repository. */
const REPOSITORY_CLAIMS = [
    'repository',
    'repository_id',
    'sub',
    'job_workflow_ref',
    'workflow_ref',
];
/** Claims that pin the ref (or a protected environment standing for it). */
const REF_CLAIMS = [
    'ref',
    'sub',
    'environment',
    'job_workflow_ref',
    'workflow_ref',
    'base_ref',
    'head_ref',
];
/** GitHub puts strings in every claim a rule can test; numbers and booleans are compared as text. */
function claimText(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return undefined;
}
/** Closest known claim name, for "did you mean" in errors. */
function suggestClaim(name) {
    return closest(name, MATCHABLE_CLAIMS);
}
/** The known name a typo most likely meant: a prefix of it (repo → repository), else within two edits. */
function closest(name, known) {
    const norm = (s) => s.toLowerCase().replace(/[-_]/g, '');
    const n = norm(name);
    if (n.length >= 3) {
        const prefixed = known.find((k) => norm(k).startsWith(n));
        if (prefixed)
            return prefixed;
    }
    let best;
    let bestDistance = 3;
    for (const k of known) {
        const d = editDistance(n, norm(k));
        if (d < bestDistance) {
            best = k;
            bestDistance = d;
        }
    }
    return best;
}
function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let prev = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const tmp = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = tmp;
        }
    }
    return row[b.length];
}


/***/ }),

/***/ 4708:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cv: () => (/* binding */ decidePartial),
/* harmony export */   LD: () => (/* binding */ decide),
/* harmony export */   vB: () => (/* binding */ matchingRules)
/* harmony export */ });
/* unused harmony export claimFailures */
/* harmony import */ var _claims_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9745);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5432);
/* harmony import */ var _matcher_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9012);



/** Claim conditions of one rule that do not hold; empty when all do. */
function claimFailures(rule, claims) {
    const failures = [];
    for (const c of rule.when) {
        const value = (0,_claims_js__WEBPACK_IMPORTED_MODULE_0__/* .claimText */ .Q1)(claims[c.claim]);
        const wanted = c.anyOf.map(_matcher_js__WEBPACK_IMPORTED_MODULE_2__/* .describeMatcher */ .OT).join(' or ');
        if (value === undefined)
            failures.push(`${c.claim} is absent from the token, wants ${wanted}`);
        else if (!c.anyOf.some((m) => m.test(value)))
            failures.push(`${c.claim} is '${value}', wants ${wanted}`);
    }
    return failures;
}
/**
 * Default deny: the first rule whose claims, provider, principal, duration and delivery
 * all hold allows the request; otherwise every rule's mismatches are the reasons.
 * Pure and synchronous so it costs microseconds and can be table-tested.
 */
function decide(policy, claims, request) {
    return evaluate(policy, claims, request);
}
/** Like decide, but request fields left out are not checked (the CLI's `policy test`). */
function decidePartial(policy, claims, request) {
    return evaluate(policy, claims, request);
}
function evaluate(policy, claims, request) {
    const mismatches = [];
    for (const rule of policy.rules) {
        const failures = requestFailures(rule, request);
        failures.push(...claimFailures(rule, claims));
        if (failures.length === 0) {
            return {
                allowed: true,
                rule: rule.name,
                maxDuration: rule.allow.maxDuration,
                delivery: rule.allow.delivery,
                reasons: allowReasons(rule, claims, request),
                record: record(policy, claims, request, {
                    decision: 'allowed',
                    rule: rule.name,
                    ruleClaims: rule.when.map((c) => c.claim),
                }),
            };
        }
        mismatches.push({ rule: rule.name, failures });
    }
    const reasons = policy.rules.length === 0
        ? ['the policy has no rules, so nothing is allowed']
        : mismatches.map((m) => `rule ${m.rule}: ${m.failures.join('; ')}`);
    return {
        allowed: false,
        reasons,
        record: record(policy, claims, request, { decision: 'denied', mismatches }),
    };
}
function requestFailures(rule, request) {
    const a = rule.allow;
    const failures = [];
    if (request.provider !== undefined && request.provider !== a.provider) {
        failures.push(`provider is ${request.provider}, rule is for ${a.provider}`);
        return failures; // the other fields mean nothing for another cloud
    }
    if (request.principal !== undefined && !a.principal.test(request.principal)) {
        failures.push(`${a.principalKey} is '${request.principal}', wants ${(0,_matcher_js__WEBPACK_IMPORTED_MODULE_2__/* .describeMatcher */ .OT)(a.principal)}`);
    }
    if (request.duration !== undefined && request.duration > a.maxDuration) {
        failures.push(`duration ${request.duration} s (${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(request.duration)}) is above max-duration ${a.maxDuration} s (${a.maxDurationText})`);
    }
    if (request.delivery !== undefined && !a.delivery.includes(request.delivery)) {
        failures.push(`delivery is ${request.delivery}, rule requires ${a.delivery.join(' or ')}`);
    }
    return failures;
}
function allowReasons(rule, claims, request) {
    const a = rule.allow;
    const reasons = rule.when.map((c) => `${c.claim} '${(0,_claims_js__WEBPACK_IMPORTED_MODULE_0__/* .claimText */ .Q1)(claims[c.claim])}' matches ${c.anyOf.map(_matcher_js__WEBPACK_IMPORTED_MODULE_2__/* .describeMatcher */ .OT).join(' or ')}`);
    if (request.principal !== undefined)
        reasons.push(`${a.principalKey} '${request.principal}' matches ${(0,_matcher_js__WEBPACK_IMPORTED_MODULE_2__/* .describeMatcher */ .OT)(a.principal)}`);
    if (request.duration !== undefined) {
        reasons.push(`duration ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(request.duration)} is within max-duration ${a.maxDurationText}`);
    }
    if (request.delivery !== undefined && a.delivery.length < 3) {
        reasons.push(`delivery ${request.delivery} is one of ${a.delivery.join(', ')}`);
    }
    return reasons;
}
function record(policy, claims, request, extra) {
    const keep = new Set([..._claims_js__WEBPACK_IMPORTED_MODULE_0__/* .RECORDED_CLAIMS */ .xN, ...(extra.ruleClaims ?? [])]);
    const deciding = {};
    for (const name of keep) {
        const v = (0,_claims_js__WEBPACK_IMPORTED_MODULE_0__/* .claimText */ .Q1)(claims[name]);
        if (v !== undefined)
            deciding[name] = v;
    }
    return {
        decision: extra.decision,
        ...(extra.rule ? { rule: extra.rule } : {}),
        policyPath: policy.path,
        policyDigest: `sha256:${policy.digest}`,
        request: {
            provider: request.provider,
            principal: request.principal,
            duration: request.duration,
            delivery: request.delivery,
        },
        claims: deciding,
        ...(extra.mismatches ? { mismatches: extra.mismatches } : {}),
    };
}
/** Rules whose claim conditions hold, whatever the request: for `policy test` without a request. */
function matchingRules(policy, claims) {
    const matched = [];
    const mismatches = [];
    for (const rule of policy.rules) {
        const failures = claimFailures(rule, claims);
        if (failures.length === 0)
            matched.push(rule);
        else
            mismatches.push({ rule: rule.name, failures });
    }
    return { matched, mismatches };
}


/***/ }),

/***/ 5432:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B8: () => (/* binding */ MAX_POLICY_DURATION),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
/* unused harmony export requireDuration */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/** The longest any of the three clouds will issue (AWS role sessions, 12 h). */
const MAX_POLICY_DURATION = 43_200;
const UNIT_SECONDS = { h: 3600, m: 60, s: 1 };
/**
 * `900`, `90s`, `15m`, `1h`, `1h30m`. Returns seconds, or undefined when the text is
 * not a duration at all, so that the caller can say where the bad value is.
 */
function parseDuration(value) {
    if (typeof value === 'number')
        return Number.isInteger(value) && value > 0 ? value : undefined;
    const text = value.trim();
    if (/^[0-9]+$/.test(text))
        return Number(text) > 0 ? Number(text) : undefined;
    const m = /^(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?$/.exec(text);
    if (!m || text === '')
        return undefined;
    let total = 0;
    for (const [i, unit] of ['h', 'm', 's'].entries()) {
        const part = m[i + 1];
        if (part !== undefined)
            total += Number(part) * UNIT_SECONDS[unit];
    }
    return total > 0 ? total : undefined;
}
function formatDuration(seconds) {
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    const parts = [h ? `${h}h` : '', m ? `${m}m` : '', s ? `${s}s` : ''].filter(Boolean);
    return parts.length ? parts.join('') : '0s';
}
function requireDuration(value, where) {
    const seconds = parseDuration(value);
    if (seconds === undefined) {
        throw new ConfigurationError(`${where}: invalid duration '${value}'. Write seconds (900) or a duration such as 90s, 15m, 1h or 1h30m.`);
    }
    return seconds;
}


/***/ }),

/***/ 536:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_POLICY_PATH: () => (/* reexport */ DEFAULT_POLICY_PATH),
  GITHUB_ISSUER: () => (/* reexport */ policy_issuer/* GITHUB_ISSUER */.oX),
  TokenRejectedError: () => (/* reexport */ TokenRejectedError),
  checkIssuer: () => (/* reexport */ policy_issuer/* checkIssuer */.oP),
  decide: () => (/* reexport */ decide/* decide */.LD),
  decidePartial: () => (/* reexport */ decide/* decidePartial */.Cv),
  loadPolicy: () => (/* reexport */ loadPolicy),
  parsePolicy: () => (/* reexport */ parsePolicy),
  renderDecision: () => (/* reexport */ renderDecision),
  verifyGitHubToken: () => (/* reexport */ verifyGitHubToken)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/providers/provider.ts
var providers_provider = __webpack_require__(9545);
// EXTERNAL MODULE: ./src/policy/claims.ts
var claims = __webpack_require__(9745);
// EXTERNAL MODULE: ./src/policy/duration.ts
var duration = __webpack_require__(5432);
// EXTERNAL MODULE: ./src/policy/matcher.ts
var matcher = __webpack_require__(9012);
;// CONCATENATED MODULE: ./src/policy/load.ts








const DEFAULT_POLICY_PATH = '.github/jit-policy.yml';
const DELIVERY_MODES = ['run', 'env', 'outputs'];
const RULE_KEYS = ['name', 'description', 'when', 'allow'];
const RULE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Which allow key names the principal, per provider; the first listed is the usual one. */
const PRINCIPAL_KEYS = {
    aws: ['role'],
    azure: ['client-id'],
    gcp: ['service-account', 'workload-identity-provider'],
};
const ALL_PRINCIPAL_KEYS = Object.values(PRINCIPAL_KEYS).flat();
const ALLOW_KEYS = ['provider', ...ALL_PRINCIPAL_KEYS, 'max-duration', 'delivery'];
/** Shapes an exact principal must have, so that a typo is caught here rather than as a silent deny. */
const PRINCIPAL_SHAPES = {
    role: {
        re: /^arn:aws[a-z-]*:iam::[0-9]{12}:role\/[\w+=,.@/-]+$/,
        example: 'arn:aws:iam::123456789012:role/deploy',
    },
    'service-account': {
        re: /^[^@\s]+@[^@\s]+$/,
        example: 'deploy@my-project.iam.gserviceaccount.com',
    },
    'workload-identity-provider': {
        re: /^projects\/[0-9]+\/locations\/global\/workloadIdentityPools\/[a-z0-9-]+\/providers\/[a-z0-9-]+$/,
        example: 'projects/123456789/locations/global/workloadIdentityPools/github/providers/actions',
    },
    'client-id': {
        re: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
        example: '00000000-0000-0000-0000-000000000000',
    },
};
/**
 * Reads a policy file. Without `explicit` (the default path, no `policy:` input) a missing
 * file means "no policy" and returns undefined; every other problem is a ConfigurationError
 * listing each mistake as file:line:col.
 */
async function loadPolicy(path, opts) {
    let bytes;
    try {
        bytes = await (0,promises_.readFile)(path);
    }
    catch (err) {
        const code = err.code;
        if ((code === 'ENOENT' || code === 'ENOTDIR') && !opts.explicit)
            return undefined;
        if (code === 'ENOENT' || code === 'ENOTDIR') {
            throw new errors/* ConfigurationError */.j1(`Policy file '${path}' does not exist. Create it, or fix the 'policy' input (paths are relative to the workspace; the default is ${DEFAULT_POLICY_PATH}).`);
        }
        throw new errors/* ConfigurationError */.j1(`Cannot read policy file '${path}': ${err.message}`);
    }
    return parsePolicy(bytes, path);
}
function parsePolicy(bytes, path) {
    const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    const digest = (0,external_node_crypto_.createHash)('sha256').update(buf).digest('hex');
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(buf.toString('utf8'), {
        lineCounter,
        prettyErrors: false,
        uniqueKeys: true,
    });
    const checker = new Checker(path, lineCounter, doc);
    for (const e of doc.errors)
        checker.error(e.pos[0], e.message.split('\n')[0]);
    if (doc.errors.length === 0)
        checker.root();
    checker.throwIfAny();
    return { path, digest, version: 1, rules: checker.rules, warnings: checker.warnings };
}
class Checker {
    path;
    lines;
    doc;
    rules = [];
    warnings = [];
    errors = [];
    constructor(path, lines, doc) {
        this.path = path;
        this.lines = lines;
        this.doc = doc;
    }
    pos(node, fallback = 0) {
        const offset = node?.range?.[0] ?? fallback;
        return this.lines.linePos(offset);
    }
    error(at, message) {
        const { line, col } = typeof at === 'number' ? this.lines.linePos(at) : this.pos(at);
        this.errors.push(`${this.path}:${line}:${col}: ${message}`);
    }
    throwIfAny() {
        if (this.errors.length === 0)
            return;
        const shown = this.errors.slice(0, 20);
        const more = this.errors.length > shown.length
            ? `\n  ... and ${this.errors.length - shown.length} more`
            : '';
        throw new errors/* ConfigurationError */.j1(`Policy file '${this.path}' is not valid (${this.errors.length} problem${this.errors.length === 1 ? '' : 's'}):\n  ${shown.join('\n  ')}${more}`);
    }
    resolve(node) {
        if ((0,dist/* isAlias */.Vj)(node))
            return node.resolve(this.doc) ?? null;
        return node ?? null;
    }
    /** Pairs of a mapping, with string keys; errors for anything else. */
    entries(node, what) {
        if (!(0,dist/* isMap */.jh)(node)) {
            this.error(node, `${what} must be a mapping (key: value lines)`);
            return [];
        }
        const out = [];
        for (const pair of node.items) {
            const keyNode = pair.key;
            if (!(0,dist/* isScalar */.jn)(keyNode) || typeof keyNode.value !== 'string') {
                this.error(keyNode, `${what}: keys must be plain names`);
                continue;
            }
            out.push({ key: keyNode.value, keyNode, value: this.resolve(pair.value) });
        }
        return out;
    }
    unknownKey(keyNode, key, where, known) {
        const hint = (0,claims/* closest */.kp)(key, known);
        this.error(keyNode, `unknown key '${key}' in ${where}${hint ? ` (did you mean '${hint}'?)` : ''}; allowed: ${known.join(', ')}`);
    }
    string(node, what) {
        if ((0,dist/* isScalar */.jn)(node) && typeof node.value === 'string' && node.value !== '')
            return node.value;
        this.error(node, `${what} must be a non-empty string`);
        return undefined;
    }
    root() {
        const root = this.resolve(this.doc.contents);
        if (root === null) {
            this.error(0, "the file is empty: write 'version: 1' and a 'rules:' list");
            return;
        }
        let version;
        let rules;
        for (const { key, keyNode, value } of this.entries(root, 'the policy file')) {
            if (key === 'version')
                version = value;
            else if (key === 'rules')
                rules = value;
            else
                this.unknownKey(keyNode, key, 'the policy file', ['version', 'rules']);
        }
        if (version === undefined)
            this.error(root, "missing 'version: 1'");
        else if (!((0,dist/* isScalar */.jn)(version) && (version.value === 1 || version.value === '1'))) {
            this.error(version, `unsupported version '${(0,dist/* isScalar */.jn)(version) ? String(version.value) : '?'}': this action reads version 1`);
        }
        if (rules === undefined) {
            this.error(root, "missing 'rules:' (a list of rules; with a policy file, whatever no rule allows is denied)");
            return;
        }
        if (!(0,dist/* isSeq */.oP)(rules)) {
            this.error(rules, "'rules' must be a list (each rule starts with '- name: ...')");
            return;
        }
        if (rules.items.length === 0) {
            this.warnings.push({
                rule: '',
                message: 'the policy has no rules: every request is denied',
                pos: this.pos(rules),
            });
        }
        const seen = new Map();
        for (const item of rules.items) {
            const rule = this.rule(this.resolve(item));
            if (!rule)
                continue;
            const prev = seen.get(rule.name);
            if (prev) {
                this.error(item, `rule name '${rule.name}' is used twice (first at line ${prev.line}); names must be unique, they are what the ledger records`);
                continue;
            }
            seen.set(rule.name, rule.pos);
            this.rules.push(rule);
            this.warnBroad(rule);
        }
    }
    rule(node) {
        const before = this.errors.length;
        let name;
        let description;
        let when;
        let allow;
        let whenSeen = false;
        let allowSeen = false;
        const entries = this.entries(node, 'a rule');
        if (!(0,dist/* isMap */.jh)(node))
            return undefined;
        for (const { key, keyNode, value } of entries) {
            switch (key) {
                case 'name':
                    name = this.string(value, 'rule name');
                    if (name !== undefined && !RULE_NAME.test(name)) {
                        this.error(value, `rule name '${name}' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit`);
                    }
                    break;
                case 'description':
                    description = this.string(value, 'description');
                    break;
                case 'when':
                    whenSeen = true;
                    when = this.when(value);
                    break;
                case 'allow':
                    allowSeen = true;
                    allow = this.allow(value);
                    break;
                default:
                    this.unknownKey(keyNode, key, 'a rule', RULE_KEYS);
            }
        }
        if (name === undefined && !entries.some((e) => e.key === 'name'))
            this.error(node, "a rule needs a 'name'");
        if (!whenSeen)
            this.error(node, `rule '${name ?? '?'}' needs 'when:' (the claims it requires; write 'when: {}' only if it really is for every workflow)`);
        if (!allowSeen)
            this.error(node, `rule '${name ?? '?'}' needs 'allow:' (provider, principal, max-duration)`);
        if (this.errors.length > before || !name || !when || !allow)
            return undefined;
        return { name, ...(description ? { description } : {}), when, allow, pos: this.pos(node) };
    }
    when(node) {
        const out = [];
        for (const { key, keyNode, value } of this.entries(node, "'when'")) {
            if (!claims/* MATCHABLE_CLAIMS */.WB.includes(key)) {
                const hint = (0,claims/* suggestClaim */.t3)(key);
                this.error(keyNode, `unknown claim '${key}' in 'when'${hint ? ` (did you mean '${hint}'?)` : ''}; see the claims of a GitHub OIDC token: ${claims/* MATCHABLE_CLAIMS */.WB.join(', ')}`);
                continue;
            }
            const anyOf = [];
            const items = (0,dist/* isSeq */.oP)(value)
                ? value.items.map((i) => this.resolve(i))
                : [value];
            if ((0,dist/* isSeq */.oP)(value) && items.length === 0)
                this.error(value, `'${key}': an empty list matches nothing; remove the condition or list values`);
            for (const item of items) {
                if (!(0,dist/* isScalar */.jn)(item) ||
                    (typeof item.value !== 'string' && typeof item.value !== 'number') ||
                    item.value === '') {
                    this.error(item ?? value, `'${key}' must be a string or a list of strings (exact value, glob with * or ?, or a ^...$ pattern)`);
                    continue;
                }
                const m = (0,matcher/* compileMatcher */.qM)(String(item.value));
                if (typeof m === 'string')
                    this.error(item, `'${key}': ${m}`);
                else
                    anyOf.push(m);
            }
            out.push({ claim: key, anyOf, pos: this.pos(keyNode) });
        }
        return (0,dist/* isMap */.jh)(node) ? out : undefined;
    }
    allow(node) {
        const before = this.errors.length;
        const fields = new Map();
        for (const { key, keyNode, value } of this.entries(node, "'allow'")) {
            if (!ALLOW_KEYS.includes(key))
                this.unknownKey(keyNode, key, "'allow'", ALLOW_KEYS);
            else
                fields.set(key, { keyNode, value });
        }
        if (!(0,dist/* isMap */.jh)(node))
            return undefined;
        const providerField = fields.get('provider');
        let provider;
        if (!providerField)
            this.error(node, `'allow' needs 'provider' (${providers_provider/* PROVIDER_IDS */.NO.join(', ')})`);
        else {
            const p = (0,dist/* isScalar */.jn)(providerField.value) ? providerField.value.value : undefined;
            if (typeof p === 'string' && providers_provider/* PROVIDER_IDS */.NO.includes(p))
                provider = p;
            else
                this.error(providerField.value, `provider must be one of ${providers_provider/* PROVIDER_IDS */.NO.join(', ')}, not '${String(p)}'`);
        }
        let principal;
        let principalKey;
        if (provider) {
            const mine = PRINCIPAL_KEYS[provider];
            for (const key of ALL_PRINCIPAL_KEYS) {
                const f = fields.get(key);
                if (!f)
                    continue;
                if (!mine.includes(key)) {
                    this.error(f.keyNode, `'${key}' does not apply to provider ${provider}; use ${mine.map((k) => `'${k}'`).join(' or ')}`);
                    continue;
                }
                if (principalKey) {
                    this.error(f.keyNode, `give either '${principalKey}' or '${key}', not both: a rule allows one principal`);
                    continue;
                }
                const text = this.string(f.value, `'${key}'`);
                if (text === undefined)
                    continue;
                const m = (0,matcher/* compileMatcher */.qM)(text);
                if (typeof m === 'string') {
                    this.error(f.value, `'${key}': ${m}`);
                    continue;
                }
                const shape = PRINCIPAL_SHAPES[key];
                if (m.kind === 'exact' && !shape.re.test(text)) {
                    this.error(f.value, `'${key}' value '${text}' does not look like ${key === 'client-id' ? 'a client id' : `a ${key}`} (expected e.g. ${shape.example})`);
                    continue;
                }
                principal = m;
                principalKey = key;
            }
            if (!principalKey && this.errors.length === before) {
                this.error(node, `'allow' for provider ${provider} needs ${mine.map((k) => `'${k}'`).join(' or ')}`);
            }
        }
        let maxDuration;
        let maxDurationText = '';
        const md = fields.get('max-duration');
        if (!md)
            this.error(node, "'allow' needs 'max-duration' (such as 15m or 1h): the longest lifetime this rule grants");
        else {
            const raw = (0,dist/* isScalar */.jn)(md.value) ? md.value.value : undefined;
            const seconds = typeof raw === 'string' || typeof raw === 'number' ? (0,duration/* parseDuration */.E9)(raw) : undefined;
            if (seconds === undefined) {
                this.error(md.value, `max-duration '${String(raw)}' is not a duration: write seconds (900) or 90s, 15m, 1h, 1h30m`);
            }
            else if (seconds > duration/* MAX_POLICY_DURATION */.B8) {
                this.error(md.value, `max-duration ${(0,duration/* formatDuration */.a3)(seconds)} is above 12h, the longest any cloud issues`);
            }
            else {
                maxDuration = seconds;
                maxDurationText = String(raw);
            }
        }
        let delivery = [...DELIVERY_MODES];
        const dv = fields.get('delivery');
        if (dv) {
            const items = (0,dist/* isSeq */.oP)(dv.value) ? dv.value.items.map((i) => this.resolve(i)) : [dv.value];
            delivery = [];
            if (items.length === 0)
                this.error(dv.value, "'delivery' is an empty list: name run, env or outputs");
            for (const item of items) {
                const v = (0,dist/* isScalar */.jn)(item) ? item.value : undefined;
                if (typeof v === 'string' && DELIVERY_MODES.includes(v))
                    delivery.push(v);
                else
                    this.error(item ?? dv.value, `delivery must be run, env or outputs (or a list of them), not '${String(v)}'`);
            }
        }
        if (this.errors.length > before ||
            !provider ||
            !principal ||
            !principalKey ||
            maxDuration === undefined)
            return undefined;
        return { provider, principal, principalKey, maxDuration, maxDurationText, delivery };
    }
    warnBroad(rule) {
        const constrains = (claims) => rule.when.some((c) => claims.includes(c.claim) && !c.anyOf.some(matcher/* matchesAnything */.GU));
        if (!constrains(claims/* REPOSITORY_CLAIMS */.HC)) {
            this.warnings.push({
                rule: rule.name,
                message: `rule '${rule.name}' matches every repository: add 'repository' (or 'repository_id') to 'when'`,
                pos: rule.pos,
            });
        }
        if (!constrains(claims/* REF_CLAIMS */.qN)) {
            this.warnings.push({
                rule: rule.name,
                message: `rule '${rule.name}' matches any ref: add 'ref' or 'environment' to 'when'`,
                pos: rule.pos,
            });
        }
        for (const c of rule.when) {
            if (c.anyOf.some(matcher/* matchesAnything */.GU)) {
                this.warnings.push({
                    rule: rule.name,
                    message: `rule '${rule.name}': '${c.claim}' matches any value, so it restricts nothing`,
                    pos: c.pos,
                });
            }
        }
    }
}

// EXTERNAL MODULE: ./src/policy/decide.ts
var decide = __webpack_require__(4708);
// EXTERNAL MODULE: ./src/runner/markdown.ts
var markdown = __webpack_require__(3321);
;// CONCATENATED MODULE: ./src/policy/render.ts


/** A few lines of markdown for the job summary: the verdict, the rule or why none matched, the digest. */
function renderDecision(decision) {
    const r = decision.record;
    const digest = typeof r['policyDigest'] === 'string'
        ? r['policyDigest'].slice(0, 'sha256:'.length + 12)
        : '';
    const path = typeof r['policyPath'] === 'string' ? r['policyPath'] : 'policy';
    const lines = [];
    if (decision.allowed) {
        const ceiling = decision.maxDuration !== undefined ? `, max ${(0,duration/* formatDuration */.a3)(decision.maxDuration)}` : '';
        lines.push(`**Policy: allowed** by rule ${(0,markdown/* mdCode */.xs)(decision.rule ?? '?')}${ceiling} · ${(0,markdown/* mdText */.bC)(path)} ${(0,markdown/* mdCode */.xs)(digest)}`);
        for (const reason of decision.reasons)
            lines.push(`- ${(0,markdown/* mdText */.bC)(reason)}`);
    }
    else {
        lines.push(`**Policy: denied**, no rule allows this request · ${(0,markdown/* mdText */.bC)(path)} ${(0,markdown/* mdCode */.xs)(digest)}`);
        const shown = decision.reasons.slice(0, 10);
        for (const reason of shown)
            lines.push(`- ${(0,markdown/* mdText */.bC)(reason)}`);
        if (decision.reasons.length > shown.length)
            lines.push(`- … and ${decision.reasons.length - shown.length} more rules`);
    }
    return lines.join('\n') + '\n';
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/jwt/verify.js + 2 modules
var verify = __webpack_require__(4490);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/decode_protected_header.js
var decode_protected_header = __webpack_require__(1196);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/decode_jwt.js
var decode_jwt = __webpack_require__(7961);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/errors.js
var util_errors = __webpack_require__(5674);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/jwks/local.js
var local = __webpack_require__(6687);
// EXTERNAL MODULE: ./src/policy/issuer.ts
var policy_issuer = __webpack_require__(1819);
;// CONCATENATED MODULE: ./src/policy/verify.ts





/** The OIDC token failed verification; `reason` says which check, the message says what it means. */
class TokenRejectedError extends Error {
    reason;
    name = 'TokenRejectedError';
    constructor(message, reason, options) {
        super(message, options);
        this.reason = reason;
    }
}
/** GitHub's tokens are RS256 only; anything else offered is refused before any key is tried. */
const ALGORITHMS = ['RS256'];
/** Small: runner clocks are NTP-synced, and GitHub already backdates `nbf` by ten minutes. */
const CLOCK_TOLERANCE_SECONDS = 10;
/** Keys are re-read after this even within a job, and at once when a token names an unknown kid. */
const CACHE_MAX_AGE_MS = 60 * 60 * 1000;
const FETCH_TIMEOUT_MS = 10_000;
const memory = new Map();
/** Forget the in-process copy (tests and the benchmark measure the cold and the disk-cached paths). */
function clearKeyCache() {
    memory.clear();
}
/**
 * Verifies a GitHub Actions OIDC token: RS256 signature against the issuer's JWKS, `iss`,
 * `aud`, `exp`, `nbf`. Returns the claims. Discovery and JWKS are fetched once and kept in
 * `cacheDir`, so the later steps of a job reuse them; an unknown `kid` (key rotation) causes
 * one refetch.
 */
async function verifyGitHubToken(token, opts) {
    const issuer = (0,policy_issuer/* checkIssuer */.oP)(opts.issuer);
    const { alg, kid } = precheck(token, issuer);
    if (!ALGORITHMS.includes(alg)) {
        throw new TokenRejectedError(`The OIDC token is signed with '${alg}'; only ${ALGORITHMS.join(', ')} is accepted, as GitHub signs them. The token was not issued by GitHub Actions.`, 'algorithm');
    }
    const now = opts.now ?? new Date();
    let keys = await keysFor(issuer, opts.cacheDir, now, false);
    if (kid !== undefined &&
        !hasKid(keys.entry.jwks, kid) &&
        keys.entry.fetchedAt < now.getTime() - 1000) {
        keys = await keysFor(issuer, opts.cacheDir, now, true);
    }
    try {
        const { payload } = await (0,verify/* jwtVerify */.V)(token, keys.keySet, {
            issuer,
            audience: opts.audience,
            algorithms: ALGORITHMS,
            clockTolerance: CLOCK_TOLERANCE_SECONDS,
            currentDate: now,
            requiredClaims: ['exp', 'iat', 'sub'],
        });
        return payload;
    }
    catch (err) {
        throw explain(err, issuer, opts.audience, now, keys.entry.jwksUri);
    }
}
function precheck(token, issuer) {
    let header;
    let payload;
    try {
        header = (0,decode_protected_header/* decodeProtectedHeader */._)(token);
        payload = (0,decode_jwt/* decodeJwt */.i)(token);
    }
    catch (err) {
        throw new TokenRejectedError('The OIDC token is not a well-formed JWT.', 'malformed', {
            cause: err,
        });
    }
    // Said before the signature check: a token from another issuer would otherwise read as "forged".
    if (payload.iss !== issuer) {
        throw new TokenRejectedError(`The OIDC token was issued by '${String(payload.iss)}', but the policy trusts '${issuer}'. ` +
            `If this job runs on GitHub Enterprise Server or uses an enterprise issuer, set the 'oidc-issuer' input to '${String(payload.iss)}'.`, 'issuer');
    }
    return { alg: String(header.alg), kid: typeof header.kid === 'string' ? header.kid : undefined };
}
function hasKid(jwks, kid) {
    return jwks.keys.some((k) => k.kid === kid);
}
function explain(err, issuer, audience, now, jwksUri) {
    if (err instanceof util_errors/* JWTExpired */.n) {
        return new TokenRejectedError(`The OIDC token expired at ${expiry(err.payload)} (now ${now.toISOString()}): GitHub tokens live 5 minutes; mint a fresh one for each exchange.`, 'expired', { cause: err });
    }
    if (err instanceof util_errors/* JWTClaimValidationFailed */.ie) {
        if (err.claim === 'nbf' || err.claim === 'iat') {
            return new TokenRejectedError(`The OIDC token is not valid yet ('${err.claim}' is in the future at ${now.toISOString()}): check the runner's clock.`, 'not-yet-valid', { cause: err });
        }
        if (err.claim === 'aud') {
            return new TokenRejectedError(`The OIDC token's audience is ${JSON.stringify(err.payload.aud)}, not '${audience}': request the token with the provider's audience (or fix the 'audience' input).`, 'audience', { cause: err });
        }
        if (err.claim === 'iss') {
            return new TokenRejectedError(`The OIDC token was not issued by '${issuer}'.`, 'issuer', {
                cause: err,
            });
        }
        return new TokenRejectedError(`The OIDC token lacks or has a bad '${err.claim}' claim: ${err.message}.`, 'malformed', { cause: err });
    }
    if (err instanceof util_errors/* JOSEAlgNotAllowed */.Rb) {
        return new TokenRejectedError(`The OIDC token's algorithm is not allowed: only RS256 is accepted.`, 'algorithm', { cause: err });
    }
    if (err instanceof util_errors/* JWKSNoMatchingKey */.BT || err instanceof util_errors/* JWKSMultipleMatchingKeys */.$4) {
        return new TokenRejectedError(`No key in ${jwksUri} matches the OIDC token's key id: the token was not signed by ${issuer}.`, 'unknown-key', { cause: err });
    }
    if (err instanceof util_errors/* JWSSignatureVerificationFailed */.h2) {
        return new TokenRejectedError(`The OIDC token's signature does not verify against ${issuer}'s keys: the token is forged or altered. Nothing was issued.`, 'signature', { cause: err });
    }
    if (err instanceof util_errors/* JOSEError */.i4) {
        return new TokenRejectedError(`The OIDC token was refused: ${err.message}.`, 'malformed', {
            cause: err,
        });
    }
    return err instanceof Error ? err : new Error(String(err));
}
function expiry(payload) {
    return typeof payload.exp === 'number' ? new Date(payload.exp * 1000).toISOString() : '?';
}
async function keysFor(issuer, cacheDir, now, force) {
    const fresh = (e) => e.issuer === issuer &&
        now.getTime() - e.fetchedAt < CACHE_MAX_AGE_MS &&
        e.fetchedAt <= now.getTime() + 60_000;
    if (!force) {
        const hit = memory.get(issuer);
        if (hit && fresh(hit.entry))
            return hit;
        const onDisk = cacheDir ? await readCache(cacheFile(cacheDir, issuer)) : undefined;
        if (onDisk && fresh(onDisk)) {
            const loaded = { entry: onDisk, keySet: (0,local/* createLocalJWKSet */.w)(onDisk.jwks) };
            memory.set(issuer, loaded);
            return loaded;
        }
    }
    const entry = await fetchKeys(issuer, now);
    if (cacheDir)
        await writeCache(cacheDir, cacheFile(cacheDir, issuer), entry);
    const loaded = { entry, keySet: (0,local/* createLocalJWKSet */.w)(entry.jwks) };
    memory.set(issuer, loaded);
    return loaded;
}
function cacheFile(dir, issuer) {
    return (0,external_node_path_.join)(dir, `oidc-keys-${(0,external_node_crypto_.createHash)('sha256').update(issuer).digest('hex').slice(0, 16)}.json`);
}
async function readCache(path) {
    try {
        const parsed = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
        if (typeof parsed.issuer === 'string' &&
            typeof parsed.fetchedAt === 'number' &&
            Array.isArray(parsed.jwks?.keys))
            return parsed;
    }
    catch {
        // Missing or torn (two steps writing at once): fetch again.
    }
    return undefined;
}
async function writeCache(dir, path, entry) {
    await (0,promises_.mkdir)(dir, { recursive: true, mode: 0o700 });
    // Written whole then renamed, so a concurrent reader never sees half a file.
    const tmp = `${path}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`;
    await (0,promises_.writeFile)(tmp, JSON.stringify(entry), { mode: 0o600 });
    await (0,promises_.rename)(tmp, path);
}
async function getJson(url, what) {
    let res;
    try {
        res = await fetch(url, {
            headers: { accept: 'application/json' },
            signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
        });
    }
    catch (err) {
        throw new Error(`Could not fetch the OIDC ${what} from ${url}: ${err.message}`, {
            cause: err,
        });
    }
    if (!res.ok)
        throw new Error(`Could not fetch the OIDC ${what} from ${url}: HTTP ${res.status}.`);
    try {
        const body = (await res.json());
        if (body && typeof body === 'object' && !Array.isArray(body))
            return body;
    }
    catch {
        // fall through
    }
    throw new Error(`The OIDC ${what} at ${url} is not a JSON object.`);
}
async function fetchKeys(issuer, now) {
    const discoveryUrl = `${issuer}/.well-known/openid-configuration`;
    const discovery = await getJson(discoveryUrl, 'discovery document');
    if (discovery['issuer'] !== issuer) {
        throw new Error(`The discovery document at ${discoveryUrl} names issuer '${String(discovery['issuer'])}', not '${issuer}': check the 'oidc-issuer' input.`);
    }
    const jwksUri = (0,policy_issuer/* checkFetchUrl */.mh)(discovery['jwks_uri'], 'jwks_uri');
    const jwks = await getJson(jwksUri, 'JWKS');
    if (!Array.isArray(jwks['keys']))
        throw new Error(`The JWKS at ${jwksUri} has no 'keys' list.`);
    return { issuer, jwksUri, jwks: jwks, fetchedAt: now.getTime() };
}

;// CONCATENATED MODULE: ./src/policy/index.ts







/***/ }),

/***/ 1819:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mh: () => (/* binding */ checkFetchUrl),
/* harmony export */   oP: () => (/* binding */ checkIssuer),
/* harmony export */   oX: () => (/* binding */ GITHUB_ISSUER)
/* harmony export */ });
/* unused harmony export isLoopbackHost */
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

/***/ 9012:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GU: () => (/* binding */ matchesAnything),
/* harmony export */   OT: () => (/* binding */ describeMatcher),
/* harmony export */   qM: () => (/* binding */ compileMatcher),
/* harmony export */   tL: () => (/* binding */ globToRegExp)
/* harmony export */ });
/**
 * A claim value in a rule is one of:
 * - an anchored regular expression: starts with `^` and ends with `$`;
 * - a glob: contains `*` (any run of characters, `/` and `:` included) or `?` (one character),
 *   the same meaning AWS `StringLike` and Azure `matches` give them, so rules export faithfully;
 * - otherwise an exact, case-sensitive string.
 * Returns an error message (without position) when the value cannot be used.
 */
function compileMatcher(source) {
    if (source.startsWith('^')) {
        if (!source.endsWith('$') || source.endsWith('\\$')) {
            return `pattern '${source}' starts with ^ but does not end with $: patterns must be anchored at both ends (write '${source}$' or use a glob)`;
        }
        let re;
        try {
            re = new RegExp(source, 'u');
        }
        catch (err) {
            return `pattern '${source}' is not a valid regular expression: ${err.message}`;
        }
        return { kind: 'regex', source, test: (v) => re.test(v) };
    }
    if (source.includes('*') || source.includes('?')) {
        const re = globToRegExp(source);
        return { kind: 'glob', source, test: (v) => re.test(v) };
    }
    return { kind: 'exact', source, test: (v) => v === source };
}
function globToRegExp(glob) {
    let out = '^';
    for (const ch of glob) {
        if (ch === '*')
            out += '[\\s\\S]*';
        else if (ch === '?')
            out += '[\\s\\S]';
        else
            out += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
    return new RegExp(out + '$', 'u');
}
/** True when the matcher would accept any value: such a condition restricts nothing. */
function matchesAnything(m) {
    if (m.kind === 'exact')
        return false;
    return ['', 'x', 'o/r', 'repo:o/r:ref:refs/heads/main', '0', ' ', 'a\nb'].every((probe) => m.test(probe));
}
function describeMatcher(m) {
    return m.kind === 'exact'
        ? `'${m.source}'`
        : m.kind === 'glob'
            ? `glob '${m.source}'`
            : `pattern '${m.source}'`;
}


/***/ })

};
