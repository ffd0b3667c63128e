export const id = 382;
export const ids = [382];
export const modules = {

/***/ 7607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration),
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
const UNIT_SECONDS = { h: 3600, m: 60, s: 1 };
/**
 * The one duration syntax of inputs, policy rules and the CLI: `900`, `90s`, `15m`, `1h`,
 * `1h30m`. Seconds, or undefined when the text is not a positive duration (the caller says
 * where the bad value is).
 */
function parseDuration(value) {
    if (typeof value === 'number')
        return Number.isSafeInteger(value) && value > 0 ? value : undefined;
    const text = value.trim();
    let total;
    if (/^[0-9]+$/.test(text)) {
        total = Number(text);
    }
    else {
        const m = /^(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?$/.exec(text);
        if (!m || text === '')
            return undefined;
        total = 0;
        for (const [i, unit] of ['h', 'm', 's'].entries()) {
            const part = m[i + 1];
            if (part !== undefined)
                total += Number(part) * UNIT_SECONDS[unit];
        }
    }
    return Number.isSafeInteger(total) && total > 0 ? total : undefined;
}
/** `1h30m`, `5m`, `45s`, `0s`. */
function formatDuration(seconds) {
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    const parts = [h ? `${h}h` : '', m ? `${m}m` : '', s ? `${s}s` : ''].filter(Boolean);
    return parts.length ? parts.join('') : '0s';
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


/***/ }),

/***/ 1570:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ closeGrant)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _providers_provider_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9545);




/**
 * Closes one grant: server-side first (a revocation check may read the grant's files), then
 * nothing reachable left on the runner (variables emptied, the private directory deleted and
 * checked gone), then the record. Safe to repeat: every closer redoes all of it.
 */
async function closeGrant(target, deps) {
    const { runner } = deps;
    const problems = [];
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(deps.privateDir, target.id);
    const provider = await (0,_providers_provider_js__WEBPACK_IMPORTED_MODULE_3__/* .loadProvider */ .Cg)(target.provider);
    let server;
    let revocationFailed = false;
    try {
        server = await provider.close(provider.readHandle(target.handle), {
            log: runner.log,
            grantId: target.id,
            now: deps.now(),
            expiresAt: target.expiresAt,
            dir: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir) ? dir : undefined,
            idToken: deps.idToken,
            env: deps.env,
        });
    }
    catch (err) {
        revocationFailed = err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RevocationError */ .XP;
        const expired = target.expiresAt <= deps.now();
        problems.push(`${revocationFailed ? 'not revoked' : 'server-side close failed'}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}`);
        server = {
            method: expired ? 'expired' : 'expires',
            verified: false,
            note: revocationFailed
                ? `not revoked — expires ${target.expiresAt.toISOString()}`
                : 'the cloud refuses it at its expiry',
        };
    }
    const emptied = new Set(target.envNames);
    // Whatever the ledger says of its delivery: any variable of this cloud that is set now is emptied.
    if (!target.trusted)
        for (const n of provider.envNames)
            if (deps.env[n])
                emptied.add(n);
    // GITHUB_ENV cannot unset a variable; an empty value is what later steps will see.
    for (const name of emptied)
        runner.exportVariable(name, '');
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true });
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir))
            problems.push(`directory ${dir} is still there`);
    }
    catch (err) {
        problems.push(`could not delete ${dir}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}`);
    }
    const closedAt = deps.now().toISOString();
    deps.recorder.append({
        time: closedAt,
        grant: target.id,
        phase: problems.length ? 'close-failed' : 'closed',
        provider: target.provider,
        by: deps.by,
        method: server.method,
        verified: server.verified,
        note: server.note,
        scrubbed: { envNames: [...emptied], dir },
        ...(problems.length ? { error: problems.join('; ') } : {}),
    });
    if (problems.length && !revocationFailed) {
        runner.log.warning(`Grant ${target.id} was not fully closed: ${problems.join('; ')}`);
    }
    return {
        id: target.id,
        provider: target.provider,
        closedAt,
        ...server,
        problems,
        revocationFailed,
    };
}


/***/ }),

/***/ 6997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Oc: () => (/* binding */ Ledger),
/* harmony export */   Xy: () => (/* binding */ GRANT_ID),
/* harmony export */   nT: () => (/* binding */ isOpen),
/* harmony export */   tf: () => (/* binding */ ledgerPath),
/* harmony export */   v0: () => (/* binding */ foldEvents)
/* harmony export */ });
/* unused harmony export LEDGER_DIR */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _providers_provider_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9545);
/* harmony import */ var _runner_temp_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9754);



