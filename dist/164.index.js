export const id = 164;
export const ids = [164];
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

/***/ 5432:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B8: () => (/* binding */ MAX_POLICY_DURATION),
/* harmony export */   E9: () => (/* reexport safe */ _duration_js__WEBPACK_IMPORTED_MODULE_1__.E),
/* harmony export */   a3: () => (/* reexport safe */ _duration_js__WEBPACK_IMPORTED_MODULE_1__.a)
/* harmony export */ });
/* unused harmony export requireDuration */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7607);

/** The longest any of the three clouds will issue (AWS role sessions, 12 h). */
const MAX_POLICY_DURATION = 43_200;


function requireDuration(value, where) {
    const seconds = parseDuration(value);
    if (seconds === undefined) {
        throw new ConfigurationError(`${where}: invalid duration '${value}'. Write seconds (900) or a duration such as 90s, 15m, 1h or 1h30m.`);
    }
    return seconds;
}


/***/ }),

/***/ 8164:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lo: () => (/* binding */ DEFAULT_POLICY_PATH),
/* harmony export */   parsePolicy: () => (/* binding */ parsePolicy),
/* harmony export */   tb: () => (/* binding */ loadPolicy)
/* harmony export */ });
/* unused harmony export PRINCIPAL_KEYS */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _providers_provider_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9545);
/* harmony import */ var _claims_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9745);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5432);
/* harmony import */ var _matcher_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9012);
/* harmony import */ var _providers_aws_arn_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3219);









