export const id = 375;
export const ids = [375,120];
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

/***/ 3651:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LD: () => (/* binding */ decide),
  Cv: () => (/* binding */ decidePartial),
  vB: () => (/* binding */ matchingRules)
});

// UNUSED EXPORTS: claimFailures

// EXTERNAL MODULE: ./src/policy/claims.ts
var policy_claims = __webpack_require__(9745);
// EXTERNAL MODULE: ./src/policy/duration.ts
var duration = __webpack_require__(5432);
;// CONCATENATED MODULE: ./src/policy/describe.ts
/** How a matcher reads in reasons and the summary; apart from matcher.ts so that deciding never loads the regex engine. */
function describeMatcher(m) {
    return m.kind === 'exact'
        ? `'${m.source}'`
        : m.kind === 'glob'
            ? `glob '${m.source}'`
            : `pattern '${m.source}'`;
}

;// CONCATENATED MODULE: ./src/policy/decide.ts



/** Claim conditions of one rule that do not hold; empty when all do. */
function claimFailures(rule, claims) {
    const failures = [];
    for (const c of rule.when) {
        const value = (0,policy_claims/* claimText */.Q1)(claims[c.claim]);
        const wanted = c.anyOf.map(describeMatcher).join(' or ');
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
        failures.push(`${a.principalKey} is '${request.principal}', wants ${describeMatcher(a.principal)}`);
    }
    if (request.duration !== undefined && request.duration > a.maxDuration) {
        failures.push(`duration ${request.duration} s (${(0,duration/* formatDuration */.a3)(request.duration)}) is above max-duration ${a.maxDuration} s (${a.maxDurationText})`);
    }
    if (request.delivery !== undefined && !a.delivery.includes(request.delivery)) {
        failures.push(`delivery is ${request.delivery}, rule requires ${a.delivery.join(' or ')}`);
    }
    return failures;
}
function allowReasons(rule, claims, request) {
    const a = rule.allow;
    const reasons = rule.when.map((c) => `${c.claim} '${(0,policy_claims/* claimText */.Q1)(claims[c.claim])}' matches ${c.anyOf.map(describeMatcher).join(' or ')}`);
    if (request.principal !== undefined)
        reasons.push(`${a.principalKey} '${request.principal}' matches ${describeMatcher(a.principal)}`);
    if (request.duration !== undefined) {
        reasons.push(`duration ${(0,duration/* formatDuration */.a3)(request.duration)} is within max-duration ${a.maxDurationText}`);
    }
    if (request.delivery !== undefined && a.delivery.length < 3) {
        reasons.push(`delivery ${request.delivery} is one of ${a.delivery.join(', ')}`);
    }
    return reasons;
}
function record(policy, claims, request, extra) {
    const keep = new Set([...policy_claims/* RECORDED_CLAIMS */.xN, ...(extra.ruleClaims ?? [])]);
    const deciding = {};
    for (const name of keep) {
        const v = (0,policy_claims/* claimText */.Q1)(claims[name]);
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

/***/ 5375:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   judge: () => (/* binding */ judge),
/* harmony export */   refusalError: () => (/* binding */ refusalError),
/* harmony export */   trustedIssuer: () => (/* binding */ trustedIssuer)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _decide_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3651);
/* harmony import */ var _issuer_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1819);
/* harmony import */ var _render_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1120);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9170);
/* harmony import */ var _verify_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3254);






/** The `oidc-issuer` input, or the runner's own issuer; checked before any request. */
function trustedIssuer(input, env) {
    return (0,_issuer_js__WEBPACK_IMPORTED_MODULE_2__/* .checkIssuer */ .oP)(input ?? (0,_issuer_js__WEBPACK_IMPORTED_MODULE_2__/* .defaultIssuer */ .LV)(env));
}
/**
 * Judges one request with the job's first OIDC token, before any cloud sees it: the token is
 * verified, its claims name the repository (and workflow) whose policy applies, that policy is
 * read from GitHub at a commit and decided on. Throws when the token does not verify or the
 * policy cannot be read: both refuse the grant.
 */