const PHASES = [
    'requested',
    'allowed',
    'denied',
    'issued',
    'delivered',
    'used',
    'closed',
    'close-failed',
];
/** Grant ids as the engine makes them; anything else in the ledger was not written by us. */
const GRANT_ID = /^(aws|azure|gcp)-[0-9a-f]{10}$/;
/** The ledger of this job: one JSON Lines file that every step of the job can read and write. */
function ledgerPath(privateDir) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(privateDir, 'ledger.jsonl');
}
const LEDGER_DIR = (/* unused pure expression or super */ null && (PRIVATE_DIR));
/** Large enough for thousands of grants; a larger file was not written by us. */
const MAX_LEDGER_BYTES = 8 << 20;
class Ledger {
    path;
    constructor(path) {
        this.path = path;
    }
    /**
     * Appended before the caller acts on it: a grant is on record before its credential leaves
     * the action, so that a crash of this process still leaves it for the post step.
     */
    append(event) {
        (0,_runner_temp_js__WEBPACK_IMPORTED_MODULE_1__/* .appendLine */ .Xq)(this.path, JSON.stringify(event));
    }
    /** Every line is untrusted input: only well-formed events of ours are kept. */
    read() {
        const file = (0,_runner_temp_js__WEBPACK_IMPORTED_MODULE_1__/* .readCapped */ .EF)(this.path, MAX_LEDGER_BYTES);
        if (!file)
            return { events: [], skipped: 0, truncated: false };
        const events = [];
        let skipped = 0;
        for (const line of file.text.split('\n')) {
            if (line.trim() === '')
                continue;
            const event = parseEvent(line);
            if (event)
                events.push(event);
            else
                skipped++;
        }
        return { events, skipped, truncated: file.truncated };
    }
}
function parseEvent(line) {
    let value;
    try {
        value = JSON.parse(line);
    }
    catch {
        return undefined;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        return undefined;
    const e = value;
    const ok = typeof e['time'] === 'string' &&
        !Number.isNaN(Date.parse(e['time'])) &&
        typeof e['grant'] === 'string' &&
        GRANT_ID.test(e['grant']) &&
        PHASES.includes(e['phase']) &&
        _providers_provider_js__WEBPACK_IMPORTED_MODULE_2__/* .PROVIDER_IDS */ .NO.includes(e['provider']) &&
        e['grant'].startsWith(`${e['provider']}-`);
    return ok ? e : undefined;
}
function foldEvents(events) {
    const byId = new Map();
    for (const e of events) {
        let g = byId.get(e.grant);
        if (!g) {
            g = {
                id: e.grant,
                provider: e.provider,
                phase: e.phase,
                step: '',
                envNames: [],
                details: {},
                notes: [],
            };
            byId.set(e.grant, g);
        }
        if (g.provider === e.provider)
            applyEvent(g, e);
    }
    return [...byId.values()];
}
const str = (f, k) => typeof f[k] === 'string' ? f[k] : undefined;
const num = (f, k) => typeof f[k] === 'number' && Number.isFinite(f[k]) ? f[k] : undefined;
const strings = (v) => Array.isArray(v) ? v.filter((x) => typeof x === 'string') : undefined;
function applyEvent(g, e) {
    // What was asked and issued is set once: a later line cannot rewrite the issuance.
    if ((e.phase === 'issued' && g.issuedAt) || (e.phase === 'requested' && g.step))
        return;
    // A closed grant stays closed: a late or repeated event must not reopen it.
    if (g.phase === 'closed' && e.phase !== 'closed')
        return;
    g.phase = e.phase;
    const f = e;
    g.step = str(f, 'step') ?? g.step;
    const mode = str(f, 'mode');
    if (mode && _providers_provider_js__WEBPACK_IMPORTED_MODULE_2__/* .DELIVERY_MODES */ .cE.includes(mode))
        g.mode = mode;
    g.principal = str(f, 'principal') ?? g.principal;
    g.scope = str(f, 'scope') ?? g.scope;
    g.scopeDigest = str(f, 'scopeDigest') ?? g.scopeDigest;
    g.requestedTtl = num(f, 'requestedTtl') ?? g.requestedTtl;
    g.effectiveTtl = num(f, 'effectiveTtl') ?? g.effectiveTtl;
    g.tokenSha256 = str(f, 'tokenSha256') ?? g.tokenSha256;
    g.error = str(f, 'error') ?? g.error;
    g.exitCode = num(f, 'exitCode') ?? g.exitCode;
    g.sessionName = str(f, 'sessionName') ?? g.sessionName;
    g.notes = strings(f['notes']) ?? g.notes;
    if (e.phase === 'issued') {
        g.issuedAt = e.time;
        g.handle = f['handle'];
    }
    if ((e.phase === 'issued' || e.phase === 'delivered') && str(f, 'expiresAt'))
        g.expiresAt = str(f, 'expiresAt');
    if (e.phase === 'closed' || e.phase === 'close-failed') {
        g.closedAt = e.time;
        const method = str(f, 'method');
        if (method === 'revoked' || method === 'expires' || method === 'expired')
            g.closeMethod = method;
        g.verified = typeof f['verified'] === 'boolean' ? f['verified'] : g.verified;
        g.closeNote = str(f, 'note') ?? g.closeNote;
    }
    const envNames = strings(f['envNames']);
    if (envNames)
        g.envNames = [...new Set([...g.envNames, ...envNames])];
    for (const [k, v] of Object.entries(objectOf(f['facts']))) {
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
            g.details[k] = v;
    }
    if (f['claims'] && typeof f['claims'] === 'object')
        g.claims = objectOf(f['claims']);
    if (f['policy'] && typeof f['policy'] === 'object')
        g.policy = objectOf(f['policy']);
}
const objectOf = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {};
/** Grants whose credential may still be reachable on the runner or valid in the cloud, as the ledger tells it. */
function isOpen(g) {
    return (g.phase === 'issued' ||
        g.phase === 'delivered' ||
        g.phase === 'used' ||
        g.phase === 'close-failed');
}


/***/ }),

/***/ 2334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ OUTPUT),
/* harmony export */   c: () => (/* binding */ STATE)
/* harmony export */ });
/** Output and state names shared by main, post and revoke (kept apart so post loads no engine code). */
const OUTPUT = {
    grantId: 'grant-id',
    expiresAt: 'expires-at',
    principal: 'principal',
    ledger: 'ledger',
};
/** What main hands its own post step through the runner: the open grant, and when main closed it. */
const STATE = { grant: 'grant', closed: 'closed' };


/***/ }),

/***/ 5475:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ decodeOpenGrant),
/* harmony export */   p: () => (/* binding */ encodeOpenGrant)
/* harmony export */ });
/* harmony import */ var _providers_provider_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9545);
/* harmony import */ var _ledger_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6997);


function encodeOpenGrant(g) {
    return JSON.stringify(g);
}
/** State comes from the runner, but a step's own writes are still parsed as data, not trusted as code. */
function decodeOpenGrant(text) {
    if (!text)
        return undefined;
    let v;
    try {
        v = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (v === null || typeof v !== 'object')
        return undefined;
    const g = v;
    const ok = typeof g['id'] === 'string' &&
        _ledger_js__WEBPACK_IMPORTED_MODULE_0__/* .GRANT_ID */ .Xy.test(g['id']) &&
        g['id'].startsWith(`${String(g['provider'])}-`) &&
        _providers_provider_js__WEBPACK_IMPORTED_MODULE_1__/* .DELIVERY_MODES */ .cE.includes(g['mode']) &&
        typeof g['expiresAt'] === 'string' &&
        !Number.isNaN(Date.parse(g['expiresAt'])) &&
        Array.isArray(g['envNames']) &&
        g['handle'] !== null &&
        typeof g['handle'] === 'object';
    return ok ? g : undefined;
}


/***/ }),

/***/ 6394:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ Recorder)
/* harmony export */ });
/* harmony import */ var _ledger_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6997);