const DEFAULT_POLICY_PATH = '.github/jit-policy.yml';
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
        re: _providers_aws_arn_js__WEBPACK_IMPORTED_MODULE_6__/* .ROLE_ARN */ .xG,
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
        bytes = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path);
    }
    catch (err) {
        const code = err.code;
        if ((code === 'ENOENT' || code === 'ENOTDIR') && !opts.explicit)
            return undefined;
        if (code === 'ENOENT' || code === 'ENOTDIR') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Policy file '${path}' does not exist. Create it, or fix the 'policy' input (paths are relative to the workspace; the default is ${DEFAULT_POLICY_PATH}).`);
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Cannot read policy file '${path}': ${err.message}`);
    }
    return parsePolicy(bytes, path);
}
function parsePolicy(bytes, path) {
    const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(buf).digest('hex');
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_2__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parseDocument */ .Tp)(buf.toString('utf8'), {
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Policy file '${this.path}' is not valid (${this.errors.length} problem${this.errors.length === 1 ? '' : 's'}):\n  ${shown.join('\n  ')}${more}`);
    }
    resolve(node) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isAlias */ .Vj)(node))
            return node.resolve(this.doc) ?? null;
        return node ?? null;
    }
    /** Pairs of a mapping, with string keys; errors for anything else. */
    entries(node, what) {
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(node)) {
            this.error(node, `${what} must be a mapping (key: value lines)`);
            return [];
        }
        const out = [];
        for (const pair of node.items) {
            const keyNode = pair.key;
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(keyNode) || typeof keyNode.value !== 'string') {
                this.error(keyNode, `${what}: keys must be plain names`);
                continue;
            }
            out.push({ key: keyNode.value, keyNode, value: this.resolve(pair.value) });
        }
        return out;
    }
    unknownKey(keyNode, key, where, known) {
        const hint = (0,_claims_js__WEBPACK_IMPORTED_MODULE_4__/* .closest */ .kp)(key, known);
        this.error(keyNode, `unknown key '${key}' in ${where}${hint ? ` (did you mean '${hint}'?)` : ''}; allowed: ${known.join(', ')}`);
    }
    string(node, what) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(node) && typeof node.value === 'string' && node.value !== '')
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
        else if (!((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(version) && (version.value === 1 || version.value === '1'))) {
            this.error(version, `unsupported version '${(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(version) ? String(version.value) : '?'}': this action reads version 1`);
        }
        if (rules === undefined) {
            this.error(root, "missing 'rules:' (a list of rules; with a policy file, whatever no rule allows is denied)");
            return;
        }
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isSeq */ .oP)(rules)) {
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
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(node))
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
            if (!_claims_js__WEBPACK_IMPORTED_MODULE_4__/* .MATCHABLE_CLAIMS */ .WB.includes(key)) {
                const hint = (0,_claims_js__WEBPACK_IMPORTED_MODULE_4__/* .suggestClaim */ .t3)(key);
                this.error(keyNode, `unknown claim '${key}' in 'when'${hint ? ` (did you mean '${hint}'?)` : ''}; see the claims of a GitHub OIDC token: ${_claims_js__WEBPACK_IMPORTED_MODULE_4__/* .MATCHABLE_CLAIMS */ .WB.join(', ')}`);
                continue;
            }
            const anyOf = [];
            const items = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isSeq */ .oP)(value)
                ? value.items.map((i) => this.resolve(i))
                : [value];
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isSeq */ .oP)(value) && items.length === 0)
                this.error(value, `'${key}': an empty list matches nothing; remove the condition or list values`);
            for (const item of items) {
                if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(item) ||
                    (typeof item.value !== 'string' && typeof item.value !== 'number') ||
                    item.value === '') {
                    this.error(item ?? value, `'${key}' must be a string or a list of strings (exact value, glob with * or ?, or a ^...$ pattern)`);
                    continue;
                }
                const m = (0,_matcher_js__WEBPACK_IMPORTED_MODULE_7__/* .compileMatcher */ .qM)(String(item.value));
                if (typeof m === 'string')
                    this.error(item, `'${key}': ${m}`);
                else
                    anyOf.push(m);
            }
            out.push({ claim: key, anyOf, pos: this.pos(keyNode) });
        }
        return (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(node) ? out : undefined;
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
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(node))
            return undefined;
        const providerField = fields.get('provider');
        let provider;
        if (!providerField)
            this.error(node, `'allow' needs 'provider' (${_providers_provider_js__WEBPACK_IMPORTED_MODULE_8__/* .PROVIDER_IDS */ .NO.join(', ')})`);
        else {
            const p = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(providerField.value) ? providerField.value.value : undefined;
            if (typeof p === 'string' && _providers_provider_js__WEBPACK_IMPORTED_MODULE_8__/* .PROVIDER_IDS */ .NO.includes(p))
                provider = p;
            else
                this.error(providerField.value, `provider must be one of ${_providers_provider_js__WEBPACK_IMPORTED_MODULE_8__/* .PROVIDER_IDS */ .NO.join(', ')}, not '${String(p)}'`);
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
                const m = (0,_matcher_js__WEBPACK_IMPORTED_MODULE_7__/* .compileMatcher */ .qM)(text);
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
            const raw = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(md.value) ? md.value.value : undefined;
            const seconds = typeof raw === 'string' || typeof raw === 'number' ? (0,_duration_js__WEBPACK_IMPORTED_MODULE_5__/* .parseDuration */ .E9)(raw) : undefined;
            if (seconds === undefined) {
                this.error(md.value, `max-duration '${String(raw)}' is not a duration: write seconds (900) or 90s, 15m, 1h, 1h30m`);
            }
            else if (seconds > _duration_js__WEBPACK_IMPORTED_MODULE_5__/* .MAX_POLICY_DURATION */ .B8) {
                this.error(md.value, `max-duration ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDuration */ .a3)(seconds)} is above 12h, the longest any cloud issues`);
            }
            else {
                maxDuration = seconds;
                maxDurationText = String(raw);
            }
        }
        let delivery = [..._providers_provider_js__WEBPACK_IMPORTED_MODULE_8__/* .DELIVERY_MODES */ .cE];
        const dv = fields.get('delivery');
        if (dv) {
            const items = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isSeq */ .oP)(dv.value) ? dv.value.items.map((i) => this.resolve(i)) : [dv.value];
            delivery = [];
            if (items.length === 0)
                this.error(dv.value, "'delivery' is an empty list: name run, env or outputs");
            for (const item of items) {
                const v = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(item) ? item.value : undefined;
                if (typeof v === 'string' && _providers_provider_js__WEBPACK_IMPORTED_MODULE_8__/* .DELIVERY_MODES */ .cE.includes(v))
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
        const constrains = (claims) => rule.when.some((c) => claims.includes(c.claim) && !c.anyOf.some(_matcher_js__WEBPACK_IMPORTED_MODULE_7__/* .matchesAnything */ .GU));
        if (!constrains(_claims_js__WEBPACK_IMPORTED_MODULE_4__/* .REPOSITORY_CLAIMS */ .HC)) {
            this.warnings.push({
                rule: rule.name,
                message: `rule '${rule.name}' matches every repository: add 'repository' (or 'repository_id') to 'when'`,
                pos: rule.pos,
            });
        }
        if (!constrains(_claims_js__WEBPACK_IMPORTED_MODULE_4__/* .REF_CLAIMS */ .qN)) {
            this.warnings.push({
                rule: rule.name,
                message: `rule '${rule.name}' matches any ref: add 'ref' or 'environment' to 'when'`,
                pos: rule.pos,
            });
        }
        for (const c of rule.when) {
            if (c.anyOf.some(_matcher_js__WEBPACK_IMPORTED_MODULE_7__/* .matchesAnything */ .GU)) {
                this.warnings.push({
                    rule: rule.name,
                    message: `rule '${rule.name}': '${c.claim}' matches any value, so it restricts nothing`,
                    pos: c.pos,
                });
            }
        }
    }
}


/***/ }),

/***/ 9012:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GU: () => (/* binding */ matchesAnything),
/* harmony export */   qM: () => (/* binding */ compileMatcher),
/* harmony export */   tL: () => (/* binding */ globToRegExp)
/* harmony export */ });
/* unused harmony exports MAX_MATCHED_LENGTH, globMatches */
/* harmony import */ var re2js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2856);

/** Longer claim values are not GitHub's; refusing them keeps every match cheap. */
const MAX_MATCHED_LENGTH = 4096;
/**
 * A claim value in a rule is one of:
 * - an anchored regular expression: starts with `^` and ends with `$`, in RE2 syntax and
 *   matched by RE2 (re2js), in time linear in the value: claims such as `head_ref` are chosen
 *   by whoever pushes a branch, and a backtracking engine takes seconds on a 28-character
 *   branch name against `^feature/([a-z0-9]+-?)+$`. RE2 is also what Google's attribute
 *   conditions use, so an exported pattern means the same thing there;
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
            re = re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.compile(source);
        }
        catch (err) {
            const why = err.message.replace(/^error parsing regexp: /, '');
            return `pattern '${source}' is not a valid RE2 regular expression (${why}); lookaround and backreferences are not supported, as they cannot be matched in linear time`;
        }
        return {
            kind: 'regex',
            source,
            test: (v) => v.length <= MAX_MATCHED_LENGTH && re.testExact(v),
        };
    }
    if (source.includes('*') || source.includes('?')) {
        const pattern = [...source];
        return {
            kind: 'glob',
            source,
            test: (v) => v.length <= MAX_MATCHED_LENGTH && globMatches(pattern, [...v]),
        };
    }
    return { kind: 'exact', source, test: (v) => v === source };
}
/**
 * `*` and `?` against a value, by code point, in O(pattern × value) at worst: on a mismatch
 * only the most recent `*` is widened, never earlier ones, so nothing is tried twice. (A
 * regular expression with several `[\s\S]*` backtracks polynomially in the stars.)
 */
function globMatches(pattern, value) {
    let p = 0;
    let v = 0;
    let star = -1;
    let resume = 0;
    while (v < value.length) {
        const c = pattern[p];
        if (c === '*') {
            star = p++;
            resume = v;
        }
        else if (c !== undefined && (c === '?' || c === value[v])) {
            p++;
            v++;
        }
        else if (star >= 0) {
            p = star + 1;
            v = ++resume;
        }
        else {
            return false;
        }
    }
    while (pattern[p] === '*')
        p++;
    return p === pattern.length;
}
/** The glob as an anchored regular expression: for exports to clouds whose matching is regex-based. */
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



/***/ }),

/***/ 3219:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   nS: () => (/* binding */ POLICY_ARN),
/* harmony export */   xG: () => (/* binding */ ROLE_ARN)
/* harmony export */ });
/* unused harmony export roleAccount */
/**
 * The one shape of an IAM role ARN, for inputs, policy rules and close handles alike: the
 * partition, a 12-digit account (captured), an optional path, and a name of at most 64 of
 * IAM's characters.
 */
const ROLE_ARN = /^arn:aws(?:-cn|-us-gov|-iso|-iso-[a-z])?:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
/** Managed policy ARNs (session policies): an account's own, or AWS's. */
const POLICY_ARN = /^arn:aws(?:-cn|-us-gov|-iso|-iso-[a-z])?:iam::(?:\d{12}|aws):policy\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,128}$/;
/** The account id of a role ARN, or undefined when it is not one. */
function roleAccount(arn) {
    return ROLE_ARN.exec(arn)?.[1];
}


/***/ })

};