async function judge(settings, request, token, audience, deps) {
    const claims = await (0,_verify_js__WEBPACK_IMPORTED_MODULE_5__/* .verifyGitHubToken */ .i4)(token, {
        issuer: settings.issuer,
        audience,
        ...(settings.cacheDir ? { cacheDir: settings.cacheDir } : {}),
        timeoutMs: settings.source.timeoutMs,
        ...(deps.now ? { now: deps.now } : {}),
    });
    const trusted = await (0,_source_js__WEBPACK_IMPORTED_MODULE_4__.loadTrustedPolicy)(settings.source, claims, deps);
    for (const w of trusted.warnings)
        deps.log.warning(w);
    const origin = (0,_source_js__WEBPACK_IMPORTED_MODULE_4__.originRecord)(trusted);
    if (!trusted.policy) {
        return {
            allowed: true,
            record: { decision: 'no-policy', ...origin },
            rendered: (0,_render_js__WEBPACK_IMPORTED_MODULE_3__.renderNoPolicy)(trusted.origin.location, trusted.origin.source, trusted.warnings),
        };
    }
    for (const w of trusted.policy.warnings) {
        deps.log.warning(`${trusted.origin.location}:${w.pos.line}:${w.pos.col}: ${w.message}`);
    }
    const decision = (0,_decide_js__WEBPACK_IMPORTED_MODULE_1__/* .decide */ .LD)(trusted.policy, claims, request);
    const record = { ...decision.record, ...origin };
    const rendered = (0,_render_js__WEBPACK_IMPORTED_MODULE_3__.renderDecision)({ ...decision, record }, trusted.warnings);
    if (decision.allowed)
        return { allowed: true, record, rendered };
    return {
        allowed: false,
        record,
        rendered,
        refusal: `The policy ${trusted.origin.location} (${trusted.origin.source}, ${trusted.digest}) allows no grant for this request ` +
            `(${request.provider} ${request.principal}, ${request.delivery}, ${request.duration}s), so nothing was asked of the cloud.\n` +
            decision.reasons.map((r) => `- ${r}`).join('\n'),
    };
}
/** A refusal as the error the step fails with. */
function refusalError(j) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(j.refusal ?? 'The policy refused this request.');
}


/***/ }),

/***/ 1120:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderDecision: () => (/* binding */ renderDecision),
/* harmony export */   renderNoPolicy: () => (/* binding */ renderNoPolicy),
/* harmony export */   renderPolicyFailure: () => (/* binding */ renderPolicyFailure)
/* harmony export */ });
/* harmony import */ var _runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3321);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5432);


/** A few lines of markdown for the job summary: the verdict, the rule or why none matched, the digest. */
function renderDecision(decision, warnings = []) {
    const r = decision.record;
    const digest = typeof r['policyDigest'] === 'string' ? r['policyDigest'] : '';
    const path = typeof r['policyPath'] === 'string' ? r['policyPath'] : 'policy';
    // The source is one of our own modes; anything else (a tampered record) is not shown.
    const mode = typeof r['policySource'] === 'string' ? r['policySource'] : '';
    const source = /^[a-z-]{1,20}$/.test(mode) ? ` (${mode})` : '';
    const lines = [];
    if (decision.allowed) {
        const ceiling = decision.maxDuration !== undefined ? `, max ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(decision.maxDuration)}` : '';
        lines.push(`**Policy: allowed** by rule ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(decision.rule ?? '?')}${ceiling} · ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(path)}${source} ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(digest)}`);
        for (const reason of decision.reasons)
            lines.push(`- ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(reason)}`);
    }
    else {
        lines.push(`**Policy: denied**, no rule allows this request · ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(path)}${source} ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(digest)}`);
        const shown = decision.reasons.slice(0, 10);
        for (const reason of shown)
            lines.push(`- ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(reason)}`);
        if (decision.reasons.length > shown.length)
            lines.push(`- … and ${decision.reasons.length - shown.length} more rules`);
    }
    for (const w of warnings)
        lines.push(`- ⚠️ ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(w)}`);
    return lines.join('\n') + '\n';
}
/** No policy file on the trusted ref: said as plainly as a decision, so a reviewer sees it. */
function renderNoPolicy(location, source, warnings) {
    const lines = [
        `**Policy: none** at ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(location)} (${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(source)}): the cloud's trust configuration alone decided.`,
    ];
    for (const w of warnings)
        if (!w.startsWith('No policy file'))
            lines.push(`- ⚠️ ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(w)}`);
    return lines.join('\n') + '\n';
}
/** The policy could not be read or was refused before a decision: the grant was refused. */
function renderPolicyFailure(message) {
    return `**Policy: not applied**, so nothing was asked of the cloud: ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(message.split('\n')[0])}\n`;
}