/**
 * Writes events to the job's ledger and keeps the ones this process wrote: what this step
 * shows reviewers comes from them, never from the file, which other steps can change.
 */
class Recorder {
    ledger;
    now;
    events = [];
    constructor(ledger, now) {
        this.ledger = ledger;
        this.now = now;
    }
    append(event) {
        this.ledger.append(event);
        this.events.push(event);
    }
    /** An event of one grant, stamped now. */
    record(grant, phase, fields = {}) {
        this.append({
            time: this.now().toISOString(),
            grant: grant.id,
            phase,
            provider: grant.provider,
            ...fields,
        });
    }
    /** The grants as this process's own events leave them. */
    states() {
        return (0,_ledger_js__WEBPACK_IMPORTED_MODULE_0__/* .foldEvents */ .v0)(this.events);
    }
}


/***/ }),

/***/ 9195:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  QU: () => (/* binding */ exposureLine),
  kV: () => (/* binding */ summaryBlock),
  IO: () => (/* binding */ timeline),
  WJ: () => (/* binding */ verdict)
});

// UNUSED EXPORTS: grantTable

// EXTERNAL MODULE: ./src/runner/inputs.ts
var inputs = __webpack_require__(9205);
// EXTERNAL MODULE: ./src/runner/markdown.ts
var markdown = __webpack_require__(3321);
;// CONCATENATED MODULE: ./src/grant/exposure.ts
/** What the peers give by default: the credential stays in the job's environment, and lives 1 h. */
const PEER_CLOUD_SECONDS = 3600;
const seconds = (from, to) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
function exposure(g, jobEnd) {
    if (!g.issuedAt || !g.expiresAt)
        return undefined;
    const end = jobEnd.toISOString();
    const offRunner = g.closedAt ?? end;
    const refused = g.phase === 'closed' && g.closeMethod === 'revoked' && g.verified && g.closedAt
        ? g.closedAt
        : g.expiresAt;
    return {
        runner: seconds(g.issuedAt, offRunner),
        cloud: seconds(g.issuedAt, refused < g.expiresAt ? refused : g.expiresAt),
        peerRunner: seconds(g.issuedAt, end),
        peerCloud: PEER_CLOUD_SECONDS,
    };
}
/** The sums over a job's grants. */
function jobExposure(grants, jobEnd) {
    const each = grants.map((g) => exposure(g, jobEnd)).filter((e) => !!e);
    if (!each.length)
        return undefined;
    const sum = (k) => each.reduce((n, e) => n + e[k], 0);
    return {
        runner: sum('runner'),
        cloud: sum('cloud'),
        peerRunner: sum('peerRunner'),
        peerCloud: sum('peerCloud'),
    };
}

// EXTERNAL MODULE: ./src/grant/ledger.ts
var ledger = __webpack_require__(6997);
;// CONCATENATED MODULE: ./src/grant/render.ts




// Every value shown comes from the ledger, which any step can write, and many from token claims
// (a branch name is anyone's text): all of it goes through mdText, never raw into the Markdown.
const time = (iso) => (iso ? `${(0,markdown/* mdText */.bC)(iso.slice(11, 19))}Z` : '—');
const cell = (s) => (s ? (0,markdown/* mdText */.bC)(s) : '—');
const code = (s) => (s ? (0,markdown/* mdCode */.xs)(s) : '—');
/** "3 grants: 2 revoked and verified, 1 expires 18:42:07Z". */
function verdict(grants) {
    const parts = [];
    const count = (pred) => grants.filter(pred);
    const revoked = count((g) => g.phase === 'closed' && g.closeMethod === 'revoked');
    const verified = revoked.filter((g) => g.verified);
    if (verified.length)
        parts.push(`${verified.length} revoked and verified`);
    if (revoked.length > verified.length)
        parts.push(`${revoked.length - verified.length} revoked, not verified`);
    const expiring = count((g) => g.phase === 'closed' && g.closeMethod === 'expires');
    if (expiring.length) {
        const last = expiring
            .map((g) => g.expiresAt ?? '')
            .sort()
            .at(-1);
        const when = expiring.length === 1 ? 'expires' : 'the last expires';
        parts.push(`${expiring.length} closed on the runner, ${when} ${time(last)}`);
    }
    const expired = count((g) => g.phase === 'closed' && g.closeMethod === 'expired');
    if (expired.length)
        parts.push(`${expired.length} closed and already expired`);
    const failed = count((g) => g.phase === 'close-failed');
    if (failed.length)
        parts.push(`${failed.length} not fully closed (see warnings)`);
    const open = count((g) => (0,ledger/* isOpen */.nT)(g) && g.phase !== 'close-failed');
    if (open.length) {
        parts.push(`${open.length} still open until ${open.map((g) => time(g.expiresAt)).join(', ')}`);
    }
    const denied = count((g) => g.phase === 'denied');
    if (denied.length)
        parts.push(`${denied.length} refused`);
    const n = grants.length;
    return `${n} grant${n === 1 ? '' : 's'}: ${parts.join(', ') || 'nothing issued'}`;
}
function delivery(g) {
    if (!g.mode)
        return '—';
    if (g.mode === 'run')
        return g.exitCode === undefined ? 'run' : `run (exit ${g.exitCode})`;
    if (g.mode === 'env')
        return `env (${g.envNames.length} variables)`;
    if (g.mode === 'outputs')
        return 'outputs';
    return cell(g.mode);
}
/** How it ended, with the one time that matters: when the cloud stops accepting it. */
function ending(g) {
    const off = g.closedAt ? `; off the runner ${time(g.closedAt)}` : '';
    switch (g.phase) {
        case 'denied':
            return `refused: ${cell(g.error)}`;
        case 'close-failed':
            return `⚠️ **not fully closed**: ${cell(g.error)}`;
        case 'closed':
            if (g.closeMethod === 'revoked') {
                return g.verified
                    ? `revoked ${time(g.closedAt)}: the cloud refuses it (verified)`
                    : `revoked ${time(g.closedAt)}: deny written, refusal not seen; it expires ${time(g.expiresAt)}`;
            }
            if (g.closeMethod === 'expired')
                return `expired ${time(g.expiresAt)}${off}`;
            return `the cloud accepts it until ${time(g.expiresAt)} (cannot be revoked)${off}`;
        default:
            return `⚠️ **open**, accepted until ${time(g.expiresAt)}`;
    }
}
/** "deploy" for a role session ARN, the address for a service account, the id otherwise. */
function shortPrincipal(principal) {
    if (!principal)
        return '—';
    const role = /^arn:aws[\w-]*:(?:sts|iam)::\d{12}:(?:assumed-role|role)\/(?:[\w+=,.@-]+\/)*?([\w+=,.@-]+)(?:\/[\w+=,.@-]+)?$/.exec(principal);
    const short = role?.[1] ?? principal.replace(/^principal:\/\/.*\/subject\//, 'subject ');
    return short.length > 48 ? `${short.slice(0, 47)}…` : short;
}
function ttl(g) {
    if (g.effectiveTtl === undefined)
        return g.requestedTtl ? `asked ${(0,inputs/* formatDuration */.a3)(g.requestedTtl)}` : '—';
    return (0,inputs/* formatDuration */.a3)(g.effectiveTtl);
}
/** One compact row per grant; the full record is folded below the table. */
function grantTable(grants, jobEnd = new Date()) {
    const rows = grants.map((g) => {
        const e = exposure(g, jobEnd);
        const figures = !e
            ? '—'
            : (0,ledger/* isOpen */.nT)(g)
                ? 'still open'
                : `${(0,inputs/* formatDuration */.a3)(e.runner)} / ${(0,inputs/* formatDuration */.a3)(e.cloud)}`;
        return `| ${code(g.id)} | ${cell(g.provider)} ${code(shortPrincipal(g.principal))} | ${delivery(g)} | ${ttl(g)} | ${figures} | ${ending(g)} |`;
    });
    return [
        '| grant | cloud · principal | delivery | lifetime | exposure: runner / cloud | how it ended |',
        '|---|---|---|---|---|---|',
        ...rows,
    ].join('\n');
}
/** "Exposure: 14s on the runner, 5m accepted by the cloud; the peers' defaults: 12m and 1h." */
function exposureLine(grants, jobEnd) {
    const e = jobExposure(grants, jobEnd);
    if (!e)
        return '';
    return (`Exposure of this job's credentials: ${(0,inputs/* formatDuration */.a3)(e.runner)} reachable on the runner, ` +
        `${(0,inputs/* formatDuration */.a3)(e.cloud)} accepted by the cloud (credential-seconds). With the peers' defaults ` +
        `(in the job's environment until it ends, 1 hour in the cloud): ${(0,inputs/* formatDuration */.a3)(e.peerRunner)} and ` +
        `${(0,inputs/* formatDuration */.a3)(e.peerCloud)}.`);
}
function record(g) {
    const lines = [];
    if (g.principal)
        lines.push(`- principal: ${code(g.principal)}`);
    if (g.issuedAt)
        lines.push(`- issued ${time(g.issuedAt)}, the cloud's expiry ${time(g.expiresAt)}`);
    if (g.envNames.length)
        lines.push(`- variables: ${g.envNames.map(code).join(' ')}`);
    if (g.scope)
        lines.push(`- scope: ${code(g.scope)}${g.scopeDigest ? ` (sha256 ${cell(g.scopeDigest.slice(0, 16))}…)` : ''}`);
    if (g.sessionName)
        lines.push(`- session: ${code(g.sessionName)}`);
    if (g.claims) {
        const claims = Object.entries(g.claims).map(([k, v]) => `${code(k)}=${code(String(v))}`);
        lines.push(`- token claims: ${claims.join(', ')}`);
    }
    if (g.tokenSha256)
        lines.push(`- token sha256: ${code(`${g.tokenSha256.slice(0, 16)}…`)} (the token itself is never stored)`);
    if (g.policy)
        lines.push(`- policy: ${code(JSON.stringify(g.policy))}`);
    for (const [k, v] of Object.entries(g.details))
        lines.push(`- ${cell(k)}: ${code(String(v))}`);
    for (const note of g.notes)
        lines.push(`- note: ${cell(note)}`);
    return lines.join('\n');
}
/**
 * A picture of each grant's windows: when it was reachable on the runner, and when the cloud
 * accepts it. Times are drawn in milliseconds, so that a `run:` grant of two seconds is a bar.
 */
function timeline(grants) {
    // Inside a code fence nothing is escaped: only well-formed times are drawn.
    const ms = (iso) => {
        const t = iso === undefined ? NaN : Date.parse(iso);
        return Number.isFinite(t) ? t : undefined;
    };
    const shown = grants.filter((g) => ms(g.issuedAt) !== undefined && ms(g.expiresAt) !== undefined);
    if (!shown.length)
        return '';
    const lines = ['```mermaid', 'gantt', '  dateFormat x', '  axisFormat %H:%M:%S'];
    for (const g of shown) {
        const from = ms(g.issuedAt);
        const cloudEnd = Math.max(from + 1, ms(g.expiresAt));
        const runnerEnd = Math.max(from + 1, Math.min(ms(g.closedAt) ?? cloudEnd, cloudEnd));
        lines.push(`  section ${mermaidLabel(g.id)}`);
        lines.push(`  on the runner :active, ${from}, ${runnerEnd}`);
        lines.push(`  accepted by the cloud :${from}, ${cloudEnd}`);
    }
    lines.push('```');
    return lines.join('\n');
}
/** A mermaid label: letters, digits and `._-` only, so that nothing can leave the fence or the line. */
function mermaidLabel(text) {
    return (String(text)
        .replace(/[^A-Za-z0-9._-]/g, '_')
        .slice(0, 80) || '_');
}
/** One block per action use: the verdict first, then the rows, then the record reviewers can expand. */
function summaryBlock(title, grants, extra = [], jobEnd = new Date()) {
    const details = grants
        .map((g) => `<details><summary>Record of ${(0,markdown/* htmlText */.js)(g.id)}</summary>\n\n${record(g)}\n\n</details>`)
        .join('\n');
    return [
        `### ${title}`,
        '',
        `**${verdict(grants)}**`,
        '',
        grantTable(grants, jobEnd),
        '',
        ...extra.flatMap((e) => [e, '']),
        details,
        '',
    ].join('\n');
}


/***/ }),