/***/ }),

/***/ 3254:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i4: () => (/* binding */ verifyGitHubToken)
/* harmony export */ });
/* unused harmony exports TokenRejectedError, MAX_DOCUMENT_BYTES, clearKeyCache */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var jose__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4490);
/* harmony import */ var jose__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1196);
/* harmony import */ var jose__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7961);
/* harmony import */ var jose__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5674);
/* harmony import */ var jose__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6687);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8856);
/* harmony import */ var _issuer_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1819);






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
/**
 * GitHub's discovery document is under 2 KB and its JWKS under 10 KB; a megabyte leaves room
 * for any honest issuer and keeps a hostile one from filling memory or the job's cache.
 */
const MAX_DOCUMENT_BYTES = 1024 * 1024;
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
    const issuer = (0,_issuer_js__WEBPACK_IMPORTED_MODULE_4__/* .checkIssuer */ .oP)(opts.issuer);
    const { alg, kid } = precheck(token, issuer);
    if (!ALGORITHMS.includes(alg)) {
        throw new TokenRejectedError(`The OIDC token is signed with '${alg}'; only ${ALGORITHMS.join(', ')} is accepted, as GitHub signs them. The token was not issued by GitHub Actions.`, 'algorithm');
    }
    const now = opts.now ?? new Date();
    const timeoutMs = opts.timeoutMs ?? FETCH_TIMEOUT_MS;
    let keys = await keysFor(issuer, opts.cacheDir, now, false, timeoutMs);
    if (kid !== undefined &&
        !hasKid(keys.entry.jwks, kid) &&
        keys.entry.fetchedAt < now.getTime() - 1000) {
        keys = await keysFor(issuer, opts.cacheDir, now, true, timeoutMs);
    }
    try {
        const { payload } = await (0,jose__WEBPACK_IMPORTED_MODULE_5__/* .jwtVerify */ .V)(token, keys.keySet, {
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
        header = (0,jose__WEBPACK_IMPORTED_MODULE_6__/* .decodeProtectedHeader */ ._)(token);
        payload = (0,jose__WEBPACK_IMPORTED_MODULE_7__/* .decodeJwt */ .i)(token);
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
    if (err instanceof jose__WEBPACK_IMPORTED_MODULE_8__/* .JWTExpired */ .n) {
        return new TokenRejectedError(`The OIDC token expired at ${expiry(err.payload)} (now ${now.toISOString()}): GitHub tokens live 5 minutes; mint a fresh one for each exchange.`, 'expired', { cause: err });
    }
    if (err instanceof jose__WEBPACK_IMPORTED_MODULE_8__/* .JWTClaimValidationFailed */ .ie) {
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
    if (err instanceof jose__WEBPACK_IMPORTED_MODULE_8__/* .JOSEAlgNotAllowed */ .Rb) {
        return new TokenRejectedError(`The OIDC token's algorithm is not allowed: only RS256 is accepted.`, 'algorithm', { cause: err });
    }
    if (err instanceof jose__WEBPACK_IMPORTED_MODULE_8__/* .JWKSNoMatchingKey */ .BT || err instanceof jose__WEBPACK_IMPORTED_MODULE_8__/* .JWKSMultipleMatchingKeys */ .$4) {
        return new TokenRejectedError(`No key in ${jwksUri} matches the OIDC token's key id: the token was not signed by ${issuer}.`, 'unknown-key', { cause: err });
    }
    if (err instanceof jose__WEBPACK_IMPORTED_MODULE_8__/* .JWSSignatureVerificationFailed */ .h2) {
        return new TokenRejectedError(`The OIDC token's signature does not verify against ${issuer}'s keys: the token is forged or altered. Nothing was issued.`, 'signature', { cause: err });
    }
    if (err instanceof jose__WEBPACK_IMPORTED_MODULE_8__/* .JOSEError */ .i4) {
        return new TokenRejectedError(`The OIDC token was refused: ${err.message}.`, 'malformed', {
            cause: err,
        });
    }
    return err instanceof Error ? err : new Error(String(err));
}
function expiry(payload) {
    return typeof payload.exp === 'number' ? new Date(payload.exp * 1000).toISOString() : '?';
}
async function keysFor(issuer, cacheDir, now, force, timeoutMs) {
    const fresh = (e) => e.issuer === issuer &&
        now.getTime() - e.fetchedAt < CACHE_MAX_AGE_MS &&
        e.fetchedAt <= now.getTime() + 60_000;
    if (!force) {
        const hit = memory.get(issuer);
        if (hit && fresh(hit.entry))
            return hit;
        const onDisk = cacheDir ? await readCache(cacheFile(cacheDir, issuer)) : undefined;
        if (onDisk && fresh(onDisk)) {
            const loaded = { entry: onDisk, keySet: (0,jose__WEBPACK_IMPORTED_MODULE_9__/* .createLocalJWKSet */ .w)(onDisk.jwks) };
            memory.set(issuer, loaded);
            return loaded;
        }
    }
    const entry = await fetchKeys(issuer, now, timeoutMs);
    if (cacheDir)
        await writeCache(cacheDir, cacheFile(cacheDir, issuer), entry);
    const loaded = { entry, keySet: (0,jose__WEBPACK_IMPORTED_MODULE_9__/* .createLocalJWKSet */ .w)(entry.jwks) };
    memory.set(issuer, loaded);
    return loaded;
}
function cacheFile(dir, issuer) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, `oidc-keys-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(issuer).digest('hex').slice(0, 16)}.json`);
}
async function readCache(path) {
    try {
        // Any step of the job can write here: read no more than a real cache entry can be.
        const file = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, 'r');
        let text;
        try {
            const buf = Buffer.alloc(MAX_DOCUMENT_BYTES + 1);
            const { bytesRead } = await file.read(buf, 0, buf.length, 0);
            if (bytesRead > MAX_DOCUMENT_BYTES)
                return undefined;
            text = buf.subarray(0, bytesRead).toString('utf8');
        }
        finally {
            await file.close();
        }
        const parsed = JSON.parse(text);
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
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true, mode: 0o700 });
    // Written whole then renamed, so a concurrent reader never sees half a file.
    const tmp = `${path}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(tmp, JSON.stringify(entry), { mode: 0o600 });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(tmp, path);
}
async function getJson(url, what, timeoutMs) {
    const label = `The OIDC ${what}`;
    let res;
    try {
        res = await (0,_http_js__WEBPACK_IMPORTED_MODULE_3__/* .boundedGet */ ._1)(url, {
            headers: { accept: 'application/json' },
            timeoutMs,
            maxBytes: MAX_DOCUMENT_BYTES,
            what: label,
        });
    }
    catch (err) {
        throw new Error(`Could not fetch the OIDC ${what} from ${url}: ${err.message}`, {
            cause: err,
        });
    }
    if (res.status !== 200)
        throw new Error(`Could not fetch the OIDC ${what} from ${url}: HTTP ${res.status}.`);
    return (0,_http_js__WEBPACK_IMPORTED_MODULE_3__/* .jsonObject */ .o$)(res.body, label, url);
}
async function fetchKeys(issuer, now, timeoutMs) {
    const discoveryUrl = `${issuer}/.well-known/openid-configuration`;
    const discovery = await getJson(discoveryUrl, 'discovery document', timeoutMs);
    if (discovery['issuer'] !== issuer) {
        throw new Error(`The discovery document at ${discoveryUrl} names issuer '${String(discovery['issuer'])}', not '${issuer}': check the 'oidc-issuer' input.`);
    }
    const jwksUri = (0,_issuer_js__WEBPACK_IMPORTED_MODULE_4__/* .checkFetchUrl */ .mh)(discovery['jwks_uri'], 'jwks_uri');
    const jwks = await getJson(jwksUri, 'JWKS', timeoutMs);
    if (!Array.isArray(jwks['keys']))
        throw new Error(`The JWKS at ${jwksUri} has no 'keys' list.`);
    return { issuer, jwksUri, jwks: jwks, fetchedAt: now.getTime() };
}


/***/ })

};