/***/ 8856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _1: () => (/* binding */ boundedGet),
/* harmony export */   by: () => (/* binding */ ResponseTooLargeError),
/* harmony export */   o$: () => (/* binding */ jsonObject)
/* harmony export */ });
/* unused harmony exports DeadlineError, formatBytes */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/**
 * One bounded HTTP GET for everything the action reads from GitHub before a decision: the
 * runner's OIDC token, the issuer's discovery document and keys, the policy from the REST API.
 * Each of those servers can be slow, wrong or hostile, so every read has a deadline covering
 * the whole exchange (headers and body) and a size cap enforced while the body streams in: a
 * 100 MB answer is refused after the first megabyte, never held in memory whole.
 */

/** The answer was larger than its cap; never worth another attempt. */
class ResponseTooLargeError extends Error {
    name = 'ResponseTooLargeError';
}
/** The deadline passed: a network failure as far as retrying is concerned (see isNetworkError). */
class DeadlineError extends Error {
    name = 'TimeoutError';
}
async function boundedGet(url, opts) {
    if (!opts.fetch)
        useEnvProxy();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
    const expired = () => new DeadlineError(`${opts.what} from ${url} took longer than ${opts.timeoutMs} ms`);
    try {
        let res;
        try {
            res = await (opts.fetch ?? fetch)(url, {
                headers: { ...opts.headers },
                signal: controller.signal,
                redirect: 'follow',
            });
        }
        catch (err) {
            if (controller.signal.aborted)
                throw expired();
            throw err;
        }
        const declared = Number(res.headers.get('content-length'));
        if (Number.isFinite(declared) && declared > opts.maxBytes) {
            await res.body?.cancel().catch(() => undefined);
            throw tooLarge(opts, url, `${declared} bytes`);
        }
        try {
            const body = await readCapped(res, opts, url);
            return { status: res.status, headers: res.headers, body };
        }
        catch (err) {
            if (controller.signal.aborted && !(err instanceof ResponseTooLargeError))
                throw expired();
            throw err;
        }
    }
    finally {
        clearTimeout(timer);
    }
}
let proxyChecked = false;
/**
 * Self-hosted runners behind a proxy set HTTPS_PROXY; `@actions/core`'s OIDC client honoured
 * it, and Node's fetch does only when told to. Node 24 can be told at run time.
 */
function useEnvProxy() {
    if (proxyChecked)
        return;
    proxyChecked = true;
    const env = process.env;
    const set = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some((n) => env[n]);
    const enable = (node_http__WEBPACK_IMPORTED_MODULE_0___default().setGlobalProxyFromEnv);
    try {
        if (set && typeof enable === 'function')
            enable();
    }
    catch {
        // A malformed proxy URL: the request then fails as it would without this, and says where.
    }
}
async function readCapped(res, opts, url) {
    if (!res.body)
        return Buffer.alloc(0);
    const reader = res.body.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        size += value.byteLength;
        if (size > opts.maxBytes) {
            await reader.cancel().catch(() => undefined);
            throw tooLarge(opts, url, `more than ${opts.maxBytes} bytes`);
        }
        chunks.push(value);
    }
    return Buffer.concat(chunks);
}
function tooLarge(opts, url, size) {
    return new ResponseTooLargeError(`${opts.what} from ${url} is ${size}; at most ${formatBytes(opts.maxBytes)} is accepted, so it was refused unread.`);
}
function formatBytes(n) {
    if (n >= 1024 * 1024 && n % (1024 * 1024) === 0)
        return `${n / (1024 * 1024)} MiB`;
    if (n >= 1024 && n % 1024 === 0)
        return `${n / 1024} KiB`;
    return `${n} bytes`;
}
/** A JSON object from a bounded body, or a message saying what came instead. */
function jsonObject(body, what, url) {
    let parsed;
    try {
        parsed = JSON.parse(body.toString('utf8'));
    }
    catch {
        throw new Error(`${what} from ${url} is not JSON.`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error(`${what} from ${url} is not a JSON object.`);
    return parsed;
}


/***/ }),

/***/ 9545:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cg: () => (/* binding */ loadProvider),
/* harmony export */   MI: () => (/* binding */ handleString),
/* harmony export */   NO: () => (/* binding */ PROVIDER_IDS),
/* harmony export */   cE: () => (/* binding */ DELIVERY_MODES),
/* harmony export */   iL: () => (/* binding */ optionalHandleString),
/* harmony export */   oh: () => (/* binding */ handleObject),
/* harmony export */   w0: () => (/* binding */ expiryClose)
/* harmony export */ });
const PROVIDER_IDS = ['aws', 'azure', 'gcp'];
/** The one list of delivery modes: inputs, policy rules and the CLI all check against it. */
const DELIVERY_MODES = ['run', 'env', 'outputs'];
async function loadProvider(id) {
    // Lazy, so that an AWS step never loads the Azure or Google SDKs.
    switch (id) {
        case 'aws':
            return (await __webpack_require__.e(/* import() */ 140).then(__webpack_require__.bind(__webpack_require__, 9140))).awsProvider;
        case 'azure':
            return (await Promise.all(/* import() */[__webpack_require__.e(421), __webpack_require__.e(603)]).then(__webpack_require__.bind(__webpack_require__, 3603))).azureProvider;
        case 'gcp':
            return (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(927)]).then(__webpack_require__.bind(__webpack_require__, 8927))).gcpProvider;
    }
}
/** For expiry-only closes: whether the credential is already dead or will be at a known time. */
function expiryClose(ctx, why) {
    const expired = ctx.expiresAt.getTime() <= ctx.now.getTime();
    return { method: expired ? 'expired' : 'expires', verified: false, note: why };
}
/** A close handle from the ledger is untrusted input: its fields are checked one by one. */
function handleObject(raw, provider) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        throw new Error(`the ${provider} close handle is not an object`);
    }
    return raw;
}
function handleString(h, key, pattern) {
    const v = h[key];
    if (typeof v !== 'string' || (pattern && !pattern.test(v))) {
        throw new Error(`the close handle's '${key}' is missing or malformed`);
    }
    return v;
}
function optionalHandleString(h, key, pattern) {
    return h[key] === undefined || h[key] === null ? undefined : handleString(h, key, pattern);
}


/***/ }),

/***/ 7252:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ httpTimeoutMs),
/* harmony export */   TX: () => (/* binding */ isNetworkError),
/* harmony export */   bD: () => (/* binding */ withRetry)
/* harmony export */ });
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Retries only what another attempt can fix (throttling, 5xx, network), with full-jitter
 * exponential backoff and no sleep after the last attempt. Anything else, a denial above
 * all, fails at once: the peer action retries a trust-policy denial for ~159 s.
 */
async function withRetry(fn, options) {
    const sleep = options.sleep ?? realSleep;
    const random = options.random ?? Math.random;
    for (let attempt = 1;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (err) {
            if (attempt >= options.attempts || !options.isRetryable(err))
                throw err;
            const delay = Math.round(random() * options.baseDelayMs * 2 ** (attempt - 1));
            options.onRetry?.(err, attempt, delay);
            await sleep(delay);
        }
    }
}
const NETWORK_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ETIMEDOUT',
    'EPIPE',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
]);
/** A network failure or timeout, in the shapes Node, undici and the SDKs' HTTP handlers throw. */
function isNetworkError(err) {
    const e = err;
    if (!e || typeof e !== 'object')
        return false;
    if (e.code && NETWORK_CODES.has(e.code))
        return true;
    if (e.name === 'TimeoutError' || e.name === 'AbortError')
        return true;
    return e.cause !== undefined && e.cause !== err && isNetworkError(e.cause);
}
/**
 * Per-request timeout for every cloud call: JIT_CREDENTIALS_HTTP_TIMEOUT_MS, else 5 s. Tests
 * shorten it; slow proxies lengthen it.
 */
function httpTimeoutMs(env) {
    const v = Number(env['JIT_CREDENTIALS_HTTP_TIMEOUT_MS']);
    return Number.isFinite(v) && v > 0 ? v : 5000;
}


/***/ }),

/***/ 464:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OF: () => (/* binding */ SHELLS),
/* harmony export */   d1: () => (/* binding */ runCommand),
/* harmony export */   i8: () => (/* binding */ signalGroup)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);


/** The same invocations the runner uses for `run:` steps, so a script behaves as it would there. */
const SHELLS = {
    bash: (s) => ['bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', s]],
    sh: (s) => ['sh', ['-e', '-c', s]],
};
/**
 * Runs the step's command in its own process group with its own environment. Output is
 * inherited, not piped, so it streams live and the runner's masker (already told every secret)
 * sees it. SIGINT and SIGTERM from a cancelled job are forwarded to the whole group, so the
 * command can stop and the grant still be closed within the runner's 7.5 s grace. The group is
 * its own so that, should this process die, the post step can end whatever the command left.
 */
function runCommand(options) {
    const make = SHELLS[options.shell];
    if (!make)
        throw new Error(`unknown shell ${options.shell}`);
    const [file, args] = make(options.script);
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(file, args, {
            env: options.env,
            cwd: options.cwd,
            stdio: 'inherit',
            detached: true,
        });
        if (child.pid !== undefined)
            options.onStart?.(child.pid);
        const forward = (signal) => signalGroup(child.pid, signal);
        const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
        for (const s of signals)
            process.on(s, forward);
        const done = () => {
            for (const s of signals)
                process.off(s, forward);
        };
        child.on('error', (err) => {
            done();
            reject(err);
        });
        child.on('exit', (code, signal) => {
            done();
            // Whatever the command started in its group and left behind ends with it.
            signalGroup(child.pid, 'SIGKILL');
            if (signal) {
                resolve({ exitCode: 128 + (node_os__WEBPACK_IMPORTED_MODULE_1__.constants.signals[signal] ?? 0), signal });
            }
            else {
                resolve({ exitCode: code ?? 1 });
            }
        });
    });
}
/** Signals a process group; one that is already gone is not an error. */
function signalGroup(pgid, signal) {
    if (pgid === undefined || pgid <= 1)
        return false;
    try {
        process.kill(-pgid, signal);
        return true;
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 9205:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   a3: () => (/* reexport safe */ _duration_js__WEBPACK_IMPORTED_MODULE_0__.a)
/* harmony export */ });
/* unused harmony exports parseList, parseBoolean, parseDuration */
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7607);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);


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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${name}' is required${hint ? `: ${hint}` : '.'}`);
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Invalid ${name} '${value}'. Expected one of: ${allowed.join(', ')}.`);
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
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Invalid ${name} '${value}'. Expected true or false.`);
}
/** Seconds from `300`, `300s`, `5m`, `1h`, `1h30m`; anything else is an error that shows the accepted forms. */
function parseDuration(name, value) {
    const seconds = (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E)(value);
    if (seconds === undefined) {
        const zero = /^[0hms]*$/.test(value.trim()) && /0/.test(value);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(zero
            ? `Invalid ${name} '${value}'. It must be longer than zero.`
            : `Invalid ${name} '${value}'. Use seconds (900) or a duration such as 90s, 15m, 1h or 1h30m.`);
    }
    return seconds;
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

/***/ 3957:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I0: () => (/* binding */ checkIdTokenAvailable),
/* harmony export */   Jy: () => (/* binding */ githubIdTokenSource),
/* harmony export */   e_: () => (/* binding */ ID_TOKEN_URL),
/* harmony export */   gu: () => (/* binding */ ID_TOKEN_REQUEST_TOKEN)
/* harmony export */ });
/* unused harmony exports MAX_ID_TOKEN_RESPONSE_BYTES, createIdTokenSource */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _policy_http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8856);
/* harmony import */ var _providers_retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7252);




const ID_TOKEN_URL = 'ACTIONS_ID_TOKEN_REQUEST_URL';
const ID_TOKEN_REQUEST_TOKEN = 'ACTIONS_ID_TOKEN_REQUEST_TOKEN';
/** A GitHub OIDC token is about 1.5 KB; anything near this is not one. */
const MAX_ID_TOKEN_RESPONSE_BYTES = 64 * 1024;
const ATTEMPTS = 3;
const BASE_DELAY_MS = 500;
/**
 * The runner sets both variables only in jobs granted `id-token: write`, and never for
 * fork pull requests or Dependabot. `@actions/core` would say only "Unable to get
 * ACTIONS_ID_TOKEN_REQUEST_URL env variable", so say what to add and where.
 */
function checkIdTokenAvailable(env = process.env) {
    if (env[ID_TOKEN_URL] && env[ID_TOKEN_REQUEST_TOKEN])
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('This job cannot request a GitHub OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL is not set. ' +
        'Add `permissions: { id-token: write, contents: read }` to the job (or the workflow) that ' +
        'runs this step; a reusable workflow needs it in the caller too. Workflows triggered by a ' +
        'pull request from a fork, and Dependabot runs, never receive OIDC tokens.');
}
/** An HTTP status from the token endpoint; retried only when another attempt can help. */
class TokenEndpointError extends Error {
    retryable;
    constructor(message, retryable) {
        super(message);
        this.retryable = retryable;
    }
}
/**
 * The runner's token endpoint, asked directly rather than through `core.getIDToken`, which has
 * no deadline, no size limit and retries every failure ten times. Same rules as the clouds:
 * a deadline per attempt, a few attempts for throttling, 5xx and network failures only.
 */
function createIdTokenSource(opts) {
    const timeoutMs = opts.timeoutMs ?? (0,_providers_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .httpTimeoutMs */ .C)(opts.env);
    return async (audience) => {
        checkIdTokenAvailable(opts.env);
        const base = opts.env[ID_TOKEN_URL];
        const url = `${base}${base.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`;
        try {
            const token = await (0,_providers_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .withRetry */ .bD)(() => requestToken(url, opts, timeoutMs), {
                attempts: opts.attempts ?? ATTEMPTS,
                baseDelayMs: BASE_DELAY_MS,
                isRetryable: (err) => err instanceof TokenEndpointError
                    ? err.retryable
                    : !(err instanceof _policy_http_js__WEBPACK_IMPORTED_MODULE_2__/* .ResponseTooLargeError */ .by) && (0,_providers_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .isNetworkError */ .TX)(err),
                ...(opts.sleep ? { sleep: opts.sleep } : {}),
                ...(opts.onRetry ? { onRetry: opts.onRetry } : {}),
            });
            opts.mask(token);
            return token;
        }
        catch (err) {
            throw new Error(`Could not get a GitHub OIDC token for audience '${audience}': ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`, { cause: err });
        }
    };
}
async function requestToken(url, opts, timeoutMs) {
    const res = await (0,_policy_http_js__WEBPACK_IMPORTED_MODULE_2__/* .boundedGet */ ._1)(url, {
        headers: {
            authorization: `Bearer ${opts.env[ID_TOKEN_REQUEST_TOKEN]}`,
            accept: 'application/json',
        },
        timeoutMs,
        maxBytes: MAX_ID_TOKEN_RESPONSE_BYTES,
        what: 'the OIDC token',
        ...(opts.fetch ? { fetch: opts.fetch } : {}),
    });
    if (res.status !== 200) {
        const retryable = res.status === 429 || res.status >= 500;
        throw new TokenEndpointError(`the runner's token endpoint answered HTTP ${res.status}` +
            (res.status === 401 || res.status === 403
                ? ' (the request token was refused: is this step running in the job that was granted id-token: write?)'
                : ''), retryable);
    }
    const value = (0,_policy_http_js__WEBPACK_IMPORTED_MODULE_2__/* .jsonObject */ .o$)(res.body, 'the OIDC token answer', 'the runner')['value'];
    if (typeof value !== 'string' || value.split('.').length !== 3) {
        throw new TokenEndpointError('the runner answered without a token in "value"', false);
    }
    return value;
}
const githubIdTokenSource = (audience) => createIdTokenSource({ env: process.env, mask: (token) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(token) })(audience);


/***/ }),

/***/ 1814:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ actionsRunner)
/* harmony export */ });
/* unused harmony export coreLogger */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);

const coreLogger = {
    debug: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(m),
    info: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(m),
    warning: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(m),
    error: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(m),
};
function actionsRunner() {
    return {
        log: coreLogger,
        input: (name) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name),
        mask: maskSecret,
        setOutput: (name, value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, value),
        exportVariable: (name, value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .exportVariable */ .dN(name, value),
        addPath: (dir) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .addPath */ .fM(dir),
        saveState: (name, value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(name, value),
        getState: (name) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(name),
        appendSummary: async (markdown) => {
            // The summary file passes through the runner's masker, but write nothing secret anyway.
            if (!process.env['GITHUB_STEP_SUMMARY'])
                return;
            await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(markdown, true).write();
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.emptyBuffer();
        },
        fail: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(message),
        env: (name) => process.env[name],
    };
}
/**
 * The runner masks a registered value and its base64, JSON- and URL-escaped forms, and a
 * multi-line value whole and per line; we produce no other derived form, so registering the
 * value is enough. A very short value is skipped: masking it would blank unrelated output.
 */
function maskSecret(value) {
    if (value.trim().length < 4)
        return;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(value);
}


/***/ }),

/***/ 9754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EF: () => (/* binding */ readCapped),
/* harmony export */   Pl: () => (/* binding */ writePrivateFile),
/* harmony export */   XK: () => (/* binding */ privateDir),
/* harmony export */   Xq: () => (/* binding */ appendLine),
/* harmony export */   e6: () => (/* binding */ runnerTempOf),
/* harmony export */   nB: () => (/* binding */ privateSubdir)
/* harmony export */ });
/* unused harmony exports PRIVATE_DIR, UnsafePathError */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/**
 * The one rule for what the actions keep under RUNNER_TEMP. Every step of the job runs as the
 * same user and can write there, so nothing found there is taken on trust: our directory must be
 * a real directory of ours, private (0700), and files are opened without following symlinks.
 * What an earlier step planted (a symlink into the workspace, a world-writable directory, a
 * FIFO) is refused or tightened before anything secret is written.
 */



/** RUNNER_TEMP/jit-credentials: the ledger, the grants' directories, the caches. */
const PRIVATE_DIR = 'jit-credentials';
const { O_APPEND, O_CREAT, O_EXCL, O_RDONLY, O_WRONLY } = node_fs__WEBPACK_IMPORTED_MODULE_0__.constants;
// Absent on Windows; there the lstat checks alone apply.
const O_NOFOLLOW = node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW ?? 0;
const O_DIRECTORY = node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_DIRECTORY ?? 0;
// A FIFO would block open() until someone reads or writes its other end.
const O_NONBLOCK = node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK ?? 0;
/** Something in RUNNER_TEMP is not what this action made: a sign that another step tampered with it. */
class UnsafePathError extends Error {
    name = 'UnsafePathError';
}
function refuse(path, what) {
    throw new UnsafePathError(`Refusing to use ${path}: ${what}. jit-credentials creates it itself, private to the job's user, ` +
        'so something else in this job (an earlier step, or a process it left running) put this there. ' +
        'The job may be compromised: nothing was written there. Find the step that touched RUNNER_TEMP; ' +
        'on a self-hosted runner, check that RUNNER_TEMP is not shared between jobs or users.');
}
/** The job's RUNNER_TEMP, or the one error every entry point gives when it is unusable. */
function runnerTempOf(value) {
    if (!value || !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`RUNNER_TEMP is ${value ? `'${value}', not an absolute path` : 'not set'}: ` +
            'run this action on a GitHub Actions runner, which sets it to the job’s own temporary directory.');
    }
    return value;
}
/** RUNNER_TEMP/jit-credentials, created 0700 or checked and tightened. */
function privateDir(runnerTemp) {
    return ensurePrivateDir((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(runnerTempOf(runnerTemp), PRIVATE_DIR));
}
/** A directory inside a private one (a grant's, a tool's config dir), held to the same rule. */
function privateSubdir(parent, name) {
    if (name === '' || name === '.' || name === '..' || name !== (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(name)) {
        throw new Error(`Invalid private directory name '${name}': one path component expected.`);
    }
    return ensurePrivateDir((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(parent, name));
}
const uid = () => process.getuid?.();
function checkOwner(path, st) {
    const me = uid();
    if (me !== undefined && st.uid !== me)
        refuse(path, `it belongs to uid ${st.uid}, not ${me}`);
}
function ensurePrivateDir(path) {
    try {
        // mkdir never follows a symlink in the last component: a planted one gives EEXIST.
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(path, { mode: 0o700 });
    }
    catch (err) {
        if (err.code !== 'EEXIST')
            throw err;
    }
    const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path);
    if (st.isSymbolicLink())
        refuse(path, 'it is a symbolic link');
    if (!st.isDirectory())
        refuse(path, 'it is not a directory');
    checkOwner(path, st);
    if (uid() !== undefined && (st.mode & 0o777) !== 0o700) {
        // Through a descriptor that cannot be a symlink, and the same directory lstat saw.
        const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
        try {
            const now = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
            if (now.ino !== st.ino || now.dev !== st.dev)
                refuse(path, 'it was replaced while checked');
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fchmodSync)(fd, 0o700);
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        }
    }
    return path;
}
/** Opens a file for writing without following a symlink; refuses anything but our own regular file. */
function openOwnFile(path, flags) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, flags | O_NOFOLLOW | O_NONBLOCK, 0o600);
    }
    catch (err) {
        const code = err.code;
        if (code === 'ELOOP')
            refuse(path, 'it is a symbolic link');
        if (code === 'ENXIO')
            refuse(path, 'it is a FIFO, not a file');
        if (code === 'EEXIST')
            refuse(path, 'it already exists');
        throw err;
    }
    try {
        checkOwnFile(path, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd));
        return fd;
    }
    catch (err) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        throw err;
    }
}
function checkOwnFile(path, st) {
    if (!st.isFile())
        refuse(path, 'it is not a regular file');
    checkOwner(path, st);
    // A hard link would put our lines into another file as well.
    if (st.nlink > 1)
        refuse(path, `it has ${st.nlink} hard links`);
}
function writeAll(fd, data) {
    for (let off = 0; off < data.length;)
        off += (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(fd, data, off, data.length - off);
}
/**
 * Appends one line to a job file (the ledger) that other steps can also write. A last line left
 * without its newline (a writer killed mid-line) is ended first, so that it cannot swallow ours.
 */
function appendLine(path, line) {
    if (line.includes('\n'))
        throw new Error('appendLine: the line holds a newline');
    const fd = openOwnFile(path, O_APPEND | O_CREAT | O_WRONLY);
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (uid() !== undefined && (st.mode & 0o777) !== 0o600)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fchmodSync)(fd, 0o600);
        let prefix = '';
        if (st.size > 0) {
            const last = Buffer.alloc(1);
            // O_APPEND descriptors cannot read: look at the last byte through a second one.
            const rfd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(rfd, last, 0, 1, st.size - 1);
            }
            finally {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(rfd);
            }
            if (last[0] !== 0x0a)
                prefix = '\n';
        }
        writeAll(fd, Buffer.from(`${prefix}${line}\n`, 'utf8'));
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/** Reads at most `maxBytes` of a regular file, never through a symlink; undefined when absent. */
function readCapped(path, maxBytes) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
    }
    catch (err) {
        const code = err.code;
        if (code === 'ENOENT')
            return undefined;
        if (code === 'ELOOP')
            refuse(path, 'it is a symbolic link');
        throw err;
    }
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (!st.isFile())
            refuse(path, 'it is not a regular file');
        checkOwner(path, st);
        const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
        let got = 0;
        // One byte past the cap tells a file that grew since fstat from one that fits.
        while (got < buf.length) {
            const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buf, got, buf.length - got, null);
            if (n === 0)
                break;
            got += n;
        }
        const truncated = got > maxBytes;
        return {
            text: buf.subarray(0, Math.min(got, maxBytes)).toString('utf8'),
            truncated,
            size: Math.max(st.size, got),
        };
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/**
 * Writes a credential file that must not exist yet, 0600, into a directory this action made
 * private (privateDir / privateSubdir): never through a symlink, never into someone's file.
 */
function writePrivateFile(path, content) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path);
    const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(dir);
    if (st.isSymbolicLink())
        refuse(dir, 'it is a symbolic link');
    if (!st.isDirectory())
        refuse(dir, 'it is not a directory');
    checkOwner(dir, st);
    if (uid() !== undefined && (st.mode & 0o077) !== 0) {
        refuse(dir, `it is open to others (mode ${(st.mode & 0o777).toString(8)})`);
    }
    const fd = openOwnFile(path, O_CREAT | O_EXCL | O_WRONLY);
    try {
        writeAll(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content));
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}


/***/ })

};
